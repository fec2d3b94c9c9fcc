#nullable enable
using System;

namespace Presence
{
    /// <summary>
    /// Thrown by <see cref="ApprovalLedger.ConsumeForPublish{T}"/> when a gate must not publish: the token was used
    /// already, expired, no longer matches its content, or a publishing hold is (or was) in the way.
    /// </summary>
    public sealed class ApprovalRefusedException : Exception
    {
        /// <summary>Describes a refusal.</summary>
        /// <param name="reason">Why the approval was refused.</param>
        /// <param name="requestId">The approval request concerned.</param>
        /// <param name="gate">The gate that refused to publish.</param>
        /// <param name="message">The message for the log.</param>
        public ApprovalRefusedException(RedeemOutcome reason, string requestId, string gate, string message)
            : base(message)
        {
            Reason = reason;
            RequestId = requestId;
            Gate = gate;
        }

        /// <summary>Why the approval was refused.</summary>
        public RedeemOutcome Reason { get; }

        /// <summary>The approval request concerned.</summary>
        public string RequestId { get; }

        /// <summary>The gate that refused to publish.</summary>
        public string Gate { get; }
    }
}
