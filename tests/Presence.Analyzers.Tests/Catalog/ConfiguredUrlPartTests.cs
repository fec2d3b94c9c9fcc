using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Paths;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Catalog;

/// <summary>
/// A setting read into a URL after it has begun (a UriBuilder's host, a bot token in the path) is a part of that URL:
/// its value is used as it is, and the message names the URL, not the setting.
/// </summary>
public class ConfiguredUrlPartTests
{
    private const string Settings = """
        {
          "Svc": { "Host": "ops.acme.internal", "SlackHost": "hooks.slack.com" },
          "Telegram": { "BotToken": "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ", "SendUrl": "https://api.telegram.org/bot123456:ABC/sendMessage" }
        }
        """;

    private static DiagnosticResult Diagnostic(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, int location)
        => AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Diagnostic(descriptor).WithLocation(location);

    [Fact]
    public Task A_host_read_from_configuration_is_read_like_a_configured_url()
        => ConfiguredUrlTests.Check("""
            sealed class Maint(HttpClient http, IConfiguration config) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken ct)
                {
                    await http.PostAsJsonAsync(new UriBuilder("https", config["Svc:Host"]).Uri, new { });
                    var host = config["Svc:Host"];
                    await http.PostAsJsonAsync(new UriBuilder { Scheme = "https", Host = host, Path = "/x" }.Uri, new { });
                    await http.PostAsJsonAsync("https://" + config["Svc:Host"] + "/ingest", new { });
                    await {|#0:http.PostAsJsonAsync(new UriBuilder("https", config["Svc:Unset"]).Uri, new { })|};
                }
            }

            sealed class Team(HttpClient http, IConfiguration config)
            {
                public Task Post(string text) => {|#1:http.PostAsJsonAsync(new UriBuilder("https", config["Svc:SlackHost"]) { Path = "/services/T0/B0/XYZ" }.Uri, new { text })|};
            }
            """,
            [("/src/appsettings.json", Settings)],
            Diagnostic(PresenceDiagnostics.UnresolvedSend, 0)
                .WithArguments("Sends through 'HttpClient.PostAsJsonAsync' (POST to the URL from configuration 'Svc:Unset' (not set in the settings files))", "Maint.ExecuteAsync → HttpClient.PostAsJsonAsync"),
            Diagnostic(PresenceDiagnostics.UnconfirmedPublish, 1)
                .WithArguments("Posts to Slack through 'HttpClient.PostAsJsonAsync' (POST https://hooks.slack.com/services/…)", "Post"));

    [Fact]
    public Task A_bot_token_in_the_path_is_not_the_url()
        => ConfiguredUrlTests.Check("""
            sealed class TelegramHelper(HttpClient http, IConfiguration config)
            {
                public Task SendAsync(string chatId, string text)
                    => {|#0:http.PostAsJsonAsync($"https://api.telegram.org/bot{config["Telegram:BotToken"]}/sendMessage", new { chat_id = chatId, text })|};

                public Task SendUnset(string chatId, string text)
                    => {|#1:http.PostAsJsonAsync($"https://api.telegram.org/bot{config["Telegram:Missing"]}/sendMessage", new { chat_id = chatId, text })|};

                public Task SendWhole(string chatId, string text)
                    => {|#2:http.PostAsJsonAsync(config["Telegram:SendUrl"], new { chat_id = chatId, text })|};
            }
            """,
            [("/src/appsettings.json", Settings)],
            Diagnostic(PresenceDiagnostics.UnconfirmedPublish, 0)
                .WithArguments("Posts to Telegram through 'HttpClient.PostAsJsonAsync' (POST https://api.telegram.org/bot…/sendMessage)", "SendAsync"),
            Diagnostic(PresenceDiagnostics.UnconfirmedPublish, 1)
                .WithArguments("Posts to Telegram through 'HttpClient.PostAsJsonAsync' (POST https://api.telegram.org/bot…/sendMessage)", "SendUnset"),
            Diagnostic(PresenceDiagnostics.UnconfirmedPublish, 2)
                .WithArguments("Posts to Telegram through 'HttpClient.PostAsJsonAsync' (POST to the URL from configuration 'Telegram:SendUrl' (appsettings.json: api.telegram.org))", "SendWhole"));

    private const string Library = """
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Configuration;

        namespace Bots;

        public sealed class TelegramHelper(HttpClient http, IConfiguration config)
        {
            public Task SendAsync(string chatId, string text)
                => http.PostAsJsonAsync($"https://api.telegram.org/bot{config["Telegram:BotToken"]}/sendMessage", new { chat_id = chatId, text });
        }
        """;

    [Fact]
    public Task Across_projects_the_path_names_the_endpoint_not_the_token()
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test
        {
            TestCode = """
                using System.Threading;
                using System.Threading.Tasks;
                using Bots;

                class NewsJob(TelegramHelper telegram) : Quartz.IJob
                {
                    public async ValueTask {|#0:Execute|}(Quartz.IJobExecutionContext context, CancellationToken cancellationToken) => await telegram.SendAsync("@acme_news", "Today");
                }
                """,
        };
        test.TestState.AdditionalReferences.AddRange([PathVerifier.Quartz4, LibraryBuilder.Build("Bots.Core", Library, ConfiguredUrlTests.Configuration), .. ConfiguredUrlTests.Configuration]);
        test.ExpectedDiagnostics.Add(PathVerifier.Unattended(0, "NewsJob.Execute (a Quartz job)",
            "NewsJob.Execute → TelegramHelper.SendAsync → HttpClient.PostAsJsonAsync (POST https://api.telegram.org/bot…/sendMessage)"));
        return test.RunAsync();
    }
}
