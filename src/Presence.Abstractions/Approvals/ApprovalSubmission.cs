#nullable enable
using System;

namespace Presence
{
    /// <summary>
    /// Everything about a submission but the content: who wrote it, when it is due, where it goes, which request it
    /// revises and who to tell about decisions. For <see cref="ApprovalLedger.SubmitAsync{T}(T, ApprovalSubmission, System.Threading.CancellationToken)"/>.
    /// </summary>
    public sealed class ApprovalSubmission
    {
        /// <summary>Starts a submission.</summary>
        /// <param name="author">Who or which process wrote the content (e.g. a user name, or <c>agent:drafts</c>).</param>
        /// <exception cref="ArgumentException">The author is empty.</exception>
        public ApprovalSubmission(string author)
        {
            Author = Require.Text(author, nameof(author), "The author");
        }

        /// <summary>Who or which process wrote the content; by default they may not approve it.</summary>
        public string Author { get; }

        /// <summary>When it is scheduled to go out; it must be decided by then. Null: as soon as it is approved.</summary>
        public DateTimeOffset? DueAt { get; set; }

        /// <summary>Where it goes, shown to reviewers and recorded in the audit trail. A revision keeps its predecessor's when null.</summary>
        public string? Channel { get; set; }

        /// <summary>A short preview for reviewers; defaults to the start of the text for string content.</summary>
        public string? Summary { get; set; }

        /// <summary>
        /// The request this one revises: after a reviewer asked for changes, or to replace a pending draft. The earlier
        /// request, if still pending or approved, is closed as <see cref="ApprovalStatus.Superseded"/>.
        /// </summary>
        public string? Supersedes { get; set; }

        /// <summary>Who the <see cref="IApprovalNotifier"/> tells about decisions when it is not the author (e.g. the person running an agent). A revision keeps its predecessor's when null.</summary>
        public string? NotifyTo { get; set; }
    }
}
