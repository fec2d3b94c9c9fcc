using System;
using System.Threading.Tasks;
using Presence.Abstractions.Tests.Support;

namespace Presence.Abstractions.Tests.Ledger
{
    /// <summary>How the ledger obeys the publishing hold.</summary>
    public class HoldTests
    {
        [Fact]
        public async Task Nothing_redeems_while_a_hold_is_engaged()
        {
            var bench = new Workbench();
            var record = await bench.ApprovedAsync("Cheerful promo");
            bench.Hold.Engage("National day of mourning", "maria");

            var result = await bench.Ledger.RedeemAsync(record.Id, "Cheerful promo");

            Assert.Equal(RedeemOutcome.Held, result.Outcome);
            Assert.Null(result.Approval);
            Assert.Equal(ApprovalStatus.Approved, await bench.StatusAsync(record.Id));
        }

        [Fact]
        public async Task A_post_due_during_a_hold_does_not_go_out_when_it_is_released_and_needs_a_fresh_decision()
        {
            var bench = new Workbench();
            var due = bench.Clock.Now.AddHours(2);
            var record = await bench.ApprovedAsync("Cheerful promo", dueAt: due);
            bench.Clock.Advance(TimeSpan.FromHours(1));
            bench.Hold.Engage("National day of mourning", "maria");
            bench.Clock.Set(due);
            Assert.Equal(RedeemOutcome.Held, (await bench.Ledger.RedeemAsync(record.Id, "Cheerful promo")).Outcome);
            bench.Clock.Advance(TimeSpan.FromHours(5));
            bench.Hold.Release("maria");
            bench.Clock.Advance(TimeSpan.FromMinutes(1));

            Assert.Equal(RedeemOutcome.FellDueDuringHold, (await bench.Ledger.RedeemAsync(record.Id, "Cheerful promo")).Outcome);
            Assert.Equal(ApprovalStatus.Expired, await bench.StatusAsync(record.Id));
            Assert.Equal(RedeemOutcome.Expired, (await bench.Ledger.RedeemAsync(record.Id, "Cheerful promo")).Outcome);

            var fresh = await bench.ApprovedAsync("Cheerful promo");
            Assert.Equal(RedeemOutcome.Redeemed, (await bench.Ledger.RedeemAsync(fresh.Id, "Cheerful promo")).Outcome);
        }

        [Fact]
        public async Task A_post_due_during_a_hold_nobody_tried_to_publish_in_is_still_caught()
        {
            var bench = new Workbench();
            var due = bench.Clock.Now.AddHours(2);
            var record = await bench.ApprovedAsync("Cheerful promo", dueAt: due);
            bench.Clock.Advance(TimeSpan.FromHours(1));
            bench.Hold.Engage("Crisis", "maria");
            bench.Clock.Advance(TimeSpan.FromHours(3));
            bench.Hold.Release("maria");

            Assert.Equal(RedeemOutcome.FellDueDuringHold, (await bench.Ledger.RedeemAsync(record.Id, "Cheerful promo")).Outcome);
        }

        [Fact]
        public async Task An_unscheduled_approval_waiting_through_a_hold_needs_a_fresh_decision()
        {
            var bench = new Workbench();
            var record = await bench.ApprovedAsync("Cheerful promo");
            bench.Clock.Advance(TimeSpan.FromMinutes(5));
            bench.Hold.Engage("Crisis", "maria");
            bench.Clock.Advance(TimeSpan.FromMinutes(30));
            bench.Hold.Release("maria");

            Assert.Equal(RedeemOutcome.FellDueDuringHold, (await bench.Ledger.RedeemAsync(record.Id, "Cheerful promo")).Outcome);
        }

        [Fact]
        public async Task A_post_due_after_the_hold_ended_goes_out()
        {
            var bench = new Workbench();
            var record = await bench.ApprovedAsync("Next week's post", dueAt: bench.Clock.Now.AddDays(7));
            bench.Hold.Engage("Crisis", "maria");
            bench.Clock.Advance(TimeSpan.FromDays(1));
            bench.Hold.Release("maria");
            bench.Clock.Advance(TimeSpan.FromDays(6));

            Assert.Equal(RedeemOutcome.Redeemed, (await bench.Ledger.RedeemAsync(record.Id, "Next week's post")).Outcome);
        }

        [Fact]
        public async Task Reviewing_goes_on_during_a_hold()
        {
            var bench = new Workbench();
            var record = await bench.Ledger.SubmitAsync("Statement", Workbench.Author, dueAt: bench.Clock.Now.AddDays(1));
            bench.Hold.Engage("Crisis", "maria");

            Assert.True((await bench.Ledger.DecideAsync(record.Id, "alice", true)).IsRecorded);
        }
    }
}
