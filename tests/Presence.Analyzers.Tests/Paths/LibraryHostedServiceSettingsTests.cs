using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Catalog;
using Presence.Analyzers.Tests.Verifiers;
using Xunit;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A library ships a hosted service that posts to a URL it reads from configuration; the host registers it (with
/// AddHostedService, or by calling the library's own registration method) and its appsettings.json gives the URL.
/// </summary>
public class LibraryHostedServiceSettingsTests
{
    private static readonly MetadataReference[] References =
    [
        .. ConfiguredUrlTests.Configuration,
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.ServiceCollectionHostedServiceExtensions).Assembly.Location),
    ];

    private const string Announcements = """
        using System;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        namespace Announcements;

        public sealed class AnnouncementsWorker(HttpClient http, IConfiguration config) : BackgroundService
        {
            protected override async Task ExecuteAsync(CancellationToken ct)
            {
                using var timer = new PeriodicTimer(TimeSpan.FromHours(24));
                while (await timer.WaitForNextTickAsync(ct))
                {
                    await http.PostAsJsonAsync(config["Announcements:Url"], new { text = "Good morning, everyone!" }, ct);
                }
            }
        }

        // Posts to Slack whatever the host says: the library's own build reports it.
        public sealed class DigestWorker(HttpClient http) : BackgroundService
        {
            protected override Task ExecuteAsync(CancellationToken ct)
                => http.PostAsJsonAsync("https://hooks.slack.com/services/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", new { text = "Digest" }, ct);
        }

        public static class AnnouncementsExtensions
        {
            public static IServiceCollection AddAnnouncements(this IServiceCollection services)
            {
                services.AddHttpClient<AnnouncementsWorker>();
                services.AddHostedService<AnnouncementsWorker>();
                return services;
            }
        }
        """;

    private static readonly MetadataReference Library = LibraryBuilder.Build("Announcements", Announcements, References);

    private const string SlackSettings = """{ "Announcements": { "Url": "https://hooks.slack.com/services/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t" } }""";

    private const string AnalyticsSettings = """{ "Announcements": { "Url": "https://api.segment.io/v1/track" } }""";

    private static Task Check(string registrations, string? settings, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test
        {
            TestCode = """
                using Announcements;
                using Microsoft.Extensions.DependencyInjection;

                static class Startup
                {
                    public static void Configure(IServiceCollection services)
                    {

                """ + registrations + """

                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.AddRange([.. References, Library]);
        if (settings is not null)
        {
            test.TestState.AdditionalFiles.Add(("/src/appsettings.json", settings));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult Publishes(string registeredBy)
        => PathVerifier.Unattended(0, "AnnouncementsWorker.ExecuteAsync (a hosted service of Announcements, registered " + registeredBy + ")",
            "AnnouncementsWorker.ExecuteAsync → HttpClient.PostAsJsonAsync (POST to the URL from configuration 'Announcements:Url' (appsettings.json: hooks.slack.com))");

    [Fact]
    public Task A_host_that_calls_the_library_registration_and_sets_a_slack_url_is_told_where()
        => Check("        {|#0:services.AddAnnouncements()|};", SlackSettings, Publishes("by AddAnnouncements"));

    [Fact]
    public Task A_host_that_registers_the_library_worker_itself_is_told_at_its_registration()
        => Check("""
                    services.AddHttpClient<AnnouncementsWorker>();
                    {|#0:services.AddHostedService<AnnouncementsWorker>()|};
            """, SlackSettings, Publishes("here"));

    // One report a worker: its own registration says it best.
    [Fact]
    public Task A_host_that_does_both_is_told_once_at_the_worker_registration()
        => Check("""
                    services.AddAnnouncements();
                    {|#0:services.AddHostedService<AnnouncementsWorker>()|};
            """, SlackSettings, Publishes("here"));

    [Fact]
    public Task A_host_whose_setting_is_an_analytics_url_or_unset_hears_nothing_new()
        => Task.WhenAll(
            Check("        services.AddAnnouncements(); services.AddHostedService<AnnouncementsWorker>();", AnalyticsSettings),
            Check("        services.AddAnnouncements(); services.AddHostedService<AnnouncementsWorker>();", """{ "Other": { "Url": "https://hooks.slack.com/services/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t" } }"""),
            Check("        services.AddAnnouncements(); services.AddHostedService<AnnouncementsWorker>();", null));

    [Fact]
    public Task A_host_that_registers_neither_hears_nothing()
        => Check("        services.AddHttpClient();", SlackSettings);

    // A worker whose library decides by itself (a Slack webhook in its code) is reported in the library, not again here.
    [Fact]
    public Task A_host_that_registers_a_worker_its_library_already_reports_hears_nothing_new()
        => Check("        services.AddHostedService<DigestWorker>();", SlackSettings);
}
