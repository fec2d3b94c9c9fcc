using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Presence.Analyzers.Summaries;
using Presence.Analyzers.Tests.Verifiers;
using Xunit;
using Steps = Presence.Analyzers.Summaries.PathSummaryGenerator.TrackingNames;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// The path summary's pipeline (docs/design/paths.md): a syntax index per tree that an edit recomputes for one tree
/// only, a decision from syntax and references that stays cached across unrelated edits, and a semantic search that
/// never runs where nothing can publish. And the index's text scan never misses a name the syntax invokes.
/// </summary>
public class SummaryIncrementalityTests
{
    private const string Poster = """
        using System.Threading.Tasks;
        using Telegram.Bot;

        namespace Deals;

        public class ChannelSender(ITelegramBotClient bot)
        {
            public Task Send(string text) => bot.SendMessage("@deals", text);
        }
        """;

    private const string Unrelated = """
        namespace Deals;

        public static class Greeting
        {
            public static string Text() => "hello".Trim();
        }
        """;

    private const string Calculator = """
        using System.Net.Http;

        public class Calculator
        {
            private readonly HttpClient _http = new();

            public int Add(int a, int b) => a + b;
        }
        """;

    [Fact]
    public void An_unrelated_edit_reindexes_one_tree_and_leaves_the_decision_cached()
    {
        var first = Run([Poster, Unrelated, Unrelated.Replace("Greeting", "Farewell")], PathVerifier.Telegram);
        var second = Rerun(first, 1, Unrelated.Replace("\"hello\".Trim()", "string.Concat(\"good \", \"morning\").ToUpperInvariant()"));

        // Three sources: the edited tree is indexed again, the other two are not (their indexes are the same objects).
        var before = Indexes(first);
        var after = Indexes(second);
        Assert.Equal(3, after.Length);
        Assert.Equal([0, 2], Enumerable.Range(0, 3).Where(i => ReferenceEquals(before[i], after[i])).ToArray());
        Assert.NotEqual(before[1], after[1]);
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(second, Steps.Index));
        Assert.All(Reasons(second, Steps.References), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        Assert.All(Reasons(second, Steps.Plan), reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"the plan was {reason}"));

        // The summary is searched again on the new compilation (its binding may differ), and comes out the same.
        Assert.All(Reasons(second, Steps.Summary), reason => Assert.Equal(IncrementalStepRunReason.Unchanged, reason));
        Assert.Equal(Summary(first), Summary(second));
        Assert.Contains("ChannelSender.Send", Summary(second));
    }

    [Fact]
    public void A_comment_leaves_every_step_but_the_search_cached()
    {
        var first = Run([Poster, Unrelated], PathVerifier.Telegram);
        var second = Rerun(first, 1, Unrelated + "\n// edited\n");

        // The edited tree is indexed again and its index is equal: the index is unchanged, the decision cached.
        Assert.Equal(Indexes(first), Indexes(second));
        Assert.All(Reasons(second, Steps.Index), reason => Assert.Equal(IncrementalStepRunReason.Unchanged, reason));
        Assert.All(Reasons(second, Steps.Plan), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }

    [Fact]
    public void The_generators_read_the_compilation_they_are_given_and_every_compilation_still_gets_the_marker()
    {
        // A post-initialization source would give every generator of the driver a new compilation with it, whose
        // declarations, type names and identity are made again for the generators alone.
        var compilation = CSharpCompilation.Create(
            "Deals.Core",
            [CSharpSyntaxTree.ParseText(Calculator, new CSharpParseOptions(LanguageVersion.Latest), path: "Source0.cs")],
            TestReferences.Framework.Add(TestReferences.Abstractions),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var seen = new List<Compilation>();
        var beside = new Beside(seen);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new PathSummaryGenerator().AsSourceGenerator(), beside.AsSourceGenerator()], parseOptions: new CSharpParseOptions(LanguageVersion.Latest));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var built, out _);

        Assert.Same(compilation, Assert.Single(seen));
        Assert.Equal(["PresenceSummary.Version.g.cs"], driver.GetRunResult().Results[0].GeneratedSources.Select(s => s.HintName).ToArray());
        Assert.Contains(built.Assembly.GetAttributes(), attribute => attribute.ConstructorArguments.FirstOrDefault().Value as string == "Presence.Summary.Version");
    }

    // Another generator of the same driver, which notes the compilation it reads.
    private sealed class Beside(List<Compilation> seen) : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
            => context.RegisterSourceOutput(context.CompilationProvider, (_, compilation) => seen.Add(compilation));
    }

    [Fact]
    public void Where_nothing_can_publish_there_is_no_plan_and_the_search_never_runs()
    {
        // HttpClient is there (it always is): only a body that calls a send could make a request.
        var first = Run([Calculator, Unrelated]);
        var second = Rerun(first, 1, Unrelated.Replace("\"hello\".Trim()", "\"hello\".ToUpperInvariant()"));

        foreach (var run in new[] { first, second })
        {
            var index = run.Input.SyntaxTrees.Select(tree => TreeIndex.Of(tree, default)).ToImmutableArray();
            Assert.Null(SummaryPlan.Decide(index, ReferenceFacts.Of(run.Input), declaresApis: false, maxDepth: 16));

            // Without a plan the search has no input: the summary's output had nothing to track (the marker's has).
            Assert.Empty(run.Result.TrackedOutputSteps.Where(step => step.Key == WellKnownGeneratorOutputs.ImplementationSourceOutput).SelectMany(step => step.Value));
            Assert.Equal(["PresenceSummary.Version.g.cs"], run.Result.GeneratedSources.Select(s => s.HintName).ToArray());
        }
    }

    // What a compilation that references nothing publishable (the framework alone) has: HttpClient, and files that
    // name none of its sends.
    private const string Mastodon = """
        using System.Net.Http;
        using System.Threading.Tasks;

        public class Toots(HttpClient http)
        {
            public Task Toot(string text) => http.PostAsync("https://mastodon.social/api/v1/statuses", new StringContent(text));
        }
        """;

    [Fact]
    public void Where_no_file_names_a_send_or_a_publisher_attribute_no_tree_is_indexed()
    {
        var first = RunFrameworkOnly([Calculator, Unrelated]);
        Assert.False(SummaryPlan.MayPublish(first.Input, ReferenceFacts.Of(first.Input), default));
        Assert.Equal(string.Empty, Summary(first));

        // Presence.Abstractions or Refit referenced: a library's attribute can make any method a publisher.
        var abstractions = first.Input.AddReferences(TestReferences.Abstractions);
        Assert.True(SummaryPlan.MayPublish(abstractions, ReferenceFacts.Of(abstractions), default));

        // An edit that makes a send: the trees are indexed, and the summary has the send.
        var second = Rerun(first, 1, Mastodon);
        Assert.Equal(2, Indexes(second).Length);
        Assert.Contains("M:Toots.Toot(System.String)", Summary(second));
    }

    [Fact]
    public void A_catalogued_member_without_a_send_word_has_the_trees_indexed_and_summarised()
    {
        // Telegram's ForwardMessage has none of the words a send's name has: the source is indexed whatever it names.
        var forwarder = """
            using System.Threading.Tasks;
            using Telegram.Bot;

            public class Forwarder(ITelegramBotClient bot)
            {
                public Task Forward(long from, int message) => bot.ForwardMessage("@deals", from, message);
            }
            """;
        var run = Run([Unrelated, forwarder], TestReferences.Framework.Add(PathVerifier.Telegram));

        Assert.True(SummaryPlan.MayPublish(run.Input, ReferenceFacts.Of(run.Input), default));
        Assert.Contains("M:Forwarder.Forward(System.Int64,System.Int32)", Summary(run));
    }

    [Theory]
    [InlineData("a send", Mastodon)]
    [InlineData("a send spelled with a unicode escape", """
        using System.Net.Http;
        using System.Threading.Tasks;

        public class Toots(HttpClient http)
        {
            public Task Toot(string text) => http.Po\u0073tAsync("https://mastodon.social/api/v1/statuses", new StringContent(text));
        }
        """)]
    [InlineData("a publisher attribute of its own", """
        using System.Threading.Tasks;

        namespace Presence
        {
            [System.AttributeUsage(System.AttributeTargets.Interface | System.AttributeTargets.Method)]
            public sealed class PublishesContentAttribute : System.Attribute
            {
                public PublishesContentAttribute(string platform) { }
            }
        }

        [Presence.PublishesContent("Mastodon")]
        public interface IChannel
        {
            Task Toot(string text);
        }
        """)]
    [InlineData("Refit attributes of its own", """
        using System;
        using System.Threading.Tasks;

        namespace Refit
        {
            [AttributeUsage(AttributeTargets.Method)]
            public sealed class PostAttribute(string path) : Attribute { public string Path { get; } = path; }
        }

        public interface IChannel
        {
            [Refit.Post("/2/tweets")]
            Task Toot(string text);
        }
        """)]
    public void Anything_that_can_start_a_path_has_the_trees_indexed_and_summarised(string what, string source)
    {
        var caller = """
            using System.Threading.Tasks;

            public class Campaign(CHANNEL channel)
            {
                public Task Launch() => channel.Toot("launch");
            }
            """.Replace("CHANNEL", source.Contains("IChannel") ? "IChannel" : "Toots");
        var run = RunFrameworkOnly([Unrelated, source, caller]);

        Assert.True(Indexes(run).Length == 3, what);
        Assert.Contains("M:Campaign.Launch", Summary(run));
    }

    [Fact]
    public void A_send_or_a_declared_API_file_makes_a_plan()
    {
        var sender = Calculator.Replace("public int Add(int a, int b) => a + b;", "public System.Threading.Tasks.Task Ping() => _http.PostAsync(\"https://example.com/ping\", null);");
        var compilation = Run([sender, Unrelated]).Input;
        var index = compilation.SyntaxTrees.Select(tree => TreeIndex.Of(tree, default)).ToImmutableArray();

        Assert.Equal([0], SummaryPlan.Decide(index, ReferenceFacts.Of(compilation), declaresApis: false, maxDepth: 16)!.Trees.ToArray());
        Assert.True(SummaryPlan.Decide(index, ReferenceFacts.Of(Run([Calculator]).Input), declaresApis: true, maxDepth: 16)!.ModelDecides);
    }

    [Fact]
    public void An_edit_that_adds_a_publish_is_searched_and_summarised()
    {
        var first = Run([Poster, Unrelated], PathVerifier.Telegram);
        var second = Rerun(first, 1, """
            using System.Threading.Tasks;
            using Telegram.Bot;

            namespace Deals;

            public class Relay(ITelegramBotClient bot)
            {
                public Task Forward(string text) => bot.SendMessage("@relay", text);
            }
            """);

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(second, Steps.Plan));
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(second, Steps.Summary));
        Assert.Contains("M:Deals.Relay.Forward(System.String)", Summary(second));
        Assert.Contains("M:Deals.ChannelSender.Send(System.String)", Summary(second));
    }

    [Fact]
    public void References_that_change_are_read_again()
    {
        // The references are not read again after an edit of the source: a reference added is, and its SDK's sends
        // become candidates.
        var first = Run([Unrelated, Calculator]);
        var tree = first.Input.SyntaxTrees.ElementAt(0);
        var edited = first.Input.AddReferences(PathVerifier.Telegram).ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(Poster)));
        Assert.Empty(edited.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var second = new SummaryRun(edited, first.Driver.RunGenerators(edited));

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(second, Steps.References));
        Assert.Contains("M:Deals.ChannelSender.Send(System.String)", Summary(second));

        // And a reference removed is read again too: nothing publishes any more.
        var third = new SummaryRun(first.Input, second.Driver.RunGenerators(first.Input));
        Assert.Equal(string.Empty, Summary(third));
    }

    [Fact]
    public void The_references_are_read_without_the_source_and_an_edit_keeps_their_key()
    {
        // A compilation of the references alone names the SDK's and HttpClient's sends; an edit keeps the key, another
        // assembly name does not.
        var compilation = Run([Poster, Calculator], PathVerifier.Telegram).Input;
        var fromKey = ReferenceFacts.Of(Presence.Incremental.ReferenceKey.Of(compilation));

        Assert.Contains("SendMessage", fromKey.SinkNames);
        Assert.Contains("PostAsync", fromKey.SinkNames);
        Assert.Equal(Presence.Incremental.ReferenceKey.Of(compilation), Presence.Incremental.ReferenceKey.Of(compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.First(), CSharpSyntaxTree.ParseText(Unrelated))));
        Assert.NotEqual(Presence.Incremental.ReferenceKey.Of(compilation), Presence.Incremental.ReferenceKey.Of(compilation.WithAssemblyName("Other")));
    }

    [Fact]
    public void The_references_are_read_once_per_set_and_again_for_a_rebuilt_library()
    {
        // What the references say is kept per set of referenced assemblies, across generator drivers: a fresh run on
        // other sources with the same references reads nothing again, and a library rebuilt under the same name with
        // another summary is another set, read again.
        const string Relay = """
            using System.Threading.Tasks;
            using Telegram.Bot;

            namespace Deals.Channels;

            public class Relay(ITelegramBotClient bot)
            {
                public Task Announce(string text) => bot.SendMessage("@deals", text);
            }
            """;
        var announcing = Library(Relay);
        var broadcasting = Library(Relay.Replace("Announce", "Broadcast"));

        var first = ReferenceFacts.Of(Run([Unrelated], announcing).Input);
        var again = ReferenceFacts.Of(Run([Calculator], announcing).Input);
        var rebuilt = ReferenceFacts.Of(Run([Unrelated], broadcasting).Input);

        Assert.Same(first, again);
        Assert.Contains("Announce", first.SinkNames);
        Assert.DoesNotContain("Broadcast", first.SinkNames);
        Assert.Contains("Broadcast", rebuilt.SinkNames);
        Assert.DoesNotContain("Announce", rebuilt.SinkNames);
    }

    [Fact]
    public void A_method_that_gains_a_call_to_a_publishing_method_is_summarised()
    {
        var caller = """
            namespace Deals;

            public class Campaign(ChannelSender sender)
            {
                public void Launch() { }
            }
            """;
        var first = Run([Poster, caller], PathVerifier.Telegram);
        Assert.DoesNotContain("Campaign.Launch", Summary(first));

        var second = Rerun(first, 1, caller.Replace("public void Launch() { }", "public System.Threading.Tasks.Task Launch() => sender.Send(\"launch\");"));

        Assert.Contains("M:Deals.Campaign.Launch", Summary(second));
        Assert.Contains("Campaign.Launch → ChannelSender.Send → ITelegramBotClient.SendMessage", Summary(second));
    }

    [Fact]
    public void Bodies_bound_without_nullable_analysis_keep_every_path_through_nullable_generics()
    {
        // The summary binds without the nullable pass, whose inference gives T = string? here where binding alone gives
        // T = string: the path goes through the generic relay, the interface and its implementation all the same.
        var nullable = """
            using System.Threading.Tasks;
            using Telegram.Bot;

            namespace Deals;

            public interface ISender<T> { Task Send(T item); }

            public class NullableSender(ITelegramBotClient bot) : ISender<string?>
            {
                public Task Send(string? text) => bot.SendMessage("@deals", text ?? "(empty)");
            }

            public class Campaign(ISender<string?> sender)
            {
                public Task Launch(string? text) => Relay(sender, text);

                public static Task Relay<T>(ISender<T> target, T item) => target.Send(item);
            }
            """;
        var summary = Summary(Run([nullable], PathVerifier.Telegram));

        Assert.Contains("M:Deals.NullableSender.Send(System.String)", summary);
        Assert.Contains("M:Deals.Campaign.Relay``1(Deals.ISender{``0},``0)", summary);
        Assert.Contains("M:Deals.Campaign.Launch(System.String)", summary);
        Assert.Contains("Campaign.Launch → Campaign.Relay → NullableSender.Send → ITelegramBotClient.SendMessage", summary);
        Assert.Contains("M:Deals.ISender`1.Send(`0)", summary);
    }

    [Fact]
    public void A_call_to_a_library_send_that_this_projects_settings_make_a_publish_is_a_candidate()
    {
        // The library's summary has a K record (a configured URL); only the settings here make it a publish.
        var alerts = LibraryBuilder.Build("Alerts.Core", """
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Configuration;

            namespace Alerts;

            public class SlackNotifier(HttpClient http, IConfiguration config)
            {
                public Task Notify(string text) => http.PostAsync(config["Slack:WebhookUrl"], new StringContent(text));
            }
            """, [.. Presence.Analyzers.Tests.Catalog.ConfiguredUrlTests.Configuration]);
        var relay = """
            using System.Threading.Tasks;
            using Alerts;

            namespace Relays;

            public class Relay(SlackNotifier slack)
            {
                public Task Forward(string text) => slack.Notify(text);
            }
            """;
        var compilation = CSharpCompilation.Create(
            "Relays",
            [CSharpSyntaxTree.ParseText(relay, new CSharpParseOptions(LanguageVersion.Latest), path: "Relay.cs")],
            TestReferences.Framework.Add(TestReferences.Abstractions).AddRange(Presence.Analyzers.Tests.Catalog.ConfiguredUrlTests.Configuration).Add(alerts),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var settings = new Settings("/src/appsettings.json", """{ "Slack": { "WebhookUrl": "https://hooks.slack.com/services/T0001/B0001/SECRETTOKEN" } }""");
        var driver = CSharpGeneratorDriver.Create([new PathSummaryGenerator().AsSourceGenerator()], additionalTexts: [settings], parseOptions: new CSharpParseOptions(LanguageVersion.Latest))
            .RunGenerators(compilation);

        var summary = driver.GetRunResult().GeneratedTrees.Select(t => t.GetText().ToString()).SingleOrDefault(text => text.Contains("\"Presence.Summary\","));
        Assert.NotNull(summary);
        Assert.Contains("M:Relays.Relay.Forward(System.String)", summary);
    }

    [Fact]
    public void The_text_scan_finds_every_name_the_syntax_invokes()
    {
        var source = """
            using System;
            using System.Collections.Generic;
            using System.Linq;

            public class Tricky
            {
                private int _count;

                public Tricky() : this(Start()) { }

                private Tricky(int start) => _count = Seed(start);

                public int Count { get => Read(); set => Write(value); }

                public int Twice => Doubled();

                public int this[int i] => Indexed(i);

                public static Tricky operator +(Tricky a, Tricky b) => Combine(a, b);

                public event EventHandler? Changed { add => Subscribe(value); remove => Unsubscribe(value); }

                public string Run(IEnumerable<int> items)
                {
                    var first = items.Where<int>(i => Keep(i)).FirstOrDefault();
                    int Local() => Helper
                        // a comment between the name and its arguments
                        ( first );
                    var text = $"{Describe(first)} and {Local()}";
                    Action a = () => Callback /* inline */ ();
                    @class(1);
                    this.@event();
                    Sen\u0064Message("escaped");
                    return Format<string, List<(int, string)>>(text);
                }

                // Each in a body of its own: a comment that may hide a name has the whole body read from its start.
                public int Remarked(int first) => Pending
                    // (a remark with parentheses, then the arguments on the next line)
                    (first);

                public int Commented(int first) => Pending /* a block comment */ (first);

                public int Wrapped(int first) => Pending
                    // a line comment
                    (first);

                private static int Start() => 0;
                private int Seed(int start) => start;
                private int Read() => _count;
                private void Write(int value) => _count = value;
                private int Doubled() => 2 * _count;
                private int Indexed(int i) => i;
                private static Tricky Combine(Tricky a, Tricky b) => a;
                private void Subscribe(EventHandler? handler) { }
                private void Unsubscribe(EventHandler? handler) { }
                private static bool Keep(int i) => i > 0;
                private static int Helper(int i) => i;
                private static int Pending(int i) => i;
                private static string Describe(int i) => i.ToString();
                private static void Callback() { }
                private static void @class(int i) { }
                private void @event() { }
                private static void SendMessage(string text) { }
                private static string Format<T, U>(string text) => text;
            }
            """;
        AssertScanCovers(CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "Tricky.cs"));
    }

    [Fact]
    public void The_scan_reused_from_tree_to_tree_keeps_nothing_of_the_previous_tree()
    {
        // One scanner per thread serves every tree: a tree's index holds its own names only, and the same text always
        // gives an equal index, whatever was indexed in between.
        var first = CSharpSyntaxTree.ParseText("class A { void M() { Foo(); Bar<int>(); Foo(); } void N() { } }", path: "A.cs");
        var second = CSharpSyntaxTree.ParseText("class B { void M() { Baz(); if (true) { } } int P => Qux(); }", path: "B.cs");

        var before = TreeIndex.Of(first, default);
        var other = TreeIndex.Of(second, default);
        var again = TreeIndex.Of(first, default);

        // The tree's names in the order first found, each body's sorted.
        Assert.Equal(["Foo", "Bar"], before.CalledNames.ToArray());
        Assert.Equal(["Bar", "Foo"], before.Methods.Single().Calls.ToArray());
        Assert.Equal(["Baz", "Qux"], other.CalledNames.ToArray());
        Assert.Equal(["Baz"], other.Methods.Single().Calls.ToArray());
        Assert.Equal(before, again);
    }

    [Fact]
    public void The_text_scan_covers_the_syntax_in_every_source_file_of_the_repository()
    {
        var files = new[] { "src", "samples", "tests" }
            .Select(folder => Path.Combine(RepoFiles.Root, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .ToList();
        Assert.True(files.Count > 100, $"only {files.Count} files found");
        foreach (var file in files)
        {
            AssertScanCovers(CSharpSyntaxTree.ParseText(File.ReadAllText(file), new CSharpParseOptions(LanguageVersion.Latest), path: file));
        }
    }

    // The index names, for the tree and for each method, a superset of what the syntax invokes there.
    private static void AssertScanCovers(SyntaxTree tree)
    {
        var index = TreeIndex.Of(tree, default);
        var byMethod = index.Methods.GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.SelectMany(m => m.Calls).ToHashSet());
        foreach (var invocation in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            // An attribute's arguments are constants (nameof, typeof), never part of a body the search binds.
            if (TreeIndex.InvokedName(invocation.Expression) is not { } name || TreeIndex.MemberOf(invocation) is not { } member
                || invocation.Ancestors().Any(node => node is AttributeSyntax))
            {
                continue;
            }

            Assert.True(index.CalledNames.Contains(name), $"{tree.FilePath}: '{name}' at {invocation.GetLocation().GetLineSpan().StartLinePosition} is not in the index");
            if (member is MethodDeclarationSyntax method)
            {
                Assert.True(
                    byMethod.TryGetValue(method.Identifier.ValueText, out var calls) && calls.Contains(name),
                    $"{tree.FilePath}: '{name}' is not among the calls of {method.Identifier.ValueText}");
            }
        }
    }

    private static SummaryRun Run(string[] sources, params MetadataReference[] references)
        => Run(sources, TestReferences.Framework.Add(TestReferences.Abstractions).AddRange(references));

    // Nothing publishable referenced: no Presence.Abstractions, no SDK.
    private static SummaryRun RunFrameworkOnly(string[] sources) => Run(sources, TestReferences.Framework);

    private static SummaryRun Run(string[] sources, IEnumerable<MetadataReference> references)
    {
        var compilation = CSharpCompilation.Create(
            "Deals.Core",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: $"Source{i}.cs")),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new PathSummaryGenerator().AsSourceGenerator()],
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        var run = new SummaryRun(compilation, driver.RunGenerators(compilation));
        Assert.Null(run.Result.Exception);
        return run;
    }

    // A library built with the summary generator, as a package or project reference: its image, with the summary.
    private static MetadataReference Library(string source)
    {
        var library = CSharpCompilation.Create(
            "Deals.Channels",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            TestReferences.Framework.Add(TestReferences.Abstractions).Add(PathVerifier.Telegram),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create(new PathSummaryGenerator()).RunGeneratorsAndUpdateCompilation(library, out var built, out _);
        using var image = new MemoryStream();
        Assert.True(built.Emit(image).Success);
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    // The same driver again on the input with one tree replaced, as after an edit.
    private static SummaryRun Rerun(SummaryRun run, int index, string text)
    {
        var tree = run.Input.SyntaxTrees.ElementAt(index);
        var edited = run.Input.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(text)));
        Assert.Empty(edited.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var next = new SummaryRun(edited, run.Driver.RunGenerators(edited));
        Assert.Null(next.Result.Exception);
        return next;
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(SummaryRun run, string step)
        => run.Result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

    // What the index step gave: each tree's index, in the compilation's order.
    private static ImmutableArray<TreeIndex> Indexes(SummaryRun run)
        => (ImmutableArray<TreeIndex>)run.Result.TrackedSteps[Steps.Index].Single().Outputs.Single().Value;

    private static string Summary(SummaryRun run)
        => run.Result.GeneratedSources.SingleOrDefault(s => s.HintName == "PresenceSummary.g.cs").SourceText?.ToString() ?? string.Empty;

    private sealed class Settings(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(System.Threading.CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed record SummaryRun(CSharpCompilation Input, GeneratorDriver Driver)
    {
        public GeneratorRunResult Result => Driver.GetRunResult().Results.Single();
    }
}
