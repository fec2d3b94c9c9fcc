using System;
using System.Linq;
using System.Threading.Tasks;

namespace Presence.Abstractions.Tests
{
    public class InMemoryApprovalStoreTests
    {
        private static ApprovalRecord Record(string id, long version, ApprovalStatus status = ApprovalStatus.Pending)
            => new ApprovalRecord(id, ContentFingerprint.Of(id), "author", null, null, DateTimeOffset.UnixEpoch.AddMinutes(version), null, status,
                Array.Empty<ReviewerDecision>(), null, DateTimeOffset.MaxValue, null, version);

        [Fact]
        public async Task An_update_wins_only_against_the_expected_version()
        {
            var store = new InMemoryApprovalStore();
            await store.AddAsync(Record("a", 1), default);

            Assert.True(await store.TryUpdateAsync(Record("a", 2), expectedVersion: 1, default));
            Assert.False(await store.TryUpdateAsync(Record("a", 2), expectedVersion: 1, default));
            Assert.False(await store.TryUpdateAsync(Record("missing", 2), expectedVersion: 1, default));
            Assert.Equal(2, (await store.FindAsync("a", default))!.Version);
        }

        [Fact]
        public async Task Of_many_parallel_updates_from_one_version_exactly_one_wins()
        {
            var store = new InMemoryApprovalStore();
            await store.AddAsync(Record("a", 1), default);

            var wins = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => store.TryUpdateAsync(Record("a", 2), 1, default))));

            Assert.Single(wins, won => won);
        }

        [Fact]
        public async Task Ids_are_unique_and_lists_filter_by_status()
        {
            var store = new InMemoryApprovalStore();
            await store.AddAsync(Record("b", 2), default);
            await store.AddAsync(Record("a", 1), default);
            await store.AddAsync(Record("c", 3, ApprovalStatus.Approved), default);

            await Assert.ThrowsAsync<InvalidOperationException>(() => store.AddAsync(Record("a", 1), default));
            Assert.Equal(new[] { "a", "b" }, (await store.ListAsync(ApprovalStatus.Pending, default)).Select(r => r.Id));
            Assert.Null(await store.FindAsync("zzz", default));
        }
    }
}
