using System;
using System.Linq;
using System.Threading.Tasks;
using Presence.Abstractions.Tests.Support;

namespace Presence.Abstractions.Tests.Ledger
{
    public class DecisionTests
    {
        [Fact]
        public async Task A_submitted_post_waits_for_review()
        {
            var bench = new Workbench();

            var record = await bench.Ledger.SubmitAsync("Hello world", Workbench.Author, channel: " mastodon:@acme ");

            Assert.Equal(ApprovalStatus.Pending, record.Status);
            Assert.Equal(ContentFingerprint.For("Hello world"), record.Fingerprint);
            Assert.Equal((Workbench.Author, "mastodon:@acme", "Hello world"), (record.Author, record.Channel, record.Summary));
            Assert.Equal(bench.Clock.Now, record.SubmittedAt);
            Assert.Equal(bench.Clock.Now.AddDays(90), record.ExpiresAt);
            Assert.Empty(record.Decisions);
            Assert.Same(record, await bench.Store.FindAsync(record.Id, default));
        }

        [Fact]
        public async Task The_final_approval_opens_the_redeem_window()
        {
            var bench = new Workbench();
            var record = await bench.Ledger.SubmitAsync("Hello", Workbench.Author);
            bench.Clock.Advance(TimeSpan.FromHours(3));

            var result = await bench.Ledger.DecideAsync(record.Id, "alice", approve: true, reason: "fine");

            Assert.True(result.IsRecorded);
            var approved = result.Record!;
            Assert.Equal(ApprovalStatus.Approved, approved.Status);
            Assert.Equal(bench.Clock.Now, approved.ApprovedAt);
            Assert.Equal(bench.Clock.Now.AddHours(24), approved.ExpiresAt);
            var decision = Assert.Single(approved.Decisions);
            Assert.Equal(("alice", "review", true, bench.Clock.Now, "fine"), (decision.Reviewer, decision.StepName, decision.Approved, decision.At, decision.Reason));
            Assert.Equal(record.Version + 1, approved.Version);
        }

        [Theory]
        [InlineData(Workbench.Author)]
        [InlineData(" AGENT:Drafts ")]
        public async Task The_author_cannot_approve_their_own_post(string reviewer)
        {
            var bench = new Workbench();
            var record = await bench.Ledger.SubmitAsync("Hello", Workbench.Author);

            var result = await bench.Ledger.DecideAsync(record.Id, reviewer, approve: true);

            Assert.Equal(DecisionOutcome.SelfApproval, result.Outcome);
            Assert.Equal(ApprovalStatus.Pending, await bench.StatusAsync(record.Id));
        }

        [Fact]
        public async Task A_policy_may_allow_self_approval()
        {
            var bench = new Workbench(ApprovalPolicy.Default.WithSelfApproval(true));
            var record = await bench.Ledger.SubmitAsync("Hello", "bob");

            var result = await bench.Ledger.DecideAsync(record.Id, "bob", approve: true);

            Assert.Equal(ApprovalStatus.Approved, result.Record!.Status);
        }

        [Fact]
        public async Task A_step_only_the_author_could_complete_is_refused_at_submission()
        {
            var bench = new Workbench(ApprovalPolicy.Default.WithSteps(ApprovalStep.AllOf("brand", "bea", "bob")));

            var error = await Assert.ThrowsAsync<ArgumentException>(() => bench.Ledger.SubmitAsync("Hello", "bob"));
            Assert.Contains("brand", error.Message);
            Assert.Empty(await bench.Store.ListAsync(ApprovalStatus.Pending, default));
        }

        [Fact]
        public async Task An_any_step_takes_one_listed_reviewer()
        {
            var bench = new Workbench(ApprovalPolicy.Default.WithSteps(ApprovalStep.AnyOf("legal", "lena", "lars")));
            var record = await bench.Ledger.SubmitAsync("Hello", Workbench.Author);

            Assert.Equal(DecisionOutcome.NotAReviewer, (await bench.Ledger.DecideAsync(record.Id, "mallory", true)).Outcome);
            var result = await bench.Ledger.DecideAsync(record.Id, "Lars", true);

            Assert.Equal(ApprovalStatus.Approved, result.Record!.Status);
            Assert.Equal(DecisionOutcome.NotPending, (await bench.Ledger.DecideAsync(record.Id, "lena", true)).Outcome);
        }

        [Fact]
        public async Task An_all_step_needs_every_listed_reviewer_once()
        {
            var bench = new Workbench(ApprovalPolicy.Default.WithSteps(ApprovalStep.AllOf("brand", "bea", "ben", "bo")));
            var record = await bench.Ledger.SubmitAsync("Hello", Workbench.Author);

            Assert.Equal(ApprovalStatus.Pending, (await bench.Ledger.DecideAsync(record.Id, "bea", true)).Record!.Status);
            Assert.Equal(DecisionOutcome.AlreadyDecided, (await bench.Ledger.DecideAsync(record.Id, "BEA", true)).Outcome);
            Assert.Equal(ApprovalStatus.Pending, (await bench.Ledger.DecideAsync(record.Id, "ben", true)).Record!.Status);
            var last = await bench.Ledger.DecideAsync(record.Id, "bo", true);

            Assert.Equal(ApprovalStatus.Approved, last.Record!.Status);
            Assert.Equal(new[] { "bea", "ben", "bo" }, last.Record.Approvers);
        }

        [Fact]
        public async Task Steps_are_decided_in_order()
        {
            var policy = ApprovalPolicy.Default.WithSteps(ApprovalStep.AnyOf("legal", "lena"), ApprovalStep.AnyOf("brand", "bea", "lena"));
            var bench = new Workbench(policy);
            var record = await bench.Ledger.SubmitAsync("Hello", Workbench.Author);

            Assert.Equal(DecisionOutcome.NotAReviewer, (await bench.Ledger.DecideAsync(record.Id, "bea", true)).Outcome);
            Assert.Equal(ApprovalStatus.Pending, (await bench.Ledger.DecideAsync(record.Id, "lena", true)).Record!.Status);
            var result = await bench.Ledger.DecideAsync(record.Id, "bea", true);

            Assert.Equal(ApprovalStatus.Approved, result.Record!.Status);
            Assert.Equal(new[] { ("lena", "legal"), ("bea", "brand") }, result.Record.Decisions.Select(d => (d.Reviewer, d.StepName)));
        }

        [Fact]
        public async Task One_rejection_rejects_the_request()
        {
            var policy = ApprovalPolicy.Default.WithSteps(ApprovalStep.Anyone("review"), ApprovalStep.AllOf("brand", "bea", "ben"));
            var bench = new Workbench(policy);
            var record = await bench.Ledger.SubmitAsync("Hello", Workbench.Author);
            await bench.Ledger.DecideAsync(record.Id, "alice", true);
            await bench.Ledger.DecideAsync(record.Id, "bea", true);

            var result = await bench.Ledger.DecideAsync(record.Id, "ben", false, "Off brand");

            Assert.Equal(ApprovalStatus.Rejected, result.Record!.Status);
            Assert.Equal("Off brand", result.Record.Decisions.Last().Reason);
            Assert.Equal(DecisionOutcome.NotPending, (await bench.Ledger.DecideAsync(record.Id, "ben", true)).Outcome);
            Assert.Equal(RedeemOutcome.Rejected, (await bench.Ledger.RedeemAsync(record.Id, "Hello")).Outcome);
        }

        [Fact]
        public async Task A_request_left_undecided_past_its_pending_lifetime_expires()
        {
            var bench = new Workbench(ApprovalPolicy.Default.WithPendingLifetime(TimeSpan.FromDays(7)));
            var record = await bench.Ledger.SubmitAsync("Hello", Workbench.Author);
            bench.Clock.Advance(TimeSpan.FromDays(7));

            Assert.Equal(DecisionOutcome.Expired, (await bench.Ledger.DecideAsync(record.Id, "alice", true)).Outcome);
            Assert.Equal(ApprovalStatus.Expired, await bench.StatusAsync(record.Id));
            Assert.Equal(DecisionOutcome.Expired, (await bench.Ledger.DecideAsync(record.Id, "alice", true)).Outcome);
        }

        [Fact]
        public async Task A_decision_just_before_the_pending_deadline_counts()
        {
            var bench = new Workbench(ApprovalPolicy.Default.WithPendingLifetime(TimeSpan.FromDays(7)));
            var record = await bench.Ledger.SubmitAsync("Hello", Workbench.Author);
            bench.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromTicks(1));

            Assert.True((await bench.Ledger.DecideAsync(record.Id, "alice", true)).IsRecorded);
        }

        [Fact]
        public async Task Submissions_are_checked()
        {
            var bench = new Workbench();

            await Assert.ThrowsAsync<NotSupportedException>(() => bench.Ledger.SubmitAsync(new PlainDraft(), Workbench.Author));
            await Assert.ThrowsAnyAsync<ArgumentException>(() => bench.Ledger.SubmitAsync("Hello", " "));
            await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => bench.Ledger.SubmitAsync("Hello", Workbench.Author, dueAt: bench.Clock.Now));
            await Assert.ThrowsAnyAsync<ArgumentException>(() => bench.Ledger.DecideAsync("", "alice", true));
            Assert.Equal(DecisionOutcome.NotFound, (await bench.Ledger.DecideAsync("nope", "alice", true)).Outcome);
        }
    }
}
