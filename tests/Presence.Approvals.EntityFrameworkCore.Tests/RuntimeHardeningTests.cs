using System;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Presence.Approvals.EntityFrameworkCore.Tests.Support;

namespace Presence.Approvals.EntityFrameworkCore.Tests;

/// <summary>
/// On a real database: a damaged publishing-hold row refuses redeems and publishes with an audited outcome instead of
/// an exception, and a copy of a token never publishes a second time.
/// </summary>
public abstract class RuntimeHardeningTests
{
    private static readonly DateTimeOffset Monday = new(2026, 8, 3, 9, 0, 0, TimeSpan.Zero);
    private const string Gate = "LinkedInPublisherGate.PostAsync";

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public static TheoryData<string> HoldDamage => new()
    {
        "UPDATE presence_publishing_holds SET reason = '' WHERE number = 1",
        "UPDATE presence_publishing_holds SET engaged_by = '   ' WHERE number = 1",
        "UPDATE presence_publishing_holds SET released_by = 'tom' WHERE number = 1",
    };

    [Theory]
    [MemberData(nameof(HoldDamage))]
    public async Task A_damaged_hold_row_refuses_the_redeem_as_untrusted_with_an_audit_event_and_no_exception(string damage)
    {
        await using var database = await CreateDatabaseAsync();
        await using var services = database.Services(s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(Monday)));
        var ledger = services.GetRequiredService<ApprovalLedger>();
        var record = await ledger.SubmitAsync("Cheerful promo", "agent:drafts");
        await ledger.DecideAsync(record.Id, "maria", true);
        Assert.True(await ledger.Hold.EngageAsync("National day of mourning", "maria", default));
        Assert.Equal(1, await database.ExecuteAsync(damage));

        await AssertRefusedAsUntrustedAsync(services, ledger, record.Id);
    }

    [Fact]
    public async Task A_hold_row_with_a_date_that_is_not_one_refuses_the_redeem_as_untrusted()
    {
        await using var database = await CreateDatabaseAsync();
        if (database.Provider != "sqlite")
        {
            return; // PostgreSQL's timestamp column cannot hold one.
        }

        await using var services = database.Services(s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(Monday)));
        var ledger = services.GetRequiredService<ApprovalLedger>();
        var record = await ledger.SubmitAsync("Cheerful promo", "agent:drafts");
        await ledger.DecideAsync(record.Id, "maria", true);
        Assert.True(await ledger.Hold.EngageAsync("National day of mourning", "maria", default));
        Assert.Equal(1, await database.ExecuteAsync("UPDATE presence_publishing_holds SET since = 'garbage' WHERE number = 1"));

        await AssertRefusedAsUntrustedAsync(services, ledger, record.Id);
        var refusal = (await services.GetRequiredService<IApprovalAuditReader>().ReadAsync(new ApprovalAuditQuery { RequestId = record.Id, Kind = ApprovalAuditEventKind.Refused }, default)).Last();
        Assert.DoesNotContain("garbage", refusal.Detail);
    }

    [Fact]
    public async Task A_hold_row_damaged_after_the_redeem_refuses_the_publish()
    {
        await using var database = await CreateDatabaseAsync();
        await using var services = database.Services(s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(Monday)));
        var ledger = services.GetRequiredService<ApprovalLedger>();
        var record = await ledger.SubmitAsync("Promo", "agent:drafts");
        await ledger.DecideAsync(record.Id, "maria", true);
        var token = (await ledger.TryRedeemAsync(record.Id, "Promo"))!;
        await ledger.Hold.EngageAsync("Crisis", "maria", default);
        Assert.Equal(1, await database.ExecuteAsync("UPDATE presence_publishing_holds SET reason = '' WHERE number = 1"));

        var refused = Assert.Throws<ApprovalRefusedException>(() => ledger.ConsumeForPublish(token, Gate));

        Assert.Equal(RedeemOutcome.Untrusted, refused.Reason);
        var audit = services.GetRequiredService<IApprovalAuditReader>();
        Assert.Empty(await audit.ReadAsync(new ApprovalAuditQuery { Kind = ApprovalAuditEventKind.Published }, default));
        var refusal = Assert.Single(await audit.ReadAsync(new ApprovalAuditQuery { RequestId = record.Id, Kind = ApprovalAuditEventKind.Refused }, default));
        Assert.Equal((nameof(RedeemOutcome.Untrusted), Gate), (refusal.Outcome, refusal.Gate));
    }

    [Fact]
    public async Task A_clone_of_a_token_does_not_publish_twice()
    {
        await using var database = await CreateDatabaseAsync();
        await using var services = database.Services(s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(Monday)));
        var ledger = services.GetRequiredService<ApprovalLedger>();
        var record = await ledger.SubmitAsync("Promo", "agent:drafts");
        await ledger.DecideAsync(record.Id, "maria", true);
        var token = (await ledger.TryRedeemAsync(record.Id, "Promo"))!;
        var clone = (Approved<string>)typeof(object).GetMethod("MemberwiseClone", BindingFlags.NonPublic | BindingFlags.Instance)!.Invoke(token, null)!;

        // The redeem is single use in the database: a second redeem of the request gets no token.
        Assert.Equal(RedeemOutcome.AlreadyRedeemed, (await ledger.RedeemAsync(record.Id, "Promo")).Outcome);
        Assert.Equal("Promo", ledger.ConsumeForPublish(clone, Gate));

        var refused = Assert.Throws<ApprovalRefusedException>(() => ledger.ConsumeForPublish(token, Gate));
        Assert.Equal(RedeemOutcome.AlreadyRedeemed, refused.Reason);
        Assert.Single(await services.GetRequiredService<IApprovalAuditReader>().ReadAsync(new ApprovalAuditQuery { Kind = ApprovalAuditEventKind.Published }, default));
    }

    private static async Task AssertRefusedAsUntrustedAsync(ServiceProvider services, ApprovalLedger ledger, string requestId)
    {
        var redeemed = await ledger.RedeemAsync(requestId, "Cheerful promo");

        Assert.Equal((RedeemOutcome.Untrusted, requestId), (redeemed.Outcome, redeemed.RequestId));
        Assert.Null(redeemed.Approval);
        Assert.Equal(ApprovalStatus.Approved, (await ledger.FindAsync(requestId))!.Status);
        var refusal = (await services.GetRequiredService<IApprovalAuditReader>().ReadAsync(new ApprovalAuditQuery { RequestId = requestId, Kind = ApprovalAuditEventKind.Refused }, default)).Last();
        Assert.Equal(nameof(RedeemOutcome.Untrusted), refusal.Outcome);
        Assert.Contains("publishing hold cannot be read", refusal.Detail);
        Assert.Contains("presence_publishing_holds", refusal.Detail);
    }
}

public sealed class SqliteRuntimeHardeningTests : RuntimeHardeningTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresRuntimeHardeningTests : RuntimeHardeningTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
