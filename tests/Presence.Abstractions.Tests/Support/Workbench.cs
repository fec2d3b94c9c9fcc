using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace Presence.Abstractions.Tests.Support
{
    /// <summary>A ledger wired to an in-memory store, a hold, an audit sink and one manual clock.</summary>
    internal sealed class Workbench
    {
        public const string Author = "agent:drafts";
        public const string Reviewer = "alice";

        public Workbench(ApprovalPolicy? policy = null, Func<IApprovalStore, IApprovalStore>? wrapStore = null, Action<ApprovalLedgerOptions>? configure = null)
        {
            Store = wrapStore is null ? new InMemoryApprovalStore() : wrapStore(new InMemoryApprovalStore());
            Hold = new PublishingHold(Audit, Clock.Read);
            var options = new ApprovalLedgerOptions { Policy = policy ?? ApprovalPolicy.Default, Audit = Audit, Clock = Clock.Read };
            configure?.Invoke(options);
            Ledger = new ApprovalLedger(Store, Hold, options);
        }

        public ManualClock Clock { get; } = new ManualClock();

        public InMemoryApprovalAuditSink Audit { get; } = new InMemoryApprovalAuditSink();

        public IApprovalStore Store { get; }

        public PublishingHold Hold { get; }

        public ApprovalLedger Ledger { get; }

        public IEnumerable<ApprovalAuditEventKind> AuditKinds => Audit.Events.Select(e => e.Kind);

        /// <summary>Submits and has <see cref="Reviewer"/> approve (under the default policy).</summary>
        public async Task<ApprovalRecord> ApprovedAsync<T>(T content, DateTimeOffset? dueAt = null, string reviewer = Reviewer)
        {
            var submitted = await Ledger.SubmitAsync(content, Author, dueAt, channel: "mastodon:@acme");
            var decided = await Ledger.DecideAsync(submitted.Id, reviewer, approve: true);
            Assert.Equal(DecisionOutcome.Recorded, decided.Outcome);
            Assert.Equal(ApprovalStatus.Approved, decided.Record!.Status);
            return decided.Record;
        }

        public async Task<Approved<T>> TokenAsync<T>(T content)
        {
            var record = await ApprovedAsync(content);
            var redeemed = await Ledger.RedeemAsync(record.Id, content);
            Assert.Equal(RedeemOutcome.Redeemed, redeemed.Outcome);
            return redeemed.Approval!;
        }

        public async Task<ApprovalStatus> StatusAsync(string requestId) => (await Store.FindAsync(requestId, default))!.Status;
    }
}
