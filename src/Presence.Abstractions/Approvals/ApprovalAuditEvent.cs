#nullable enable
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace Presence
{
    /// <summary>What an <see cref="ApprovalAuditEvent"/> records.</summary>
    public enum ApprovalAuditEventKind
    {
        /// <summary>Content was submitted for review (actor: the author).</summary>
        Submitted = 0,

        /// <summary>A reviewer approved or rejected (actor: the reviewer; detail: the step, the verdict and the reason).</summary>
        Decided = 1,

        /// <summary>An approval was redeemed for publishing (actor: the author; reviewers: who approved).</summary>
        Redeemed = 2,

        /// <summary>A decision, redeem or publish was refused (outcome: why).</summary>
        Refused = 3,

        /// <summary>A gate released approved content to its publisher (gate: which; reviewers: who approved).</summary>
        Published = 4,

        /// <summary>A request was withdrawn (actor: who cancelled it; detail: why).</summary>
        Cancelled = 5,

        /// <summary>A request or approval ran out of time, or fell due during a publishing hold.</summary>
        Expired = 6,

        /// <summary>A publishing hold was engaged (actor: who; detail: the reason).</summary>
        HoldEngaged = 7,

        /// <summary>A publishing hold was released (actor: who; detail: the reason it had been engaged for).</summary>
        HoldReleased = 8,

        /// <summary>The publisher reported that the platform accepted a redeemed post (detail: what it reported, e.g. the post's id).</summary>
        PublishSucceeded = 9,

        /// <summary>The publisher reported that the platform call for a redeemed post failed (detail: what it reported).</summary>
        PublishFailed = 10,

        /// <summary>A revision replaced the request before it was redeemed (detail: the revision's id).</summary>
        Superseded = 11,

        /// <summary>The <see cref="IApprovalNotifier"/> failed to tell the author about a decision (detail: the exception type); the decision stands.</summary>
        NotificationFailed = 12,

        /// <summary>
        /// Not something that happened: a stored audit row that cannot be read (damaged, or changed outside the app), put
        /// where the row is when the trail is read back so the rest of it stays readable (detail: which row and what is
        /// wrong, never its values; <see cref="ApprovalAuditEvent.At"/> is <see cref="DateTimeOffset.MinValue"/> when the
        /// time itself cannot be read). Never written.
        /// </summary>
        Unreadable = 13,
    }

    /// <summary>
    /// One entry of the approval audit trail: who did what to which content, when. Together the entries show that a
    /// person reviewed each post before it went out, and who.
    /// </summary>
    public sealed class ApprovalAuditEvent
    {
        /// <summary>Describes an audit event (the ledger and the hold create them; sinks read them, stores read them back).</summary>
        /// <param name="kind">What happened.</param>
        /// <param name="at">When, by the ledger's clock.</param>
        /// <param name="requestId">The approval request concerned; null for hold changes.</param>
        /// <param name="actor">Who acted (see <see cref="Actor"/>).</param>
        /// <param name="fingerprint">The fingerprint of the content concerned; empty for hold changes.</param>
        /// <param name="channel">Where the content is meant to go, if known.</param>
        /// <param name="gate">For <see cref="ApprovalAuditEventKind.Published"/>: the gate that published.</param>
        /// <param name="reviewers">Who approved the content, when relevant (redeem, publish, refusals of an approval).</param>
        /// <param name="outcome">For <see cref="ApprovalAuditEventKind.Refused"/>: the refusal, a <see cref="RedeemOutcome"/> or <see cref="DecisionOutcome"/> name.</param>
        /// <param name="detail">A sentence for people reading the trail.</param>
        public ApprovalAuditEvent(
            ApprovalAuditEventKind kind,
            DateTimeOffset at,
            string? requestId,
            string? actor,
            ContentFingerprint fingerprint,
            string? channel = null,
            string? gate = null,
            IEnumerable<string>? reviewers = null,
            string? outcome = null,
            string? detail = null)
        {
            Kind = kind;
            At = at;
            RequestId = requestId;
            Actor = actor;
            Fingerprint = fingerprint;
            Channel = channel;
            Gate = gate;
            Reviewers = new ReadOnlyCollection<string>(reviewers?.ToList() ?? new List<string>());
            Outcome = outcome;
            Detail = detail;
        }

        /// <summary>What happened.</summary>
        public ApprovalAuditEventKind Kind { get; }

        /// <summary>When it happened, by the ledger's clock.</summary>
        public DateTimeOffset At { get; }

        /// <summary>The approval request concerned; null for hold changes.</summary>
        public string? RequestId { get; }

        /// <summary>
        /// Who acted: the author for submissions, redeems, publishes and their refusals (the post goes out on their
        /// behalf); the reviewer for decisions; whoever cancelled, engaged or released a hold; null for expiry.
        /// </summary>
        public string? Actor { get; }

        /// <summary>The fingerprint of the content concerned; empty for hold changes.</summary>
        public ContentFingerprint Fingerprint { get; }

        /// <summary>Where the content is meant to go, if known.</summary>
        public string? Channel { get; }

        /// <summary>The gate that published (for <see cref="ApprovalAuditEventKind.Published"/> and refusals at a gate).</summary>
        public string? Gate { get; }

        /// <summary>Who approved the content, for redeems, publishes and their refusals; empty otherwise.</summary>
        public IReadOnlyList<string> Reviewers { get; }

        /// <summary>For <see cref="ApprovalAuditEventKind.Refused"/>: the <see cref="RedeemOutcome"/> or <see cref="DecisionOutcome"/> name.</summary>
        public string? Outcome { get; }

        /// <summary>A sentence for people reading the trail (the reason of a rejection, hold or cancellation).</summary>
        public string? Detail { get; }

        /// <summary>Describes the event on one line.</summary>
        /// <returns>The description.</returns>
        public override string ToString()
            => $"{At:O} {Kind} {RequestId} {Actor}{(Gate is null ? string.Empty : " via " + Gate)}"
                + $"{(Reviewers.Count == 0 ? string.Empty : " approved by " + string.Join(", ", Reviewers))}"
                + $"{(Outcome is null ? string.Empty : " [" + Outcome + "]")}{(Detail is null ? string.Empty : ": " + Detail)}";
    }
}
