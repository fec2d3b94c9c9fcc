using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// PRES008 where machine-written text reaches a publish in an entry point's own body, under [AutomatedPresence], and
/// through a conversation list (Microsoft.Extensions.AI's AddMessages), against the real packages.
/// </summary>
public class MachineTextGapsTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.AI;
        using Microsoft.Extensions.Hosting;
        using Presence;
        using Telegram.Bot;
        using Telegram.Bot.Polling;
        using Telegram.Bot.Types;

        public interface IReview { [HumanConfirmation] Task<bool> AskAsync(string text); }

        """;

    // Microsoft.Extensions.AI itself too, for the structured-output GetResponseAsync<T>.
    private static readonly MetadataReference[] References =
    [
        PathVerifier.Telegram,
        .. PathVerifier.Hosting,
        .. PathVerifier.Ai,
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.AI.ChatClientStructuredOutputExtensions).Assembly.Location),
    ];

    private const string ToChannel = "Posts to Telegram through 'ITelegramBotClient.SendMessage' (message to a chat or channel (sendMessage)) with machine-written content";

    private const string Unreviewed = "no [HumanConfirmation] that sees the generated text guards this publish; show the text to a person (a [HumanConfirmation] method, or AnsiConsole.Confirm with the text in its question; a Console.ReadLine() check is not one) and publish on yes";

    private static Task Check(string code, params DiagnosticResult[] expected)
        => PathVerifier.VerifyAsync(Usings + code, References, expected);

    private static DiagnosticResult Machine(int location)
        => PathVerifier.Diagnostic(PresenceDiagnostics.MachineWrittenUnreviewed).WithLocation(location).WithArguments(ToChannel, Unreviewed);

    [Fact]
    public Task Machine_text_sent_in_a_hosted_services_own_body_is_reported_beside_the_path()
        => Check("""
            public sealed class Direct(IChatClient chat, ITelegramBotClient bot) : BackgroundService
            {
                protected override async Task {|#0:ExecuteAsync|}(CancellationToken ct)
                {
                    var resp = await chat.GetResponseAsync("Write today's post", cancellationToken: ct);
                    await {|#1:bot.SendMessage("@acme_news", resp.Text, cancellationToken: ct)|};
                }
            }

            public sealed class ThroughAHelper(IChatClient chat, ITelegramBotClient bot) : BackgroundService
            {
                protected override Task {|#2:ExecuteAsync|}(CancellationToken ct) => PostAsync(ct);

                private async Task PostAsync(CancellationToken ct)
                {
                    var resp = await chat.GetResponseAsync("Write today's post", cancellationToken: ct);
                    await {|#3:bot.SendMessage("@acme_news", resp.Text, cancellationToken: ct)|};
                }
            }

            // Written by hand: the path says it all, nothing at the send.
            public sealed class Template(ITelegramBotClient bot) : BackgroundService
            {
                protected override async Task {|#4:ExecuteAsync|}(CancellationToken ct)
                    => await bot.SendMessage("@acme_news", "Good morning!", cancellationToken: ct);
            }

            // Generated, then shown to a person who said yes: neither rule.
            public sealed class Reviewed(IChatClient chat, ITelegramBotClient bot, IReview review) : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken ct)
                {
                    var text = (await chat.GetResponseAsync("Write today's post", cancellationToken: ct)).Text;
                    if (!await review.AskAsync(text)) return;
                    await bot.SendMessage("@acme_news", text, cancellationToken: ct);
                }
            }
            """,
            PathVerifier.Unattended(0, "Direct.ExecuteAsync (a hosted service)", "Direct.ExecuteAsync → ITelegramBotClient.SendMessage"),
            Machine(1),
            PathVerifier.Unattended(2, "ThroughAHelper.ExecuteAsync (a hosted service)", "ThroughAHelper.ExecuteAsync → ThroughAHelper.PostAsync → ITelegramBotClient.SendMessage"),
            Machine(3),
            PathVerifier.Unattended(4, "Template.ExecuteAsync (a hosted service)", "Template.ExecuteAsync → ITelegramBotClient.SendMessage"));

    [Fact]
    public Task Machine_text_sent_in_an_update_handlers_own_body_is_reported_unless_a_confirmation_saw_it()
        => Check("""
            // A reply of "yes" in the chat is a string compared, not a [HumanConfirmation]: nobody the analyzer sees reviewed the draft.
            public sealed class YesBot(IChatClient chat) : IUpdateHandler
            {
                const long OwnerChat = 42;
                private string? _draft;

                public async Task {|#0:HandleUpdateAsync|}(ITelegramBotClient bot, Update update, CancellationToken ct)
                {
                    if (update.Message is not { Text: { } text } msg || msg.Chat.Id != OwnerChat) return;
                    if (text == "/draft")
                    {
                        _draft = (await chat.GetResponseAsync("Write today's post", cancellationToken: ct)).Text;
                        await bot.SendMessage(msg.Chat, _draft, cancellationToken: ct);
                    }
                    else if (text == "yes" && _draft is { } d)
                    {
                        await {|#1:bot.SendMessage("@acme_news", d, cancellationToken: ct)|};
                        _draft = null;
                    }
                }

                public Task HandleErrorAsync(ITelegramBotClient bot, Exception e, HandleErrorSource s, CancellationToken ct) => Task.CompletedTask;
            }

            public sealed class Desk
            {
                private readonly Dictionary<string, string> _pending = new();

                public void Keep(string id, string draft) => _pending[id] = draft;

                // The editor's press redeems the draft they were shown.
                [HumanConfirmation]
                public string? RedeemPress(CallbackQuery cb)
                    => cb.Data is { } data && data.StartsWith("ok:") && _pending.Remove(data[3..], out var draft) ? draft : null;
            }

            // The press is the confirmation between the generation and the publish: clean.
            public sealed class ButtonHandler(Desk desk) : IUpdateHandler
            {
                public async Task HandleUpdateAsync(ITelegramBotClient bot, Update update, CancellationToken ct)
                {
                    if (update.CallbackQuery is not { } cb) return;
                    var approved = desk.RedeemPress(cb);
                    if (approved is null) return;
                    await bot.SendMessage("@acme_news", approved, cancellationToken: ct);
                }

                public Task HandleErrorAsync(ITelegramBotClient bot, Exception e, HandleErrorSource s, CancellationToken ct) => Task.CompletedTask;
            }

            // Generated in the handler and shown to a person before it goes out: clean.
            public sealed class AskingBot(IChatClient chat, IReview review) : IUpdateHandler
            {
                public async Task HandleUpdateAsync(ITelegramBotClient bot, Update update, CancellationToken ct)
                {
                    var text = (await chat.GetResponseAsync("Write today's post", cancellationToken: ct)).Text;
                    if (!await review.AskAsync(text)) return;
                    await bot.SendMessage("@acme_news", text, cancellationToken: ct);
                }

                public Task HandleErrorAsync(ITelegramBotClient bot, Exception e, HandleErrorSource s, CancellationToken ct) => Task.CompletedTask;
            }
            """,
            PathVerifier.Reply(0, "YesBot.HandleUpdateAsync (a Telegram update handler)", "YesBot.HandleUpdateAsync → ITelegramBotClient.SendMessage"),
            Machine(1));

    [Fact]
    public Task AutomatedPresence_allows_publishing_without_a_person_but_not_machine_text_nobody_read()
        => Check("""
            public sealed class Entry(IChatClient chat, ITelegramBotClient bot) : BackgroundService
            {
                [AutomatedPresence("Disclosed bot channel, labelled as automated")]
                protected override async Task ExecuteAsync(CancellationToken ct)
                {
                    var resp = await chat.GetResponseAsync("Write today's post", cancellationToken: ct);
                    await {|#0:bot.SendMessage("@acme_news", resp.Text, cancellationToken: ct)|};
                }
            }

            public sealed class Method(IChatClient chat, ITelegramBotClient bot)
            {
                [AutomatedPresence("Disclosed bot channel, labelled as automated")]
                public async Task RunAsync(CancellationToken ct)
                {
                    var resp = await chat.GetResponseAsync("Write today's post", cancellationToken: ct);
                    await {|#1:bot.SendMessage("@acme_news", resp.Text, cancellationToken: ct)|};
                }

                // Written by hand under the exception: nothing.
                [AutomatedPresence("Disclosed bot channel, labelled as automated")]
                public Task StatusAsync(CancellationToken ct) => bot.SendMessage("@acme_news", "All systems operational", cancellationToken: ct);

                // Generated, then read by a person: nothing.
                [AutomatedPresence("Disclosed bot channel, labelled as automated")]
                public async Task ReviewedAsync(IReview review, CancellationToken ct)
                {
                    var text = (await chat.GetResponseAsync("Write today's post", cancellationToken: ct)).Text;
                    if (await review.AskAsync(text)) await bot.SendMessage("@acme_news", text, cancellationToken: ct);
                }
            }

            [AutomatedPresence("Disclosed bot channel, labelled as automated")]
            public sealed class WholeType(IChatClient chat, ITelegramBotClient bot) : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken ct)
                {
                    await bot.SendMessage("@acme_news", "Starting up", cancellationToken: ct);
                    var text = (await chat.GetResponseAsync("Write today's post", cancellationToken: ct)).Text;
                    await {|#2:bot.SendMessage("@acme_news", text, cancellationToken: ct)|};
                }

                public IList<AITool> Tools() => [{|#3:AIFunctionFactory.Create((string text) => bot.SendMessage("@acme_news", text))|}];
            }

            // A kernel function is a tool an agent calls: given to it unguarded, also under the exception.
            [AutomatedPresence("Disclosed bot channel, labelled as automated")]
            public class SocialPlugin(ITelegramBotClient bot)
            {
                [Microsoft.SemanticKernel.KernelFunction]
                public Task {|#7:Publish|}(string text) => bot.SendMessage("@acme_news", text);
            }

            public sealed class Nested(IChatClient chat, ITelegramBotClient bot)
            {
                public Func<Task> Lambda() => [AutomatedPresence("Disclosed bot channel, labelled as automated")] async () =>
                {
                    await bot.SendMessage("@acme_news", "Starting up");
                    var text = (await chat.GetResponseAsync("Write today's post")).Text;
                    await {|#4:bot.SendMessage("@acme_news", text)|};
                };

                public async Task LocalFunctionAsync()
                {
                    await Post();

                    [AutomatedPresence("Disclosed bot channel, labelled as automated")]
                    async Task Post()
                    {
                        var text = (await chat.GetResponseAsync("Write today's post")).Text;
                        await {|#5:bot.SendMessage("@acme_news", text)|};
                        Func<Task> later = () => {|#6:bot.SendMessage("@acme_news", text)|};
                        await later();
                    }
                }

                public Func<Task> Team() => [InternalAudience("the editors' review chat")] async () =>
                {
                    var text = (await chat.GetResponseAsync("Write today's post")).Text;
                    await bot.SendMessage("@acme_editors", text);
                };
            }

            // Sends to the team only: the editors read it there, nothing.
            public sealed class Team(IChatClient chat, ITelegramBotClient bot)
            {
                [InternalAudience("the editors' review chat")]
                public async Task ShowAsync(CancellationToken ct)
                {
                    var text = (await chat.GetResponseAsync("Write today's post", cancellationToken: ct)).Text;
                    await bot.SendMessage("@acme_editors", text, cancellationToken: ct);
                }
            }
            """,
            Machine(0),
            Machine(1),
            Machine(2),
            PathVerifier.Diagnostic(PresenceDiagnostics.MachineWrittenUnreviewed).WithLocation(3).WithArguments(
                "An AI agent is given a lambda as a tool, which publishes: Posts to Telegram through 'ITelegramBotClient.SendMessage' (message to a chat or channel (sendMessage))",
                "wrap it in ApprovalRequiredAIFunction so that a person approves each call (around the Create call, around a local that holds it, or in a helper or a Select that returns every tool wrapped)"),
            Machine(4),
            Machine(5),
            Machine(6),
            PathVerifier.Diagnostic(PresenceDiagnostics.MachineWrittenUnreviewedAtEnd).WithLocation(7).WithArguments(
                "The Semantic Kernel function 'SocialPlugin.Publish' publishes (Posts to Telegram through 'ITelegramBotClient.SendMessage' (message to a chat or channel (sendMessage)))",
                "an agent can call it, and this compilation has no IFunctionInvocationFilter or IAutoFunctionInvocationFilter to ask a person first"));

    [Fact]
    public Task A_conversation_list_a_response_was_added_to_holds_machine_text()
        => Check("""
            public sealed class Conversation(IChatClient chat, ITelegramBotClient bot, IReview review)
            {
                public async Task AddMessagesAsync()
                {
                    if (!await review.AskAsync("spring sale")) return;
                    List<ChatMessage> history = [new(ChatRole.User, "Write a post about our spring sale")];
                    var resp = await chat.GetResponseAsync(history);
                    history.AddMessages(resp);
                    await {|#0:bot.SendMessage("@acme_news", history[^1].Text)|};
                }

                public async Task AddRangeAsync()
                {
                    List<ChatMessage> history = [new(ChatRole.User, "Write a post about our spring sale")];
                    var resp = await chat.GetResponseAsync(history);
                    history.AddRange(resp.Messages);
                    await {|#1:bot.SendMessage("@acme_news", history.Last().Text)|};
                }

                public async Task AddOneAsync()
                {
                    var history = new List<ChatMessage> { new(ChatRole.User, "Write a post about our spring sale") };
                    var resp = await chat.GetResponseAsync(history);
                    history.Add(resp.Messages[0]);
                    var last = history[^1].Text;
                    await {|#2:bot.SendMessage("@acme_news", last)|};
                }

                public async Task AsAnIListAsync(IList<ChatMessage> history)
                {
                    var resp = await chat.GetResponseAsync(history);
                    history.AddMessages(resp);
                    await {|#3:bot.SendMessage("@acme_news", history[history.Count - 1].Text)|};
                }

                // The list as a whole holds machine text once a response was added: the user's own message read back
                // from it is reported too (publish it from where it came from).
                public async Task UsersMessageAfterTheResponseAsync(string request)
                {
                    List<ChatMessage> history = [new(ChatRole.User, request)];
                    history.AddMessages(await chat.GetResponseAsync(history));
                    await {|#4:bot.SendMessage("@acme_news", history[0].Text)|};
                }

                // Before any response was added, and from the user's own variable: not machine-written (PRES001).
                public async Task UsersMessageAsync(string request)
                {
                    List<ChatMessage> history = [new(ChatRole.User, request)];
                    await {|PRES001:bot.SendMessage("@acme_news", history[0].Text)|};
                    history.AddMessages(await chat.GetResponseAsync(history));
                    await {|PRES001:bot.SendMessage("@acme_news", request)|};
                }

                // Read by a person after the generation: clean.
                public async Task ReviewedAsync()
                {
                    List<ChatMessage> history = [new(ChatRole.User, "Write a post about our spring sale")];
                    history.AddMessages(await chat.GetResponseAsync(history));
                    var text = history[^1].Text;
                    if (!await review.AskAsync(text)) return;
                    await bot.SendMessage("@acme_news", history[^1].Text);
                }

                // An extension called on the bot with machine text does not make the bot machine-written.
                public async Task TheClientIsNoConversationAsync()
                {
                    var text = (await chat.GetResponseAsync("Write today's post")).Text;
                    await {|#5:bot.SendMessage("@acme_news", text)|};
                    await {|PRES001:bot.SendMessage("@acme_news", "Thanks for reading")|};
                }
            }
            """,
            PathVerifier.Diagnostic(PresenceDiagnostics.MachineWrittenUnreviewed).WithLocation(0).WithArguments(ToChannel,
                "it was generated after the last [HumanConfirmation], which cannot have seen it; ask a person about the generated text"),
            Machine(1),
            Machine(2),
            Machine(3),
            Machine(4),
            Machine(5));

    [Fact]
    public Task The_result_shapes_of_Microsoft_Extensions_AI_are_machine_text()
        => Check("""
            public sealed record PostDraft(string Headline, string Body, string[] Hashtags);

            public sealed class Shapes(IChatClient chat, ITelegramBotClient bot)
            {
                const string Channel = "@acme_news";

                public async Task StructuredAsync()
                {
                    var r = await chat.GetResponseAsync<PostDraft>("Draft today's post as JSON");
                    var d = r.Result;
                    await {|#0:bot.SendMessage(Channel, $"<b>{d.Headline}</b>\n{d.Body}\n{string.Join(' ', d.Hashtags)}")|};
                }

                public async Task StreamingAsync()
                {
                    var sb = new StringBuilder();
                    await foreach (var u in chat.GetStreamingResponseAsync("Write today's post"))
                        sb.Append(u.Text);
                    await {|#1:bot.SendMessage(Channel, sb.ToString())|};
                }

                public async Task StreamingToResponseAsync()
                {
                    var resp = await chat.GetStreamingResponseAsync("Write today's post").ToChatResponseAsync();
                    await {|#2:bot.SendMessage(Channel, resp.Text)|};
                }

                public async Task ContentsAsync()
                {
                    var resp = await chat.GetResponseAsync("Write today's post");
                    var text = resp.Messages.Last().Contents.OfType<TextContent>().First().Text;
                    await {|#3:bot.SendMessage(Channel, text)|};
                }

                public async Task TemplateAsync()
                {
                    var title = "Spring sale";
                    await {|PRES001:bot.SendMessage(Channel, $"{title} starts today!")|};
                }
            }

            public sealed class AgentTools(ITelegramBotClient bot, string channel)
            {
                public Task PostToChannelAsync(string text) => bot.SendMessage(channel, text);

                public IList<AITool> SafeTools() => [new ApprovalRequiredAIFunction(AIFunctionFactory.Create(PostToChannelAsync))];

                public IList<AITool> YoloTools() => [{|#4:AIFunctionFactory.Create(PostToChannelAsync)|}];
            }
            """,
            Machine(0),
            Machine(1),
            Machine(2),
            Machine(3),
            PathVerifier.Diagnostic(PresenceDiagnostics.MachineWrittenUnreviewed).WithLocation(4).WithArguments(
                "An AI agent is given 'AgentTools.PostToChannelAsync' as a tool, which publishes: AgentTools.PostToChannelAsync → ITelegramBotClient.SendMessage",
                "wrap it in ApprovalRequiredAIFunction so that a person approves each call (around the Create call, around a local that holds it, or in a helper or a Select that returns every tool wrapped)").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
}
