using System;
using System.Threading.Tasks;
using Presence.Abstractions.Tests.Support;

namespace Presence.Abstractions.Tests.Ledger
{
    /// <summary>What a generated gate relies on: a token publishes once, fresh, unchanged, and not through a hold.</summary>
    public class ConsumeForPublishTests
    {
        private const string Gate = "ILinkedInPublisher.PostAsync";

        [Fact]
        public async Task A_token_publishes_once()
        {
            var bench = new Workbench();
            var post = new Post("linkedin:acme", "We are hiring");
            var token = await bench.TokenAsync(post);

            Assert.Same(post, bench.Ledger.ConsumeForPublish(token, Gate));
            Assert.True(token.IsConsumed);

            var again = Assert.Throws<ApprovalRefusedException>(() => bench.Ledger.ConsumeForPublish(token, Gate));
            Assert.Equal((RedeemOutcome.AlreadyRedeemed, token.RequestId, Gate), (again.Reason, again.RequestId, again.Gate));
        }

        [Fact]
        public async Task A_token_minted_by_a_ledger_over_another_store_is_refused_and_left_unspent()
        {
            // A second ledger that lets authors approve their own posts mints a token; the gate's ledger never saw it.
            var forger = new Workbench(ApprovalPolicy.Default.WithSelfApproval(true));
            var bench = new Workbench();
            var post = new Post("linkedin:acme", "We are hiring");
            var foreign = await forger.TokenAsync(post);

            var refused = Assert.Throws<ApprovalRefusedException>(() => bench.Ledger.ConsumeForPublish(foreign, Gate));
            Assert.Equal(RedeemOutcome.NotIssuedHere, refused.Reason);
            Assert.False(foreign.IsConsumed);
            Assert.DoesNotContain(ApprovalAuditEventKind.Published, bench.AuditKinds);
        }

        [Fact]
        public async Task Content_changed_after_approval_is_not_published()
        {
            var bench = new Workbench();
            var post = new Post("linkedin:acme", "We are hiring");
            var token = await bench.TokenAsync(post);

            post.Body = "We are hiring. Also, buy crypto.";

            var refused = Assert.Throws<ApprovalRefusedException>(() => bench.Ledger.ConsumeForPublish(token, Gate));
            Assert.Equal(RedeemOutcome.ContentChanged, refused.Reason);
            post.Body = "We are hiring";
            Assert.Equal(RedeemOutcome.AlreadyRedeemed, Assert.Throws<ApprovalRefusedException>(() => bench.Ledger.ConsumeForPublish(token, Gate)).Reason);
        }

        [Fact]
        public async Task An_expired_token_is_not_published()
        {
            var bench = new Workbench();
            var token = await bench.TokenAsync("Hello");
            bench.Clock.Set(token.ExpiresAt);

            Assert.Equal(RedeemOutcome.Expired, Assert.Throws<ApprovalRefusedException>(() => bench.Ledger.ConsumeForPublish(token, Gate)).Reason);
        }

        [Fact]
        public async Task A_token_presented_during_a_hold_is_spent_and_never_bursts_out_after_it()
        {
            var bench = new Workbench();
            var token = await bench.TokenAsync("Cheerful promo");
            bench.Hold.Engage("Crisis", "maria");

            Assert.Equal(RedeemOutcome.Held, Assert.Throws<ApprovalRefusedException>(() => bench.Ledger.ConsumeForPublish(token, Gate)).Reason);
            bench.Hold.Release("maria");
            Assert.Equal(RedeemOutcome.AlreadyRedeemed, Assert.Throws<ApprovalRefusedException>(() => bench.Ledger.ConsumeForPublish(token, Gate)).Reason);
        }

        [Fact]
        public async Task A_token_that_waited_through_a_hold_is_not_published()
        {
            var bench = new Workbench();
            var token = await bench.TokenAsync("Cheerful promo");
            bench.Clock.Advance(TimeSpan.FromMinutes(1));
            bench.Hold.Engage("Crisis", "maria");
            bench.Clock.Advance(TimeSpan.FromMinutes(1));
            bench.Hold.Release("maria");

            Assert.Equal(RedeemOutcome.FellDueDuringHold, Assert.Throws<ApprovalRefusedException>(() => bench.Ledger.ConsumeForPublish(token, Gate)).Reason);
        }

        [Fact]
        public async Task The_gate_must_name_itself()
        {
            var bench = new Workbench();
            var token = await bench.TokenAsync("Hello");

            Assert.ThrowsAny<ArgumentException>(() => bench.Ledger.ConsumeForPublish(token, " "));
            Assert.Throws<ArgumentNullException>(() => bench.Ledger.ConsumeForPublish<string>(null!, Gate));
            Assert.False(token.IsConsumed);
        }
    }
}
