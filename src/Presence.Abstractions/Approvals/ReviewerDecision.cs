#nullable enable
using System;

namespace Presence
{
    /// <summary>What a reviewer decided.</summary>
    public enum ReviewerVerdict
    {
        /// <summary>Approved the content in this step.</summary>
        Approved = 0,

        /// <summary>Rejected the content; the request is closed.</summary>
        Rejected = 1,

        /// <summary>
        /// Sent the content back to its author with a note; the request is closed and the author submits a revision
        /// (<see cref="ApprovalLedger.ReviseAsync{T}"/>) that links to it.
        /// </summary>
        ChangesRequested = 2,
    }

    /// <summary>One reviewer's decision on an approval request, as the ledger recorded it.</summary>
    public sealed class ReviewerDecision
    {
        /// <summary>Describes a recorded decision (stores use this to read decisions back).</summary>
        /// <param name="reviewer">Who decided.</param>
        /// <param name="stepName">The approval step the decision was made in.</param>
        /// <param name="approved">Whether the reviewer approved (<c>false</c>: rejected, or sent back for changes).</param>
        /// <param name="at">When the ledger recorded the decision.</param>
        /// <param name="reason">Why, if the reviewer said; shown to the author. Required when changes are requested.</param>
        /// <param name="changesRequested">Whether the reviewer sent the content back to its author for changes rather than rejecting it.</param>
        /// <exception cref="ArgumentException">The reviewer or step name is empty, a decision both approves and requests changes, or changes are requested without a note.</exception>
        public ReviewerDecision(string reviewer, string stepName, bool approved, DateTimeOffset at, string? reason = null, bool changesRequested = false)
        {
            Reviewer = Require.Text(reviewer, nameof(reviewer), "The reviewer");
            StepName = Require.Text(stepName, nameof(stepName), "The step name");
            if (approved && changesRequested)
            {
                throw new ArgumentException("A decision either approves or requests changes, not both.", nameof(changesRequested));
            }

            Approved = approved;
            ChangesRequested = changesRequested;
            At = at;
            Reason = changesRequested
                ? Require.Text(reason, nameof(reason), "The note saying which changes are needed")
                : Require.OptionalText(reason);
        }

        /// <summary>Who decided.</summary>
        public string Reviewer { get; }

        /// <summary>The approval step the decision was made in.</summary>
        public string StepName { get; }

        /// <summary>Whether the reviewer approved; <c>false</c> means rejected or sent back for changes.</summary>
        public bool Approved { get; }

        /// <summary>Whether the reviewer sent the content back to its author for changes (the note is <see cref="Reason"/>).</summary>
        public bool ChangesRequested { get; }

        /// <summary>What the reviewer decided.</summary>
        public ReviewerVerdict Verdict
            => Approved ? ReviewerVerdict.Approved : ChangesRequested ? ReviewerVerdict.ChangesRequested : ReviewerVerdict.Rejected;

        /// <summary>When the ledger recorded the decision (the ledger's clock, not the reviewer's).</summary>
        public DateTimeOffset At { get; }

        /// <summary>Why, if the reviewer said; for <see cref="ReviewerVerdict.ChangesRequested"/>, the changes asked for (always given).</summary>
        public string? Reason { get; }

        /// <summary>Describes the decision, e.g. <c>alice approved in review</c>.</summary>
        /// <returns>The description.</returns>
        public override string ToString()
            => $"{Reviewer} {(Verdict == ReviewerVerdict.Approved ? "approved" : Verdict == ReviewerVerdict.Rejected ? "rejected" : "requested changes")} in {StepName}"
                + (Reason is null ? string.Empty : ": " + Reason);
    }
}
