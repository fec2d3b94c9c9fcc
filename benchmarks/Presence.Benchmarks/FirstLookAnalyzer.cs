using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Presence.Benchmarks;

/// <summary>
/// Looks up one framework type at compilation start, before every timed analyzer, and does nothing else. A
/// CompilationWithAnalyzers analyses a copy of its compilation, whose source assembly and global namespace the first
/// analyzer to look up any type builds (about 0.1 ms at 3,000 files): the floor does it alone, so do Presence's rules,
/// and in an IDE or a build whichever of the project's many analyzers runs first. Built here, that cost is charged to
/// neither side of an open file's ratio, and reported on its own.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class FirstLookAnalyzer : DiagnosticAnalyzer
{
    // An analyzer without a diagnostic the driver could report is not run at all.
    private static readonly DiagnosticDescriptor Rule = new(
        "LOOK001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        // Its only work is the look-up: it registers nothing to run after it.
#pragma warning disable RS1012
        context.RegisterCompilationStartAction(static start => _ = start.Compilation.GetTypeByMetadataName("System.Object"));
#pragma warning restore RS1012
    }
}
