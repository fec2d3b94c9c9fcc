using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Presence.Abstractions.Tests.Support;

namespace Presence.Abstractions.Tests.Ledger
{
    /// <summary>
    /// Single use whatever copy of a token is presented, a publishing hold that cannot be read, and reading a request
    /// the store cannot trust without an exception.
    /// </summary>
    public class RuntimeHardeningTests
    {
        private const string Gate = "ILinkedInPublisher.PostAsync";

        private static Approved<T> Clone<T>(Approved<T> token)
            => (Approved<T>)typeof(object).GetMethod("MemberwiseClone", BindingFlags.NonPublic | BindingFlags.Instance)!.Invoke(token, null)!;

        [Fact]
        public async Task A_clone_of_an_unspent_token_does_not_publish_a_second_time()
        {
            var bench = new Workbench();
            var post = new Post("linkedin:acme", "We are hiring");
            var token = await bench.TokenAsync(post);
            var clone = Clone(token);

            Assert.Same(post, bench.Ledger.ConsumeForPublish(token, Gate));
            Assert.True(clone.IsConsumed);
            var refused = Assert.Throws<ApprovalRefusedException>(() => bench.Ledger.ConsumeForPublish(clone, Gate));

            Assert.Equal((RedeemOutcome.AlreadyRedeemed, token.RequestId), (refused.Reason, refused.RequestId));
            Assert.Single(bench.Audit.Events, e => e.Kind == ApprovalAuditEventKind.Published);
        }

        [Fact]
        public async Task The_original_does_not_publish_after_its_clone_did()
        {
            var bench = new Workbench();
            var post = new Post("linkedin:acme", "We are hiring");
            var token = await bench.TokenAsync(post);
            var clone = Clone(token);

            Assert.Same(post, bench.Ledger.ConsumeForPublish(clone, Gate));

            Assert.Equal(RedeemOutcome.AlreadyRedeemed, Assert.Throws<ApprovalRefusedException>(() => bench.Ledger.ConsumeForPublish(token, Gate)).Reason);
        }

        [Fact]
        public async Task A_spent_token_whose_private_flag_is_reset_is_refused()
        {
            var bench = new Workbench();
            var token = await bench.TokenAsync("We are hiring");
            bench.Ledger.ConsumeForPublish(token, Gate);

            foreach (var field in typeof(Approved<string>).GetFields(BindingFlags.NonPublic | BindingFlags.Instance).Where(f => f.FieldType == typeof(int)))
            {
                field.SetValue(token, 0);
            }

            Assert.Equal(RedeemOutcome.AlreadyRedeemed, Assert.Throws<ApprovalRefusedException>(() => bench.Ledger.ConsumeForPublish(token, Gate)).Reason);
        }

        [Fact]
        public async Task A_copy_is_refused_by_another_ledger_over_the_same_store_too()
        {
            var bench = new Workbench();
            var second = new ApprovalLedger(bench.Store, bench.Hold, new ApprovalLedgerOptions { Clock = bench.Clock.Read });
            var token = await bench.TokenAsync("We are hiring");
            var clone = Clone(token);

            bench.Ledger.ConsumeForPublish(token, Gate);

            Assert.Equal(RedeemOutcome.AlreadyRedeemed, Assert.Throws<ApprovalRefusedException>(() => second.ConsumeForPublish(clone, Gate)).Reason);
        }

        [Fact]
        public async Task Tokens_of_other_requests_still_publish_and_a_copy_of_an_expired_token_stays_refused()
        {
            var bench = new Workbench();
            var first = await bench.TokenAsync("First post");
            var second = await bench.TokenAsync("Second post");
            bench.Ledger.ConsumeForPublish(first, Gate);

            Assert.Equal("Second post", bench.Ledger.ConsumeForPublish(second, Gate));

            var late = await bench.TokenAsync("Third post");
            var lateClone = Clone(late);
            bench.Ledger.ConsumeForPublish(late, Gate);
            bench.Clock.Set(late.ExpiresAt);
            Assert.NotNull(Assert.Throws<ApprovalRefusedException>(() => bench.Ledger.ConsumeForPublish(lateClone, Gate)));
        }

        [Fact]
        public async Task A_hold_that_cannot_be_read_refuses_the_redeem_with_an_audited_outcome_and_leaves_the_request_approved()
        {
            var hold = new UnreadableHold();
            var bench = new Workbench();
            var ledger = new ApprovalLedger(bench.Store, hold, new ApprovalLedgerOptions { Audit = bench.Audit, Clock = bench.Clock.Read });
            var record = await bench.ApprovedAsync("Cheerful promo");
            hold.Broken = true;

            var redeemed = await ledger.RedeemAsync(record.Id, "Cheerful promo");

            Assert.Equal((RedeemOutcome.Untrusted, record.Id), (redeemed.Outcome, redeemed.RequestId));
            Assert.Null(redeemed.Approval);
            Assert.Equal(ApprovalStatus.Approved, await bench.StatusAsync(record.Id));
            var refusal = bench.Audit.Events.Last();
            Assert.Equal((ApprovalAuditEventKind.Refused, nameof(RedeemOutcome.Untrusted)), (refusal.Kind, refusal.Outcome));
            Assert.Contains("publishing hold cannot be read", refusal.Detail);

            hold.Broken = false;
            Assert.True((await ledger.RedeemAsync(record.Id, "Cheerful promo")).IsRedeemed);
        }

        [Fact]
        public async Task A_hold_that_cannot_be_read_when_a_token_is_spent_refuses_the_publish()
        {
            var hold = new UnreadableHold();
            var bench = new Workbench();
            var ledger = new ApprovalLedger(bench.Store, hold, new ApprovalLedgerOptions { Audit = bench.Audit, Clock = bench.Clock.Read });
            var record = await bench.ApprovedAsync("Cheerful promo");
            var token = (await ledger.RedeemAsync(record.Id, "Cheerful promo")).Approval!;
            hold.Broken = true;

            var refused = Assert.Throws<ApprovalRefusedException>(() => ledger.ConsumeForPublish(token, Gate));

            Assert.Equal(RedeemOutcome.Untrusted, refused.Reason);
            Assert.Contains("hold", refused.Message);
            Assert.DoesNotContain(ApprovalAuditEventKind.Published, bench.AuditKinds);
            Assert.Contains("publishing hold cannot be read", bench.Audit.Events.Last().Detail);
        }

        [Fact]
        public async Task Looking_up_a_request_answers_found_not_found_or_untrusted_without_throwing()
        {
            var corrupt = new HashSet<string>();
            var bench = new Workbench(wrapStore: inner => new DamagedStore(inner, corrupt));
            var healthy = await bench.Ledger.SubmitAsync("Healthy", Workbench.Author);
            var damaged = await bench.Ledger.SubmitAsync("Damaged", Workbench.Author);
            corrupt.Add(damaged.Id);

            var found = await bench.Ledger.LookUpAsync(healthy.Id);
            var untrusted = await bench.Ledger.LookUpAsync(damaged.Id);
            var missing = await bench.Ledger.LookUpAsync("no-such-request");

            Assert.Equal((ApprovalLookupOutcome.Found, healthy.Id, null), (found.Outcome, found.Record!.Id, found.Problem));
            Assert.Equal((ApprovalLookupOutcome.Untrusted, damaged.Id, null, "its seal does not match"), (untrusted.Outcome, untrusted.RequestId, untrusted.Record, untrusted.Problem));
            Assert.Equal((ApprovalLookupOutcome.NotFound, null, null), (missing.Outcome, missing.Record, missing.Problem));
            Assert.DoesNotContain("Damaged", untrusted.ToString());
            await Assert.ThrowsAsync<ApprovalRecordCorruptException>(() => bench.Ledger.FindAsync(damaged.Id));
        }

        /// <summary>A hold whose storage is damaged, as a durable hold reports it.</summary>
        private sealed class UnreadableHold : IPublishingHold
        {
            public bool Broken { get; set; }

            public Task<HoldPeriod?> GetCurrentAsync(CancellationToken cancellationToken = default) => Task.FromResult<HoldPeriod?>(Broken ? throw Damage() : null);

            public Task<IReadOnlyList<HoldPeriod>> GetHistoryAsync(CancellationToken cancellationToken = default) => Task.FromResult(GetPeriodsSince(default));

            public Task<IReadOnlyList<HoldPeriod>> GetPeriodsSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default) => Task.FromResult(GetPeriodsSince(since));

            public IReadOnlyList<HoldPeriod> GetPeriodsSince(DateTimeOffset since) => Broken ? throw Damage() : Array.Empty<HoldPeriod>();

            public Task<bool> EngageAsync(string reason, string by, CancellationToken cancellationToken = default) => throw new NotSupportedException();

            public Task<bool> ReleaseAsync(string by, CancellationToken cancellationToken = default) => throw new NotSupportedException();

            private static Exception Damage() => new HoldDamaged();
        }

        private sealed class HoldDamaged() : ApprovalRecordCorruptException("Publishing hold 1 is corrupt (its reason is empty).", new ArgumentException("empty"));

        /// <summary>A store that cannot trust some of its rows, as the durable store reports them.</summary>
        private sealed class DamagedStore(IApprovalStore inner, HashSet<string> corrupt) : IApprovalStore
        {
            public Task<ApprovalRecord?> FindAsync(string requestId, CancellationToken cancellationToken)
                => corrupt.Contains(requestId) ? throw new ApprovalRecordCorruptException(requestId, "its seal does not match") : inner.FindAsync(requestId, cancellationToken);

            public Task AddAsync(ApprovalRecord record, CancellationToken cancellationToken) => inner.AddAsync(record, cancellationToken);

            public Task<bool> TryUpdateAsync(ApprovalRecord record, long expectedVersion, CancellationToken cancellationToken) => inner.TryUpdateAsync(record, expectedVersion, cancellationToken);

            public Task<IReadOnlyList<ApprovalRecord>> ListAsync(ApprovalStatus status, CancellationToken cancellationToken) => inner.ListAsync(status, cancellationToken);
        }
    }
}
