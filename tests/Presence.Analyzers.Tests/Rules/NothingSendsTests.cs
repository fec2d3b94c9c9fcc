using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Presence.Analyzers.Catalog;
using Presence.Analyzers.Model;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// Where no call can be a publish or a send (no Presence.Abstractions, no catalogued SDK, no PresenceApis.txt, no
/// library summary that publishes, no raw-request SDK, and no file that names a send of HttpClient),
/// UnconfirmedPublishAnalyzer looks at no call. These pin that the shortcut engages and hides no finding: a send in
/// the last file, through the framework's extension method, inside the user's own wrapper, on a client named by a
/// global alias, spelled with unicode escapes, or added by an edit.
/// </summary>
public class NothingSendsTests
{
    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);

    private const string Ordinary = """
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;

        public class Campaigns
        {
            private readonly List<string> _names = new();
            public async Task<int> CountAsync() { await Task.Yield(); return _names.Count(n => n.Length > 3); }
            public string Label(object value) => value switch { int i => i.ToString(), _ => "?" };
        }
        """;

    private static CSharpCompilation Compile(params (string Path, string Source)[] files) => Compile(TestReferences.Framework, files);

    private static CSharpCompilation Compile(ImmutableArray<MetadataReference> references, params (string Path, string Source)[] files)
        => CSharpCompilation.Create(
            "NothingSends",
            files.Select(f => CSharpSyntaxTree.ParseText(f.Source, Parse, path: f.Path)),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static Compilation Edit(Compilation compilation, string path, string source)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(source)));
    }

    private static async Task<ImmutableArray<Diagnostic>> Run(Compilation compilation)
    {
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new UnconfirmedPublishAnalyzer())).GetAnalyzerDiagnosticsAsync();
    }

    private static void Publish(ImmutableArray<Diagnostic> found, string path)
    {
        var diagnostic = Assert.Single(found);
        Assert.Equal("PRES001", diagnostic.Id);
        Assert.Equal(path, diagnostic.Location.SourceTree?.FilePath);
    }

    private static string Poster(string call) => $$"""
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;

        public class Poster(HttpClient http)
        {
            public async Task Post(string text) => await {{call}};
        }
        """;

    [Fact]
    public async Task Nothing_that_can_send_registers_no_call_action()
    {
        var compilation = Compile(("A/Campaigns.cs", Ordinary));
        var model = PresenceModel.TryCreate(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), CancellationToken.None)!;
        Assert.False(model.MaySend(CancellationToken.None));

        var analyzer = new UnconfirmedPublishAnalyzer();
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer));
        Assert.Empty(await withAnalyzers.GetAnalyzerDiagnosticsAsync());
        var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
        Assert.Equal(0, telemetry.OperationActionsCount);
        Assert.Equal(0, telemetry.SymbolActionsCount);
    }

    [Fact]
    public void Every_send_of_the_framework_client_has_one_of_the_words()
        => Assert.True(HttpRequests.ClientSendsHaveWords(Compile(("A/Campaigns.cs", Ordinary))));

    [Fact]
    public async Task A_send_in_the_last_file_is_found()
        => Publish(
            await Run(Compile(("A/Campaigns.cs", Ordinary), ("Z/Poster.cs", Poster("""http.PostAsync("https://mastodon.social/api/v1/statuses", new StringContent(text))""")))),
            "Z/Poster.cs");

    [Theory]
    [InlineData("""http.PostAsJsonAsync("https://mastodon.social/api/v1/statuses", new { status = text })""")]
    [InlineData("""HttpClientJsonExtensions.PutAsJsonAsync(http, "https://mastodon.social/api/v1/statuses/1", new { status = text })""")]
    [InlineData("""http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "https://mastodon.social/api/v1/statuses") { Content = new StringContent(text) })""")]
    [InlineData("""http.GetStringAsync("https://api.telegram.org/bot1:abc/sendMessage?chat_id=1&text=" + text)""")]
    public async Task A_send_through_the_framework_or_its_extension_methods_is_found(string call)
        => Publish(await Run(Compile(("A/Campaigns.cs", Ordinary), ("B/Poster.cs", Poster(call)))), "B/Poster.cs");

    [Fact]
    public async Task A_send_inside_a_wrapper_of_the_user_is_found_where_it_is()
        => Publish(
            await Run(Compile(
                ("A/Announcer.cs", """
                    using System.Threading.Tasks;

                    public class Announcer(Megaphone megaphone)
                    {
                        public Task Announce(string text) => megaphone.Shout(text);
                    }
                    """),
                ("B/Megaphone.cs", """
                    using System.Net.Http;
                    using System.Threading.Tasks;

                    public static class Megaphones
                    {
                        public static Task<HttpResponseMessage> Say(this HttpClient http, string text)
                            => http.PostAsync("https://mastodon.social/api/v1/statuses", new StringContent(text));
                    }

                    public class Megaphone(HttpClient http)
                    {
                        public Task Shout(string text) => http.Say(text);
                    }
                    """))),
            "B/Megaphone.cs");

    [Fact]
    public async Task A_send_on_a_client_named_by_a_global_alias_is_found()
        => Publish(
            await Run(Compile(
                ("A/Usings.cs", "global using Web = System.Net.Http.HttpClient;"),
                ("B/Poster.cs", """
                    using System.Threading.Tasks;

                    public class Poster(Web web)
                    {
                        public Task Post(string text) => web.PostAsync("https://mastodon.social/api/v1/statuses", new System.Net.Http.StringContent(text));
                    }
                    """))),
            "B/Poster.cs");

    [Fact]
    public async Task A_send_spelled_with_unicode_escapes_is_found()
    {
        var source = Poster("""http.\u0050ostAsync("https://mastodon.social/api/v1/statuses", new StringContent(text))""");
        Assert.DoesNotContain("PostAs", source, System.StringComparison.Ordinal);
        Publish(await Run(Compile(("A/Campaigns.cs", Ordinary), ("B/Poster.cs", source))), "B/Poster.cs");
    }

    [Fact]
    public async Task A_send_added_by_an_edit_is_found()
    {
        var before = Compile(("A/Campaigns.cs", Ordinary), ("B/Poster.cs", Poster("Task.CompletedTask")));
        Assert.Empty(await Run(before));

        var after = Edit(before, "B/Poster.cs", Poster("""http.PutAsync("https://mastodon.social/api/v1/statuses/1", new StringContent(text))"""));
        Publish(await Run(after), "B/Poster.cs");
    }

    [Fact]
    public async Task A_raw_request_client_declared_in_the_source_is_looked_at()
    {
        // SlackNet's Post(apiMethod, …) is recognised by its type and namespace, wherever they are declared.
        var compilation = Compile(("A/Slack.cs", """
            using System.Threading.Tasks;

            namespace SlackNet
            {
                public interface ISlackApiClient { Task Post(string apiMethod, object args); }
            }

            public class Notifier(SlackNet.ISlackApiClient slack)
            {
                public Task Notify(string text) => slack.Post("chat.postMessage", new { channel = "#general", text });
            }
            """));
        var model = PresenceModel.TryCreate(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), CancellationToken.None)!;
        Assert.True(model.MaySend(CancellationToken.None));
        Publish(await Run(compilation), "A/Slack.cs");
    }

    [Fact]
    public async Task A_send_of_a_referenced_http_sdk_is_looked_at()
    {
        // Flurl's sends have names of their own (PostJsonAsync): a reference to it is enough to look.
        var compilation = Compile(
            TestReferences.Framework.AddRange(TestReferences.FromType<Flurl.Http.IFlurlRequest>(), TestReferences.FromType<Flurl.Url>()),
            ("A/Campaigns.cs", Ordinary),
            ("B/Poster.cs", """
                using System.Threading.Tasks;
                using Flurl.Http;

                public class Poster
                {
                    public Task Post(string text) => "https://mastodon.social/api/v1/statuses".PostJsonAsync(new { status = text });
                }
                """));
        Publish(await Run(compilation), "B/Poster.cs");
    }
}
