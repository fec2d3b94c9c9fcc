using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Catalog;
using Presence.Analyzers.Tests.Verifiers;
using Xunit;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A library that posts to a URL it reads from configuration, without settings of its own: its summary carries the
/// key, and a host whose appsettings.json gives the key a publish URL sees the publish in its own build.
/// </summary>
public class ConfiguredKeyAcrossProjectsTests
{
    private const string Alerts = """
        using System.Net.Http;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Configuration;
        using Presence;

        namespace Alerts;

        public class SlackNotifier(HttpClient http, IConfiguration config)
        {
            public Task Notify(string text) => Post(new StringContent(text));

            private Task Post(HttpContent body) => http.PostAsync(config["Slack:WebhookUrl"], body);
        }

        public class BackendSync(HttpClient http, IConfiguration config)
        {
            public Task Push(string text) => http.PostAsync(config["Backend:Url"], new StringContent(text));
        }

        public class ReviewedNotifier(HttpClient http, IConfiguration config)
        {
            [AutomatedPresence("The team's own status channel")]
            public Task Status(string text) => http.PostAsync(config["Slack:WebhookUrl"], new StringContent(text));
        }
        """;

    private const string HostSettings = """
        {
          "Slack": { "WebhookUrl": "https://hooks.slack.com/services/T0001/B0001/SECRETTOKEN" },
          "Backend": { "Url": "https://api.example.com/items" }
        }
        """;

    private static readonly MetadataReference AlertsLibrary = LibraryBuilder.Build("Alerts.Core", Alerts, ConfiguredUrlTests.Configuration);

    private const string Job = """
        using System.Threading;
        using System.Threading.Tasks;
        using Alerts;

        class DigestJob(SlackNotifier slack) : Quartz.IJob
        {
            public async ValueTask {|#0:Execute|}(Quartz.IJobExecutionContext context, CancellationToken cancellationToken) => await {|#1:slack.Notify("This week")|};
        }

        class SyncJob(BackendSync backend, ReviewedNotifier reviewed) : Quartz.IJob
        {
            public async ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken cancellationToken)
            {
                await {|#2:backend.Push("items")|};
                await reviewed.Status("up");
            }
        }
        """;

    private static Task Check(string? settings, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test { TestCode = Job };
        test.TestState.AdditionalReferences.AddRange([PathVerifier.Quartz4, AlertsLibrary, .. ConfiguredUrlTests.Configuration]);
        if (settings is not null)
        {
            test.TestState.AdditionalFiles.Add(("/src/appsettings.json", settings));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public void The_summary_carries_the_key_and_never_a_value()
    {
        var summary = LibraryBuilder.Summary(LibraryBuilder.Compile("Alerts.Core", Alerts, withPresence: true, ConfiguredUrlTests.Configuration));
        Assert.Equal(
            string.Join("\n",
                "1",
                "K\tM:Alerts.BackendSync.Push(System.String)\tBackend:Url\tPOST\tBackendSync.Push → HttpClient.PostAsync",
                "K\tM:Alerts.SlackNotifier.Notify(System.String)\tSlack:WebhookUrl\tPOST\tSlackNotifier.Notify → SlackNotifier.Post → HttpClient.PostAsync"),
            summary);
    }

    [Fact]
    public Task A_host_whose_settings_give_the_key_a_publish_url_sees_the_library_publish()
        => Check(
            HostSettings,
            PathVerifier.Diagnostic(PresenceDiagnostics.UnattendedPublish).WithLocation(0)
                .WithArguments("DigestJob.Execute (a Quartz job)", "DigestJob.Execute → SlackNotifier.Notify → SlackNotifier.Post → HttpClient.PostAsync (POST to the URL from configuration 'Slack:WebhookUrl' (appsettings.json: hooks.slack.com))")
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    [Fact]
    public Task A_host_without_settings_or_with_other_urls_does_not()
        => Check(HostSettings.Replace("https://hooks.slack.com/services/T0001/B0001/SECRETTOKEN", "https://alerts.example.com/hook"));

    // Without a value, the sends stay unresolved: a note where the unattended path calls them, as in one project.
    private static DiagnosticResult Note(int location, string send, string key, string unset, string path)
        => AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Diagnostic(PresenceDiagnostics.UnresolvedSend).WithLocation(location)
            .WithArguments("Sends through '" + send + "' (POST to the URL from configuration '" + key + "' (" + unset + "))", path)
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    [Fact]
    public Task A_host_with_no_settings_file_notes_the_sends_and_reports_no_publish()
        => Check(
            null,
            Note(1, "SlackNotifier.Notify", "Slack:WebhookUrl", "no settings file is passed to the analyzers", "DigestJob.Execute → SlackNotifier.Notify → SlackNotifier.Post → HttpClient.PostAsync"),
            Note(2, "BackendSync.Push", "Backend:Url", "no settings file is passed to the analyzers", "SyncJob.Execute → BackendSync.Push → HttpClient.PostAsync"));

    // The library has no settings: the key's name and the body's shape say Slack. The host's settings decide.
    private const string Guessing = """
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Configuration;

        namespace Alerts;

        public class SlackNotifier(HttpClient http, IConfiguration config)
        {
            public Task Notify(string text) => {|PRES001:http.PostAsJsonAsync(config["Slack:WebhookUrl"], new { text })|};
        }
        """;

    private static readonly MetadataReference GuessingLibrary = LibraryBuilder.Build("Alerts.Core", Guessing.Replace("{|PRES001:", "").Replace(")|};", ");"), ConfiguredUrlTests.Configuration);

    private const string GuessJob = """
        using System.Threading;
        using System.Threading.Tasks;
        using Alerts;

        class DigestJob(SlackNotifier slack) : Quartz.IJob
        {
            public async ValueTask {|#0:Execute|}(Quartz.IJobExecutionContext context, CancellationToken cancellationToken) => await slack.Notify("This week");
        }
        """;

    private static Task CheckGuess(string? settings, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test { TestCode = GuessJob };
        test.TestState.AdditionalReferences.AddRange([PathVerifier.Quartz4, GuessingLibrary, .. ConfiguredUrlTests.Configuration]);
        if (settings is not null)
        {
            test.TestState.AdditionalFiles.Add(("/src/appsettings.json", settings));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public void A_guess_by_name_and_body_travels_with_the_key_not_as_a_publish()
    {
        var summary = LibraryBuilder.Summary(LibraryBuilder.Compile("Alerts.Core", Guessing.Replace("{|PRES001:", "").Replace(")|};", ");"), withPresence: true, ConfiguredUrlTests.Configuration));
        Assert.Equal(
            string.Join("\n",
                "1",
                "K\tM:Alerts.SlackNotifier.Notify(System.String)\tSlack:WebhookUrl\tPOST\tSlackNotifier.Notify → HttpClient.PostAsJsonAsync\t\tSlack\tevidence: Slack"),
            summary);
    }

    [Fact]
    public Task A_host_whose_settings_give_the_guessed_key_its_own_url_is_not_reported()
        => CheckGuess(HostSettings.Replace("https://hooks.slack.com/services/T0001/B0001/SECRETTOKEN", "https://chat.acme.internal/hooks/ops"));

    [Fact]
    public Task A_host_whose_settings_say_nothing_of_the_key_keeps_the_guess()
        => CheckGuess(
            null,
            PathVerifier.Diagnostic(PresenceDiagnostics.UnattendedPublish).WithLocation(0)
                .WithArguments("DigestJob.Execute (a Quartz job)", "DigestJob.Execute → SlackNotifier.Notify → HttpClient.PostAsJsonAsync")
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    // A webhook URL is a credential: hosts keep it out of appsettings.json and leave an empty value or a placeholder.
    [Theory]
    [InlineData("")]
    [InlineData("#{SlackWebhook}#")]
    [InlineData("<set in user secrets>")]
    public Task A_host_whose_settings_give_the_guessed_key_no_usable_value_keeps_the_guess(string value)
        => CheckGuess(
            HostSettings.Replace("https://hooks.slack.com/services/T0001/B0001/SECRETTOKEN", value),
            PathVerifier.Diagnostic(PresenceDiagnostics.UnattendedPublish).WithLocation(0)
                .WithArguments("DigestJob.Execute (a Quartz job)", "DigestJob.Execute → SlackNotifier.Notify → HttpClient.PostAsJsonAsync")
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    // Without a guess (a plain StringContent says no platform) an empty value decides nothing either: the send is
    // unresolved.
    [Fact]
    public Task A_host_whose_settings_give_an_unguessed_key_no_usable_value_notes_it_and_reports_no_publish()
        => Check(
            HostSettings.Replace("https://hooks.slack.com/services/T0001/B0001/SECRETTOKEN", ""),
            Note(1, "SlackNotifier.Notify", "Slack:WebhookUrl", "empty in appsettings.json", "DigestJob.Execute → SlackNotifier.Notify → SlackNotifier.Post → HttpClient.PostAsync"));

    // A typed client whose base address the library reads from configuration, posting a relative URL under it.
    private const string LinkedIn = TravellingUrlTests.Usings + """
        namespace Social;

        public sealed class LinkedInPublisher(HttpClient http)
        {
            public Task ShareAsync(string text) => http.PostAsJsonAsync("rest/posts", new { commentary = text });
        }

        public sealed class BackendClient(HttpClient http)
        {
            public Task PushAsync(string text) => http.PostAsJsonAsync("rest/posts", new { text });
        }

        public static class SocialServices
        {
            public static IServiceCollection AddSocial(this IServiceCollection services, IConfiguration config)
            {
                services.AddHttpClient<LinkedInPublisher>(c => c.BaseAddress = new Uri(config["LinkedIn:BaseUrl"]!));
                services.AddHttpClient<BackendClient>(c => c.BaseAddress = new Uri(config["Backend:BaseUrl"]!));
                return services;
            }
        }
        """;

    [Fact]
    public void A_relative_request_under_a_configured_base_address_crosses_with_its_key_and_path()
    {
        var summary = LibraryBuilder.Summary(LibraryBuilder.Compile("Social.Core", LinkedIn, withPresence: true, [.. ConfiguredUrlTests.Configuration, .. TravellingUrlTests.HttpFactory]));
        Assert.Contains("K\tM:Social.LinkedInPublisher.ShareAsync(System.String)\tLinkedIn:BaseUrl\tPOST\tLinkedInPublisher.ShareAsync → HttpClient.PostAsJsonAsync\trest/posts", summary, System.StringComparison.Ordinal);
    }

    [Fact]
    public Task A_host_whose_settings_give_the_base_address_a_publishing_host_fails_on_the_relative_request()
    {
        var library = LibraryBuilder.Build("Social.Core", LinkedIn, [.. ConfiguredUrlTests.Configuration, .. TravellingUrlTests.HttpFactory]);
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test
        {
            TestCode = """
                using System.Threading;
                using System.Threading.Tasks;
                using Social;

                class ShareJob(LinkedInPublisher linkedIn, BackendClient backend) : Quartz.IJob
                {
                    public async ValueTask {|#0:Execute|}(Quartz.IJobExecutionContext context, CancellationToken cancellationToken)
                    {
                        await linkedIn.ShareAsync("Our week");
                        await backend.PushAsync("items");
                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.AddRange([PathVerifier.Quartz4, library, .. ConfiguredUrlTests.Configuration, .. TravellingUrlTests.HttpFactory]);
        test.TestState.AdditionalFiles.Add(("/src/appsettings.json", """
            {
              "LinkedIn": { "BaseUrl": "https://api.linkedin.com/" },
              "Backend": { "BaseUrl": "https://api.example.com/" }
            }
            """));
        test.ExpectedDiagnostics.Add(PathVerifier.Unattended(0, "ShareJob.Execute (a Quartz job)", "ShareJob.Execute → LinkedInPublisher.ShareAsync → HttpClient.PostAsJsonAsync (POST to the URL from configuration 'LinkedIn:BaseUrl' (appsettings.json: api.linkedin.com))"));
        return test.RunAsync();
    }

    // Slack's chat.postMessage relative to a configured base address matches only because the host is unknown in the
    // library: the host's settings decide where they give the base address, the library's reading where they do not.
    private const string SlackClient = TravellingUrlTests.Usings + """
        namespace Social;

        public sealed class SlackPoster(HttpClient http)
        {
            public Task PostAsync(string text) => http.PostAsJsonAsync("chat.postMessage", new { channel = "C0PUBLIC", text });
        }

        public static class SlackServices
        {
            public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration config)
                => services.AddHttpClient<SlackPoster>(c => c.BaseAddress = new Uri(config["Slack:BaseUrl"]!)).Services;
        }
        """;

    [Theory]
    [InlineData("https://chat-relay.internal/", false)]
    [InlineData("https://slack.com/api/", true)]
    [InlineData(null, true)]
    public Task A_host_whose_settings_give_the_slack_base_address_decides_the_relative_request(string? baseUrl, bool publishes)
    {
        var library = LibraryBuilder.Build("Social.Slack", SlackClient, [.. ConfiguredUrlTests.Configuration, .. TravellingUrlTests.HttpFactory]);
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test
        {
            TestCode = """
                using System.Threading;
                using System.Threading.Tasks;
                using Social;

                class WeeklyJob(SlackPoster slack) : Quartz.IJob
                {
                    public async ValueTask {|#0:Execute|}(Quartz.IJobExecutionContext context, CancellationToken cancellationToken)
                        => await slack.PostAsync("Our week");
                }
                """,
        };
        test.TestState.AdditionalReferences.AddRange([PathVerifier.Quartz4, library, .. ConfiguredUrlTests.Configuration, .. TravellingUrlTests.HttpFactory]);
        if (baseUrl is not null)
        {
            test.TestState.AdditionalFiles.Add(("/src/appsettings.json", "{ \"Slack\": { \"BaseUrl\": \"" + baseUrl + "\" } }"));
        }

        if (publishes)
        {
            test.ExpectedDiagnostics.Add(PathVerifier.Diagnostic(PresenceDiagnostics.UnattendedPublish).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithMessage(null));
        }

        return test.RunAsync();
    }
}
