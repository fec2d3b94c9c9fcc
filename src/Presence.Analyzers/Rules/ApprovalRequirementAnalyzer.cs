using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
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

                // Whether an interface declares a member that requires approval, once per interface: a method that
                // does not declare the requirement can only disagree with an overridden member or such an interface.
                var interfaces = new ConcurrentDictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);
                Func<INamedTypeSymbol, bool> declaresRequirement = @interface =>
                {
                    foreach (var member in @interface.GetMembers())
                    {
                        if (member is IMethodSymbol && PresenceSymbols.HasAttribute(member, requiresApproval))
                        {
                            return true;
                        }
                    }

                    return false;
                };

                start.RegisterSymbolAction(context =>
                {
                    var method = (IMethodSymbol)context.Symbol;
                    var requires = PresenceSymbols.HasAttribute(method, requiresApproval);
                    if (!requires && !method.IsOverride && method.ExplicitInterfaceImplementations.IsEmpty
                        && (method.IsStatic || method.ContainingType is not { } type || !type.AllInterfaces.Any(i => interfaces.GetOrAdd(i.OriginalDefinition, declaresRequirement))))
                    {
                        return;
                    }

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
