using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Catalog;
using Presence.Analyzers.Tests.Verifiers;
using Xunit;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// An abstract hosted-service base that posts to the URL its subclass gives, declared in the same project as the
/// subclasses: by overriding a property, or by passing it to the base's constructor (primary or classic). Each concrete
/// worker is judged by what it gives, as it is when the base comes from a referenced library.
/// </summary>
public class WorkerBaseUrlsInOneProjectTests
{
    private const string Settings = """
        {
          "Community": { "DiscordWebhook": "https://discord.com/api/webhooks/123456789012345678/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789" },
          "Health": { "Url": "https://status.acme.internal/api/heartbeat" }
        }
        """;

    private static Task Check(string source, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test { TestCode = source };
        test.TestState.AdditionalReferences.AddRange(ConfiguredUrlTests.Configuration);
        test.TestState.AdditionalFiles.Add(("/src/appsettings.json", Settings));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task A_base_constructors_url_is_read_from_each_subclass()
        => Check("""
            using System;
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.Hosting;

            public abstract class CtorWebhookWorkerBase(HttpClient http, string webhookUrl) : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken ct)
                {
                    while (!ct.IsCancellationRequested)
                    {
                        await http.PostAsJsonAsync(webhookUrl, new { content = "Today at Acme" }, ct);
                        await Task.Delay(TimeSpan.FromHours(1), ct);
                    }
                }
            }

            public abstract class FieldWebhookWorkerBase : BackgroundService
            {
                private readonly HttpClient _http;
                private readonly string _url;

                protected FieldWebhookWorkerBase(HttpClient http, string url)
                {
                    _http = http;
                    _url = url;
                }

                protected override async Task ExecuteAsync(CancellationToken ct)
                {
                    while (!ct.IsCancellationRequested)
                    {
                        await _http.PostAsJsonAsync(_url, new { content = "Today at Acme" }, ct);
                        await Task.Delay(TimeSpan.FromHours(1), ct);
                    }
                }
            }

            public sealed class {|#0:CtorDigest|}(HttpClient http, IConfiguration config)
                : CtorWebhookWorkerBase(http, config["Community:DiscordWebhook"]!);

            public sealed class CtorHealth(HttpClient http) : CtorWebhookWorkerBase(http, "https://status.acme.internal/api/heartbeat");

            public sealed class {|#1:ClassicCtorDigest|} : FieldWebhookWorkerBase
            {
                public ClassicCtorDigest(HttpClient http) : base(http, "https://hooks.slack.com/services/T0001/B0001/SECRETTOKEN")
                {
                }
            }

            public abstract class RegionalWorkerBase(HttpClient http, string url) : CtorWebhookWorkerBase(http, url);

            public sealed class {|#2:EuropeDigest|}(HttpClient http) : RegionalWorkerBase(http, "https://discord.com/api/webhooks/223456789012345678/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789");

            public sealed class EuropeHealth(HttpClient http) : RegionalWorkerBase(http, "https://status.acme.internal/api/heartbeat");

            public sealed class FieldHealth(HttpClient http) : FieldWebhookWorkerBase(http, "https://status.acme.internal/api/heartbeat");
            """,
            PathVerifier.Unattended(0, "CtorDigest (a hosted service, run by CtorWebhookWorkerBase.ExecuteAsync)", "CtorWebhookWorkerBase.ExecuteAsync → HttpClient.PostAsJsonAsync (POST to the URL from configuration 'Community:DiscordWebhook' (appsettings.json: discord.com))"),
            PathVerifier.Unattended(1, "ClassicCtorDigest (a hosted service, run by FieldWebhookWorkerBase.ExecuteAsync)", "FieldWebhookWorkerBase.ExecuteAsync → HttpClient.PostAsJsonAsync (POST https://hooks.slack.com/services/…)"),
            PathVerifier.Unattended(2, "EuropeDigest (a hosted service, run by CtorWebhookWorkerBase.ExecuteAsync)", "CtorWebhookWorkerBase.ExecuteAsync → HttpClient.PostAsJsonAsync (POST https://discord.com/api/webhooks/223456789012345678/…)"));
}
