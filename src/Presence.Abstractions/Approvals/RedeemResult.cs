#nullable enable
namespace Presence
{
    /// <summary>The answer of <see cref="ApprovalLedger.RedeemAsync{T}"/>; everything but <see cref="Redeemed"/> means "do not publish".</summary>
    public enum RedeemOutcome
    {
        /// <summary>Approved, fresh, for exactly this content, and not used before: the token is in the result.</summary>
        Redeemed = 0,

        /// <summary>The ledger has no request with this id.</summary>
        NotFound = 1,

        /// <summary>Nobody has decided yet (or not every step has). A request still undecided at its due time expires.</summary>
        Undecided = 2,

        /// <summary>A reviewer rejected it.</summary>
        Rejected = 3,

        /// <summary>It was withdrawn.</summary>
        Cancelled = 4,

        /// <summary>The decision deadline or the approval's lifetime passed.</summary>
        Expired = 5,

        /// <summary>The content presented is not the content approved (edited since, or another post altogether).</summary>
        ContentChanged = 6,

        /// <summary>The approval was used already; a retry after a successful redeem gets this, never a second token.</summary>
        AlreadyRedeemed = 7,

        /// <summary>A publishing hold is engaged now.</summary>
        Held = 8,

        /// <summary>The post fell due while a publishing hold was engaged; it needs a fresh submission and decision.</summary>
        FellDueDuringHold = 9,

        /// <summary>
        /// Only from <see cref="ApprovalLedger.ConsumeForPublish{T}"/>: the token was minted by a ledger over another
        /// approval store, which this ledger has no record of.
        /// </summary>
        NotIssuedHere = 10,

        /// <summary>A reviewer asked for changes; the author's revision is a new request.</summary>
        ChangesRequested = 11,

        /// <summary>A revision replaced this request; redeem the revision instead.</summary>
        Superseded = 12,

        /// <summary>
        /// The stored request cannot be trusted (changed outside the ledger or damaged; see
        /// <see cref="ApprovalRecordCorruptException"/>): nothing is redeemed from it. Cancel it and submit the content again.
        /// Also the answer, for a request that is fine, when the publishing hold's history cannot be read: nobody can say
        /// publishing is allowed, so nothing is redeemed or published until the hold's row is repaired.
        /// </summary>
        Untrusted = 13,
    }

    /// <summary>The answer of <see cref="ApprovalLedger.RedeemAsync{T}"/>: an outcome, and the token only when it is <see cref="RedeemOutcome.Redeemed"/>.</summary>
    /// <typeparam name="T">The content type.</typeparam>
    public sealed class RedeemResult<T>
    {
        internal RedeemResult(string requestId, RedeemOutcome outcome, ApprovalRecord? record, Approved<T>? approval)
        {
            RequestId = requestId;
            Outcome = outcome;
            Record = record;
            Approval = approval;
        }

        /// <summary>The request asked for (also when it was not found or cannot be trusted).</summary>
        public string RequestId { get; }

        /// <summary>Why the approval was or was not redeemed.</summary>
        public RedeemOutcome Outcome { get; }

        /// <summary><c>true</c> when <see cref="Approval"/> holds the token to publish with.</summary>
        public bool IsRedeemed => Approval is not null;

        /// <summary>The token for the gate; null unless <see cref="Outcome"/> is <see cref="RedeemOutcome.Redeemed"/>.</summary>
        public Approved<T>? Approval { get; }

        /// <summary>The request as the ledger last saw it; null when it was not found or cannot be trusted.</summary>
        public ApprovalRecord? Record { get; }

        /// <summary>Describes the result.</summary>
        /// <returns>The outcome and the request id.</returns>
        public override string ToString() => $"{Outcome} {RequestId}";
    }
}
