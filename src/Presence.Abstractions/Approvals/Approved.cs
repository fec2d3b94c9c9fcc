#nullable enable
using System;
using System.Collections.Generic;
using System.Threading;

namespace Presence
{
    /// <summary>
    /// Proof that a person approved exactly this content: the content, its fingerprint, who approved it and when,
    /// and until when it is valid. The only currency a generated publisher gate accepts.
    /// </summary>
    /// <remarks>
    /// Only an <see cref="ApprovalLedger"/> mints tokens, when it redeems a recorded approval
    /// (<see cref="ApprovalLedger.RedeemAsync{T}"/>, <see cref="ApprovalLedger.TryRedeemAsync{T}"/>,
    /// <see cref="ApprovalLedger.AskNowAsync{T}"/>): there is no public constructor and no settable state. A token
    /// publishes once: the gate spends it with <see cref="ApprovalLedger.ConsumeForPublish{T}"/>, which also checks it
    /// has not expired, no hold is in the way and the content still has the approved fingerprint. Redeem it at publish
    /// time; do not keep it for later.
    /// </remarks>
    /// <typeparam name="T">The content type: <see cref="string"/>, or a type implementing <see cref="IApprovalContent"/>.</typeparam>
    public sealed class Approved<T>
    {
        private int _consumed;

        internal Approved(T content, ApprovalRecord record, IReadOnlyList<string> reviewers, DateTimeOffset approvedAt, DateTimeOffset redeemedAt, object authority)
        {
            Authority = authority;
            Content = content;
            Fingerprint = record.Fingerprint;
            RequestId = record.Id;
            Author = record.Author;
            Channel = record.Channel;
            Reviewers = reviewers;
            ApprovedAt = approvedAt;
            ExpiresAt = record.ExpiresAt;
            RedeemedAt = redeemedAt;
        }

        /// <summary>The store whose record the ledger redeemed: a gate wired to another store has no record of this token.</summary>
        internal object Authority { get; }

        /// <summary>The approved content, as presented when the approval was redeemed.</summary>
        public T Content { get; }

        /// <summary>The fingerprint of the content the reviewers approved.</summary>
        public ContentFingerprint Fingerprint { get; }

        /// <summary>The approval request this token redeemed.</summary>
        public string RequestId { get; }

        /// <summary>Who approved, in the order they approved (at least one person).</summary>
        public IReadOnlyList<string> Reviewers { get; }

        /// <summary>When the final approval was recorded.</summary>
        public DateTimeOffset ApprovedAt { get; }

        /// <summary>Until when (exclusive) the approval may be published.</summary>
        public DateTimeOffset ExpiresAt { get; }

        /// <summary>When the ledger redeemed the approval and minted this token.</summary>
        public DateTimeOffset RedeemedAt { get; }

        /// <summary>Where the content was meant to go, as submitted; null when not given.</summary>
        public string? Channel { get; }

        /// <summary>Who (or which process) wrote the content.</summary>
        public string Author { get; }

        /// <summary>Whether a gate has spent this token, or any copy of it (it cannot publish again).</summary>
        public bool IsConsumed => Volatile.Read(ref _consumed) != 0 || (Authority is not null && SpentApprovals.Of(Authority).IsSpent(RequestId));

        /// <summary>Whether this approval covers <paramref name="content"/>: whether its fingerprint is the approved one.</summary>
        /// <param name="content">The content about to be published.</param>
        /// <returns><c>true</c> when the content has the approved fingerprint; <c>false</c> for other or null content.</returns>
        /// <exception cref="NotSupportedException">The content is neither a string nor an <see cref="IApprovalContent"/>.</exception>
        public bool Covers(T content) => content is not null && ContentFingerprint.For(content) == Fingerprint;

        /// <summary>Describes the approval, e.g. <c>approval 3f2a… by alice, bob until …</c>.</summary>
        /// <returns>The description.</returns>
        public override string ToString()
            => $"approval {RequestId} by {string.Join(", ", Reviewers)} until {ExpiresAt:O}{(IsConsumed ? " (used)" : string.Empty)}";

        /// <summary>
        /// Spends the token; <c>true</c> only for the first caller. Single use is kept per request with the store that
        /// minted it, not only on this object: a copy of the token (cloned, or its fields copied by reflection) carries the
        /// same request id and is refused once either copy was spent.
        /// </summary>
        /// <param name="now">The ledger's time, to forget spent tokens once they have expired (they are refused as expired then).</param>
        internal bool TryConsume(DateTimeOffset now)
        {
            var first = Interlocked.Exchange(ref _consumed, 1) == 0;
            return SpentApprovals.Of(Authority).TrySpend(RequestId, ExpiresAt, now) && first;
        }
    }
}
