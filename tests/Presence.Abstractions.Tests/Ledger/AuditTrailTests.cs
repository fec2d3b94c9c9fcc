using System;
using System.Linq;
using System.Threading.Tasks;
using Presence.Abstractions.Tests.Support;

namespace Presence.Abstractions.Tests.Ledger
{
    /// <summary>The trail that shows a person reviewed each post before it went out.</summary>
    public class AuditTrailTests
    {
        [Fact]
        public async Task Submission_decisions_redeem_and_publish_are_recorded_with_who_and_when()
        {
            var policy = ApprovalPolicy.Default.WithSteps(ApprovalStep.AnyOf("legal", "lena"), ApprovalStep.Anyone("brand"));
            var bench = new Workbench(policy);
            var post = new Post("linkedin:acme", "We are hiring");
            var record = await bench.Ledger.SubmitAsync(post, Workbench.Author, channel: "linkedin:acme");
            bench.Clock.Advance(TimeSpan.FromMinutes(5));
            await bench.Ledger.DecideAsync(record.Id, "lena", true, "Legal OK");
            bench.Clock.Advance(TimeSpan.FromMinutes(5));
            await bench.Ledger.DecideAsync(record.Id, "bea", true);
            bench.Clock.Advance(TimeSpan.FromMinutes(5));
            var token = (await bench.Ledger.TryRedeemAsync(record.Id, post))!;
            bench.Ledger.ConsumeForPublish(token, "ILinkedInPublisher.PostAsync");

            var start = ManualClock.Start;
            Assert.Collection(
                bench.Audit.Events,
                e => Assert.Equal((ApprovalAuditEventKind.Submitted, Workbench.Author, start), (e.Kind, e.Actor, e.At)),
                e =>
                {
                    Assert.Equal((ApprovalAuditEventKind.Decided, "lena", start.AddMinutes(5)), (e.Kind, e.Actor, e.At));
                    Assert.Contains("Legal OK", e.Detail);
                },
                e => Assert.Equal((ApprovalAuditEventKind.Decided, "bea", start.AddMinutes(10)), (e.Kind, e.Actor, e.At)),
                e =>
                {
                    Assert.Equal((ApprovalAuditEventKind.Redeemed, Workbench.Author), (e.Kind, e.Actor));
                    Assert.Equal(new[] { "lena", "bea" }, e.Reviewers);
                },
                e =>
                {
                    Assert.Equal(ApprovalAuditEventKind.Published, e.Kind);
                    Assert.Equal("ILinkedInPublisher.PostAsync", e.Gate);
                    Assert.Equal(new[] { "lena", "bea" }, e.Reviewers);
                    Assert.Equal((Workbench.Author, start.AddMinutes(15)), (e.Actor, e.At));
                });
            Assert.All(bench.Audit.Events, e => Assert.Equal((record.Id, record.Fingerprint, "linkedin:acme"), (e.RequestId, e.Fingerprint, e.Channel)));
        }

        [Fact]
        public async Task Refusals_are_recorded_with_the_outcome()
        {
            var bench = new Workbench();
            var record = await bench.Ledger.SubmitAsync("Hello", Workbench.Author);
            await bench.Ledger.DecideAsync(record.Id, Workbench.Author, true);
            await bench.Ledger.RedeemAsync(record.Id, "Hello");
            await bench.Ledger.RedeemAsync(record.Id, "Hullo");
            await bench.Ledger.DecideAsync(record.Id, "alice", true);
            var token = (await bench.Ledger.TryRedeemAsync(record.Id, "Hello"))!;
            bench.Ledger.ConsumeForPublish(token, "Gate");
            Assert.Throws<ApprovalRefusedException>(() => bench.Ledger.ConsumeForPublish(token, "Gate"));

            var refusals = bench.Audit.Events.Where(e => e.Kind == ApprovalAuditEventKind.Refused).ToList();

            Assert.Equal(
                new[] { (Workbench.Author, "SelfApproval"), (Workbench.Author, "Undecided"), (Workbench.Author, "ContentChanged"), (Workbench.Author, "AlreadyRedeemed") },
                refusals.Select(e => (e.Actor!, e.Outcome!)));
            Assert.Equal(ContentFingerprint.For("Hullo"), refusals[2].Fingerprint);
            Assert.Equal("Gate", refusals[3].Gate);
        }

        [Fact]
        public async Task Cancellation_and_expiry_are_recorded()
        {
            var bench = new Workbench(ApprovalPolicy.Default.WithLifetime(TimeSpan.FromHours(1)));
            var cancelled = await bench.Ledger.SubmitAsync("One", Workbench.Author);
            await bench.Ledger.CancelAsync(cancelled.Id, "maria", "Duplicate");
            var expired = await bench.ApprovedAsync("Two");
            bench.Clock.Advance(TimeSpan.FromHours(1));
            await bench.Ledger.ExpireStaleAsync();

            var cancel = Assert.Single(bench.Audit.Events, e => e.Kind == ApprovalAuditEventKind.Cancelled);
            Assert.Equal((cancelled.Id, "maria", "Duplicate"), (cancel.RequestId, cancel.Actor, cancel.Detail));
            var expiry = Assert.Single(bench.Audit.Events, e => e.Kind == ApprovalAuditEventKind.Expired);
            Assert.Equal((expired.Id, bench.Clock.Now), (expiry.RequestId, expiry.At));
        }

        [Fact]
        public async Task A_failing_audit_sink_stops_the_publish()
        {
            var store = new InMemoryApprovalStore();
            var sink = new SwitchableSink();
            var ledger = new ApprovalLedger(store, new PublishingHold(), audit: sink);
            var record = await ledger.SubmitAsync("Hello", Workbench.Author);
            await ledger.DecideAsync(record.Id, "alice", true);
            var token = (await ledger.TryRedeemAsync(record.Id, "Hello"))!;
            sink.Broken = true;

            Assert.Throws<InvalidOperationException>(() => ledger.ConsumeForPublish(token, "Gate"));
            sink.Broken = false;
            Assert.Throws<ApprovalRefusedException>(() => ledger.ConsumeForPublish(token, "Gate"));
        }

        private sealed class SwitchableSink : IApprovalAuditSink
        {
            public bool Broken { get; set; }

            public void Write(ApprovalAuditEvent auditEvent)
            {
                if (Broken)
                {
                    throw new InvalidOperationException("The audit database is down.");
                }
            }
        }
    }
}
