using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Catalog;
using Presence.Analyzers.Tests.Verifiers;
using Presence.Analyzers;
using Xunit;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A base class that posts to a virtual URL property with a default (<c>protected virtual string Endpoint => "https://…"</c>)
/// posts where the object's own type says: a worker that overrides it is judged by its override, one that does not by the
/// default; a send whose object could be any subclass publishes when the default or any override in the compilation is
/// a publish endpoint.
/// </summary>
public class OverriddenUrlPropertyTests
{
    private static Task Check(string source, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test { TestCode = source };
        test.TestState.AdditionalReferences.AddRange(ConfiguredUrlTests.Configuration);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private const string Usings = """
        using System;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Hosting;
        using Presence;

        """;

    [Fact]
    public Task In_one_project_each_worker_posts_to_its_own_override_or_the_default()
        => Check(Usings + """
            public abstract class SlackWorkerBase(HttpClient http) : BackgroundService
            {
                protected virtual string Endpoint => "https://hooks.slack.com/services/T0001/B0001/SECRETTOKEN";

                protected override async Task ExecuteAsync(CancellationToken ct)
                    => await {|#9:http.PostAsJsonAsync(Endpoint, new { text = "Today at Acme" }, ct)|};
            }

            public sealed class {|#0:SlackDigest|}(HttpClient http) : SlackWorkerBase(http);

            public sealed class HealthPinger(HttpClient http) : SlackWorkerBase(http)
            {
                protected override string Endpoint => "https://status.acme.internal/api/heartbeat";
            }

            public sealed class OpsDigest(HttpClient http) : SlackWorkerBase(http)
            {
                [InternalAudience("the ops channel")]
                protected override string Endpoint => "https://hooks.slack.com/services/T0002/B0002/OPSTOKEN";
            }

            public abstract class StatusWorkerBase(HttpClient http) : BackgroundService
            {
                protected virtual string Endpoint => "https://status.acme.internal/api/heartbeat";

                protected override async Task ExecuteAsync(CancellationToken ct)
                    => await {|#8:http.PostAsJsonAsync(Endpoint, new { content = "Today at Acme" }, ct)|};
            }

            public sealed class StatusPinger(HttpClient http) : StatusWorkerBase(http);

            public sealed class {|#1:CommunityDigest|}(HttpClient http) : StatusWorkerBase(http)
            {
                protected override string Endpoint => "https://discord.com/api/webhooks/123456789012345678/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";
            }
            """,
            // The base's request publishes for some object it may be made on: reported where it is made, naming the publish.
            PathVerifier.Diagnostic(PresenceDiagnostics.UnconfirmedPublishWithoutCallers).WithLocation(9).WithArguments(
                "Posts to Slack through 'HttpClient.PostAsJsonAsync' (POST https://hooks.slack.com/services/…)", "SlackWorkerBase.ExecuteAsync (a hosted service)"),
            PathVerifier.Diagnostic(PresenceDiagnostics.UnconfirmedPublishWithoutCallers).WithLocation(8).WithArguments(
                "Posts to Discord through 'HttpClient.PostAsJsonAsync' (POST https://discord.com/api/webhooks/123456789012345678/…)", "StatusWorkerBase.ExecuteAsync (a hosted service)"),
            // Each worker by what its own type gives.
            PathVerifier.Unattended(0, "SlackDigest (a hosted service, run by SlackWorkerBase.ExecuteAsync)", "SlackWorkerBase.ExecuteAsync → HttpClient.PostAsJsonAsync (POST https://hooks.slack.com/services/…)"),
            PathVerifier.Unattended(1, "CommunityDigest (a hosted service, run by StatusWorkerBase.ExecuteAsync)", "StatusWorkerBase.ExecuteAsync → HttpClient.PostAsJsonAsync (POST https://discord.com/api/webhooks/123456789012345678/…)"));

    [Fact]
    public Task A_base_whose_default_and_overrides_reach_no_publish_is_quiet()
        => Check(Usings + """
            public class Heartbeat(HttpClient http)
            {
                protected virtual string Endpoint => "https://status.acme.internal/api/heartbeat";

                public Task Beat() => http.PostAsJsonAsync(Endpoint, new { text = "alive" });
            }

            public class RegionalHeartbeat(HttpClient http) : Heartbeat(http)
            {
                protected override string Endpoint => base.Endpoint + "/eu";
            }

            public sealed class OpsHeartbeat(HttpClient http) : Heartbeat(http)
            {
                [InternalAudience("the ops channel")]
                protected override string Endpoint => "https://hooks.slack.com/services/T0002/B0002/OPSTOKEN";
            }
            """);

    [Fact]
    public Task A_send_on_an_object_of_any_subclass_publishes_when_one_override_does()
        => Check(Usings + """
            public class Notifier(HttpClient http)
            {
                protected virtual string Endpoint { get; } = "https://status.acme.internal/api/notify";

                public Task Notify(string text) => {|#0:http.PostAsJsonAsync(Endpoint, new { text })|};
            }

            public class TeamNotifier(HttpClient http) : Notifier(http);

            public class SlackNotifier(HttpClient http) : TeamNotifier(http)
            {
                protected override string Endpoint
                {
                    get { return "https://hooks.slack.com/services/T0001/B0001/SECRETTOKEN"; }
                }
            }
            """,
            PathVerifier.Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithLocation(0).WithArguments(
                "Posts to Slack through 'HttpClient.PostAsJsonAsync' (POST https://hooks.slack.com/services/…)", "Notify"));

    private const string Hooks = """
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Hosting;

        namespace Hooks;

        public abstract class SlackWorkerBase(HttpClient http) : BackgroundService
        {
            protected virtual string Endpoint => "https://hooks.slack.com/services/T0001/B0001/SECRETTOKEN";

            protected override async Task ExecuteAsync(CancellationToken ct)
                => await http.PostAsJsonAsync(Endpoint, new { text = "Today at Acme" }, ct);
        }
        """;

    // Across projects, a library's base is read by its own default: a worker of the referencing project that keeps it publishes.
    [Fact]
    public Task A_library_base_is_read_by_its_default()
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test
        {
            TestCode = """
                using System.Net.Http;
                using Hooks;

                public sealed class {|#0:SlackDigest|}(HttpClient http) : SlackWorkerBase(http);
                """,
        };
        test.TestState.AdditionalReferences.AddRange([LibraryBuilder.Build("Hooks", Hooks, [.. ConfiguredUrlTests.Configuration]), .. ConfiguredUrlTests.Configuration]);
        test.ExpectedDiagnostics.Add(PathVerifier.Unattended(0, "SlackDigest (a hosted service, run by SlackWorkerBase.ExecuteAsync)", "SlackWorkerBase.ExecuteAsync → HttpClient.PostAsJsonAsync (POST https://hooks.slack.com/services/…)"));
        return test.RunAsync();
    }

    // Code being typed: no analyzer exception.
    [Fact]
    public Task Broken_overrides_do_not_break_the_analysis()
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test
        {
            TestCode = Usings + """
                public class Notifier(HttpClient http)
                {
                    protected virtual string Endpoint => ;
                    protected virtual string Other { get { } }

                    public Task Notify(string text) => http.PostAsJsonAsync(Endpoint, new { text });

                    public Task Again(string text) => http.PostAsJsonAsync(Other, new { text });
                }

                public class Loud(HttpClient http) : Notifier(http)
                {
                    protected override string Endpoint => base.Missing;
                    protected override string Nothing => "https://hooks.slack.com/services/T0001/B0001/SECRETTOKEN";
                    protected override string Other => Other;
                }

                public class Louder(HttpClient http) : Loud
                {
                    protected override string Endpoint => base.Endpoint + this.Endpoint;
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        test.TestState.AdditionalReferences.AddRange(ConfiguredUrlTests.Configuration);
        return test.RunAsync();
    }
}
