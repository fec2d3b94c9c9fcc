using System.IO;
using System.Threading.Tasks;

namespace Presence.Audit.Tests;

/// <summary>A baseline edited by hand with null where presence writes a value: one sentence and exit 2, never a stack trace.</summary>
public sealed class DamagedBaselineTests
{
    private const string Site = """{ "id": "Core|M:A.B|Api|1", "status": "unattended", "api": "Api", "member": "A.B", "file": "a.cs" }""";
    private const string Path = """{ "id": "p1", "describe": "A → B" }""";

    [Theory]
    [InlineData("""{ "tool": "presence", "sites": null, "paths": [] }""", "the 'sites' list")]
    [InlineData("""{ "tool": "presence", "sites": [], "paths": null }""", "the 'paths' list")]
    [InlineData("""{ "tool": "presence", "sites": [null], "paths": [] }""", "site 1")]
    [InlineData("""{ "tool": "presence", "sites": [ { "id": null, "status": "unattended", "api": "Api", "member": "A.B", "file": "a.cs" } ], "paths": [] }""", "site 1")]
    [InlineData("""{ "tool": "presence", "sites": [ """ + Site + """, { "id": "x", "status": null, "api": "Api", "member": "A.B", "file": "a.cs" } ], "paths": [] }""", "site 2")]
    [InlineData("""{ "tool": "presence", "sites": [], "paths": [ { "id": null, "describe": "A → B" } ] }""", "path 1")]
    [InlineData("""{ "tool": "presence", "sites": [], "paths": [ """ + Path + """, { "id": "p2", "describe": null } ] }""", "path 2")]
    public async Task A_null_where_the_map_holds_a_value_is_named(string json, string named)
    {
        var file = System.IO.Path.GetTempFileName();
        await File.WriteAllTextAsync(file, json);
        var result = await TestSupport.AuditAsync("audit", "x.sln", "--baseline", file);
        File.Delete(file);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not a map written by `presence audit --format json`: ", result.Stderr);
        Assert.Contains(named, result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.DoesNotContain("Exception", result.Stderr);
    }
}
