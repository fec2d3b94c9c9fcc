using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ChatApprovals;
using Presence.Approvals.AspNetCore.Tests.Support;
using Telegram.Bot;

namespace Presence.Approvals.AspNetCore.Tests.Chat;

/// <summary>
/// The chat-button sample against the real Telegram.Bot client over a fake Bot API transport, and a real ledger:
/// the draft reaches the reviewers' chat with buttons, a press is recorded as the mapped reviewer's decision, the
/// scheduled job publishes exactly once, and presses that are not a reviewer's decision change nothing.
/// </summary>
public sealed class ChatButtonTests
{
    private const long ReviewersChat = -100_111;
    private const long MariaId = 501;
    private const long AlexId = 502;
    private const long StrangerId = 999;

    private readonly FakeTelegramApi _api = new();
    private readonly ManualClock _clock = new();
    private readonly ApprovalLedger _ledger;
    private readonly ReviewChat _chat;
    private readonly ButtonListener _listener;
    private readonly ScheduledPublisher _publisher;

    public ChatButtonTests()
    {
        var bot = new TelegramBotClient(new TelegramBotClientOptions("123456:TEST-TOKEN"), new HttpClient(_api));
        var hold = new PublishingHold(clock: () => _clock.GetUtcNow());
        _ledger = new ApprovalLedger(new InMemoryApprovalStore(), hold, new ApprovalLedgerOptions { Clock = () => _clock.GetUtcNow() });
        var options = new ReviewChatOptions { ReviewersChatId = ReviewersChat };
        options.Reviewers[MariaId] = "maria";
        options.Reviewers[AlexId] = "alex";
        _chat = new ReviewChat(bot, _ledger, options);
        _listener = new ButtonListener(bot, _chat);
        _publisher = new ScheduledPublisher(_ledger, new ChannelPublisherGate(new TelegramChannelPublisher(bot, "@acme_news"), _ledger), _clock);
    }

    private async Task<(ApprovalRecord Request, int MessageId, string Approve, string Reject)> DraftAsync(string text, string author = "agent:drafts")
    {
        var post = new ChannelPost(text);
        var request = await _ledger.SubmitAsync(post, author, _clock.GetUtcNow().AddHours(1), "@acme_news");
        await _chat.AskReviewersAsync(request, post, CancellationToken.None);
        var sent = _api.CallsTo("sendMessage").Last();
        var buttons = sent["reply_markup"]!["inline_keyboard"]![0]!.AsArray();
        var messageId = 100 + _api.CallsTo("sendMessage").Count();
        return (request, messageId, buttons[0]!["callback_data"]!.GetValue<string>(), buttons[1]!["callback_data"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_draft_goes_to_the_reviewers_chat_as_plain_text_with_two_buttons()
    {
        var (request, _, approve, reject) = await DraftAsync("Spring release <b>now</b>!");

        var sent = Assert.Single(_api.CallsTo("sendMessage"));
        Assert.Equal(ReviewersChat, sent["chat_id"]!.GetValue<long>());
        Assert.Contains("Spring release <b>now</b>!", sent["text"]!.GetValue<string>());
        Assert.Null(sent["parse_mode"]);
        Assert.StartsWith("approve:" + request.Id + ":", approve);
        Assert.StartsWith("reject:" + request.Id + ":", reject);
        Assert.True(approve.Length <= 64, "Telegram limits callback data to 64 bytes.");
    }

    [Fact]
    public async Task A_reviewers_press_is_recorded_and_the_job_publishes_once_through_the_gate()
    {
        var (request, messageId, approve, _) = await DraftAsync("Exports are twice as fast.");
        _api.Press(MariaId, ReviewersChat, messageId, approve);

        Assert.Equal(1, await _listener.PollOnceAsync(TimeSpan.Zero, CancellationToken.None));

        var record = (await _ledger.FindAsync(request.Id))!;
        Assert.Equal(ApprovalStatus.Approved, record.Status);
        Assert.Equal("maria", Assert.Single(record.Decisions).Reviewer);
        Assert.Equal("Approved by maria.", _api.CallsTo("answerCallbackQuery").Single()["text"]!.GetValue<string>());
        Assert.Equal(messageId, _api.CallsTo("editMessageReplyMarkup").Single()["message_id"]!.GetValue<int>());

        Assert.Equal(0, await _publisher.PublishDueAsync(CancellationToken.None));
        _clock.Now += TimeSpan.FromHours(1);
        Assert.Equal(1, await _publisher.PublishDueAsync(CancellationToken.None));
        Assert.Equal(0, await _publisher.PublishDueAsync(CancellationToken.None));

        var published = Assert.Single(_api.CallsTo("sendMessage"), m => m["chat_id"]!.ToString() == "@acme_news");
        Assert.Equal("Exports are twice as fast.", published["text"]!.GetValue<string>());
        Assert.Equal(ApprovalStatus.Redeemed, (await _ledger.FindAsync(request.Id))!.Status);
    }

    [Fact]
    public async Task A_rejection_press_is_recorded_and_nothing_is_published()
    {
        var (request, messageId, _, reject) = await DraftAsync("Flash sale, today only!");
        _api.Press(MariaId, ReviewersChat, messageId, reject);
        await _listener.PollOnceAsync(TimeSpan.Zero, CancellationToken.None);
        _clock.Now += TimeSpan.FromHours(2);

        Assert.Equal(ApprovalStatus.Rejected, (await _ledger.FindAsync(request.Id))!.Status);
        Assert.Equal(0, await _publisher.PublishDueAsync(CancellationToken.None));
        Assert.DoesNotContain(_api.CallsTo("sendMessage"), m => m["chat_id"]!.ToString() == "@acme_news");
    }

    [Fact]
    public async Task A_press_by_someone_who_is_not_a_reviewer_changes_nothing()
    {
        var (request, messageId, approve, _) = await DraftAsync("Stranger danger.");
        _api.Press(StrangerId, ReviewersChat, messageId, approve);
        await _listener.PollOnceAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.Empty((await _ledger.FindAsync(request.Id))!.Decisions);
        var answer = Assert.Single(_api.CallsTo("answerCallbackQuery"));
        Assert.True(answer["show_alert"]!.GetValue<bool>());
        Assert.Contains("not on the list of reviewers", answer["text"]!.GetValue<string>());
        Assert.Empty(_api.CallsTo("editMessageReplyMarkup"));
    }

    [Fact]
    public async Task The_author_pressing_approve_on_their_own_post_is_refused_by_the_ledger()
    {
        var (request, messageId, approve, _) = await DraftAsync("Alex's own post.", author: "alex");
        _api.Press(AlexId, ReviewersChat, messageId, approve);
        await _listener.PollOnceAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(ApprovalStatus.Pending, (await _ledger.FindAsync(request.Id))!.Status);
        Assert.Contains("You wrote this post", _api.CallsTo("answerCallbackQuery").Single()["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_press_outside_the_review_chat_is_refused()
    {
        var (request, messageId, approve, _) = await DraftAsync("Forwarded elsewhere.");
        _api.Press(MariaId, chatId: MariaId, messageId, approve);
        await _listener.PollOnceAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.Empty((await _ledger.FindAsync(request.Id))!.Decisions);
        Assert.Contains("review chat only", _api.CallsTo("answerCallbackQuery").Single()["text"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("approve:{0}:00000000")]
    [InlineData("approve:{0}")]
    [InlineData("publish:{0}:{1}")]
    [InlineData("approve:nope:{1}")]
    public async Task Buttons_that_do_not_name_this_revision_are_refused(string forged)
    {
        var (request, messageId, approve, _) = await DraftAsync("Only this revision.");
        var fingerprint = approve.Split(':')[2];
        _api.Press(MariaId, ReviewersChat, messageId, string.Format(forged, request.Id, fingerprint));
        await _listener.PollOnceAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.Empty((await _ledger.FindAsync(request.Id))!.Decisions);
        Assert.True(_api.CallsTo("answerCallbackQuery").Single()["show_alert"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_press_for_a_revision_that_was_replaced_is_refused()
    {
        var (first, messageId, approve, _) = await DraftAsync("First wording.");
        await _ledger.ReviseAsync(first.Id, new ChannelPost("Second wording."), "agent:drafts");
        _api.Press(MariaId, ReviewersChat, messageId, approve);
        await _listener.PollOnceAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(ApprovalStatus.Superseded, (await _ledger.FindAsync(first.Id))!.Status);
        Assert.Empty((await _ledger.FindAsync(first.Id))!.Decisions);
    }
}
