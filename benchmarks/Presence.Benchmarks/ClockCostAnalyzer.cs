using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Presence.Benchmarks;

/// <summary>
/// Does nothing on every invocation, as often as the floor compares: its measured time is what measuring a callback
/// costs (the clocks' reads, <see cref="OwnClock"/>), which is taken out of every analyzer's time per callback. Its
/// symbol action on every type and method shows how much that cost moves.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class ClockCostAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new(
        "CLOCK001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            start.RegisterOperationAction(static _ => { }, OperationKind.Invocation);

            // Reported, not subtracted: a symbol callback follows other work of the driver, which can make the clock's
            // reads cost more than between two operation callbacks.
            start.RegisterSymbolAction(static _ => { }, SymbolKind.NamedType, SymbolKind.Method);
        });
    }
}
