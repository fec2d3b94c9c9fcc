using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Catalog;
using Presence.Analyzers.Tests.Verifiers;
using Xunit;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A library that reads its webhook through <c>IOptions&lt;T&gt;</c> usually references Microsoft.Extensions.Options
/// alone: the binding, and the configuration, are its host's. Its summary must still carry the options property.
/// </summary>
public class OptionsOnlyLibraryTests
{
    private const string Library = """
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Options;

        namespace Acme.Slack;

        public sealed class SlackOptions { public string WebhookUrl { get; set; } = ""; }

        public sealed class SlackNotifier(HttpClient http, IOptions<SlackOptions> options)
        {
            public Task PostAsync(string text) => http.PostAsJsonAsync(options.Value.WebhookUrl, new { text });
        }
        """;

    private static readonly MetadataReference[] OptionsOnly = [TestReferences.FromType<Microsoft.Extensions.Options.IOptions<object>>()];

    [Fact]
    public void The_summary_carries_the_options_property()
    {
        var summary = LibraryBuilder.Summary(LibraryBuilder.Compile("Acme.Slack", Library, withPresence: true, OptionsOnly));
        Assert.Equal(
            "1\nK\tM:Acme.Slack.SlackNotifier.PostAsync(System.String)\t{SlackOptions}:WebhookUrl\tPOST\tSlackNotifier.PostAsync → HttpClient.PostAsJsonAsync\t\t\t\tSlack:text",
            summary);
    }

    [Fact]
    public Task A_host_that_binds_the_options_to_a_webhook_sees_the_library_publish()
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test
        {
            TestCode = """
                using System.Threading;
                using System.Threading.Tasks;
                using Acme.Slack;
                using Microsoft.Extensions.Configuration;
                using Microsoft.Extensions.DependencyInjection;

                static class Startup
                {
                    public static void Configure(IServiceCollection services, IConfiguration config)
                        => services.Configure<SlackOptions>(config.GetSection("Slack"));
                }

                class StandupJob(SlackNotifier slack) : Quartz.IJob
                {
                    public async ValueTask {|#0:Execute|}(Quartz.IJobExecutionContext context, CancellationToken cancellationToken)
                        => await slack.PostAsync("Stand-up in 10 minutes");
                }
                """,
        };
        test.TestState.AdditionalReferences.AddRange([PathVerifier.Quartz4, LibraryBuilder.Build("Acme.Slack", Library, OptionsOnly), .. ConfiguredUrlTests.Configuration]);
        test.TestState.AdditionalFiles.Add(("/src/appsettings.json", """{ "Slack": { "WebhookUrl": "https://hooks.slack.com/services/T1/B1/x" } }"""));
        test.ExpectedDiagnostics.Add(PathVerifier.Unattended(0, "StandupJob.Execute (a Quartz job)",
            "StandupJob.Execute → SlackNotifier.PostAsync → HttpClient.PostAsJsonAsync (POST to the URL from configuration 'Slack:WebhookUrl' (appsettings.json: hooks.slack.com))"));
        return test.RunAsync();
    }
}
