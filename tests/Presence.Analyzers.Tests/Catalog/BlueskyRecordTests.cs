using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Tests.Verifiers;
using static Presence.Analyzers.Tests.Verifiers.PathVerifier;

namespace Presence.Analyzers.Tests.Catalog;

/// <summary>
/// A raw Bluesky <c>com.atproto.repo.createRecord</c> publishes what its body's <c>collection</c> says: a post or a
/// repost does, a like, a follow, a block or a list membership does not; a collection that cannot be read still does.
/// </summary>
public class BlueskyRecordTests
{
    private static Task Check(string code, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerVerifier<Presence.Analyzers.Rules.UnconfirmedPublishAnalyzer>.Test
        {
            TestCode = """
                using System;
                using System.Collections.Generic;
                using System.Net.Http;
                using System.Net.Http.Json;
                using System.Text.Json;
                using System.Threading.Tasks;

                """ + code,
        };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task Anonymous_bodies_publish_posts_reposts_and_unknown_collections_but_not_likes_follows_or_blocks()
        => Check("""
            class Bot(HttpClient http)
            {
                private const string Url = "https://bsky.social/xrpc/com.atproto.repo.createRecord";
                private const string Follow = "app.bsky.graph.follow";

                async Task Run(string did, string kind, object record)
                {
                    await {|PRES001:http.PostAsJsonAsync(Url, new { repo = did, collection = "app.bsky.feed.post", record })|};
                    await {|PRES001:http.PostAsJsonAsync(Url, new { repo = did, collection = "app.bsky.feed.repost", record })|};
                    await {|PRES001:http.PostAsJsonAsync(Url, new { repo = did, collection = kind, record })|};
                    await {|PRES001:http.PostAsJsonAsync(Url, new { repo = did, record })|};
                    await {|PRES001:http.PostAsync(Url, new StringContent("{\"collection\":\"app.bsky.graph.follow\"}"))|};

                    await http.PostAsJsonAsync(Url, new { repo = did, collection = "app.bsky.graph.follow", record });
                    await http.PostAsJsonAsync(Url, new { repo = did, collection = Follow, record });
                    await http.PostAsJsonAsync(Url, new { repo = did, collection = "app.bsky.feed.like", record });
                    await http.PostAsJsonAsync(Url, new { repo = did, collection = "app.bsky.graph.block", record });
                    await http.PostAsJsonAsync(Url, new { repo = did, collection = "app.bsky.graph.listitem", record });
                    var like = new { repo = did, collection = "app.bsky.feed.like", record };
                    await http.PostAsync(Url, new StringContent(JsonSerializer.Serialize(like)));
                    await http.PostAsync(Url, JsonContent.Create(new Dictionary<string, object> { ["repo"] = did, ["collection"] = "app.bsky.graph.follow" }));
                    await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, Url) { Content = JsonContent.Create(new { repo = did, collection = "app.bsky.feed.like" }) });
                }
            }
            """);

    [Fact]
    public Task Typed_bodies_are_read_from_initializers_constructor_parameters_and_property_defaults()
        => Check("""
            record CreateRecord(string Repo, string Collection, object Record);
            class RecordBody { public string Repo { get; set; } = ""; public string Collection { get; set; } = ""; public object? Record { get; set; } }
            class LikeBody { public string Repo { get; set; } = ""; public string Collection { get; } = "app.bsky.feed.like"; }
            class PostBody { public string Repo { get; set; } = ""; public string Collection => "app.bsky.feed.post"; }

            class Bot(HttpClient http)
            {
                private const string Url = "https://bsky.social/xrpc/com.atproto.repo.createRecord";

                async Task Run(string did, object record)
                {
                    await {|PRES001:http.PostAsJsonAsync(Url, new CreateRecord(did, "app.bsky.feed.post", record))|};
                    await {|PRES001:http.PostAsJsonAsync(Url, new RecordBody { Repo = did, Collection = "app.bsky.feed.post", Record = record })|};
                    await {|PRES001:http.PostAsJsonAsync(Url, new RecordBody { Repo = did, Record = record })|};
                    await {|PRES001:http.PostAsJsonAsync(Url, new PostBody { Repo = did })|};

                    await http.PostAsJsonAsync(Url, new CreateRecord(did, "app.bsky.graph.follow", record));
                    await http.PostAsJsonAsync(Url, new RecordBody { Repo = did, Collection = "app.bsky.feed.like", Record = record });
                    await http.PostAsJsonAsync(Url, new LikeBody { Repo = did });
                }
            }
            """);

    [Fact]
    public Task A_follow_back_worker_is_clean_and_the_same_worker_posting_is_reported()
        => VerifyAsync("""
            using System;
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;

            sealed class FollowBack : BackgroundService
            {
                private static readonly HttpClient Http = new() { BaseAddress = new Uri("https://bsky.social/") };

                protected override async Task ExecuteAsync(CancellationToken ct)
                {
                    while (!ct.IsCancellationRequested)
                    {
                        await Http.PostAsJsonAsync("xrpc/com.atproto.repo.createRecord", new { repo = "did:plc:a", collection = "app.bsky.graph.follow", record = new { subject = "did:plc:b" } }, ct);
                        await Task.Delay(TimeSpan.FromMinutes(30), ct);
                    }
                }
            }

            sealed class Announcer : BackgroundService
            {
                private static readonly HttpClient Http = new() { BaseAddress = new Uri("https://bsky.social/") };

                protected override async Task {|#0:ExecuteAsync|}(CancellationToken ct)
                {
                    while (!ct.IsCancellationRequested)
                    {
                        await Http.PostAsJsonAsync("xrpc/com.atproto.repo.createRecord", new { repo = "did:plc:a", collection = "app.bsky.feed.post", record = new { text = "hi" } }, ct);
                        await Task.Delay(TimeSpan.FromMinutes(30), ct);
                    }
                }
            }
            """,
            Hosting,
            Unattended(0, "Announcer.ExecuteAsync (a hosted service)", "Announcer.ExecuteAsync → HttpClient.PostAsJsonAsync (POST https://bsky.social/xrpc/com.atproto.repo.createRecord)"));

    // The usual client: one createRecord helper taking the collection (and the record), called per kind of record.
    [Fact]
    public Task A_create_record_helper_is_judged_by_the_collection_each_caller_passes()
        => VerifyAsync("""
            using System;
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;

            sealed class BskyClient(HttpClient http)
            {
                public Task FollowAsync(string did) => CreateRecordAsync("app.bsky.graph.follow", new { subject = did });
                public Task LikeAsync(string uri) => SendAsync(new { repo = "did:plc:a", collection = "app.bsky.feed.like", record = new { subject = uri } });
                public Task PostAsync(string text) => CreateRecordAsync("app.bsky.feed.post", new { text });

                public Task CreateRecordAsync(string collection, object record)
                    => {|PRES001:http.PostAsJsonAsync("https://bsky.social/xrpc/com.atproto.repo.createRecord", new { repo = "did:plc:a", collection, record })|};

                private Task SendAsync(object body) => http.PostAsJsonAsync("https://bsky.social/xrpc/com.atproto.repo.createRecord", body);
            }

            sealed class FollowBack(BskyClient bsky) : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken ct)
                {
                    while (!ct.IsCancellationRequested)
                    {
                        await bsky.FollowAsync("did:plc:b");
                        await bsky.LikeAsync("at://did:plc:b/app.bsky.feed.post/1");
                        await bsky.CreateRecordAsync("app.bsky.graph.block", new { subject = "did:plc:spam" });
                        await Task.Delay(TimeSpan.FromMinutes(30), ct);
                    }
                }
            }

            sealed class Announcer(BskyClient bsky) : BackgroundService
            {
                protected override async Task {|#0:ExecuteAsync|}(CancellationToken ct)
                {
                    while (!ct.IsCancellationRequested)
                    {
                        await bsky.PostAsync("hi");
                        await Task.Delay(TimeSpan.FromHours(6), ct);
                    }
                }
            }

            sealed class Reposter(BskyClient bsky) : BackgroundService
            {
                protected override async Task {|#1:ExecuteAsync|}(CancellationToken ct)
                {
                    while (!ct.IsCancellationRequested)
                    {
                        await bsky.CreateRecordAsync("app.bsky.feed.repost", new { subject = "at://x" });
                        await Task.Delay(TimeSpan.FromHours(6), ct);
                    }
                }
            }
            """,
            Hosting,
            Unattended(0, "Announcer.ExecuteAsync (a hosted service)", "Announcer.ExecuteAsync → BskyClient.PostAsync → BskyClient.CreateRecordAsync → HttpClient.PostAsJsonAsync (POST https://bsky.social/xrpc/com.atproto.repo.createRecord)"),
            Unattended(1, "Reposter.ExecuteAsync (a hosted service)", "Reposter.ExecuteAsync → BskyClient.CreateRecordAsync → HttpClient.PostAsJsonAsync (POST https://bsky.social/xrpc/com.atproto.repo.createRecord)"));
}
