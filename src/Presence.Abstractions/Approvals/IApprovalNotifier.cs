#nullable enable
using System;
using System.Threading;
using System.Threading.Tasks;

namespace Presence
{
    /// <summary>What an <see cref="ApprovalNotification"/> tells.</summary>
    public enum ApprovalNotificationKind
    {
        /// <summary>Every step approved: the post will go out when due.</summary>
        Approved = 0,

        /// <summary>A reviewer rejected the post.</summary>
        Rejected = 1,

        /// <summary>A reviewer sent the post back with a note; the author revises it.</summary>
        ChangesRequested = 2,
    }

    /// <summary>A decision the author (or <see cref="ApprovalRecord.NotifyTo"/>) should hear about.</summary>
    public sealed class ApprovalNotification
    {
        /// <summary>Describes a notification.</summary>
        /// <param name="kind">What happened.</param>
        /// <param name="record">The request after the decision.</param>
        /// <param name="decision">The decision that caused it.</param>
        /// <exception cref="ArgumentNullException">The record or decision is null.</exception>
        public ApprovalNotification(ApprovalNotificationKind kind, ApprovalRecord record, ReviewerDecision decision)
        {
            Kind = kind;
            Record = Require.NotNull(record, nameof(record));
            Decision = Require.NotNull(decision, nameof(decision));
        }

        /// <summary>What happened.</summary>
        public ApprovalNotificationKind Kind { get; }

        /// <summary>Who to tell: <see cref="ApprovalRecord.Recipient"/>.</summary>
        public string Recipient => Record.Recipient;

        /// <summary>The request after the decision (its content, channel and due time included).</summary>
        public ApprovalRecord Record { get; }

        /// <summary>The decision: who, in which step, and the reason or the changes asked for.</summary>
        public ReviewerDecision Decision { get; }

        /// <summary>Describes the notification without the content.</summary>
        /// <returns>The description.</returns>
        public override string ToString() => $"{Kind} {Record.Id} for {Recipient}: {Decision.Verdict} by {Decision.Reviewer}";
    }

    /// <summary>
    /// Tells authors about decisions on their posts: approved, rejected, or sent back with a note. Called by the ledger
    /// after the decision is stored; a notifier that throws does not undo the decision (the failure is audited as
    /// <see cref="ApprovalAuditEventKind.NotificationFailed"/>).
    /// </summary>
    public interface IApprovalNotifier
    {
        /// <summary>Tells the recipient about a decision.</summary>
        /// <param name="notification">The decision and the request.</param>
        /// <param name="cancellationToken">Cancels the notification.</param>
        /// <returns>A task that completes when the notification is handed over.</returns>
        Task NotifyAsync(ApprovalNotification notification, CancellationToken cancellationToken);
    }
}
