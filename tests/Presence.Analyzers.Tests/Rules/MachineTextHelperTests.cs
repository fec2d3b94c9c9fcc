using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// PRES008 where machine-written text is handed to a helper (of the project or of a library built with Presence) that
/// publishes it, against the real Microsoft.Extensions.AI package.
/// </summary>
public class MachineTextHelperTests
{
    private const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.AI;
        using Presence;
        using Telegram.Bot;

        public interface IReview { [HumanConfirmation] Task<bool> AskAsync(string text); }

        """;

    private static readonly MetadataReference[] References = [PathVerifier.Telegram, .. PathVerifier.Ai];

    private const string SendMessage = "Posts to Telegram through 'ITelegramBotClient.SendMessage' (message to a chat or channel (sendMessage))";

    private const string Unreviewed = "no [HumanConfirmation] that sees the generated text comes before this call; show the text to a person (a [HumanConfirmation] method, or AnsiConsole.Confirm with the text in its question) and pass it on only on yes";

    private static Task Check(string code, params DiagnosticResult[] expected)
        => PathVerifier.VerifyAsync(Usings + code, References, expected);

    private static DiagnosticResult Handed(int location, string method)
        => PathVerifier.Diagnostic(PresenceDiagnostics.MachineWrittenUnreviewed).WithLocation(location)
            .WithArguments("Machine-written content is handed to '" + method + "', which publishes it", Unreviewed);

    private static DiagnosticResult Unconfirmed(int location, string method)
        => PathVerifier.Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithLocation(location).WithArguments(SendMessage, method);

    private const string Helpers = """
        public sealed class Channel(ITelegramBotClient bot)
        {
            public Task Post(string text) => {|#90:bot.SendMessage("@acme_news", text)|};
        }

        [AutomatedPresence("Disclosed status bot account; posts uptime changes")]
        public sealed class StatusChannel(ITelegramBotClient bot)
        {
            public Task Post(string text) => bot.SendMessage("@acme_status", text);
        }

        public sealed class Relay(Channel channel)
        {
            public Task Forward(string body) => channel.Post("From the team: " + body);
        }

        public sealed class Journal
        {
            public Task Note(string text) { Console.WriteLine(text); return Task.CompletedTask; }
        }

        public sealed class Announcer(ITelegramBotClient bot)
        {
            // The message is fixed: what it is given only decides whether it goes out.
            public async Task Announce(string reason) { Console.WriteLine(reason); await {|#91:bot.SendMessage("@acme_news", "We are back online")|}; }
        }

        public sealed class ReviewedChannel(ITelegramBotClient bot, IReview review)
        {
            public async Task Post(string text) { if (await review.AskAsync(text)) await bot.SendMessage("@acme_news", text); }
        }

        """;

    private static readonly DiagnosticResult[] HelperDiagnostics =
        [Unconfirmed(90, "Post"), Unconfirmed(91, "Announce")];

    [Fact]
    public Task Machine_text_handed_to_a_publishing_helper_is_reported_at_the_call()
        => Check(Helpers + """
            public sealed class Editor(IChatClient chat, Channel channel, Relay relay, StatusChannel status)
            {
                public async Task Direct()
                {
                    var resp = await chat.GetResponseAsync("Summarize the nightly build");
                    await {|#0:channel.Post(resp.Text)|};
                }

                public async Task ThroughTwoHelpers()
                {
                    var text = (await chat.GetResponseAsync("Summarize the nightly build")).Text;
                    await {|#1:relay.Forward(text.Trim())|};
                }

                public async Task ToAJustifiedHelper()
                {
                    var text = (await chat.GetResponseAsync("Summarize the outage")).Text;
                    await {|#2:status.Post(text)|};
                }
            }

            [AutomatedPresence("Labelled bot account posts the nightly build digest")]
            public sealed class Digest(IChatClient chat, Channel channel)
            {
                public async Task Run()
                {
                    var resp = await chat.GetResponseAsync("Summarize the nightly build");
                    await {|#3:channel.Post(resp.Text)|};
                }

                public Task InALambda() => Task.Run(async () =>
                {
                    var resp = await chat.GetResponseAsync("Summarize the nightly build");
                    await {|#4:channel.Post(resp.Text)|};
                });
            }
            """,
            [.. HelperDiagnostics,
             Handed(0, "Channel.Post"), Handed(1, "Relay.Forward"), Handed(2, "StatusChannel.Post"), Handed(3, "Channel.Post"), Handed(4, "Channel.Post")]);

    [Fact]
    public Task Machine_text_a_helper_only_logs_is_reviewed_or_does_not_publish_is_not_reported()
        => Check(Helpers + """
            [AutomatedPresence("Labelled bot account posts the nightly build digest")]
            public sealed class Digest(IChatClient chat, Channel channel, Journal journal, Announcer announcer, ReviewedChannel reviewed, IReview review)
            {
                public async Task Logged()
                {
                    var resp = await chat.GetResponseAsync("Summarize the nightly build");
                    await journal.Note(resp.Text);
                }

                public async Task OnlyDecides()
                {
                    var resp = await chat.GetResponseAsync("Should we announce?");
                    await announcer.Announce(resp.Text);
                }

                public async Task ReviewedInTheHelper()
                {
                    var resp = await chat.GetResponseAsync("Summarize the nightly build");
                    await reviewed.Post(resp.Text);
                }

                public async Task ReviewedBeforeTheCall()
                {
                    var text = (await chat.GetResponseAsync("Summarize the nightly build")).Text;
                    if (await review.AskAsync(text)) await channel.Post(text);
                }

                public async Task WrittenByHand() => await channel.Post("Nightly build is green");
            }
            """,
            HelperDiagnostics);

    [Fact]
    public Task Machine_text_handed_to_a_library_method_that_publishes_is_reported_at_the_call()
    {
        var library = LibraryBuilder.Build("Acme.Notifications", """
            using System.Threading.Tasks;
            using Telegram.Bot;

            public class TelegramHelper(ITelegramBotClient bot)
            {
                public Task SendAsync(string chat, string text) => bot.SendMessage(chat, text);

                public Task PostNews(string text) => bot.SendMessage("@acme_news", text);
            }
            """, PathVerifier.Telegram);

        return PathVerifier.VerifyAsync(Usings + """
            public sealed class CrossEditor(IChatClient chat, TelegramHelper tg)
            {
                [AutomatedPresence("Disclosed news bot; links only")]
                public async Task Automated()
                {
                    var text = (await chat.GetResponseAsync("Write today's headline")).Text;
                    await {|#0:tg.PostNews(text)|};
                    // The chat is the caller's to give: the call is a publish of this project's own (C record).
                    await {|#1:tg.SendAsync("@acme_news", text)|};
                }

                [AutomatedPresence("Disclosed news bot; links only")]
                public async Task WrittenByHand() => await tg.SendAsync("@acme_news", "Good morning");
            }
            """,
            [.. References, library],
            Handed(0, "TelegramHelper.PostNews"),
            PathVerifier.Diagnostic(PresenceDiagnostics.MachineWrittenUnreviewed).WithLocation(1)
                .WithArguments("Posts to Telegram through 'TelegramHelper.SendAsync' with machine-written content", NotSeen));
    }

    private const string ToChannel = SendMessage + " with machine-written content";

    private const string NotSeen = "no [HumanConfirmation] that sees the generated text guards this publish; show the text to a person (a [HumanConfirmation] method, or AnsiConsole.Confirm with the text in its question; a Console.ReadLine() check is not one) and publish on yes";

    [Fact]
    public Task A_template_a_helper_picks_by_a_models_label_is_not_machine_written()
        => Check("""
            public static class Templates
            {
                public static string ForLabel(string label) => label == "bug" ? "Please file it on GitHub." : "Thanks!";

                public static string BySwitch(string label)
                {
                    switch (label) { case "bug": return "Please file it on GitHub."; default: return "Thanks!"; }
                }

                public static string ByArms(string label) => label switch { "bug" => "Please file it on GitHub.", _ => "Thanks!" };

                public static string Quoting(string label) => label == "bug" ? "Please file it on GitHub." : "Thanks for: " + label;
            }

            [AutomatedPresence("Disclosed bot; answers mentions with fixed templates a classifier picks")]
            public sealed class Replier(IChatClient chat, ITelegramBotClient bot)
            {
                public async Task Reply(string mention)
                {
                    var label = (await chat.GetResponseAsync("bug or other? " + mention)).Text;
                    await bot.SendMessage("@acme", Templates.ForLabel(label));
                    await bot.SendMessage("@acme", Templates.BySwitch(label));
                    await bot.SendMessage("@acme", Templates.ByArms(label.Trim()));
                    await bot.SendMessage("@acme", label == "bug" ? "Please file it on GitHub." : "Thanks!");
                    await {|#0:bot.SendMessage("@acme", Templates.Quoting(label))|};
                    await {|#1:bot.SendMessage("@acme", label)|};
                }
            }
            """,
            PathVerifier.Diagnostic(PresenceDiagnostics.MachineWrittenUnreviewed).WithLocation(0).WithArguments(ToChannel, NotSeen),
            PathVerifier.Diagnostic(PresenceDiagnostics.MachineWrittenUnreviewed).WithLocation(1).WithArguments(ToChannel, NotSeen));
}
