using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Presence.Approvals.AspNetCore.Tests.Support;

namespace Presence.Approvals.AspNetCore.Tests.Browser;

/// <summary>A reviewer in a real browser (scripts off) cancels a request whose row was edited in the database.</summary>
public sealed class UntrustedCancelBrowserTests : IClassFixture<Chromium>, IClassFixture<SqliteFile>, IAsyncLifetime
{
    private readonly Chromium _chromium;
    private readonly SqliteFile _database;
    private ReviewApp _app = null!;

    public UntrustedCancelBrowserTests(Chromium chromium, SqliteFile database)
    {
        _chromium = chromium;
        _database = database;
    }

    public async Task InitializeAsync() => _app = await ReviewApp.StartAsync(o => o.Approvals = _database.Register);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_reviewer_clicks_cancel_on_an_untrusted_row_and_it_leaves_the_queue_cancelled()
    {
        var healthy = await _app.Ledger.SubmitAsync("Webinar on Thursday.", Users.Alex, DateTimeOffset.UtcNow.AddHours(20), "linkedin:acme");
        var damaged = await _app.Ledger.SubmitAsync("Text someone will swap in the database.", Users.Alex, DateTimeOffset.UtcNow.AddHours(30), "linkedin:acme");
        Assert.Equal(1, await _database.ExecuteAsync($"UPDATE presence_approval_requests SET summary = 'A harmless cat picture' WHERE id = '{damaged.Id}'"));
        var context = await _chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _app.Address.ToString(), JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"test/signin/{Users.Maria}");

        var row = page.Locator($"#untrusted-{damaged.Id}");
        await Assertions.Expect(row).ToContainTextAsync(damaged.Id);
        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Cancel request " + damaged.Id }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new LocatorFilterOptions { HasText = "cannot be trusted is cancelled" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"#untrusted-{damaged.Id}")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("section.untrusted")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator($"#post-{healthy.Id}")).ToBeVisibleAsync();
        // The row is closed as cancelled (a no-op update that matches only that status), and stays untrusted.
        Assert.Equal(1, await _database.ExecuteAsync($"UPDATE presence_approval_requests SET status = status WHERE id = '{damaged.Id}' AND status = {(int)ApprovalStatus.Cancelled}"));
        Assert.DoesNotContain(await _app.Ledger.ListUntrustedAsync(), u => u.RequestId == damaged.Id);
        Assert.Equal(Users.Maria, (await _app.Services.GetRequiredService<IApprovalAuditReader>().ReadAsync(
            new ApprovalAuditQuery { RequestId = damaged.Id, Kind = ApprovalAuditEventKind.Cancelled }, default)).Single().Actor);
        Assert.Equal(ApprovalStatus.Pending, (await _app.Ledger.FindAsync(healthy.Id))!.Status);
        await context.CloseAsync();
    }
}
