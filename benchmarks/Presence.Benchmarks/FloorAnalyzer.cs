using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Presence.Benchmarks;

/// <summary>
/// The least any invocation rule can cost: one operation action on every invocation, comparing the called method
/// with one symbol resolved at compilation start (HttpClient.PostAsync(string, HttpContent, CancellationToken), present in every
/// compilation that references the framework, so the floor runs on the codebases that publish nothing too).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class FloorAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new(
        "FLOOR001", "Call of the floor's one symbol", "HttpClient.PostAsync is called", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var target = start.Compilation.GetTypeByMetadataName("System.Net.Http.HttpClient")?
                .GetMembers("PostAsync").OfType<IMethodSymbol>()
                .FirstOrDefault(m => m.Parameters.Length == 3 && m.Parameters[0].Type.SpecialType == SpecialType.System_String);
            if (target is null)
            {
                return;
            }

            start.RegisterOperationAction(operation =>
            {
                if (SymbolEqualityComparer.Default.Equals(((IInvocationOperation)operation.Operation).TargetMethod, target))
                {
                    operation.ReportDiagnostic(Diagnostic.Create(Rule, operation.Operation.Syntax.GetLocation()));
                }
            }, OperationKind.Invocation);
        });
    }
}
