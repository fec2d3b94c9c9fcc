using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Presence.Approvals.EntityFrameworkCore.Tests.Support;

namespace Presence.Approvals.EntityFrameworkCore.Tests;

/// <summary>
/// On a real database: a damaged row anywhere in the hold's history refuses every redeem and still lets the hold be
/// engaged; an open request whose content was removed is untrusted; a damaged audit row is shown in its place and the
/// rest of the trail is read; an unreadable value is reported with its column.
/// </summary>
public abstract class DamagedRowsFailClosedTests
{
    private static readonly DateTimeOffset Monday = new(2026, 8, 3, 9, 0, 0, TimeSpan.Zero);

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    /// <summary>A time literal the provider's column accepts.</summary>
    private static string Time(TestDatabase database, string utc) => database.Provider == "sqlite" ? $"'{utc}'" : $"'{utc}+00'";

    /// <summary>A released hold long before the post, damaged; the sqlite-only ones put text where a time belongs.</summary>
    public static TheoryData<string, string, bool> ReleasedHoldDamage => new()
    {
        { "'not a date'", "'2026-01-02 10:00:00'", true },
        { "'2026-01-01 10:00:00'", "'bad'", true },
        { "'2026-01-01 10:00:00'", "'0bad'", true },
    };

    [Theory]
    [MemberData(nameof(ReleasedHoldDamage))]
    public async Task A_released_hold_row_with_an_unreadable_time_refuses_the_redeem_and_the_hold_can_still_be_engaged(string since, string until, bool sqliteOnly)
    {
        await using var database = await CreateDatabaseAsync();
        if (sqliteOnly && database.Provider != "sqlite")
        {
            return; // PostgreSQL's timestamp columns cannot hold text.
        }

        await using var services = database.Services(s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(Monday)));
        var ledger = services.GetRequiredService<ApprovalLedger>();
        var record = await ledger.SubmitAsync("Cheerful promo", "agent:drafts");
        await ledger.DecideAsync(record.Id, "maria", true);
        await database.ExecuteAsync($"INSERT INTO presence_publishing_holds(number, reason, engaged_by, since, released_by, until) VALUES (1, 'r', 'eve', {since}, 'eve', {until})");

        var redeemed = await ledger.RedeemAsync(record.Id, "Cheerful promo");

        Assert.Equal(RedeemOutcome.Untrusted, redeemed.Outcome);
        Assert.Null(redeemed.Approval);
        Assert.Equal(ApprovalStatus.Approved, (await ledger.FindAsync(record.Id))!.Status);
        var refusal = (await services.GetRequiredService<IApprovalAuditReader>().ReadAsync(new ApprovalAuditQuery { RequestId = record.Id, Kind = ApprovalAuditEventKind.Refused }, default)).Last();
        Assert.Contains("publishing hold cannot be read", refusal.Detail);
        Assert.Contains(since.Contains("date") ? "column since" : "column until", refusal.Detail);
        Assert.DoesNotContain("not a date", refusal.Detail);
        await Assert.ThrowsAsync<ApprovalStoreCorruptException>(() => ledger.Hold.GetCurrentAsync());

        // The emergency stop still works, and publishing stays refused.
        Assert.True(await ledger.Hold.EngageAsync("Incident", "maria"));
        Assert.False(await ledger.Hold.EngageAsync("Again", "maria"));
        Assert.Equal(2L, Convert.ToInt64(await database.ScalarAsync("SELECT number FROM presence_publishing_holds WHERE until IS NULL")));
        Assert.Equal(RedeemOutcome.Untrusted, (await ledger.RedeemAsync(record.Id, "Cheerful promo")).Outcome);
    }

    [Theory]
    [InlineData("reason = ''")]
    [InlineData("engaged_by = '  '")]
    [InlineData("released_by = NULL")]
    public async Task A_released_hold_row_with_an_invalid_value_refuses_the_redeem_and_the_hold_can_still_be_engaged(string damage)
    {
        await using var database = await CreateDatabaseAsync();
        await using var services = database.Services(s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(Monday)));
        var ledger = services.GetRequiredService<ApprovalLedger>();
        var record = await ledger.SubmitAsync("Cheerful promo", "agent:drafts");
        await ledger.DecideAsync(record.Id, "maria", true);
        await database.ExecuteAsync("INSERT INTO presence_publishing_holds(number, reason, engaged_by, since, released_by, until) VALUES "
            + $"(1, 'r', 'eve', {Time(database, "2026-01-01 10:00:00")}, 'eve', {Time(database, "2026-01-02 10:00:00")})");
        Assert.Equal(1, await database.ExecuteAsync($"UPDATE presence_publishing_holds SET {damage} WHERE number = 1"));

        Assert.Equal(RedeemOutcome.Untrusted, (await ledger.RedeemAsync(record.Id, "Cheerful promo")).Outcome);
        Assert.True(await ledger.Hold.EngageAsync("Incident", "maria"));
        Assert.Equal(RedeemOutcome.Untrusted, (await ledger.RedeemAsync(record.Id, "Cheerful promo")).Outcome);
    }

    [Fact]
    public async Task A_healthy_released_hold_long_before_the_post_lets_it_be_redeemed()
    {
        await using var database = await CreateDatabaseAsync();
        await using var services = database.Services(s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(Monday)));
        var ledger = services.GetRequiredService<ApprovalLedger>();
        var record = await ledger.SubmitAsync("Cheerful promo", "agent:drafts");
        await ledger.DecideAsync(record.Id, "maria", true);
        await database.ExecuteAsync("INSERT INTO presence_publishing_holds(number, reason, engaged_by, since, released_by, until) VALUES "
            + $"(1, 'r', 'eve', {Time(database, "2026-01-01 10:00:00")}, 'eve', {Time(database, "2026-01-02 10:00:00")})");

        Assert.Null(await ledger.Hold.GetCurrentAsync());
        Assert.Single(await ledger.Hold.GetHistoryAsync());
        Assert.Equal(RedeemOutcome.Redeemed, (await ledger.RedeemAsync(record.Id, "Cheerful promo")).Outcome);
    }

    [Theory]
    [InlineData("content = NULL")]
    [InlineData("content = NULL, summary = NULL")]
    [InlineData("content = NULL, summary = NULL, content_type = NULL")]
    public async Task A_pending_request_whose_content_was_removed_is_untrusted_and_never_approved(string removal)
    {
        await using var database = await CreateDatabaseAsync();
        await using var services = database.Services(s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(Monday)));
        var ledger = services.GetRequiredService<ApprovalLedger>();
        var record = await ledger.SubmitAsync("Cheerful promo", "agent:drafts");
        Assert.Equal(1, await database.ExecuteAsync($"UPDATE presence_approval_requests SET {removal} WHERE id = '{record.Id}'"));

        Assert.Equal(DecisionOutcome.Untrusted, (await ledger.DecideAsync(record.Id, "maria", true)).Outcome);
        Assert.Contains(await ledger.ListUntrustedAsync(), u => u.RequestId == record.Id);
        Assert.DoesNotContain(await ledger.ListPendingAsync(), r => r.Id == record.Id);
        Assert.True(await ledger.CancelUntrustedAsync(record.Id, "maria"));
    }

    [Fact]
    public async Task An_approved_request_whose_content_was_removed_before_the_redeem_publishes_nothing()
    {
        await using var database = await CreateDatabaseAsync();
        await using var services = database.Services(s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(Monday)));
        var ledger = services.GetRequiredService<ApprovalLedger>();
        var record = await ledger.SubmitAsync("Cheerful promo", "agent:drafts");
        await ledger.DecideAsync(record.Id, "maria", true);
        Assert.Equal(1, await database.ExecuteAsync($"UPDATE presence_approval_requests SET content = NULL, summary = NULL, content_type = NULL WHERE id = '{record.Id}'"));

        var redeemed = await ledger.RedeemAsync(record.Id, "Cheerful promo");

        Assert.Equal(RedeemOutcome.Untrusted, redeemed.Outcome);
        Assert.Null(redeemed.Approval);
        Assert.Contains(await ledger.ListUntrustedAsync(), u => u.RequestId == record.Id && u.Problem.Contains("still open"));
    }

    [Fact]
    public async Task A_closed_request_purged_after_its_retention_stays_trusted()
    {
        await using var database = await CreateDatabaseAsync();
        var clock = new FakeTimeProvider(Monday);
        await using var services = database.Services(s => s.AddSingleton<TimeProvider>(clock));
        var ledger = services.GetRequiredService<ApprovalLedger>();
        var record = await ledger.SubmitAsync("Cheerful promo", "agent:drafts");
        await ledger.DecideAsync(record.Id, "maria", false, "Off brand");
        var open = await ledger.SubmitAsync("Still waiting", "agent:drafts");

        Assert.Equal(1, await ((IApprovalContentPurge)services.GetRequiredService<IApprovalStore>()).PurgeContentAsync(Monday.AddDays(1), default));

        var purged = (await ledger.FindAsync(record.Id))!;
        Assert.Equal((ApprovalStatus.Rejected, null, null), (purged.Status, purged.Content, purged.Summary));
        Assert.Equal("Still waiting", (await ledger.FindAsync(open.Id))!.Content!.Text);
        Assert.Empty(await ledger.ListUntrustedAsync());
    }

    [Theory]
    [InlineData("due_at")]
    [InlineData("expires_at")]
    [InlineData("submitted_at")]
    public async Task A_value_that_cannot_be_read_is_reported_with_its_column(string column)
    {
        await using var database = await CreateDatabaseAsync();
        if (database.Provider != "sqlite")
        {
            return; // PostgreSQL's timestamp columns cannot hold text.
        }

        await using var services = database.Services(s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(Monday)));
        var ledger = services.GetRequiredService<ApprovalLedger>();
        var record = await ledger.SubmitAsync("Cheerful promo", "agent:drafts", Monday.AddDays(1));
        var healthy = await ledger.SubmitAsync("Fine", "agent:drafts", Monday.AddDays(1));
        Assert.Equal(1, await database.ExecuteAsync($"UPDATE presence_approval_requests SET {column} = 'garbage' WHERE id = '{record.Id}'"));

        var untrusted = Assert.Single(await ledger.ListUntrustedAsync());
        Assert.Equal(record.Id, untrusted.RequestId);
        Assert.Contains($"the column {column} holds a value that cannot be read", untrusted.Problem);
        Assert.DoesNotContain("garbage", untrusted.Problem);
        Assert.Equal(ApprovalLookupOutcome.Untrusted, (await ledger.LookUpAsync(record.Id)).Outcome);
        Assert.Contains(await ledger.ListPendingAsync(), r => r.Id == healthy.Id);
    }

    [Fact]
    public async Task A_damaged_audit_row_is_read_as_unreadable_in_its_place_and_the_rest_of_the_trail_is_read()
    {
        await using var database = await CreateDatabaseAsync();
        await using var services = database.Services(s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(Monday)));
        var ledger = services.GetRequiredService<ApprovalLedger>();
        var first = await ledger.SubmitAsync("One", "agent:drafts");
        var second = await ledger.SubmitAsync("Two", "agent:drafts");
        await ledger.DecideAsync(second.Id, "maria", true);
        var audit = services.GetRequiredService<IApprovalAuditReader>();
        var before = await audit.ReadAsync(new ApprovalAuditQuery(), default);
        var damaged = new[] { "reviewers = 'not json'" }.Concat(database.Provider == "sqlite" ? new[] { "at = 'bad date'" } : Array.Empty<string>()).ToArray();
        for (var i = 0; i < damaged.Length; i++)
        {
            Assert.Equal(1, await database.ExecuteAsync($"UPDATE presence_approval_audit SET {damaged[i]} WHERE id = {i + 1}"));
        }

        var events = await audit.ReadAsync(new ApprovalAuditQuery(), default);

        Assert.Equal(before.Count, events.Count);
        Assert.Equal(before.Skip(damaged.Length).Select(e => (e.Kind, e.RequestId)), events.Skip(damaged.Length).Select(e => (e.Kind, e.RequestId)));
        Assert.All(events.Take(damaged.Length), e => Assert.Equal(ApprovalAuditEventKind.Unreadable, e.Kind));
        Assert.Contains("audit row 1 of presence_approval_audit cannot be read: the column reviewers", events[0].Detail);
        Assert.Equal(first.Id, events[0].RequestId);
        if (damaged.Length > 1)
        {
            Assert.Contains("audit row 2 of presence_approval_audit cannot be read: the column at holds a value", events[1].Detail);
            Assert.Equal(DateTimeOffset.MinValue, events[1].At);
            Assert.DoesNotContain("bad date", events[1].Detail);
        }

        // A query narrowed to healthy rows reads them as before.
        Assert.Single(await audit.ReadAsync(new ApprovalAuditQuery { RequestId = second.Id, Kind = ApprovalAuditEventKind.Decided }, default));
    }
}

public sealed class SqliteDamagedRowsFailClosedTests : DamagedRowsFailClosedTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresDamagedRowsFailClosedTests : DamagedRowsFailClosedTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
