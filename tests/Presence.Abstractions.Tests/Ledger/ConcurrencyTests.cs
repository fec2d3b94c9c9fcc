using System;
using System.Linq;
using System.Threading.Tasks;
using Presence.Abstractions.Tests.Support;

namespace Presence.Abstractions.Tests.Ledger
{
    /// <summary>Races the compare-and-swap must win exactly once.</summary>
    public class ConcurrencyTests
    {
        private const int Contenders = 16;

        [Fact]
        public async Task Of_many_redeems_that_all_read_the_approval_first_exactly_one_gets_a_token()
        {
            ReadTogetherStore? store = null;
            var bench = new Workbench(wrapStore: inner => store = new ReadTogetherStore(inner));
            var record = await bench.ApprovedAsync("Hello");
            store!.Arm(Contenders);

            var results = await Task.WhenAll(Enumerable.Range(0, Contenders).Select(_ => Task.Run(() => bench.Ledger.RedeemAsync(record.Id, "Hello"))));

            Assert.Single(results, r => r.Outcome == RedeemOutcome.Redeemed);
            Assert.Equal(Contenders - 1, results.Count(r => r.Outcome == RedeemOutcome.AlreadyRedeemed && r.Approval is null));
            Assert.Equal(Contenders - 1, store.FailedUpdates);
        }

        [Fact]
        public async Task Of_many_parallel_redeems_on_the_in_memory_store_exactly_one_gets_a_token()
        {
            var bench = new Workbench();
            for (var round = 0; round < 20; round++)
            {
                var record = await bench.ApprovedAsync($"Post {round}");

                var results = await Task.WhenAll(Enumerable.Range(0, Contenders).Select(_ => Task.Run(() => bench.Ledger.RedeemAsync(record.Id, $"Post {round}"))));

                Assert.Single(results, r => r.Approval is not null);
            }
        }

        [Fact]
        public async Task Of_many_gates_spending_one_token_exactly_one_publishes()
        {
            var bench = new Workbench();
            var token = await bench.TokenAsync("Hello");

            var published = await Task.WhenAll(Enumerable.Range(0, Contenders).Select(_ => Task.Run(() =>
            {
                try
                {
                    bench.Ledger.ConsumeForPublish(token, "Gate");
                    return true;
                }
                catch (ApprovalRefusedException e) when (e.Reason == RedeemOutcome.AlreadyRedeemed)
                {
                    return false;
                }
            })));

            Assert.Single(published, p => p);
            Assert.Single(bench.Audit.Events, e => e.Kind == ApprovalAuditEventKind.Published);
        }

        [Fact]
        public async Task Reviewers_deciding_at_the_same_moment_are_both_recorded()
        {
            ReadTogetherStore? store = null;
            var policy = ApprovalPolicy.Default.WithSteps(ApprovalStep.AllOf("brand", "bea", "ben"));
            var bench = new Workbench(policy, inner => store = new ReadTogetherStore(inner));
            var record = await bench.Ledger.SubmitAsync("Hello", Workbench.Author);
            store!.Arm(2);

            var results = await Task.WhenAll(
                Task.Run(() => bench.Ledger.DecideAsync(record.Id, "bea", true)),
                Task.Run(() => bench.Ledger.DecideAsync(record.Id, "ben", true)));

            Assert.All(results, r => Assert.True(r.IsRecorded));
            Assert.Equal(1, store.FailedUpdates);
            var final = (await bench.Store.FindAsync(record.Id, default))!;
            Assert.Equal(ApprovalStatus.Approved, final.Status);
            Assert.Equal(new[] { "bea", "ben" }, final.Approvers.OrderBy(name => name, StringComparer.Ordinal));
        }

        [Fact]
        public async Task A_store_that_never_swaps_is_reported_instead_of_looping()
        {
            var bench = new Workbench(wrapStore: inner => new NeverSwaps(inner));
            var record = await bench.Ledger.SubmitAsync("Hello", Workbench.Author);

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => bench.Ledger.DecideAsync(record.Id, "alice", true));
            Assert.Contains(nameof(IApprovalStore.TryUpdateAsync), error.Message);
        }

        private sealed class NeverSwaps : IApprovalStore
        {
            private readonly IApprovalStore _inner;

            public NeverSwaps(IApprovalStore inner) => _inner = inner;

            public Task<ApprovalRecord?> FindAsync(string requestId, System.Threading.CancellationToken cancellationToken) => _inner.FindAsync(requestId, cancellationToken);

            public Task AddAsync(ApprovalRecord record, System.Threading.CancellationToken cancellationToken) => _inner.AddAsync(record, cancellationToken);

            public Task<bool> TryUpdateAsync(ApprovalRecord record, long expectedVersion, System.Threading.CancellationToken cancellationToken) => Task.FromResult(false);

            public Task<System.Collections.Generic.IReadOnlyList<ApprovalRecord>> ListAsync(ApprovalStatus status, System.Threading.CancellationToken cancellationToken)
                => _inner.ListAsync(status, cancellationToken);
        }
    }
}
