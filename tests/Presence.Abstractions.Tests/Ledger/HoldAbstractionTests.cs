using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Presence.Abstractions.Tests.Support;

namespace Presence.Abstractions.Tests.Ledger
{
    /// <summary>The hold as an abstraction: the ledger reads whatever hold it is given, at every redeem and publish.</summary>
    public class HoldAbstractionTests
    {
        [Fact]
        public async Task The_in_memory_hold_answers_through_the_interface_with_its_history()
        {
            var clock = new ManualClock();
            IPublishingHold hold = new PublishingHold(clock: clock.Read);

            // Written as the docs write them: the token is optional, as on the ledger.
            Assert.True(await hold.EngageAsync("Outage", "ops"));
            Assert.False(await hold.EngageAsync("Again", "ops"));
            Assert.Equal("Outage", (await hold.GetCurrentAsync(default))!.Reason);
            clock.Advance(TimeSpan.FromHours(1));
            Assert.True(await hold.ReleaseAsync("maria"));
            Assert.False(await hold.ReleaseAsync("maria"));
            clock.Advance(TimeSpan.FromHours(1));
            await hold.EngageAsync("Crisis", "tom");

            var history = await hold.GetHistoryAsync();
            Assert.Equal(new[] { ("Outage", "ops", "maria", (DateTimeOffset?)ManualClock.Start.AddHours(1)), ("Crisis", "tom", null, null) },
                history.Select(p => (p.Reason, p.EngagedBy, p.ReleasedBy, p.Until)));
            Assert.Equal(new[] { "Outage", "Crisis" }, (await hold.GetPeriodsSinceAsync(ManualClock.Start.AddMinutes(59), default)).Select(p => p.Reason));
            Assert.Equal(new[] { "Crisis" }, hold.GetPeriodsSince(ManualClock.Start.AddHours(1)).Select(p => p.Reason));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hold.GetCurrentAsync(new CancellationToken(canceled: true)));
        }

        [Fact]
        public async Task The_ledger_reads_the_hold_it_is_given_at_every_redeem()
        {
            var clock = new ManualClock();
            var hold = new ExternalHold();
            var store = new InMemoryApprovalStore();
            var ledger = new ApprovalLedger(store, hold, clock: clock.Read);
            var first = await Approve(ledger, "One");
            var second = await Approve(ledger, "Two");

            Assert.Equal(RedeemOutcome.Redeemed, (await ledger.RedeemAsync(first, "One")).Outcome);
            hold.Periods.Add(new HoldPeriod("Engaged elsewhere", "web-app", clock.Now));
            Assert.Equal(RedeemOutcome.Held, (await ledger.RedeemAsync(second, "Two")).Outcome);
            Assert.Equal(2, hold.AsyncReads);
        }

        [Fact]
        public async Task A_gate_refuses_a_token_when_the_hold_was_engaged_elsewhere_after_the_redeem()
        {
            var clock = new ManualClock();
            var hold = new ExternalHold();
            var ledger = new ApprovalLedger(new InMemoryApprovalStore(), hold, clock: clock.Read);
            var id = await Approve(ledger, "One");
            var token = (await ledger.TryRedeemAsync(id, "One"))!;
            hold.Periods.Add(new HoldPeriod("Engaged elsewhere", "web-app", clock.Now));

            var refused = Assert.Throws<ApprovalRefusedException>(() => ledger.ConsumeForPublish(token, "Gate.PostAsync"));

            Assert.Equal(RedeemOutcome.Held, refused.Reason);
            Assert.Equal(1, hold.SyncReads);
        }

        [Fact]
        public async Task A_hold_that_cannot_be_read_redeems_nothing()
        {
            var ledger = new ApprovalLedger(new InMemoryApprovalStore(), new ExternalHold { Broken = true });
            var id = await Approve(ledger, "One");

            await Assert.ThrowsAsync<InvalidOperationException>(() => ledger.RedeemAsync(id, "One"));
            Assert.Equal(ApprovalStatus.Approved, (await ledger.FindAsync(id))!.Status);
        }

        private static async Task<string> Approve(ApprovalLedger ledger, string text)
        {
            var record = await ledger.SubmitAsync(text, Workbench.Author);
            await ledger.DecideAsync(record.Id, Workbench.Reviewer, true);
            return record.Id;
        }

        /// <summary>A hold kept somewhere else (another process's database, say), changed behind the ledger's back.</summary>
        private sealed class ExternalHold : IPublishingHold
        {
            public List<HoldPeriod> Periods { get; } = new List<HoldPeriod>();

            public bool Broken { get; set; }

            public int AsyncReads { get; private set; }

            public int SyncReads { get; private set; }

            public Task<HoldPeriod?> GetCurrentAsync(CancellationToken cancellationToken) => Task.FromResult(Periods.LastOrDefault(p => p.IsActive));

            public Task<IReadOnlyList<HoldPeriod>> GetHistoryAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<HoldPeriod>>(Periods.ToList());

            public Task<IReadOnlyList<HoldPeriod>> GetPeriodsSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
            {
                AsyncReads++;
                return Broken ? throw new InvalidOperationException("database unreachable") : Task.FromResult(Read(since));
            }

            public IReadOnlyList<HoldPeriod> GetPeriodsSince(DateTimeOffset since)
            {
                SyncReads++;
                return Read(since);
            }

            public Task<bool> EngageAsync(string reason, string by, CancellationToken cancellationToken) => throw new NotSupportedException();

            public Task<bool> ReleaseAsync(string by, CancellationToken cancellationToken) => throw new NotSupportedException();

            private IReadOnlyList<HoldPeriod> Read(DateTimeOffset since) => Periods.Where(p => p.IsActive || p.Until > since).ToList();
        }
    }
}
