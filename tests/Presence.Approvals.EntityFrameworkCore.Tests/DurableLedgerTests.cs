using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Presence.Approvals.EntityFrameworkCore.Tests.Support;

namespace Presence.Approvals.EntityFrameworkCore.Tests;

/// <summary>The durable ledger on a real database: what survives a restart, how it is stored, what it refuses to trust.</summary>
public abstract class DurableLedgerTests
{
    protected static readonly DateTimeOffset Monday = new(2026, 8, 3, 9, 0, 0, TimeSpan.Zero);

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    private static ServiceProvider Services(TestDatabase database, FakeTimeProvider time, Action<PresenceApprovalsOptions>? configure = null)
        => database.Services(s => s.AddSingleton<TimeProvider>(time), configure);

    [Fact]
    public async Task A_post_approved_on_Monday_is_redeemed_on_Friday_after_a_restart()
    {
        await using var database = await CreateDatabaseAsync();
        var time = new FakeTimeProvider(Monday);
        var friday = Monday.AddDays(4);
        string id;
        await using (var services = Services(database, time))
        {
            var ledger = services.GetRequiredService<ApprovalLedger>();
            var record = await ledger.SubmitAsync("Friday's launch post", "agent:drafts", dueAt: friday, channel: "linkedin:acme");
            Assert.True((await ledger.DecideAsync(record.Id, "maria", true, "on brand")).IsRecorded);
            id = record.Id;
        }

        time.SetUtcNow(friday);
        await using (var services = Services(database, time))
        {
            var ledger = services.GetRequiredService<ApprovalLedger>();
            var stored = (await ledger.FindAsync(id))!;
            Assert.Equal((ApprovalStatus.Approved, "agent:drafts", "linkedin:acme", "Friday's launch post"), (stored.Status, stored.Author, stored.Channel, stored.Content!.Text));
            var decision = Assert.Single(stored.Decisions);
            Assert.Equal(("maria", "review", ReviewerVerdict.Approved, Monday, "on brand"), (decision.Reviewer, decision.StepName, decision.Verdict, decision.At, decision.Reason));

            var redeemed = await ledger.RedeemAsync(id, "Friday's launch post");
            Assert.Equal(RedeemOutcome.Redeemed, redeemed.Outcome);
            Assert.Equal(new[] { "maria" }, redeemed.Approval!.Reviewers);
            Assert.Equal(RedeemOutcome.AlreadyRedeemed, (await ledger.RedeemAsync(id, "Friday's launch post")).Outcome);
        }
    }

    [Fact]
    public async Task Times_are_stored_in_UTC_whatever_offset_they_came_with()
    {
        await using var database = await CreateDatabaseAsync();
        var time = new FakeTimeProvider(Monday);
        await using var services = Services(database, time);
        var ledger = services.GetRequiredService<ApprovalLedger>();
        var dueInBerlin = new DateTimeOffset(2026, 8, 4, 11, 30, 0, TimeSpan.FromHours(2));
        var late = await ledger.SubmitAsync("second", "agent:drafts", dueAt: dueInBerlin.AddHours(1));
        time.Advance(TimeSpan.FromMinutes(1));
        var early = await ledger.SubmitAsync("first", "agent:drafts", dueAt: dueInBerlin);

        var stored = (await ledger.FindAsync(early.Id))!;

        Assert.Equal(dueInBerlin, stored.DueAt);
        Assert.Equal(TimeSpan.Zero, stored.DueAt!.Value.Offset);
        var raw = Convert.ToString(await database.ScalarAsync($"SELECT due_at FROM presence_approval_requests WHERE id = '{early.Id}'"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("09:30", raw);
        Assert.Equal(new[] { late.Id, early.Id }, (await ledger.ListPendingAsync()).Select(r => r.Id)); // submission order
    }

    [Fact]
    public async Task Changes_requested_and_revisions_are_kept()
    {
        await using var database = await CreateDatabaseAsync();
        var time = new FakeTimeProvider(Monday);
        await using var services = Services(database, time);
        var ledger = services.GetRequiredService<ApprovalLedger>();
        var first = await ledger.SubmitAsync("Flash sale!", "tom", channel: "x:acme");
        await ledger.RequestChangesAsync(first.Id, "maria", "Which products?");

        var revision = await ledger.ReviseAsync(first.Id, "Flash sale on garden tools!", "tom");

        var sentBack = (await ledger.FindAsync(first.Id))!;
        Assert.Equal(ApprovalStatus.ChangesRequested, sentBack.Status);
        Assert.Equal((ReviewerVerdict.ChangesRequested, "Which products?"), (sentBack.Decisions[0].Verdict, sentBack.Decisions[0].Reason));
        var stored = (await ledger.FindAsync(revision.Id))!;
        Assert.Equal((first.Id, "x:acme", "Flash sale on garden tools!"), (stored.Supersedes, stored.Channel, stored.Content!.Text));
    }

    [Fact]
    public async Task Typed_content_is_kept_as_json_for_reviewers_with_markup_escaped()
    {
        await using var database = await CreateDatabaseAsync();
        await using var services = Services(database, new FakeTimeProvider(Monday));
        var ledger = services.GetRequiredService<ApprovalLedger>();

        var record = await ledger.SubmitAsync(new LinkedInPost("acme", "<script>alert(1)</script> Our release"), "agent:drafts");

        var stored = (await ledger.FindAsync(record.Id))!;
        Assert.Equal(ReviewContent.Json, stored.Content!.MediaType);
        Assert.DoesNotContain("<script>", stored.Content.Text);
        using var json = System.Text.Json.JsonDocument.Parse(stored.Content.Text);
        Assert.Equal("<script>alert(1)</script> Our release", json.RootElement.GetProperty("Text").GetString());
    }

    [Fact]
    public async Task The_hold_and_its_history_are_shared_and_survive_a_restart()
    {
        await using var database = await CreateDatabaseAsync();
        var time = new FakeTimeProvider(Monday);
        await using var web = Services(database, time);
        await using var worker = Services(database, time);
        var workerLedger = worker.GetRequiredService<ApprovalLedger>();
        var record = await workerLedger.SubmitAsync("Cheerful promo", "agent:drafts");
        await workerLedger.DecideAsync(record.Id, "maria", true);

        Assert.True(await web.GetRequiredService<IPublishingHold>().EngageAsync("National day of mourning", "maria", default));
        Assert.False(await worker.GetRequiredService<IPublishingHold>().EngageAsync("Another reason", "tom", default));
        Assert.Equal(RedeemOutcome.Held, (await workerLedger.RedeemAsync(record.Id, "Cheerful promo")).Outcome);
        time.Advance(TimeSpan.FromHours(5));
        Assert.True(await worker.GetRequiredService<IPublishingHold>().ReleaseAsync("tom", default));
        Assert.Equal(RedeemOutcome.FellDueDuringHold, (await workerLedger.RedeemAsync(record.Id, "Cheerful promo")).Outcome);

        await using var restarted = Services(database, time);
        var history = await restarted.GetRequiredService<IPublishingHold>().GetHistoryAsync(default);
        var period = Assert.Single(history);
        Assert.Equal(("National day of mourning", "maria", Monday, "tom", (DateTimeOffset?)Monday.AddHours(5)), (period.Reason, period.EngagedBy, period.Since, period.ReleasedBy, period.Until));
        Assert.Null(await restarted.GetRequiredService<IPublishingHold>().GetCurrentAsync(default));
    }

    [Fact]
    public async Task A_gate_refuses_a_token_when_another_instance_engaged_the_hold_after_the_redeem()
    {
        await using var database = await CreateDatabaseAsync();
        var time = new FakeTimeProvider(Monday);
        await using var web = Services(database, time);
        await using var worker = Services(database, time);
        var ledger = worker.GetRequiredService<ApprovalLedger>();
        var record = await ledger.SubmitAsync("Promo", "agent:drafts");
        await ledger.DecideAsync(record.Id, "maria", true);
        var token = (await ledger.TryRedeemAsync(record.Id, "Promo"))!;

        await web.GetRequiredService<IPublishingHold>().EngageAsync("Crisis", "maria", default);

        var refused = Assert.Throws<ApprovalRefusedException>(() => ledger.ConsumeForPublish(token, "LinkedInPublisherGate.PostAsync"));
        Assert.Equal(RedeemOutcome.Held, refused.Reason);
    }

    [Fact]
    public async Task The_audit_trail_is_kept_and_reads_back_for_evidence()
    {
        await using var database = await CreateDatabaseAsync();
        var time = new FakeTimeProvider(Monday);
        string id;
        await using (var services = Services(database, time))
        {
            var ledger = services.GetRequiredService<ApprovalLedger>();
            var record = await ledger.SubmitAsync("Secret launch text", "agent:drafts", channel: "linkedin:acme");
            await ledger.DecideAsync(record.Id, "agent:drafts", true);
            await ledger.DecideAsync(record.Id, "maria", true);
            var token = (await ledger.TryRedeemAsync(record.Id, "Secret launch text"))!;
            ledger.ConsumeForPublish(token, "LinkedInPublisherGate.PostAsync");
            await ledger.ReportPublishedAsync(record.Id, "urn:li:share:7");
            id = record.Id;
        }

        await using var restarted = Services(database, time);
        var reader = restarted.GetRequiredService<IApprovalAuditReader>();
        var trail = await reader.ReadAsync(new ApprovalAuditQuery { RequestId = id }, default);

        Assert.Equal(
            new[] { ApprovalAuditEventKind.Submitted, ApprovalAuditEventKind.Refused, ApprovalAuditEventKind.Decided, ApprovalAuditEventKind.Redeemed, ApprovalAuditEventKind.Published, ApprovalAuditEventKind.PublishSucceeded },
            trail.Select(e => e.Kind));
        Assert.Equal(("SelfApproval", "agent:drafts"), (trail[1].Outcome, trail[1].Actor));
        Assert.Equal(new[] { "maria" }, trail[3].Reviewers);
        Assert.All(trail, e => Assert.Equal(ContentFingerprint.For("Secret launch text"), e.Fingerprint));
        Assert.Single(await reader.ReadAsync(new ApprovalAuditQuery { Actor = "MARIA" }, default));

        var export = new StringWriter();
        ApprovalAuditExport.WriteJsonLines(export, trail);
        Assert.DoesNotContain("Secret launch text", export.ToString());
        Assert.Equal(6, export.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Content_is_purged_after_the_retention_period_and_the_evidence_stays()
    {
        await using var database = await CreateDatabaseAsync();
        var time = new FakeTimeProvider(Monday);
        await using var services = Services(database, time, o => o.Policy = ApprovalPolicy.Default.WithContentRetention(TimeSpan.FromDays(30)));
        var ledger = services.GetRequiredService<ApprovalLedger>();
        var old = await ledger.SubmitAsync("Old post", "agent:drafts");
        await ledger.DecideAsync(old.Id, "maria", true);
        await ledger.RedeemAsync(old.Id, "Old post");
        var open = await ledger.SubmitAsync("Still waiting", "agent:drafts");
        time.Advance(TimeSpan.FromDays(31));

        Assert.Equal(1, await ledger.PurgeContentAsync());

        var purged = (await ledger.FindAsync(old.Id))!;
        Assert.Equal((null, null, ApprovalStatus.Redeemed, "maria"), (purged.Content, purged.Summary, purged.Status, purged.Decisions.Single().Reviewer));
        Assert.Equal(ContentFingerprint.For("Old post"), purged.Fingerprint);
        Assert.Equal("Still waiting", (await ledger.FindAsync(open.Id))!.Content!.Text);
    }

    [Fact]
    public async Task A_stale_version_never_overwrites_a_newer_one()
    {
        await using var database = await CreateDatabaseAsync();
        await using var services = Services(database, new FakeTimeProvider(Monday));
        var ledger = services.GetRequiredService<ApprovalLedger>();
        var store = services.GetRequiredService<IApprovalStore>();
        var record = await ledger.SubmitAsync("Hello", "agent:drafts");
        var approved = (await ledger.DecideAsync(record.Id, "maria", true)).Record!;

        var stale = (await ledger.SubmitAsync("Other", "agent:drafts"));
        Assert.False(await store.TryUpdateAsync(Rewrite(record, approved.Version + 5), record.Version, default));
        Assert.Equal(ApprovalStatus.Approved, (await store.FindAsync(record.Id, default))!.Status);
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AddAsync(stale, default));
    }

    [Theory]
    [InlineData("UPDATE presence_approval_requests SET status = 42 WHERE id = '{id}'", "status 42 is not one this version knows")]
    [InlineData("UPDATE presence_approval_requests SET fingerprint = '{other}' WHERE id = '{id}'", "seal does not match")]
    [InlineData("UPDATE presence_approval_requests SET fingerprint = 'not hex' WHERE id = '{id}'", "fingerprint is malformed")]
    [InlineData("UPDATE presence_approval_requests SET content = 'Something else entirely' WHERE id = '{id}'", "does not have the approved fingerprint")]
    [InlineData("UPDATE presence_approval_requests SET decisions = '[{\"reviewer\":\"maria\"' WHERE id = '{id}'", "decisions cannot be read")]
    [InlineData("UPDATE presence_approval_requests SET decisions = '[{\"reviewer\":\"maria\",\"step\":\"review\",\"verdict\":\"Maybe\"}]' WHERE id = '{id}'", "unknown verdict 'Maybe'")]
    [InlineData("UPDATE presence_approval_requests SET publish_outcome = 9 WHERE id = '{id}'", "publish outcome 9")]
    [InlineData("UPDATE presence_approval_requests SET author = 'someone else' WHERE id = '{id}'", "seal does not match")]
    public async Task A_row_changed_outside_the_ledger_is_refused_with_a_clear_error_and_never_becomes_a_token(string sql, string expected)
    {
        await using var database = await CreateDatabaseAsync();
        await using var services = Services(database, new FakeTimeProvider(Monday));
        var ledger = services.GetRequiredService<ApprovalLedger>();
        var record = await ledger.SubmitAsync("Approved text", "agent:drafts");
        await ledger.DecideAsync(record.Id, "maria", true);
        Assert.Equal(1, await database.ExecuteAsync(sql.Replace("{id}", record.Id).Replace("{other}", ContentFingerprint.For("Other text").Value)));

        var error = await Assert.ThrowsAsync<ApprovalStoreCorruptException>(() => ledger.RedeemAsync(record.Id, "Other text"));
        Assert.Contains(expected, error.Message);
        Assert.Contains(record.Id, error.Message);
        Assert.Equal(record.Id, error.RequestId);
        await Assert.ThrowsAsync<ApprovalStoreCorruptException>(() => ledger.RedeemAsync(record.Id, "Approved text"));
        Assert.Empty(await services.GetRequiredService<IApprovalAuditReader>().ReadAsync(new ApprovalAuditQuery { Kind = ApprovalAuditEventKind.Redeemed }, default));
    }

    private static ApprovalRecord Rewrite(ApprovalRecord record, long version)
        => new(record.Id, record.Fingerprint, record.Author, record.Channel, record.Summary, record.SubmittedAt, record.DueAt, ApprovalStatus.Cancelled,
            record.Decisions, record.ApprovedAt, record.ExpiresAt, record.RedeemedAt, version);
}

public sealed class SqliteDurableLedgerTests : DurableLedgerTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresDurableLedgerTests : DurableLedgerTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}

/// <summary>Content of a generated gate's shape: public properties, fingerprinted by parts.</summary>
public sealed class LinkedInPost : IApprovalContent
{
    public LinkedInPost(string organization, string text)
    {
        Organization = organization;
        Text = text;
    }

    public string Organization { get; }

    public string Text { get; }

    public ContentFingerprint GetApprovalFingerprint() => ContentFingerprint.Of("linkedin", Organization, Text);
}
