using System.IO;
using System.Threading.Tasks;

namespace Presence.Audit.Tests;

/// <summary>-o names a file: a folder, or a place that cannot be written, is said in one sentence before any work.</summary>
public sealed class OutputPathTests
{
    [Fact]
    public async Task A_folder_given_to_o_is_named_as_a_folder()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        try
        {
            var result = await TestSupport.AuditAsync("audit", "x.sln", "-o", folder);
            Assert.Equal(2, result.ExitCode);
            Assert.Contains($"-o '{folder}' is a folder: name the file to write, for example '{Path.Combine(folder, "map.md")}'.", result.Stderr);
            Assert.DoesNotContain("denied", result.Stderr);
        }
        finally
        {
            Directory.Delete(folder);
        }
    }
}
