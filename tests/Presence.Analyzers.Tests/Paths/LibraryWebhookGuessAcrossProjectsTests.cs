using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Catalog;
using Presence.Analyzers.Tests.Verifiers;
using Xunit;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A library posts to a webhook whose URL comes from the host's configuration: an options type the host binds to a
/// section, or a key the host reads and passes in. When the host's settings give that key no usable value (a
/// local.settings.json kept out of the repository, a value set only where it is deployed), the setting's name and the
/// body the library sends decide together, as they do when all the code is in one project.
/// </summary>
public class LibraryWebhookGuessAcrossProjectsTests
{
    private const string Social = """
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Options;
        using Presence;

        namespace Social;

        public sealed class DiscordOptions { public string WebhookUrl { get; set; } = ""; }

        public sealed class MetricsOptions { public string Url { get; set; } = ""; }

        public sealed class OpsOptions
        {
            [InternalAudience("the operations team's channel")]
            public string SlackWebhookUrl { get; set; } = "";
        }

        public sealed class DiscordAnnouncer(HttpClient http, IOptions<DiscordOptions> options)
        {
            public Task AnnounceAsync(string text) => http.PostAsJsonAsync(options.Value.WebhookUrl, new { content = text });
        }

        public sealed class MetricsPusher(HttpClient http, IOptions<MetricsOptions> options)
        {
            public Task PushAsync(string text) => http.PostAsJsonAsync(options.Value.Url, new { content = text });
        }

        public sealed class OpsAlerter(HttpClient http, IOptions<OpsOptions> options)
        {
            public Task AlertAsync(string text) => http.PostAsJsonAsync(options.Value.SlackWebhookUrl, new { text });
        }

        public sealed class WebhookNotifier(HttpClient http)
        {
            public Task SendAsync(string webhookUrl, string text) => http.PostAsJsonAsync(webhookUrl, new { text });
        }
        """;

    private static readonly MetadataReference SocialLibrary = LibraryBuilder.Build("Social", Social, ConfiguredUrlTests.Configuration);

    private const string Bindings = """
        static class Startup
        {
            public static void Configure(IServiceCollection services, IConfiguration config)
            {
                services.Configure<DiscordOptions>(config.GetSection("Discord"));
                services.Configure<MetricsOptions>(config.GetSection("Metrics"));
                services.Configure<OpsOptions>(config.GetSection("Ops"));
            }
        }
        """;

    private const string Jobs = """
        class DiscordJob(DiscordAnnouncer discord) : Quartz.IJob
        {
            public async ValueTask {|#0:Execute|}(Quartz.IJobExecutionContext context, CancellationToken cancellationToken) => await discord.AnnounceAsync("Daily tip");
        }

        class SlackJob(WebhookNotifier notifier, IConfiguration config) : Quartz.IJob
        {
            public async ValueTask {|#1:Execute|}(Quartz.IJobExecutionContext context, CancellationToken cancellationToken) => await notifier.SendAsync(config["Community:SlackWebhook"]!, "Daily");
        }

        class QuietJob(MetricsPusher metrics, OpsAlerter ops, WebhookNotifier notifier, IConfiguration config) : Quartz.IJob
        {
            public async ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken cancellationToken)
            {
                await metrics.PushAsync("42");
                await ops.AlertAsync("disk 91%");
                await notifier.SendAsync(config["Health:Url"]!, "up");
            }
        }
        """;

    private const string Usings = """
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Social;

        """;

    private static Task Check(string host, string? settings, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test { TestCode = host };
        test.TestState.AdditionalReferences.AddRange([PathVerifier.Quartz4, SocialLibrary, .. ConfiguredUrlTests.Configuration]);
        if (settings is not null)
        {
            test.TestState.AdditionalFiles.Add(("/src/local.settings.json", settings));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult Publish(int location, string entry, string path)
        => PathVerifier.Diagnostic(PresenceDiagnostics.UnattendedPublish).WithLocation(location)
            .WithArguments(entry, path)
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    [Fact]
    public void The_summary_carries_the_body_s_shape_with_a_url_its_host_or_caller_gives()
    {
        var summary = LibraryBuilder.Summary(LibraryBuilder.Compile("Social", Social, withPresence: true, ConfiguredUrlTests.Configuration));
        Assert.Equal(
            string.Join("\n",
                "1",
                "A\tM:Social.WebhookNotifier.SendAsync(System.String,System.String)\t0\tPOST\tWebhookNotifier.SendAsync → HttpClient.PostAsJsonAsync\t\tSlack:text",
                "K\tM:Social.DiscordAnnouncer.AnnounceAsync(System.String)\t{DiscordOptions}:WebhookUrl\tPOST\tDiscordAnnouncer.AnnounceAsync → HttpClient.PostAsJsonAsync\t\t\t\tDiscord:content",
                "K\tM:Social.MetricsPusher.PushAsync(System.String)\t{MetricsOptions}:Url\tPOST\tMetricsPusher.PushAsync → HttpClient.PostAsJsonAsync\t\t\t\tDiscord:content"),
            summary);
    }

    private const string DiscordPath = "DiscordJob.Execute → DiscordAnnouncer.AnnounceAsync → HttpClient.PostAsJsonAsync";

    private static DiagnosticResult HealthNote(string unset)
        => AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Diagnostic(PresenceDiagnostics.UnresolvedSend).WithLocation(2)
            .WithArguments("Sends through 'WebhookNotifier.SendAsync' (POST to the URL from configuration 'Health:Url' (" + unset + "))", "QuietJob.Execute → WebhookNotifier.SendAsync → HttpClient.PostAsJsonAsync")
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    // A send whose setting has no usable value and whose name says no platform stays unresolved: a note, as in one project.
    private static DiagnosticResult MetricsNote(string unset)
        => AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Diagnostic(PresenceDiagnostics.UnresolvedSend).WithLocation(3)
            .WithArguments("Sends through 'MetricsPusher.PushAsync' (POST to the URL from configuration 'Metrics:Url' (" + unset + "))", "QuietJob.Execute → MetricsPusher.PushAsync → HttpClient.PostAsJsonAsync")
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    private static readonly string QuietJobs = Jobs
        .Replace("await notifier.SendAsync(config[\"Health:Url\"]!, \"up\");", "await {|#2:notifier.SendAsync(config[\"Health:Url\"]!, \"up\")|};")
        .Replace("await metrics.PushAsync(\"42\");", "await {|#3:metrics.PushAsync(\"42\")|};");

    [Fact]
    public Task A_host_without_settings_reports_a_library_s_post_to_a_platform_named_setting()
        => Check(
            Usings + Bindings + QuietJobs,
            null,
            Publish(0, "DiscordJob.Execute (a Quartz job)",
                DiscordPath + " (POST to the URL from configuration 'Discord:WebhookUrl' (no settings file is passed to the analyzers; the name says Discord and the body has 'content'))"),
            Publish(1, "SlackJob.Execute (a Quartz job)",
                "SlackJob.Execute → WebhookNotifier.SendAsync → HttpClient.PostAsJsonAsync (POST to the URL from configuration 'Community:SlackWebhook' (no settings file is passed to the analyzers; the name says Slack and the body has 'text'))"),
            HealthNote("no settings file is passed to the analyzers"),
            MetricsNote("no settings file is passed to the analyzers"));

    // A webhook URL is a credential: hosts leave it empty, or a placeholder their pipeline replaces.
    [Theory]
    [InlineData("")]
    [InlineData("#{DiscordWebhook}#")]
    public Task A_host_whose_settings_leave_the_setting_empty_or_a_placeholder_reports_it(string value)
        => Check(
            Usings + Bindings + QuietJobs,
            $$"""{ "Values": { "Discord:WebhookUrl": "{{value}}", "Community:SlackWebhook": "{{value}}", "Health:Url": "https://status.acme.internal/ingest" } }""",
            Publish(0, "DiscordJob.Execute (a Quartz job)",
                DiscordPath + " (POST to the URL from configuration 'Discord:WebhookUrl' (" + (value.Length == 0 ? "empty" : "not a URL") + " in local.settings.json; the name says Discord and the body has 'content'))"),
            Publish(1, "SlackJob.Execute (a Quartz job)",
                "SlackJob.Execute → WebhookNotifier.SendAsync → HttpClient.PostAsJsonAsync (POST to the URL from configuration 'Community:SlackWebhook' (" + (value.Length == 0 ? "empty" : "not a URL") + " in local.settings.json; the name says Slack and the body has 'text'))"),
            MetricsNote("not set in the settings files"));

    // The host's own value decides where it has one: a publish URL is reported with its host, an internal one is not.
    [Fact]
    public Task A_host_value_still_decides()
        => Task.WhenAll(
            Check(
                Usings + Bindings + QuietJobs,
                """{ "Values": { "Discord:WebhookUrl": "https://discord.com/api/webhooks/123456789012345678/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789", "Community:SlackWebhook": "https://hooks.slack.com/services/T0001/B0001/SECRETTOKEN", "Health:Url": "https://status.acme.internal/ingest" } }""",
                Publish(0, "DiscordJob.Execute (a Quartz job)", DiscordPath + " (POST to the URL from configuration 'Discord:WebhookUrl' (local.settings.json: discord.com))"),
                Publish(1, "SlackJob.Execute (a Quartz job)", "SlackJob.Execute → WebhookNotifier.SendAsync → HttpClient.PostAsJsonAsync (POST to the URL from configuration 'Community:SlackWebhook' (local.settings.json: hooks.slack.com))"),
                MetricsNote("not set in the settings files")),
            Check(
                Usings + Bindings + QuietJobs,
                """{ "Values": { "Discord:WebhookUrl": "https://chat.acme.internal/hooks/ops", "Community:SlackWebhook": "https://chat.acme.internal/hooks/team", "Health:Url": "https://status.acme.internal/ingest", "Metrics:Url": "https://metrics.acme.internal/ingest" } }"""));

    // Options the host does not bind are bound where the analyzers cannot follow, to a value that decides: no guess
    // from their name, and a note, as in one project.
    [Fact]
    public Task Options_the_host_binds_out_of_sight_are_not_guessed()
        => Check(
            Usings + Bindings.Replace("services.Configure<DiscordOptions>(config.GetSection(\"Discord\"));", "services.Configure<DiscordOptions>(o => o.WebhookUrl = config[\"Relay:Url\"]!);")
                + QuietJobs.Replace("{|#0:Execute|}", "Execute").Replace("await discord.AnnounceAsync(\"Daily tip\")", "await {|#0:discord.AnnounceAsync(\"Daily tip\")|}"),
            """{ "Values": { "Community:SlackWebhook": "https://chat.acme.internal/hooks/team", "Health:Url": "https://status.acme.internal/ingest", "Metrics:Url": "https://metrics.acme.internal/ingest" } }""",
            AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Diagnostic(PresenceDiagnostics.UnresolvedSend).WithLocation(0)
                .WithArguments("Sends through 'DiscordAnnouncer.AnnounceAsync' (POST to the URL from options 'DiscordOptions.WebhookUrl' (its options type is bound to no configuration section in this project))", "DiscordJob.Execute → DiscordAnnouncer.AnnounceAsync → HttpClient.PostAsJsonAsync")
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    // The same code in one project: the same verdicts, the same words.
    [Fact]
    public Task In_one_project_the_name_and_the_body_decide_the_same()
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test { TestCode = Usings + Bindings + QuietJobs };
        test.TestState.Sources.Add(("/0/Social.cs", Social));
        test.TestState.AdditionalReferences.AddRange([PathVerifier.Quartz4, .. ConfiguredUrlTests.Configuration]);
        test.ExpectedDiagnostics.AddRange([
            Publish(0, "DiscordJob.Execute (a Quartz job)",
                DiscordPath + " (POST to the URL from configuration 'Discord:WebhookUrl' (no settings file is passed to the analyzers; the name says Discord and the body has 'content'))"),
            Publish(1, "SlackJob.Execute (a Quartz job)",
                "SlackJob.Execute → WebhookNotifier.SendAsync → HttpClient.PostAsJsonAsync (POST to the URL from configuration 'Community:SlackWebhook' (no settings file is passed to the analyzers; the name says Slack and the body has 'text'))"),
            // The library's sends themselves, and the sends nothing decides, on the unattended path.
            AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithSpan("/0/Social.cs", 21, 47, 21, 117)
                .WithArguments("Posts to Discord through 'HttpClient.PostAsJsonAsync' (POST to the URL from configuration 'Discord:WebhookUrl' (no settings file is passed to the analyzers; the name says Discord and the body has 'content'))", "AnnounceAsync"),
            AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithSpan("/0/Social.cs", 36, 62, 36, 108)
                .WithArguments("Posts to Slack through 'HttpClient.PostAsJsonAsync' (POST to the URL from configuration 'Community:SlackWebhook' (no settings file is passed to the analyzers; the name says Slack and the body has 'text'))", "SendAsync"),
            AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Diagnostic(PresenceDiagnostics.UnresolvedSend).WithSpan("/0/Social.cs", 26, 43, 26, 106)
                .WithArguments("Sends through 'HttpClient.PostAsJsonAsync' (POST to the URL from configuration 'Metrics:Url' (no settings file is passed to the analyzers))", "QuietJob.Execute → MetricsPusher.PushAsync → HttpClient.PostAsJsonAsync")
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
            AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Diagnostic(PresenceDiagnostics.UnresolvedSend).WithSpan("/0/Social.cs", 36, 62, 36, 108)
                .WithArguments("Sends through 'HttpClient.PostAsJsonAsync' (POST to the URL from configuration 'Health:Url' (no settings file is passed to the analyzers))", "QuietJob.Execute → WebhookNotifier.SendAsync → HttpClient.PostAsJsonAsync")
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
        ]);
        return test.RunAsync();
    }
}
