using System.Collections.Generic;
using Microsoft.Extensions.Primitives;

namespace Presence
{
    /// <summary>
    /// The messages a page shows after a form post. The redirect carries only a key; the text is chosen here, so
    /// nothing from the query string is ever echoed.
    /// </summary>
    internal sealed class ReviewMessages
    {
        public const string Approved = "approved";
        public const string Rejected = "rejected";
        public const string ChangesRequested = "changes-requested";
        public const string ReasonRequired = "reason-required";
        public const string ReasonTooLong = "reason-too-long";
        public const string HoldEngaged = "hold-engaged";
        public const string HoldAlreadyEngaged = "hold-already-engaged";
        public const string HoldReleased = "hold-released";
        public const string HoldNotEngaged = "hold-not-engaged";
        public const string UntrustedCancelled = "untrusted-cancelled";
        public const string ContentNotKept = "content-not-kept";
        public const string HoldUnreadable = "hold-unreadable";

        /// <summary>Why a post whose content was not kept cannot be approved here.</summary>
        public const string NoContentToApprove = "The content of this post was not kept for reviewers, so it cannot be approved here: nobody can approve what they cannot read. Reject it or ask for changes, and have it submitted again with its content.";

        private static readonly Dictionary<string, ReviewMessages> Known = new Dictionary<string, ReviewMessages>
        {
            [Approved] = new ReviewMessages(false, "Your approval was recorded."),
            [Rejected] = new ReviewMessages(false, "Your rejection was recorded; the author will see your reason."),
            [ChangesRequested] = new ReviewMessages(false, "The post went back to its author with your note."),
            [ReasonRequired] = new ReviewMessages(true, "Say why: a reason is required."),
            [ReasonTooLong] = new ReviewMessages(true, "The reason is longer than " + ReviewEndpoints.MaxReasonLength.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " characters: shorten it. Nothing was recorded."),
            [HoldEngaged] = new ReviewMessages(false, "Publishing is on hold. Nothing scheduled goes out until the hold is released."),
            [HoldAlreadyEngaged] = new ReviewMessages(true, "Publishing was already on hold; the reason given then stands."),
            [HoldReleased] = new ReviewMessages(false, "The hold is released. Posts that fell due during it need a fresh decision."),
            [HoldNotEngaged] = new ReviewMessages(true, "Publishing was not on hold."),
            [UntrustedCancelled] = new ReviewMessages(false, "The request that cannot be trusted is cancelled: it left the queue. Submit its content again if it should still go out."),
            [ContentNotKept] = new ReviewMessages(true, NoContentToApprove + " Nothing was recorded."),
            [HoldUnreadable] = new ReviewMessages(true, "The publishing hold's history cannot be read, so the hold cannot be released until the damaged row of presence_publishing_holds is repaired; nothing is published meanwhile."),
            [nameof(DecisionOutcome.SelfApproval)] = new ReviewMessages(true, "You wrote this post, so you cannot decide on it: someone else must review it."),
            [nameof(DecisionOutcome.NotAReviewer)] = new ReviewMessages(true, "You are not a reviewer of the step this post is waiting for."),
            [nameof(DecisionOutcome.AlreadyDecided)] = new ReviewMessages(true, "You have already decided on this post in this step."),
            [nameof(DecisionOutcome.NotPending)] = new ReviewMessages(true, "This post is no longer waiting for a decision."),
            [nameof(DecisionOutcome.Expired)] = new ReviewMessages(true, "The time to decide on this post has passed."),
            [nameof(DecisionOutcome.NotFound)] = new ReviewMessages(true, "This post no longer exists."),
            [nameof(DecisionOutcome.Untrusted)] = new ReviewMessages(true, "This post cannot be trusted (its stored row was changed outside the ledger): nothing was recorded."),
        };

        private ReviewMessages(bool isRefusal, string text)
        {
            IsRefusal = isRefusal;
            Text = text;
        }

        public bool IsRefusal { get; }

        public string Text { get; }

        public static ReviewMessages? From(StringValues key)
            => key.Count == 1 && Known.TryGetValue(key.ToString(), out var message) ? message : null;
    }
}
