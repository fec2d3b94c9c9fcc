using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Playwright;
using Presence.Approvals.AspNetCore.Tests.Support;

namespace Presence.Approvals.AspNetCore.Tests.Browser;

/// <summary>
/// A reviewer in a real browser (scripts off), on the SQLite store with rows damaged by hand: the hold can still be
/// engaged while nothing publishes, a post whose content was removed cannot be approved, a damaged audit row does not
/// take the history down, and a request with any id can be cancelled.
/// </summary>
public sealed class DamagedRowsBrowserTests : IClassFixture<Chromium>, IAsyncLifetime
{
    private readonly Chromium _chromium;
    private readonly SqliteFile _database = new();
    private ReviewApp _app = null!;
    private IBrowserContext _context = null!;

    public DamagedRowsBrowserTests(Chromium chromium) => _chromium = chromium;

    public async Task InitializeAsync()
    {
        _app = await ReviewApp.StartAsync(o => o.Approvals = _database.Register);
        _context = await _chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _app.Address.ToString(), JavaScriptEnabled = false });
    }

    public async Task DisposeAsync()
    {
        await _context.CloseAsync();
        await _app.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task With_a_damaged_released_hold_row_a_reviewer_still_engages_the_hold_and_nothing_is_redeemed()
    {
        var post = await _app.Ledger.SubmitAsync("Webinar on Thursday.", Users.Alex, channel: "linkedin:acme");
        await _app.Ledger.DecideAsync(post.Id, Users.Maria, true);
        await _database.ExecuteAsync("INSERT INTO presence_publishing_holds(number, reason, engaged_by, since, released_by, until) VALUES (1, 'r', 'eve', 'not a date', 'eve', '2020-01-02 10:00:00')");
        var page = await _context.NewPageAsync();
        await page.GotoAsync($"test/signin/{Users.Maria}");

        await Assertions.Expect(page.Locator(".hold-banner")).ToContainTextAsync("nothing is published until it is repaired");
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Publishing hold" }).ClickAsync();
        await Assertions.Expect(page.Locator("main .refusal")).ToContainTextAsync("every redeem and every gate refuses");
        await page.GetByLabel("Why stop publishing?").FillAsync("Incident at the plant");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Put publishing on hold" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new LocatorFilterOptions { HasText = "Publishing is on hold" })).ToBeVisibleAsync();
        Assert.Equal(1, await _database.ExecuteAsync("UPDATE presence_publishing_holds SET reason = reason WHERE number = 2 AND until IS NULL AND engaged_by = 'maria'"));
        Assert.Equal(RedeemOutcome.Untrusted, (await _app.Ledger.RedeemAsync(post.Id, "Webinar on Thursday.")).Outcome);

        // Engaging again says it is engaged already (the damaged row does not hide the new period).
        await page.GetByLabel("Why stop publishing?").FillAsync("Second thoughts");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Put publishing on hold" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Or(page.GetByRole(AriaRole.Alert)).Filter(new LocatorFilterOptions { HasText = "already on hold" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task With_a_healthy_hold_history_the_page_shows_it_and_the_hold_engages()
    {
        Assert.True(await _app.Ledger.Hold.EngageAsync("Earlier", Users.Maria));
        Assert.True(await _app.Ledger.Hold.ReleaseAsync(Users.Maria));
        var page = await _context.NewPageAsync();
        await page.GotoAsync($"test/signin/{Users.Maria}");
        await page.GotoAsync("review/hold");

        await Assertions.Expect(page.Locator("table.history")).ToContainTextAsync("Earlier");
        await page.GetByLabel("Why stop publishing?").FillAsync("Crisis");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Put publishing on hold" }).ClickAsync();
        await Assertions.Expect(page.Locator(".hold-banner")).ToContainTextAsync("Crisis");
    }

    [Fact]
    public async Task A_pending_post_whose_content_was_removed_is_listed_as_untrusted_refused_and_cancelled()
    {
        var healthy = await _app.Ledger.SubmitAsync("Webinar on Thursday.", Users.Alex, channel: "linkedin:acme");
        var blind = await _app.Ledger.SubmitAsync("Text someone will remove.", Users.Alex, channel: "linkedin:acme");
        Assert.Equal(1, await _database.ExecuteAsync($"UPDATE presence_approval_requests SET content = NULL, summary = NULL WHERE id = '{blind.Id}'"));
        var page = await _context.NewPageAsync();
        await page.GotoAsync($"test/signin/{Users.Maria}");

        var row = page.Locator($"#untrusted-{blind.Id}");
        await Assertions.Expect(row).ToContainTextAsync("its content was removed although the request is still open");
        await Assertions.Expect(page.Locator($"#post-{blind.Id}")).ToHaveCountAsync(0);
        var post = await page.GotoAsync($"review/posts/{blind.Id}");
        Assert.Equal((int)HttpStatusCode.Conflict, post!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Approve" })).ToHaveCountAsync(0);

        await page.GotoAsync("review/");
        await page.Locator($"#untrusted-{blind.Id}").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Cancel request " + blind.Id }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new LocatorFilterOptions { HasText = "cannot be trusted is cancelled" })).ToBeVisibleAsync();
        Assert.Equal(RedeemOutcome.Untrusted, (await _app.Ledger.RedeemAsync(blind.Id, "Text someone will remove.")).Outcome);

        // The look-alike: a healthy post shows its text and can be approved.
        await page.Locator($"#post-{healthy.Id}").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Review" }).ClickAsync();
        await Assertions.Expect(page.Locator("main .content").First).ToHaveTextAsync("Webinar on Thursday.");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new LocatorFilterOptions { HasText = "Your approval was recorded" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_damaged_audit_row_is_shown_as_such_and_the_history_and_its_exports_still_load()
    {
        var post = await _app.Ledger.SubmitAsync("Webinar on Thursday.", Users.Alex, channel: "linkedin:acme");
        await _app.Ledger.DecideAsync(post.Id, Users.Maria, true);
        await _database.ExecuteAsync("INSERT INTO presence_approval_audit(at, kind, request_id, actor, reviewers) VALUES ('bad date', 1, 'x', 'eve', '[]')");
        await _database.ExecuteAsync("INSERT INTO presence_approval_audit(at, kind, request_id, actor, reviewers) VALUES ('2026-01-01 10:00:00', 1, 'y', 'eve', 'not json')");
        var page = await _context.NewPageAsync();
        await page.GotoAsync($"test/signin/{Users.Maria}");

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "History" }).ClickAsync();

        var unreadable = page.Locator("table.history tr.unreadable");
        await Assertions.Expect(unreadable).ToHaveCountAsync(2);
        await Assertions.Expect(unreadable.Filter(new LocatorFilterOptions { HasText = "the column at holds a value that cannot be read" })).ToHaveCountAsync(1);
        await Assertions.Expect(unreadable.Filter(new LocatorFilterOptions { HasText = "the column reviewers is not a JSON list" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("table.history")).ToContainTextAsync("maria approved in review");
        await Assertions.Expect(page.Locator("table.history")).Not.ToContainTextAsync("bad date");
        foreach (var export in new[] { "CSV", "JSON lines" })
        {
            var response = await page.Context.APIRequest.GetAsync(await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = export, Exact = true }).GetAttributeAsync("href"));
            Assert.Equal(200, response.Status);
            var text = await response.TextAsync();
            Assert.Equal(2, text.Split('\n').Count(line => line.Contains("Unreadable") && line.Contains("cannot be read")));
            Assert.Contains(post.Id, text);
        }
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("<x>")]
    [InlineData("with space")]
    public async Task An_untrusted_request_whose_id_holds_any_character_is_cancelled_from_the_queue(string id)
    {
        var damaged = await _app.Ledger.SubmitAsync("Webinar on Thursday.", Users.Alex, channel: "linkedin:acme");
        Assert.Equal(1, await _database.ExecuteAsync($"UPDATE presence_approval_requests SET id = '{id}' WHERE id = '{damaged.Id}'"));
        var page = await _context.NewPageAsync();
        await page.GotoAsync($"test/signin/{Users.Maria}");

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Cancel request " + id, Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new LocatorFilterOptions { HasText = "cannot be trusted is cancelled" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("section.untrusted")).ToHaveCountAsync(0);
        Assert.DoesNotContain(await _app.Ledger.ListUntrustedAsync(), u => u.RequestId == id);
    }
}
