using System;

namespace Presence.Approvals.EntityFrameworkCore
{
    /// <summary>
    /// A row in the approval tables cannot be trusted: an unknown status, a malformed or changed fingerprint, broken
    /// decisions, a broken seal, a value that cannot be read. The message says which row and why, never its content.
    /// For a request row the ledger does not let it escape: decisions and redeems are refused with an
    /// <c>Untrusted</c> outcome, and the request can be cancelled.
    /// </summary>
    public sealed class ApprovalStoreCorruptException : ApprovalRecordCorruptException
    {
        /// <summary>Describes a corrupt approval request row.</summary>
        /// <param name="requestId">The row's id.</param>
        /// <param name="problem">What is wrong with it.</param>
        /// <param name="inner">The underlying error, if any.</param>
        public ApprovalStoreCorruptException(string requestId, string problem, Exception? inner = null)
            : base(requestId, problem, inner)
        {
        }

        /// <summary>Describes a corrupt row of another table.</summary>
        /// <param name="message">What is wrong.</param>
        /// <param name="inner">The underlying error.</param>
        public ApprovalStoreCorruptException(string message, Exception inner)
            : base(message, inner)
        {
        }
    }
}
