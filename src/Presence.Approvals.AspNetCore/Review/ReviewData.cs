using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace Presence
{
    /// <summary>What the dashboard reads and changes, resolved from the app's services (see AddPresenceApprovals).</summary>
    internal sealed class ReviewData
    {
        public ReviewData(IServiceProvider services)
        {
            Ledger = services.GetService<ApprovalLedger>()
                ?? throw new InvalidOperationException(
                    "The review dashboard needs the approval ledger: call services.AddPresenceApprovals(o => o.UseSqlite(...)) (or register an ApprovalLedger) before mapping it.");
            Audit = services.GetService<IApprovalAuditReader>();
        }

        public ApprovalLedger Ledger { get; }

        public IPublishingHold Hold => Ledger.Hold;

        /// <summary>The audit trail, when the app keeps one that can be read back; null otherwise (the history page says so).</summary>
        public IApprovalAuditReader? Audit { get; }

        public Task<ApprovalRecord?> FindAsync(string id, CancellationToken cancellationToken) => Ledger.FindAsync(id, cancellationToken);

        public Task<IReadOnlyList<ApprovalRecord>> PendingAsync(CancellationToken cancellationToken) => Ledger.ListPendingAsync(cancellationToken);

        public Task<IReadOnlyList<UntrustedApprovalRequest>> UntrustedAsync(CancellationToken cancellationToken) => Ledger.ListUntrustedAsync(cancellationToken);

        public Task<IReadOnlyList<ApprovalRecord>> SentBackAsync(CancellationToken cancellationToken) => Ledger.ListAsync(ApprovalStatus.ChangesRequested, cancellationToken);
    }
}
