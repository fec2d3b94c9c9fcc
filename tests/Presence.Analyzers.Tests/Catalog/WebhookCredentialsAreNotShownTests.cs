using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Catalog;

/// <summary>
/// A webhook URL written in code is a credential whatever its token looks like: the catalog marks the parts of a
/// path that are one, and messages (so build logs, SARIF files and the publishing map) show them as '…'.
/// </summary>
public class WebhookCredentialsAreNotShownTests
{
    private static DiagnosticResult Unconfirmed(int location, string describe, string member)
        => AnalyzerVerifier<Presence.Analyzers.Rules.UnconfirmedPublishAnalyzer>.Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithLocation(location).WithArguments(describe, member);

    private static Task Check(string code, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerVerifier<Presence.Analyzers.Rules.UnconfirmedPublishAnalyzer>.Test
        {
            TestCode = """
                using System.Net.Http;
                using System.Threading.Tasks;

                """ + code,
        };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task Short_tokens_in_webhook_paths_are_hidden_on_every_platform()
        => Check("""
            class Hooks(HttpClient http)
            {
                Task SlackHook(HttpContent body) => {|#0:http.PostAsync("https://hooks.slack.com/services/T000/B000/XXXX", body)|};
                Task SlackWorkflow(HttpContent body) => {|#1:http.PostAsync("https://hooks.slack.com/triggers/T01/1234/abcd", body)|};
                Task Discord(HttpContent body) => {|#2:http.PostAsync("https://discord.com/api/webhooks/1/abc", body)|};
                Task DiscordVersioned(HttpContent body) => {|#3:http.PostAsync("https://discord.com/api/v10/webhooks/1/abc?wait=true", body)|};
                Task DiscordEdit(HttpContent body) => {|#4:http.PatchAsync("https://discord.com/api/webhooks/1/abc/messages/5", body)|};
                Task Teams(HttpContent body) => {|#5:http.PostAsync("https://acme.webhook.office.com/webhookb2/a1@b2/IncomingWebhook/c3/d4", body)|};
                Task TeamsLegacy(HttpContent body) => {|#6:http.PostAsync("https://outlook.office.com/webhook/a1@b2/IncomingWebhook/c3/d4", body)|};
                Task Workflows(HttpContent body) => {|#7:http.PostAsync("https://prod-1.westeurope.logic.azure.com/workflows/w1/triggers/manual/paths/invoke?api-version=1&sig=s", body)|};
                Task Telegram(HttpContent body) => {|#8:http.PostAsync("https://api.telegram.org/bot1:x/sendMessage", body)|};
                Task Interpolated(HttpContent body, string team) => {|#9:http.PostAsync($"https://hooks.slack.com/services/{team}/B0/X", body)|};
            }
            """,
            Unconfirmed(0, "Posts to Slack through 'HttpClient.PostAsync' (POST https://hooks.slack.com/services/…)", "SlackHook"),
            Unconfirmed(1, "Posts to Slack through 'HttpClient.PostAsync' (POST https://hooks.slack.com/triggers/…)", "SlackWorkflow"),
            Unconfirmed(2, "Posts to Discord through 'HttpClient.PostAsync' (POST https://discord.com/api/webhooks/1/…)", "Discord"),
            Unconfirmed(3, "Posts to Discord through 'HttpClient.PostAsync' (POST https://discord.com/api/v10/webhooks/1/…?…)", "DiscordVersioned"),
            Unconfirmed(4, "Posts to Discord through 'HttpClient.PatchAsync' (PATCH https://discord.com/api/webhooks/1/…/messages/5)", "DiscordEdit"),
            Unconfirmed(5, "Posts to Teams through 'HttpClient.PostAsync' (POST https://acme.webhook.office.com/webhookb2/…)", "Teams"),
            Unconfirmed(6, "Posts to Teams through 'HttpClient.PostAsync' (POST https://outlook.office.com/webhook/…)", "TeamsLegacy"),
            Unconfirmed(7, "Posts to Teams through 'HttpClient.PostAsync' (POST https://prod-1.westeurope.logic.azure.com/workflows/w1/triggers/manual/paths/invoke?…)", "Workflows"),
            Unconfirmed(8, "Posts to Telegram through 'HttpClient.PostAsync' (POST https://api.telegram.org/bot…/sendMessage)", "Telegram"),
            Unconfirmed(9, "Posts to Slack through 'HttpClient.PostAsync' (POST https://hooks.slack.com/services/…)", "Interpolated"));

    [Fact]
    public Task Paths_that_are_no_credential_are_shown_in_full_and_queries_never()
        => Check("""
            class Api(HttpClient http)
            {
                Task Boost(HttpContent body) => {|#0:http.PostAsync("https://mastodon.social/api/v1/statuses/42/reblog", body)|};
                Task Status(HttpContent body) => {|#1:http.PostAsync("https://mastodon.social/api/v1/statuses", body)|};
                Task Repost(HttpContent body) => {|#2:http.PostAsync("https://api.x.com/2/users/12345/retweets", body)|};
                Task Channel(HttpContent body) => {|#3:http.PostAsync("https://discord.com/api/channels/42/messages", body)|};
                Task Keyed(HttpContent body) => {|#4:http.PostAsync("https://api.x.com/2/tweets?key=k&token=t&code=c", body)|};
            }
            """,
            Unconfirmed(0, "Posts to Mastodon through 'HttpClient.PostAsync' (POST https://mastodon.social/api/v1/statuses/42/reblog)", "Boost"),
            Unconfirmed(1, "Posts to Mastodon through 'HttpClient.PostAsync' (POST https://mastodon.social/api/v1/statuses)", "Status"),
            Unconfirmed(2, "Posts to X through 'HttpClient.PostAsync' (POST https://api.x.com/2/users/12345/retweets)", "Repost"),
            Unconfirmed(3, "Posts to Discord through 'HttpClient.PostAsync' (POST https://discord.com/api/channels/42/messages)", "Channel"),
            Unconfirmed(4, "Posts to X through 'HttpClient.PostAsync' (POST https://api.x.com/2/tweets?…)", "Keyed"));
}
