using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Presence.Approvals.AspNetCore.Tests.Support;

namespace Presence.Approvals.AspNetCore.Tests;

/// <summary>
/// Cancelling a request that cannot be trusted from the queue, over real HTTP on the durable store: the form carries
/// an antiforgery token, needs a signed-in reviewer the rule admits, and cancels only a request that cannot be
/// trusted, whatever id is typed in.
/// </summary>
public sealed class UntrustedCancelTests : IClassFixture<SqliteFile>, IAsyncLifetime
{
    private readonly SqliteFile _database;
    private ReviewApp _app = null!;

    public UntrustedCancelTests(SqliteFile database) => _database = database;

    public async Task InitializeAsync() => _app = await ReviewApp.StartAsync(o =>
    {
        o.Approvals = _database.Register;
        o.Review = r =>
        {
            r.Channel("linkedin:acme").RequirePolicy("Brand");
            r.Channel("x:support").RequirePolicy("Support");
        };
    });

    public async Task DisposeAsync()
    {
        // The database is shared by this class's tests: take what is left out of the next test's queue.
        foreach (var left in await _app.Ledger.ListUntrustedAsync())
        {
            await _app.Ledger.CancelAsync(left.RequestId, "test");
        }

        await _app.DisposeAsync();
    }

    private async Task<ApprovalRecord> DamagedAsync(string channel = "linkedin:acme")
    {
        var damaged = await _app.Ledger.SubmitAsync("A post whose row is edited by hand.", Users.Alex, DateTimeOffset.UtcNow.AddDays(2), channel);
        Assert.Equal(1, await _database.ExecuteAsync($"UPDATE presence_approval_requests SET author = 'mallory' WHERE id = '{damaged.Id}'"));
        return damaged;
    }

    private async Task<bool> IsUntrustedAndOpenAsync(string id) => (await _app.Ledger.ListUntrustedAsync()).Any(u => u.RequestId == id);

    [Fact]
    public async Task A_reviewer_cancels_an_untrusted_request_from_the_queue_and_it_is_audited()
    {
        var damaged = await DamagedAsync();
        using var omar = await _app.SignedInAsync(Users.Omar); // reviews x:support only: untrusted rows are listed to every reviewer
        var queue = await omar.GetAsync("review/");

        var response = await omar.SubmitAsync(queue, $"#untrusted-{damaged.Id} form.cancel-untrusted");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.False(await IsUntrustedAndOpenAsync(damaged.Id));
        var after = await omar.GetAsync(response.Headers.Location!.OriginalString.TrimStart('/'));
        Assert.Contains("cannot be trusted is cancelled", after.MainText);
        Assert.Null(after.Document.GetElementById("untrusted-" + damaged.Id));
        var cancelled = Assert.Single(await _app.Services.GetRequiredService<IApprovalAuditReader>().ReadAsync(
            new ApprovalAuditQuery { RequestId = damaged.Id, Kind = ApprovalAuditEventKind.Cancelled }, default));
        Assert.Equal((Users.Omar, nameof(RedeemOutcome.Untrusted)), (cancelled.Actor, cancelled.Outcome));
        Assert.Equal(RedeemOutcome.Untrusted, (await _app.Ledger.RedeemAsync(damaged.Id, "A post whose row is edited by hand.")).Outcome);
    }

    [Fact]
    public async Task A_forged_cancel_without_the_antiforgery_token_is_refused()
    {
        var damaged = await DamagedAsync();
        using var maria = await _app.SignedInAsync(Users.Maria);

        var response = await maria.PostAsync($"/review/untrusted/{damaged.Id}/cancel");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        SecurityHeaders.Assert(response);
        Assert.True(await IsUntrustedAndOpenAsync(damaged.Id));
    }

    [Fact]
    public async Task A_cancel_posted_by_an_anonymous_browser_changes_nothing()
    {
        var damaged = await DamagedAsync();
        using var anonymous = _app.Client();

        var response = await anonymous.PostAsync($"/review/untrusted/{damaged.Id}/cancel");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await IsUntrustedAndOpenAsync(damaged.Id));
    }

    [Theory]
    [InlineData("linkedin:acme")]
    [InlineData("x:support")]
    public async Task The_id_of_a_request_that_is_fine_cancels_nothing_whatever_its_channel(string channel)
    {
        var damaged = await DamagedAsync();
        var healthy = await _app.Ledger.SubmitAsync("A healthy post.", Users.Alex, DateTimeOffset.UtcNow.AddDays(2), channel);
        using var omar = await _app.SignedInAsync(Users.Omar);
        var queue = await omar.GetAsync("review/");
        var token = queue.Document.QuerySelector($"#untrusted-{damaged.Id} form.cancel-untrusted input[type=hidden]")!;

        var response = await omar.PostAsync($"/review/untrusted/{healthy.Id}/cancel", (token.GetAttribute("name")!, token.GetAttribute("value")!));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ApprovalStatus.Pending, (await _app.Ledger.FindAsync(healthy.Id))!.Status);
        Assert.True(await IsUntrustedAndOpenAsync(damaged.Id));
        Assert.Empty(await _app.Services.GetRequiredService<IApprovalAuditReader>().ReadAsync(
            new ApprovalAuditQuery { RequestId = healthy.Id, Kind = ApprovalAuditEventKind.Cancelled }, default));
    }
}

/// <summary>The rule for cancelling untrusted requests, when the app restricts it.</summary>
public sealed class UntrustedCancelRuleTests : IClassFixture<SqliteFile>, IAsyncLifetime
{
    private readonly SqliteFile _database;
    private ReviewApp _app = null!;

    public UntrustedCancelRuleTests(SqliteFile database) => _database = database;

    public async Task InitializeAsync() => _app = await ReviewApp.StartAsync(o =>
    {
        o.Approvals = _database.Register;
        o.Review = r => r.Untrusted.RequirePolicy("Brand");
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_reviewer_the_rule_does_not_admit_sees_no_cancel_button_and_is_forbidden()
    {
        var damaged = await _app.Ledger.SubmitAsync("Edited by hand.", Users.Alex, DateTimeOffset.UtcNow.AddDays(2), "x:support");
        Assert.Equal(1, await _database.ExecuteAsync($"UPDATE presence_approval_requests SET author = 'mallory' WHERE id = '{damaged.Id}'"));
        using var omar = await _app.SignedInAsync(Users.Omar);
        var queue = await omar.GetAsync("review/");
        Assert.NotNull(queue.Document.GetElementById("untrusted-" + damaged.Id));
        Assert.Null(queue.Document.QuerySelector("form.cancel-untrusted"));

        // A token from another form of the same session.
        var hold = await omar.GetAsync("review/hold");
        var token = hold.Document.QuerySelector("form.hold input[type=hidden]")!;
        var response = await omar.PostAsync($"/review/untrusted/{damaged.Id}/cancel", (token.GetAttribute("name")!, token.GetAttribute("value")!));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(await _app.Ledger.ListUntrustedAsync(), u => u.RequestId == damaged.Id);

        using var maria = await _app.SignedInAsync(Users.Maria);
        Assert.Equal(HttpStatusCode.SeeOther, (await maria.SubmitAsync(await maria.GetAsync("review/"), "form.cancel-untrusted")).StatusCode);
        Assert.Empty(await _app.Ledger.ListUntrustedAsync());
    }
}

/// <summary>A damaged row of the publishing hold's history: the dashboard says so on every page instead of failing.</summary>
public sealed class UnreadableHoldDashboardTests : IClassFixture<SqliteFile>, IAsyncLifetime
{
    private readonly SqliteFile _database;
    private ReviewApp _app = null!;

    public UnreadableHoldDashboardTests(SqliteFile database) => _database = database;

    public async Task InitializeAsync() => _app = await ReviewApp.StartAsync(o => o.Approvals = _database.Register);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_queue_shows_that_the_hold_cannot_be_read_and_the_hold_page_refuses_without_an_error()
    {
        var post = await _app.Ledger.SubmitAsync("Still reviewable.", Users.Alex, DateTimeOffset.UtcNow.AddDays(2), "linkedin:acme");
        Assert.True(await _app.Ledger.Hold.EngageAsync("National day of mourning", Users.Maria, default));
        Assert.Equal(1, await _database.ExecuteAsync("UPDATE presence_publishing_holds SET reason = '' WHERE number = 1"));
        using var maria = await _app.SignedInAsync(Users.Maria);

        var queue = await maria.GetAsync("review/");
        Assert.Equal(HttpStatusCode.OK, queue.Status);
        Assert.Contains("The publishing hold cannot be read", queue.Html);
        Assert.NotNull(queue.Document.GetElementById("post-" + post.Id));

        var hold = await maria.GetAsync("review/hold");
        Assert.Equal(HttpStatusCode.Conflict, hold.Status);
        Assert.Contains("history cannot be read", hold.MainText);
        SecurityHeaders.Assert(hold.Response);
    }
}
