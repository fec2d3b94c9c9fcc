using System.Threading.Tasks;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Catalog;
using Presence.Analyzers.Tests.Verifiers;
using Xunit;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A worker's override of its base's URL property that returns the team's channel on one path and a public webhook on
/// another still publishes: the team's value on one path does not make the whole override the team's.
/// </summary>
public class OverrideReturningTeamOrPublicUrlTests
{
    private static Task Check(string source, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test { TestCode = source };
        test.TestState.AdditionalReferences.AddRange(ConfiguredUrlTests.Configuration);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private const string Base = """
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Hosting;
        using Presence;

        public sealed class Ops
        {
            [InternalAudience("the ops channel")]
            public string Channel { get; set; } = "https://hooks.slack.com/services/T0002/B0002/OPSTOKEN";
        }

        public abstract class SlackWorkerBase(HttpClient http) : BackgroundService
        {
            protected virtual string Endpoint => "https://status.acme.internal/api/heartbeat";

            protected override async Task ExecuteAsync(CancellationToken ct)
                => await {|#9:http.PostAsJsonAsync(Endpoint, new { text = "Today at Acme" }, ct)|};
        }

        """;

    [Fact]
    public Task An_override_returning_the_team_channel_on_one_path_and_a_public_hook_on_another_publishes()
        => Check(Base + """
            public sealed class {|#0:MixedDigest|}(HttpClient http, Ops ops, bool quiet) : SlackWorkerBase(http)
            {
                protected override string Endpoint
                {
                    get
                    {
                        if (quiet)
                        {
                            return ops.Channel;
                        }

                        return "https://hooks.slack.com/services/T0003/B0003/CUSTOMERS";
                    }
                }
            }
            """,
            PathVerifier.Diagnostic(PresenceDiagnostics.UnconfirmedPublishWithoutCallers).WithLocation(9).WithArguments(
                "Posts to Slack through 'HttpClient.PostAsJsonAsync' (POST https://hooks.slack.com/services/…)", "SlackWorkerBase.ExecuteAsync (a hosted service)"),
            PathVerifier.Unattended(0, "MixedDigest (a hosted service, run by SlackWorkerBase.ExecuteAsync)", "SlackWorkerBase.ExecuteAsync → HttpClient.PostAsJsonAsync (POST https://hooks.slack.com/services/…)"));

    [Fact]
    public Task An_override_returning_the_team_channel_on_every_path_is_quiet()
        => Check(Base + """
            public sealed class OpsDigest(HttpClient http, Ops ops, Ops fallback, bool primary) : SlackWorkerBase(http)
            {
                protected override string Endpoint
                {
                    get
                    {
                        if (primary)
                        {
                            return ops.Channel;
                        }

                        return fallback.Channel;
                    }
                }
            }
            """);
}
