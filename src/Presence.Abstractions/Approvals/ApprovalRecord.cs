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
    /// The record binds the approval to the content's fingerprint: the publisher presents the content again when it
    /// redeems, and the ledger checks it against this fingerprint. <see cref="Content"/> is kept for reviewers (what
    /// they approve is what they read) and is never what gets published. Stores persist every property and read records
    /// back with the public constructor; they make no decisions.
    /// </remarks>
    public sealed class ApprovalRecord
    {
        /// <summary>Describes a stored request without its content, revision link or publish outcome.</summary>
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
            : this(id, fingerprint, author, channel, summary, submittedAt, dueAt, status, decisions, approvedAt, expiresAt, redeemedAt, version,
                  content: null, supersedes: null, notifyTo: null, publishOutcome: PublishOutcome.Unknown, publishOutcomeAt: null, publishOutcomeDetail: null)
        {
        }

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
        /// <param name="content">The content as reviewers read it; null when none was kept or it was purged.</param>
        /// <param name="supersedes">The id of the request this one is a revision of; null for a first draft.</param>
        /// <param name="notifyTo">Who to tell about decisions; null means the author.</param>
        /// <param name="publishOutcome">What the publisher reported after the redeem.</param>
        /// <param name="publishOutcomeAt">When it reported; null while <see cref="PublishOutcome.Unknown"/>.</param>
        /// <param name="publishOutcomeDetail">What it reported (e.g. the platform's post id); null when nothing.</param>
        /// <exception cref="ArgumentException">The id or author is empty, or the fingerprint is empty.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The status or publish outcome is not a defined value.</exception>
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
            long version,
            ReviewContent? content,
            string? supersedes,
            string? notifyTo,
            PublishOutcome publishOutcome,
            DateTimeOffset? publishOutcomeAt,
            string? publishOutcomeDetail)
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
            Status = status >= ApprovalStatus.Pending && status <= ApprovalStatus.Superseded
                ? status
                : throw new ArgumentOutOfRangeException(nameof(status), status, $"Request {id} has a status this version does not know ({(int)status}); it is refused rather than guessed at.");
            Decisions = new ReadOnlyCollection<ReviewerDecision>(Require.NotNull(decisions, nameof(decisions)).ToList());
            ApprovedAt = approvedAt;
            ExpiresAt = expiresAt;
            RedeemedAt = redeemedAt;
            Version = version;
            Content = content;
            Supersedes = Require.OptionalText(supersedes);
            NotifyTo = Require.OptionalText(notifyTo);
            PublishOutcome = publishOutcome >= PublishOutcome.Unknown && publishOutcome <= PublishOutcome.Failed
                ? publishOutcome
                : throw new ArgumentOutOfRangeException(nameof(publishOutcome), publishOutcome, $"Request {id} has a publish outcome this version does not know ({(int)publishOutcome}).");
            PublishOutcomeAt = publishOutcomeAt;
            PublishOutcomeDetail = Require.OptionalText(publishOutcomeDetail);
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

        /// <summary>
        /// The content as submitted, in the form reviewers read it (see <see cref="IApprovalContentFormatter"/>); null
        /// when the ledger kept none, or after <see cref="ApprovalPolicy.ContentRetention"/> purged it (the fingerprint,
        /// decisions, people and times stay).
        /// </summary>
        public ReviewContent? Content { get; }

        /// <summary>The id of the request this one revises (for example after a reviewer asked for changes); null for a first draft.</summary>
        public string? Supersedes { get; }

        /// <summary>Who the <see cref="IApprovalNotifier"/> tells about decisions; null means <see cref="Author"/>.</summary>
        public string? NotifyTo { get; }

        /// <summary>Who to tell about decisions: <see cref="NotifyTo"/>, or the author.</summary>
        public string Recipient => NotifyTo ?? Author;

        /// <summary>What the publisher reported after the redeem; <see cref="PublishOutcome.Unknown"/> until it does.</summary>
        public PublishOutcome PublishOutcome { get; }

        /// <summary>When the publisher reported the outcome; null while unknown.</summary>
        public DateTimeOffset? PublishOutcomeAt { get; }

        /// <summary>What the publisher reported (the platform's post id, or the error); null when nothing.</summary>
        public string? PublishOutcomeDetail { get; }

        /// <summary>Whether the request can still change: <see cref="ApprovalStatus.Pending"/> or <see cref="ApprovalStatus.Approved"/>.</summary>
        public bool IsOpen => Status == ApprovalStatus.Pending || Status == ApprovalStatus.Approved;

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

        internal ApprovalRecord WithPublishOutcome(PublishOutcome outcome, DateTimeOffset at, string? detail)
            => new ApprovalRecord(Id, Fingerprint, Author, Channel, Summary, SubmittedAt, DueAt, Status, Decisions, ApprovedAt, ExpiresAt, RedeemedAt, Version + 1,
                Content, Supersedes, NotifyTo, outcome, at, detail);

        /// <summary>The next version without the content (retention); everything else stays.</summary>
        internal ApprovalRecord WithoutContent()
            => new ApprovalRecord(Id, Fingerprint, Author, Channel, summary: null, SubmittedAt, DueAt, Status, Decisions, ApprovedAt, ExpiresAt, RedeemedAt, Version + 1,
                content: null, Supersedes, NotifyTo, PublishOutcome, PublishOutcomeAt, PublishOutcomeDetail);

        private ApprovalRecord Next(ApprovalStatus status, IEnumerable<ReviewerDecision> decisions, DateTimeOffset? approvedAt, DateTimeOffset expiresAt, DateTimeOffset? redeemedAt)
            => new ApprovalRecord(Id, Fingerprint, Author, Channel, Summary, SubmittedAt, DueAt, status, decisions, approvedAt, expiresAt, redeemedAt, Version + 1,
                Content, Supersedes, NotifyTo, PublishOutcome, PublishOutcomeAt, PublishOutcomeDetail);
    }
}
