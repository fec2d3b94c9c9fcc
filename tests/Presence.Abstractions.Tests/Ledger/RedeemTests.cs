using System;
using System.Threading.Tasks;
using Presence.Abstractions.Tests.Support;

namespace Presence.Abstractions.Tests.Ledger
{
    public class RedeemTests
    {
        [Fact]
        public async Task An_approved_post_redeems_for_a_token_carrying_who_what_and_when()
        {
            var bench = new Workbench();
            var post = new Post("linkedin:acme", "We are hiring");
            var record = await bench.ApprovedAsync(post);
            bench.Clock.Advance(TimeSpan.FromMinutes(10));

            var result = await bench.Ledger.RedeemAsync(record.Id, post);

            Assert.Equal(RedeemOutcome.Redeemed, result.Outcome);
            Assert.True(result.IsRedeemed);
            var token = result.Approval!;
            Assert.Same(post, token.Content);
            Assert.Equal(ContentFingerprint.For(post), token.Fingerprint);
            Assert.Equal((record.Id, Workbench.Author, "mastodon:@acme"), (token.RequestId, token.Author, token.Channel));
            Assert.Equal(new[] { Workbench.Reviewer }, token.Reviewers);
            Assert.Equal((record.ApprovedAt!.Value, record.ExpiresAt, bench.Clock.Now), (token.ApprovedAt, token.ExpiresAt, token.RedeemedAt));
            Assert.True(token.Covers(post));
            Assert.False(token.Covers(new Post("linkedin:acme", "We are firing")));
            Assert.False(token.IsConsumed);
            Assert.Equal(ApprovalStatus.Redeemed, await bench.StatusAsync(record.Id));
            Assert.Equal(bench.Clock.Now, result.Record!.RedeemedAt);
        }

        [Fact]
        public async Task An_approval_redeems_once_and_a_retry_gets_no_second_token()
        {
            var bench = new Workbench();
            var record = await bench.ApprovedAsync("Hello");
            Assert.NotNull(await bench.Ledger.TryRedeemAsync(record.Id, "Hello"));

            var retry = await bench.Ledger.RedeemAsync(record.Id, "Hello");

            Assert.Equal(RedeemOutcome.AlreadyRedeemed, retry.Outcome);
            Assert.Null(retry.Approval);
            Assert.Null(await bench.Ledger.TryRedeemAsync(record.Id, "Hello"));
        }

        [Fact]
        public async Task A_request_id_presented_with_other_content_is_refused_and_not_spent()
        {
            var bench = new Workbench();
            var record = await bench.ApprovedAsync("Our statement on the merger");

            var forged = await bench.Ledger.RedeemAsync(record.Id, "Buy our product now");

            Assert.Equal(RedeemOutcome.ContentChanged, forged.Outcome);
            Assert.Null(forged.Approval);
            Assert.Equal(ApprovalStatus.Approved, await bench.StatusAsync(record.Id));
            Assert.Equal(RedeemOutcome.Redeemed, (await bench.Ledger.RedeemAsync(record.Id, "Our statement on the merger")).Outcome);
        }

        [Fact]
        public async Task A_used_approval_replayed_for_other_content_is_refused_as_changed_content()
        {
            var bench = new Workbench();
            var token = await bench.TokenAsync(new Post("x:acme", "One"));

            var replay = await bench.Ledger.RedeemAsync(token.RequestId, new Post("x:acme", "Two"));

            Assert.Equal(RedeemOutcome.ContentChanged, replay.Outcome);
        }

        [Fact]
        public async Task An_approval_for_one_channel_does_not_redeem_for_another()
        {
            var bench = new Workbench();
            var record = await bench.ApprovedAsync(new Post("mastodon:@acme", "Hello"));

            Assert.Equal(RedeemOutcome.ContentChanged, (await bench.Ledger.RedeemAsync(record.Id, new Post("linkedin:acme", "Hello"))).Outcome);
        }

        [Fact]
        public async Task A_rescheduled_post_still_redeems()
        {
            var bench = new Workbench();
            var post = new Post("x:acme", "Launch day", publishAt: bench.Clock.Now.AddHours(1));
            var record = await bench.ApprovedAsync(post);

            var moved = post.Copy();
            moved.PublishAt = bench.Clock.Now.AddHours(3);
            Assert.Equal(RedeemOutcome.Redeemed, (await bench.Ledger.RedeemAsync(record.Id, moved)).Outcome);
        }

        [Fact]
        public async Task An_approval_expires_after_its_lifetime()
        {
            var bench = new Workbench(ApprovalPolicy.Default.WithLifetime(TimeSpan.FromHours(2)));
            var record = await bench.ApprovedAsync("Hello");
            bench.Clock.Advance(TimeSpan.FromHours(2));

            var result = await bench.Ledger.RedeemAsync(record.Id, "Hello");

            Assert.Equal(RedeemOutcome.Expired, result.Outcome);
            Assert.Equal(ApprovalStatus.Expired, await bench.StatusAsync(record.Id));
        }

        [Fact]
        public async Task An_approval_redeems_until_just_before_it_expires()
        {
            var bench = new Workbench(ApprovalPolicy.Default.WithLifetime(TimeSpan.FromHours(2)));
            var record = await bench.ApprovedAsync("Hello");
            bench.Clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromTicks(1));

            Assert.Equal(RedeemOutcome.Redeemed, (await bench.Ledger.RedeemAsync(record.Id, "Hello")).Outcome);
        }

        [Fact]
        public async Task Approving_ahead_of_schedule_keeps_the_approval_until_the_post_is_due()
        {
            var bench = new Workbench();
            var due = bench.Clock.Now.AddDays(3);
            var record = await bench.ApprovedAsync("Monday's post", dueAt: due);
            Assert.Equal(due.AddHours(24), record.ExpiresAt);
            bench.Clock.Set(due);

            Assert.Equal(RedeemOutcome.Redeemed, (await bench.Ledger.RedeemAsync(record.Id, "Monday's post")).Outcome);
        }

        [Fact]
        public async Task A_post_still_undecided_does_not_go_out()
        {
            var bench = new Workbench();
            var record = await bench.Ledger.SubmitAsync("Hello", Workbench.Author);

            var result = await bench.Ledger.RedeemAsync(record.Id, "Hello");

            Assert.Equal(RedeemOutcome.Undecided, result.Outcome);
            Assert.Null(result.Approval);
            Assert.Equal(ApprovalStatus.Pending, await bench.StatusAsync(record.Id));
        }

        [Fact]
        public async Task A_post_undecided_at_its_due_time_expires_and_a_late_approval_cannot_revive_it()
        {
            var bench = new Workbench();
            var due = bench.Clock.Now.AddHours(1);
            var record = await bench.Ledger.SubmitAsync("Hello", Workbench.Author, dueAt: due);
            Assert.Equal(due, record.ExpiresAt);
            bench.Clock.Set(due);

            Assert.Equal(RedeemOutcome.Undecided, (await bench.Ledger.RedeemAsync(record.Id, "Hello")).Outcome);
            Assert.Equal(ApprovalStatus.Expired, await bench.StatusAsync(record.Id));

            bench.Clock.Advance(TimeSpan.FromMinutes(2));
            Assert.Equal(DecisionOutcome.Expired, (await bench.Ledger.DecideAsync(record.Id, "alice", true)).Outcome);
            Assert.Equal(RedeemOutcome.Expired, (await bench.Ledger.RedeemAsync(record.Id, "Hello")).Outcome);
        }

        [Fact]
        public async Task Unknown_and_cancelled_requests_redeem_nothing()
        {
            var bench = new Workbench();
            var record = await bench.ApprovedAsync("Hello");
            Assert.True(await bench.Ledger.CancelAsync(record.Id, "maria", "Posted by hand"));

            Assert.Equal(RedeemOutcome.Cancelled, (await bench.Ledger.RedeemAsync(record.Id, "Hello")).Outcome);
            Assert.Equal(RedeemOutcome.NotFound, (await bench.Ledger.RedeemAsync("missing", "Hello")).Outcome);
            await Assert.ThrowsAnyAsync<ArgumentException>(() => bench.Ledger.RedeemAsync(" ", "Hello"));
            await Assert.ThrowsAsync<NotSupportedException>(() => bench.Ledger.RedeemAsync(record.Id, new PlainDraft()));
        }
    }
}
