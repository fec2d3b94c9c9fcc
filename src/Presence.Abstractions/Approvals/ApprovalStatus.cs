#nullable enable
namespace Presence
{
    /// <summary>
    /// Where an approval request stands. Only <see cref="Pending"/> and <see cref="Approved"/> can still change;
    /// stores must refuse to read any other value back (a corrupt row is never a request).
    /// </summary>
    public enum ApprovalStatus
    {
        /// <summary>Submitted and waiting for reviewers; it expires when its decision deadline passes.</summary>
        Pending = 0,

        /// <summary>Every approval step is complete; it can be redeemed once until it expires.</summary>
        Approved = 1,

        /// <summary>A reviewer rejected it. Final.</summary>
        Rejected = 2,

        /// <summary>Withdrawn before it was redeemed. Final.</summary>
        Cancelled = 3,

        /// <summary>Nobody decided in time, the approval was not redeemed in time, or it fell due during a publishing hold. Final.</summary>
        Expired = 4,

        /// <summary>Redeemed for publishing; it cannot be redeemed again. Final (its <see cref="PublishOutcome"/> may still be reported).</summary>
        Redeemed = 5,

        /// <summary>A reviewer sent it back to its author with a note; a revision (<see cref="ApprovalLedger.ReviseAsync{T}"/>) replaces it. Final.</summary>
        ChangesRequested = 6,

        /// <summary>A revision replaced it before it was redeemed (see <see cref="ApprovalRecord.Supersedes"/> on the revision). Final.</summary>
        Superseded = 7,
    }

    /// <summary>What happened after an approval was redeemed, as the publisher reported it.</summary>
    public enum PublishOutcome
    {
        /// <summary>
        /// Nothing reported: not redeemed yet, or redeemed and the process publishing it never said how it went (it may
        /// have died between the redeem and the platform call). The approval is spent either way and never publishes twice.
        /// </summary>
        Unknown = 0,

        /// <summary>The platform accepted the post.</summary>
        Published = 1,

        /// <summary>The platform call failed; the approval is spent, so publishing again needs a new decision.</summary>
        Failed = 2,
    }
}
