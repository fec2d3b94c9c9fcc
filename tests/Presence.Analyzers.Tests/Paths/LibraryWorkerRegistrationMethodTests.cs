using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Catalog;
using Presence.Analyzers.Tests.Verifiers;
using Xunit;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A library with several registration methods, only some of which register its hosted service that posts to a URL
/// the host's settings give: the host is told where it calls one that registers the worker, not where it calls the
/// others.
/// </summary>
public class LibraryWorkerRegistrationMethodTests
{
    /// <summary>Configuration, HttpClient, hosting and the service collection: what a library's worker and its host use.</summary>
    internal static readonly MetadataReference[] References =
    [
        .. ConfiguredUrlTests.Configuration,
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.ServiceCollectionHostedServiceExtensions).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.ServiceCollection).Assembly.Location),
    ];

    private const string Worker = """
        using System;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.DependencyInjection.Extensions;
        using Microsoft.Extensions.Hosting;

        namespace Newsletter;

        public sealed class NewsletterWorker(HttpClient http, IConfiguration config) : BackgroundService
        {
            protected override async Task ExecuteAsync(CancellationToken ct)
            {
                using var timer = new PeriodicTimer(TimeSpan.FromDays(7));
                while (await timer.WaitForNextTickAsync(ct))
                {
                    await http.PostAsJsonAsync(config["Newsletter:Url"], new { text = "This week's news" }, ct);
                }
            }
        }

        public sealed class HealthReporter { }

        """;

    private const string Registrations = """
        public static class NewsletterExtensions
        {
            public static IServiceCollection AddNewsletter(this IServiceCollection services)
            {
                services.AddHttpClient<NewsletterWorker>();
                services.AddHostedService<NewsletterWorker>();
                return services;
            }

            // Registers nothing that posts.
            public static IServiceCollection AddHealthChecks(this IServiceCollection services)
            {
                services.AddSingleton<HealthReporter>();
                return services;
            }

            // Registers the worker through the method above.
            public static IServiceCollection AddEverything(this IServiceCollection services)
                => services.AddHealthChecks().AddNewsletter();

            // Through a helper of the library's own, as a singleton IHostedService.
            public static IServiceCollection AddNewsletterAsService(this IServiceCollection services)
            {
                Register(services);
                return services;
            }

            // Not an extension method: a host calls it by its class.
            public static void Install(IServiceCollection services) => services.AddNewsletter();

            private static void Register(IServiceCollection services)
                => services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, NewsletterWorker>());
        }
        """;

    private static readonly MetadataReference Library = LibraryBuilder.Build("Newsletter", Worker + Registrations, References);

    private const string SlackSettings = """{ "Newsletter": { "Url": "https://hooks.slack.com/services/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let" } }""";

    /// <summary>Runs a host's <c>Configure(IServiceCollection services)</c> holding <paramref name="registrations"/> against <paramref name="library"/>.</summary>
    internal static Task Check(MetadataReference library, string registrations, string? settings, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test
        {
            TestCode = """
                using Newsletter;
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
        test.TestState.AdditionalReferences.AddRange([.. References, library]);
        if (settings is not null)
        {
            test.TestState.AdditionalFiles.Add(("/src/appsettings.json", settings));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult Publishes(string registeredBy)
        => PathVerifier.Unattended(0, "NewsletterWorker.ExecuteAsync (a hosted service of Newsletter, registered " + registeredBy + ")",
            "NewsletterWorker.ExecuteAsync → HttpClient.PostAsJsonAsync (POST to the URL from configuration 'Newsletter:Url' (appsettings.json: hooks.slack.com))");

    [Fact]
    public Task A_host_that_calls_only_the_registration_that_registers_nothing_that_posts_hears_nothing()
        => Check(Library, "        services.AddHealthChecks();", SlackSettings);

    [Fact]
    public Task A_host_that_calls_the_registration_of_the_worker_is_told_there()
        => Check(Library, "        {|#0:services.AddNewsletter()|};", SlackSettings, Publishes("by AddNewsletter"));

    [Fact]
    public Task A_host_that_calls_both_is_told_at_the_registration_of_the_worker()
        => Check(Library, """
                    services.AddHealthChecks();
                    {|#0:services.AddNewsletter()|};
            """, SlackSettings, Publishes("by AddNewsletter"));

    [Fact]
    public Task A_registration_that_calls_the_registration_of_the_worker_is_told()
        => Check(Library, "        {|#0:services.AddEverything()|};", SlackSettings, Publishes("by AddEverything"));

    [Fact]
    public Task A_registration_through_a_private_helper_as_a_singleton_hosted_service_is_told()
        => Check(Library, "        {|#0:services.AddNewsletterAsService()|};", SlackSettings, Publishes("by AddNewsletterAsService"));

    [Fact]
    public Task A_registration_that_is_not_an_extension_method_is_told()
        => Check(Library, "        {|#0:NewsletterExtensions.Install(services)|};", SlackSettings, Publishes("by Install"));

    [Fact]
    public Task A_host_whose_settings_set_no_url_hears_nothing()
        => Task.WhenAll(
            Check(Library, "        services.AddNewsletter(); services.AddEverything();", null),
            Check(Library, "        services.AddNewsletter(); services.AddEverything();", """{ "Newsletter": { "Url": "https://metrics.example.com/ingest" } }"""));

    [Fact]
    public void The_summary_names_the_registrations_of_the_worker()
    {
        var summary = LibraryBuilder.Summary(LibraryBuilder.Compile("Newsletter", Worker + Registrations, withPresence: true, References));
        Assert.Contains(
            "\nR\tT:Newsletter.NewsletterWorker"
            + "\tM:Newsletter.NewsletterExtensions.AddEverything(Microsoft.Extensions.DependencyInjection.IServiceCollection)"
            + "\tM:Newsletter.NewsletterExtensions.AddNewsletter(Microsoft.Extensions.DependencyInjection.IServiceCollection)"
            + "\tM:Newsletter.NewsletterExtensions.AddNewsletterAsService(Microsoft.Extensions.DependencyInjection.IServiceCollection)"
            + "\tM:Newsletter.NewsletterExtensions.Install(Microsoft.Extensions.DependencyInjection.IServiceCollection)",
            summary);
    }

    // A library built by a release that wrote no registration records: each of its registration methods stands for its
    // workers, as before.
    [Fact]
    public Task A_library_whose_summary_names_no_registrations_is_read_as_before()
    {
        var summary = LibraryBuilder.Summary(LibraryBuilder.Compile("Newsletter", Worker + Registrations, withPresence: true, References))!;
        var older = string.Join("\n", System.Linq.Enumerable.Where(summary.Split('\n'), line => !line.StartsWith("R\t", System.StringComparison.Ordinal)));
        var attributes = "[assembly: System.Reflection.AssemblyMetadata(\"Presence.Summary.Version\", \"1\")]\n[assembly: System.Reflection.AssemblyMetadata(\"Presence.Summary\", "
            + Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(older, quote: true) + ")]\n";
        var library = LibraryBuilder.Build("Newsletter", (Worker + Registrations).Replace("namespace Newsletter;", attributes + "namespace Newsletter;"), withPresence: false, References);
        return Check(library, "        {|#0:services.AddHealthChecks()|};", SlackSettings, Publishes("by AddHealthChecks"));
    }
}
