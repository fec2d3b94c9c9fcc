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
    [InlineData("UPDATE presence_approval_requests SET expires_at = submitted_at WHERE id = '{id}'", "seal does not match")]
    [InlineData("UPDATE presence_approval_requests SET status = 0 WHERE id = '{id}'", "seal does not match")]
    [InlineData("UPDATE presence_approval_requests SET summary = 'A harmless cat picture' WHERE id = '{id}'", "content or summary kept for reviewers")]
    public async Task A_row_changed_outside_the_ledger_is_refused_as_untrusted_never_becomes_a_token_and_can_be_cancelled(string sql, string expected)
    {
        await using var database = await CreateDatabaseAsync();
        await using var services = Services(database, new FakeTimeProvider(Monday));
        var ledger = services.GetRequiredService<ApprovalLedger>();
        var audit = services.GetRequiredService<IApprovalAuditReader>();
        var record = await ledger.SubmitAsync("Approved text", "agent:drafts");
        await ledger.DecideAsync(record.Id, "maria", true);
        Assert.Equal(1, await database.ExecuteAsync(sql.Replace("{id}", record.Id).Replace("{other}", ContentFingerprint.For("Other text").Value)));

        // The store names the row and the problem; the ledger turns it into a refusal instead of an exception.
        var error = await Assert.ThrowsAsync<ApprovalStoreCorruptException>(() => services.GetRequiredService<IApprovalStore>().FindAsync(record.Id, default));
        Assert.Contains(expected, error.Message);
        Assert.Contains(record.Id, error.Message);
        Assert.Equal(record.Id, error.RequestId);
        foreach (var presented in new[] { "Other text", "Approved text" })
        {
            var redeemed = await ledger.RedeemAsync(record.Id, presented);
            Assert.Equal(RedeemOutcome.Untrusted, redeemed.Outcome);
            Assert.Equal(record.Id, redeemed.RequestId);
            Assert.Null(redeemed.Approval);
            Assert.DoesNotContain(presented, redeemed.ToString());
        }

        var decided = await ledger.DecideAsync(record.Id, "sam", true);
        Assert.Equal(DecisionOutcome.Untrusted, decided.Outcome);
        Assert.Equal(record.Id, decided.RequestId);
        Assert.False(await ledger.ReportPublishedAsync(record.Id));
        var refusals = await audit.ReadAsync(new ApprovalAuditQuery { RequestId = record.Id, Kind = ApprovalAuditEventKind.Refused }, default);
        Assert.Equal(4, refusals.Count(e => e.Outcome == nameof(RedeemOutcome.Untrusted) && e.Detail!.Contains(expected)));
        Assert.DoesNotContain(refusals, e => e.Detail!.Contains("Approved text"));

        // Cancelling, as the message advises, works and is recorded; it never makes the request redeemable.
        Assert.True(await ledger.CancelAsync(record.Id, "ops", "row edited by hand"));
        var cancelled = Assert.Single(await audit.ReadAsync(new ApprovalAuditQuery { RequestId = record.Id, Kind = ApprovalAuditEventKind.Cancelled }, default));
        Assert.Equal("ops", cancelled.Actor);
        Assert.Contains(expected, cancelled.Detail);
        Assert.Contains("row edited by hand", cancelled.Detail);
        var afterwards = await ledger.RedeemAsync(record.Id, "Approved text");
        Assert.Null(afterwards.Approval);
        Assert.True(afterwards.Outcome is RedeemOutcome.Untrusted or RedeemOutcome.Cancelled, afterwards.Outcome.ToString());
        Assert.DoesNotContain(await ledger.ListUntrustedAsync(), u => u.RequestId == record.Id);
        Assert.Empty(await audit.ReadAsync(new ApprovalAuditQuery { Kind = ApprovalAuditEventKind.Redeemed }, default));
    }

    [Fact]
    public async Task One_untrusted_pending_row_leaves_the_others_listed_expirable_and_redeemable()
    {
        await using var database = await CreateDatabaseAsync();
        var time = new FakeTimeProvider(Monday);
        await using var services = Services(database, time);
        var ledger = services.GetRequiredService<ApprovalLedger>();
        var healthy = await ledger.SubmitAsync("Healthy and pending", "agent:drafts");
        var corrupt = await ledger.SubmitAsync("Will be damaged", "agent:drafts");
        var approved = await ledger.SubmitAsync("Healthy and approved", "agent:drafts");
        await ledger.DecideAsync(approved.Id, "maria", true);
        // SQLite keeps times as text, so a date can be garbage there; PostgreSQL's timestamp column cannot hold one.
        var damage = database.Provider == "sqlite"
            ? $"UPDATE presence_approval_requests SET submitted_at = 'garbage' WHERE id = '{corrupt.Id}'"
            : $"UPDATE presence_approval_requests SET fingerprint = 'zz' WHERE id = '{corrupt.Id}'";
        Assert.Equal(1, await database.ExecuteAsync(damage));

        Assert.Equal(new[] { healthy.Id }, (await ledger.ListPendingAsync()).Select(r => r.Id));
        var untrusted = Assert.Single(await ledger.ListUntrustedAsync());
        Assert.Equal(corrupt.Id, untrusted.RequestId);
        Assert.Equal(0, await ledger.ExpireStaleAsync());
        Assert.True((await ledger.RedeemAsync(approved.Id, "Healthy and approved")).IsRedeemed);
        Assert.Equal(RedeemOutcome.Untrusted, (await ledger.RedeemAsync(corrupt.Id, "Will be damaged")).Outcome);

        Assert.True(await ledger.CancelAsync(corrupt.Id, "ops"));
        Assert.Empty(await ledger.ListUntrustedAsync());
        Assert.Equal(new[] { healthy.Id }, (await ledger.ListPendingAsync()).Select(r => r.Id));
    }

    [Fact]
    public async Task Typed_content_shown_to_reviewers_cannot_be_swapped_in_the_database()
    {
        await using var database = await CreateDatabaseAsync();
        await using var services = Services(database, new FakeTimeProvider(Monday));
        var ledger = services.GetRequiredService<ApprovalLedger>();
        var post = new LinkedInPost("acme", "The real text that will be published");
        var record = await ledger.SubmitAsync(post, "agent:drafts");
        Assert.Equal(1, await database.ExecuteAsync(
            $"UPDATE presence_approval_requests SET content = REPLACE(content, 'The real text that will be published', 'A harmless cat picture') WHERE id = '{record.Id}'"));

        var error = await Assert.ThrowsAsync<ApprovalStoreCorruptException>(() => ledger.FindAsync(record.Id));
        Assert.Contains("content or summary kept for reviewers", error.Message);
        Assert.DoesNotContain(record.Id, (await ledger.ListPendingAsync()).Select(r => r.Id));
        Assert.Equal(DecisionOutcome.Untrusted, (await ledger.DecideAsync(record.Id, "maria", true)).Outcome);
        Assert.Equal(RedeemOutcome.Untrusted, (await ledger.RedeemAsync(record.Id, post)).Outcome);
    }

    [Fact]
    public async Task Content_purged_after_retention_still_verifies()
    {
        await using var database = await CreateDatabaseAsync();
        var time = new FakeTimeProvider(Monday);
        await using var services = Services(database, time);
        var ledger = services.GetRequiredService<ApprovalLedger>();
        var record = await ledger.SubmitAsync(new LinkedInPost("acme", "Closed long ago"), "agent:drafts");
        await ledger.DecideAsync(record.Id, "maria", false, "no");
        time.Advance(ledger.Policy.ContentRetention + TimeSpan.FromDays(1));

        Assert.Equal(1, await ledger.PurgeContentAsync());
        var purged = (await ledger.FindAsync(record.Id))!;
        Assert.Null(purged.Content);
        Assert.Equal(ApprovalStatus.Rejected, purged.Status);
    }

    [Fact]
    public async Task Rows_sealed_by_the_first_version_are_resealed_when_a_store_starts_and_refused_if_written_later()
    {
        await using var database = await CreateDatabaseAsync();
        var time = new FakeTimeProvider(Monday);
        string upgraded, lateWritten;
        await using (var before = Services(database, time))
        {
            var ledger = before.GetRequiredService<ApprovalLedger>();
            upgraded = (await ledger.SubmitAsync("Written before the upgrade", "agent:drafts")).Id;
            lateWritten = (await ledger.SubmitAsync("Written by an old process after the upgrade", "agent:drafts")).Id;
            Assert.Equal(1, await database.ExecuteAsync(FirstVersionSeal(upgraded, "Written before the upgrade")));
        }

        await using var after = Services(database, time);
        var upgradedLedger = after.GetRequiredService<ApprovalLedger>();
        Assert.Equal(ApprovalStatus.Pending, (await upgradedLedger.FindAsync(upgraded))!.Status);
        Assert.StartsWith("v2:", (string)(await database.ScalarAsync($"SELECT seal FROM presence_approval_requests WHERE id = '{upgraded}'"))!);
        Assert.True((await upgradedLedger.DecideAsync(upgraded, "maria", true)).IsRecorded);

        Assert.Equal(1, await database.ExecuteAsync(FirstVersionSeal(lateWritten, "Written by an old process after the upgrade")));
        var error = await Assert.ThrowsAsync<ApprovalStoreCorruptException>(() => upgradedLedger.FindAsync(lateWritten));
        Assert.Contains("seal of an earlier version", error.Message);

        // Version 1's seal: a hash over the columns fixed at submission (submitted on Monday, no due time, no revision).
        string FirstVersionSeal(string id, string text)
        {
            var seal = ContentFingerprint.Of(
                "presence-approvals-seal-v1", id, ContentFingerprint.For(text).Value, "agent:drafts", null, Monday.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null).Value;
            return $"UPDATE presence_approval_requests SET seal = '{seal}' WHERE id = '{id}'";
        }
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
