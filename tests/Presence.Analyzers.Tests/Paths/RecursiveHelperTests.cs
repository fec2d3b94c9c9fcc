using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Catalog;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A helper whose destination is its parameter and that calls itself with that parameter (a retry) sends where its
/// other callers decide: the recursive call is not a caller with a URL nobody knows (PRES011), while a recursive call
/// that changes the destination is still read as a caller of its own.
/// </summary>
public class RecursiveHelperTests
{
    private const string Usings = """
        using System;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Hosting;

        """;

    private const string Review = """

        public sealed class Review
        {
            [Presence.HumanConfirmation]
            public bool Approve(string text) { Console.WriteLine(text); return Console.ReadLine() == "y"; }
        }
        """;

    private static Task Check(string code, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test { TestCode = Usings + code + Review };
        test.TestState.AdditionalReferences.AddRange(ConfiguredUrlTests.Configuration);
        test.TestState.AdditionalReferences.AddRange(PathVerifier.Hosting.Where(r => !ConfiguredUrlTests.Configuration.Contains(r)));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult Unconfirmed(int location, string member)
        => PathVerifier.Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithLocation(location)
            .WithArguments("Posts to Slack through 'HttpClient.PostAsJsonAsync' (POST https://hooks.slack.com/services/…)", member);

    [Fact]
    public Task A_retry_that_passes_its_own_url_on_sends_where_its_callers_decide()
        => Check("""
            public sealed class Metrics(HttpClient http)
            {
                public async Task Push(string url, string line, int attempt = 0)
                {
                    try { await {|#0:http.PostAsJsonAsync(url, new { line })|}; }
                    catch (HttpRequestException) when (attempt < 3) { await Push(url, line, attempt + 1); }
                }

                // The same through two functions: the retry passes the parameter it was given.
                public Task Relay(string url, string line) => Send(url, line, 0);

                private async Task Send(string target, string line, int attempt)
                {
                    try { await {|#1:http.PostAsJsonAsync(target, new { line })|}; }
                    catch (HttpRequestException) when (attempt < 3) { await Send(target, line + "", attempt + 1); }
                }
            }

            public sealed class MetricsWorker(Metrics metrics) : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken ct)
                {
                    while (!ct.IsCancellationRequested)
                    {
                        await metrics.Push("https://metrics.acme.internal/push", "heap=1");
                        await metrics.Relay("https://metrics.acme.internal/push", "heap=1");
                        await Task.Delay(TimeSpan.FromMinutes(1), ct);
                    }
                }
            }

            public sealed class Announcer(Metrics sender, Review review)
            {
                public async Task Announce(string text)
                {
                    if (review.Approve(text)) await sender.Push("https://hooks.slack.com/services/T0/B1/XXXX", text);
                    if (review.Approve(text)) await sender.Relay("https://hooks.slack.com/services/T0/B1/XXXX", text);
                }
            }
            """,
            Unconfirmed(0, "Push"),
            Unconfirmed(1, "Send"));

    [Fact]
    public Task A_retry_that_changes_the_url_is_still_a_caller_of_its_own()
        => Check("""
            public sealed class Metrics(HttpClient http, Func<string> fallback)
            {
                public async Task Push(string url, string line, int attempt = 0)
                {
                    try { await {|#0:http.PostAsJsonAsync(url, new { line })|}; }
                    catch (HttpRequestException) when (attempt < 3) { await {|#3:Push(fallback(), line, attempt + 1)|}; }
                }
            }

            public sealed class MetricsWorker(Metrics metrics) : BackgroundService
            {
                protected override Task ExecuteAsync(CancellationToken ct) => {|#2:metrics.Push("https://metrics.acme.internal/push", "heap=1")|};
            }

            public sealed class SlackWorker(Metrics metrics) : BackgroundService
            {
                protected override Task {|#1:ExecuteAsync|}(CancellationToken ct) => metrics.Push("https://hooks.slack.com/services/T0/B1/XXXX", "hi");
            }
            """,
            Unconfirmed(0, "Push"),
            PathVerifier.Diagnostic(PresenceDiagnostics.UnresolvedSend).WithLocation(0).WithLocation(2).WithLocation(3)
                .WithArguments("Sends through 'HttpClient.PostAsJsonAsync' (POST to a URL computed at run time)", "MetricsWorker.ExecuteAsync → Metrics.Push → Metrics.Push → HttpClient.PostAsJsonAsync"),
            PathVerifier.Unattended(1, "SlackWorker.ExecuteAsync (a hosted service)", "SlackWorker.ExecuteAsync → Metrics.Push → HttpClient.PostAsJsonAsync (POST https://hooks.slack.com/services/…)"));
}
