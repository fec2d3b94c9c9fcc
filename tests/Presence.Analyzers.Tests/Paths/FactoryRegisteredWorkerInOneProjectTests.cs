using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Catalog;
using Presence.Analyzers.Tests.Verifiers;
using Xunit;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// In one project a hosted service is an entry point by what it overrides, however it is registered: by a factory, as a
/// singleton <c>IHostedService</c> or as a service descriptor.
/// </summary>
public class FactoryRegisteredWorkerInOneProjectTests
{
    private const string Settings = """{ "Newsletter": { "Url": "https://hooks.slack.com/services/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let" } }""";

    [Theory]
    [InlineData("services.AddHostedService(sp => new NewsletterWorker(new HttpClient(), sp.GetRequiredService<IConfiguration>()));")]
    [InlineData("services.AddSingleton<IHostedService>(sp => new NewsletterWorker(new HttpClient(), sp.GetRequiredService<IConfiguration>()));")]
    [InlineData("services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, NewsletterWorker>());")]
    [InlineData("services.Add(new ServiceDescriptor(typeof(IHostedService), typeof(NewsletterWorker), ServiceLifetime.Singleton));")]
    public Task A_worker_registered_by_a_factory_or_a_descriptor_is_an_entry_point(string registration)
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test
        {
            TestCode = """
                using System;
                using System.Net.Http;
                using System.Net.Http.Json;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Extensions.Configuration;
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.Extensions.DependencyInjection.Extensions;
                using Microsoft.Extensions.Hosting;

                public sealed class NewsletterWorker(HttpClient http, IConfiguration config) : BackgroundService
                {
                    protected override async Task {|#0:ExecuteAsync|}(CancellationToken ct)
                    {
                        using var timer = new PeriodicTimer(TimeSpan.FromDays(7));
                        while (await timer.WaitForNextTickAsync(ct))
                        {
                            await http.PostAsJsonAsync(config["Newsletter:Url"], new { text = "This week's news" }, ct);
                        }
                    }
                }

                static class Startup
                {
                    public static void Configure(IServiceCollection services)
                    {
                        
                """ + registration + """

                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.AddRange(LibraryWorkerRegistrationMethodTests.References);
        test.TestState.AdditionalFiles.Add(("/src/appsettings.json", Settings));
        test.ExpectedDiagnostics.Add(PathVerifier.Unattended(0, "NewsletterWorker.ExecuteAsync (a hosted service)",
            "NewsletterWorker.ExecuteAsync → HttpClient.PostAsJsonAsync (POST to the URL from configuration 'Newsletter:Url' (appsettings.json: hooks.slack.com))"));
        return test.RunAsync();
    }
}
