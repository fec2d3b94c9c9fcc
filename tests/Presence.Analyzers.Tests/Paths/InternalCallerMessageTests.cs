using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Catalog;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A shared helper whose URL its callers pass, called with the team's <c>[InternalAudience]</c> setting and with a
/// public webhook: PRES001 at its send names the public webhook, the URL that makes it a publish.
/// </summary>
public class InternalCallerMessageTests
{
    private const string Settings = """
        { "Ops": { "Webhook": "https://hooks.slack.com/services/T0/B1/XXXX" },
          "Community": { "Webhook": "https://discord.com/api/webhooks/1/YYYY" } }
        """;

    private static Task Check(string code, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test
        {
            TestCode = """
                using System.Net.Http;
                using System.Net.Http.Json;
                using System.Threading.Tasks;
                using Microsoft.Extensions.Configuration;
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.Extensions.Options;
                using Presence;

                public static class Startup
                {
                    public static void Configure(IServiceCollection services, IConfiguration config) => services.Configure<OpsOptions>(config.GetSection("Ops"));
                }

                public sealed class OpsOptions
                {
                    [InternalAudience("the on-call channel")]
                    public string Webhook { get; set; } = "";
                }

                """ + code,
        };
        test.TestState.AdditionalReferences.AddRange(ConfiguredUrlTests.Configuration);
        test.TestState.AdditionalFiles.Add(("/src/appsettings.json", Settings));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task The_message_names_the_public_callers_url_not_the_teams()
        => Check("""
            public sealed class Slack(HttpClient http, IOptions<OpsOptions> ops, IConfiguration config)
            {
                public Task Post(string url, string text) => {|#0:http.PostAsJsonAsync(url, new { text })|};
                public Task Alert(string text) => Post(ops.Value.Webhook, text);
                public Task Share(string text) => Post(config["Community:Webhook"]!, text);
            }
            """,
            AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithLocation(0)
                .WithArguments("Posts to Discord through 'HttpClient.PostAsJsonAsync' (POST to the URL from configuration 'Community:Webhook' (appsettings.json: discord.com))", "Post"));

    [Fact]
    public Task The_paths_follow_each_caller_and_a_helper_whose_other_caller_sends_nowhere_public_does_not_publish()
        => Check("""
            public sealed class Slack(HttpClient http, IOptions<OpsOptions> ops, IConfiguration config)
            {
                public Task Post(string url, string text) => {|#0:http.PostAsJsonAsync(url, new { text })|};
                public Task Alert(string text) => Post(ops.Value.Webhook, text);
                public Task Share(string text) => Post(config["Community:Webhook"]!, text);
            }

            public sealed class Pager(HttpClient http, IOptions<OpsOptions> ops)
            {
                public Task Post(string url, string text) => http.PostAsJsonAsync(url, new { text });
                public Task Alert(string text) => Post(ops.Value.Webhook, text);
                public Task Metric(string text) => Post("https://metrics.acme.internal/ingest", text);
            }

            public sealed class Nightly(Slack slack, Pager pager) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override async Task {|#1:ExecuteAsync|}(System.Threading.CancellationToken ct)
                {
                    await slack.Alert("up");
                    await pager.Alert("up");
                    await pager.Metric("1");
                    await slack.Share("digest");
                }
            }

            // Two public callers: the first one's URL is named, as before.
            public sealed class Hooks(HttpClient http)
            {
                public Task Post(string url, string text) => {|#2:http.PostAsJsonAsync(url, new { text })|};
                public Task One(string text) => Post("https://hooks.slack.com/services/T0/B1/AAAA", text);
                public Task Two(string text) => Post("https://discord.com/api/webhooks/2/BBBB", text);
            }
            """,
            AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithLocation(0)
                .WithArguments("Posts to Discord through 'HttpClient.PostAsJsonAsync' (POST to the URL from configuration 'Community:Webhook' (appsettings.json: discord.com))", "Post"),
            PathVerifier.Unattended(1, "Nightly.ExecuteAsync (a hosted service)",
                "Nightly.ExecuteAsync → Slack.Share → Slack.Post → HttpClient.PostAsJsonAsync (POST to the URL from configuration 'Community:Webhook' (appsettings.json: discord.com))"),
            AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithLocation(2)
                .WithArguments("Posts to Slack through 'HttpClient.PostAsJsonAsync' (POST https://hooks.slack.com/services/…)", "Post"));
}
