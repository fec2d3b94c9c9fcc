using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Catalog;
using Presence.Analyzers.Tests.Verifiers;
using Xunit;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A nested object of a bound options type kept in a field the constructor sets (<c>_discord = options.Value.Discord</c>),
/// then its URL read where the request is sent: the URL is the nested section's setting, as when it is read at the call.
/// </summary>
public class NestedOptionsFieldTests
{
    private const string Options = """
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Options;
        using Presence;

        namespace Social;

        public sealed class NotificationsOptions
        {
            public DiscordOptions Discord { get; set; } = new();
            public TeamOptions Team { get; set; } = new();
            public OpsOptions Ops { get; set; } = new();
        }

        public sealed class DiscordOptions { public string WebhookUrl { get; set; } = ""; public string Username { get; set; } = "bot"; }
        public sealed class TeamOptions { public DiscordOptions Releases { get; set; } = new(); }
        public sealed class OpsOptions { [InternalAudience("the on-call channel")] public string WebhookUrl { get; set; } = ""; }

        """;

    private const string Notifiers = """
        public sealed class DiscordNotifier
        {
            private readonly HttpClient _http;
            private readonly DiscordOptions _discord;

            public DiscordNotifier(HttpClient http, IOptions<NotificationsOptions> options)
            {
                _http = http;
                _discord = options.Value.Discord;
            }

            public Task PostAsync(string content) => {|#10:_http.PostAsJsonAsync(_discord.WebhookUrl, new { content, username = _discord.Username })|};
        }

        public sealed class MonitorNotifier
        {
            private readonly HttpClient _http;
            private readonly DiscordOptions _discord;

            public MonitorNotifier(HttpClient http, IOptionsMonitor<NotificationsOptions> options)
            {
                _http = http;
                _discord = options.CurrentValue.Discord;
            }

            public Task PostAsync(string content) => {|#11:_http.PostAsJsonAsync(_discord.WebhookUrl, new { content })|};
        }

        public sealed class SnapshotNotifier
        {
            private readonly HttpClient _http;
            private readonly DiscordOptions _discord;

            public SnapshotNotifier(HttpClient http, IOptionsSnapshot<NotificationsOptions> options)
            {
                _http = http;
                this._discord = options.Value.Discord;
            }

            public Task PostAsync(string content) => {|#12:_http.PostAsJsonAsync(_discord.WebhookUrl, new { content })|};
        }

        public sealed class ReleasesNotifier
        {
            private readonly HttpClient _http;
            private readonly DiscordOptions _releases;

            public ReleasesNotifier(HttpClient http, IOptions<NotificationsOptions> options)
            {
                _http = http;
                _releases = options.Value.Team.Releases;
            }

            public Task PostAsync(string content) => {|#13:_http.PostAsJsonAsync(_releases.WebhookUrl, new { content })|};
        }

        public sealed class OpsNotifier
        {
            private readonly HttpClient _http;
            private readonly OpsOptions _ops;

            public OpsNotifier(HttpClient http, IOptions<NotificationsOptions> options)
            {
                _http = http;
                _ops = options.Value.Ops;
            }

            public Task PostAsync(string content) => _http.PostAsJsonAsync(_ops.WebhookUrl, new { content });
        }

        """;

    private const string Workers = """
        public sealed class ReleasePoller(DiscordNotifier discord) : Microsoft.Extensions.Hosting.BackgroundService
        {
            protected override async Task {|#0:ExecuteAsync|}(System.Threading.CancellationToken ct)
            {
                using var timer = new System.Threading.PeriodicTimer(System.TimeSpan.FromMinutes(15));
                while (await timer.WaitForNextTickAsync(ct))
                {
                    await discord.PostAsync("Released v1.2.3");
                }
            }
        }

        public sealed class MonitorJob(MonitorNotifier discord) : Microsoft.Extensions.Hosting.BackgroundService
        {
            protected override Task {|#1:ExecuteAsync|}(System.Threading.CancellationToken ct) => discord.PostAsync("tick");
        }

        public sealed class SnapshotJob(SnapshotNotifier discord) : Microsoft.Extensions.Hosting.BackgroundService
        {
            protected override Task {|#2:ExecuteAsync|}(System.Threading.CancellationToken ct) => discord.PostAsync("tick");
        }

        public sealed class ReleasesJob(ReleasesNotifier discord) : Microsoft.Extensions.Hosting.BackgroundService
        {
            protected override Task {|#3:ExecuteAsync|}(System.Threading.CancellationToken ct) => discord.PostAsync("tick");
        }

        public sealed class OpsJob(OpsNotifier ops) : Microsoft.Extensions.Hosting.BackgroundService
        {
            protected override Task ExecuteAsync(System.Threading.CancellationToken ct) => ops.PostAsync("disk 91%");
        }

        """;

    private const string Binding = """
        public static class Startup
        {
            public static void Add(IServiceCollection services, IConfiguration config)
                => services.Configure<NotificationsOptions>(config.GetSection("Notifications"));
        }

        """;

    private const string DiscordSettings = """
        { "Notifications": {
            "Discord": { "WebhookUrl": "https://discord.com/api/webhooks/1234567890/abcdefghijklmnopqrstuvwxyz0123456789" },
            "Team": { "Releases": { "WebhookUrl": "https://discord.com/api/webhooks/2234567890/abcdefghijklmnopqrstuvwxyz0123456789" } },
            "Ops": { "WebhookUrl": "https://discord.com/api/webhooks/3234567890/abcdefghijklmnopqrstuvwxyz0123456789" } } }
        """;

    private const string AnalyticsSettings = """
        { "Notifications": {
            "Discord": { "WebhookUrl": "https://api.segment.io/v1/track" },
            "Team": { "Releases": { "WebhookUrl": "https://api.segment.io/v1/batch" } },
            "Ops": { "WebhookUrl": "https://api.segment.io/v1/track" } } }
        """;

    private static string Via(string key) => " (POST to the URL from configuration '" + key + "' (appsettings.json: discord.com))";

    private static DiagnosticResult[] Publishes(string notifierPrefix = "") =>
    [
        PathVerifier.Unattended(0, "ReleasePoller.ExecuteAsync (a hosted service)",
            "ReleasePoller.ExecuteAsync → DiscordNotifier.PostAsync → HttpClient.PostAsJsonAsync" + Via("Notifications:Discord:WebhookUrl")),
        PathVerifier.Unattended(1, "MonitorJob.ExecuteAsync (a hosted service)",
            "MonitorJob.ExecuteAsync → MonitorNotifier.PostAsync → HttpClient.PostAsJsonAsync" + Via("Notifications:Discord:WebhookUrl")),
        PathVerifier.Unattended(2, "SnapshotJob.ExecuteAsync (a hosted service)",
            "SnapshotJob.ExecuteAsync → SnapshotNotifier.PostAsync → HttpClient.PostAsJsonAsync" + Via("Notifications:Discord:WebhookUrl")),
        PathVerifier.Unattended(3, "ReleasesJob.ExecuteAsync (a hosted service)",
            "ReleasesJob.ExecuteAsync → ReleasesNotifier.PostAsync → HttpClient.PostAsJsonAsync" + Via("Notifications:Team:Releases:WebhookUrl")),
    ];

    private static DiagnosticResult Unconfirmed(int location, string key)
        => AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithLocation(location)
            .WithArguments("Posts to Discord through 'HttpClient.PostAsJsonAsync'" + Via(key), "PostAsync");

    private static DiagnosticResult[] SendsPublish() =>
    [
        Unconfirmed(10, "Notifications:Discord:WebhookUrl"),
        Unconfirmed(11, "Notifications:Discord:WebhookUrl"),
        Unconfirmed(12, "Notifications:Discord:WebhookUrl"),
        Unconfirmed(13, "Notifications:Team:Releases:WebhookUrl"),
    ];

    private static Task Check(string code, string settings, MetadataReference[] references, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test { TestCode = code };
        test.TestState.AdditionalReferences.AddRange([.. ConfiguredUrlTests.Configuration, .. references]);
        test.TestState.AdditionalFiles.Add(("/src/appsettings.json", settings));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task A_nested_options_object_kept_in_a_constructor_set_field_is_read_from_its_section()
        => Check(Options + Binding + Notifiers + Workers, DiscordSettings, [], [.. Publishes(), .. SendsPublish()]);

    [Fact]
    public Task A_nested_options_object_holding_an_analytics_url_does_not_publish()
        => Check(Options + Binding + Notifiers + Workers, AnalyticsSettings, []);

    // Without markup: the library's own notifiers, as a referenced library.
    private static string Plain(string code) => System.Text.RegularExpressions.Regex.Replace(code, @"\{\|#\d+:([^|]*)\|\}", "$1");

    private static MetadataReference Library(bool binds)
        => LibraryBuilder.Build(binds ? "Social.Binding" : "Social.Unbound", Plain(Options + (binds ? Binding : "") + Notifiers), ConfiguredUrlTests.Configuration);

    private static readonly MetadataReference BindingLibrary = Library(binds: true);
    private static readonly MetadataReference UnboundLibrary = Library(binds: false);

    private const string HostUsings = """
        using System.Threading.Tasks;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Social;

        """;

    private const string HostBinding = """
        public static class HostStartup
        {
            public static void Add(IServiceCollection services, IConfiguration config)
                => services.Configure<NotificationsOptions>(config.GetSection("Notifications"));
        }

        """;

    [Fact]
    public void The_library_summary_carries_the_nested_key()
    {
        var summary = LibraryBuilder.Summary(LibraryBuilder.Compile("Social.Unbound", Plain(Options + Notifiers), withPresence: true, ConfiguredUrlTests.Configuration));
        Assert.Contains("K\tM:Social.DiscordNotifier.PostAsync(System.String)\t{NotificationsOptions}:Discord:WebhookUrl\tPOST", summary);
        Assert.Contains("K\tM:Social.MonitorNotifier.PostAsync(System.String)\t{NotificationsOptions}:Discord:WebhookUrl\tPOST", summary);
        Assert.Contains("K\tM:Social.ReleasesNotifier.PostAsync(System.String)\t{NotificationsOptions}:Team:Releases:WebhookUrl\tPOST", summary);
    }

    [Fact]
    public Task A_host_sees_a_library_notifier_that_keeps_a_nested_options_object_the_library_binds()
        => Check(HostUsings + Workers, DiscordSettings, [BindingLibrary], Publishes());

    [Fact]
    public Task A_host_sees_a_library_notifier_that_keeps_a_nested_options_object_the_host_binds()
        => Check(HostUsings + HostBinding + Workers, DiscordSettings, [UnboundLibrary], Publishes());

    [Fact]
    public Task A_host_whose_nested_settings_hold_an_analytics_url_sees_no_publish()
        => Task.WhenAll(
            Check(HostUsings + Workers, AnalyticsSettings, [BindingLibrary]),
            Check(HostUsings + HostBinding + Workers, AnalyticsSettings, [UnboundLibrary]));

    // A library build has no settings files: the name and the body decide, as for a URL read at the call.
    [Fact]
    public Task A_library_that_binds_the_options_reports_its_discord_sends_by_name_and_body()
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test { TestCode = Options + Binding + Notifiers };
        test.TestState.AdditionalReferences.AddRange(ConfiguredUrlTests.Configuration);
        foreach (var (location, key) in new[] { (10, "Notifications:Discord:WebhookUrl"), (11, "Notifications:Discord:WebhookUrl"), (12, "Notifications:Discord:WebhookUrl"), (13, "Notifications:Team:Releases:WebhookUrl") })
        {
            test.ExpectedDiagnostics.Add(AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithLocation(location)
                .WithArguments("Posts to Discord through 'HttpClient.PostAsJsonAsync' (POST to the URL from configuration '" + key + "' (no settings file is passed to the analyzers; the name says Discord and the body has 'content'))", "PostAsync"));
        }

        return test.RunAsync();
    }

    // A get-only property the constructor sets holds the nested object just as a readonly field does.
    [Fact]
    public Task A_nested_options_object_kept_in_a_get_only_property_is_read_from_its_section()
        => Check(Options + Binding + """
            public sealed class PropertyNotifier
            {
                public PropertyNotifier(HttpClient http, IOptions<NotificationsOptions> options)
                {
                    Http = http;
                    Discord = options.Value.Discord;
                }

                private HttpClient Http { get; }

                private DiscordOptions Discord { get; }

                public Task PostAsync(string content) => {|#10:Http.PostAsJsonAsync(Discord.WebhookUrl, new { content })|};
            }
            """,
            DiscordSettings,
            [],
            Unconfirmed(10, "Notifications:Discord:WebhookUrl"));
}
