using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// Who a send reaches: [InternalAudience] methods, types and parameters, PRES012 for a missing description, and a
/// labelled bot's replies in the requester's chat, against the real Telegram.Bot 22.
/// </summary>
public class AudienceTests
{
    private const string Usings = """
        using System;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using Presence;
        using Telegram.Bot;
        using Telegram.Bot.Polling;
        using Telegram.Bot.Types;
        using Telegram.Bot.Types.Enums;

        """;

    private static DiagnosticResult Reply(int location, string handler, string path)
        => PathVerifier.Diagnostic(PresenceDiagnostics.AutomatedReply).WithLocation(location).WithArguments(handler, path)
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    [Fact]
    public Task Sends_declared_internal_are_not_publishes_and_public_ones_beside_them_still_are()
        => PathVerifier.VerifyAsync(Usings + """
            class Editorial(ITelegramBotClient bot, HttpClient http)
            {
                [InternalAudience("the editors' private review chat")]
                public Task AskEditors(long reviewChat, string draft) => bot.SendMessage(reviewChat, "Approve? " + draft);

                public Task Notify([InternalAudience("the on-call editor")] long editorChat, string draft)
                    => bot.SendMessage(editorChat, "New draft: " + draft);

                public Task Hook([InternalAudience("the newsroom's ops channel")] string opsWebhook, HttpContent body)
                    => http.PostAsync(new Uri(opsWebhook), body);

                public Task Both([InternalAudience("the editors")] ChatId editors, string draft)
                {
                    var sent = bot.SendMessage(editors, draft);
                    return {|PRES001:bot.SendMessage("@public_channel", draft)|};
                }
            }

            [InternalAudience("the team's standup channel")]
            class StandupDigest(ITelegramBotClient bot)
            {
                public Task Post(string text) => bot.SendMessage(-100123, text);
                public Task Local(string text) { return Send(); Task Send() => bot.SendMessage(-100123, text); }
            }

            class Unmarked(ITelegramBotClient bot)
            {
                public Task Post(long chat, string text) => {|PRES001:bot.SendMessage(chat, text)|};
            }
            """,
            [PathVerifier.Telegram]);

    [Fact]
    public Task A_destination_kept_in_a_marked_settings_property_or_field_is_internal()
        => PathVerifier.VerifyAsync(Usings + """
            public sealed class BotSettings
            {
                [InternalAudience("the bot owner's private chat")]
                public long OwnerChatId { get; set; }

                public long AnnouncementsChatId { get; set; }
            }

            class Reports(ITelegramBotClient bot, BotSettings settings)
            {
                [InternalAudience("the on-call editor")]
                private ChatId OnCall { get; } = new(42);

                public Task ToOwner(string report) => bot.SendMessage(settings.OwnerChatId, report);
                public Task ToOnCall(string report) { var chat = OnCall; return bot.SendMessage(chat, report); }
                public Task ToEveryone(string report) => {|PRES001:bot.SendMessage(settings.AnnouncementsChatId, report)|};
            }
            """,
            [PathVerifier.Telegram]);

    [Fact]
    public Task An_internal_send_on_an_unattended_path_is_not_reported()
        => PathVerifier.VerifyAsync(Usings + """
            class Digest(ITelegramBotClient bot) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override Task ExecuteAsync(CancellationToken ct) => Post("Weekly numbers");

                [InternalAudience("the marketing team's chat")]
                private Task Post(string text) => bot.SendMessage(-100123, text);
            }
            """,
            [PathVerifier.Telegram, .. PathVerifier.Hosting]);

    [Fact]
    public Task An_internal_audience_needs_a_description_wherever_it_stands()
        => AnalyzerVerifier<InternalAudienceDescriptionAnalyzer>.VerifyAsync("""
            using System;
            using Presence;

            [InternalAudience({|PRES012:""|})]
            class Ops
            {
                private const string Nobody = " ";

                [InternalAudience({|PRES012:null|})]
                void Alert() { }

                void Page([InternalAudience({|PRES012:Nobody|})] long chat) { }

                [InternalAudience("the on-call engineer")]
                void Fine([InternalAudience("the on-call engineer's phone")] long chat)
                {
                    Action lambda = [InternalAudience({|PRES012:"\t"|})] () => { };
                    Action described = [InternalAudience("the ops channel")] () => { };
                }
            }
            """);

    private const string Handlers = """
        class Responder(ITelegramBotClient client) : IUpdateHandler
        {
            public async Task {|#0:HandleUpdateAsync|}(ITelegramBotClient bot, Update update, CancellationToken ct)
            {
                if (update.Message is { } message)
                {
                    await bot.SendMessage(message.Chat, "Hello! Send /help for commands.", cancellationToken: ct);
                    await bot.SendMessage(update.Message.Chat.Id, "pong");
                    await Answer(message);
                }
            }

            private Task Answer(Message message) => client.SendMessage(message.Chat, "echo: " + message.Text);

            public Task HandleErrorAsync(ITelegramBotClient bot, Exception exception, HandleErrorSource source, CancellationToken ct) => Task.CompletedTask;
        }
        """;

    [Fact]
    public Task A_labelled_bot_answering_in_the_requesters_chat_is_not_reported_by_default()
        => PathVerifier.VerifyAsync(Usings + Handlers.Replace("{|#0:HandleUpdateAsync|}", "HandleUpdateAsync"), [PathVerifier.Telegram]);

    [Fact]
    public Task Bot_replies_are_reported_when_asked_for()
        => PathVerifier.VerifyAsync(
            Usings + Handlers.Replace("client.SendMessage(message.Chat", "{|PRES001:client.SendMessage(message.Chat").Replace("message.Text);", "message.Text)|};"),
            [PathVerifier.Telegram],
            "presence_report_bot_replies = true",
            Reply(0, "Responder.HandleUpdateAsync (a Telegram update handler)", "Responder.HandleUpdateAsync → ITelegramBotClient.SendMessage"));

    [Fact]
    public Task The_strict_configuration_turns_bot_replies_on()
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test
        {
            TestCode = Usings + Handlers.Replace("client.SendMessage(message.Chat", "{|PRES001:client.SendMessage(message.Chat").Replace("message.Text);", "message.Text)|};"),
        };
        test.TestState.AdditionalReferences.Add(PathVerifier.Telegram);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", System.IO.File.ReadAllText(System.IO.Path.Combine(RepoFiles.Root, "build", "config", "strict.globalconfig"))));
        test.ExpectedDiagnostics.Add(Reply(0, "Responder.HandleUpdateAsync (a Telegram update handler)", "Responder.HandleUpdateAsync → ITelegramBotClient.SendMessage"));
        return test.RunAsync();
    }

    [Fact]
    public Task A_broadcast_from_a_handler_is_still_an_automated_reply()
        => PathVerifier.VerifyAsync(Usings + """
            class Forwarder(long channelId) : IUpdateHandler
            {
                public async Task {|#0:HandleUpdateAsync|}(ITelegramBotClient bot, Update update, CancellationToken ct)
                {
                    if (update.Message is { Text: { } text } message)
                    {
                        await bot.SendMessage(message.Chat, "Thanks, forwarded.");
                        await bot.SendMessage("@news_channel", text);
                        await bot.SendMessage(channelId, text);
                    }
                }

                public Task HandleErrorAsync(ITelegramBotClient bot, Exception exception, HandleErrorSource source, CancellationToken ct) => Task.CompletedTask;
            }
            """,
            [PathVerifier.Telegram],
            Reply(0, "Forwarder.HandleUpdateAsync (a Telegram update handler)", "Forwarder.HandleUpdateAsync → ITelegramBotClient.SendMessage"));

    [Fact]
    public Task Answering_a_channel_post_in_its_chat_speaks_to_the_channel()
        => PathVerifier.VerifyAsync(Usings + """
            class ChannelEcho : IUpdateHandler
            {
                public async Task {|#0:HandleUpdateAsync|}(ITelegramBotClient bot, Update update, CancellationToken ct)
                {
                    if (update.Message is { } message)
                    {
                        await bot.SendMessage(message.Chat, "Thanks for writing.");
                    }

                    if (update.ChannelPost is { } post)
                    {
                        await bot.SendMessage(post.Chat.Id, "Subscribe for more!", cancellationToken: ct);
                    }
                }

                public Task HandleErrorAsync(ITelegramBotClient bot, Exception exception, HandleErrorSource source, CancellationToken ct) => Task.CompletedTask;
            }

            class EditedEcho : IUpdateHandler
            {
                public async Task {|#1:HandleUpdateAsync|}(ITelegramBotClient bot, Update update, CancellationToken ct)
                {
                    var edited = update.EditedChannelPost;
                    if (edited is not null)
                    {
                        await bot.SendMessage(edited.Chat, "Edited: " + edited.Text);
                    }
                }

                public Task HandleErrorAsync(ITelegramBotClient bot, Exception exception, HandleErrorSource source, CancellationToken ct) => Task.CompletedTask;
            }
            """,
            [PathVerifier.Telegram],
            Reply(0, "ChannelEcho.HandleUpdateAsync (a Telegram update handler)", "ChannelEcho.HandleUpdateAsync → ITelegramBotClient.SendMessage"),
            Reply(1, "EditedEcho.HandleUpdateAsync (a Telegram update handler)", "EditedEcho.HandleUpdateAsync → ITelegramBotClient.SendMessage"));

    [Fact]
    public Task A_chat_or_user_matched_out_of_the_incoming_message_is_still_the_requesters()
        => PathVerifier.VerifyAsync(Usings + """
            class PatternReplies : IUpdateHandler
            {
                public async Task HandleUpdateAsync(ITelegramBotClient bot, Update update, CancellationToken ct)
                {
                    if (update.Message is { Chat: var chat })
                    {
                        await bot.SendMessage(chat, "hi", cancellationToken: ct);
                    }

                    if (update.Message?.From is { } from)
                    {
                        await bot.SendMessage(from.Id, "Let's talk here.", cancellationToken: ct);
                    }

                    if (update.CallbackQuery is { Message.Chat.Id: var id })
                    {
                        await bot.SendMessage(id, "Noted.", cancellationToken: ct);
                    }

                    switch (update)
                    {
                        case { Message: { Chat: { } inChat } }:
                            await bot.SendMessage(inChat, "Got it.", cancellationToken: ct);
                            break;
                    }
                }

                public Task HandleErrorAsync(ITelegramBotClient bot, Exception exception, HandleErrorSource source, CancellationToken ct) => Task.CompletedTask;
            }

            class ChannelPattern : IUpdateHandler
            {
                public async Task {|#0:HandleUpdateAsync|}(ITelegramBotClient bot, Update update, CancellationToken ct)
                {
                    // Matched out of a channel's own post: its subscribers read it.
                    if (update.ChannelPost is { Chat: var channel })
                    {
                        await bot.SendMessage(channel, "Subscribe for more!", cancellationToken: ct);
                    }
                }

                public Task HandleErrorAsync(ITelegramBotClient bot, Exception exception, HandleErrorSource source, CancellationToken ct) => Task.CompletedTask;
            }
            """,
            [PathVerifier.Telegram],
            Reply(0, "ChannelPattern.HandleUpdateAsync (a Telegram update handler)", "ChannelPattern.HandleUpdateAsync → ITelegramBotClient.SendMessage"));

    [Fact]
    public Task A_reply_through_a_business_connection_speaks_as_the_person_not_as_a_bot()
        => PathVerifier.VerifyAsync(Usings + """
            class AwayReply : IUpdateHandler
            {
                public async Task {|#0:HandleUpdateAsync|}(ITelegramBotClient bot, Update update, CancellationToken ct)
                {
                    if (update.BusinessMessage is { } msg)
                    {
                        await bot.SendMessage(msg.Chat, "Hi! I'm away until Monday — Anna", businessConnectionId: msg.BusinessConnectionId, cancellationToken: ct);
                    }
                }

                public Task HandleErrorAsync(ITelegramBotClient bot, Exception exception, HandleErrorSource source, CancellationToken ct) => Task.CompletedTask;
            }

            class BotReply : IUpdateHandler
            {
                public async Task HandleUpdateAsync(ITelegramBotClient bot, Update update, CancellationToken ct)
                {
                    if (update.Message is { } msg)
                    {
                        await bot.SendMessage(msg.Chat, "I'm a bot.", businessConnectionId: null, cancellationToken: ct);
                    }
                }

                public Task HandleErrorAsync(ITelegramBotClient bot, Exception exception, HandleErrorSource source, CancellationToken ct) => Task.CompletedTask;
            }
            """,
            [PathVerifier.Telegram],
            Reply(0, "AwayReply.HandleUpdateAsync (a Telegram update handler)", "AwayReply.HandleUpdateAsync → ITelegramBotClient.SendMessage"));

    private const string DiscordReplies = """
        using System.Threading.Tasks;
        using Discord;

        class Replies
        {
            Task Reply(IUserMessage incoming) => incoming.ReplyAsync("Hi!");
            Task SameChannel(IUserMessage incoming) => incoming.Channel.SendMessageAsync("Hi!");
            Task Interaction(IDiscordInteraction interaction) => interaction.RespondAsync("Done.");
            Task Elsewhere(IUserMessage incoming, IMessageChannel news) => {|PRES001:news.SendMessageAsync(incoming.Content)|};
        }
        """;

    [Fact]
    public Task A_discord_bot_answering_in_the_same_channel_is_not_reported_by_default()
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test { TestCode = DiscordReplies };
        test.TestState.AdditionalReferences.AddRange(CatalogUsage.Load(System.IO.Path.Combine(CatalogUsage.Folder, "Usage", "DiscordNet.cs")).References);
        return test.RunAsync();
    }

    [Fact]
    public Task Discord_bot_replies_are_reported_under_the_switch()
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test
        {
            TestCode = DiscordReplies
                .Replace("=> incoming.ReplyAsync(\"Hi!\")", "=> {|PRES001:incoming.ReplyAsync(\"Hi!\")|}")
                .Replace("=> incoming.Channel.SendMessageAsync(\"Hi!\")", "=> {|PRES001:incoming.Channel.SendMessageAsync(\"Hi!\")|}")
                .Replace("=> interaction.RespondAsync(\"Done.\")", "=> {|PRES001:interaction.RespondAsync(\"Done.\")|}"),
        };
        test.TestState.AdditionalReferences.AddRange(CatalogUsage.Load(System.IO.Path.Combine(CatalogUsage.Folder, "Usage", "DiscordNet.cs")).References);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\npresence_report_bot_replies = true\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task A_misspelled_bot_reply_switch_is_reported()
    {
        var test = new AnalyzerVerifier<EnforcementConfigurationAnalyzer>.Test { TestCode = "class C { }" };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\npresence_report_bot_replies = yes\n"));
        test.ExpectedDiagnostics.Add(AnalyzerVerifier<EnforcementConfigurationAnalyzer>.Diagnostic(PresenceDiagnostics.InvalidEnforcementSetting)
            .WithArguments("presence_report_bot_replies", "yes", "true or false", "the value is ignored"));
        return test.RunAsync();
    }
}
