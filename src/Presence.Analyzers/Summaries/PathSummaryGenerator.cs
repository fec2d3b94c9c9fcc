using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Presence.Analyzers.Catalog;
using Presence.Analyzers.Configuration;
using Presence.Analyzers.Model;
using Presence.Incremental;

namespace Presence.Analyzers.Summaries
{
    /// <summary>
    /// Writes what this assembly's externally callable methods publish into the assembly itself, so that projects
    /// and packages that reference it follow paths into it (docs/design/paths.md). Every compilation gets a marker
    /// saying it was built with Presence (from it, a referencing compilation tells "nothing publishes here" from
    /// "built without Presence", PRES107); the summary itself is written only in full builds (an implementation
    /// output: the IDE never pays for it while typing).
    /// </summary>
    /// <remarks>
    /// The pipeline keeps a syntax index per tree (<see cref="TreeIndex"/>), so an edit re-indexes one file; from the
    /// indexes and the references alone it decides whether anything here can reach a publish, and only then builds
    /// the model and binds the candidate bodies. A compilation where nothing can publish binds nothing, and one whose
    /// files name no send and no publisher attribute, with nothing publishable referenced, indexes nothing
    /// (<see cref="SummaryPlan.MayPublish"/>).
    /// </remarks>
    [Generator(LanguageNames.CSharp)]
    public sealed class PathSummaryGenerator : IIncrementalGenerator
    {
        /// <summary>The names of the pipeline's steps, for the incremental tests.</summary>
        public static class TrackingNames
        {
            public const string Index = "PathSummary.Index";
            public const string References = "PathSummary.References";
            public const string Plan = "PathSummary.Plan";
            public const string Summary = "PathSummary.Summary";
        }

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            // A source output, not a post-initialization one: the driver adds post-initialization sources to the
            // compilation every generator then reads, a new compilation whose declarations, type names and identity
            // were made again for the pipeline alone (the compile's compilation adds the outputs to the one it was given).
            context.RegisterSourceOutput(
                context.ParseOptionsProvider.Select(static (_, _) => LibrarySummaries.Version),
                static (output, version) => output.AddSource("PresenceSummary.Version.g.cs", Attribute(LibrarySummaries.MarkerKey, version)));

            // Read from the references alone, and again only when they change: an edit of the source keeps them.
            var references = context.CompilationProvider
                .Select(static (compilation, _) => ReferenceKey.Of(compilation))
                .Select(static (key, cancellationToken) => ReferenceFacts.Of(key, cancellationToken))
                .WithTrackingName(TrackingNames.References);

            // PresenceApis.txt can declare a whole type, whose member names only the model knows: the model decides.
            var declaresApis = context.AdditionalTextsProvider
                .Where(static text => DeclaredApis.IsDeclaredApiFile(text))
                .Collect()
                .Select(static (files, _) => !files.IsEmpty);

            // Where no tree can be a candidate (the words of each file, kept with it, and the references tell), no
            // tree is indexed.
            var mayPublish = context.CompilationProvider.Combine(references).Combine(declaresApis)
                .Select(static (input, cancellationToken) => input.Right || SummaryPlan.MayPublish(input.Left.Left, input.Left.Right, cancellationToken));

            // One index per tree: a tree the edit did not touch is the same object, so its index is reused (kept with
            // the tree); equal indexes leave every later step but the search cached.
            var index = context.CompilationProvider.Combine(mayPublish)
                .Select(static (input, cancellationToken) => input.Right ? TreeIndex.AllOf(input.Left, cancellationToken) : ImmutableArray<TreeIndex>.Empty)
                .WithComparer(TreeIndex.Comparer)
                .WithTrackingName(TrackingNames.Index);

            var maxDepth = context.AnalyzerConfigOptionsProvider
                .Select(static (options, _) => PresenceOptions.Read(options.GlobalOptions).MaxPathDepth);

            // Syntax and references only: can any body reach a publish (or a language model)? Cached across edits
            // that change neither; without a plan, nothing is bound.
            var plan = index.Combine(references).Combine(declaresApis).Combine(maxDepth)
                .Select(static (input, _) => SummaryPlan.Decide(input.Left.Left.Left, input.Left.Left.Right, input.Left.Right, input.Right))
                .WithTrackingName(TrackingNames.Plan);

            var summary = plan
                .SelectMany(static (plan, _) => plan is null ? ImmutableArray<SummaryPlan>.Empty : ImmutableArray.Create(plan))
                .Combine(index)
                .Combine(references)
                .Combine(context.CompilationProvider)
                .Combine(context.AnalyzerConfigOptionsProvider)
                .Combine(context.AdditionalTextsProvider.Collect())
                .Select(static (input, cancellationToken) => SummaryBuilder.Build(
                    input.Left.Left.Right,
                    new AnalyzerOptions(input.Right, input.Left.Right),
                    input.Left.Left.Left.Left.Right,
                    input.Left.Left.Left.Right,
                    input.Left.Left.Left.Left.Left,
                    cancellationToken))
                .WithTrackingName(TrackingNames.Summary);

            context.RegisterImplementationSourceOutput(summary, (output, text) =>
            {
                if (text is not null)
                {
                    output.AddSource("PresenceSummary.g.cs", Attribute(LibrarySummaries.SummaryKey, text));
                }
            });
        }

        private static string Attribute(string key, string value)
            => "// <auto-generated/>\n[assembly: global::System.Reflection.AssemblyMetadata("
               + SymbolDisplay.FormatLiteral(key, quote: true) + ", " + SymbolDisplay.FormatLiteral(value, quote: true) + ")]\n";
    }
}
