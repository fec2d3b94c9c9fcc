using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;
using Xunit;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A library's Telegram helper that sends to the chat its caller passes: the library cannot say whose chat that is,
/// so its summary names the parameter beside the publish record, and each call in the referencing project is judged
/// by the chat it passes, as a send of its own (the team's [InternalAudience] chat, the requester's chat answered).
/// </summary>
public class ChatAcrossProjectsTests
{
    private const string Kit = """
        using System.Threading;
        using System.Threading.Tasks;
        using Telegram.Bot;
        using Telegram.Bot.Types;

        namespace Acme.Telegram;

        public sealed class TelegramNotifier(ITelegramBotClient bot)
        {
            public Task SendAsync(ChatId chat, string text, CancellationToken ct = default) => bot.SendMessage(chat, text, cancellationToken: ct);

            public Task Announce(string text) => bot.SendMessage("@acme_news", text);
        }
        """;

    private static readonly MetadataReference KitLibrary = LibraryBuilder.Build("Acme.Telegram", Kit, PathVerifier.Telegram);

    [Fact]
    public void The_summary_names_the_chat_parameter_beside_the_publish()
    {
        var summary = LibraryBuilder.Summary(LibraryBuilder.Compile("Acme.Telegram", Kit, withPresence: true, PathVerifier.Telegram));
        Assert.Contains("\nC\tM:Acme.Telegram.TelegramNotifier.SendAsync(Telegram.Bot.Types.ChatId,System.String,System.Threading.CancellationToken)\t0\tTelegram\t", summary);
        Assert.Contains("\nP\tM:Acme.Telegram.TelegramNotifier.SendAsync(Telegram.Bot.Types.ChatId,System.String,System.Threading.CancellationToken)\tTelegram\t", summary);
        Assert.DoesNotContain("\nC\tM:Acme.Telegram.TelegramNotifier.Announce", summary);
    }

    [Fact]
    public Task Each_call_is_judged_by_the_chat_it_passes()
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test
        {
            TestCode = """
                using System;
                using System.Threading;
                using System.Threading.Tasks;
                using Acme.Telegram;
                using Microsoft.Extensions.Hosting;
                using Telegram.Bot;
                using Telegram.Bot.Polling;
                using Telegram.Bot.Types;

                public sealed class OpsOptions { [Presence.InternalAudience("the on-call engineers' private chat")] public long ChatId { get; set; } }

                public sealed class OpsJob(TelegramNotifier tg, OpsOptions ops) : BackgroundService
                {
                    protected override async Task ExecuteAsync(CancellationToken ct)
                    {
                        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(5));
                        while (await timer.WaitForNextTickAsync(ct)) await tg.SendAsync(ops.ChatId, "queue ok", ct);
                    }
                }

                public sealed class Promo(TelegramNotifier tg) : BackgroundService
                {
                    protected override async Task {|#0:ExecuteAsync|}(CancellationToken ct)
                    {
                        using var timer = new PeriodicTimer(TimeSpan.FromHours(6));
                        while (await timer.WaitForNextTickAsync(ct)) await tg.SendAsync("@acme_deals", "Deal of the day", ct);
                    }
                }

                public sealed class Headlines(TelegramNotifier tg) : BackgroundService
                {
                    protected override async Task {|#1:ExecuteAsync|}(CancellationToken ct) => await tg.Announce("Morning!");
                }

                public sealed class Replies(TelegramNotifier tg) : IUpdateHandler
                {
                    public async Task HandleUpdateAsync(ITelegramBotClient client, Update update, CancellationToken ct)
                    {
                        if (update.Message is { } msg) await tg.SendAsync(msg.Chat, "Thanks, we got it.", ct);
                    }

                    public Task HandleErrorAsync(ITelegramBotClient b, Exception e, HandleErrorSource s, CancellationToken ct) => Task.CompletedTask;
                }
                """,
        };
        test.TestState.AdditionalReferences.AddRange([KitLibrary, PathVerifier.Telegram, .. PathVerifier.Hosting]);
        test.ExpectedDiagnostics.Add(PathVerifier.Unattended(0, "Promo.ExecuteAsync (a hosted service)", "Promo.ExecuteAsync → TelegramNotifier.SendAsync → ITelegramBotClient.SendMessage"));
        test.ExpectedDiagnostics.Add(PathVerifier.Unattended(1, "Headlines.ExecuteAsync (a hosted service)", "Headlines.ExecuteAsync → TelegramNotifier.Announce → ITelegramBotClient.SendMessage"));
        return test.RunAsync();
    }
}
