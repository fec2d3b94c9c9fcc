using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Presence.Audit.Model;
using Presence.Audit.Reports;

namespace Presence.Audit.Tests;

/// <summary>
/// The pull-request gate: a map compared with the one of the base branch, by symbol. Unrelated edits change nothing;
/// a new job that posts unattended is a new path, and --fail-on unattended fails on it.
/// </summary>
[Collection(AuditCollection.Name)]
public sealed class BaselineTests : System.IDisposable
{
    private readonly CopiedFixture _fixture = new("CrossProject");

    private string Solution => _fixture.Solution;

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Edits_that_move_lines_change_nothing_and_a_new_unattended_job_fails_the_gate()
    {
        var baseline = Path.Combine(_fixture.Root, "baseline.json");
        var first = await TestSupport.AuditAsync("audit", Solution, "-q", "-o", baseline);
        Assert.Equal(0, first.ExitCode);

        // Lines move in both projects; nothing about publishing changes.
        foreach (var file in new[] { "Core/Deals.cs", "Worker/Jobs.cs" })
        {
            var path = Path.Combine(_fixture.Root, file);
            File.WriteAllText(path, "// Reformatted.\n// Three lines\n// more.\n" + File.ReadAllText(path));
        }

        var moved = await TestSupport.AuditAsync("audit", Solution, "-q", "-f", "json", "--baseline", baseline, "--fail-on", "unattended");
        Assert.True(moved.ExitCode == 0, moved.ToString());
        var changes = JsonSerializer.Deserialize<PublishingMap>(moved.Stdout, JsonReport.Options)!.Changes!;
        Assert.Empty(changes.AddedPaths);
        Assert.Empty(changes.RemovedPaths);
        Assert.Empty(changes.AddedSites);
        Assert.Empty(changes.RemovedSites);
        Assert.Empty(changes.ChangedSites);

        // A pull request adds a flash-sale job that reaches the same poster.
        File.WriteAllText(Path.Combine(_fixture.Root, "Worker", "FlashSale.cs"), """
            using System.Threading;
            using System.Threading.Tasks;
            using Core;
            using Microsoft.Extensions.Hosting;

            namespace Worker;

            public sealed class FlashSale(IDealPoster poster) : BackgroundService
            {
                protected override Task ExecuteAsync(CancellationToken stoppingToken) => poster.PostAsync("Flash sale");
            }
            """);
        var added = await TestSupport.AuditAsync("audit", Solution, "-q", "-f", "md", "--baseline", baseline, "--fail-on", "unattended");
        Assert.True(added.ExitCode == 1, added.ToString());
        Assert.Contains("New unattended path:** FlashSale.ExecuteAsync → DealPoster.PostAsync → IMastodonClient.PublishStatusAsync", added.Stdout);
        Assert.Contains("--fail-on unattended: 1 finding added since the baseline:", added.Stderr);
        Assert.Contains("new unattended path: FlashSale.ExecuteAsync → DealPoster.PostAsync → IMastodonClient.PublishStatusAsync", added.Stderr);

        // The same change does not fail a gate that only watches nothing, and fails one that watches unconfirmed sites too.
        var none = await TestSupport.AuditAsync("audit", Solution, "-q", "-f", "json", "--baseline", baseline, "--fail-on", "none");
        Assert.Equal(0, none.ExitCode);
        var map = JsonSerializer.Deserialize<PublishingMap>(none.Stdout, JsonReport.Options)!;
        Assert.Single(map.Changes!.AddedPaths);
        Assert.Empty(map.Changes.AddedSites);
        Assert.Equal(2, map.Paths.Count);
    }

    [Fact]
    public async Task Without_a_baseline_any_match_counts()
    {
        var unattended = await TestSupport.AuditAsync("audit", Solution, "-q", "-f", "json", "-o", Path.Combine(_fixture.Root, "map.json"), "--fail-on", "unattended");
        Assert.Equal(1, unattended.ExitCode);
        Assert.Contains("unattended path: NightlyDeals.ExecuteAsync → DealPoster.PostAsync → IMastodonClient.PublishStatusAsync", unattended.Stderr);
        Assert.DoesNotContain("unconfirmed publish site", unattended.Stderr);

        var unconfirmed = await TestSupport.AuditAsync("audit", Solution, "-q", "-f", "json", "-o", Path.Combine(_fixture.Root, "map.json"), "--fail-on", "unconfirmed");
        Assert.Equal(1, unconfirmed.ExitCode);
        Assert.Contains("unconfirmed publish site: LegacyChannel.Broadcast in Newsletter.Send", unconfirmed.Stderr);
        Assert.Contains("unconfirmed publish site: IMastodonClient.PublishStatusAsync in Announcer.SayAsync", unconfirmed.Stderr);
    }
}
