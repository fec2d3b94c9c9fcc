using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;
using Xunit;

namespace Presence.Analyzers.Tests.Catalog;

/// <summary>
/// A helper that posts to each URL of a list it is given (<c>params string[] urls</c>, <c>IEnumerable&lt;string&gt; urls</c>):
/// the arrays and collection expressions its callers pass are read element by element, call site by call site.
/// </summary>
public class FanOutUrlTests
{
    private const string Code = """
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Hosting;

        public sealed class Hooks(HttpClient http)
        {
            public async Task PostToAll(string text, params string[] urls)
            {
                foreach (var url in urls) await {|#0:http.PostAsJsonAsync(url, new { text })|};
            }

            public async Task FanOut(IEnumerable<string> targets, string text)
            {
                foreach (var target in targets) await {|#1:http.PostAsJsonAsync(target, new { content = text })|};
            }
        }

        public sealed class Morning(Hooks hooks) : BackgroundService
        {
            protected override async Task {|#2:ExecuteAsync|}(CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    await hooks.PostToAll("Good morning!", "https://metrics.internal.example/ping", "https://hooks.slack.com/services/T0/B1/XXXXXXXXXXXXXXXXXXXX");
                    await hooks.FanOut(["https://discord.com/api/webhooks/1/abcdefghijklmnopqrstuvwxyz"], "Good morning!");
                    await Task.Delay(TimeSpan.FromDays(1), ct);
                }
            }
        }

        public sealed class Metrics(Hooks hooks) : BackgroundService
        {
            protected override async Task ExecuteAsync(CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    await hooks.PostToAll("heap=1", "https://metrics.internal.example/push");
                    await hooks.FanOut(new[] { "https://metrics.internal.example/push", "https://status.internal.example/beat" }, "up");
                    await Task.Delay(TimeSpan.FromMinutes(1), ct);
                }
            }
        }
        """;

    [Fact]
    public Task Each_url_passed_is_read_and_each_caller_decides_its_path()
        => PathVerifier.VerifyAsync(Code, PathVerifier.Hosting,
            AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithLocation(0)
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithMessage(null),
            AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithLocation(1)
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithMessage(null),
            PathVerifier.Diagnostic(PresenceDiagnostics.UnattendedPublish).WithLocation(2)
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithMessage(null));
}
