#nullable enable
namespace Presence
{
    /// <summary>Where an approval request stands. Only <see cref="Pending"/> and <see cref="Approved"/> can still change.</summary>
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

        /// <summary>Redeemed for publishing; it cannot be redeemed again. Final.</summary>
        Redeemed = 5,
    }
}
