using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Catalog;

/// <summary>
/// URLs read from configuration, options and the environment, resolved through the project's settings files, against
/// the real Microsoft.Extensions.Configuration, Options and Hosting packages.
/// </summary>
public class ConfiguredUrlTests
{
    private const string Usings = """
        using System;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Options;

        """;

    private const string SlackSettings = """
        {
          // the team's channel; the URL is a secret in production
          "Slack": { "WebhookUrl": "https://hooks.slack.com/services/T0001/B0001/SECRETTOKEN", },
          "Backend": { "Url": "https://api.example.com/items" },
          /* trailing commas and comments are legal, as the configuration system reads them */
        }
        """;

    public static MetadataReference[] Configuration { get; } =
    [
        TestReferences.FromType<Microsoft.Extensions.Configuration.IConfiguration>(),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Configuration.ConfigurationBinder).Assembly.Location),
        TestReferences.FromType<Microsoft.Extensions.Options.IOptions<object>>(),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.OptionsConfigurationServiceCollectionExtensions).Assembly.Location),
        TestReferences.FromType<Microsoft.Extensions.DependencyInjection.IServiceCollection>(),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions).Assembly.Location),
        TestReferences.FromType<Microsoft.Extensions.Hosting.BackgroundService>(),
    ];

    internal static Task Check(string code, (string Path, string Text)[] files, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test { TestCode = Usings + code };
        test.TestState.AdditionalReferences.AddRange(Configuration);
        foreach (var file in files)
        {
            test.TestState.AdditionalFiles.Add(file);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult Unconfirmed(int location, string describe, string member)
        => AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithLocation(location).WithArguments(describe, member);

    private static (string, string)[] Settings(string text) => [("/src/appsettings.json", text)];

    [Fact]
    public Task A_webhook_url_read_from_configuration_is_a_publish_and_only_its_key_and_host_are_shown()
        => Check("""
            class Digest(HttpClient http, IConfiguration config)
            {
                async Task Send(string text)
                {
                    await {|#0:http.PostAsJsonAsync(config["Slack:WebhookUrl"], new { text })|};
                }
            }
            """,
            Settings(SlackSettings),
            Unconfirmed(0, "Posts to Slack through 'HttpClient.PostAsJsonAsync' (POST to the URL from configuration 'Slack:WebhookUrl' (appsettings.json: hooks.slack.com))", "Send"));

    [Fact]
    public Task Every_way_of_reading_configuration_is_resolved()
        => Check("""
            class Digest(HttpClient http, IConfiguration config)
            {
                async Task Send(HttpContent body)
                {
                    await {|PRES001:http.PostAsync(config.GetValue<string>("Slack:WebhookUrl"), body)|};
                    await {|PRES001:http.PostAsync(config.GetSection("Slack")["WebhookUrl"], body)|};
                    await {|PRES001:http.PostAsync(config.GetSection("Slack:WebhookUrl").Value, body)|};
                    await {|PRES001:http.PostAsync(config.GetSection("Slack").GetValue<string>("webhookurl"), body)|};
                    await {|PRES001:http.PostAsync(config.GetRequiredSection("Slack").GetSection("WebhookUrl").Get<string>(), body)|};
                    await {|PRES001:http.PostAsync(new Uri(config["Slack:WebhookUrl"]!), body)|};
                    var section = config.GetSection("Slack");
                    var url = section["WebhookUrl"];
                    await {|PRES001:http.PostAsync(url, body)|};
                    await {|PRES001:http.PostAsync(config["Missing:Url"] ?? "https://hooks.slack.com/services/T1/B1/X", body)|};
                    await {|PRES001:http.PostAsync(config.GetValue("Missing:Url", "https://hooks.slack.com/services/T1/B1/X"), body)|};
                    await {|PRES001:http.PostAsync(config.GetConnectionString("Chat"), body)|};
                }
            }

            class Press(HttpClient http, IConfiguration config)
            {
                private readonly IConfigurationSection _slack = config.GetSection("Slack");
                private readonly IConfigurationSection _backend = config.GetSection("Backend");
                Task Send(HttpContent body) => {|PRES001:http.PostAsync(_slack["WebhookUrl"], body)|};
                Task Sync(HttpContent body) => http.PostAsync(_backend["Url"], body);
            }
            """,
            Settings(SlackSettings.Replace("\"Backend\"", "\"ConnectionStrings\": { \"Chat\": \"https://discord.com/api/webhooks/1/abc\" },\n  \"Backend\"")));

    [Fact]
    public Task Configured_urls_that_do_not_publish_are_not_reported()
        => Check("""
            class Sync(HttpClient http, IConfiguration config, IConfigurationSection unknownSection)
            {
                async Task Run(HttpContent body)
                {
                    await http.PostAsync(config["Backend:Url"], body);
                    await http.GetAsync(config["Slack:WebhookUrl"]);
                    await http.PostAsync(config["Nowhere:Url"], body);
                    await http.PostAsync(unknownSection["WebhookUrl"], body);
                    await http.PostAsync(config["Backend:Url"] ?? "https://example.com/fallback", body);
                    Console.WriteLine(config["Slack:WebhookUrl"]);
                }
            }
            """,
            Settings(SlackSettings));

    [Fact]
    public Task Environment_files_are_read_too_and_every_file_that_sets_the_key_counts()
        => Check("""
            class Digest(HttpClient http, IConfiguration config)
            {
                Task Send(HttpContent body) => {|#0:http.PostAsync(config["Alerts:Url"], body)|};
            }
            """,
            [
                ("/src/appsettings.json", """{ "Alerts": { "Url": "https://alerts.example.com/hook" } }"""),
                ("/src/appsettings.Production.json", """{ "Alerts": { "Url": "https://discord.com/api/webhooks/123/token-value" } }"""),
            ],
            Unconfirmed(0, "Posts to Discord through 'HttpClient.PostAsync' (POST to the URL from configuration 'Alerts:Url' (appsettings.Production.json: discord.com))", "Send"));

    [Fact]
    public Task Options_bound_from_a_section_are_resolved()
        => Check("""
            public sealed class SlackOptions
            {
                public const string SectionName = "Slack";
                public string WebhookUrl { get; set; } = "";
            }

            public sealed class TeamsOptions
            {
                [ConfigurationKeyName("incoming_hook")]
                public string Hook { get; set; } = "";
            }

            public sealed class ChatOptions
            {
                public DiscordOptions Discord { get; set; } = new();
            }

            public sealed class DiscordOptions
            {
                public string WebhookUrl { get; set; } = "";
            }

            static class Startup
            {
                public static void Configure(IServiceCollection services, IConfiguration config)
                {
                    services.Configure<SlackOptions>(config.GetSection(SlackOptions.SectionName));
                    services.AddOptions<TeamsOptions>().BindConfiguration("Teams");
                    services.AddOptions<ChatOptions>().Bind(config.GetSection("Chat"));
                }
            }

            class Poster
            {
                private readonly HttpClient _http;
                private readonly SlackOptions _slack;

                public Poster(HttpClient http, IOptions<SlackOptions> slack)
                {
                    _http = http;
                    _slack = slack.Value;
                }

                Task Field(HttpContent body) => {|#0:_http.PostAsync(_slack.WebhookUrl, body)|};

                Task Snapshot(IOptionsSnapshot<SlackOptions> options, HttpContent body) => {|PRES001:_http.PostAsync(options.Value.WebhookUrl, body)|};

                Task Monitor(IOptionsMonitor<TeamsOptions> options, HttpContent body) => {|#1:_http.PostAsync(options.CurrentValue.Hook, body)|};

                Task Nested(IOptions<ChatOptions> options, HttpContent body) => {|PRES001:_http.PostAsync(options.Value.Discord.WebhookUrl, body)|};
            }
            """,
            Settings("""
                {
                  "Slack": { "WebhookUrl": "https://hooks.slack.com/services/T0001/B0001/SECRETTOKEN" },
                  "Teams": { "incoming_hook": "https://contoso.webhook.office.com/webhookb2/abc@def/IncomingWebhook/123/456" },
                  "Chat": { "Discord": { "WebhookUrl": "https://discord.com/api/webhooks/1/abc" } }
                }
                """),
            Unconfirmed(0, "Posts to Slack through 'HttpClient.PostAsync' (POST to the URL from configuration 'Slack:WebhookUrl' (appsettings.json: hooks.slack.com))", "Field"),
            Unconfirmed(1, "Posts to Teams through 'HttpClient.PostAsync' (POST to the URL from configuration 'Teams:incoming_hook' (appsettings.json: contoso.webhook.office.com))", "Monitor"));

    [Fact]
    public Task Named_options_are_read_from_their_own_section()
        => Check("""
            public sealed class WebhookOptions { public string Url { get; set; } = ""; }

            static class Startup
            {
                public static void Configure(IServiceCollection services, IConfiguration config)
                {
                    services.Configure<WebhookOptions>("alerts", config.GetSection("Webhooks:Alerts"));
                    services.Configure<WebhookOptions>("community", config.GetSection("Webhooks:Community"));
                    services.AddOptions<WebhookOptions>("releases").BindConfiguration("Webhooks:Releases");
                }
            }

            class Poster(HttpClient http, IOptionsMonitor<WebhookOptions> webhooks)
            {
                Task Tip(HttpContent body) => {|PRES001:http.PostAsync(webhooks.Get("community").Url, body)|};
                Task Release(HttpContent body) => {|PRES001:http.PostAsync(webhooks.Get("releases").Url, body)|};
                Task Alert(HttpContent body) => http.PostAsync(webhooks.Get("alerts").Url, body);
                // The default instance is bound from no section here.
                Task Default(HttpContent body) => http.PostAsync(webhooks.CurrentValue.Url, body);
            }
            """,
            Settings("""
                {
                  "Webhooks": {
                    "Alerts": { "Url": "https://alertmanager.acme.internal/api/v2/alerts" },
                    "Community": { "Url": "https://hooks.slack.com/services/T0001/B0001/SECRETTOKEN" },
                    "Releases": { "Url": "https://discord.com/api/webhooks/1/abc" }
                  }
                }
                """));

    [Fact]
    public Task Options_that_are_not_bound_or_hold_other_urls_are_not_publishes()
        => Check("""
            public sealed class SlackOptions { public string WebhookUrl { get; set; } = ""; }
            public sealed class BackendOptions { public string Url { get; set; } = ""; }

            static class Startup
            {
                public static void Configure(IServiceCollection services, IConfiguration config)
                    => services.Configure<BackendOptions>(config.GetSection("Backend"));
            }

            class Poster(HttpClient http)
            {
                Task Unbound(IOptions<SlackOptions> options, HttpContent body) => http.PostAsync(options.Value.WebhookUrl, body);
                Task Elsewhere(IOptions<BackendOptions> options, HttpContent body) => http.PostAsync(options.Value.Url, body);
            }
            """,
            Settings(SlackSettings));

    [Fact]
    public Task Azure_Functions_local_settings_values_serve_configuration_and_environment_reads()
        => Check("""
            class Alert(HttpClient http, IConfiguration config)
            {
                Task FromConfiguration(HttpContent body) => {|#0:http.PostAsync(config["Discord:Hook"], body)|};
                Task FromEnvironment(HttpContent body) => {|#1:http.PostAsync(Environment.GetEnvironmentVariable("SLACK_URL"), body)|};
                Task NotAValue(HttpContent body) => http.PostAsync(config["IsEncrypted"], body);
            }
            """,
            [
                (
                    "/src/local.settings.json",
                    """
                    {
                      "IsEncrypted": false,
                      "Values": {
                        "AzureWebJobsStorage": "UseDevelopmentStorage=true",
                        "Discord__Hook": "https://discord.com/api/webhooks/1/abc",
                        "SLACK_URL": "https://hooks.slack.com/services/T1/B1/abc",
                      },
                    }
                    """),
            ],
            Unconfirmed(0, "Posts to Discord through 'HttpClient.PostAsync' (POST to the URL from configuration 'Discord:Hook' (local.settings.json: discord.com))", "FromConfiguration"),
            Unconfirmed(1, "Posts to Slack through 'HttpClient.PostAsync' (POST to the URL from environment variable 'SLACK_URL' (local.settings.json: hooks.slack.com))", "FromEnvironment"));

    [Fact]
    public Task Without_a_value_the_name_and_the_body_shape_decide()
        => Check("""
            public sealed class TeamsCard
            {
                [System.Text.Json.Serialization.JsonPropertyName("@type")]
                public string Type { get; set; } = "MessageCard";
                public string Text { get; set; } = "";
            }

            class Alerts(HttpClient http, IConfiguration config)
            {
                Task Discord(string text) => {|#0:http.PostAsJsonAsync(config["Discord:WebhookUrl"], new { content = text })|};
                Task Slack(string text) => {|#1:http.PostAsJsonAsync(Environment.GetEnvironmentVariable("SLACK_WEBHOOK_URL"), new { text, blocks = new object[0] })|};
                Task Teams(string text) => {|#2:http.PostAsJsonAsync(config["Alerts:Webhook"], new TeamsCard { Text = text })|};
                Task AdaptiveCard(string text) => {|PRES001:http.PostAsync(config["Ops:TeamsWebhook"], JsonContent.Create(new { type = "message", attachments = new[] { new { contentType = "application/vnd.microsoft.card.adaptive", content = new { } } } }))|};
            }
            """,
            Settings("""{ "Discord": { "WebhookUrl": "" }, "Alerts": { "Webhook": "#{AlertsWebhook}#" } }"""),
            Unconfirmed(0, "Posts to Discord through 'HttpClient.PostAsJsonAsync' (POST to the URL from configuration 'Discord:WebhookUrl' (empty in appsettings.json; the name says Discord and the body has 'content'))", "Discord"),
            Unconfirmed(1, "Posts to Slack through 'HttpClient.PostAsJsonAsync' (POST to the URL from environment variable 'SLACK_WEBHOOK_URL' (set only in the environment; the name says Slack and the body has 'blocks'))", "Slack"),
            Unconfirmed(2, "Posts to Teams through 'HttpClient.PostAsJsonAsync' (POST to the URL from configuration 'Alerts:Webhook' (not a URL in appsettings.json; the name says webhook and the body has '@type'))", "Teams"));

    [Fact]
    public Task A_name_alone_or_a_body_alone_does_not_decide()
        => Check("""
            class Alerts(HttpClient http, IConfiguration config)
            {
                Task NameOnly(string name) => http.PostAsJsonAsync(config["Slack:WebhookUrl"], new { name });
                Task BodyOnly(string text) => http.PostAsJsonAsync(config["Backend:Url"], new { text });
                Task Mismatch(string text) => http.PostAsJsonAsync(Environment.GetEnvironmentVariable("DISCORD_WEBHOOK"), new { text });
                Task Read() => http.GetAsync(Environment.GetEnvironmentVariable("SLACK_WEBHOOK_URL"));
            }
            """,
            Settings("""{ "Slack": { "WebhookUrl": "" } }"""));

    [Fact]
    public Task A_settings_file_that_cannot_be_read_is_named_and_nothing_crashes()
    {
        var expected = AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Diagnostic(PresenceDiagnostics.UnreadableSettingsFile)
            .WithSpan("/src/appsettings.Development.json", 3, 3, 3, 4)
            .WithArguments("appsettings.Development.json(3,3) is not valid JSON: a property name in double quotes was expected");
        return Check("""
            class Digest(HttpClient http, IConfiguration config)
            {
                Task Send(HttpContent body) => {|PRES001:http.PostAsync(config["Slack:WebhookUrl"], body)|};
            }
            """,
            [
                ("/src/appsettings.json", SlackSettings),
                ("/src/appsettings.Development.json", "{\n  \"Slack\": {},\n  Logging: 1\n}"),
            ],
            expected);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{ \"A\": [1, 2, { \"B\": null },], \"C\": true, \"D\": -1.5e3, \"E\": \"\\u0041\\n\" }")]
    public Task Legal_settings_files_are_read_without_a_warning(string text)
        => Check("class Nothing { }", Settings(text));

    [Theory]
    [InlineData("[1, 2]", 1, 1, "the file must hold a JSON object")]
    [InlineData("{ \"A\": 1", 1, 9, "a ',' or '}' was expected")]
    [InlineData("{ \"A\": \"open }", 1, 15, "a string is not closed")]
    [InlineData("{ /* open comment", 1, 3, "a '/*' comment is not closed")]
    [InlineData("{ \"A\": tru }", 1, 8, "a value was expected")]
    [InlineData("{\n  \"A\": 1\n} }", 3, 3, "unexpected text after the closing '}'")]
    [InlineData("{ \"A\": \"\\x\" }", 1, 11, "'\\x' is not a JSON escape")]
    public void Broken_settings_files_say_what_and_where(string text, int line, int column, string problem)
    {
        var error = Assert.Throws<Presence.Analyzers.Catalog.SettingsFormatException>(() => Presence.Analyzers.Catalog.SettingsJson.Flatten(text));
        Assert.Equal((line, column, problem), (error.Line, error.Column, error.Message));
    }

    [Fact]
    public void Settings_flatten_the_way_the_configuration_system_does()
    {
        var values = Presence.Analyzers.Catalog.SettingsJson.Flatten("""
            { "A": { "B": "x", "List": [ "y", { "C": 2 } ] }, "N": null, "T": true }
            """);
        Assert.Equal(
            ["A:B=x", "A:List:0=y", "A:List:1:C=2", "N=", "T=True"],
            values.ConvertAll(v => v.Key + "=" + v.Value));
    }

    [Fact]
    public Task Teams_incoming_webhooks_and_workflow_urls_are_publish_endpoints()
        => Check("""
            class Teams(HttpClient http)
            {
                async Task Run(HttpContent body)
                {
                    await {|PRES001:http.PostAsync("https://contoso.webhook.office.com/webhookb2/a@b/IncomingWebhook/c/d", body)|};
                    await {|PRES001:http.PostAsync("https://outlook.office.com/webhook/a@b/IncomingWebhook/c/d", body)|};
                    await {|PRES001:http.PostAsync("https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sig=x", body)|};
                    await {|PRES001:http.PostAsync("https://default1.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/abc/triggers/manual/paths/invoke?api-version=1", body)|};
                    await http.PostAsync("https://webhook.office.com.example.com/webhookb2/x", body);
                    await http.PostAsync("https://prod-12.westeurope.logic.azure.com/workflows/abc/runs", body);
                    await http.GetAsync("https://contoso.webhook.office.com/webhookb2/a@b/IncomingWebhook/c/d");
                }
            }
            """,
            []);

    [Fact]
    public Task A_weekly_hangfire_digest_to_a_configured_slack_webhook_is_an_unattended_publish()
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test
        {
            TestCode = Usings + """
                using Hangfire;

                public class WeeklyDigest(HttpClient http, IConfiguration config)
                {
                    public Task Send() => {|PRES001:http.PostAsJsonAsync(config["Slack:WebhookUrl"], new { text = "This week" })|};
                }

                class Scheduling
                {
                    void Register() => RecurringJob.AddOrUpdate<WeeklyDigest>("digest", d {|#0:=>|} d.Send(), Cron.Weekly());
                }
                """,
        };
        test.TestState.AdditionalReferences.AddRange(Configuration);
        test.TestState.AdditionalReferences.Add(PathVerifier.Hangfire);
        test.TestState.AdditionalFiles.Add(("/src/appsettings.json", SlackSettings));
        test.ExpectedDiagnostics.Add(PathVerifier.Diagnostic(PresenceDiagnostics.UnattendedPublish).WithLocation(0)
            .WithArguments("the recurring Hangfire job in Scheduling.Register", "recurring Hangfire job → WeeklyDigest.Send → HttpClient.PostAsJsonAsync (POST to the URL from configuration 'Slack:WebhookUrl' (appsettings.json: hooks.slack.com))")
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
        return test.RunAsync();
    }

    [Fact]
    public Task An_unattended_post_to_a_url_nobody_can_resolve_is_noted_for_information()
        => Check("""
            class Sync(HttpClient http, IConfiguration config) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken ct)
                {
                    await Push(config["Partner:Endpoint"], "hello");
                    await {|#1:http.PostAsync(config["Partner:Endpoint"] + "/v2/items", new StringContent("{}"))|};
                    await http.PostAsync(config["Backend:Url"], new StringContent("{}"));
                    await http.PostAsync("https://api.example.com/items", new StringContent("{}"));
                    await http.GetAsync(config["Partner:Endpoint"]);
                }

                private Task Push(string? url, string text) => {|#0:http.PostAsync(url, new StringContent(text))|};
            }

            class Attended(HttpClient http, string url)
            {
                Task Send() => http.PostAsync(url, new StringContent("{}"));
            }
            """,
            Settings(SlackSettings),
            AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Diagnostic(PresenceDiagnostics.UnresolvedSend).WithLocation(0)
                .WithArguments("Sends through 'HttpClient.PostAsync' (POST to the URL from configuration 'Partner:Endpoint' (not set in the settings files))", "Sync.ExecuteAsync → Sync.Push → HttpClient.PostAsync")
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
            AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Diagnostic(PresenceDiagnostics.UnresolvedSend).WithLocation(1)
                .WithArguments("Sends through 'HttpClient.PostAsync' (POST to the URL from configuration 'Partner:Endpoint' (not set in the settings files))", "Sync.ExecuteAsync → HttpClient.PostAsync")
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    [Fact]
    public Task A_confirmed_or_declared_unattended_send_is_not_noted()
        => Check("""
            public interface IApprovals { [Presence.HumanConfirmation] Task<bool> RedeemAsync(string text); }

            class Sync(HttpClient http, IConfiguration config, IApprovals approvals) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken ct)
                {
                    if (await approvals.RedeemAsync("hello"))
                    {
                        await http.PostAsync(config["Partner:Endpoint"], new StringContent("hello"));
                    }

                    await Status();
                }

                [Presence.AutomatedPresence("Status page of our own service")]
                private Task Status() => http.PostAsync(config["Status:Endpoint"], new StringContent("up"));
            }
            """,
            Settings(SlackSettings));

    [Fact]
    public Task Urls_kept_in_fields_and_properties_set_in_the_constructor_are_resolved()
        => Check("""
            class Notifier
            {
                private readonly HttpClient _http = new();
                private readonly string _webhook;
                private readonly Uri _statuses;
                private readonly string _backend;

                public Notifier(IConfiguration config, string instance)
                {
                    _webhook = config["Slack:WebhookUrl"]!;
                    this._statuses = new Uri(new Uri("https://" + instance), "/api/v1/statuses");
                    _backend = "https://api.example.com/items";
                    Tweets = "https://api.x.com/2/tweets";
                }

                public string Tweets { get; }
                public string Discord { get; } = "https://discord.com/api/webhooks/1/abc";
                public string Settable { get; set; } = "https://hooks.slack.com/services/T1/B1/X";

                Task Slack(HttpContent body) => {|#0:_http.PostAsync(_webhook, body)|};
                Task Mastodon(HttpContent body) => {|PRES001:_http.PostAsync(_statuses, body)|};
                Task X(HttpContent body) => {|PRES001:_http.PostAsync(Tweets, body)|};
                Task Hook(HttpContent body) => {|PRES001:_http.PostAsync(Discord, body)|};
                Task Backend(HttpContent body) => _http.PostAsync(_backend, body);
                Task Mutable(HttpContent body) => _http.PostAsync(Settable, body);
            }
            """,
            Settings(SlackSettings),
            Unconfirmed(0, "Posts to Slack through 'HttpClient.PostAsync' (POST to the URL from configuration 'Slack:WebhookUrl' (appsettings.json: hooks.slack.com))", "Slack"));
}
