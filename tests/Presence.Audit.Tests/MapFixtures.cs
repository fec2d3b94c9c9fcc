using System;
using System.IO;
using System.Threading.Tasks;
using Presence.Audit.Model;
using Presence.Audit.Reports;

namespace Presence.Audit.Tests;

/// <summary>The samples' map, loaded once for a test class.</summary>
public sealed class SamplesMap : IAsyncLifetime
{
    public PublishingMap Map { get; private set; } = null!;

    public string Json { get; private set; } = "";

    public string Solution { get; } = Path.Combine(TestSupport.RepoRoot, "samples", "Samples.sln");

    public async Task InitializeAsync()
    {
        var restore = TestSupport.DotNet(TestSupport.RepoRoot, "restore", Solution);
        Assert.True(restore.ExitCode == 0, "restore failed: " + restore);
        var result = await TestSupport.AuditAsync("audit", Solution, "--format", "json", "--quiet");
        Assert.True(result.ExitCode == 0, result.ToString());
        Json = result.Stdout;
        Map = System.Text.Json.JsonSerializer.Deserialize<PublishingMap>(Json, JsonReport.Options)!;
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>The two-project fixture (a worker whose hosted service reaches a library that posts), copied, restored and mapped once.</summary>
public sealed class CrossProjectMap : IAsyncLifetime
{
    public string Root { get; private set; } = "";

    public string Solution => Path.Combine(Root, "CrossProject.slnx");

    public PublishingMap Map { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Root = TestSupport.CopyFixture("CrossProject");
        var result = await TestSupport.AuditAsync("audit", Solution, "--format", "json", "--quiet");
        Assert.True(result.ExitCode == 0, result.ToString());
        Map = System.Text.Json.JsonSerializer.Deserialize<PublishingMap>(result.Stdout, JsonReport.Options)!;
    }

    public Task DisposeAsync()
    {
        TestSupport.DeleteQuietly(Path.GetDirectoryName(Root)!);
        return Task.CompletedTask;
    }
}
