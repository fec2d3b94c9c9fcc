using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Presence.Analyzers.Model;
using Presence.Analyzers.Paths;

namespace Presence.Analyzers.Rules
{
    /// <summary>
    /// The consistency of [RequiresHumanApproval], in the manner of the trimming analyzers' RequiresUnreferencedCode:
    /// PRES104, an override or implementation and the member it stands for must agree, or a caller through one of
    /// them would not confirm; PRES105, an unattended entry point cannot require approval from its callers, since
    /// nobody calls it but a scheduler.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ApprovalRequirementAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            PresenceDiagnostics.ApprovalRequirementMismatch,
            PresenceDiagnostics.ApprovalRequiredOnUnattendedEntryPoint);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var symbols = PresenceSymbols.Create(start.Compilation);
                var requiresApproval = symbols.RequiresHumanApproval;
                if (requiresApproval is null)
                {
                    return;
                }

                var entryPoints = new EntryPoints(start.Compilation);
                start.RegisterSymbolAction(context =>
                {
                    var method = (IMethodSymbol)context.Symbol;
                    var requires = PresenceSymbols.HasAttribute(method, requiresApproval);
                    if (requires && entryPoints.OfMethod(method) is { Kind: EntryKind.Unattended } entry)
                    {
                        // The root cause: the framework member it overrides cannot declare the requirement anyway.
                        context.ReportDiagnostic(Diagnostic.Create(
                            PresenceDiagnostics.ApprovalRequiredOnUnattendedEntryPoint, method.Locations[0], CallGraph.NameOf(method), entry.ReasonWithArticle));
                        return;
                    }

                    foreach (var declaration in MethodLineage.Of(method))
                    {
                        if (SymbolEqualityComparer.Default.Equals(declaration, method.OriginalDefinition))
                        {
                            continue;
                        }

                        var declared = PresenceSymbols.HasAttribute(declaration, requiresApproval);
                        if (declared != requires)
                        {
                            var relation = declaration.ContainingType?.TypeKind == TypeKind.Interface ? "implements" : "overrides";
                            context.ReportDiagnostic(Diagnostic.Create(
                                PresenceDiagnostics.ApprovalRequirementMismatch,
                                method.Locations[0],
                                CallGraph.NameOf(method),
                                requires ? "declares" : "does not declare",
                                CallGraph.NameOf(declaration),
                                relation,
                                declared ? "does" : "does not"));
                            break;
                        }
                    }
                }, SymbolKind.Method);
            });
        }
    }
}
