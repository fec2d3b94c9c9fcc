#nullable enable
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Presence
{
    /// <summary>
    /// Asks a person now, synchronously from the publisher's point of view: a console question, a dialog, a chat
    /// message with buttons the caller waits for. Used by <see cref="ApprovalLedger.AskNowAsync{T}"/>.
    /// </summary>
    /// <remarks>
    /// Implementations must really ask someone and report who answered: the ledger records that person as the
    /// reviewer and enforces the policy on them (an author may not approve their own post by default). An
    /// implementation that answers without asking is a rubber stamp.
    /// </remarks>
    public interface IApprovalPrompt
    {
        /// <summary>Shows the request to a person and returns their answer.</summary>
        /// <param name="request">What to show: the content, its author and channel, and the step being decided.</param>
        /// <param name="cancellationToken">Cancels the question (the request is then withdrawn).</param>
        /// <returns>The person's answer; null when nobody answered (treated as no approval).</returns>
        [HumanConfirmation]
        Task<ApprovalPromptAnswer?> AskAsync(ApprovalPromptRequest request, CancellationToken cancellationToken);
    }

    /// <summary>What an <see cref="IApprovalPrompt"/> shows a person.</summary>
    public sealed class ApprovalPromptRequest
    {
        /// <summary>Describes a question for a reviewer.</summary>
        /// <param name="record">The approval request.</param>
        /// <param name="content">The content to approve.</param>
        /// <param name="step">The step being decided.</param>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        public ApprovalPromptRequest(ApprovalRecord record, object content, ApprovalStep step)
        {
            Record = Require.NotNull(record, nameof(record));
            Content = Require.NotNull(content, nameof(content));
            Step = Require.NotNull(step, nameof(step));
        }

        /// <summary>The approval request: id, author, channel, summary, and the decisions so far.</summary>
        public ApprovalRecord Record { get; }

        /// <summary>The content to approve, exactly as it will be published.</summary>
        public object Content { get; }

        /// <summary>The step being decided: its name and who may answer (empty: anyone but the author).</summary>
        public ApprovalStep Step { get; }

        /// <summary>Who already approved in this step (for an "all" step, the others are still needed).</summary>
        public IReadOnlyList<string> ApprovedInStep
        {
            get
            {
                var approvers = new List<string>();
                foreach (var decision in Record.Decisions)
                {
                    if (decision.Approved && decision.StepName == Step.Name)
                    {
                        approvers.Add(decision.Reviewer);
                    }
                }

                return approvers.AsReadOnly();
            }
        }
    }

    /// <summary>A person's answer to an <see cref="IApprovalPrompt"/>.</summary>
    public sealed class ApprovalPromptAnswer
    {
        /// <summary>Describes an answer.</summary>
        /// <param name="reviewer">Who answered (their identity as your application knows it).</param>
        /// <param name="approved">Whether they approved.</param>
        /// <param name="reason">Why, if they said.</param>
        /// <exception cref="ArgumentException">The reviewer is empty.</exception>
        public ApprovalPromptAnswer(string reviewer, bool approved, string? reason = null)
        {
            Reviewer = Require.Text(reviewer, nameof(reviewer), "Who answered");
            Approved = approved;
            Reason = Require.OptionalText(reason);
        }

        /// <summary>Who answered.</summary>
        public string Reviewer { get; }

        /// <summary>Whether they approved.</summary>
        public bool Approved { get; }

        /// <summary>Why, if they said.</summary>
        public string? Reason { get; }

        /// <summary>An approval by <paramref name="reviewer"/>.</summary>
        /// <param name="reviewer">Who approved.</param>
        /// <param name="reason">Why, if they said.</param>
        /// <returns>The answer.</returns>
        public static ApprovalPromptAnswer Approve(string reviewer, string? reason = null) => new ApprovalPromptAnswer(reviewer, true, reason);

        /// <summary>A rejection by <paramref name="reviewer"/>.</summary>
        /// <param name="reviewer">Who rejected.</param>
        /// <param name="reason">Why, if they said.</param>
        /// <returns>The answer.</returns>
        public static ApprovalPromptAnswer Reject(string reviewer, string? reason = null) => new ApprovalPromptAnswer(reviewer, false, reason);
    }
}
