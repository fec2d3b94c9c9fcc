using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Catalog;

/// <summary>Raw HTTP requests to catalogued publish endpoints, against the real Flurl.Http, RestSharp and Refit.</summary>
public class HttpPublishTests
{
    private const string Usings = """
        using System;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;

        """;

    private static DiagnosticResult Unconfirmed(int location, string describe, string member)
        => AnalyzerVerifier<Presence.Analyzers.Rules.UnconfirmedPublishAnalyzer>.Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithLocation(location).WithArguments(describe, member);

    private static Task Check(string code, params MetadataReference[] references) => Check(code, references, []);

    private static Task Check(string code, MetadataReference[] references, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerVerifier<Presence.Analyzers.Rules.UnconfirmedPublishAnalyzer>.Test { TestCode = Usings + code };
        test.TestState.AdditionalReferences.AddRange(references);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task HttpClient_requests_to_publish_endpoints_are_publish_calls()
        => Check("""
            class Poster
            {
                private const string TweetsUrl = "https://api.x.com/2/tweets";
                private static readonly Uri Statuses = new Uri("https://mastodon.social/api/v1/statuses");

                async Task Run(HttpClient http, HttpContent body, string instance, string token, long chat)
                {
                    await {|PRES001:http.PostAsync("https://api.twitter.com/2/tweets", body)|};
                    await {|PRES001:http.PostAsync(TweetsUrl, body)|};
                    await {|PRES001:http.PostAsync(Statuses, body)|};
                    await {|PRES001:http.PostAsync(new Uri("https://api.x.com/1.1/statuses/update.json?status=hi"), body)|};
                    await {|PRES001:http.PostAsync($"https://{instance}/api/v1/statuses", body)|};
                    await {|PRES001:http.PostAsJsonAsync("https://slack.com/api/chat.postMessage", new { channel = "C1", text = "hi" })|};
                    await {|PRES001:http.PutAsync("https://" + instance + "/api/v1/statuses/42", body)|};
                    await {|PRES001:http.GetAsync($"https://api.telegram.org/bot{token}/sendMessage?chat_id={chat}&text=hi")|};
                    var webhook = "https://hooks.slack.com/services/T000/B000/XXXX";
                    await {|PRES001:http.PostAsync(webhook, body)|};
                    await {|PRES001:http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "https://discord.com/api/v10/channels/1/messages") { Content = body })|};
                    var request = new HttpRequestMessage { Method = HttpMethod.Post, RequestUri = new Uri("https://api.linkedin.com/rest/posts"), Content = body };
                    await {|PRES001:http.SendAsync(request)|};
                    using var late = new HttpRequestMessage();
                    late.Method = HttpMethod.Post;
                    late.RequestUri = new Uri("https://discord.com/api/webhooks/1/abc");
                    late.Content = body;
                    await {|PRES001:http.SendAsync(late)|};
                    var read = new HttpRequestMessage();
                    read.RequestUri = new Uri("https://discord.com/api/webhooks/1/abc");
                    await http.SendAsync(read);
                    await {|PRES001:http.PostAsync($"https://graph.facebook.com/v19.0/{instance}/feed", body)|};
                    await {|PRES001:http.PatchAsync($"https://discord.com/api/webhooks/998877/{token}/messages/{chat}", body)|};
                    await {|PRES001:http.PatchAsync($"https://discord.com/api/v10/channels/123/messages/{chat}", body)|};
                    await {|PRES001:http.PostAsync("https://slack.com/api/files.completeUploadExternal", body)|};
                }
            }
            """);

    [Fact]
    public Task Tokens_in_a_literal_webhook_url_are_not_repeated_in_the_message()
    {
        var test = new AnalyzerVerifier<Presence.Analyzers.Rules.UnconfirmedPublishAnalyzer>.Test
        {
            TestCode = """
                using System.Net.Http;
                using System.Threading.Tasks;

                class Hooks(HttpClient http)
                {
                    Task Slack(HttpContent body) => {|#0:http.PostAsync("https://hooks.slack.com/services/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", body)|};
                    Task Discord(HttpContent body) => {|#1:http.PostAsync("https://discord.com/api/webhooks/112233445566778899/aB3dE5fG7hJ9kL1mN3pQ5rS7tV9wX1yZ3", body)|};
                    Task Telegram(HttpContent body) => {|#2:http.PostAsync("https://api.telegram.org/bot123456789:AAH4kq3LmN0pQrS7tUvW2yXa9bC/sendMessage", body)|};
                    Task Teams(HttpContent body) => {|#3:http.PostAsync("https://prod-01.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sig=Zx8kq3LmN0pQ", body)|};
                }
                """,
        };
        test.ExpectedDiagnostics.Add(Unconfirmed(0, "Posts to Slack through 'HttpClient.PostAsync' (POST https://hooks.slack.com/services/…)", "Slack"));
        test.ExpectedDiagnostics.Add(Unconfirmed(1, "Posts to Discord through 'HttpClient.PostAsync' (POST https://discord.com/api/webhooks/112233445566778899/…)", "Discord"));
        test.ExpectedDiagnostics.Add(Unconfirmed(2, "Posts to Telegram through 'HttpClient.PostAsync' (POST https://api.telegram.org/bot…/sendMessage)", "Telegram"));
        test.ExpectedDiagnostics.Add(Unconfirmed(3, "Posts to Teams through 'HttpClient.PostAsync' (POST https://prod-01.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?…)", "Teams"));
        return test.RunAsync();
    }

    [Fact]
    public Task Look_alike_requests_are_not()
        => Check("""
            class Reader
            {
                async Task Run(HttpClient http, HttpContent body, string path, string host, string token)
                {
                    await http.GetAsync("https://api.x.com/2/tweets?ids=1");
                    // Telegram's typing indicator, and the buttons of a sent message alone.
                    await http.PostAsync($"https://api.telegram.org/bot{token}/sendChatAction?chat_id=1&action=typing", body);
                    await http.PostAsync($"https://api.telegram.org/bot{token}/editMessageReplyMarkup", body);
                    await {|PRES001:http.PostAsync($"https://api.telegram.org/bot{token}/editMessageText", body)|};
                    await http.GetStringAsync("https://mastodon.social/api/v1/statuses/1");
                    await http.PostAsync("https://example.com/2/tweets", body);
                    await http.PostAsync("https://api.example.com/search?q=tweets", body);
                    await http.PostAsync($"https://api.x.com/2/{path}", body);
                    await http.PostAsync(path, body);
                    await http.PostAsync($"https://{host}/api/v2/media", body);
                    await http.DeleteAsync("https://api.x.com/2/tweets/1");
                    await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://api.x.com/2/tweets"));
                    var text = "tweets about https://api.x.com/2/tweets";
                    Console.WriteLine(text);
                }
            }
            """);

    [Fact]
    public Task Relative_requests_use_the_base_address_set_in_the_same_type()
        => Check("""
            class FacebookPages
            {
                private readonly HttpClient _http;
                public FacebookPages(HttpClient http)
                {
                    _http = http;
                    _http.BaseAddress = new Uri("https://graph.facebook.com/v19.0/");
                }

                public Task Post(string page, HttpContent body) => {|PRES001:_http.PostAsync(page + "/feed", body)|};
                public Task Read(string page) => _http.GetAsync(page + "/feed");
            }

            // A base address of the team's own: its host decides, not the path's resemblance to a catalogued one.
            class InternalRelay
            {
                private readonly HttpClient _http = new() { BaseAddress = new Uri("https://chat.acme.internal/api/v1/") };
                public Task RocketChat(HttpContent body) => _http.PostAsync("chat.postMessage", body);
                public Task Tickets(HttpContent body) => _http.PostAsync("channels/7/messages", body);
                public Task Tweets(HttpContent body) => _http.PostAsync("2/tweets", body);
            }

            class TypedTwitterClient(HttpClient http)
            {
                // No base address visible: the path alone identifies the X endpoint.
                public Task Post(HttpContent body) => {|PRES001:http.PostAsync("2/tweets", body)|};

                // ...but not an ambiguous one, such as a Facebook-style "feed".
                public Task Other(HttpContent body) => http.PostAsync("me/feed", body);
            }
            """);

    [Fact]
    public Task Flurl_requests_follow_the_builder_chain()
        => Check("""
            using Flurl;
            using Flurl.Http;

            class Poster
            {
                async Task Run(string token, object status)
                {
                    await {|PRES001:"https://api.x.com".AppendPathSegment("2/tweets").WithOAuthBearerToken(token).PostJsonAsync(status)|};
                    await {|PRES001:"https://mastodon.social/api/v1/statuses".WithHeader("Idempotency-Key", "1").PostUrlEncodedAsync(status)|};
                    await {|PRES001:new Url("https://api.pinterest.com").AppendPathSegments("v5", "pins").PostJsonAsync(status)|};
                    await "https://api.x.com".AppendPathSegment("2/tweets").WithOAuthBearerToken(token).GetJsonAsync<object>();
                    await "https://example.com/2/tweets".PostJsonAsync(status);
                }
            }
            """,
            TestReferences.FromType<Flurl.Http.IFlurlRequest>(),
            TestReferences.FromType<Flurl.Url>());

    [Fact]
    public Task Urls_kept_in_a_constants_class_of_another_file_are_read()
    {
        var test = new AnalyzerVerifier<Presence.Analyzers.Rules.UnconfirmedPublishAnalyzer>.Test
        {
            TestState =
            {
                Sources =
                {
                    ("/0/Notifier.cs", Usings + """
                        class Notifier(HttpClient http)
                        {
                            Task Discord(string text) => {|#0:http.PostAsJsonAsync(Urls.DiscordWebhook, new { content = text })|};
                            Task Slack(string text) => {|#1:http.PostAsJsonAsync(Urls.SlackHook, new { text })|};
                            Task Mastodon(string text) => {|#2:http.PostAsJsonAsync(Urls.MastodonStatuses, new { status = text })|};
                            Task Backend(string text) => http.PostAsJsonAsync(Urls.Backend, new { text });
                            Task Computed(string text) => http.PostAsJsonAsync(Urls.Computed, new { text });
                        }
                        """),
                    ("/0/Urls.cs", """
                        using System;

                        public static class Urls
                        {
                            public static readonly string DiscordWebhook = "https://discord.com/api/webhooks/123/abc";
                            public static readonly Uri SlackHook = new("https://hooks.slack.com/services/T1/B1/X");
                            public static string MastodonStatuses { get; } = Instance + "/api/v1/statuses";
                            public static string Backend => "https://api.example.com/items";
                            public static string Computed => Environment.MachineName.ToLowerInvariant();
                            private const string Instance = "https://mastodon.social";
                        }
                        """),
                },
            },
        };
        test.ExpectedDiagnostics.Add(Unconfirmed(0, "Posts to Discord through 'HttpClient.PostAsJsonAsync' (POST https://discord.com/api/webhooks/123/…)", "Discord"));
        test.ExpectedDiagnostics.Add(Unconfirmed(1, "Posts to Slack through 'HttpClient.PostAsJsonAsync' (POST https://hooks.slack.com/services/…)", "Slack"));
        test.ExpectedDiagnostics.Add(Unconfirmed(2, "Posts to Mastodon through 'HttpClient.PostAsJsonAsync' (POST https://mastodon.social/api/v1/statuses)", "Mastodon"));
        return test.RunAsync();
    }

    [Fact]
    public Task Flurl_clients_append_their_request_segments_to_the_base_url()
        => Check("""
            using Flurl.Http;
            using Flurl.Http.Configuration;

            class Poster(IFlurlClientCache clients)
            {
                private readonly FlurlClient _discord = new FlurlClient("https://discord.com/api");
                private readonly FlurlClient _backend = new FlurlClient("https://api.example.com");

                async Task Run(string id, string token, object body)
                {
                    await {|PRES001:_discord.Request("webhooks", id, token).PostJsonAsync(body)|};
                    await {|PRES001:clients.Get("mastodon").Request("api", "v1", "statuses").PostJsonAsync(body)|};
                    await _backend.Request("webhooks", id, token).PostJsonAsync(body);
                    await _discord.Request("webhooks", id, token).GetAsync();
                }
            }
            """,
            TestReferences.FromType<Flurl.Http.IFlurlRequest>(),
            TestReferences.FromType<Flurl.Url>());

    [Fact]
    public Task RestSharp_requests_combine_the_client_base_and_the_resource()
        => Check("""
            using RestSharp;

            class Poster
            {
                private readonly RestClient _x = new RestClient("https://api.x.com");

                async Task Run(object body)
                {
                    var request = new RestRequest("2/tweets", Method.Post).AddJsonBody(body);
                    var post = new RestRequest("2/tweets", Method.Post);
                    await {|PRES001:_x.ExecuteAsync(post)|};
                    await {|PRES001:_x.PostJsonAsync("2/tweets", body)|};
                    var reddit = new RestClient(new RestClientOptions("https://oauth.reddit.com"));
                    await {|PRES001:reddit.ExecutePostAsync(new RestRequest("api/submit"))|};
                    await _x.ExecuteAsync(new RestRequest("2/tweets"));
                    await _x.ExecuteGetAsync(new RestRequest("2/tweets/1"));
                    var other = new RestClient("https://example.com");
                    await other.ExecuteAsync(new RestRequest("api/submit", Method.Post));
                }
            }
            """,
            TestReferences.FromType<RestSharp.RestClient>());

    [Fact]
    public Task RestSharp_requests_built_in_one_chain_keep_their_resource_and_method()
        => Check("""
            using Microsoft.Extensions.Options;
            using RestSharp;

            class LinkedInOptions { public string ApiBaseUrl { get; set; } = "https://api.linkedin.com"; }

            class Poster
            {
                private readonly RestClient _li = new RestClient("https://api.linkedin.com");
                private readonly RestClient _fromOptions;

                Poster(IOptions<LinkedInOptions> options)
                {
                    var clientOptions = new RestClientOptions("https://api.linkedin.com") { ThrowOnAnyError = true };
                    _fromOptions = new RestClient(clientOptions);
                }

                async Task Run(object body)
                {
                    await {|PRES001:_li.ExecuteAsync(new RestRequest("rest/posts", Method.Post).AddJsonBody(body))|};
                    await {|PRES001:_li.ExecuteAsync(new RestRequest("rest/posts", Method.Post).AddHeader("LinkedIn-Version", "202405").AddJsonBody(body))|};
                    var request = new RestRequest("rest/posts", Method.Post).AddHeader("LinkedIn-Version", "202405");
                    await {|PRES001:_li.ExecuteAsync(request)|};
                    await {|PRES001:_fromOptions.ExecuteAsync(new RestRequest("rest/posts", Method.Post))|};
                    await _li.ExecuteAsync(new RestRequest("rest/posts").AddHeader("LinkedIn-Version", "202405"));
                    await _li.ExecuteAsync(new RestRequest("rest/me", Method.Post).AddJsonBody(body));
                }

                Task Share() => {|PRES001:_li.ExecuteAsync(new RestRequest("rest/posts", Method.Post).AddHeader("LinkedIn-Version", "202405"))|};

                // A base URL known only at run time: the resource is joined to it with one slash.
                Task Toot(string instanceUrl) => {|#0:new RestClient(instanceUrl).ExecuteAsync(new RestRequest("api/v1/statuses", Method.Post))|};
            }
            """,
            [TestReferences.FromType<RestSharp.RestClient>(), TestReferences.FromType<Microsoft.Extensions.Options.IOptions<object>>()],
            Unconfirmed(0, "Posts to Mastodon through 'RestClient.ExecuteAsync' (POST …/api/v1/statuses)", "Toot"));

    [Fact]
    public Task Refit_attributes_declared_in_the_source_itself_count_too()
        => Check("""
            namespace Refit
            {
                [AttributeUsage(AttributeTargets.Method)]
                public sealed class PostAttribute(string path) : Attribute { public string Path { get; } = path; }
            }

            namespace App
            {
                using Refit;

                public interface IXApi
                {
                    [Post("/2/tweets")]
                    Task<string> CreatePost(object post);
                }

                class Poster
                {
                    Task Run(IXApi api, object post) => {|PRES001:api.CreatePost(post)|};
                }
            }
            """);

    [Fact]
    public Task Refit_interface_methods_publish_when_their_attribute_names_an_endpoint()
        => Check("""
            using Refit;

            public interface IXApi
            {
                [Post("/2/tweets")]
                Task<string> CreatePost([Body] object post);

                [Get("/2/tweets/{id}")]
                Task<string> GetPost(string id);

                [Post("/2/users/{id}/likes")]
                Task Like(string id);
            }

            class Poster
            {
                async Task Run(IXApi api, object post)
                {
                    await {|PRES001:api.CreatePost(post)|};
                    await api.GetPost("1");
                    await api.Like("1");
                }
            }
            """,
            TestReferences.FromType<Refit.PostAttribute>());

    [Fact]
    public Task A_guarded_request_is_clean_and_the_message_names_the_platform()
    {
        var test = new AnalyzerVerifier<Presence.Analyzers.Rules.UnconfirmedPublishAnalyzer>.Test
        {
            TestCode = Usings + """
                using Presence;

                class Poster
                {
                    [HumanConfirmation] static bool Confirm(string text) => Console.ReadLine() == "y";

                    async Task Run(HttpClient http, HttpContent body)
                    {
                        if (Confirm("hi")) await http.PostAsync("https://api.x.com/2/tweets", body);
                        await {|#0:http.PostAsync("https://api.x.com/2/tweets", body)|};
                    }
                }
                """,
        };
        test.ExpectedDiagnostics.Add(AnalyzerVerifier<Presence.Analyzers.Rules.UnconfirmedPublishAnalyzer>
            .Diagnostic(PresenceDiagnostics.ConfirmationIgnored).WithLocation(0).WithLocation(13, 13)
            .WithArguments("Posts to X through 'HttpClient.PostAsync' (POST https://api.x.com/2/tweets)", "Confirm", "publish only on the path where 'Confirm' returned approval"));
        return test.RunAsync();
    }
}
