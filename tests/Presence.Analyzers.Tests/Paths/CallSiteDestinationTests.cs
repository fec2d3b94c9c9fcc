using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Catalog;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A helper whose destination is its parameter (<c>Send(string url, …)</c>, <c>Reply(long chatId, …)</c>) publishes,
/// and to whom, by what each call passes: only the paths through a call that passes a publish destination are
/// publish paths (PRES002/PRES003), while PRES001 stays at the helper's send.
/// </summary>
public class CallSiteDestinationTests
{
    private const string Usings = """
        using System;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.Hosting;

        """;

    private const string Settings = """
        {
          "Slack": { "Community": "https://hooks.slack.com/services/T0001/B0001/SECRETTOKEN" },
          "Metrics": { "Ingest": "https://metrics.acme.internal/ingest" },
          "Ci": { "WebhookUrl": "https://ci.acme.internal/generic-webhook-trigger/invoke" }
        }
        """;

    private static Task Check(string code, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test { TestCode = Usings + code };
        test.TestState.AdditionalReferences.AddRange(ConfiguredUrlTests.Configuration);
        test.TestState.AdditionalReferences.AddRange(PathVerifier.Hosting.Where(r => !ConfiguredUrlTests.Configuration.Contains(r)));
        test.TestState.AdditionalFiles.Add(("/src/appsettings.json", Settings));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult Unconfirmed(int location, string request, string member, string api = "HttpClient.PostAsJsonAsync", string platform = "Slack")
        => PathVerifier.Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithLocation(location)
            .WithArguments("Posts to " + platform + " through '" + api + "' (" + request + ")", member);

    [Fact]
    public Task A_timer_that_reaches_the_helper_only_with_an_internal_url_does_not_publish()
        => Check("""
            sealed class Hooks(HttpClient http)
            {
                public Task Announce(string text) => Send("https://hooks.slack.com/services/T1/B1/x", new { text });
                public Task PushMetric(int v) => Send("https://metrics.acme.internal/ingest", new { v });
                private Task Send(string url, object body) => {|#0:http.PostAsJsonAsync(url, body)|};
            }

            sealed class MetricsTimer(Hooks hooks)
            {
                public void Start() => _ = new Timer(_ => hooks.PushMetric(42).Wait(), null, 0, 60_000);
            }

            sealed class AnnounceTimer(Hooks hooks)
            {
                public void Start() => _ = new Timer(_ {|#1:=>|} hooks.Announce("hi").Wait(), null, 0, 60_000);
            }
            """,
            Unconfirmed(0, "POST https://hooks.slack.com/services/…", "Send"),
            PathVerifier.Unattended(1, "the timer callback in AnnounceTimer.Start", "timer callback → Hooks.Announce → Hooks.Send → HttpClient.PostAsJsonAsync (POST https://hooks.slack.com/services/…)"));

    [Fact]
    public Task Two_levels_of_helpers_a_url_built_from_the_parameter_and_a_uri_parameter_are_decided_per_call()
        => Check("""
            sealed class Notifier(HttpClient http, IConfiguration config)
            {
                public Task Announce(string text) => Forward(config["Slack:Community"]!, new { text });
                public Task Push(int v) => Forward(config["Metrics:Ingest"]!, new { v });
                private Task Forward(string url, object body) => Send(url, body);
                private Task Send(string url, object body) => {|#0:http.PostAsJsonAsync(url, body)|};
            }

            sealed class Hooks(HttpClient http)
            {
                public Task Team(string text) => PostTo("https://hooks.slack.com", text);
                public Task Items(string text) => PostTo("https://api.example.com", text);
                private Task PostTo(string host, string text) => {|#1:http.PostAsJsonAsync($"{host}/services/T1/B1/x", new { text })|};
            }

            sealed class UriHooks(HttpClient http)
            {
                public Task Team(string text) => Post(new Uri("https://hooks.slack.com/services/T1/B1/x"), text);
                public Task Items(string text) => Post(new Uri("https://api.example.com/items"), text);
                private Task Post(Uri target, string text) => {|#2:http.PostAsync(target, new StringContent(text))|};
            }

            // Internal traffic only, through every helper.
            sealed class MetricsWorker(Notifier notifier, Hooks hooks, UriHooks uris) : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken ct)
                {
                    await notifier.Push(1);
                    await hooks.Items("x");
                    await uris.Items("x");
                }
            }

            // The internal call first, then the one that publishes: the second path is still found.
            sealed class DigestWorker(Notifier notifier) : BackgroundService
            {
                protected override async Task {|#3:ExecuteAsync|}(CancellationToken ct)
                {
                    await notifier.Push(1);
                    await notifier.Announce("digest");
                }
            }

            sealed class TeamWorker(Hooks hooks) : BackgroundService
            {
                protected override Task {|#4:ExecuteAsync|}(CancellationToken ct) => hooks.Team("x");
            }

            sealed class UriWorker(UriHooks hooks) : BackgroundService
            {
                protected override Task {|#5:ExecuteAsync|}(CancellationToken ct) => hooks.Team("x");
            }
            """,
            Unconfirmed(0, "POST to the URL from configuration 'Slack:Community' (appsettings.json: hooks.slack.com)", "Send"),
            Unconfirmed(1, "POST https://hooks.slack.com/services/…", "PostTo"),
            Unconfirmed(2, "POST https://hooks.slack.com/services/…", "Post", api: "HttpClient.PostAsync"),
            PathVerifier.Unattended(3, "DigestWorker.ExecuteAsync (a hosted service)", "DigestWorker.ExecuteAsync → Notifier.Announce → Notifier.Forward → Notifier.Send → HttpClient.PostAsJsonAsync (POST to the URL from configuration 'Slack:Community' (appsettings.json: hooks.slack.com))"),
            PathVerifier.Unattended(4, "TeamWorker.ExecuteAsync (a hosted service)", "TeamWorker.ExecuteAsync → Hooks.Team → Hooks.PostTo → HttpClient.PostAsJsonAsync (POST https://hooks.slack.com/services/…)"),
            PathVerifier.Unattended(5, "UriWorker.ExecuteAsync (a hosted service)", "UriWorker.ExecuteAsync → UriHooks.Team → UriHooks.Post → HttpClient.PostAsync (POST https://hooks.slack.com/services/…)"));

    [Fact]
    public Task A_shared_sender_given_configured_urls_publishes_only_for_the_caller_whose_setting_is_a_webhook()
        => Check("""
            public sealed class WebhookSender(HttpClient http)
            {
                public async Task SendAsync(string url, object payload, CancellationToken ct)
                {
                    using var response = await {|#0:http.PostAsJsonAsync(url, payload, ct)|};
                    if (!response.IsSuccessStatusCode) Console.WriteLine(new Uri(url).Host);
                }
            }

            public sealed class Community(WebhookSender sender, IConfiguration config)
            {
                public Task AnnounceAsync(string text, CancellationToken ct) => sender.SendAsync(config["Slack:Community"]!, new { text }, ct);
            }

            public sealed class Telemetry(WebhookSender sender, IConfiguration config)
            {
                public Task PushAsync(string metric, double value, CancellationToken ct) => sender.SendAsync(config["Metrics:Ingest"]!, new { metric, value }, ct);
                public Task TriggerCiAsync(CancellationToken ct) => sender.SendAsync(config["Ci:WebhookUrl"]!, new { token = "nightly" }, ct);
            }

            public sealed class MetricsWorker(Telemetry telemetry) : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken ct)
                {
                    var n = 0;
                    while (!ct.IsCancellationRequested)
                    {
                        await telemetry.PushAsync("queue.depth", 1, ct);
                        if (++n % 1440 == 0) await telemetry.TriggerCiAsync(ct);
                        await Task.Delay(TimeSpan.FromMinutes(1), ct);
                    }
                }
            }

            public sealed class CommunityDigest(Community community) : BackgroundService
            {
                protected override Task {|#1:ExecuteAsync|}(CancellationToken ct) => community.AnnounceAsync("digest", ct);
            }
            """,
            Unconfirmed(0, "POST to the URL from configuration 'Slack:Community' (appsettings.json: hooks.slack.com)", "SendAsync"),
            PathVerifier.Unattended(1, "CommunityDigest.ExecuteAsync (a hosted service)", "CommunityDigest.ExecuteAsync → Community.AnnounceAsync → WebhookSender.SendAsync → HttpClient.PostAsJsonAsync (POST to the URL from configuration 'Slack:Community' (appsettings.json: hooks.slack.com))"));

    [Fact]
    public Task A_call_that_passes_a_url_nobody_can_resolve_is_an_unresolved_send_on_its_path()
        => Check("""
            public sealed class Hooks(HttpClient http)
            {
                public Task Announce(string text) => Post("https://hooks.slack.com/services/T1/B1/x", text);
                public Task Forward(string target, string text) => Post(target, text);
                private Task Post(string url, string text) => {|#0:http.PostAsync(url, new StringContent(text))|};
            }

            public sealed class Relay(Hooks hooks) : BackgroundService
            {
                protected override Task ExecuteAsync(CancellationToken ct) => hooks.Forward(Console.ReadLine()!, "x");
            }
            """,
            Unconfirmed(0, "POST https://hooks.slack.com/services/…", "Post", api: "HttpClient.PostAsync"),
            PathVerifier.Diagnostic(PresenceDiagnostics.UnresolvedSend).WithLocation(0).WithArguments("Sends through 'HttpClient.PostAsync' (POST to a URL computed at run time)", "Relay.ExecuteAsync → Hooks.Forward → Hooks.Post → HttpClient.PostAsync")
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    private const string TelegramUsings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Hosting;
        using Telegram.Bot;
        using Telegram.Bot.Polling;
        using Telegram.Bot.Types;
        using Telegram.Bot.Types.Enums;

        """;

    private static Task CheckBot(string code, params DiagnosticResult[] expected)
        => PathVerifier.VerifyAsync(TelegramUsings + code, [PathVerifier.Telegram, .. PathVerifier.Hosting], expected);

    [Fact]
    public Task Reply_helpers_called_with_the_requesters_chat_are_replies_whatever_type_they_take()
        => CheckBot("""
            sealed class Replies(ITelegramBotClient bot) : IUpdateHandler
            {
                public async Task HandleUpdateAsync(ITelegramBotClient client, Update update, CancellationToken ct)
                {
                    if (update.Message is { } msg)
                    {
                        await Reply(msg.Chat.Id, "hello");
                        await SayChat(client, msg.Chat, "hello", ct);
                        await SayChatId(client, msg.Chat, "hello", ct);
                        await Relay(msg.Chat.Id, "hello");
                    }
                }

                private Task Reply(long chatId, string text) => bot.SendMessage(chatId, text);
                private static Task SayChat(ITelegramBotClient bot, Chat chat, string text, CancellationToken ct) => bot.SendMessage(chat, text, cancellationToken: ct);
                private static Task SayChatId(ITelegramBotClient bot, ChatId chat, string text, CancellationToken ct) => bot.SendMessage(chat, text, cancellationToken: ct);
                // Two helpers deep.
                private Task Relay(long chatId, string text) => Reply(chatId, "> " + text);
                public Task HandleErrorAsync(ITelegramBotClient b, Exception e, HandleErrorSource s, CancellationToken ct) => Task.CompletedTask;
            }
            """);

    [Fact]
    public Task A_reply_helper_also_called_with_a_channel_from_a_timer_is_a_broadcast_on_that_path_only()
        => CheckBot("""
            public sealed class Bulletin(ITelegramBotClient bot) : IUpdateHandler
            {
                public async Task HandleUpdateAsync(ITelegramBotClient client, Update update, CancellationToken ct)
                {
                    if (update.Message is { } msg) await Send(msg.Chat.Id, "Subscribed.");
                }

                public Task Send(ChatId chat, string text) => {|PRES001:bot.SendMessage(chat, text)|};
                public Task HandleErrorAsync(ITelegramBotClient b, Exception e, HandleErrorSource s, CancellationToken ct) => Task.CompletedTask;
            }

            public sealed class Settings { public long NewsChannelId { get; set; } }

            public sealed class Morning(Bulletin bulletin) : BackgroundService
            {
                protected override Task {|#0:ExecuteAsync|}(CancellationToken ct) => bulletin.Send("@acme_news", "Good morning");
            }

            public sealed class Evening(Bulletin bulletin, Settings settings) : BackgroundService
            {
                protected override Task {|#1:ExecuteAsync|}(CancellationToken ct) => bulletin.Send(settings.NewsChannelId, "Good night");
            }
            """,
            PathVerifier.Unattended(0, "Morning.ExecuteAsync (a hosted service)", "Morning.ExecuteAsync → Bulletin.Send → ITelegramBotClient.SendMessage"),
            PathVerifier.Unattended(1, "Evening.ExecuteAsync (a hosted service)", "Evening.ExecuteAsync → Bulletin.Send → ITelegramBotClient.SendMessage"));

    [Fact]
    public Task A_message_parameter_is_a_channel_where_its_callers_pass_a_channel_post_a_sender_chat_or_a_pinned_post()
        => CheckBot("""
            public sealed class ViaHelper(ITelegramBotClient bot) : IUpdateHandler
            {
                public async Task {|#0:HandleUpdateAsync|}(ITelegramBotClient _, Update update, CancellationToken ct)
                {
                    if (update.ChannelPost is { } post) await OnChannelPost(post);
                }
                private Task OnChannelPost(Message post) => {|PRES001:bot.SendMessage(post.Chat, "links", replyParameters: post.Id)|};
                public Task HandleErrorAsync(ITelegramBotClient b, Exception e, HandleErrorSource s, CancellationToken ct) => Task.CompletedTask;
            }

            // Telegram.Bot's example handler: a switch expression hands each kind to its method.
            public sealed class OfficialShape(ITelegramBotClient bot) : IUpdateHandler
            {
                public async Task {|#1:HandleUpdateAsync|}(ITelegramBotClient _, Update update, CancellationToken ct)
                {
                    await (update switch
                    {
                        { Message: { } message } => OnMessage(message),
                        { ChannelPost: { } post } => OnChannelPost(post),
                        _ => Task.CompletedTask,
                    });
                }
                private Task OnMessage(Message msg) => bot.SendMessage(msg.Chat, "usage");
                private Task OnChannelPost(Message post) => {|PRES001:bot.SendMessage(post.Chat, "links")|};
                public Task HandleErrorAsync(ITelegramBotClient b, Exception e, HandleErrorSource s, CancellationToken ct) => Task.CompletedTask;
            }

            public sealed class SenderChatEcho : IUpdateHandler
            {
                public async Task {|#2:HandleUpdateAsync|}(ITelegramBotClient bot, Update update, CancellationToken ct)
                {
                    if (update.Message is { SenderChat: { Type: ChatType.Channel } } msg)
                        await bot.SendMessage(msg.SenderChat, "Thanks for posting!", cancellationToken: ct);
                }
                public Task HandleErrorAsync(ITelegramBotClient b, Exception e, HandleErrorSource s, CancellationToken ct) => Task.CompletedTask;
            }

            public sealed class PinnedScore(ITelegramBotClient bot) : BackgroundService
            {
                protected override async Task {|#3:ExecuteAsync|}(CancellationToken ct)
                {
                    var pinned = (await bot.GetChat("@acme_live", ct)).PinnedMessage!;
                    await bot.EditMessageText(pinned.Chat, pinned.Id, "Acme 1 – 0 Rivals", cancellationToken: ct);
                }
            }

            // Look-alikes: the requester's own message, and a pinned message of the chat that wrote.
            public sealed class Plain(ITelegramBotClient bot) : IUpdateHandler
            {
                public async Task HandleUpdateAsync(ITelegramBotClient _, Update update, CancellationToken ct)
                {
                    if (update.Message is { } msg)
                    {
                        await Answer(msg);
                        if (msg.PinnedMessage is { } pin) await bot.SendMessage(pin.Chat, "Pinned.");
                        await bot.SendMessage(msg.Chat, "Hi", replyParameters: msg.Id);
                    }
                }
                private Task Answer(Message to) => bot.SendMessage(to.Chat, "ok", replyParameters: to.Id);
                public Task HandleErrorAsync(ITelegramBotClient b, Exception e, HandleErrorSource s, CancellationToken ct) => Task.CompletedTask;
            }
            """,
            PathVerifier.Reply(0, "ViaHelper.HandleUpdateAsync (a Telegram update handler)", "ViaHelper.HandleUpdateAsync → ViaHelper.OnChannelPost → ITelegramBotClient.SendMessage"),
            PathVerifier.Reply(1, "OfficialShape.HandleUpdateAsync (a Telegram update handler)", "OfficialShape.HandleUpdateAsync → OfficialShape.OnChannelPost → ITelegramBotClient.SendMessage"),
            PathVerifier.Reply(2, "SenderChatEcho.HandleUpdateAsync (a Telegram update handler)", "SenderChatEcho.HandleUpdateAsync → ITelegramBotClient.SendMessage"),
            PathVerifier.Unattended(3, "PinnedScore.ExecuteAsync (a hosted service)", "PinnedScore.ExecuteAsync → ITelegramBotClient.EditMessageText"));

    private const string MailUsings = """
        using System;
        using System.Collections.Generic;
        using System.Security.Claims;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.Hosting;
        using SendGrid;
        using SendGrid.Helpers.Mail;
        using Twilio.Rest.Api.V2010.Account;
        using Twilio.Types;

        """;

    private static Task CheckMail(string code, params DiagnosticResult[] expected)
        => PathVerifier.VerifyAsync(
            MailUsings + code,
            [.. PathVerifier.AspNetCore, .. PathVerifier.Hosting.Where(r => !PathVerifier.AspNetCore.Contains(r)),
             MetadataReference.CreateFromFile(typeof(SendGrid.ISendGridClient).Assembly.Location),
             MetadataReference.CreateFromFile(typeof(Twilio.Rest.Api.V2010.Account.MessageResource).Assembly.Location),
             MetadataReference.CreateFromFile(typeof(Newtonsoft.Json.JsonConvert).Assembly.Location)],
            "presence_email_and_sms = true",
            expected);

    [Fact]
    public Task A_passcode_or_reset_link_to_the_requester_is_a_reply_and_a_loop_over_subscribers_is_not()
        => CheckMail("""
            public sealed record OtpRequest(string Phone);
            public sealed record ForgotPassword(string Email);
            public sealed record Announcement(string Text);
            public sealed class Subscriber { public string Phone { get; set; } = ""; }

            public static class Api
            {
                public static void Map(WebApplication app, IReadOnlyList<Subscriber> subscribers)
                {
                    app.MapPost("/auth/otp", async (OtpRequest r) =>
                        await MessageResource.CreateAsync(to: new PhoneNumber(r.Phone), from: new PhoneNumber("+15550000"), body: "Your code is 123456"));

                    app.MapPost("/account/forgot-password", async (ForgotPassword r, ISendGridClient mail) =>
                        await mail.SendEmailAsync(MailHelper.CreateSingleEmail(new EmailAddress("no-reply@acme.test"), new EmailAddress(r.Email), "Reset your password", "…", null)));

                    app.MapPost("/account/confirm", async (ClaimsPrincipal user, ISendGridClient mail) =>
                    {
                        var message = MailHelper.CreateSingleEmail(new EmailAddress("no-reply@acme.test"), new EmailAddress(user.FindFirstValue(ClaimTypes.Email)), "Confirm", "…", null);
                        await mail.SendEmailAsync(message);
                    });

                    app.MapPost("/auth/resend", (OtpRequest r) => Codes.Send(r.Phone));

                    // Look-alikes: a broadcast to every subscriber, and a fixed number, from an anonymous endpoint.
                    app.MapPost("/announce", async (Announcement a) {|#1:=>|}
                    {
                        foreach (var s in subscribers)
                            await MessageResource.CreateAsync(to: new PhoneNumber(s.Phone), from: new PhoneNumber("+15550000"), body: a.Text);
                    });

                    app.MapPost("/nudge", async (Announcement a, IReadOnlyList<Subscriber> subs) {|#3:=>|}
                        await MessageResource.CreateAsync(to: new PhoneNumber(subs[0].Phone), from: new PhoneNumber("+15550000"), body: a.Text));

                    app.MapPost("/alert", async (Announcement a) {|#2:=>|}
                        await MessageResource.CreateAsync(to: new PhoneNumber("+15551234"), from: new PhoneNumber("+15550000"), body: a.Text));
                }
            }

            public static class Codes
            {
                public static Task Send(string phone) => MessageResource.CreateAsync(to: new PhoneNumber(phone), from: new PhoneNumber("+15550000"), body: "Your code");
                public static Task Remind(string phone) => {|PRES001:MessageResource.CreateAsync(to: new PhoneNumber(phone), from: new PhoneNumber("+15550000"), body: "Come back")|};
            }

            // The reminder helper, called from the sign-in form and from a nightly loop over subscribers.
            public sealed class Reminders(IReadOnlyList<Subscriber> subscribers) : BackgroundService
            {
                public static void Map(WebApplication app) => app.MapPost("/auth/remind", (OtpRequest r) => Codes.Remind(r.Phone));

                protected override async Task {|#0:ExecuteAsync|}(CancellationToken ct)
                {
                    foreach (var s in subscribers) await Codes.Remind(s.Phone);
                }
            }
            """,
            PathVerifier.Unattended(0, "Reminders.ExecuteAsync (a hosted service)", "Reminders.ExecuteAsync → Codes.Remind → MessageResource.CreateAsync"),
            PathVerifier.AnyCaller(1, "the anonymous endpoint POST /announce in Api.Map", "anonymous endpoint POST /announce → MessageResource.CreateAsync"),
            PathVerifier.AnyCaller(2, "the anonymous endpoint POST /alert in Api.Map", "anonymous endpoint POST /alert → MessageResource.CreateAsync"),
            PathVerifier.AnyCaller(3, "the anonymous endpoint POST /nudge in Api.Map", "anonymous endpoint POST /nudge → MessageResource.CreateAsync"));

    // [InternalAudience] on the settings property the helper's every caller reads: the ops chat stays internal through
    // a long chatId helper; a helper one caller also gives a channel is still a broadcast on that path.
    [Fact]
    public Task A_helper_whose_every_caller_passes_an_internal_chat_is_internal()
        => CheckBot("""
            public sealed class OpsOptions { [Presence.InternalAudience("the on-call engineers' private chat")] public long ChatId { get; set; } }

            public static class Replies
            {
                public static Task SendText(ITelegramBotClient bot, long chatId, string text) => bot.SendMessage(chatId, text);
                public static Task Notice(ITelegramBotClient bot, long chatId, string text) => {|PRES001:bot.SendMessage(chatId, text)|};
            }

            public sealed class Health(ITelegramBotClient bot, OpsOptions ops) : BackgroundService
            {
                protected override async Task {|#0:ExecuteAsync|}(CancellationToken ct)
                {
                    using var timer = new PeriodicTimer(TimeSpan.FromMinutes(5));
                    while (await timer.WaitForNextTickAsync(ct))
                    {
                        await Replies.SendText(bot, ops.ChatId, "queue depth 12");
                        await Replies.Notice(bot, ops.ChatId, "db latency 230ms");
                        await Replies.Notice(bot, -100123, "We are back!");
                    }
                }
            }
            """,
            PathVerifier.Unattended(0, "Health.ExecuteAsync (a hosted service)", "Health.ExecuteAsync → Replies.Notice → ITelegramBotClient.SendMessage"));
}
