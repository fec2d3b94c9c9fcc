using System.Linq;
using Presence.Audit.Model;

namespace Presence.Audit.Tests;

/// <summary>The map of samples/Samples.sln: every way the two marketing tools post, and on whose decision.</summary>
[Collection(AuditCollection.Name)]
public sealed class SamplesMapTests(SamplesMap samples)
{
    private readonly PublishingMap _map = samples.Map;

    [Fact]
    public void Every_sample_site_has_the_status_its_code_earns()
    {
        var statuses = _map.Sites.Where(s => s.Project is "SocialScheduler" or "ReviewedScheduler").ToDictionary(s => s.Member, s => s.Status);
        Assert.Equal(SiteStatuses.Unattended, statuses["TipPoster.PostTipAsync"]);
        Assert.Equal(SiteStatuses.Unconfirmed, statuses["CampaignLauncher.LaunchAsync"]);
        Assert.Equal(SiteStatuses.Confirmed, statuses["ReviewedAnnouncement.AnnounceAsync"]);
        Assert.Equal(SiteStatuses.CallersConfirm, statuses["ReviewedAnnouncement.RepostAsync"]);
        Assert.Equal(SiteStatuses.Justified, statuses["StatusPageBot.ReportOutageAsync"]);
        Assert.Equal(SiteStatuses.Gated, statuses["ScheduledPublisher.PublishDueAsync"]);
    }

    [Fact]
    public void A_justified_site_carries_its_justification_and_a_gated_one_its_gate()
    {
        var justified = _map.Sites.Single(s => s.Status == SiteStatuses.Justified && s.Project == "SocialScheduler");
        Assert.Equal("Status account labelled as a bot on Mastodon; posts only uptime changes", justified.Justification);
        var gated = _map.Sites.Single(s => s.Status == SiteStatuses.Gated && s.Project == "ReviewedScheduler");
        Assert.Equal(SiteKinds.Gate, gated.Kind);
        Assert.Equal("LinkedInPublisherGate.PostAsync", gated.Api);
        Assert.Contains("ILinkedInPublisher", gated.Note);
    }

    [Fact]
    public void A_send_to_the_reviewers_own_chat_is_listed_with_who_it_reaches()
        => Assert.Contains(_map.Sites, s => s.Project == "ChatApprovals" && s.Status == SiteStatuses.Internal && s.Justification == "the reviewers' private review chat");

    [Fact]
    public void The_daily_tip_path_is_the_one_PRES002_reports()
    {
        var path = Assert.Single(_map.Paths);
        Assert.Equal("DailyTipJob.ExecuteAsync → TipPoster.PostTipAsync → IMastodonPublisher.PublishStatusAsync", path.Describe);
        Assert.Equal(["DailyTipJob.ExecuteAsync", "TipPoster.PostTipAsync"], path.Steps.Select(s => s.Function));
        var diagnostic = Assert.Single(_map.Diagnostics, d => d.Id == "PRES002");
        Assert.Contains(path.Describe, diagnostic.Message);
        Assert.Equal("error", diagnostic.Severity);
    }

    [Fact]
    public void Every_PRES002_and_PRES003_entry_point_has_a_path_in_the_map()
    {
        foreach (var diagnostic in _map.Diagnostics.Where(d => d.Id is "PRES002" or "PRES003"))
        {
            var entry = Assert.Single(_map.EntryPoints, e => e.File == diagnostic.File && e.Line == diagnostic.Line);
            Assert.Contains(_map.Paths, p => p.EntryPoint == entry.Id);
        }
    }

    [Fact]
    public void Entry_points_say_how_often_they_run_where_the_code_states_it()
    {
        var daily = Assert.Single(_map.EntryPoints, e => e.Name == "DailyTipJob.ExecuteAsync");
        Assert.Equal("hosted service", daily.Reason);
        Assert.Equal("unattended", daily.Kind);
        Assert.Equal("every TimeSpan.FromDays(1)", daily.Schedule);
        var scheduled = Assert.Single(_map.EntryPoints, e => e.Name == "ScheduledPublisher.PublishDueAsync");
        Assert.DoesNotContain(_map.Paths, p => p.EntryPoint == scheduled.Id);
    }

    [Fact]
    public void Each_project_is_read_with_its_own_enforcement_mode()
    {
        Assert.Equal("strict", _map.Projects.Single(p => p.Name == "ReviewedScheduler").Enforcement);
        Assert.Equal("default", _map.Projects.Single(p => p.Name == "SocialScheduler").Enforcement);
        Assert.All(_map.Diagnostics.Where(d => d.Project == "ReviewedScheduler"), d => Assert.Equal("error", d.Severity));
    }

    [Fact]
    public void The_model_holds_no_absolute_path()
    {
        Assert.DoesNotContain(TestSupport.RepoRoot.TrimEnd('/'), samples.Json);
        Assert.All(_map.Sites, s => Assert.False(System.IO.Path.IsPathRooted(s.File) || s.File.StartsWith("..", System.StringComparison.Ordinal), s.File));
    }
}
