using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Catalog;
using Presence.Analyzers.Tests.Verifiers;
using Xunit;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// Registration methods of a library's hosted service in other shapes: a generic helper the library registers it
/// through, overloads of one name of which only one registers it, an extension class split in partial parts, and two
/// workers in one library registered by different methods.
/// </summary>
public class LibraryWorkerRegistrationShapesTests
{
    private static readonly MetadataReference[] References = LibraryWorkerRegistrationMethodTests.References;

    private const string Library = """
        using System;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
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

        public sealed class DigestWorker(HttpClient http, IConfiguration config) : BackgroundService
        {
            protected override async Task ExecuteAsync(CancellationToken ct)
            {
                using var timer = new PeriodicTimer(TimeSpan.FromDays(1));
                while (await timer.WaitForNextTickAsync(ct))
                {
                    await http.PostAsJsonAsync(config["Digest:Url"], new { text = "Today's digest" }, ct);
                }
            }
        }

        public sealed class Options { }

        public static partial class NewsletterExtensions
        {
            public static IServiceCollection AddWorker<TWorker>(this IServiceCollection services) where TWorker : class, IHostedService
                => services.AddHostedService<TWorker>();

            public static IServiceCollection AddNewsletter(this IServiceCollection services)
                => services.AddWorker<NewsletterWorker>();

            // The same name, registering only options.
            public static IServiceCollection AddNewsletter(this IServiceCollection services, string section)
                => services.AddSingleton<Options>();

            public static IServiceCollection AddNewsletter<TOptions>(this IServiceCollection services, TOptions options) where TOptions : class
            {
                services.AddSingleton(options);
                return services.AddHostedService<NewsletterWorker>();
            }
        }

        public static partial class NewsletterExtensions
        {
            public static IServiceCollection AddDigest(this IServiceCollection services)
                => services.AddHostedService<DigestWorker>();
        }
        """;

    private static readonly MetadataReference Built = LibraryBuilder.Build("Newsletter", Library, References);

    private const string Settings = """{ "Newsletter": { "Url": "https://hooks.slack.com/services/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let" }, "Digest": { "Url": "https://hooks.slack.com/services/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di" } }""";

    private static Task Check(string registrations, params DiagnosticResult[] expected)
        => LibraryWorkerRegistrationMethodTests.Check(Built, registrations, Settings, expected);

    private static DiagnosticResult Newsletter(int location, string registeredBy)
        => PathVerifier.Unattended(location, "NewsletterWorker.ExecuteAsync (a hosted service of Newsletter, registered " + registeredBy + ")",
            "NewsletterWorker.ExecuteAsync → HttpClient.PostAsJsonAsync (POST to the URL from configuration 'Newsletter:Url' (appsettings.json: hooks.slack.com))");

    private static DiagnosticResult Digest(int location, string registeredBy)
        => PathVerifier.Unattended(location, "DigestWorker.ExecuteAsync (a hosted service of Newsletter, registered " + registeredBy + ")",
            "DigestWorker.ExecuteAsync → HttpClient.PostAsJsonAsync (POST to the URL from configuration 'Digest:Url' (appsettings.json: hooks.slack.com))");

    [Fact]
    public Task A_registration_through_the_library_s_generic_helper_is_told()
        => Check("        {|#0:services.AddNewsletter()|};", Newsletter(0, "by AddNewsletter"));

    [Fact]
    public Task The_library_s_generic_helper_called_by_the_host_with_the_worker_is_told()
        => Check("        {|#0:services.AddWorker<NewsletterWorker>()|};", Newsletter(0, "by AddWorker"));

    [Fact]
    public Task An_overload_that_registers_no_worker_is_quiet()
        => Check("        services.AddNewsletter(\"Newsletter\");");

    [Fact]
    public Task A_generic_overload_that_registers_the_worker_is_told()
        => Check("        {|#0:services.AddNewsletter(new Options())|};", Newsletter(0, "by AddNewsletter"));

    [Fact]
    public Task Two_workers_are_each_told_at_their_own_registration()
        => Check("""
                    {|#0:services.AddNewsletter()|};
                    {|#1:services.AddDigest()|};
            """, Newsletter(0, "by AddNewsletter"), Digest(1, "by AddDigest"));

    [Fact]
    public Task Only_the_worker_a_registration_registers_is_told()
        => Check("        {|#0:services.AddDigest()|};", Digest(0, "by AddDigest"));

    [Fact]
    public Task A_framework_method_given_the_worker_type_registers_no_hosted_service()
        => Check("        services.AddHttpClient<NewsletterWorker>(); services.AddNewsletter(\"Newsletter\");");

    [Fact]
    public void The_summary_names_each_overload_that_registers_the_worker_by_its_parameters()
    {
        var summary = LibraryBuilder.Summary(LibraryBuilder.Compile("Newsletter", Library, withPresence: true, References));
        Assert.Contains(
            "\nR\tT:Newsletter.NewsletterWorker"
            + "\tM:Newsletter.NewsletterExtensions.AddNewsletter(Microsoft.Extensions.DependencyInjection.IServiceCollection)"
            + "\tM:Newsletter.NewsletterExtensions.AddNewsletter``1(Microsoft.Extensions.DependencyInjection.IServiceCollection,``0)",
            summary);
        Assert.DoesNotContain("AddNewsletter(Microsoft.Extensions.DependencyInjection.IServiceCollection,System.String)", summary);
    }
}
