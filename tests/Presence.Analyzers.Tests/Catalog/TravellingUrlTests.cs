using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Catalog;

/// <summary>
/// URLs that travel before a request uses them: base addresses configured at startup for typed and named clients
/// (the real Microsoft.Extensions.Http), constants passed as arguments, and configuration read for Flurl and RestSharp.
/// </summary>
public class TravellingUrlTests
{
    internal const string Usings = """
        using System;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        """;

    private const string Settings = """
        {
          "Slack": { "Url": "https://hooks.slack.com/services/T0001/B0001/SECRETTOKEN" },
          "Backend": { "Url": "https://api.example.com/" },
          "Mastodon": { "Url": "https://fosstodon.org/api/v1/" }
        }
        """;

    internal static readonly MetadataReference[] HttpFactory =
    [
        TestReferences.FromType<System.Net.Http.IHttpClientFactory>(),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions).Assembly.Location),
    ];

    private static Task Check(string code, MetadataReference[] references, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test { TestCode = Usings + code };
        test.TestState.AdditionalReferences.AddRange(ConfiguredUrlTests.Configuration);
        test.TestState.AdditionalReferences.AddRange(references.Where(r => !ConfiguredUrlTests.Configuration.Contains(r)));
        test.TestState.AdditionalFiles.Add(("/src/appsettings.json", Settings));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult Unconfirmed(int location, string describe, string member)
        => AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithLocation(location).WithArguments(describe, member);

    [Fact]
    public Task A_typed_client_posts_relative_to_the_base_address_configured_at_startup()
        => Check("""
            public class SlackNotifier(HttpClient http)
            {
                public Task Notify(string text) => {|#0:http.PostAsJsonAsync("services/T1/B1/X", new { text })|};
            }

            public class ConfiguredNotifier
            {
                private readonly HttpClient _http;
                public ConfiguredNotifier(HttpClient http) => _http = http;
                public Task Notify(string text) => {|#1:_http.PostAsJsonAsync("", new { text })|};
            }

            public interface IMastodon { Task Toot(string text); }

            public class MastodonClient(HttpClient http) : IMastodon
            {
                public Task Toot(string text) => {|PRES001:http.PostAsJsonAsync("api/v1/statuses", new { status = text })|};
            }

            public class Chained(HttpClient http)
            {
                public Task Send(HttpContent body) => {|PRES001:http.PostAsync("api/v10/channels/1/messages", body)|};
            }

            static class Startup
            {
                public static void Configure(IServiceCollection services, IConfiguration config)
                {
                    services.AddHttpClient<SlackNotifier>(c => c.BaseAddress = new Uri("https://hooks.slack.com/"));
                    services.AddHttpClient<ConfiguredNotifier>((sp, c) => { c.BaseAddress = new Uri(config["Slack:Url"]!); c.Timeout = TimeSpan.FromSeconds(5); });
                    services.AddHttpClient<IMastodon, MastodonClient>("mastodon", c => c.BaseAddress = new Uri("https://mastodon.social/"));
                    services.AddHttpClient<Chained>().ConfigureHttpClient(c => c.BaseAddress = new Uri("https://discord.com/")).SetHandlerLifetime(TimeSpan.FromMinutes(5));
                }
            }
            """,
            HttpFactory,
            Unconfirmed(0, "Posts to Slack through 'HttpClient.PostAsJsonAsync' (POST https://hooks.slack.com/services/…)", "Notify"),
            Unconfirmed(1, "Posts to Slack through 'HttpClient.PostAsJsonAsync' (POST to the URL from configuration 'Slack:Url' (appsettings.json: hooks.slack.com))", "Notify"));

    [Fact]
    public Task A_named_client_created_from_the_factory_posts_to_its_configured_base_address()
        => Check("""
            class Alerts
            {
                private readonly HttpClient _slack;
                private readonly IHttpClientFactory _factory;

                public Alerts(IHttpClientFactory factory)
                {
                    _factory = factory;
                    _slack = factory.CreateClient("slack");
                }

                Task Field(HttpContent body) => {|#0:_slack.PostAsync("", body)|};

                Task Local(HttpContent body)
                {
                    var client = _factory.CreateClient(Names.Slack);
                    return {|PRES001:client.PostAsync((string?)null, body)|};
                }

                Task Direct(HttpContent body) => {|PRES001:_factory.CreateClient("x").PostAsync("2/tweets", body)|};

                Task Read() => _slack.GetAsync("");
                Task Other(HttpContent body) => _factory.CreateClient("backend").PostAsync("items", body);
                // The backend's host decides, not the path's resemblance to X's.
                Task LooksLikeX(HttpContent body) => _factory.CreateClient("backend").PostAsync("2/tweets", body);
                Task Unnamed(HttpContent body) => _factory.CreateClient().PostAsync("items", body);
            }

            static class Names { public const string Slack = "slack"; }

            static class Startup
            {
                public static void Configure(IServiceCollection services, IConfiguration config)
                {
                    services.AddHttpClient("slack", c => c.BaseAddress = new Uri(config["Slack:Url"]!));
                    services.AddHttpClient("x", c => { c.BaseAddress = new Uri("https://api.x.com/"); });
                    services.AddHttpClient("backend", c => c.BaseAddress = new Uri(config["Backend:Url"]!));
                }
            }
            """,
            HttpFactory,
            Unconfirmed(0, "Posts to Slack through 'HttpClient.PostAsync' (POST to the URL from configuration 'Slack:Url' (appsettings.json: hooks.slack.com))", "Field"));

    [Fact]
    public Task A_base_address_assigned_in_the_type_is_read_once_and_may_come_from_configuration()
        => Check("""
            class Hooks
            {
                private readonly HttpClient _http = new();

                public Hooks(IConfiguration config) => _http.BaseAddress = new Uri(config["Slack:Url"]!);

                Task First(HttpContent body) => {|PRES001:_http.PostAsync("", body)|};
                Task Second(HttpContent body) => {|PRES001:_http.PostAsync((Uri?)null, body)|};
                Task Read() => _http.GetAsync("");
            }
            """,
            HttpFactory);

    [Fact]
    public Task Clients_configured_for_other_hosts_or_other_types_are_not_publishes()
        => Check("""
            public class Backend(HttpClient http)
            {
                public Task Push(HttpContent body) => http.PostAsync("services/T1/B1/X", body);
            }

            public class Unregistered(HttpClient http)
            {
                public Task Push(HttpContent body) => http.PostAsync("services/T1/B1/X", body);
            }

            public class SlackReader(HttpClient http)
            {
                public Task Read() => http.GetAsync("services/T1/B1/X");
            }

            class Broken
            {
                void Configure(IServiceCollection services)
                {
                    services.AddHttpClient<Backend>(c => c.BaseAddress = new Uri("https://api.example.com/"));
                    services.AddHttpClient<SlackReader>(c => c.BaseAddress = new Uri("https://hooks.slack.com/"));
                    services.AddHttpClient("half", c => c.BaseAddress = {|CS1525:)|};
                }
            }
            """,
            HttpFactory);

    [Fact]
    public Task A_helper_whose_callers_pass_a_publish_url_publishes_at_its_send()
        => Check("""
            class Hooks(HttpClient http, IConfiguration config)
            {
                private const string Alerts = "https://discord.com/api/webhooks/1/abc";

                public Task Daily(string text) => Post("https://hooks.slack.com/services/T1/B1/X", text);
                public Task Weekly(string text) => Post("https://hooks.slack.com/services/T1/B1/X", text);
                private Task Post(string url, string text) => {|#0:http.PostAsJsonAsync(url, new { text })|};

                public Task Alert(string text) => Send(new Uri(Alerts), text);
                private Task Send(Uri hook, string text)
                {
                    return Local(hook);
                    Task Local(Uri target) => {|PRES001:http.PostAsync(target, new StringContent(text))|};
                }

                public Task Configured(string text) => Relay(config["Slack:Url"], text);
                private Task Relay(string? url, string text) => {|#1:http.PostAsync(url, new StringContent(text))|};
            }

            class Notifier(HttpClient http, string webhook)
            {
                public Task Notify(string text) => {|PRES001:http.PostAsync(webhook, new StringContent(text))|};
                public static Notifier Create(HttpClient http) => new Notifier(http, "https://hooks.slack.com/services/T1/B1/Y");
            }

            // A positional record holds what each new AnnounceTarget(…) passes.
            public sealed record AnnounceTarget(string Url);
            public sealed record MetricsTarget(string Url);

            class Announcer(HttpClient http, AnnounceTarget target, MetricsTarget metrics)
            {
                public static AnnounceTarget Configure(IConfiguration config) => new AnnounceTarget(config["Slack:Url"]!);
                public static MetricsTarget Metrics() => new MetricsTarget("https://metrics.acme.internal/ingest");
                public Task Weekly(string text) => {|PRES001:http.PostAsJsonAsync(target.Url, new { note = text })|};
                public Task Push(string text) => http.PostAsJsonAsync(metrics.Url, new { note = text });
            }
            """,
            [],
            Unconfirmed(0, "Posts to Slack through 'HttpClient.PostAsJsonAsync' (POST https://hooks.slack.com/services/…)", "Post"),
            Unconfirmed(1, "Posts to Slack through 'HttpClient.PostAsync' (POST to the URL from configuration 'Slack:Url' (appsettings.json: hooks.slack.com))", "Relay"));

    [Fact]
    public Task A_helper_called_with_one_publish_url_and_one_unknown_url_publishes()
        => Check("""
            class Hooks(HttpClient http)
            {
                public Task Announce(string text) => Post("https://hooks.slack.com/services/T1/B1/X", text);
                public Task Forward(string target, string text) => Post(target, text);
                private Task Post(string url, string text) => {|PRES001:http.PostAsync(url, new StringContent(text))|};
            }
            """,
            []);

    [Fact]
    public Task Helpers_called_only_with_other_urls_or_from_nowhere_are_not_publishes()
        => Check("""
            class Sync(HttpClient http, IConfiguration config)
            {
                public Task Items(string text) => Post("https://api.example.com/items", text);
                public Task Orders(string text) => Post(config["Backend:Url"], text);
                private Task Post(string? url, string text) => http.PostAsync(url, new StringContent(text));

                public Task Read() => Get("https://hooks.slack.com/services/T1/B1/X");
                private Task Get(string url) => http.GetAsync(url);

                public Task Uncalled(string url, string text) => http.PostAsync(url, new StringContent(text));

                public Task Loop(string url, int n) => n > 0 ? Loop(url, n - 1) : http.PostAsync(url, new StringContent("x"));
                public Task Start() => Loop("https://api.example.com/items", 3);
            }
            """,
            []);

    private static readonly MetadataReference[] Refit =
    [
        .. HttpFactory,
        TestReferences.FromType<Refit.PostAttribute>(),
        MetadataReference.CreateFromFile(typeof(Refit.HttpClientFactoryExtensions).Assembly.Location),
    ];

    [Fact]
    public Task Refit_requests_go_to_the_base_address_their_interface_is_registered_with()
        => Check("""
            using Refit;

            public interface IMastodonApi
            {
                [Post("/statuses")]
                Task<string> PostStatus([Body] object status);

                [Get("/timelines/home")]
                Task<string> Home();
            }

            // The app's own API, whose path looks like X's.
            public interface IBackendApi
            {
                [Post("/2/tweets")]
                Task Archive([Body] object post);
            }

            public interface IXApi
            {
                [Post("/2/tweets")]
                Task Tweet([Body] object post);
            }

            public interface IUnregisteredApi
            {
                [Post("/api/v1/statuses")]
                Task Toot([Body] object status);
            }

            class Startup
            {
                void Configure(IServiceCollection services, IConfiguration config)
                {
                    services.AddRefitClient<IMastodonApi>().ConfigureHttpClient(c => c.BaseAddress = new Uri(config["Mastodon:Url"]!));
                    services.AddRefitClient<IBackendApi>().ConfigureHttpClient(c => c.BaseAddress = new Uri("https://api.example.com"));
                    var x = RestService.For<IXApi>("https://api.x.com");
                }
            }

            class Poster(IMastodonApi mastodon, IBackendApi backend, IXApi x, IUnregisteredApi other)
            {
                async Task Run(object body)
                {
                    await {|#0:mastodon.PostStatus(body)|};
                    await mastodon.Home();
                    await backend.Archive(body);
                    await {|#1:x.Tweet(body)|};
                    await {|PRES001:other.Toot(body)|};
                }
            }
            """,
            Refit,
            Unconfirmed(0, "Posts to Mastodon through 'IMastodonApi.PostStatus' (POST to the URL from configuration 'Mastodon:Url' (appsettings.json: fosstodon.org))", "Run"),
            Unconfirmed(1, "Posts to X through 'IXApi.Tweet' (POST https://api.x.com/2/tweets)", "Run"));

    private static readonly MetadataReference[] Flurl = [TestReferences.FromType<Flurl.Http.IFlurlRequest>(), TestReferences.FromType<Flurl.Url>()];

    private static readonly MetadataReference[] RestSharp = [TestReferences.FromType<RestSharp.RestClient>()];

    [Fact]
    public Task Flurl_requests_read_their_url_from_configuration()
        => Check("""
            using Flurl;
            using Flurl.Http;

            class Poster(IConfiguration config)
            {
                private readonly string _hook = config["Slack:Url"]!;

                Task Direct(string text) => {|#0:config["Slack:Url"].PostJsonAsync(new { text })|};
                Task Chained(string text) => {|PRES001:new Url(config.GetValue<string>("Slack:Url")).WithHeader("X-Id", "1").PostJsonAsync(new { text })|};
                Task Field(string text) => {|PRES001:_hook.PostJsonAsync(new { text })|};
                Task Unset(string text) => {|PRES001:config["Discord:Webhook"].PostJsonAsync(new { content = text })|};

                Task Backend(string text) => config["Backend:Url"].AppendPathSegment("items").PostJsonAsync(new { text });
                Task Read() => config["Slack:Url"].GetAsync();
                Task Unknown(string text) => config["Nowhere:Url"].PostJsonAsync(new { name = text });
            }
            """,
            Flurl,
            Unconfirmed(0, "Posts to Slack through 'String.PostJsonAsync' (POST to the URL from configuration 'Slack:Url' (appsettings.json: hooks.slack.com))", "Direct"));

    [Fact]
    public Task RestSharp_clients_and_requests_read_their_url_from_configuration()
        => Check("""
            using RestSharp;

            class Poster
            {
                private readonly RestClient _slack;
                private readonly RestClient _backend;
                private readonly IConfiguration _config;

                public Poster(IConfiguration config)
                {
                    _config = config;
                    _slack = new RestClient(config["Slack:Url"]!);
                    _backend = new RestClient(new RestClientOptions(config["Backend:Url"]!));
                }

                Task Client(string text) => {|#0:_slack.ExecutePostAsync(new RestRequest("").AddJsonBody(new { text }))|};
                Task Resource(string text) => {|PRES001:new RestClient().ExecuteAsync(new RestRequest(_config["Slack:Url"], Method.Post))|};
                Task Options(string text)
                {
                    var client = new RestClient(new RestClientOptions { BaseUrl = new Uri(_config["Slack:Url"]!) });
                    return {|PRES001:client.ExecutePostAsync(new RestRequest(""))|};
                }

                Task Backend(string text) => _backend.ExecutePostAsync(new RestRequest("items"));
                Task Read() => _slack.ExecuteGetAsync(new RestRequest(""));
            }
            """,
            RestSharp,
            Unconfirmed(0, "Posts to Slack through 'IRestClient.ExecutePostAsync' (POST to the URL from configuration 'Slack:Url' (appsettings.json: hooks.slack.com))", "Client"));
}
