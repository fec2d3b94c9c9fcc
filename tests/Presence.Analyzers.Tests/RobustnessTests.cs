using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests;

/// <summary>Broken, half-typed and odd code must never make an analyzer throw (AD0001).</summary>
public class RobustnessTests
{
    private const string Sample = """
        using System;
        using System.Threading.Tasks;
        using Presence;

        [PublishesContent("Mastodon")]
        public interface IPublisher { Task PublishAsync(string text); }

        public interface IReview
        {
            [HumanConfirmation] Task<bool> AskAsync(string text);
            [HumanConfirmation] Decision Decide(string text);
        }

        public sealed class Decision { public bool IsApproved { get; set; } }

        [AutomatedPresence("labelled bot")]
        class Bot { void Run(IPublisher p) => p.PublishAsync("beep"); }

        class Poster
        {
            [RequiresHumanApproval]
            Task Post(IPublisher publisher, string text) => publisher.PublishAsync(text);

            async Task Run(IPublisher publisher, IReview review, string text, bool force)
            {
                try
                {
                    if (force || await review.AskAsync(text).ConfigureAwait(false)) await Post(publisher, text);
                }
                catch (Exception) when (text.Length > 3)
                {
                    var decision = review.Decide(text);
                    if (decision is { IsApproved: true }) await publisher.PublishAsync(text);
                }
                finally
                {
                    Func<Task> later = () => publisher.PublishAsync(text);
                    await (review.Decide(text).IsApproved switch { true => later(), _ => Task.CompletedTask });
                }

                void Local() => publisher.PublishAsync(text);
            }
        }
        """;

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
        new UnconfirmedPublishAnalyzer(),
        new AutomatedPresenceJustificationAnalyzer(),
        new ConfirmationShapeAnalyzer(),
        new EnforcementConfigurationAnalyzer());

    [Fact]
    public async Task The_sample_itself_analyses_cleanly()
        => Assert.NotEmpty(await AnalyzeAsync(Sample, withAbstractions: true));

    [Fact]
    public async Task Every_truncation_of_the_sample_is_survived()
    {
        var tokens = CSharpSyntaxTree.ParseText(Sample).GetRoot().DescendantTokens().ToList();
        // Every token boundary would be ~600 compilations; every third keeps the suite fast and still cuts through every construct.
        for (var i = 0; i < tokens.Count; i += 3)
        {
            await AnalyzeAsync(Sample[..tokens[i].Span.End], withAbstractions: true);
        }
    }

    [Fact]
    public async Task Deleting_each_line_of_the_sample_is_survived()
    {
        var lines = Sample.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            await AnalyzeAsync(string.Join('\n', lines.Where((_, index) => index != i)), withAbstractions: true);
        }
    }

    [Fact]
    public async Task Missing_abstractions_reference_is_survived()
        => Assert.Empty((await AnalyzeAsync(Sample, withAbstractions: false)).Where(d => d.Id.StartsWith("PRES", StringComparison.Ordinal)));

    [Theory]
    [InlineData("class C { void M(IUnknown p) { p.PublishAsync(\"x\"); } }")]
    [InlineData("class C { void M(IPublisher p) { p.PublishAsync(); p.PublishAsync(1, 2); } }")]
    [InlineData("class C { void M(IPublisher p) { dynamic d = p; d.PublishAsync(\"x\"); p.PublishAsync(d); } }")]
    [InlineData("class C { async Task M(IPublisher p, IReview r) { if (await r.AskAsync()) await p.PublishAsync(\"x\"); } }")]
    [InlineData("class C { void M(IPublisher p) { if (")]
    [InlineData("class C { void M(IPublisher p) { goto L; L: p.PublishAsync(\"x\"); goto L; } }")]
    [InlineData("class C { void M(IPublisher p) { while (true) { } p.PublishAsync(\"x\"); } }")]
    [InlineData("class C { void M(IPublisher p) => M(p => p.PublishAsync(\"x\")); }")]
    [InlineData("[PublishesContent] interface I : I { void M(); } class C { void M(I i) => i.M(); }")]
    [InlineData("class C : IPublisher { public Task PublishAsync(string t) => PublishAsync(t); void M() => PublishAsync(\"x\"); }")]
    [InlineData("class C { [HumanConfirmation] T Ask<T>() => default!; void M(IPublisher p) { if (Ask<bool>()) p.PublishAsync(\"x\"); } }")]
    [InlineData("class C { void M(IPublisher p) { var s = \"\" + \"a\" + \"b\" + \"c\" + \"d\"; p?.PublishAsync(s ?? throw null!); } }")]
    [InlineData("class C { void M(IPublisher p, IReview r) { lock (this) { using var x = (IDisposable)null!; foreach (var c in \"ab\") { if (r.Decide(\"\").IsApproved) p.PublishAsync(\"x\"); } } } }")]
    public async Task Odd_and_broken_code_is_survived(string code)
        => await AnalyzeAsync(Sample + "\n" + code, withAbstractions: true);

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source, bool withAbstractions)
    {
        var references = withAbstractions ? TestReferences.Framework.Add(TestReferences.Abstractions) : TestReferences.Framework;
        var compilation = CSharpCompilation.Create(
            "Robustness",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var failures = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) => failures.Enqueue($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync();

        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures) + Environment.NewLine + source);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }
}
