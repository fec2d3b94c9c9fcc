using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Presence;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace ChatApprovals;

/// <summary>Where the reviewers are: their private chat, and who each Telegram account is in the ledger.</summary>
public sealed class ReviewChatOptions
{
    /// <summary>The reviewers' private group chat (never the public channel).</summary>
    public long ReviewersChatId { get; set; }

    /// <summary>
    /// Telegram user id → the reviewer's identity in the ledger (the name the approval steps and the dashboard use).
    /// Presses from accounts not listed here are refused: a Telegram display name or @username is not an identity.
    /// </summary>
    public IDictionary<long, string> Reviewers { get; } = new Dictionary<long, string>();
}

/// <summary>How a button press was taken.</summary>
public enum ButtonOutcome
{
    Recorded,
    NotFromTheReviewChat,
    NotAReviewer,
    Malformed,
    NoSuchPost,
    ContentChanged,
    RefusedByLedger,
    Untrusted,
}

/// <summary>
/// Chat-button approvals: a draft goes to the reviewers' private chat with Approve / Reject buttons, and a press is
/// recorded in the ledger as that reviewer's decision. The press is a person's decision only when it comes from the
/// review chat, from an account mapped to a reviewer, for exactly the revision that was shown; the ledger then applies
/// its own rules (no self-approval, the reviewer belongs to the step, the request is still pending).
/// </summary>
public sealed class ReviewChat(ITelegramBotClient bot, ApprovalLedger ledger, ReviewChatOptions options)
{
    private const string ApproveVerb = "approve";
    private const string RejectVerb = "reject";
    private const string UntrustedMessage =
        "This post cannot be trusted (its stored record was changed outside the app): nothing was recorded. Ask an operator to cancel it and submit it again.";

    /// <summary>Sends the draft to the reviewers' private chat with the two buttons.</summary>
    [InternalAudience("the reviewers' private review chat")]
    public async Task AskReviewersAsync(ApprovalRecord request, ChannelPost post, CancellationToken cancellationToken)
    {
        // The buttons name the request and the start of its fingerprint: a press for an older revision is refused.
        var tag = $"{request.Id}:{request.Fingerprint.Value.Substring(0, 8)}";
        var due = request.DueAt is { } at ? at.UtcDateTime.ToString("ddd d MMM HH:mm 'UTC'", CultureInfo.InvariantCulture) : "once approved";
        var question = $"Review for {request.Channel} by {request.Author}, due {due}:\n\n{post.Text}";
        var buttons = new InlineKeyboardMarkup(new[]
        {
            InlineKeyboardButton.WithCallbackData("Approve", $"{ApproveVerb}:{tag}"),
            InlineKeyboardButton.WithCallbackData("Reject", $"{RejectVerb}:{tag}"),
        });

        // No parse mode: the draft is shown as plain text, whatever markup it contains.
        await bot.SendMessage(options.ReviewersChatId, question, replyMarkup: buttons, cancellationToken: cancellationToken);
    }

    /// <summary>Records a button press as the pressing reviewer's decision, and tells them how it went.</summary>
    public async Task<ButtonOutcome> HandleAsync(CallbackQuery press, CancellationToken cancellationToken)
    {
        var (outcome, message) = await DecideAsync(press, cancellationToken);
        await bot.AnswerCallbackQuery(press.Id, message, showAlert: outcome != ButtonOutcome.Recorded, cancellationToken: cancellationToken);
        if (outcome == ButtonOutcome.Recorded && press.Message is { } shown)
        {
            // The decision is made: take the buttons away (editing only the keyboard re-publishes nothing).
            await bot.EditMessageReplyMarkup(shown.Chat.Id, shown.MessageId, replyMarkup: null, cancellationToken: cancellationToken);
        }

        return outcome;
    }

    private async Task<(ButtonOutcome, string)> DecideAsync(CallbackQuery press, CancellationToken cancellationToken)
    {
        if (press.Message?.Chat.Id != options.ReviewersChatId)
        {
            return (ButtonOutcome.NotFromTheReviewChat, "Decisions are taken in the review chat only.");
        }

        if (!options.Reviewers.TryGetValue(press.From.Id, out var reviewer))
        {
            return (ButtonOutcome.NotAReviewer, "You are not on the list of reviewers.");
        }

        var parts = (press.Data ?? string.Empty).Split(':');
        if (parts.Length != 3 || (parts[0] != ApproveVerb && parts[0] != RejectVerb) || parts[1].Length is 0 or > 64)
        {
            return (ButtonOutcome.Malformed, "This button is not one of ours.");
        }

        // LookUpAsync, not FindAsync: a request whose stored row was changed outside the app is an answer, not an exception.
        var lookup = await ledger.LookUpAsync(parts[1], cancellationToken);
        if (lookup.Outcome == ApprovalLookupOutcome.Untrusted)
        {
            return (ButtonOutcome.Untrusted, UntrustedMessage);
        }

        if (lookup.Record is not { } request)
        {
            return (ButtonOutcome.NoSuchPost, "This post no longer exists.");
        }

        if (!request.Fingerprint.Value.StartsWith(parts[2], StringComparison.Ordinal) || parts[2].Length != 8)
        {
            return (ButtonOutcome.ContentChanged, "This post changed since this message; review the new version.");
        }

        var approve = parts[0] == ApproveVerb;
        var result = await ledger.DecideAsync(request.Id, reviewer, approve, approve ? null : "rejected in the review chat", cancellationToken);
        return result.Outcome switch
        {
            DecisionOutcome.Recorded => (ButtonOutcome.Recorded, approve ? $"Approved by {reviewer}." : $"Rejected by {reviewer}."),
            DecisionOutcome.SelfApproval => (ButtonOutcome.RefusedByLedger, "You wrote this post: someone else must decide on it."),
            DecisionOutcome.NotAReviewer => (ButtonOutcome.RefusedByLedger, "You are not a reviewer of this step."),
            DecisionOutcome.AlreadyDecided => (ButtonOutcome.RefusedByLedger, "You have already decided on this post."),
            DecisionOutcome.Untrusted => (ButtonOutcome.Untrusted, UntrustedMessage),
            _ => (ButtonOutcome.RefusedByLedger, $"Not recorded: {result.Outcome}."),
        };
    }
}
