using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Presence.Abstractions.Tests.Support;

namespace Presence.Abstractions.Tests.Ledger
{
    /// <summary>What review screens rely on: the content kept, changes requested, revisions, notifications, retention.</summary>
    public class ReviewWorkflowTests
    {
        [Fact]
        public async Task The_content_is_kept_with_the_request_for_reviewers()
        {
            var bench = new Workbench();

            var text = await bench.Ledger.SubmitAsync("Our spring release is out.", Workbench.Author);
            var post = await bench.Ledger.SubmitAsync(new Post("mastodon:@acme", "Hello"), Workbench.Author);

            Assert.Equal(("Our spring release is out.", ReviewContent.PlainText), (text.Content!.Text, text.Content.MediaType));
            Assert.Null(post.Content); // Post does not override ToString, and the default formatter does not guess
        }

        [Fact]
        public async Task A_formatter_decides_how_other_content_is_kept()
        {
            var bench = new Workbench(configure: o => o.ContentFormatter = new FieldsFormatter());

            var record = await bench.Ledger.SubmitAsync(new Post("mastodon:@acme", "Hello"), Workbench.Author);

            Assert.Equal(("mastodon:@acme|Hello", "text/x-fields"), (record.Content!.Text, record.Content.MediaType));
            Assert.Equal("text/x-fields, 20 characters", record.Content.ToString());
        }

        [Fact]
        public async Task A_reviewer_can_send_a_post_back_with_a_note_and_it_cannot_be_redeemed()
        {
            var bench = new Workbench();
            var record = await bench.Ledger.SubmitAsync("Flash sale!", Workbench.Author);

            var result = await bench.Ledger.RequestChangesAsync(record.Id, "alice", "Say which products are on sale.");

            Assert.True(result.IsRecorded);
            Assert.Equal(ApprovalStatus.ChangesRequested, result.Record!.Status);
            var decision = Assert.Single(result.Record.Decisions);
            Assert.Equal((ReviewerVerdict.ChangesRequested, false, true, "Say which products are on sale."), (decision.Verdict, decision.Approved, decision.ChangesRequested, decision.Reason));
            Assert.Equal("alice requested changes in review: Say which products are on sale.", decision.ToString());
            Assert.Equal(RedeemOutcome.ChangesRequested, (await bench.Ledger.RedeemAsync(record.Id, "Flash sale!")).Outcome);
            Assert.Equal(DecisionOutcome.NotPending, (await bench.Ledger.DecideAsync(record.Id, "bob", true)).Outcome);
        }

        [Theory]
        [InlineData("")]
        [InlineData("  ")]
        public async Task Requesting_changes_needs_a_note(string note)
        {
            var bench = new Workbench();
            var record = await bench.Ledger.SubmitAsync("Flash sale!", Workbench.Author);

            await Assert.ThrowsAnyAsync<ArgumentException>(() => bench.Ledger.RequestChangesAsync(record.Id, "alice", note));
            Assert.Equal(ApprovalStatus.Pending, await bench.StatusAsync(record.Id));
        }

        [Fact]
        public async Task The_author_cannot_request_changes_on_their_own_post()
        {
            var bench = new Workbench();
            var record = await bench.Ledger.SubmitAsync("Flash sale!", Workbench.Author);

            var result = await bench.Ledger.RequestChangesAsync(record.Id, Workbench.Author, "I changed my mind");

            Assert.Equal(DecisionOutcome.SelfApproval, result.Outcome);
        }

        [Fact]
        public async Task A_revision_links_to_the_request_it_revises_and_keeps_its_channel()
        {
            var bench = new Workbench();
            var first = await bench.Ledger.SubmitAsync("Flash sale!", Workbench.Author, channel: "linkedin:acme");
            await bench.Ledger.RequestChangesAsync(first.Id, "alice", "Which products?");

            var revision = await bench.Ledger.ReviseAsync(first.Id, "Flash sale on garden tools!", "maria");

            Assert.Equal((first.Id, "linkedin:acme", ApprovalStatus.Pending, "maria"), (revision.Supersedes, revision.Channel, revision.Status, revision.Author));
            Assert.Equal(ApprovalStatus.ChangesRequested, await bench.StatusAsync(first.Id));
            Assert.Contains(bench.Audit.Events, e => e.Kind == ApprovalAuditEventKind.Submitted && e.RequestId == revision.Id && e.Detail!.Contains("revision of " + first.Id));
        }

        [Fact]
        public async Task A_revision_of_an_approved_post_closes_it_so_the_old_text_never_goes_out()
        {
            var bench = new Workbench();
            var first = await bench.ApprovedAsync("Flash sale!");

            var revision = await bench.Ledger.ReviseAsync(first.Id, "Flash sale, corrected", Workbench.Author);

            Assert.Equal(ApprovalStatus.Superseded, await bench.StatusAsync(first.Id));
            Assert.Equal(RedeemOutcome.Superseded, (await bench.Ledger.RedeemAsync(first.Id, "Flash sale!")).Outcome);
            Assert.Equal(RedeemOutcome.Undecided, (await bench.Ledger.RedeemAsync(revision.Id, "Flash sale, corrected")).Outcome);
            var superseded = Assert.Single(bench.Audit.Events, e => e.Kind == ApprovalAuditEventKind.Superseded);
            Assert.Equal((first.Id, "revised by " + revision.Id), (superseded.RequestId, superseded.Detail));
        }

        [Fact]
        public async Task A_revision_of_an_unknown_request_is_refused()
        {
            var bench = new Workbench();

            var error = await Assert.ThrowsAsync<ArgumentException>(() => bench.Ledger.ReviseAsync("nope", "text", Workbench.Author));

            Assert.Contains("no approval request 'nope'", error.Message);
            Assert.Empty(await bench.Store.ListAsync(ApprovalStatus.Pending, default));
        }

        [Fact]
        public async Task The_author_or_the_named_recipient_hears_of_each_closing_decision()
        {
            var notifier = new RecordingNotifier();
            var bench = new Workbench(
                ApprovalPolicy.Default.WithSteps(ApprovalStep.AnyOf("legal", "lena"), ApprovalStep.AnyOf("brand", "ben")),
                configure: o => o.Notifier = notifier);
            var approved = await bench.Ledger.SubmitAsync("A", new ApprovalSubmission(Workbench.Author) { NotifyTo = "maria@acme.test" });
            var rejected = await bench.Ledger.SubmitAsync("B", Workbench.Author);
            var sentBack = await bench.Ledger.SubmitAsync("C", Workbench.Author);

            await bench.Ledger.DecideAsync(approved.Id, "lena", true);
            Assert.Empty(notifier.Received); // one step of two: nothing for the author yet
            await bench.Ledger.DecideAsync(approved.Id, "ben", true);
            await bench.Ledger.DecideAsync(rejected.Id, "lena", false, "Off brand");
            await bench.Ledger.RequestChangesAsync(sentBack.Id, "lena", "Add the link");
            await bench.Ledger.DecideAsync(sentBack.Id, "lena", true); // refused: no notification

            Assert.Equal(
                new[]
                {
                    (ApprovalNotificationKind.Approved, "maria@acme.test", "ben", (string?)null),
                    (ApprovalNotificationKind.Rejected, Workbench.Author, "lena", "Off brand"),
                    (ApprovalNotificationKind.ChangesRequested, Workbench.Author, "lena", "Add the link"),
                },
                notifier.Received.Select(n => (n.Kind, n.Recipient, n.Decision.Reviewer, n.Decision.Reason)));
        }

        [Fact]
        public async Task A_failing_notifier_does_not_undo_the_decision()
        {
            var bench = new Workbench(configure: o => o.Notifier = new ThrowingNotifier());
            var record = await bench.Ledger.SubmitAsync("Hello", Workbench.Author);

            var result = await bench.Ledger.DecideAsync(record.Id, "alice", true);

            Assert.True(result.IsRecorded);
            Assert.Equal(ApprovalStatus.Approved, await bench.StatusAsync(record.Id));
            var failure = Assert.Single(bench.Audit.Events, e => e.Kind == ApprovalAuditEventKind.NotificationFailed);
            Assert.Equal((Workbench.Author, "Approved", "notifier threw TimeoutException"), (failure.Actor, failure.Outcome, failure.Detail));
        }

        [Fact]
        public async Task Publish_outcomes_are_recorded_once_and_only_for_redeemed_requests()
        {
            var bench = new Workbench();
            var token = await bench.TokenAsync("Hello");
            var pending = await bench.Ledger.SubmitAsync("Later", Workbench.Author);

            Assert.False(await bench.Ledger.ReportPublishedAsync(pending.Id, "urn:li:share:1"));
            Assert.True(await bench.Ledger.ReportPublishedAsync(token.RequestId, "urn:li:share:7"));
            Assert.False(await bench.Ledger.ReportFailedAsync(token.RequestId, "HTTP 500"));
            Assert.False(await bench.Ledger.ReportPublishedAsync("unknown"));

            var record = (await bench.Ledger.FindAsync(token.RequestId))!;
            Assert.Equal((PublishOutcome.Published, bench.Clock.Now, "urn:li:share:7"), (record.PublishOutcome, record.PublishOutcomeAt, record.PublishOutcomeDetail));
            var reported = Assert.Single(bench.Audit.Events, e => e.Kind == ApprovalAuditEventKind.PublishSucceeded);
            Assert.Equal(token.RequestId, reported.RequestId);
            Assert.Equal(new[] { Workbench.Reviewer }, reported.Reviewers);
        }

        [Fact]
        public async Task A_failed_publish_keeps_the_approval_spent()
        {
            var bench = new Workbench();
            var token = await bench.TokenAsync("Hello");

            Assert.True(await bench.Ledger.ReportFailedAsync(token.RequestId, "HTTP 503"));

            Assert.Equal(PublishOutcome.Failed, (await bench.Ledger.FindAsync(token.RequestId))!.PublishOutcome);
            Assert.Equal(RedeemOutcome.AlreadyRedeemed, (await bench.Ledger.RedeemAsync(token.RequestId, "Hello")).Outcome);
        }

        [Fact]
        public async Task Content_of_closed_requests_is_purged_after_the_retention_period_and_the_evidence_stays()
        {
            var bench = new Workbench(ApprovalPolicy.Default.WithContentRetention(TimeSpan.FromDays(30)));
            var old = await bench.TokenAsync("Old post");
            var stillOpen = await bench.Ledger.SubmitAsync("Still waiting", Workbench.Author);
            bench.Clock.Advance(TimeSpan.FromDays(29));
            var recent = await bench.TokenAsync("Recent post");
            bench.Clock.Advance(TimeSpan.FromDays(2));

            Assert.Equal(1, await bench.Ledger.PurgeContentAsync());
            Assert.Equal(0, await bench.Ledger.PurgeContentAsync());

            var purged = (await bench.Ledger.FindAsync(old.RequestId))!;
            Assert.Null(purged.Content);
            Assert.Null(purged.Summary);
            Assert.Equal((ApprovalStatus.Redeemed, ContentFingerprint.For("Old post"), Workbench.Reviewer), (purged.Status, purged.Fingerprint, Assert.Single(purged.Decisions).Reviewer));
            Assert.NotNull((await bench.Ledger.FindAsync(recent.RequestId))!.Content);
            Assert.NotNull((await bench.Ledger.FindAsync(stillOpen.Id))!.Content);
        }

        [Fact]
        public async Task A_store_that_purges_in_one_statement_is_used_for_it()
        {
            var store = new PurgingStore();
            var bench = new Workbench(wrapStore: _ => store);

            Assert.Equal(42, await bench.Ledger.PurgeContentAsync());
            Assert.Equal(bench.Clock.Now.AddDays(-90), store.CutOff);
        }

        private sealed class FieldsFormatter : IApprovalContentFormatter
        {
            public ReviewContent? Format(object content)
                => content is Post post ? new ReviewContent(post.Channel + "|" + post.Body, "text/x-fields") : null;
        }

        private sealed class RecordingNotifier : IApprovalNotifier
        {
            public List<ApprovalNotification> Received { get; } = new List<ApprovalNotification>();

            public Task NotifyAsync(ApprovalNotification notification, CancellationToken cancellationToken)
            {
                Received.Add(notification);
                return Task.CompletedTask;
            }
        }

        private sealed class ThrowingNotifier : IApprovalNotifier
        {
            public Task NotifyAsync(ApprovalNotification notification, CancellationToken cancellationToken) => throw new TimeoutException("mail server down");
        }

        private sealed class PurgingStore : IApprovalStore, IApprovalContentPurge
        {
            private readonly InMemoryApprovalStore _inner = new InMemoryApprovalStore();

            public DateTimeOffset? CutOff { get; private set; }

            public Task<int> PurgeContentAsync(DateTimeOffset submittedBefore, CancellationToken cancellationToken)
            {
                CutOff = submittedBefore;
                return Task.FromResult(42);
            }

            public Task<ApprovalRecord?> FindAsync(string requestId, CancellationToken cancellationToken) => _inner.FindAsync(requestId, cancellationToken);

            public Task AddAsync(ApprovalRecord record, CancellationToken cancellationToken) => _inner.AddAsync(record, cancellationToken);

            public Task<bool> TryUpdateAsync(ApprovalRecord record, long expectedVersion, CancellationToken cancellationToken) => _inner.TryUpdateAsync(record, expectedVersion, cancellationToken);

            public Task<IReadOnlyList<ApprovalRecord>> ListAsync(ApprovalStatus status, CancellationToken cancellationToken) => _inner.ListAsync(status, cancellationToken);
        }
    }
}
