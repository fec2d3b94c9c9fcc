using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Presence.Audit.Model;
using Presence.Audit.Reports;

namespace Presence.Audit.Tests;

/// <summary>
/// A comparison with the baseline where a project does not compile: what the compiler could not read there is not
/// listed as removed (nor as new), every format says that project could not be compared, and the gate still ends with
/// 3. The projects that compile are compared as before.
/// </summary>
[Collection(AuditCollection.Name)]
public sealed class BaselineWithProjectsThatDoNotCompileTests : System.IDisposable
{
    private readonly CopiedFixture _fixture = new("CrossProject");

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Sites_and_paths_of_a_project_that_does_not_compile_are_neither_removed_nor_new()
    {
        var baseline = Path.Combine(_fixture.Root, "baseline.json");
        var first = await TestSupport.AuditAsync("audit", _fixture.Solution, "-q", "-f", "json", "-o", baseline);
        Assert.True(first.ExitCode == 0, first.ToString());
        var before = JsonSerializer.Deserialize<PublishingMap>(File.ReadAllText(baseline), JsonReport.Options)!;
        Assert.Contains(before.Sites, s => s.Project == "Core" && s.Member == "DealPoster.PostAsync");
        Assert.Contains(before.Paths, p => p.Describe.StartsWith("NightlyDeals.ExecuteAsync → DealPoster.PostAsync", System.StringComparison.Ordinal));

        // Core stops compiling; in Worker, which compiles, a publish site really goes away.
        var deals = Path.Combine(_fixture.Root, "Core", "Deals.cs");
        File.WriteAllText(deals, File.ReadAllText(deals).Replace("public sealed class DealPoster(IMastodonClient mastodon)", "public sealed class DealPoster(IMastodonClientX mastodon)"));
        var jobs = Path.Combine(_fixture.Root, "Worker", "Jobs.cs");
        var text = File.ReadAllText(jobs);
        File.WriteAllText(jobs, text.Substring(0, text.IndexOf("/// <summary>Not reached by any job", System.StringComparison.Ordinal)));

        var json = await TestSupport.AuditAsync("audit", _fixture.Solution, "-q", "-f", "json", "--baseline", baseline, "--fail-on", "unattended");
        Assert.True(json.ExitCode == 3, json.ToString());
        var changes = JsonSerializer.Deserialize<PublishingMap>(json.Stdout, JsonReport.Options)!.Changes!;
        Assert.DoesNotContain(changes.RemovedSites, s => s.Project == "Core");
        Assert.DoesNotContain(changes.AddedSites, s => s.Project == "Core");
        Assert.DoesNotContain(changes.ChangedSites, c => c.Site.StartsWith("Core|", System.StringComparison.Ordinal));
        Assert.Empty(changes.RemovedPaths);
        Assert.Empty(changes.AddedPaths);
        Assert.Equal(["Core"], changes.NotCompared);
        Assert.Equal(["Core"], JsonNode.Parse(json.Stdout)!["changes"]!["notCompared"]!.AsArray().Select(p => (string)p!));
        Assert.Contains("Core does not compile", json.Stderr);
        Assert.Contains("were not compared with the baseline (listed neither as removed nor as new)", json.Stderr);

        // The project that compiles is compared as before: its removed site is listed.
        Assert.Contains(changes.RemovedSites, s => s.Project == "Worker" && s.Member == "Announcer.SayAsync");

        var md = await TestSupport.AuditAsync("audit", _fixture.Solution, "-q", "-f", "md", "--baseline", baseline);
        Assert.True(md.ExitCode == 3, md.ToString());
        Assert.Contains("> Not compared with the baseline: Core does not compile, so whether publish sites or unattended paths there were added or removed cannot be told.", md.Stdout);
        Assert.DoesNotContain("removed: `IMastodonClient.PublishStatusAsync` in DealPoster.PostAsync", md.Stdout);
        Assert.DoesNotContain("Unattended path removed", md.Stdout);
        Assert.Contains("Publish site removed: `IMastodonClient.PublishStatusAsync` in Announcer.SayAsync", md.Stdout);

        var html = await TestSupport.AuditAsync("audit", _fixture.Solution, "-q", "-f", "html", "--baseline", baseline);
        Assert.True(html.ExitCode == 3, html.ToString());
        Assert.Contains("Not compared with the baseline: Core does not compile", html.Stdout);
        Assert.DoesNotContain("in DealPoster.PostAsync</li>", html.Stdout);

        var sarif = await TestSupport.AuditAsync("audit", _fixture.Solution, "-q", "-f", "sarif", "--baseline", baseline);
        Assert.True(sarif.ExitCode == 3, sarif.ToString());
        var notifications = JsonNode.Parse(sarif.Stdout)!["runs"]![0]!["invocations"]![0]!["toolExecutionNotifications"]!.AsArray();
        Assert.Contains(notifications, n => (string)n!["message"]!["text"]! == "Core was not compared with the baseline: it does not compile, so whether publish sites or unattended paths there were added or removed cannot be told.");
    }

    // Look-alike: when everything compiles, a site that goes away is removed, and nothing is held back.
    [Fact]
    public async Task When_every_project_compiles_a_removed_site_is_listed_and_nothing_is_held_back()
    {
        var baseline = Path.Combine(_fixture.Root, "baseline.json");
        var first = await TestSupport.AuditAsync("audit", _fixture.Solution, "-q", "-f", "json", "-o", baseline);
        Assert.True(first.ExitCode == 0, first.ToString());

        var deals = Path.Combine(_fixture.Root, "Core", "Deals.cs");
        File.WriteAllText(deals, File.ReadAllText(deals).Replace("=> mastodon.PublishStatusAsync(\"Deal of the day: \" + deal);", "=> Task.CompletedTask;"));
        var json = await TestSupport.AuditAsync("audit", _fixture.Solution, "-q", "-f", "json", "--baseline", baseline);
        Assert.True(json.ExitCode == 0, json.ToString());
        var changes = JsonSerializer.Deserialize<PublishingMap>(json.Stdout, JsonReport.Options)!.Changes!;
        Assert.Contains(changes.RemovedSites, s => s.Project == "Core" && s.Member == "DealPoster.PostAsync");
        Assert.Contains(changes.RemovedPaths, p => p.Describe.StartsWith("NightlyDeals.ExecuteAsync → DealPoster.PostAsync", System.StringComparison.Ordinal));
        Assert.Empty(changes.NotCompared);

        var md = await TestSupport.AuditAsync("audit", _fixture.Solution, "-q", "-f", "md", "--baseline", baseline);
        Assert.DoesNotContain("Not compared", md.Stdout);
    }
}
