#nullable enable
using System;

namespace Presence
{
    /// <summary>One reviewer's decision on an approval request, as the ledger recorded it.</summary>
    public sealed class ReviewerDecision
    {
        /// <summary>Describes a recorded decision (stores use this to read decisions back).</summary>
        /// <param name="reviewer">Who decided.</param>
        /// <param name="stepName">The approval step the decision was made in.</param>
        /// <param name="approved">Whether the reviewer approved (<c>false</c>: rejected).</param>
        /// <param name="at">When the ledger recorded the decision.</param>
        /// <param name="reason">Why, if the reviewer said; shown to the author on rejection.</param>
        /// <exception cref="ArgumentException">The reviewer or step name is empty.</exception>
        public ReviewerDecision(string reviewer, string stepName, bool approved, DateTimeOffset at, string? reason = null)
        {
            Reviewer = Require.Text(reviewer, nameof(reviewer), "The reviewer");
            StepName = Require.Text(stepName, nameof(stepName), "The step name");
            Approved = approved;
            At = at;
            Reason = Require.OptionalText(reason);
        }

        /// <summary>Who decided.</summary>
        public string Reviewer { get; }

        /// <summary>The approval step the decision was made in.</summary>
        public string StepName { get; }

        /// <summary>Whether the reviewer approved; <c>false</c> means rejected.</summary>
        public bool Approved { get; }

        /// <summary>When the ledger recorded the decision (the ledger's clock, not the reviewer's).</summary>
        public DateTimeOffset At { get; }

        /// <summary>Why, if the reviewer said.</summary>
        public string? Reason { get; }

        /// <summary>Describes the decision, e.g. <c>alice approved in review</c>.</summary>
        /// <returns>The description.</returns>
        public override string ToString()
            => $"{Reviewer} {(Approved ? "approved" : "rejected")} in {StepName}{(Reason is null ? string.Empty : ": " + Reason)}";
    }
}
