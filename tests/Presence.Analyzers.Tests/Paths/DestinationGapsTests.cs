using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// Where a send goes, decided where the code says so: an [InternalAudience] destination passed through a helper is
/// judged for each call of the helper, as a URL passed to a shared <c>Send(url, …)</c> helper is.
/// </summary>
public class DestinationGapsTests
{
    private const string TelegramUsings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Hosting;
        using Telegram.Bot;

        """;

    private static Task CheckBot(string code, params DiagnosticResult[] expected)
        => PathVerifier.VerifyAsync(TelegramUsings + code, [PathVerifier.Telegram, .. PathVerifier.Hosting], expected);

    [Fact]
    public Task A_helper_called_with_the_ops_chat_and_with_a_channel_publishes_only_on_the_channel_path()
        => CheckBot("""
            public sealed class OpsOptions { [Presence.InternalAudience("the on-call engineers' private chat")] public long ChatId { get; set; } }

            public static class Replies
            {
                public static Task SendText(ITelegramBotClient bot, long chatId, string text) => {|PRES001:bot.SendMessage(chatId, text)|};
                // Two helpers deep: the ops chat still reaches the send.
                public static Task Relay(ITelegramBotClient bot, long chatId, string text) => SendText(bot, chatId, "> " + text);
            }

            public sealed class Health(ITelegramBotClient bot, OpsOptions ops) : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken ct)
                {
                    using var timer = new PeriodicTimer(TimeSpan.FromMinutes(5));
                    while (await timer.WaitForNextTickAsync(ct))
                    {
                        await Replies.SendText(bot, ops.ChatId, "queue depth 12");
                        await Replies.Relay(bot, ops.ChatId, "db latency 230ms");
                    }
                }
            }

            public sealed class Morning(ITelegramBotClient bot) : BackgroundService
            {
                protected override Task {|#0:ExecuteAsync|}(CancellationToken ct) => Replies.SendText(bot, -100123, "Good morning");
            }
            """,
            PathVerifier.Unattended(0, "Morning.ExecuteAsync (a hosted service)", "Morning.ExecuteAsync → Replies.SendText → ITelegramBotClient.SendMessage"));
}
