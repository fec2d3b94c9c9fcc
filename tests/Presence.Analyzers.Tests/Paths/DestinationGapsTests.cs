using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Catalog;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// Where a send goes, decided where the code says so: an [InternalAudience] destination passed through a helper is
/// judged for each call of the helper, as a URL passed to a shared <c>Send(url, …)</c> helper is; a URL chosen by a
/// conditional or a switch expression, or put together by a <c>UriBuilder</c>, is read like any other; the recipients a
/// MimeKit message is created with are the send's recipients; a route whose words read as the app's own page
/// (/notifications/settings/announce) is no webhook.
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

    private const string HttpUsings = """
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
          "Discord": { "WebhookUrl": "https://discord.com/api/webhooks/42/token" },
          "Metrics": { "Ingest": "https://metrics.acme.internal/ingest" }
        }
        """;

    private static Task CheckHttp(string code, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test { TestCode = HttpUsings + code };
        test.TestState.AdditionalReferences.AddRange(ConfiguredUrlTests.Configuration);
        test.TestState.AdditionalReferences.AddRange(PathVerifier.Hosting.Where(r => !ConfiguredUrlTests.Configuration.Contains(r)));
        test.TestState.AdditionalFiles.Add(("/src/appsettings.json", Settings));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult Unconfirmed(int location, string api, string request, string member)
        => PathVerifier.Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithLocation(location)
            .WithArguments("Posts to " + request.Split(' ')[0] + " through '" + api + "' (" + request.Substring(request.IndexOf(' ') + 1) + ")", member);

    [Fact]
    public Task Urls_chosen_by_a_conditional_or_a_switch_expression_publish_when_one_of_them_is_a_publish_endpoint()
        => CheckHttp("""
            public enum Stage { Beta, Live, Off }

            public sealed class Announcer(HttpClient http, bool beta, Stage stage)
            {
                public Task Ternary(string text)
                {
                    var url = beta ? "https://discord.com/api/webhooks/1/a" : "https://discord.com/api/webhooks/2/b";
                    return {|#0:http.PostAsJsonAsync(url, new { content = text })|};
                }

                // One branch a publish endpoint, the other the team's relay: a publish, named by the endpoint.
                public Task Mixed(string text)
                    => {|#1:http.PostAsJsonAsync(beta ? "https://relay.acme.internal/discord" : "https://discord.com/api/webhooks/2/b", new { content = text })|};

                public Task Switch(string text)
                {
                    var url = stage switch
                    {
                        Stage.Beta => "https://relay.acme.internal/beta",
                        Stage.Live => "https://discord.com/api/webhooks/3/c",
                        _ => "https://relay.acme.internal/off",
                    };
                    return {|#2:http.PostAsJsonAsync(url, new { content = text })|};
                }
            }
            """,
            Unconfirmed(0, "HttpClient.PostAsJsonAsync", "Discord POST https://discord.com/api/webhooks/1/…", "Ternary"),
            Unconfirmed(1, "HttpClient.PostAsJsonAsync", "Discord POST https://discord.com/api/webhooks/2/…", "Mixed"),
            Unconfirmed(2, "HttpClient.PostAsJsonAsync", "Discord POST https://discord.com/api/webhooks/3/…", "Switch"));

    [Fact]
    public Task Urls_a_uri_builder_puts_together_are_read_from_its_parts()
        => CheckHttp("""
            public sealed class Announcer(HttpClient http, IConfiguration config)
            {
                public Task FromParts(string text)
                    => {|#0:http.PostAsJsonAsync(new UriBuilder("https", "hooks.slack.com") { Path = "/services/T/B/X" }.Uri, new { text })|};

                public Task FromUrl(string text)
                    => {|#1:http.PostAsJsonAsync(new UriBuilder("https://hooks.slack.com/services/T1/B1/Y").Uri, new { text })|};

                public Task FromSettings(string text)
                {
                    var builder = new UriBuilder(config["Discord:WebhookUrl"]!) { Query = "wait=true" };
                    return {|#2:http.PostAsJsonAsync(builder.Uri, new { content = text })|};
                }

                public Task HostReplaced(string text)
                    => {|#3:http.PostAsJsonAsync(new UriBuilder("https://relay.acme.internal/services/T/B/Z") { Host = "hooks.slack.com" }.ToString(), new { text })|};
            }
            """,
            Unconfirmed(0, "HttpClient.PostAsJsonAsync", "Slack POST https://hooks.slack.com/services/…", "FromParts"),
            Unconfirmed(1, "HttpClient.PostAsJsonAsync", "Slack POST https://hooks.slack.com/services/…", "FromUrl"),
            Unconfirmed(2, "HttpClient.PostAsJsonAsync", "Discord POST to the URL from configuration 'Discord:WebhookUrl' (appsettings.json: discord.com)", "FromSettings"),
            Unconfirmed(3, "HttpClient.PostAsJsonAsync", "Slack POST https://hooks.slack.com/services/…", "HostReplaced"));

    // Look-alikes, from a timer (where a URL left unresolved would be reported for information): each value of the
    // conditional or switch is an internal URL, the builder goes to an internal host.
    [Fact]
    public Task Internal_urls_chosen_by_a_conditional_a_switch_or_a_uri_builder_are_no_sends_to_report()
        => CheckHttp("""
            public sealed class Metrics(HttpClient http, IConfiguration config, bool beta, int shard) : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken ct)
                {
                    while (!ct.IsCancellationRequested)
                    {
                        await http.PostAsJsonAsync(beta ? "https://metrics.acme.internal/beta" : config["Metrics:Ingest"], new { text = "tick" }, ct);
                        var url = shard switch { 0 => "https://metrics-0.acme.internal/ingest", _ => "https://metrics-1.acme.internal/ingest" };
                        await http.PostAsJsonAsync(url, new { text = "tick" }, ct);
                        await http.PostAsJsonAsync(new UriBuilder("https", "metrics.acme.internal") { Path = "/services/T/B/X" }.Uri, new { text = "tick" }, ct);
                        var relay = new UriBuilder("https://hooks.slack.com/services/T/B/X") { Host = "relay.acme.internal" };
                        await http.PostAsJsonAsync(relay.Uri, new { text = "tick" }, ct);
                        await Task.Delay(TimeSpan.FromMinutes(1), ct);
                    }
                }
            }
            """);

    private const string MailUsings = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using MailKit.Net.Smtp;
        using Microsoft.AspNetCore.Builder;
        using MimeKit;

        """;

    private static Task CheckMail(string code, params DiagnosticResult[] expected)
        => PathVerifier.VerifyAsync(
            MailUsings + code,
            [.. PathVerifier.AspNetCore, .. PathVerifier.Hosting.Where(r => !PathVerifier.AspNetCore.Contains(r)),
             MetadataReference.CreateFromFile(typeof(MailKit.Net.Smtp.SmtpClient).Assembly.Location),
             MetadataReference.CreateFromFile(typeof(MimeKit.MimeMessage).Assembly.Location)],
            "presence_email_and_sms = true",
            expected);

    [Fact]
    public Task A_mime_message_created_for_the_requester_is_a_reply_and_one_for_a_list_is_a_broadcast()
        => CheckMail("""
            public sealed record ForgotPassword(string Email);
            public sealed record Announcement(string Text);
            public sealed class ListOptions { public string Address { get; set; } = ""; }

            public static class Api
            {
                public static void Map(WebApplication app, IReadOnlyList<string> subscribers, ListOptions list)
                {
                    app.MapPost("/account/forgot-password", async (ForgotPassword form) =>
                    {
                        using var smtp = new SmtpClient();
                        var msg = new MimeMessage(new[] { new MailboxAddress("Acme", "noreply@acme.io") }, new[] { MailboxAddress.Parse(form.Email) },
                            "Reset your password", new TextPart("plain") { Text = "https://acme.io/reset?t=…" });
                        await smtp.SendAsync(msg);
                    });

                    app.MapPost("/account/confirm", async (ForgotPassword form) =>
                    {
                        using var smtp = new SmtpClient();
                        await smtp.SendAsync(new MimeMessage(new InternetAddress[] { new MailboxAddress("Acme", "noreply@acme.io") }, [new MailboxAddress("You", form.Email)],
                            "Confirm your address", new TextPart("plain") { Text = "…" }));
                    });

                    // Look-alikes: the subscribers, the list's configured address, the requester with the list in copy.
                    app.MapPost("/announce", async (Announcement a) {|#0:=>|}
                    {
                        using var smtp = new SmtpClient();
                        var to = new List<InternetAddress>();
                        foreach (var s in subscribers) to.Add(MailboxAddress.Parse(s));
                        await smtp.SendAsync(new MimeMessage(new[] { new MailboxAddress("Acme", "news@acme.io") }, to, "News", new TextPart("plain") { Text = a.Text }));
                    });

                    app.MapPost("/announce-list", async (Announcement a) {|#1:=>|}
                    {
                        using var smtp = new SmtpClient();
                        var msg = new MimeMessage(new[] { new MailboxAddress("Acme", "news@acme.io") }, new[] { MailboxAddress.Parse(list.Address) }, "News", new TextPart("plain") { Text = a.Text });
                        await smtp.SendAsync(msg);
                    });

                    app.MapPost("/account/share", async (ForgotPassword form) {|#2:=>|}
                    {
                        using var smtp = new SmtpClient();
                        var msg = new MimeMessage(new[] { new MailboxAddress("Acme", "noreply@acme.io") }, new[] { MailboxAddress.Parse(form.Email) }, "Hi", new TextPart("plain") { Text = "…" });
                        msg.Bcc.Add(MailboxAddress.Parse(list.Address));
                        await smtp.SendAsync(msg);
                    });
                }
            }
            """,
            PathVerifier.AnyCaller(0, "the anonymous endpoint POST /announce in Api.Map", "anonymous endpoint POST /announce → MailTransport.SendAsync"),
            PathVerifier.AnyCaller(1, "the anonymous endpoint POST /announce-list in Api.Map", "anonymous endpoint POST /announce-list → MailTransport.SendAsync"),
            PathVerifier.AnyCaller(2, "the anonymous endpoint POST /account/share in Api.Map", "anonymous endpoint POST /account/share → MailTransport.SendAsync"));

    private const string Routes = """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        using Presence;

        [PublishesContent("Mastodon")]
        public interface IMastodonPublisher { Task PublishStatus(string text); }

        public class Poster(IMastodonPublisher mastodon)
        {
            public Task Post(string text) => {|PRES001:mastodon.PublishStatus(text)|};
        }

        public record Update(string Text);

        public static class App
        {
            public static void Configure(IServiceCollection services)
                => services.AddAuthorization(options => options.FallbackPolicy = options.DefaultPolicy);

            public static void Map(WebApplication app)
            {
                // The app's own pages, for the signed-in editors the fallback policy lets in.
                app.MapPost("/notifications/settings/announce", (string text, Poster poster) => poster.Post(text));
                app.MapPost("/notify-followers", (string text, Poster poster) => poster.Post(text));
                app.MapPost("/inbound-leads/{id}/thank", (int id, string text, Poster poster) => poster.Post(text));
                app.MapPost("/notifications/{id}/announce", (int id, string text, Poster poster) => poster.Post(text));

                // Machine senders.
                app.MapPost("/inbound/email", (string text, Poster poster) {|#0:=>|} poster.Post(text));
                app.MapPost("/api/notifications", (string text, Poster poster) {|#1:=>|} poster.Post(text));
                app.MapPost("/notify-slack", (string text, Poster poster) {|#2:=>|} poster.Post(text));
                app.MapPost("/hooks/leads/{id}/thank", (int id, string text, Poster poster) {|#3:=>|} poster.Post(text));
                app.MapPost("/sms/incoming-sms", (string text, Poster poster) {|#4:=>|} poster.Post(text));
                app.MapPost("/telegram/update", (Update update, Poster poster) {|#5:=>|} poster.Post(update.Text));
            }
        }
        """;

    [Fact]
    public Task Notify_notifications_and_inbound_in_a_route_that_reads_as_a_page_make_no_webhook()
    {
        const string path = " → Poster.Post → IMastodonPublisher.PublishStatus";
        return PathVerifier.VerifyAsync(Routes, PathVerifier.AspNetCore,
            PathVerifier.Reply(0, "the webhook POST /inbound/email in App.Map", "webhook POST /inbound/email" + path),
            PathVerifier.Reply(1, "the webhook POST /api/notifications in App.Map", "webhook POST /api/notifications" + path),
            PathVerifier.Reply(2, "the webhook POST /notify-slack in App.Map", "webhook POST /notify-slack" + path),
            PathVerifier.Reply(3, "the webhook POST /hooks/leads/{id}/thank in App.Map", "webhook POST /hooks/leads/{id}/thank" + path),
            PathVerifier.Reply(4, "the webhook POST /sms/incoming-sms in App.Map", "webhook POST /sms/incoming-sms" + path),
            PathVerifier.Reply(5, "the webhook POST /telegram/update in App.Map", "webhook POST /telegram/update" + path));
    }
}
