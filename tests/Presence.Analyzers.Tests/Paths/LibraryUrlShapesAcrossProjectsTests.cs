using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Catalog;
using Presence.Analyzers.Tests.Verifiers;
using Xunit;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A library that posts to a URL its caller gives in another shape than a string argument: a member of a target record
/// it is passed (<c>SendToAsync(WebhookTarget target)</c>), each element of a list of URLs, or, for an abstract
/// <c>BackgroundService</c> base, what its subclass overrides or passes to its constructor. The summary says where the URL
/// comes from, and the referencing project reads what each call passes, or what each concrete worker gives.
/// </summary>
public class LibraryUrlShapesAcrossProjectsTests
{
    private const string Hooks = """
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Hosting;

        namespace Hooks;

        public abstract class WebhookWorkerBase(HttpClient http) : BackgroundService
        {
            protected abstract string WebhookUrl { get; }
            protected abstract TimeSpan Every { get; }

            protected override async Task ExecuteAsync(CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    await http.PostAsJsonAsync(WebhookUrl, new { content = "Today at Acme" }, ct);
                    await Task.Delay(Every, ct);
                }
            }
        }

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

        // Only writes the URL down: no send, no record.
        public abstract class LoggingWorkerBase : BackgroundService
        {
            protected abstract string WebhookUrl { get; }

            protected override Task ExecuteAsync(CancellationToken ct)
            {
                Console.WriteLine(WebhookUrl);
                return Task.CompletedTask;
            }
        }

        public sealed record WebhookTarget(string Url, string Name);

        public sealed record Endpoint(string Url);

        public sealed class Notifier(HttpClient http)
        {
            public Task SendToAsync(WebhookTarget target, string text) => http.PostAsJsonAsync(target.Url, new { content = text });

            public Task PostAsync(Endpoint endpoint, object body) => http.PostAsJsonAsync(endpoint.Url, body);

            public async Task FanOutAsync(IEnumerable<string> urls, string text)
            {
                foreach (var url in urls)
                {
                    await http.PostAsJsonAsync(url, new { content = text });
                }
            }

            public async Task PostToAll(string text, params string[] urls)
            {
                foreach (var url in urls)
                {
                    await http.PostAsJsonAsync(url, new { content = text });
                }
            }

            public void Describe(WebhookTarget target) => Console.WriteLine(target.Name + ": " + target.Url);
        }
        """;

    private static readonly MetadataReference HooksLibrary = LibraryBuilder.Build("Hooks", Hooks, [.. ConfiguredUrlTests.Configuration]);

    private const string Settings = """
        {
          "Community": { "DiscordWebhook": "https://discord.com/api/webhooks/123456789012345678/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789" },
          "Health": { "Url": "https://status.acme.internal/api/heartbeat" }
        }
        """;

    [Fact]
    public void The_summary_says_where_the_url_comes_from()
    {
        var summary = LibraryBuilder.Summary(LibraryBuilder.Compile("Hooks", Hooks, true, [.. ConfiguredUrlTests.Configuration]));
        Assert.Equal(
            string.Join("\n",
                "1",
                // The worker base posts to what its subclass passes to its constructor, or overrides.
                "U\tM:Hooks.CtorWebhookWorkerBase.ExecuteAsync(System.Threading.CancellationToken)\tM:Hooks.CtorWebhookWorkerBase.#ctor(System.Net.Http.HttpClient,System.String)#1\tPOST\tCtorWebhookWorkerBase.ExecuteAsync → HttpClient.PostAsJsonAsync\t\tDiscord:content",
                "U\tM:Hooks.Notifier.FanOutAsync(System.Collections.Generic.IEnumerable{System.String},System.String)\t0[]\tPOST\tNotifier.FanOutAsync → HttpClient.PostAsJsonAsync\t\tDiscord:content",
                "U\tM:Hooks.Notifier.PostAsync(Hooks.Endpoint,System.Object)\t0.Url\tPOST\tNotifier.PostAsync → HttpClient.PostAsJsonAsync\t",
                "U\tM:Hooks.Notifier.PostToAll(System.String,System.String[])\t1[]\tPOST\tNotifier.PostToAll → HttpClient.PostAsJsonAsync\t\tDiscord:content",
                "U\tM:Hooks.Notifier.SendToAsync(Hooks.WebhookTarget,System.String)\t0.Url\tPOST\tNotifier.SendToAsync → HttpClient.PostAsJsonAsync\t\tDiscord:content",
                "U\tM:Hooks.WebhookWorkerBase.ExecuteAsync(System.Threading.CancellationToken)\tthis.WebhookUrl\tPOST\tWebhookWorkerBase.ExecuteAsync → HttpClient.PostAsJsonAsync\t\tDiscord:content"),
            summary);
    }

    private static Task Check(string source, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test { TestCode = source };
        test.TestState.AdditionalReferences.AddRange([HooksLibrary, .. ConfiguredUrlTests.Configuration]);
        test.TestState.AdditionalFiles.Add(("/src/appsettings.json", Settings));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task A_worker_base_is_judged_by_what_each_subclass_gives()
        => Check("""
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;
            using Hooks;
            using Microsoft.Extensions.Configuration;
            using Presence;

            public sealed class {|#0:CommunityDigest|}(HttpClient http) : WebhookWorkerBase(http)
            {
                protected override string WebhookUrl => "https://discord.com/api/webhooks/123456789012345678/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";
                protected override TimeSpan Every => TimeSpan.FromDays(1);
            }

            public sealed class {|#1:ConfiguredDigest|}(HttpClient http, IConfiguration config) : WebhookWorkerBase(http)
            {
                protected override string WebhookUrl => config["Community:DiscordWebhook"]!;
                protected override TimeSpan Every => TimeSpan.FromDays(1);
            }

            public sealed class HealthPinger(HttpClient http, IConfiguration config) : WebhookWorkerBase(http)
            {
                protected override string WebhookUrl => config["Health:Url"]!;
                protected override TimeSpan Every => TimeSpan.FromMinutes(1);
            }

            public sealed class OpsDigest(HttpClient http) : WebhookWorkerBase(http)
            {
                [InternalAudience("the ops channel")]
                protected override string WebhookUrl => "https://discord.com/api/webhooks/123456789012345678/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";
                protected override TimeSpan Every => TimeSpan.FromDays(1);
            }

            public sealed class MachineDigest(HttpClient http) : {|#5:WebhookWorkerBase(http)|}
            {
                protected override string WebhookUrl => Environment.GetEnvironmentVariable("DIGEST_URL")!;
                protected override TimeSpan Every => TimeSpan.FromDays(1);
            }

            public sealed class {|#3:CtorDigest|}(HttpClient http, IConfiguration config)
                : CtorWebhookWorkerBase(http, config["Community:DiscordWebhook"]!);

            public sealed class CtorHealth(HttpClient http) : CtorWebhookWorkerBase(http, "https://status.acme.internal/api/heartbeat");

            public sealed class {|#4:ClassicCtorDigest|} : CtorWebhookWorkerBase
            {
                public ClassicCtorDigest(HttpClient http) : base(http, "https://hooks.slack.com/services/T0001/B0001/SECRETTOKEN")
                {
                }
            }

            public sealed class LoggingDigest : LoggingWorkerBase
            {
                protected override string WebhookUrl => "https://discord.com/api/webhooks/123456789012345678/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";
            }
            """,
            PathVerifier.Unattended(0, "CommunityDigest (a hosted service, run by WebhookWorkerBase.ExecuteAsync)", "WebhookWorkerBase.ExecuteAsync → HttpClient.PostAsJsonAsync (POST https://discord.com/api/webhooks/123456789012345678/…)"),
            PathVerifier.Unattended(1, "ConfiguredDigest (a hosted service, run by WebhookWorkerBase.ExecuteAsync)", "WebhookWorkerBase.ExecuteAsync → HttpClient.PostAsJsonAsync (POST to the URL from configuration 'Community:DiscordWebhook' (appsettings.json: discord.com))"),
            // Nobody can tell where an environment variable points: noted where the worker names its base.
            PathVerifier.Diagnostic(PresenceDiagnostics.UnresolvedSend).WithLocation(5).WithArguments(
                "Sends through 'WebhookWorkerBase.ExecuteAsync' (POST to the URL from environment variable 'DIGEST_URL' (set only in the environment))",
                "WebhookWorkerBase.ExecuteAsync → HttpClient.PostAsJsonAsync"),
            PathVerifier.Unattended(3, "CtorDigest (a hosted service, run by CtorWebhookWorkerBase.ExecuteAsync)", "CtorWebhookWorkerBase.ExecuteAsync → HttpClient.PostAsJsonAsync (POST to the URL from configuration 'Community:DiscordWebhook' (appsettings.json: discord.com))"),
            PathVerifier.Unattended(4, "ClassicCtorDigest (a hosted service, run by CtorWebhookWorkerBase.ExecuteAsync)", "CtorWebhookWorkerBase.ExecuteAsync → HttpClient.PostAsJsonAsync (POST https://hooks.slack.com/services/…)"));

    [Fact]
    public Task An_intermediate_base_that_passes_its_own_constructors_url_on_is_read_from_its_subclass()
        => Check("""
            using System.Net.Http;
            using Hooks;

            public abstract class RegionalWorkerBase(HttpClient http, string url) : CtorWebhookWorkerBase(http, url);

            public sealed class {|#0:EuropeDigest|}(HttpClient http) : RegionalWorkerBase(http, "https://hooks.slack.com/services/T0001/B0001/SECRETTOKEN");

            public sealed class EuropeHealth(HttpClient http) : RegionalWorkerBase(http, "https://status.acme.internal/api/heartbeat");
            """,
            PathVerifier.Unattended(0, "EuropeDigest (a hosted service, run by CtorWebhookWorkerBase.ExecuteAsync)", "CtorWebhookWorkerBase.ExecuteAsync → HttpClient.PostAsJsonAsync (POST https://hooks.slack.com/services/…)"));

    [Fact]
    public Task A_target_record_or_a_list_is_read_per_call()
        => Check("""
            using System.Threading;
            using System.Threading.Tasks;
            using Hooks;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.Hosting;

            public sealed class TargetWorker(Notifier n, IConfiguration config) : BackgroundService
            {
                protected override async Task {|#0:ExecuteAsync|}(CancellationToken ct)
                {
                    var target = new WebhookTarget(config["Community:DiscordWebhook"]!, "community");
                    while (!ct.IsCancellationRequested) { await n.SendToAsync(target, "hi"); await Task.Delay(60_000, ct); }
                }
            }

            public sealed class EndpointWorker(Notifier n) : BackgroundService
            {
                protected override async Task {|#1:ExecuteAsync|}(CancellationToken ct)
                {
                    while (!ct.IsCancellationRequested) { await n.PostAsync(new Endpoint("https://hooks.slack.com/services/T0001/B0001/SECRETTOKEN"), new { text = "Good morning!" }); await Task.Delay(60_000, ct); }
                }
            }

            public sealed class FanOutWorker(Notifier n, IConfiguration config) : BackgroundService
            {
                protected override async Task {|#2:ExecuteAsync|}(CancellationToken ct)
                {
                    while (!ct.IsCancellationRequested) { await n.FanOutAsync([config["Community:DiscordWebhook"]!], "hi"); await Task.Delay(60_000, ct); }
                }
            }

            public sealed class ParamsWorker(Notifier n) : BackgroundService
            {
                protected override async Task {|#3:ExecuteAsync|}(CancellationToken ct)
                {
                    while (!ct.IsCancellationRequested) { await n.PostToAll("hi", "https://status.acme.internal/x", "https://discord.com/api/webhooks/1/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"); await Task.Delay(60_000, ct); }
                }
            }

            public sealed class InternalWorker(Notifier n, IConfiguration config) : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken ct)
                {
                    while (!ct.IsCancellationRequested)
                    {
                        await n.SendToAsync(new WebhookTarget("https://ops.acme.internal/hook", "ops"), "hi");
                        await n.PostAsync(new Endpoint(config["Health:Url"]!), new { text = "up" });
                        await n.FanOutAsync(new[] { "https://ops.acme.internal/hook" }, "hi");
                        await n.PostToAll("hi", "https://status.acme.internal/x");
                        n.Describe(new WebhookTarget("https://discord.com/api/webhooks/1/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789", "community"));
                        await Task.Delay(60_000, ct);
                    }
                }
            }
            """,
            PathVerifier.Unattended(0, "TargetWorker.ExecuteAsync (a hosted service)", "TargetWorker.ExecuteAsync → Notifier.SendToAsync → HttpClient.PostAsJsonAsync (POST to the URL from configuration 'Community:DiscordWebhook' (appsettings.json: discord.com))"),
            PathVerifier.Unattended(1, "EndpointWorker.ExecuteAsync (a hosted service)", "EndpointWorker.ExecuteAsync → Notifier.PostAsync → HttpClient.PostAsJsonAsync (POST https://hooks.slack.com/services/…)"),
            PathVerifier.Unattended(2, "FanOutWorker.ExecuteAsync (a hosted service)", "FanOutWorker.ExecuteAsync → Notifier.FanOutAsync → HttpClient.PostAsJsonAsync (POST to the URL from configuration 'Community:DiscordWebhook' (appsettings.json: discord.com))"),
            PathVerifier.Unattended(3, "ParamsWorker.ExecuteAsync (a hosted service)", "ParamsWorker.ExecuteAsync → Notifier.PostToAll → HttpClient.PostAsJsonAsync (POST https://discord.com/api/webhooks/1/…)"));

    // A helper of the host that hands its own target (or list) on: each of its callers decides, as for a URL argument.
    [Fact]
    public Task A_helper_of_the_host_is_decided_per_caller()
        => Check("""
            using System.Threading;
            using System.Threading.Tasks;
            using Hooks;
            using Microsoft.Extensions.Hosting;

            public sealed class Relay(Notifier n)
            {
                public Task Forward(WebhookTarget target) => {|#1:n.SendToAsync(target, "hi")|};

                public Task Spread(string[] urls) => {|#2:n.FanOutAsync(urls, "hi")|};
            }

            public sealed class CommunityWorker(Relay relay) : BackgroundService
            {
                protected override async Task {|#0:ExecuteAsync|}(CancellationToken ct)
                {
                    while (!ct.IsCancellationRequested)
                    {
                        await relay.Forward(new WebhookTarget("https://discord.com/api/webhooks/1/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789", "community"));
                        await Task.Delay(60_000, ct);
                    }
                }
            }

            public sealed class OpsWorker(Relay relay) : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken ct)
                {
                    while (!ct.IsCancellationRequested)
                    {
                        await relay.Forward(new WebhookTarget("https://ops.acme.internal/hook", "ops"));
                        await relay.Spread(["https://ops.acme.internal/hook"]);
                        await Task.Delay(60_000, ct);
                    }
                }
            }

            public sealed class SpreadWorker(Relay relay) : BackgroundService
            {
                protected override async Task {|#3:ExecuteAsync|}(CancellationToken ct)
                {
                    while (!ct.IsCancellationRequested)
                    {
                        await relay.Spread(new[] { "https://status.acme.internal/x", "https://hooks.slack.com/services/T0001/B0001/SECRETTOKEN" });
                        await Task.Delay(60_000, ct);
                    }
                }
            }
            """,
            PathVerifier.Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithLocation(1)
                .WithArguments("Posts to Discord through 'Notifier.SendToAsync' (POST https://discord.com/api/webhooks/1/…)", "Forward"),
            PathVerifier.Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithLocation(2)
                .WithArguments("Posts to Slack through 'Notifier.FanOutAsync' (POST https://hooks.slack.com/services/…)", "Spread"),
            PathVerifier.Unattended(0, "CommunityWorker.ExecuteAsync (a hosted service)", "CommunityWorker.ExecuteAsync → Relay.Forward → Notifier.SendToAsync → HttpClient.PostAsJsonAsync (POST https://discord.com/api/webhooks/1/…)"),
            PathVerifier.Unattended(3, "SpreadWorker.ExecuteAsync (a hosted service)", "SpreadWorker.ExecuteAsync → Relay.Spread → Notifier.FanOutAsync → HttpClient.PostAsJsonAsync (POST https://hooks.slack.com/services/…)"));

    // In one project, a target's member is read per call too (what each job passes), and a member of an argument of
    // another kind (an options value) is read as before.
    [Fact]
    public Task In_one_project_each_call_passes_its_own_target()
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test
        {
            TestCode = """
                using System.Net.Http;
                using System.Net.Http.Json;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.Extensions.Hosting;
                using Microsoft.Extensions.Options;

                public sealed record Endpoint(string Url);
                public sealed class SlackSettings { public string WebhookUrl { get; set; } = ""; }

                public sealed class Poster(HttpClient http)
                {
                    public Task Post(Endpoint endpoint) => {|#1:http.PostAsJsonAsync(endpoint.Url, new { text = "hi" })|};

                    public Task Notify(SlackSettings settings) => http.PostAsJsonAsync(settings.WebhookUrl, new { text = "hi" });
                }

                public sealed class SlackWorker(Poster poster) : BackgroundService
                {
                    protected override async Task {|#0:ExecuteAsync|}(CancellationToken ct)
                    {
                        while (!ct.IsCancellationRequested) { await poster.Post(new Endpoint("https://hooks.slack.com/services/T0001/B0001/SECRETTOKEN")); await Task.Delay(60_000, ct); }
                    }
                }

                public sealed class OpsWorker(Poster poster, IOptions<SlackSettings> options) : BackgroundService
                {
                    protected override async Task ExecuteAsync(CancellationToken ct)
                    {
                        while (!ct.IsCancellationRequested)
                        {
                            await poster.Post(new Endpoint("https://ops.acme.internal/hook"));
                            await poster.Notify(options.Value);
                            await Task.Delay(60_000, ct);
                        }
                    }
                }

                public static class Startup
                {
                    public static void Bind(IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration config)
                        => services.Configure<SlackSettings>(config.GetSection("Ops"));
                }
                """,
        };
        test.TestState.AdditionalReferences.AddRange(ConfiguredUrlTests.Configuration);
        test.TestState.AdditionalFiles.Add(("/src/appsettings.json", """{ "Ops": { "WebhookUrl": "https://ops.acme.internal/hook" } }"""));
        test.ExpectedDiagnostics.Add(PathVerifier.Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithLocation(1)
            .WithArguments("Posts to Slack through 'HttpClient.PostAsJsonAsync' (POST https://hooks.slack.com/services/…)", "Post"));
        test.ExpectedDiagnostics.Add(PathVerifier.Unattended(0, "SlackWorker.ExecuteAsync (a hosted service)", "SlackWorker.ExecuteAsync → Poster.Post → HttpClient.PostAsJsonAsync (POST https://hooks.slack.com/services/…)"));
        return test.RunAsync();
    }

    // In one project, the base's send is read for each concrete worker by its override, as across projects.
    [Fact]
    public Task In_one_project_a_worker_base_is_judged_by_each_subclass()
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test
        {
            TestCode = """
                using System;
                using System.Net.Http;
                using System.Net.Http.Json;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Extensions.Hosting;

                public abstract class WebhookWorkerBase(HttpClient http) : BackgroundService
                {
                    protected abstract string WebhookUrl { get; }

                    protected override async Task ExecuteAsync(CancellationToken ct)
                    {
                        while (!ct.IsCancellationRequested)
                        {
                            await {|#1:http.PostAsJsonAsync(WebhookUrl, new { content = "Today at Acme" }, ct)|};
                            await Task.Delay(TimeSpan.FromDays(1), ct);
                        }
                    }
                }

                public sealed class {|#0:CommunityDigest|}(HttpClient http) : WebhookWorkerBase(http)
                {
                    protected override string WebhookUrl => "https://discord.com/api/webhooks/123456789012345678/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";
                }

                public sealed class HealthPinger(HttpClient http) : WebhookWorkerBase(http)
                {
                    protected override string WebhookUrl => "https://status.acme.internal/api/heartbeat";
                }

                public sealed class MachineDigest(HttpClient http) : WebhookWorkerBase(http)
                {
                    protected override string WebhookUrl => Environment.GetEnvironmentVariable("DIGEST_URL")!;
                }
                """,
        };
        test.TestState.AdditionalReferences.AddRange(ConfiguredUrlTests.Configuration);
        test.ExpectedDiagnostics.Add(PathVerifier.Unattended(0, "CommunityDigest (a hosted service, run by WebhookWorkerBase.ExecuteAsync)", "WebhookWorkerBase.ExecuteAsync → HttpClient.PostAsJsonAsync (POST https://discord.com/api/webhooks/123456789012345678/…)"));
        test.ExpectedDiagnostics.Add(PathVerifier.Diagnostic(PresenceDiagnostics.UnresolvedSend).WithLocation(1).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments(
            "Sends through 'HttpClient.PostAsJsonAsync' (POST to the URL from environment variable 'DIGEST_URL' (set only in the environment))",
            "WebhookWorkerBase.ExecuteAsync → HttpClient.PostAsJsonAsync"));
        return test.RunAsync();
    }
}
