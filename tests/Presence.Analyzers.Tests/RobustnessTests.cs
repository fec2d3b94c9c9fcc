using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Presence.Benchmarks;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests;

/// <summary>
/// Broken, half-typed and odd code must never make an analyzer throw (AD0001); every analyzer runs concurrently,
/// gives the same diagnostics on every run (as a set: the order of concurrent reports is not promised), and stops
/// promptly when cancelled.
/// </summary>
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

    [Fact]
    public async Task Diagnostics_are_the_same_on_every_concurrent_run()
    {
        var sources = CodebaseGenerator.Generate(150, seed: 3, publishable: true).Files.Select(file => file.Text).Append(Sample).ToArray();
        string[]? first = null;
        for (var run = 0; run < 3; run++)
        {
            var (diagnostics, failures) = await AllAnalyzers.RunAsync(AllAnalyzers.Compilation(sources, GeneratedCodebaseReferences));
            Assert.Empty(failures);
            // Concurrent execution promises the same diagnostics, not the same order: compare them sorted.
            var described = diagnostics.Select(Describe).OrderBy(d => d, StringComparer.Ordinal).ToArray();
            if (first is null)
            {
                first = described;
                Assert.Contains(first, d => d.StartsWith("PRES002", StringComparison.Ordinal));
                Assert.Contains(first, d => d.StartsWith("PRES001", StringComparison.Ordinal));
                Assert.Contains(first, d => d.StartsWith("PRES008", StringComparison.Ordinal));
            }
            else
            {
                Assert.Equal(first, described);
            }
        }
    }

    [Fact]
    public async Task Cancelling_a_long_analysis_ends_it_promptly()
    {
        const int files = 2_000;
        var sources = CodebaseGenerator.Generate(files, seed: 4, publishable: true).Files.Select(file => file.Text);
        var compilation = AllAnalyzers.Compilation(sources, GeneratedCodebaseReferences);
        using var cancellation = new CancellationTokenSource();

        // The probe cancels once the analysis is under way (no guess at how long that takes) and counts the
        // syntax trees whose analysis still starts afterwards: "promptly" as work, not as a stopwatch.
        var probe = new CancellingProbe(cancellation, cancelAfter: 20);
        var analysis = AllAnalyzers.RunAsync(compilation, cancellationToken: cancellation.Token, analyzers: AllAnalyzers.Instances.Add(probe));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => analysis);
        Assert.True(cancellation.IsCancellationRequested);
        Assert.True(probe.StartedAfterCancellation < files / 4, $"{probe.StartedAfterCancellation} of {files} files were still analysed after cancellation");
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class CancellingProbe(CancellationTokenSource cancellation, int cancelAfter) : DiagnosticAnalyzer
    {
        private int _seen;
        private int _afterCancellation;

        public int StartedAfterCancellation => Volatile.Read(ref _afterCancellation);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(new DiagnosticDescriptor("PROBE01", "probe", "probe", "Test", DiagnosticSeverity.Hidden, isEnabledByDefault: true));

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSemanticModelAction(_ =>
            {
                if (cancellation.IsCancellationRequested)
                {
                    Interlocked.Increment(ref _afterCancellation);
                }
                else if (Interlocked.Increment(ref _seen) == cancelAfter)
                {
                    cancellation.Cancel();
                }
            });
        }
    }

    private static readonly MetadataReference[] GeneratedCodebaseReferences =
        [TestReferences.Abstractions, PathVerifier.Telegram, .. PathVerifier.Hosting, PathVerifier.Quartz4, TestReferences.FromType<Microsoft.Extensions.AI.IChatClient>()];

    private static string Describe(Diagnostic diagnostic)
        => $"{diagnostic.Id} {diagnostic.Location.GetLineSpan()} {diagnostic.GetMessage(CultureInfo.InvariantCulture)} "
           + string.Join(" ", diagnostic.AdditionalLocations.Select(location => location.GetLineSpan().ToString()));

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source, bool withAbstractions)
    {
        var compilation = AllAnalyzers.Compilation([source], withAbstractions ? [TestReferences.Abstractions] : []);
        var (diagnostics, failures) = await AllAnalyzers.RunAsync(compilation);
        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures) + Environment.NewLine + source);
        return diagnostics;
    }
}
