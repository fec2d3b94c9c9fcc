using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Catalog;
using Presence.Analyzers.Tests.Verifiers;
using Xunit;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A library's hosted service registered by a factory (<c>AddHostedService(sp => new NewsletterWorker(...))</c>,
/// <c>AddSingleton&lt;IHostedService&gt;(sp => ...)</c>) or as a service descriptor
/// (<c>ServiceDescriptor.Singleton&lt;IHostedService, NewsletterWorker&gt;()</c>, <c>new ServiceDescriptor(typeof(IHostedService), ...)</c>):
/// the host is told where it calls the library method that registers it so, or where it registers it so itself;
/// registrations of the worker's type as something other than a hosted service stay quiet.
/// </summary>
public class LibraryWorkerFactoryRegistrationTests
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

        public sealed class Heartbeat : IHostedService
        {
            public Task StartAsync(CancellationToken ct) => Task.CompletedTask;
            public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
        }

        public static class NewsletterExtensions
        {
            public static IServiceCollection AddNewsletterByFactory(this IServiceCollection services)
                => services.AddHostedService(sp => new NewsletterWorker(new HttpClient(), sp.GetRequiredService<IConfiguration>()));

            public static IServiceCollection AddNewsletterAsSingleton(this IServiceCollection services)
                => services.AddSingleton<IHostedService>(sp => new NewsletterWorker(new HttpClient(), sp.GetRequiredService<IConfiguration>()));

            public static IServiceCollection AddNewsletterFromContainer(this IServiceCollection services)
            {
                services.AddSingleton<NewsletterWorker>();
                services.AddSingleton<IHostedService>(sp =>
                {
                    var worker = sp.GetRequiredService<NewsletterWorker>();
                    return worker;
                });
                return services;
            }

            public static IServiceCollection AddNewsletterByTypes(this IServiceCollection services)
                => services.AddSingleton<IHostedService, NewsletterWorker>();

            public static IServiceCollection AddNewsletterByDescriptor(this IServiceCollection services)
            {
                services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, NewsletterWorker>());
                return services;
            }

            public static IServiceCollection AddNewsletterByNewDescriptor(this IServiceCollection services)
            {
                services.Add(new ServiceDescriptor(typeof(IHostedService), typeof(NewsletterWorker), ServiceLifetime.Singleton));
                return services;
            }

            public static IServiceCollection AddNewsletterByUntypedSingleton(this IServiceCollection services)
                => services.AddSingleton(typeof(IHostedService), typeof(NewsletterWorker));

            // The worker's type registered as itself, and another hosted service by a factory: no newsletter runs.
            public static IServiceCollection AddNewsletterClient(this IServiceCollection services)
            {
                services.AddSingleton<NewsletterWorker>();
                services.Add(new ServiceDescriptor(typeof(NewsletterWorker), typeof(NewsletterWorker), ServiceLifetime.Singleton));
                services.AddSingleton<IHostedService>(sp => new Heartbeat());
                services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, Heartbeat>());
                return services;
            }
        }
        """;

    private static readonly MetadataReference Built = LibraryBuilder.Build("Newsletter", Library, References);

    private const string Settings = """{ "Newsletter": { "Url": "https://hooks.slack.com/services/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let" } }""";

    private static Task Check(string registrations, params DiagnosticResult[] expected)
        => LibraryWorkerRegistrationMethodTests.Check(Built, "        " + registrations, Settings, expected);

    private static DiagnosticResult Newsletter(string registeredBy)
        => PathVerifier.Unattended(0, "NewsletterWorker.ExecuteAsync (a hosted service of Newsletter, registered " + registeredBy + ")",
            "NewsletterWorker.ExecuteAsync → HttpClient.PostAsJsonAsync (POST to the URL from configuration 'Newsletter:Url' (appsettings.json: hooks.slack.com))");

    [Theory]
    [InlineData("AddNewsletterByFactory")]
    [InlineData("AddNewsletterAsSingleton")]
    [InlineData("AddNewsletterFromContainer")]
    [InlineData("AddNewsletterByTypes")]
    [InlineData("AddNewsletterByDescriptor")]
    [InlineData("AddNewsletterByNewDescriptor")]
    [InlineData("AddNewsletterByUntypedSingleton")]
    public Task A_library_method_that_registers_the_worker_by_a_factory_or_a_descriptor_is_told(string method)
        => Check("{|#0:services." + method + "()|};", Newsletter("by " + method));

    [Fact]
    public Task A_library_method_that_registers_the_worker_s_type_only_as_itself_is_quiet()
        => Check("services.AddNewsletterClient();");

    [Theory]
    [InlineData("{|#0:services.AddHostedService(sp => new NewsletterWorker(new System.Net.Http.HttpClient(), null!))|};")]
    [InlineData("{|#0:services.AddSingleton<Microsoft.Extensions.Hosting.IHostedService>(sp => new NewsletterWorker(new System.Net.Http.HttpClient(), null!))|};")]
    [InlineData("{|#0:services.AddSingleton<Microsoft.Extensions.Hosting.IHostedService, NewsletterWorker>()|};")]
    [InlineData("Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddEnumerable(services, {|#0:ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, NewsletterWorker>()|});")]
    [InlineData("services.Add({|#0:new ServiceDescriptor(typeof(Microsoft.Extensions.Hosting.IHostedService), typeof(NewsletterWorker), ServiceLifetime.Singleton)|});")]
    [InlineData("{|#0:services.AddSingleton(typeof(Microsoft.Extensions.Hosting.IHostedService), typeof(NewsletterWorker))|};")]
    public Task The_host_s_own_factory_or_descriptor_registration_of_the_worker_is_told(string registration)
        => Check(registration, Newsletter("here"));

    [Theory]
    [InlineData("services.AddSingleton<NewsletterWorker>();")]
    [InlineData("services.AddSingleton(sp => new NewsletterWorker(new System.Net.Http.HttpClient(), null!));")]
    [InlineData("services.Add(new ServiceDescriptor(typeof(NewsletterWorker), typeof(NewsletterWorker), ServiceLifetime.Singleton));")]
    [InlineData("services.AddSingleton<Microsoft.Extensions.Hosting.IHostedService>(sp => new Heartbeat());")]
    public Task The_host_s_registration_of_the_worker_s_type_as_something_else_is_quiet(string registration)
        => Check(registration);

    [Fact]
    public void The_summary_names_each_factory_and_descriptor_registration_of_the_worker()
    {
        var summary = LibraryBuilder.Summary(LibraryBuilder.Compile("Newsletter", Library, withPresence: true, References))!;
        var line = System.Array.Find(summary.Split('\n'), l => l.StartsWith("R\tT:Newsletter.NewsletterWorker", System.StringComparison.Ordinal));
        Assert.NotNull(line);
        foreach (var method in new[] { "AddNewsletterByFactory", "AddNewsletterAsSingleton", "AddNewsletterFromContainer", "AddNewsletterByTypes", "AddNewsletterByDescriptor", "AddNewsletterByNewDescriptor", "AddNewsletterByUntypedSingleton" })
        {
            Assert.Contains("M:Newsletter.NewsletterExtensions." + method + "(", line);
        }

        Assert.DoesNotContain("AddNewsletterClient", line);
    }
}
