using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ChatApprovals;
using Microsoft.Extensions.DependencyInjection;
using Presence.Approvals.AspNetCore.Tests.Support;
using Telegram.Bot;

namespace Presence.Approvals.AspNetCore.Tests.Chat;

/// <summary>
/// The chat-button sample on the durable store when a request's row was changed outside the app: a press is answered,
/// not thrown, and records nothing; healthy posts keep working and the scheduled job skips the damaged one.
/// </summary>
public sealed class UntrustedChatTests : IAsyncLifetime
{
    private const long ReviewersChat = -100_111;
    private const long MariaId = 501;

    private readonly FakeTelegramApi _api = new();
    private readonly SqliteFile _database = new();
    private ServiceProvider _services = null!;
    private ApprovalLedger _ledger = null!;
    private ReviewChat _chat = null!;
    private ButtonListener _listener = null!;
    private ScheduledPublisher _publisher = null!;

    public Task InitializeAsync()
    {
        // The sample reads a due post back from the text kept for reviewers, as the in-memory store keeps it.
        var services = new ServiceCollection();
        services.AddPresenceApprovals(o =>
        {
            o.UseSqlite($"Data Source={_database.Path}");
            o.ContentFormatter = TextApprovalContentFormatter.Instance;
        });
        _services = services.BuildServiceProvider();
        _ledger = _services.GetRequiredService<ApprovalLedger>();
        var bot = new TelegramBotClient(new TelegramBotClientOptions("123456:TEST-TOKEN"), new HttpClient(_api));
        var options = new ReviewChatOptions { ReviewersChatId = ReviewersChat };
        options.Reviewers[MariaId] = "maria";
        _chat = new ReviewChat(bot, _ledger, options);
        _listener = new ButtonListener(bot, _chat);
        _publisher = new ScheduledPublisher(_ledger, new ChannelPublisherGate(new TelegramChannelPublisher(bot, "@acme_news"), _ledger), TimeProvider.System);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        _database.Dispose();
    }

    private async Task<(ApprovalRecord Request, int MessageId, string Approve)> DraftAsync(string text)
    {
        var post = new ChannelPost(text);
        var request = await _ledger.SubmitAsync(post, "agent:drafts", channel: "@acme_news");
        await _chat.AskReviewersAsync(request, post, CancellationToken.None);
        var sent = _api.CallsTo("sendMessage").Last();
        var approve = sent["reply_markup"]!["inline_keyboard"]![0]![0]!["callback_data"]!.GetValue<string>();
        return (request, 100 + _api.CallsTo("sendMessage").Count(), approve);
    }

    [Fact]
    public async Task A_press_on_a_post_whose_row_was_changed_outside_the_app_is_answered_and_records_nothing()
    {
        var (damaged, damagedMessage, damagedApprove) = await DraftAsync("Will be tampered with.");
        var (healthy, healthyMessage, healthyApprove) = await DraftAsync("Healthy post.");
        Assert.Equal(1, await _database.ExecuteAsync($"UPDATE presence_approval_requests SET author = 'mallory' WHERE id = '{damaged.Id}'"));

        _api.Press(MariaId, ReviewersChat, damagedMessage, damagedApprove);
        _api.Press(MariaId, ReviewersChat, healthyMessage, healthyApprove);
        Assert.Equal(2, await _listener.PollOnceAsync(TimeSpan.Zero, CancellationToken.None));

        var answers = _api.CallsTo("answerCallbackQuery").ToList();
        Assert.Equal(2, answers.Count);
        Assert.True(answers[0]["show_alert"]!.GetValue<bool>());
        Assert.Contains("cannot be trusted", answers[0]["text"]!.GetValue<string>());
        Assert.DoesNotContain("Will be tampered with", answers[0]["text"]!.GetValue<string>());
        Assert.Equal("Approved by maria.", answers[1]["text"]!.GetValue<string>());
        Assert.Equal(ApprovalLookupOutcome.Untrusted, (await _ledger.LookUpAsync(damaged.Id)).Outcome);
        Assert.Equal(ApprovalStatus.Approved, (await _ledger.LookUpAsync(healthy.Id)).Record!.Status);

        // The job publishes the healthy post and skips the damaged one.
        Assert.Equal(1, await _publisher.PublishDueAsync(CancellationToken.None));
        Assert.Equal("Healthy post.", Assert.Single(_api.CallsTo("sendMessage"), m => m["chat_id"]!.ToString() == "@acme_news")["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_damaged_hold_row_stops_the_job_from_publishing_without_crashing_it()
    {
        var (request, messageId, approve) = await DraftAsync("Cheerful promo.");
        _api.Press(MariaId, ReviewersChat, messageId, approve);
        await _listener.PollOnceAsync(TimeSpan.Zero, CancellationToken.None);
        await _ledger.Hold.EngageAsync("National day of mourning", "maria", default);
        Assert.Equal(1, await _database.ExecuteAsync("UPDATE presence_publishing_holds SET reason = '' WHERE number = 1"));

        Assert.Equal(0, await _publisher.PublishDueAsync(CancellationToken.None));

        Assert.DoesNotContain(_api.CallsTo("sendMessage"), m => m["chat_id"]!.ToString() == "@acme_news");
        Assert.Equal(ApprovalStatus.Approved, (await _ledger.FindAsync(request.Id))!.Status);
    }
}
