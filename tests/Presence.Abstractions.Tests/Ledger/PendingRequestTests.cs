using System;
using System.Linq;
using System.Threading.Tasks;
using Presence.Abstractions.Tests.Support;

namespace Presence.Abstractions.Tests.Ledger
{
    /// <summary>Nothing dangles: pending requests can be listed, cancelled, and expire.</summary>
    public class PendingRequestTests
    {
        [Fact]
        public async Task Pending_requests_are_listed_oldest_first()
        {
            var bench = new Workbench();
            var first = await bench.Ledger.SubmitAsync("One", Workbench.Author);
            bench.Clock.Advance(TimeSpan.FromMinutes(1));
            var second = await bench.Ledger.SubmitAsync("Two", Workbench.Author);
            bench.Clock.Advance(TimeSpan.FromMinutes(1));
            await bench.ApprovedAsync("Three");

            var pending = await bench.Ledger.ListPendingAsync();

            Assert.Equal(new[] { first.Id, second.Id }, pending.Select(r => r.Id));
        }

        [Fact]
        public async Task A_cancelled_request_leaves_the_list_and_cannot_be_decided()
        {
            var bench = new Workbench();
            var record = await bench.Ledger.SubmitAsync("Hello", Workbench.Author);

            Assert.True(await bench.Ledger.CancelAsync(record.Id, "maria", "Duplicate"));

            Assert.Empty(await bench.Ledger.ListPendingAsync());
            Assert.Equal(ApprovalStatus.Cancelled, await bench.StatusAsync(record.Id));
            Assert.Equal(DecisionOutcome.NotPending, (await bench.Ledger.DecideAsync(record.Id, "alice", true)).Outcome);
            Assert.False(await bench.Ledger.CancelAsync(record.Id, "maria"));
        }

        [Fact]
        public async Task Closed_and_unknown_requests_cannot_be_cancelled()
        {
            var bench = new Workbench();
            var redeemed = await bench.TokenAsync("Hello");

            Assert.False(await bench.Ledger.CancelAsync(redeemed.RequestId, "maria"));
            Assert.Equal(ApprovalStatus.Redeemed, await bench.StatusAsync(redeemed.RequestId));
            Assert.False(await bench.Ledger.CancelAsync("missing", "maria"));
            await Assert.ThrowsAnyAsync<ArgumentException>(() => bench.Ledger.CancelAsync(redeemed.RequestId, " "));
        }

        [Fact]
        public async Task Stale_requests_are_not_listed_and_are_expired_on_the_way()
        {
            var bench = new Workbench(ApprovalPolicy.Default.WithPendingLifetime(TimeSpan.FromDays(1)));
            var stale = await bench.Ledger.SubmitAsync("Old", Workbench.Author);
            bench.Clock.Advance(TimeSpan.FromHours(12));
            var fresh = await bench.Ledger.SubmitAsync("New", Workbench.Author);
            bench.Clock.Advance(TimeSpan.FromHours(12));

            Assert.Equal(new[] { fresh.Id }, (await bench.Ledger.ListPendingAsync()).Select(r => r.Id));
            Assert.Equal(ApprovalStatus.Expired, await bench.StatusAsync(stale.Id));
        }

        [Fact]
        public async Task ExpireStale_closes_overdue_requests_and_approvals_after_a_crash()
        {
            var bench = new Workbench(ApprovalPolicy.Default.WithPendingLifetime(TimeSpan.FromDays(3)).WithLifetime(TimeSpan.FromDays(1)));
            var undecided = await bench.Ledger.SubmitAsync("Undecided", Workbench.Author);
            var unredeemed = await bench.ApprovedAsync("Unredeemed");
            bench.Clock.Advance(TimeSpan.FromDays(1));
            var later = await bench.Ledger.SubmitAsync("Later", Workbench.Author, dueAt: bench.Clock.Now.AddDays(5));
            bench.Clock.Advance(TimeSpan.FromDays(2));

            Assert.Equal(2, await bench.Ledger.ExpireStaleAsync());

            Assert.Equal(ApprovalStatus.Expired, await bench.StatusAsync(undecided.Id));
            Assert.Equal(ApprovalStatus.Expired, await bench.StatusAsync(unredeemed.Id));
            Assert.Equal(ApprovalStatus.Pending, await bench.StatusAsync(later.Id));
            Assert.Equal(0, await bench.Ledger.ExpireStaleAsync());
        }
    }
}
