using System;

namespace Presence.Approvals.EntityFrameworkCore
{
    /// <summary>
    /// A row in the approval tables cannot be trusted: an unknown status, a malformed or changed fingerprint, broken
    /// decisions. The request is refused (nothing is redeemed from it); the message says which row and why.
    /// </summary>
    public sealed class ApprovalStoreCorruptException : InvalidOperationException
    {
        /// <summary>Describes a corrupt approval request row.</summary>
        /// <param name="requestId">The row's id.</param>
        /// <param name="problem">What is wrong with it.</param>
        /// <param name="inner">The underlying error, if any.</param>
        public ApprovalStoreCorruptException(string requestId, string problem, Exception? inner = null)
            : base($"Approval request {requestId} in presence_approval_requests cannot be trusted: {problem}. It is refused and nothing is published from it; "
                + "restore the row from a backup, or cancel the request and submit the content again.", inner)
        {
            RequestId = requestId;
        }

        /// <summary>Describes a corrupt row of another table.</summary>
        /// <param name="message">What is wrong.</param>
        /// <param name="inner">The underlying error.</param>
        public ApprovalStoreCorruptException(string message, Exception inner)
            : base(message, inner)
        {
        }

        /// <summary>The request whose row is corrupt; null for other tables.</summary>
        public string? RequestId { get; }
    }
}
