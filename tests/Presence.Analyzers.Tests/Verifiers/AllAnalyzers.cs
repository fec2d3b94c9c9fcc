using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Presence.Analyzers.Rules;

namespace Presence.Analyzers.Tests.Verifiers;

/// <summary>
/// Every analyzer of the Presence.Analyzers assembly (found as the compiler finds them, by [DiagnosticAnalyzer]),
/// run together with concurrent execution over a compilation built here, with analyzer exceptions captured.
/// </summary>
internal static class AllAnalyzers
{
    public static ImmutableArray<DiagnosticAnalyzer> Instances { get; } = typeof(UnconfirmedPublishAnalyzer).Assembly.GetTypes()
        .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .OrderBy(type => type.FullName, StringComparer.Ordinal)
        .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
        .ToImmutableArray();

    public static CSharpCompilation Compilation(IEnumerable<string> sources, IEnumerable<MetadataReference> references)
        => CSharpCompilation.Create(
            "Analyzed",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: $"/src/File{i}.cs")),
            TestReferences.Framework.AddRange(references),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>The analyzers' diagnostics, and every exception an analyzer threw (as text), AD0001 included.</summary>
    /// <param name="analyzers">Other analyzers than Presence's, to test this harness itself.</param>
    public static async Task<(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<string> Failures)> RunAsync(
        Compilation compilation,
        IReadOnlyDictionary<string, string>? options = null,
        string? declaredApis = null,
        CancellationToken cancellationToken = default,
        ImmutableArray<DiagnosticAnalyzer>? analyzers = null)
    {
        var failures = new ConcurrentQueue<string>();
        var additionalFiles = declaredApis is null ? ImmutableArray<AdditionalText>.Empty : ImmutableArray.Create<AdditionalText>(new InMemoryText("/src/PresenceApis.txt", declaredApis));
        var analyzerOptions = new AnalyzerOptions(additionalFiles, new TestConfigOptions(options ?? new Dictionary<string, string>()));
        var withAnalyzers = compilation.WithAnalyzers(analyzers ?? Instances, new CompilationWithAnalyzersOptions(
            analyzerOptions,
            onAnalyzerException: (exception, analyzer, diagnostic) => failures.Enqueue($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken);
        foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
        {
            failures.Enqueue(diagnostic.ToString());
        }

        return (diagnostics, failures.ToImmutableArray());
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
