#nullable enable
using System;

namespace Presence
{
    /// <summary>
    /// A stored approval request cannot be trusted: its row was changed outside the ledger or damaged. A store throws
    /// it from <see cref="IApprovalStore.FindAsync"/>; the ledger turns it into a refusal
    /// (<see cref="RedeemOutcome.Untrusted"/>, <see cref="DecisionOutcome.Untrusted"/>) so that one bad row never
    /// stops the app, and nothing is ever approved or published from it. The message names the request, never its content.
    /// </summary>
    public class ApprovalRecordCorruptException : InvalidOperationException
    {
        /// <summary>Describes a request that cannot be trusted.</summary>
        /// <param name="requestId">The request.</param>
        /// <param name="problem">What is wrong with it, without its content.</param>
        /// <param name="inner">The underlying error, if any.</param>
        public ApprovalRecordCorruptException(string requestId, string problem, Exception? inner = null)
            : base($"Approval request {requestId} cannot be trusted: {problem}. It is refused and nothing is published from it; "
                + "restore it from a backup, or cancel it (ApprovalLedger.CancelAsync) and submit the content again.", inner)
        {
            RequestId = requestId;
            Problem = problem;
        }

        /// <summary>Describes stored approval data that cannot be trusted and belongs to no single request.</summary>
        /// <param name="message">What is wrong.</param>
        /// <param name="inner">The underlying error.</param>
        protected ApprovalRecordCorruptException(string message, Exception inner)
            : base(message, inner)
        {
        }

        /// <summary>The request that cannot be trusted; null when the damaged data belongs to no request.</summary>
        public string? RequestId { get; }

        /// <summary>What is wrong with it, without its content; null when the damaged data belongs to no request.</summary>
        public string? Problem { get; }
    }
}
