using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

namespace Presence.Audit.Tests;

/// <summary>
/// The tool as users get it: packed, installed with `dotnet tool install --tool-path` from a fresh folder feed with a
/// per-run packages folder (NuGet caches by id and version), then run on a solution. A packed MSBuild-workspace tool
/// must still find its build host.
/// </summary>
[Collection(AuditCollection.Name)]
public sealed class InstalledToolTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("presence-audit-tool-").FullName;

    public void Dispose() => TestSupport.DeleteQuietly(_root);

    [Fact]
    public void The_installed_presence_command_maps_a_solution()
    {
        var version = "0.0.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss");
        var feed = Path.Combine(_root, "feed");
        var pack = TestSupport.DotNet(TestSupport.RepoRoot, "pack", Path.Combine("src", "Presence.Audit", "Presence.Audit.csproj"), "-c", "Release", "-o", feed, "-p:PackageVersion=" + version);
        Assert.True(pack.ExitCode == 0, "pack failed: " + pack);
        Assert.Single(Directory.GetFiles(feed, "Presence.Audit." + version + ".nupkg"));

        var tools = Path.Combine(_root, "tools");
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_root, "packages") };
        var install = TestSupport.Run("dotnet", _root, environment, "tool", "install", "Presence.Audit", "--tool-path", tools, "--add-source", feed, "--version", version);
        Assert.True(install.ExitCode == 0, "install failed: " + install);

        var presence = Path.Combine(tools, OperatingSystem.IsWindows() ? "presence.exe" : "presence");
        var help = TestSupport.Run(presence, _root, null, "--help");
        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains("audit", help.Stdout);

        var fixture = TestSupport.CopyFixture("CrossProject");
        try
        {
            var sarif = Path.Combine(_root, "map.sarif");
            var run = TestSupport.Run(presence, fixture, null, "audit", "CrossProject.slnx", "--format", "sarif", "-o", sarif, "--fail-on", "unattended");
            Assert.True(run.ExitCode == 1, run.ToString());
            Assert.Matches(@"Analysing project \d of \d: Worker", run.Stderr);
            var results = JsonNode.Parse(File.ReadAllText(sarif))!["runs"]![0]!["results"]!.AsArray();
            var path = Assert.Single(results, r => r!["codeFlows"] is not null)!;
            Assert.Contains("NightlyDeals.ExecuteAsync → DealPoster.PostAsync → IMastodonClient.PublishStatusAsync", (string?)path["message"]!["text"]);
        }
        finally
        {
            TestSupport.DeleteQuietly(Path.GetDirectoryName(fixture)!);
        }
    }
}
