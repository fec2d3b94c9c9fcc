using System;
using System.Collections.Concurrent;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Playwright;
using Presence.Approvals.AspNetCore.Tests.Support;

namespace Presence.Approvals.AspNetCore.Tests.Browser;

/// <summary>
/// A reviewer in a real browser: signs in, approves a post and sees it leave the queue, holds publishing with a
/// reason, is refused their own post, and hostile post content runs nothing. Scripts are off in the reviewer's
/// browser, as the dashboard needs none. The ledger is the durable one, on an SQLite file.
/// </summary>
public sealed class ReviewerBrowserTests : IClassFixture<Chromium>, IClassFixture<SqliteFile>, IAsyncLifetime
{
    private readonly Chromium _chromium;
    private readonly SqliteFile _database;
    private ReviewApp _app = null!;

    public ReviewerBrowserTests(Chromium chromium, SqliteFile database)
    {
        _chromium = chromium;
        _database = database;
    }

    public async Task InitializeAsync() => _app = await ReviewApp.StartAsync(o => o.Approvals = _database.Register);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<IPage> SignInAsync(string user, bool javaScript = false)
    {
        var context = await _chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _app.Address.ToString(),
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"test/signin/{user}");
        return page;
    }

    [Fact]
    public async Task A_reviewer_approves_a_post_and_sees_it_leave_the_queue()
    {
        var post = await _app.Ledger.SubmitAsync("Spring release: exports twice as fast, calmer notifications.", Users.Alex, DateTimeOffset.UtcNow.AddHours(20), "linkedin:acme");
        await _app.Ledger.SubmitAsync("Support hours change on Friday.", Users.Alex, DateTimeOffset.UtcNow.AddDays(2), "x:support");
        var page = await SignInAsync(Users.Maria);

        var row = page.Locator($"#post-{post.Id}");
        await Assertions.Expect(row).ToContainTextAsync("Spring release");
        await Assertions.Expect(row).ToContainTextAsync("0 of 1");
        Directory.CreateDirectory(Chromium.Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.Screenshots, "queue.png"), FullPage = true });

        await row.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Review" }).ClickAsync();
        await Assertions.Expect(page.Locator("main .content").First).ToHaveTextAsync("Spring release: exports twice as fast, calmer notifications.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.Screenshots, "post.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Approve" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new LocatorFilterOptions { HasText = "Your approval was recorded." })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"#post-{post.Id}")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("table.queue")).ToContainTextAsync("Support hours change");
        Assert.True(File.Exists(Path.Combine(Chromium.Screenshots, "queue.png")));
        Assert.Equal(ApprovalStatus.Approved, (await _app.Ledger.FindAsync(post.Id))!.Status);
    }

    [Fact]
    public async Task A_reviewer_works_through_a_queue_with_a_row_edited_in_the_database()
    {
        var post = await _app.Ledger.SubmitAsync("Webinar on Thursday: bring your questions.", Users.Alex, DateTimeOffset.UtcNow.AddHours(20), "linkedin:acme");
        var damaged = await _app.Ledger.SubmitAsync("Text someone will swap in the database.", Users.Alex, DateTimeOffset.UtcNow.AddHours(30), "linkedin:acme");
        Assert.Equal(1, await _database.ExecuteAsync($"UPDATE presence_approval_requests SET content = 'A harmless cat picture', summary = 'A harmless cat picture' WHERE id = '{damaged.Id}'"));

        try
        {
            var page = await SignInAsync(Users.Maria);

            var untrusted = page.Locator($"#untrusted-{damaged.Id}");
            await Assertions.Expect(page.Locator("section.untrusted h2")).ToHaveTextAsync("Cannot be trusted (1)");
            await Assertions.Expect(untrusted).ToContainTextAsync(damaged.Id);
            await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("cat picture");
            var row = page.Locator($"#post-{post.Id}");
            await row.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Review" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Approve" }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new LocatorFilterOptions { HasText = "Your approval was recorded." })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator($"#post-{post.Id}")).ToHaveCountAsync(0);
            await Assertions.Expect(untrusted).ToBeVisibleAsync();
            Assert.Equal(ApprovalStatus.Approved, (await _app.Ledger.FindAsync(post.Id))!.Status);

            var response = await page.GotoAsync($"review/posts/{damaged.Id}");
            Assert.Equal(409, response!.Status);
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"Request {damaged.Id} cannot be trusted");
        }
        finally
        {
            // The database is shared by this class's tests: take the row out of their queues.
            await _app.Ledger.CancelAsync(damaged.Id, "test");
        }
    }

    [Fact]
    public async Task A_reviewer_holds_publishing_with_a_reason_and_releases_it()
    {
        var page = await SignInAsync(Users.Maria);
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Publishing hold" }).ClickAsync();

        await page.GetByLabel("Why stop publishing?").FillAsync("National day of mourning: no promotional posts");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Put publishing on hold" }).ClickAsync();

        var banner = page.Locator(".hold-banner");
        await Assertions.Expect(banner).ToContainTextAsync("Publishing is on hold");
        await Assertions.Expect(banner).ToContainTextAsync("National day of mourning: no promotional posts");
        await Assertions.Expect(banner).ToContainTextAsync(Users.Maria);
        Assert.Equal(Users.Maria, (await _app.Ledger.Hold.GetCurrentAsync(default))!.EngagedBy);

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Release the hold" }).ClickAsync();
        await Assertions.Expect(page.Locator(".hold-banner")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("table.history")).ToContainTextAsync("National day of mourning");
    }

    [Fact]
    public async Task The_author_tries_to_approve_their_own_post_and_sees_the_refusal()
    {
        var post = await _app.Ledger.SubmitAsync("Maria's own announcement.", Users.Maria, DateTimeOffset.UtcNow.AddDays(1), "linkedin:acme");
        var page = await SignInAsync(Users.Maria);
        await page.GotoAsync($"review/posts/{post.Id}");
        await Assertions.Expect(page.GetByText("You wrote this post. Someone else must approve it")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Approve" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("You wrote this post, so you cannot decide on it");
        Assert.Equal(ApprovalStatus.Pending, (await _app.Ledger.FindAsync(post.Id))!.Status);
    }

    [Fact]
    public async Task Hostile_post_content_runs_nothing_in_a_browser_with_scripts_on()
    {
        const string hostile = "<script>window.pwned = 1; alert('script')</script><img src=x onerror=\"window.pwned = 2; alert('img')\"> <svg onload=\"alert('svg')\"></svg>";
        var post = await _app.Ledger.SubmitAsync(hostile, Users.Alex, DateTimeOffset.UtcNow.AddDays(1), "linkedin:acme");
        var page = await SignInAsync(Users.Maria, javaScript: true);
        var dialogs = new ConcurrentQueue<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Enqueue(dialog.Message);
            _ = dialog.DismissAsync();
        };

        foreach (var path in new[] { "review/", $"review/posts/{post.Id}" })
        {
            await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("<script>window.pwned = 1;");
            Assert.Equal(0, await page.Locator("main script, main img, main svg").CountAsync());
            Assert.Null(await page.EvaluateAsync<int?>("() => window.pwned ?? null"));
        }

        Assert.Empty(dialogs);
    }
}
