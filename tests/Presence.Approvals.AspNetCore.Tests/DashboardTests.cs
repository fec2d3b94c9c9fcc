using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using System.Collections.Generic;
using System.Text.Json;
using Presence.Approvals.AspNetCore.Tests.Support;

namespace Presence.Approvals.AspNetCore.Tests;

public abstract class DashboardTests : IAsyncLifetime
{
    private ReviewApp _app = null!;

    /// <summary>The ledger's services: the dashboard works the same on every store.</summary>
    protected abstract void Approvals(Microsoft.Extensions.DependencyInjection.IServiceCollection services);

    public async Task InitializeAsync() => _app = await ReviewApp.StartAsync(o => o.Approvals = Approvals);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_reviewer_sees_the_queue_approves_and_the_post_leaves_it()
    {
        var post = await _app.Ledger.SubmitAsync("Spring release: faster exports.", Users.Alex, DateTimeOffset.UtcNow.AddDays(1), "linkedin:acme");
        using var maria = await _app.SignedInAsync(Users.Maria);

        var queue = await maria.GetAsync("review/");
        Assert.Equal(HttpStatusCode.OK, queue.Status);
        Assert.Contains("Spring release: faster exports.", queue.MainText);

        var page = await maria.GetAsync($"review/posts/{post.Id}");
        var response = await maria.SubmitAsync(page, "form.approve");
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);

        var after = await maria.GetAsync(response.Headers.Location!.ToString());
        Assert.Contains("Your approval was recorded.", after.MainText);
        Assert.DoesNotContain("Spring release: faster exports.", after.MainText);
        Assert.Equal(ApprovalStatus.Approved, (await _app.Ledger.FindAsync(post.Id, default))!.Status);
    }

    [Fact]
    public async Task The_queue_shows_channel_content_author_due_time_and_steps_soonest_first()
    {
        var later = await _app.Ledger.SubmitAsync("Due in three days.", Users.Alex, DateTimeOffset.UtcNow.AddDays(3), "x:support");
        var sooner = await _app.Ledger.SubmitAsync("Due in two hours.", Users.Alex, DateTimeOffset.UtcNow.AddHours(2).AddMinutes(1), "x:support");
        using var maria = await _app.SignedInAsync(Users.Maria);

        var queue = await maria.GetAsync("review/");
        var soonerRow = queue.Document.GetElementById("post-" + sooner.Id)!;
        var laterRow = queue.Document.GetElementById("post-" + later.Id)!;

        Assert.Contains("x:support", soonerRow.TextContent);
        Assert.Contains(Users.Alex, soonerRow.TextContent);
        Assert.Contains("in 2 h", soonerRow.TextContent);
        Assert.Contains("0 of 1", soonerRow.TextContent);
        Assert.Contains("in 2 d", laterRow.TextContent);
        var rows = queue.Document.QuerySelectorAll("table.queue tbody tr").Select(r => r.Id).ToList();
        Assert.True(rows.IndexOf("post-" + sooner.Id) < rows.IndexOf("post-" + later.Id));
    }

    [Fact]
    public async Task Changes_requested_go_back_with_the_note_and_the_revision_shows_the_diff()
    {
        var first = await _app.Ledger.SubmitAsync("Our product is the best in the world.", Users.Alex, DateTimeOffset.UtcNow.AddDays(1), "linkedin:acme");
        using var maria = await _app.SignedInAsync(Users.Maria);
        var page = await maria.GetAsync($"review/posts/{first.Id}");

        var response = await maria.SubmitAsync(page, "form.request-changes", ("reason", "No superlatives, please."));
        var queue = await maria.GetAsync(response.Headers.Location!.ToString());
        Assert.Contains("went back to its author", queue.MainText);
        Assert.Contains("No superlatives, please.", queue.Document.QuerySelector("table.sent-back")!.TextContent);
        Assert.Equal(ApprovalStatus.ChangesRequested, (await _app.Ledger.FindAsync(first.Id))!.Status);

        var revision = await _app.Ledger.ReviseAsync(first.Id, "Our product saves teams an hour a week.", Users.Alex);
        var revised = await maria.GetAsync($"review/posts/{revision.Id}");

        Assert.Contains("No superlatives, please.", revised.MainText);
        Assert.Contains("the best in the world.", revised.Document.QuerySelector(".diff del")!.TextContent);
        Assert.Contains("saves teams an hour a week.", string.Concat(revised.Document.QuerySelectorAll(".diff ins").Select(i => i.TextContent)));
        Assert.Contains("revision", (await maria.GetAsync("review/")).Document.GetElementById("post-" + revision.Id)!.TextContent);
    }

    [Fact]
    public async Task The_history_filters_and_exports_what_the_reviewer_may_see()
    {
        var brand = await _app.Ledger.SubmitAsync("History: brand.", Users.Alex, DateTimeOffset.UtcNow.AddDays(1), "linkedin:acme");
        var support = await _app.Ledger.SubmitAsync("History: support.", Users.Alex, DateTimeOffset.UtcNow.AddDays(1), "x:support");
        await _app.Ledger.DecideAsync(support.Id, Users.Omar, approve: true, reason: "fine");
        using var omar = await _app.SignedInAsync(Users.Omar);

        var all = await omar.GetAsync("review/history");
        Assert.Contains(support.Id[..12], all.MainText);
        Assert.DoesNotContain(brand.Id[..12], all.MainText);

        var decided = await omar.GetAsync($"review/history?kind=Decided&actor={Users.Omar}&request={support.Id}");
        var row = Assert.Single(decided.Document.QuerySelectorAll("table.history tbody tr"));
        Assert.Contains("Decided", row.TextContent);

        var csvLink = decided.Document.QuerySelectorAll("p.exports a").First(a => a.TextContent == "CSV").GetAttribute("href")!;
        var csv = await omar.Http.GetAsync(csvLink.TrimStart('/'));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("at,kind,requestId", lines[0]);
        DashboardSecurityTests.AssertSecurityHeaders(csv);

        var jsonl = await omar.Http.GetAsync($"review/history.jsonl?request={support.Id}");
        var events = (await jsonl.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Contains(events, e => e.GetProperty("kind").GetString() == "Decided" && e.GetProperty("actor").GetString() == Users.Omar);
        Assert.DoesNotContain(events, e => e.GetProperty("requestId").GetString() == brand.Id);

        var other = await omar.Http.GetAsync($"review/history.jsonl?request={brand.Id}");
        Assert.Equal(string.Empty, await other.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_content_object_shows_its_text_as_it_will_appear_and_its_other_properties_beside_it()
    {
        var post = await _app.Ledger.SubmitAsync(new PagePost("acme", "Hello <b>world</b>"), Users.Alex, DateTimeOffset.UtcNow.AddDays(1), "linkedin:acme");
        using var maria = await _app.SignedInAsync(Users.Maria);

        var page = await maria.GetAsync($"review/posts/{post.Id}");

        Assert.Equal("Hello <b>world</b>", page.Document.QuerySelector("main div.content")!.TextContent);
        Assert.Empty(page.Document.QuerySelectorAll("main b"));
        Assert.Contains("acme", page.Document.QuerySelector("dl.details")!.TextContent);
    }

    [Fact]
    public async Task Posts_the_reviewer_may_not_see_stay_out_of_the_sent_back_list_and_revisions()
    {
        var brand = await _app.Ledger.SubmitAsync("Brand draft v1.", Users.Alex, DateTimeOffset.UtcNow.AddDays(1), "linkedin:acme");
        await _app.Ledger.RequestChangesAsync(brand.Id, Users.Maria, "Shorter.");
        using var omar = await _app.SignedInAsync(Users.Omar);

        var queue = await omar.GetAsync("review/");
        Assert.DoesNotContain("Brand draft v1.", queue.MainText);
    }
}

public sealed class DashboardTestsInMemory : DashboardTests
{
    protected override void Approvals(Microsoft.Extensions.DependencyInjection.IServiceCollection services) => ApprovalStores.InMemory(services);
}

public sealed class DashboardTestsSqlite(SqliteFile database) : DashboardTests, IClassFixture<SqliteFile>
{
    protected override void Approvals(Microsoft.Extensions.DependencyInjection.IServiceCollection services) => database.Register(services);
}

/// <summary>Content that is not a string: the durable store keeps it as JSON of its public properties.</summary>
public sealed class PagePost(string page, string text) : IApprovalContent
{
    public string Page { get; } = page;

    public string Text { get; } = text;

    public ContentFingerprint GetApprovalFingerprint() => ContentFingerprint.Of("page-post", Page, Text);
}
