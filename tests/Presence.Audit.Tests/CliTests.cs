using System.IO;
using System.Threading.Tasks;

namespace Presence.Audit.Tests;

/// <summary>Usage and load errors: exit code 2 and a sentence that says what to do, never a stack trace.</summary>
[Collection(AuditCollection.Name)]
public sealed class CliTests
{
    private static void NoStackTrace(RunResult result)
    {
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.DoesNotContain("Exception", result.Stderr);
    }

    [Fact]
    public async Task Help_is_generated_from_the_options()
    {
        var help = await TestSupport.AuditAsync("audit", "--help");
        Assert.Equal(0, help.ExitCode);
        foreach (var option in new[] { "--format", "--output", "--baseline", "--fail-on", "--configuration", "--quiet", "html|md|sarif|json", "unattended|unconfirmed|none" })
        {
            Assert.Contains(option, help.Stdout);
        }
    }

    [Fact]
    public async Task A_missing_target_is_a_usage_error()
    {
        var result = await TestSupport.AuditAsync("audit", "no-such.sln");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'no-such.sln' does not exist.", result.Stderr);
        NoStackTrace(result);
    }

    [Fact]
    public async Task A_file_that_is_no_solution_is_a_usage_error()
    {
        var file = Path.GetTempFileName();
        var result = await TestSupport.AuditAsync("audit", file);
        File.Delete(file);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not a solution (.sln, .slnx) or a C# project (.csproj)", result.Stderr);
        NoStackTrace(result);
    }

    [Fact]
    public async Task Unknown_values_are_usage_errors()
    {
        var format = await TestSupport.AuditAsync("audit", "x.sln", "--format", "pdf");
        Assert.Equal(2, format.ExitCode);
        Assert.Contains("pdf", format.Stderr);
        var failOn = await TestSupport.AuditAsync("audit", "x.sln", "--fail-on", "everything");
        Assert.Equal(2, failOn.ExitCode);
        NoStackTrace(failOn);
    }

    [Fact]
    public async Task A_project_that_was_not_restored_says_to_restore_it()
    {
        var root = TestSupport.CopyFixture("CrossProject", restore: false);
        try
        {
            var result = await TestSupport.AuditAsync("audit", Path.Combine(root, "CrossProject.slnx"), "-q");
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("Restore has not been run", result.Stderr);
            Assert.Contains("dotnet restore", result.Stderr);
            NoStackTrace(result);
        }
        finally
        {
            TestSupport.DeleteQuietly(Path.GetDirectoryName(root)!);
        }
    }

    [Fact]
    public async Task A_project_file_that_does_not_load_is_named()
    {
        var root = Directory.CreateTempSubdirectory("presence-audit-broken-").FullName;
        try
        {
            var project = Path.Combine(root, "Broken.csproj");
            await File.WriteAllTextAsync(project, "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>");
            var result = await TestSupport.AuditAsync("audit", project, "-q");
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("Broken.csproj", result.Stderr);
            NoStackTrace(result);
        }
        finally
        {
            TestSupport.DeleteQuietly(root);
        }
    }

    [Fact]
    public async Task A_baseline_that_is_not_a_map_is_a_usage_error()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "{\"runs\": []}");
        var result = await TestSupport.AuditAsync("audit", "x.sln", "--baseline", file);
        File.Delete(file);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not a map written by `presence audit --format json`", result.Stderr);
        NoStackTrace(result);
    }
}
