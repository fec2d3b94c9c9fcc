using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// An update handler that sends to a chat other than the one that wrote to it (the channel a forwarded post came
/// from, a channel speaking in its group, a chat the bot was just made a member of) posts to that chat's audience,
/// through pattern variables, locals and <c>?.</c> alike; the chat that wrote is answered.
/// </summary>
public class TelegramOtherChatTests
{
    private const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Telegram.Bot;
        using Telegram.Bot.Polling;
        using Telegram.Bot.Types;
        using Telegram.Bot.Types.Enums;

        """;

    private const string Errors = "public Task HandleErrorAsync(ITelegramBotClient b, Exception e, HandleErrorSource s, CancellationToken ct) => Task.CompletedTask;";

    private static Task Check(string code, params DiagnosticResult[] expected)
        => PathVerifier.VerifyAsync(Usings + code.Replace("ERRORS", Errors), [PathVerifier.Telegram, .. PathVerifier.Hosting], expected);

    [Fact]
    public Task Sends_to_another_chat_than_the_one_that_wrote_are_publishes()
        => Check("""
            sealed class Greeter : IUpdateHandler
            {
                public async Task {|#0:HandleUpdateAsync|}(ITelegramBotClient bot, Update update, CancellationToken ct)
                {
                    if (update.MyChatMember is { Chat: { Type: ChatType.Channel } channel, NewChatMember.Status: ChatMemberStatus.Administrator })
                        await bot.SendMessage(channel, "Hi everyone!", cancellationToken: ct);
                }
                ERRORS
            }

            sealed class Reposter : IUpdateHandler
            {
                public async Task {|#1:HandleUpdateAsync|}(ITelegramBotClient bot, Update update, CancellationToken ct)
                {
                    if (update.Message is { ForwardOrigin: MessageOriginChannel { Chat: var channel }, Text: { } text })
                        await bot.SendMessage(channel, text.Replace("#ad", ""), cancellationToken: ct);
                }
                ERRORS
            }

            sealed class SenderPattern : IUpdateHandler
            {
                public async Task {|#2:HandleUpdateAsync|}(ITelegramBotClient bot, Update update, CancellationToken ct)
                {
                    if (update.Message is { SenderChat: { } channel, Text: { } text })
                        await bot.SendMessage(channel, "Thanks: " + text, cancellationToken: ct);
                }
                ERRORS
            }

            sealed class SenderLocal : IUpdateHandler
            {
                public async Task {|#3:HandleUpdateAsync|}(ITelegramBotClient bot, Update update, CancellationToken ct)
                {
                    var sender = update.Message?.SenderChat;
                    if (sender is not null)
                        await bot.SendMessage(sender.Id, "Thanks!", cancellationToken: ct);
                }
                ERRORS
            }

            // Look-alikes: the chat that wrote, through a pattern, a local and '?.'.
            sealed class Answers : IUpdateHandler
            {
                public async Task HandleUpdateAsync(ITelegramBotClient bot, Update update, CancellationToken ct)
                {
                    if (update.Message is { Chat: var chat, Text: { } text })
                        await bot.SendMessage(chat, "You said " + text, cancellationToken: ct);
                    var from = update.Message?.Chat;
                    if (from is not null)
                        await bot.SendMessage(from.Id, "ok", cancellationToken: ct);
                }
                ERRORS
            }
            """,
            PathVerifier.Reply(0, "Greeter.HandleUpdateAsync (a Telegram update handler)", "Greeter.HandleUpdateAsync → ITelegramBotClient.SendMessage"),
            PathVerifier.Reply(1, "Reposter.HandleUpdateAsync (a Telegram update handler)", "Reposter.HandleUpdateAsync → ITelegramBotClient.SendMessage"),
            PathVerifier.Reply(2, "SenderPattern.HandleUpdateAsync (a Telegram update handler)", "SenderPattern.HandleUpdateAsync → ITelegramBotClient.SendMessage"),
            PathVerifier.Reply(3, "SenderLocal.HandleUpdateAsync (a Telegram update handler)", "SenderLocal.HandleUpdateAsync → ITelegramBotClient.SendMessage"));
}
