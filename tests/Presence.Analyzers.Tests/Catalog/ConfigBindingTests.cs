using System.Threading.Tasks;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;
using Xunit;

namespace Presence.Analyzers.Tests.Catalog;

/// <summary>
/// Options and settings objects bound to a configuration section in the ways startup code writes it besides
/// <c>Configure&lt;T&gt;(section)</c>: <c>Bind</c> into an instance or inside a configure lambda, keyed and singleton
/// clients whose base address is a setting, and lists of targets.
/// </summary>
public class ConfigBindingTests
{
    private const string BindSettings = """
        {
          "A": { "WebhookUrl": "https://hooks.slack.com/services/T1/B1/a" },
          "B": { "WebhookUrl": "https://hooks.slack.com/services/T1/B1/b" },
          "C": { "WebhookUrl": "https://hooks.slack.com/services/T1/B1/c" },
          "D": { "WebhookUrl": "https://discord.com/api/webhooks/1/d" },
          "F": { "WebhookUrl": "https://hooks.slack.com/services/T1/B1/f" },
          "G": { "WebhookUrl": "https://hooks.slack.com/services/T1/B1/g" },
          "Named": { "WebhookUrl": "https://hooks.slack.com/services/T1/B1/n" },
          "Internal": { "WebhookUrl": "https://alerts.acme.internal/hook" }
        }
        """;

    private static (string, string)[] Settings(string text) => [("/src/appsettings.json", text)];

    [Fact]
    public Task Options_bound_with_Bind_are_resolved()
        => ConfiguredUrlTests.Check("""
            public sealed class AOpts { public string WebhookUrl { get; set; } = ""; }
            public sealed class BOpts { public string WebhookUrl { get; set; } = ""; }
            public sealed class COpts { public string WebhookUrl { get; set; } = ""; }
            public sealed class DOpts { public string WebhookUrl { get; set; } = ""; }
            public sealed class FOpts { public string WebhookUrl { get; set; } = ""; }
            public sealed class GOpts { public string WebhookUrl { get; set; } = ""; }
            public sealed class NamedOpts { public string WebhookUrl { get; set; } = ""; }

            static class Startup
            {
                public static void Configure(IServiceCollection services, IConfiguration config)
                {
                    services.Configure<AOpts>(o => config.GetSection("A").Bind(o));
                    services.AddOptions<BOpts>().Configure<IConfiguration>((o, cfg) => cfg.GetSection("B").Bind(o));
                    var c = new COpts();
                    config.Bind("C", c);
                    services.AddSingleton(c);
                    DOpts d = new();
                    config.GetSection("D").Bind(d);
                    services.AddSingleton(d);
                    services.Configure<FOpts>(options => { config.Bind("F", options); });
                    services.AddOptions<GOpts>().Configure(o => config.GetSection("G").Bind(o, binder => binder.BindNonPublicProperties = true));
                    services.Configure<NamedOpts>("community", o => config.GetSection("Named").Bind(o));
                }
            }

            class Poster(HttpClient http, IOptions<AOpts> a, IOptions<BOpts> b, COpts c, DOpts d, IOptionsMonitor<FOpts> f, IOptions<GOpts> g, IOptionsMonitor<NamedOpts> named)
            {
                Task A(HttpContent body) => {|PRES001:http.PostAsync(a.Value.WebhookUrl, body)|};
                Task B(HttpContent body) => {|PRES001:http.PostAsync(b.Value.WebhookUrl, body)|};
                Task C(HttpContent body) => {|PRES001:http.PostAsync(c.WebhookUrl, body)|};
                Task D(HttpContent body) => {|PRES001:http.PostAsync(d.WebhookUrl, body)|};
                Task F(HttpContent body) => {|PRES001:http.PostAsync(f.CurrentValue.WebhookUrl, body)|};
                Task G(HttpContent body) => {|PRES001:http.PostAsync(g.Value.WebhookUrl, body)|};
                Task Named(HttpContent body) => {|PRES001:http.PostAsync(named.Get("community").WebhookUrl, body)|};
                // The default instance of NamedOpts is bound from no section.
                Task Default(HttpContent body) => http.PostAsync(named.CurrentValue.WebhookUrl, body);
            }
            """,
            Settings(BindSettings));

    [Fact]
    public Task Bound_options_that_hold_other_urls_or_another_types_section_are_not_publishes()
        => ConfiguredUrlTests.Check("""
            public sealed class AOpts { public string WebhookUrl { get; set; } = ""; }
            public sealed class BOpts { public string WebhookUrl { get; set; } = ""; }
            public sealed class COpts { public string WebhookUrl { get; set; } = ""; }
            public sealed class Unrelated { public string WebhookUrl { get; set; } = ""; }

            static class Startup
            {
                public static void Configure(IServiceCollection services, IConfiguration config)
                {
                    services.Configure<AOpts>(o => config.GetSection("Internal").Bind(o));
                    var c = new COpts();
                    config.Bind("Internal", c);
                    services.AddSingleton(c);
                    // Section A is read, but bound to another type than the one the poster reads.
                    var other = new Unrelated();
                    config.GetSection("A").Bind(other);
                }
            }

            class Poster(HttpClient http, IOptions<AOpts> a, IOptions<BOpts> b, COpts c)
            {
                Task A(HttpContent body) => http.PostAsync(a.Value.WebhookUrl, body);
                Task B(HttpContent body) => http.PostAsync(b.Value.WebhookUrl, body);
                Task C(HttpContent body) => http.PostAsync(c.WebhookUrl, body);
            }
            """,
            Settings(BindSettings));

    private const string ClientSettings = """
        {
          "Teams": { "WebhookUrl": "https://acme.webhook.office.com/webhookb2/a@b/IncomingWebhook/c/d" },
          "Backend": { "Url": "https://api.acme.internal/" }
        }
        """;

    private static Task CheckClients(string code)
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test { TestCode = TravellingUrlTests.Usings + code };
        test.TestState.AdditionalReferences.AddRange(ConfiguredUrlTests.Configuration);
        test.TestState.AdditionalReferences.AddRange(TravellingUrlTests.HttpFactory);
        test.TestState.AdditionalFiles.Add(("/src/appsettings.json", ClientSettings));
        return test.RunAsync();
    }

    [Fact]
    public Task A_keyed_named_client_posts_under_its_configured_base_address()
        => CheckClients("""
            static class Startup
            {
                public static void Configure(IServiceCollection services, IConfiguration config)
                {
                    services.AddHttpClient("teams", c => c.BaseAddress = new Uri(config["Teams:WebhookUrl"]!)).AddAsKeyed();
                    services.AddHttpClient("backend", c => c.BaseAddress = new Uri(config["Backend:Url"]!)).AddAsKeyed();
                }
            }

            class Daily([FromKeyedServices("teams")] HttpClient teams, [FromKeyedServices("backend")] HttpClient backend)
            {
                Task Post(string text) => {|PRES001:teams.PostAsJsonAsync("", new { text })|};
                Task Push(string text) => backend.PostAsJsonAsync("", new { text });
            }

            class Field
            {
                private readonly HttpClient _teams;
                private readonly HttpClient _other;

                public Field([FromKeyedServices("teams")] HttpClient teams, [FromKeyedServices("other")] HttpClient other)
                {
                    _teams = teams;
                    _other = other;
                }

                Task Post(string text) => {|PRES001:_teams.PostAsJsonAsync("", new { text })|};
                // Another key: no client of that name is configured here.
                Task Other(string text) => _other.PostAsJsonAsync("", new { text });
            }
            """);

    [Fact]
    public Task An_http_client_registered_as_a_singleton_brings_its_base_address_to_the_types_it_is_injected_into()
        => CheckClients("""
            static class Startup
            {
                public static void Configure(IServiceCollection services, IConfiguration config)
                    => services.AddSingleton(new HttpClient { BaseAddress = new Uri(config["Teams:WebhookUrl"]!) });
            }

            class Daily(HttpClient teams)
            {
                Task Post(string text) => {|PRES001:teams.PostAsJsonAsync("", new { text })|};
            }

            class Own
            {
                private readonly HttpClient _http = new();
                // Its own client, not the registered one.
                Task Post(string text) => _http.PostAsJsonAsync("", new { text });
            }
            """);

    [Fact]
    public Task A_singleton_factory_lambda_counts_and_an_internal_base_address_is_no_publish()
        => Task.WhenAll(
            CheckClients("""
                static class Startup
                {
                    public static void Configure(IServiceCollection services, IConfiguration config)
                        => services.AddSingleton(sp => new HttpClient { BaseAddress = new Uri(config["Teams:WebhookUrl"]!) });
                }

                class Daily(HttpClient teams)
                {
                    Task Post(string text) => {|PRES001:teams.PostAsJsonAsync("", new { text })|};
                }
                """),
            CheckClients("""
                static class Startup
                {
                    public static void Configure(IServiceCollection services, IConfiguration config)
                        => services.AddSingleton(new HttpClient { BaseAddress = new Uri(config["Backend:Url"]!) });
                }

                class Daily(HttpClient backend)
                {
                    Task Post(string text) => backend.PostAsJsonAsync("", new { text });
                }
                """));

    private const string ListSettings = """
        {
          "Broadcast": { "WebhookUrls": [ "https://ops.acme.internal/hook", "https://discord.com/api/webhooks/1/abc" ] },
          "Fanout": { "Targets": [ { "Url": "https://ops.acme.internal/hook" }, { "Url": "https://hooks.slack.com/services/T1/B1/x" } ] },
          "Hooks": [ "https://ops.acme.internal/a", "https://discord.com/api/webhooks/2/def" ],
          "Internal": { "WebhookUrls": [ "https://ops.acme.internal/a", "https://ops.acme.internal/b" ], "Targets": [ { "Url": "https://ops.acme.internal/c" } ] }
        }
        """;

    [Fact]
    public Task A_list_of_targets_publishes_when_any_element_is_a_publish_endpoint()
        => ConfiguredUrlTests.Check("""
            public sealed class BroadcastOptions { public System.Collections.Generic.List<string> WebhookUrls { get; set; } = new(); }
            public sealed class Target { public string Url { get; set; } = ""; }
            public sealed class FanoutOptions { public Target[] Targets { get; set; } = []; }

            static class Startup
            {
                public static void Configure(IServiceCollection services, IConfiguration config)
                {
                    services.Configure<BroadcastOptions>(config.GetSection("Broadcast"));
                    services.AddOptions<FanoutOptions>().BindConfiguration("Fanout");
                }
            }

            class Poster(HttpClient http, IOptions<BroadcastOptions> broadcast, IOptionsMonitor<FanoutOptions> fanout, IConfiguration config)
            {
                async Task Strings(HttpContent body)
                {
                    foreach (var url in broadcast.Value.WebhookUrls)
                    {
                        await {|PRES001:http.PostAsync(url, body)|};
                    }
                }

                async Task Objects(HttpContent body)
                {
                    foreach (var target in fanout.CurrentValue.Targets)
                    {
                        await {|PRES001:http.PostAsync(target.Url, body)|};
                    }
                }

                async Task Section(HttpContent body)
                {
                    foreach (var hook in config.GetSection("Hooks").Get<string[]>()!)
                    {
                        await {|PRES001:http.PostAsync(hook, body)|};
                    }

                    foreach (var child in config.GetSection("Hooks").GetChildren())
                    {
                        await {|PRES001:http.PostAsync(child.Value, body)|};
                    }
                }
            }
            """,
            Settings(ListSettings));

    [Fact]
    public Task A_list_of_internal_targets_or_one_bound_to_another_type_is_not_a_publish()
        => ConfiguredUrlTests.Check("""
            public sealed class BroadcastOptions { public System.Collections.Generic.List<string> WebhookUrls { get; set; } = new(); }
            public sealed class Target { public string Url { get; set; } = ""; }
            public sealed class FanoutOptions { public System.Collections.Generic.List<Target> Targets { get; set; } = new(); }
            public sealed class OtherOptions { public System.Collections.Generic.List<string> WebhookUrls { get; set; } = new(); }

            static class Startup
            {
                public static void Configure(IServiceCollection services, IConfiguration config)
                {
                    services.Configure<BroadcastOptions>(config.GetSection("Internal"));
                    services.Configure<FanoutOptions>(config.GetSection("Internal"));
                    // Broadcast's list, bound to a type the poster does not read.
                    services.Configure<OtherOptions>(config.GetSection("Broadcast"));
                }
            }

            class Poster(HttpClient http, IOptions<BroadcastOptions> broadcast, IOptions<FanoutOptions> fanout, IConfiguration config)
            {
                async Task Run(HttpContent body)
                {
                    foreach (var url in broadcast.Value.WebhookUrls)
                    {
                        await http.PostAsync(url, body);
                    }

                    foreach (var target in fanout.Value.Targets)
                    {
                        await http.PostAsync(target.Url, body);
                    }

                    foreach (var hook in config.GetSection("Internal:WebhookUrls").Get<string[]>()!)
                    {
                        await http.PostAsync(hook, body);
                    }
                }
            }
            """,
            Settings(ListSettings));

    // The .NET 10 host refuses these files at startup ("Failed to load configuration from file"), so they are not an
    // empty configuration.
    [Theory]
    [InlineData("", 1, 1, "the file is empty, which the host refuses at startup (write {} for no settings)")]
    [InlineData("  \n// nothing yet\n", 3, 1, "the file is empty, which the host refuses at startup (write {} for no settings)")]
    [InlineData("{ \"A\": { \"Url\": \"x\" }, \"a\": { \"url\": \"y\" } }", 1, 41, "the key 'a:url' is given twice, which the host refuses at startup")]
    public void Files_the_host_refuses_are_not_read_as_settings(string text, int line, int column, string problem)
    {
        var error = Assert.Throws<Presence.Analyzers.Catalog.SettingsFormatException>(() => Presence.Analyzers.Catalog.SettingsJson.Flatten(text));
        Assert.Equal((line, column, problem), (error.Line, error.Column, error.Message));
    }

    [Fact]
    public Task An_empty_settings_file_is_reported()
        => ConfiguredUrlTests.Check(
            "class Nothing { }",
            [("/src/appsettings.Development.json", "")],
            AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Diagnostic(PresenceDiagnostics.UnreadableSettingsFile)
                .WithSpan("/src/appsettings.Development.json", 1, 1, 1, 1)
                .WithArguments("appsettings.Development.json(1,1) is not valid JSON: the file is empty, which the host refuses at startup (write {} for no settings)"));

    [Theory]
    [InlineData("{}")]
    [InlineData("{ \"A\": { \"Url\": \"x\" }, \"B\": { \"Url\": \"y\" } }")]
    public Task Settings_files_the_host_loads_are_read_without_a_warning(string text)
        => ConfiguredUrlTests.Check("class Nothing { }", [("/src/appsettings.json", text)]);
}
