using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Catalog;
using Presence.Analyzers.Tests.Verifiers;
using Xunit;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A library declares an options type and posts to one of its properties without binding it; the host binds it to a
/// section, and the host's binding and settings decide whether the library's send publishes.
/// </summary>
public class HostBoundOptionsTests
{
    private const string Chat = """
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Options;

        namespace Chat;

        public sealed class ChatOptions { public string Url { get; set; } = ""; }

        public sealed class ChatPoster(HttpClient http, IOptions<ChatOptions> options)
        {
            public Task PostAsync(string message) => http.PostAsJsonAsync(options.Value.Url, new { note = message });
        }

        public sealed class FieldPoster
        {
            private readonly HttpClient _http;
            private readonly ChatOptions _options;

            public FieldPoster(HttpClient http, IOptionsMonitor<ChatOptions> options)
            {
                _http = http;
                _options = options.CurrentValue;
            }

            public Task PostAsync(string message) => _http.PostAsJsonAsync(_options.Url, new { note = message });
        }
        """;

    private static readonly MetadataReference ChatLibrary = LibraryBuilder.Build("Chat.Core", Chat, ConfiguredUrlTests.Configuration);

    private const string Host = """
        using System.Threading;
        using System.Threading.Tasks;
        using Chat;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        static class Startup
        {
            public static void Configure(IServiceCollection services, IConfiguration config)
                => services.Configure<ChatOptions>(config.GetSection("Community:Chat"));
        }

        class WeeklyJob(ChatPoster chat) : Quartz.IJob
        {
            public async ValueTask {|#0:Execute|}(Quartz.IJobExecutionContext context, CancellationToken cancellationToken) => await {|#2:chat.PostAsync("Weekly roundup")|};
        }

        class DailyJob(FieldPoster chat) : Quartz.IJob
        {
            public async ValueTask {|#1:Execute|}(Quartz.IJobExecutionContext context, CancellationToken cancellationToken) => await {|#3:chat.PostAsync("Daily roundup")|};
        }
        """;

    private static Task Check(string host, string? settings, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test { TestCode = host };
        test.TestState.AdditionalReferences.AddRange([PathVerifier.Quartz4, ChatLibrary, .. ConfiguredUrlTests.Configuration]);
        if (settings is not null)
        {
            test.TestState.AdditionalFiles.Add(("/src/appsettings.json", settings));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private const string SlackSettings = """{ "Community": { "Chat": { "Url": "https://hooks.slack.com/services/T1/B1/x" } } }""";

    [Fact]
    public void The_summary_carries_the_options_property_not_a_value()
    {
        var summary = LibraryBuilder.Summary(LibraryBuilder.Compile("Chat.Core", Chat, withPresence: true, ConfiguredUrlTests.Configuration));
        Assert.Equal(
            string.Join("\n",
                "1",
                "K\tM:Chat.ChatPoster.PostAsync(System.String)\t{ChatOptions}:Url\tPOST\tChatPoster.PostAsync → HttpClient.PostAsJsonAsync",
                "K\tM:Chat.FieldPoster.PostAsync(System.String)\t{ChatOptions}:Url\tPOST\tFieldPoster.PostAsync → HttpClient.PostAsJsonAsync"),
            summary);
    }

    [Fact]
    public Task A_host_that_binds_the_options_to_a_publish_url_sees_the_library_publish()
        => Check(
            Host,
            SlackSettings,
            PathVerifier.Diagnostic(PresenceDiagnostics.UnattendedPublish).WithLocation(0)
                .WithArguments("WeeklyJob.Execute (a Quartz job)", "WeeklyJob.Execute → ChatPoster.PostAsync → HttpClient.PostAsJsonAsync (POST to the URL from configuration 'Community:Chat:Url' (appsettings.json: hooks.slack.com))")
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
            PathVerifier.Diagnostic(PresenceDiagnostics.UnattendedPublish).WithLocation(1)
                .WithArguments("DailyJob.Execute (a Quartz job)", "DailyJob.Execute → FieldPoster.PostAsync → HttpClient.PostAsJsonAsync (POST to the URL from configuration 'Community:Chat:Url' (appsettings.json: hooks.slack.com))")
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    // A section without a value, or a type bound to none, leaves the send unresolved: a note, as in one project.
    private static DiagnosticResult[] Notes(string key, string unset)
        => [
            AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Diagnostic(PresenceDiagnostics.UnresolvedSend).WithLocation(2)
                .WithArguments("Sends through 'ChatPoster.PostAsync' (POST to the URL from " + key + " (" + unset + "))", "WeeklyJob.Execute → ChatPoster.PostAsync → HttpClient.PostAsJsonAsync")
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
            AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Diagnostic(PresenceDiagnostics.UnresolvedSend).WithLocation(3)
                .WithArguments("Sends through 'FieldPoster.PostAsync' (POST to the URL from " + key + " (" + unset + "))", "DailyJob.Execute → FieldPoster.PostAsync → HttpClient.PostAsJsonAsync")
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
        ];

    [Fact]
    public Task A_host_whose_section_holds_an_internal_url_or_that_binds_another_section_does_not()
        => Task.WhenAll(
            Check(Host, SlackSettings.Replace("https://hooks.slack.com/services/T1/B1/x", "https://chat.acme.internal/hooks/ops")),
            Check(Host.Replace("\"Community:Chat\"", "\"Ops:Chat\""), SlackSettings, Notes("configuration 'Ops:Chat:Url'", "not set in the settings files")),
            Check(Host.Replace("services.Configure<ChatOptions>", "services.Configure<OtherOptions>") + "\nsealed class OtherOptions { public string Url { get; set; } = \"\"; }", SlackSettings,
                Notes("options 'ChatOptions.Url'", "its options type is bound to no configuration section in this project")));

    [Fact]
    public Task Unbound_options_are_named_in_the_note_of_an_unattended_send()
        => ConfiguredUrlTests.Check("""
            public sealed class ChatOptions { public string Url { get; set; } = ""; }

            class Sync(HttpClient http, IOptions<ChatOptions> options) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override Task ExecuteAsync(CancellationToken ct) => {|#0:http.PostAsync(options.Value.Url, new StringContent("{}"))|};
            }
            """,
            [("/src/appsettings.json", "{}")],
            AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Diagnostic(PresenceDiagnostics.UnresolvedSend).WithLocation(0)
                .WithArguments("Sends through 'HttpClient.PostAsync' (POST to the URL from options 'ChatOptions.Url' (its options type is bound to no configuration section in this project))", "Sync.ExecuteAsync → HttpClient.PostAsync")
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    // An options type bound where the analyzers cannot follow (a configure lambda, another project) is not guessed from
    // its name and body: SlackOptions posting { text } to an internal relay is a note, not a Slack publish.
    [Fact]
    public Task Options_named_like_a_platform_but_bound_out_of_sight_are_not_guessed_a_publish()
        => ConfiguredUrlTests.Check("""
            public sealed class SlackOptions { public string WebhookUrl { get; set; } = ""; }

            static class Setup
            {
                public static void Add(IServiceCollection services, IConfiguration config)
                    => services.Configure<SlackOptions>(o => o.WebhookUrl = config["SlackRelay:WebhookUrl"]!);
            }

            class Digest(HttpClient http, IOptions<SlackOptions> options) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override Task ExecuteAsync(CancellationToken ct) => {|#0:http.PostAsJsonAsync(options.Value.WebhookUrl, new { text = "queued for review" }, ct)|};
            }
            """,
            [("/src/appsettings.json", """{ "SlackRelay": { "WebhookUrl": "https://slack-relay.acme.internal/hooks/ops" } }""")],
            AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Diagnostic(PresenceDiagnostics.UnresolvedSend).WithLocation(0)
                .WithArguments("Sends through 'HttpClient.PostAsJsonAsync' (POST to the URL from options 'SlackOptions.WebhookUrl' (its options type is bound to no configuration section in this project))", "Digest.ExecuteAsync → HttpClient.PostAsJsonAsync")
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    // The binder replaces an init-only property's default: a modern options class (or record) with WebhookUrl { get; init; } = "".
    [Fact]
    public Task An_init_only_options_property_is_read_from_the_section_its_type_is_bound_from()
        => ConfiguredUrlTests.Check("""
            public sealed class DiscordOptions { public string WebhookUrl { get; init; } = ""; }

            public sealed record AlertOptions { public string Url { get; init; } = "https://status.acme.internal/hooks"; }

            public sealed class Hooks { public string Url { get; init; } = "https://discord.com/api/webhooks/1/abc"; }

            static class Setup
            {
                public static void Add(IServiceCollection services, IConfiguration config)
                {
                    services.Configure<DiscordOptions>(config.GetSection("Discord"));
                    services.Configure<AlertOptions>(config.GetSection("Alerts"));
                }
            }

            class Poster(HttpClient http, IOptions<DiscordOptions> discord, IOptions<AlertOptions> alerts, Hooks hooks)
            {
                Task Discord() => {|PRES001:http.PostAsJsonAsync(discord.Value.WebhookUrl, new { content = "Still alive" })|};
                Task Alerts() => http.PostAsJsonAsync(alerts.Value.Url, new { content = "disk 91%" });
                Task Default() => {|PRES001:http.PostAsJsonAsync(hooks.Url, new { content = "hi" })|};
            }
            """,
            [("/src/appsettings.json", """{ "Discord": { "WebhookUrl": "https://discord.com/api/webhooks/111/tok" }, "Alerts": { "Url": "https://status.acme.internal/ingest" } }""")]);
}
