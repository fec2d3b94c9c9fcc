#nullable enable
namespace Presence
{
    /// <summary>The answer of <see cref="ApprovalLedger.DecideAsync"/>: whether the decision was recorded, and if not, why.</summary>
    public enum DecisionOutcome
    {
        /// <summary>The decision was recorded; the record shows whether the request is now approved, rejected or still pending.</summary>
        Recorded = 0,

        /// <summary>The ledger has no request with this id.</summary>
        NotFound = 1,

        /// <summary>The request is no longer waiting for decisions (approved, rejected, cancelled or redeemed).</summary>
        NotPending = 2,

        /// <summary>The decision deadline passed (pending lifetime, or the post's due time); the request is expired.</summary>
        Expired = 3,

        /// <summary>The author may not decide on their own post (see <see cref="ApprovalPolicy.AllowSelfApproval"/>).</summary>
        SelfApproval = 4,

        /// <summary>This person is not a reviewer of the step the request is in.</summary>
        NotAReviewer = 5,

        /// <summary>This person already decided in the current step.</summary>
        AlreadyDecided = 6,

        /// <summary>
        /// The stored request cannot be trusted (changed outside the ledger or damaged; see
        /// <see cref="ApprovalRecordCorruptException"/>): no decision is recorded on it. Cancel it and submit the content again.
        /// </summary>
        Untrusted = 7,
    }

    /// <summary>The answer of <see cref="ApprovalLedger.DecideAsync"/>.</summary>
    public sealed class DecisionResult
    {
        internal DecisionResult(string requestId, DecisionOutcome outcome, ApprovalRecord? record)
        {
            RequestId = requestId;
            Outcome = outcome;
            Record = record;
        }

        /// <summary>The request decided on (also when it was not found or cannot be trusted).</summary>
        public string RequestId { get; }

        /// <summary>Whether the decision was recorded, and if not, why.</summary>
        public DecisionOutcome Outcome { get; }

        /// <summary><c>true</c> when the decision was recorded.</summary>
        public bool IsRecorded => Outcome == DecisionOutcome.Recorded;

        /// <summary>The request after the decision (or unchanged when refused); null when it was not found or cannot be trusted.</summary>
        public ApprovalRecord? Record { get; }

        /// <summary>Describes the result.</summary>
        /// <returns>The outcome and the request's state.</returns>
        public override string ToString() => Record is null ? $"{Outcome} {RequestId}" : $"{Outcome} {Record}";
    }
}
