using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Presence.Audit.Model;
using Presence.Audit.Reports;

namespace Presence.Audit.Tests;

/// <summary>
/// A team moving its callers to a generated gate, in audit mode so that PRES009 warns meanwhile: a direct call of the
/// gated publisher is on the map as a publish nothing guards, and a hosted service that adds one fails the gate.
/// </summary>
[Collection(AuditCollection.Name)]
public sealed class GateBypassTests
{
    [Fact]
    public async Task A_direct_call_of_a_gated_publisher_is_an_unguarded_site_and_a_job_that_adds_one_fails_the_gate()
    {
        using var fixture = new CopiedFixture("GateBypass");
        var baseline = Path.Combine(fixture.Root, "baseline.json");
        var first = await TestSupport.AuditAsync("audit", fixture.Solution, "-q", "-o", baseline);
        Assert.True(first.ExitCode == 0, first.ToString());
        var before = JsonSerializer.Deserialize<PublishingMap>(File.ReadAllText(baseline), JsonReport.Options)!;
        Assert.Equal(SiteStatuses.Gated, Assert.Single(before.Sites, s => s.Member == "ReviewedNewsJob.ExecuteAsync").Status);
        var button = Assert.Single(before.Sites, s => s.Member == "Composer.SendAsync");
        Assert.Equal(SiteStatuses.Unconfirmed, button.Status);
        Assert.Equal("INewsPublisher.PostAsync", button.Api);
        Assert.Equal(["PRES009"], button.Rules);
        Assert.Empty(before.Paths);

        File.WriteAllText(Path.Combine(fixture.Root, "News", "BreakingNews.cs"), """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;

            namespace News;

            public sealed class BreakingNewsJob(INewsPublisher news) : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        await news.PostAsync("Breaking!", stoppingToken);
                        await Task.Delay(TimeSpan.FromHours(1), stoppingToken);
                    }
                }
            }
            """);
        var added = await TestSupport.AuditAsync("audit", fixture.Solution, "-q", "-f", "json", "--baseline", baseline, "--fail-on", "unattended");
        Assert.True(added.ExitCode == 1, added.ToString());
        Assert.Contains("new unattended path: BreakingNewsJob.ExecuteAsync → INewsPublisher.PostAsync", added.Stderr);
        var map = JsonSerializer.Deserialize<PublishingMap>(added.Stdout, JsonReport.Options)!;
        var site = Assert.Single(map.Sites, s => s.Member == "BreakingNewsJob.ExecuteAsync");
        Assert.Equal(SiteStatuses.Unattended, site.Status);
        Assert.Equal(["PRES009"], site.Rules);
        Assert.Equal(site.Id, Assert.Single(map.Changes!.AddedPaths).Site);

        // The build's diagnostics are unchanged: PRES009 once per direct call, a warning in audit mode, and nothing else.
        Assert.Equal(2, map.Diagnostics.Count(d => d.Id == "PRES009" && d.Severity == "warning"));
        Assert.DoesNotContain(map.Diagnostics, d => d.Id is "PRES001" or "PRES002");
    }
}
