using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Catalog;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A helper whose destination is its parameter (<c>Send(string url, …)</c>, <c>Reply(long chatId, …)</c>) publishes,
/// and to whom, by what each call passes: only the paths through a call that passes a publish destination are
/// publish paths (PRES002/PRES003), while PRES001 stays at the helper's send.
/// </summary>
public class CallSiteDestinationTests
{
    private const string Usings = """
        using System;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.Hosting;

        """;

    private const string Settings = """
        {
          "Slack": { "Community": "https://hooks.slack.com/services/T0001/B0001/SECRETTOKEN" },
          "Metrics": { "Ingest": "https://metrics.acme.internal/ingest" }
        }
        """;

    private static Task Check(string code, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test { TestCode = Usings + code };
        test.TestState.AdditionalReferences.AddRange(ConfiguredUrlTests.Configuration);
        test.TestState.AdditionalReferences.AddRange(PathVerifier.Hosting.Where(r => !ConfiguredUrlTests.Configuration.Contains(r)));
        test.TestState.AdditionalFiles.Add(("/src/appsettings.json", Settings));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult Unconfirmed(int location, string request, string member, string api = "HttpClient.PostAsJsonAsync", string platform = "Slack")
        => PathVerifier.Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithLocation(location)
            .WithArguments("Posts to " + platform + " through '" + api + "' (" + request + ")", member);

    [Fact]
    public Task A_timer_that_reaches_the_helper_only_with_an_internal_url_does_not_publish()
        => Check("""
            sealed class Hooks(HttpClient http)
            {
                public Task Announce(string text) => Send("https://hooks.slack.com/services/T1/B1/x", new { text });
                public Task PushMetric(int v) => Send("https://metrics.acme.internal/ingest", new { v });
                private Task Send(string url, object body) => {|#0:http.PostAsJsonAsync(url, body)|};
            }

            sealed class MetricsTimer(Hooks hooks)
            {
                public void Start() => _ = new Timer(_ => hooks.PushMetric(42).Wait(), null, 0, 60_000);
            }

            sealed class AnnounceTimer(Hooks hooks)
            {
                public void Start() => _ = new Timer(_ {|#1:=>|} hooks.Announce("hi").Wait(), null, 0, 60_000);
            }
            """,
            Unconfirmed(0, "POST https://hooks.slack.com/services/T1/B1/x", "Send"),
            PathVerifier.Unattended(1, "the timer callback in AnnounceTimer.Start", "timer callback → Hooks.Announce → Hooks.Send → HttpClient.PostAsJsonAsync"));

    [Fact]
    public Task Two_levels_of_helpers_a_url_built_from_the_parameter_and_a_uri_parameter_are_decided_per_call()
        => Check("""
            sealed class Notifier(HttpClient http, IConfiguration config)
            {
                public Task Announce(string text) => Forward(config["Slack:Community"]!, new { text });
                public Task Push(int v) => Forward(config["Metrics:Ingest"]!, new { v });
                private Task Forward(string url, object body) => Send(url, body);
                private Task Send(string url, object body) => {|#0:http.PostAsJsonAsync(url, body)|};
            }

            sealed class Hooks(HttpClient http)
            {
                public Task Team(string text) => PostTo("https://hooks.slack.com", text);
                public Task Items(string text) => PostTo("https://api.example.com", text);
                private Task PostTo(string host, string text) => {|#1:http.PostAsJsonAsync($"{host}/services/T1/B1/x", new { text })|};
            }

            sealed class UriHooks(HttpClient http)
            {
                public Task Team(string text) => Post(new Uri("https://hooks.slack.com/services/T1/B1/x"), text);
                public Task Items(string text) => Post(new Uri("https://api.example.com/items"), text);
                private Task Post(Uri target, string text) => {|#2:http.PostAsync(target, new StringContent(text))|};
            }

            // Internal traffic only, through every helper.
            sealed class MetricsWorker(Notifier notifier, Hooks hooks, UriHooks uris) : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken ct)
                {
                    await notifier.Push(1);
                    await hooks.Items("x");
                    await uris.Items("x");
                }
            }

            // The internal call first, then the one that publishes: the second path is still found.
            sealed class DigestWorker(Notifier notifier) : BackgroundService
            {
                protected override async Task {|#3:ExecuteAsync|}(CancellationToken ct)
                {
                    await notifier.Push(1);
                    await notifier.Announce("digest");
                }
            }

            sealed class TeamWorker(Hooks hooks) : BackgroundService
            {
                protected override Task {|#4:ExecuteAsync|}(CancellationToken ct) => hooks.Team("x");
            }

            sealed class UriWorker(UriHooks hooks) : BackgroundService
            {
                protected override Task {|#5:ExecuteAsync|}(CancellationToken ct) => hooks.Team("x");
            }
            """,
            Unconfirmed(0, "POST to the URL from configuration 'Slack:Community' (appsettings.json: hooks.slack.com)", "Send"),
            Unconfirmed(1, "POST https://hooks.slack.com/services/T1/B1/x", "PostTo"),
            Unconfirmed(2, "POST https://hooks.slack.com/services/T1/B1/x", "Post", api: "HttpClient.PostAsync"),
            PathVerifier.Unattended(3, "DigestWorker.ExecuteAsync (a hosted service)", "DigestWorker.ExecuteAsync → Notifier.Announce → Notifier.Forward → Notifier.Send → HttpClient.PostAsJsonAsync"),
            PathVerifier.Unattended(4, "TeamWorker.ExecuteAsync (a hosted service)", "TeamWorker.ExecuteAsync → Hooks.Team → Hooks.PostTo → HttpClient.PostAsJsonAsync"),
            PathVerifier.Unattended(5, "UriWorker.ExecuteAsync (a hosted service)", "UriWorker.ExecuteAsync → UriHooks.Team → UriHooks.Post → HttpClient.PostAsync"));
}
