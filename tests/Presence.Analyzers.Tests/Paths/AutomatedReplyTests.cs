using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>PRES003: handlers of incoming messages that answer with nobody there, against the real Telegram.Bot 22.</summary>
public class AutomatedReplyTests
{
    private const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Presence;
        using Telegram.Bot;
        using Telegram.Bot.Polling;
        using Telegram.Bot.Types;
        using Telegram.Bot.Types.Enums;

        public interface IReplyReview { [HumanConfirmation] Task<bool> ApproveAsync(string reply); }

        """;

    // These handlers answer in the requester's chat, which a labelled bot may do by default (AudienceTests): the
    // switch that reports such replies too lets them show how handlers are found.
    private const string BotReplies = "presence_report_bot_replies = true";

    private static DiagnosticResult Reply(int location, string handler, string path)
        => PathVerifier.Diagnostic(PresenceDiagnostics.AutomatedReply).WithLocation(location).WithArguments(handler, path)
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    [Fact]
    public Task An_update_handler_that_answers_by_itself_is_an_automated_reply()
        => PathVerifier.VerifyAsync(Usings + """
            class AutoResponder : IUpdateHandler
            {
                public async Task {|#0:HandleUpdateAsync|}(ITelegramBotClient bot, Update update, CancellationToken ct)
                {
                    if (update.Message is { } message)
                    {
                        await bot.SendMessage(message.Chat, "Thanks for your message!", cancellationToken: ct);
                    }
                }

                public Task HandleErrorAsync(ITelegramBotClient bot, Exception exception, HandleErrorSource source, CancellationToken ct) => Task.CompletedTask;
            }
            """,
            [PathVerifier.Telegram],
            BotReplies,
            Reply(0, "AutoResponder.HandleUpdateAsync (a Telegram update handler)", "AutoResponder.HandleUpdateAsync → ITelegramBotClient.SendMessage"));

    [Fact]
    public Task A_reply_a_person_approved_is_clean()
        => PathVerifier.VerifyAsync(Usings + """
            class ReviewedResponder(IReplyReview review) : IUpdateHandler
            {
                public async Task HandleUpdateAsync(ITelegramBotClient bot, Update update, CancellationToken ct)
                {
                    var reply = "Thanks, " + update.Message?.From?.FirstName;
                    if (update.Message is { } message && await review.ApproveAsync(reply))
                    {
                        await bot.SendMessage(message.Chat, reply, cancellationToken: ct);
                    }
                }

                public Task HandleErrorAsync(ITelegramBotClient bot, Exception exception, HandleErrorSource source, CancellationToken ct) => Task.CompletedTask;
            }
            """,
            [PathVerifier.Telegram]);

    [Fact]
    public Task Message_events_and_receiving_callbacks_are_handlers()
        => PathVerifier.VerifyAsync(Usings + """
            class Bot
            {
                public void Start(TelegramBotClient bot, CancellationToken ct)
                {
                    bot.OnMessage += async (message, type) {|#0:=>|} await bot.SendMessage(message.Chat, "echo: " + message.Text);
                    bot.StartReceiving(
                        async (client, update, token) {|#1:=>|} await Answer(client, update),
                        (client, exception, source, token) => Task.CompletedTask,
                        cancellationToken: ct);
                }

                private static Task Answer(ITelegramBotClient client, Update update)
                    => update.Message is { } message ? {|PRES001:client.SendMessage(message.Chat, "pong")|} : Task.CompletedTask;
            }
            """,
            [PathVerifier.Telegram],
            BotReplies,
            Reply(0, "the Telegram message handler in Bot.Start", "Telegram message handler → ITelegramBotClient.SendMessage"),
            Reply(1, "the Telegram update handler in Bot.Start", "Telegram update handler → Bot.Answer → ITelegramBotClient.SendMessage"));

    [Fact]
    public Task A_marked_webhook_handler_and_a_disclosed_bot()
        => PathVerifier.VerifyAsync(Usings + """
            class Webhooks(ITelegramBotClient bot)
            {
                [UnattendedEntryPoint(HandlesIncomingMessages = true)]
                public Task {|#0:OnWebhook|}(Update update) => bot.SendMessage(update.Message!.Chat, "auto");

                [UnattendedEntryPoint(HandlesIncomingMessages = true)]
                [AutomatedPresence("Disclosed FAQ bot: the account is labelled as automated")]
                public Task OnFaq(Update update) => bot.SendMessage(update.Message!.Chat, "See our FAQ");
            }
            """,
            [PathVerifier.Telegram],
            BotReplies,
            Reply(0, "Webhooks.OnWebhook (an incoming-message handler)", "Webhooks.OnWebhook → ITelegramBotClient.SendMessage"));

    [Fact]
    public Task A_confirmation_that_sends_the_draft_to_the_editors_chat_is_not_a_reply_or_a_publish()
        => PathVerifier.VerifyAsync(Usings + """
            class EditorsChatReview(ITelegramBotClient bot, long editorsChat, Func<Task<bool>> awaitButton) : IReplyReview
            {
                public async Task<bool> ApproveAsync(string reply)
                {
                    await bot.SendMessage(editorsChat, "Send this reply? " + reply);
                    return await awaitButton();
                }
            }

            class ReviewedResponder(IReplyReview review) : IUpdateHandler
            {
                public async Task HandleUpdateAsync(ITelegramBotClient bot, Update update, CancellationToken ct)
                {
                    if (update.Message is { } message && await review.ApproveAsync("Thanks!"))
                    {
                        await bot.SendMessage(message.Chat, "Thanks!", cancellationToken: ct);
                    }
                }

                public Task HandleErrorAsync(ITelegramBotClient bot, Exception exception, HandleErrorSource source, CancellationToken ct) => Task.CompletedTask;
            }

            class Reminder(EditorsChatReview review) : Quartz.IJob
            {
                public async ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken ct) => await review.ApproveAsync("pending reply");
            }
            """,
            [PathVerifier.Telegram, PathVerifier.Quartz4]);

    [Fact]
    public Task Handlers_passed_as_local_functions()
        => PathVerifier.VerifyAsync(Usings + """
            class Bot
            {
                public void Start(TelegramBotClient bot, CancellationToken ct)
                {
                    bot.StartReceiving(HandleUpdate, HandleError, cancellationToken: ct);
                    bot.OnMessage += OnMessage;

                    async Task {|#0:HandleUpdate|}(ITelegramBotClient client, Update update, CancellationToken token)
                    {
                        if (update.Message is { } message) await client.SendMessage(message.Chat, "pong", cancellationToken: token);
                    }

                    Task HandleError(ITelegramBotClient client, Exception exception, HandleErrorSource source, CancellationToken token) => Task.CompletedTask;

                    async Task {|#1:OnMessage|}(Message message, UpdateType type) => await bot.SendMessage(message.Chat, "echo");

                    // A local function that is no handler keeps its own diagnostic.
                    Task Announce() => {|PRES001:bot.SendMessage(42, "started")|};
                    _ = Announce();
                }
            }
            """,
            [PathVerifier.Telegram],
            BotReplies,
            Reply(0, "HandleUpdate in Bot.Start (a Telegram update handler)", "HandleUpdate → ITelegramBotClient.SendMessage"),
            Reply(1, "OnMessage in Bot.Start (a Telegram message handler)", "OnMessage → ITelegramBotClient.SendMessage"));

    [Fact]
    public Task A_handler_passed_as_a_method_group_is_reported_once()
        => PathVerifier.VerifyAsync(Usings + """
            class Bot(TelegramBotClient bot)
            {
                public void Start(CancellationToken ct)
                {
                    bot.StartReceiving(HandleUpdateAsync, HandleErrorAsync, cancellationToken: ct);
                    bot.OnMessage += OnMessage;
                }

                private async Task {|#0:HandleUpdateAsync|}(ITelegramBotClient client, Update update, CancellationToken ct)
                {
                    if (update.Message is { } message) await client.SendMessage(message.Chat, "pong", cancellationToken: ct);
                }

                private Task HandleErrorAsync(ITelegramBotClient client, Exception exception, HandleErrorSource source, CancellationToken ct) => Task.CompletedTask;

                private async Task {|#1:OnMessage|}(Message message, UpdateType type) => await bot.SendMessage(message.Chat, "echo: " + message.Text);
            }
            """,
            [PathVerifier.Telegram],
            BotReplies,
            Reply(0, "Bot.HandleUpdateAsync (a Telegram update handler)", "Bot.HandleUpdateAsync → ITelegramBotClient.SendMessage"),
            Reply(1, "Bot.OnMessage (a Telegram message handler)", "Bot.OnMessage → ITelegramBotClient.SendMessage"));
}
