using System.Linq;
using Presence.Audit.Model;

namespace Presence.Audit.Tests;

/// <summary>
/// A worker whose hosted service reaches, through an interface, a library project that posts: the path crosses the
/// project boundary, look-alike jobs stay clean, and each project is read with its own configuration.
/// </summary>
[Collection(AuditCollection.Name)]
public sealed class CrossProjectMapTests(CrossProjectMap fixture)
{
    private readonly PublishingMap _map = fixture.Map;

    [Fact]
    public void The_unattended_path_crosses_from_the_worker_into_the_library()
    {
        var path = Assert.Single(_map.Paths);
        Assert.Equal("NightlyDeals.ExecuteAsync → DealPoster.PostAsync → IMastodonClient.PublishStatusAsync", path.Describe);
        Assert.Equal(["Worker", "Core"], path.Steps.Select(s => s.Project));
        Assert.Equal("Worker/Jobs.cs", path.Steps[0].File);
        Assert.Equal("Core/Deals.cs", path.Steps[1].File);
        var site = _map.Sites.Single(s => s.Id == path.Site);
        Assert.Equal(SiteStatuses.Unattended, site.Status);
        Assert.Equal("Mastodon", site.Platform);
        var entry = _map.EntryPoints.Single(e => e.Id == path.EntryPoint);
        Assert.Equal("every TimeSpan.FromHours(24)", entry.Schedule);
    }

    [Fact]
    public void Jobs_that_reach_a_confirmed_post_a_justified_exception_the_team_or_nothing_have_no_path()
    {
        foreach (var name in new[] { "ReviewedDigest.ExecuteAsync", "Heartbeat.ExecuteAsync", "StatusJob.ExecuteAsync", "DraftReminder.ExecuteAsync", "Idle.ExecuteAsync" })
        {
            var entry = Assert.Single(_map.EntryPoints, e => e.Name == name);
            Assert.DoesNotContain(_map.Paths, p => p.EntryPoint == entry.Id);
        }
    }

    [Fact]
    public void Each_site_has_its_status()
    {
        var statuses = _map.Sites.ToDictionary(s => s.Member, s => s.Status);
        Assert.Equal(SiteStatuses.Unattended, statuses["DealPoster.PostAsync"]);
        Assert.Equal(SiteStatuses.Confirmed, statuses["ReviewedPoster.PostAsync"]);
        Assert.Equal(SiteStatuses.Justified, statuses["StatusBot.ReportOutageAsync"]);
        Assert.Equal(SiteStatuses.Unconfirmed, statuses["Newsletter.Send"]);
        Assert.Equal(SiteStatuses.Unconfirmed, statuses["Announcer.SayAsync"]);
        Assert.Equal(SiteStatuses.Internal, statuses["EditorChat.AskAsync"]);
        Assert.Equal("the editors' private review chat", _map.Sites.Single(s => s.Member == "EditorChat.AskAsync").Justification);
        Assert.Equal(6, _map.Sites.Count);
    }

    [Fact]
    public void A_project_without_the_package_still_gets_its_enforcement_mode_and_its_PresenceApis_txt()
    {
        var core = _map.Projects.Single(p => p.Name == "Core");
        Assert.Equal("strict", core.Enforcement);
        Assert.False(core.ReferencesAnalyzers);
        var declared = _map.Sites.Single(s => s.Member == "Newsletter.Send");
        Assert.Equal(SiteKinds.DeclaredApi, declared.Kind);
        Assert.Equal("newsletter to all subscribers", declared.Note);
        var pres001 = Assert.Single(_map.Diagnostics, d => d.Id == "PRES001" && d.Project == "Core" && d.File == "Core/Deals.cs" && d.Line == 21);
        Assert.Equal("error", pres001.Severity);
    }

    [Fact]
    public void The_editorconfig_of_a_folder_sets_the_severity_reported()
    {
        var diagnostic = Assert.Single(_map.Diagnostics, d => d.Id == "PRES001" && d.Project == "Worker");
        Assert.Equal("info", diagnostic.Severity);
        Assert.Contains("PRES001", _map.Sites.Single(s => s.Member == "Announcer.SayAsync").Rules);
    }

    [Fact]
    public void The_summary_counts_what_the_lists_hold()
    {
        Assert.Equal(_map.Sites.Count, _map.Summary.Sites);
        Assert.Equal(_map.Sites.Count, _map.Summary.ByStatus.Values.Sum());
        Assert.Equal(_map.Sites.Count, _map.Summary.ByPlatform.Values.Sum());
        Assert.Equal(_map.Paths.Count, _map.Summary.UnattendedPaths);
        Assert.Equal(6, _map.Summary.EntryPoints);
    }
}
