#nullable enable
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace Presence
{
    /// <summary>
    /// An approval request as stored: what was submitted (by fingerprint), by whom, for when, and every decision on
    /// it. Immutable; the <see cref="ApprovalLedger"/> replaces it with a new version on each change.
    /// </summary>
    /// <remarks>
    /// The record holds the content's fingerprint, not the content: the publisher presents the content again when
    /// it redeems, and the ledger checks it against this fingerprint. Stores persist every property and read records
    /// back with the public constructor; they make no decisions.
    /// </remarks>
    public sealed class ApprovalRecord
    {
        /// <summary>Describes a stored request (stores use this to read records back).</summary>
        /// <param name="id">The request id the ledger assigned.</param>
        /// <param name="fingerprint">The fingerprint of the submitted content.</param>
        /// <param name="author">Who (or which process) wrote the content.</param>
        /// <param name="channel">Where the content is meant to go, for reviewers and the audit; null when not given.</param>
        /// <param name="summary">A short preview of the content for reviewers; null when not given.</param>
        /// <param name="submittedAt">When it was submitted.</param>
        /// <param name="dueAt">When it is scheduled to go out; null when it goes out as soon as it is approved.</param>
        /// <param name="status">Where the request stands.</param>
        /// <param name="decisions">The decisions recorded so far, in order.</param>
        /// <param name="approvedAt">When the final approval was recorded; null until then.</param>
        /// <param name="expiresAt">The deadline of the current status (see <see cref="ExpiresAt"/>).</param>
        /// <param name="redeemedAt">When it was redeemed; null until then.</param>
        /// <param name="version">The version compared by <see cref="IApprovalStore.TryUpdateAsync"/>.</param>
        /// <exception cref="ArgumentException">The id or author is empty, or the fingerprint is empty.</exception>
        public ApprovalRecord(
            string id,
            ContentFingerprint fingerprint,
            string author,
            string? channel,
            string? summary,
            DateTimeOffset submittedAt,
            DateTimeOffset? dueAt,
            ApprovalStatus status,
            IEnumerable<ReviewerDecision> decisions,
            DateTimeOffset? approvedAt,
            DateTimeOffset expiresAt,
            DateTimeOffset? redeemedAt,
            long version)
        {
            Id = Require.Text(id, nameof(id), "The request id");
            Fingerprint = fingerprint.IsEmpty
                ? throw new ArgumentException("A request must record the fingerprint of its content.", nameof(fingerprint))
                : fingerprint;
            Author = Require.Text(author, nameof(author), "The author");
            Channel = Require.OptionalText(channel);
            Summary = summary;
            SubmittedAt = submittedAt;
            DueAt = dueAt;
            Status = status;
            Decisions = new ReadOnlyCollection<ReviewerDecision>(Require.NotNull(decisions, nameof(decisions)).ToList());
            ApprovedAt = approvedAt;
            ExpiresAt = expiresAt;
            RedeemedAt = redeemedAt;
            Version = version;
        }

        /// <summary>The request id: what reviewers decide on and what the publisher redeems.</summary>
        public string Id { get; }

        /// <summary>The fingerprint of the submitted content; only content with this fingerprint can be redeemed.</summary>
        public ContentFingerprint Fingerprint { get; }

        /// <summary>Who (or which process, e.g. <c>agent:drafts</c>) wrote the content.</summary>
        public string Author { get; }

        /// <summary>Where the content is meant to go, as the submitter described it; null when not given.</summary>
        public string? Channel { get; }

        /// <summary>A short preview of the content for reviewers; null when not given.</summary>
        public string? Summary { get; }

        /// <summary>When the request was submitted.</summary>
        public DateTimeOffset SubmittedAt { get; }

        /// <summary>When the content is scheduled to go out; null when it goes out as soon as it is approved.</summary>
        public DateTimeOffset? DueAt { get; }

        /// <summary>Where the request stands.</summary>
        public ApprovalStatus Status { get; }

        /// <summary>Every decision recorded, in order, with its step.</summary>
        public IReadOnlyList<ReviewerDecision> Decisions { get; }

        /// <summary>When the final approval was recorded; null until the request is approved.</summary>
        public DateTimeOffset? ApprovedAt { get; }

        /// <summary>
        /// The deadline of the current status. While <see cref="ApprovalStatus.Pending"/>: the decision deadline
        /// (submission plus <see cref="ApprovalPolicy.PendingLifetime"/>, or <see cref="DueAt"/> if earlier). Once
        /// <see cref="ApprovalStatus.Approved"/>: the end of the redeem window. At or after it the request is expired.
        /// </summary>
        public DateTimeOffset ExpiresAt { get; }

        /// <summary>When the request was redeemed for publishing; null until then.</summary>
        public DateTimeOffset? RedeemedAt { get; }

        /// <summary>Incremented on every change; a store replaces a record only if the stored version is the expected one.</summary>
        public long Version { get; }

        /// <summary>The people whose approvals the request carries, in the order they approved.</summary>
        public IReadOnlyList<string> Approvers
            => Decisions.Where(d => d.Approved).Select(d => d.Reviewer).Distinct(Identity.Comparer).ToList().AsReadOnly();

        /// <summary>Describes the request, e.g. <c>3f2a… Pending (v1) by agent:drafts</c>.</summary>
        /// <returns>The description.</returns>
        public override string ToString() => $"{Id} {Status} (v{Version}) by {Author}";

        /// <summary>The next version of this record with a decision added.</summary>
        internal ApprovalRecord WithDecision(ReviewerDecision decision, ApprovalStatus status, DateTimeOffset? approvedAt, DateTimeOffset expiresAt)
            => Next(status, Decisions.Concat(new[] { decision }), approvedAt, expiresAt, RedeemedAt);

        /// <summary>The next version of this record in another status.</summary>
        internal ApprovalRecord WithStatus(ApprovalStatus status)
            => Next(status, Decisions, ApprovedAt, ExpiresAt, RedeemedAt);

        internal ApprovalRecord WithRedeemedAt(DateTimeOffset redeemedAt)
            => Next(ApprovalStatus.Redeemed, Decisions, ApprovedAt, ExpiresAt, redeemedAt);

        private ApprovalRecord Next(ApprovalStatus status, IEnumerable<ReviewerDecision> decisions, DateTimeOffset? approvedAt, DateTimeOffset expiresAt, DateTimeOffset? redeemedAt)
            => new ApprovalRecord(Id, Fingerprint, Author, Channel, Summary, SubmittedAt, DueAt, status, decisions, approvedAt, expiresAt, redeemedAt, Version + 1);
    }
}
