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
            Ledger = services.GetService<ApprovalLedger>() ?? throw Missing(nameof(ApprovalLedger));
            Store = services.GetService<IApprovalStore>() ?? throw Missing(nameof(IApprovalStore));
        }

        public ApprovalLedger Ledger { get; }

        public IApprovalStore Store { get; }

        public PublishingHold Hold => Ledger.Hold;

        public Task<ApprovalRecord?> FindAsync(string id, CancellationToken cancellationToken) => Store.FindAsync(id, cancellationToken);

        public Task<IReadOnlyList<ApprovalRecord>> PendingAsync(CancellationToken cancellationToken) => Ledger.ListPendingAsync(cancellationToken);

        private static InvalidOperationException Missing(string what)
            => new InvalidOperationException(
                $"The review dashboard needs the approval ledger's services ({what} is not registered): call services.AddPresenceApprovals(...) before mapping it.");
    }
}
