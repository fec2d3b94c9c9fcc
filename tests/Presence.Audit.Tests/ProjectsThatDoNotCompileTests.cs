using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Presence.Audit.Tests;

/// <summary>
/// A project that does not compile hides what the compiler could not read: the audit says so on stderr and in the
/// report, and a gate (--fail-on, --baseline) does not pass on such a map.
/// </summary>
[Collection(AuditCollection.Name)]
public sealed class ProjectsThatDoNotCompileTests : System.IDisposable
{
    private readonly CopiedFixture _fixture = new("CrossProject");

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Compile_errors_are_reported_and_a_gate_does_not_pass_on_the_incomplete_map()
    {
        var baseline = Path.Combine(_fixture.Root, "baseline.json");
        var first = await TestSupport.AuditAsync("audit", _fixture.Solution, "-q", "-o", baseline);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.DoesNotContain("incomplete", first.Stderr);

        var deals = Path.Combine(_fixture.Root, "Core", "Deals.cs");
        File.WriteAllText(deals, File.ReadAllText(deals).Replace("public sealed class DealPoster(IMastodonClient mastodon)", "public sealed class DealPoster(IMastodonClientX mastodon)"));

        var gated = await TestSupport.AuditAsync("audit", _fixture.Solution, "-q", "-f", "md", "--baseline", baseline, "--fail-on", "unattended");
        Assert.True(gated.ExitCode == 3, gated.ToString());
        Assert.Contains("warning: The map is incomplete: Core does not compile", gated.Stderr);
        Assert.Contains("Core/Deals.cs(", gated.Stderr);
        Assert.Contains("CS0246", gated.Stderr);
        Assert.Contains("error: the map is incomplete, so the comparison with the baseline cannot pass", gated.Stderr);
        Assert.Contains("> [!WARNING]\n> The map is incomplete: Core does not compile", gated.Stdout);
        Assert.Contains("[Core/Deals.cs:", gated.Stdout);

        var failOnly = await TestSupport.AuditAsync("audit", _fixture.Solution, "-q", "-f", "json", "--fail-on", "unconfirmed");
        Assert.True(failOnly.ExitCode == 3, failOnly.ToString());
        Assert.Contains("so --fail-on unconfirmed cannot pass", failOnly.Stderr);
        var json = JsonNode.Parse(failOnly.Stdout)!;
        Assert.Contains(json["compileErrors"]!.AsArray(), e => (string)e!["id"]! == "CS0246" && (string)e["project"]! == "Core");

        // A map alone is still written, with the warning; SARIF says the run did not see everything.
        var plain = await TestSupport.AuditAsync("audit", _fixture.Solution, "-q", "-f", "sarif");
        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.Contains("warning: The map is incomplete", plain.Stderr);
        var invocation = JsonNode.Parse(plain.Stdout)!["runs"]![0]!["invocations"]![0]!;
        Assert.False((bool)invocation["executionSuccessful"]!);
        Assert.Contains("CS0246", invocation["toolExecutionNotifications"]!.AsArray().Select(n => (string)n!["message"]!["text"]!).First());
    }
}
