using System;
using System.Linq;
using Presence.Abstractions.Tests.Support;

namespace Presence.Abstractions.Tests
{
    public class PublishingHoldTests
    {
        private readonly ManualClock _clock = new ManualClock();
        private readonly InMemoryApprovalAuditSink _audit = new InMemoryApprovalAuditSink();

        private PublishingHold NewHold() => new PublishingHold(_audit, _clock.Read);

        [Theory]
        [InlineData(null, "ops")]
        [InlineData("", "ops")]
        [InlineData("  ", "ops")]
        [InlineData("Crisis", null)]
        [InlineData("Crisis", "")]
        [InlineData("Crisis", "\t")]
        public void Engaging_needs_a_reason_and_who(string? reason, string? by)
        {
            var hold = NewHold();

            Assert.ThrowsAny<ArgumentException>(() => hold.Engage(reason!, by!));
            Assert.False(hold.IsActive);
            Assert.Empty(_audit.Events);
        }

        [Fact]
        public void Releasing_needs_who()
        {
            var hold = NewHold();
            hold.Engage("Crisis", "ops");

            Assert.ThrowsAny<ArgumentException>(() => hold.Release(" "));
            Assert.True(hold.IsActive);
        }

        [Fact]
        public void Engage_and_release_keep_the_history()
        {
            var hold = NewHold();
            var since = _clock.Now;

            Assert.True(hold.Engage("Earthquake in the region", "maria"));
            Assert.False(hold.Engage("Another reason", "tom"));
            var current = hold.Current!;
            Assert.True(hold.IsActive);
            Assert.Equal(("Earthquake in the region", "maria", since), (current.Reason, current.EngagedBy, current.Since));

            _clock.Advance(TimeSpan.FromHours(5));
            Assert.True(hold.Release("tom"));
            Assert.False(hold.Release("tom"));

            Assert.False(hold.IsActive);
            Assert.Null(hold.Current);
            var period = Assert.Single(hold.Periods);
            Assert.Equal(("maria", "tom", since, since.AddHours(5)), (period.EngagedBy, period.ReleasedBy, period.Since, period.Until!.Value));
            Assert.False(period.IsActive);
        }

        [Fact]
        public void WasActiveAt_includes_the_start_and_excludes_the_end()
        {
            var hold = NewHold();
            var start = _clock.Now;
            hold.Engage("Crisis", "ops");
            _clock.Advance(TimeSpan.FromHours(1));
            hold.Release("ops");

            Assert.False(hold.WasActiveAt(start.AddTicks(-1)));
            Assert.True(hold.WasActiveAt(start));
            Assert.True(hold.WasActiveAt(start.AddMinutes(59)));
            Assert.False(hold.WasActiveAt(start.AddHours(1)));
            Assert.True(hold.WasActiveDuring(start.AddHours(-3), start.AddHours(3)));
            Assert.False(hold.WasActiveDuring(start.AddHours(1), start.AddHours(3)));
        }

        [Fact]
        public void Changes_are_audited_with_who_and_why()
        {
            var hold = NewHold();
            hold.Engage("Crisis", "maria");
            _clock.Advance(TimeSpan.FromMinutes(30));
            hold.Release("tom");

            Assert.Collection(
                _audit.Events,
                engaged => Assert.Equal((ApprovalAuditEventKind.HoldEngaged, "maria", "Crisis", ManualClock.Start), (engaged.Kind, engaged.Actor, engaged.Detail, engaged.At)),
                released => Assert.Equal((ApprovalAuditEventKind.HoldReleased, "tom", ManualClock.Start.AddMinutes(30)), (released.Kind, released.Actor, released.At)));
        }

        [Fact]
        public void A_restarted_process_restores_an_engaged_hold()
        {
            var history = new[]
            {
                new HoldPeriod("Outage", "ops", ManualClock.Start.AddDays(-3), "ops", ManualClock.Start.AddDays(-2)),
                new HoldPeriod("Crisis", "maria", ManualClock.Start.AddHours(-1)),
            };

            var hold = new PublishingHold(clock: _clock.Read, history: history);

            Assert.True(hold.IsActive);
            Assert.Equal("Crisis", hold.Current!.Reason);
            Assert.Equal(2, hold.Periods.Count);
            Assert.Throws<ArgumentException>(() => new PublishingHold(history: Enumerable.Reverse(history)));
            Assert.Throws<ArgumentException>(() => new HoldPeriod("Outage", "ops", ManualClock.Start, releasedBy: "ops"));
        }
    }
}
