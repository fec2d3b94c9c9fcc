using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// PRES003 where a button press (a Telegram callback query) publishes: nothing is a reply there, so the advice is to
/// record the press as the presser's decision and publish what redeems it. A text message's broadcast keeps the
/// reply's advice.
/// </summary>
public class PublishOnButtonPressTests
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

        """;

    private const string Error = """

            public Task HandleErrorAsync(ITelegramBotClient bot, Exception exception, HandleErrorSource source, CancellationToken ct) => Task.CompletedTask;
        }
        """;

    private static DiagnosticResult Press(int location, string handler, string path)
        => PathVerifier.Diagnostic(PresenceDiagnostics.AutomatedPublishOnPress).WithLocation(location).WithArguments(handler, path)
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    [Fact]
    public Task A_button_press_that_publishes_is_told_to_record_the_press_as_a_decision()
        => PathVerifier.VerifyAsync(Usings + """
            class QuickPublish : IUpdateHandler
            {
                public async Task {|#0:HandleUpdateAsync|}(ITelegramBotClient bot, Update update, CancellationToken ct)
                {
                    if (update.CallbackQuery is { Data: "publish", Message: { Text: { } draft } } press)
                    {
                        await bot.SendMessage("@news_channel", draft, cancellationToken: ct);
                        await bot.AnswerCallbackQuery(press.Id, "Published!", cancellationToken: ct);
                    }
                }
            """ + Error + """

            class AdminPublish : IUpdateHandler
            {
                public async Task {|#1:HandleUpdateAsync|}(ITelegramBotClient bot, Update update, CancellationToken ct)
                {
                    if (update.CallbackQuery is not { Data: "publish", Message: { Text: { } draft } } press) return;
                    if (press.From.Id != 42) return;
                    await bot.SendMessage("@news_channel", draft, cancellationToken: ct);
                }
            """ + Error + """

            class ByType : IUpdateHandler
            {
                public async Task {|#2:HandleUpdateAsync|}(ITelegramBotClient bot, Update update, CancellationToken ct)
                {
                    if (update.Type == UpdateType.CallbackQuery)
                        await Repost(bot, update.CallbackQuery!);
                }

                // A helper's own send to a channel is also PRES001, as for any helper of a handler.
                private static Task Repost(ITelegramBotClient bot, CallbackQuery press) => {|PRES001:bot.SendMessage("@news_channel", press.Message!.Text!)|};
            """ + Error,
            [PathVerifier.Telegram],
            Press(0, "QuickPublish.HandleUpdateAsync (a Telegram update handler)", "QuickPublish.HandleUpdateAsync → ITelegramBotClient.SendMessage"),
            Press(1, "AdminPublish.HandleUpdateAsync (a Telegram update handler)", "AdminPublish.HandleUpdateAsync → ITelegramBotClient.SendMessage"),
            Press(2, "ByType.HandleUpdateAsync (a Telegram update handler)", "ByType.HandleUpdateAsync → ByType.Repost → ITelegramBotClient.SendMessage"));

    [Fact]
    public Task A_text_message_that_is_broadcast_keeps_the_advice_for_replies()
        => PathVerifier.VerifyAsync(Usings + """
            class Forwarder : IUpdateHandler
            {
                public async Task {|#0:HandleUpdateAsync|}(ITelegramBotClient bot, Update update, CancellationToken ct)
                {
                    if (update.CallbackQuery is { } press)
                    {
                        await bot.AnswerCallbackQuery(press.Id, "Noted", cancellationToken: ct);
                        return;
                    }

                    if (update.Message is { Text: { } text })
                        await bot.SendMessage("@news_channel", text, cancellationToken: ct);
                }
            """ + Error,
            [PathVerifier.Telegram],
            PathVerifier.Reply(0, "Forwarder.HandleUpdateAsync (a Telegram update handler)", "Forwarder.HandleUpdateAsync → ITelegramBotClient.SendMessage")
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
}
