using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
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
        private readonly int _askedOneByOne;

        public ApprovalRequirementAnalyzer()
            : this(NameUse.AskedOneByOne)
        {
        }

        /// <param name="askedOneByOne">How many methods are asked where they are declared before the sets are built (tests).</param>
        internal ApprovalRequirementAnalyzer(int askedOneByOne) => _askedOneByOne = askedOneByOne;

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

                // Both rules need a [RequiresHumanApproval] on the method or on what it overrides or implements: with
                // none in the source and none in a referenced assembly, most compilations register nothing.
                var use = NameUse.Of(start.Compilation, requiresApproval, references: true, start.CancellationToken);
                if (!use.Anywhere)
                {
                    return;
                }

                var compilation = start.Compilation;
                var entryPoints = new Lazy<EntryPoints>(() => new EntryPoints(compilation));

                // Whether an interface declares a member that requires approval, once per interface that can use the
                // attribute (see MayInherit): a method that does not declare the requirement can only disagree with an
                // overridden member or such an interface.
                var interfaces = new ConcurrentDictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);
                Func<INamedTypeSymbol, bool> declaresRequirement = @interface => NameUse.DeclaresMethodWith(@interface, requiresApproval);

                // The types whose files can apply it, and the referenced ones that declare a requirement: a method, and
                // each interface of its type, is looked up among them instead of asked where it is declared (asked of
                // every method, that was most of the rule's cost). An open file's few are asked (see NameUse.WhenMany).
                var sets = use.WhenMany(compilation, requiresApproval, _askedOneByOne, start.CancellationToken);

                start.RegisterSymbolAction(context =>
                {
                    var method = (IMethodSymbol)context.Symbol;
                    var found = sets.Get();
                    var mayUse = found is null ? use.MayUseIn(method) : method.ContainingType is { } containing && found.Value.Source.Contains(containing);
                    var requires = mayUse && PresenceSymbols.HasAttribute(method, requiresApproval);
                    if (!requires && !MayInherit(method, use, found?.Candidates, interfaces, declaresRequirement))
                    {
                        return;
                    }

                    if (requires && (entryPoints.Value.OfMethod(method) is { Kind: EntryKind.Unattended } entry ? entry.ReasonWithArticle : LoopInBody(method, compilation, context.CancellationToken)) is { } reason)
                    {
                        // The root cause: the framework member it overrides cannot declare the requirement anyway, and a
                        // loop that posts on each tick cannot be approved once by whoever starts it.
                        context.ReportDiagnostic(Diagnostic.Create(
                            PresenceDiagnostics.ApprovalRequiredOnUnattendedEntryPoint, method.Locations[0], CallGraph.NameOf(method), reason));
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

        // A method that is an entry point by what its own body does (PRES002): it waits on a PeriodicTimer's ticks, or
        // it is Main with a loop that runs until stopped and sleeps between rounds. Read only for a method that declares
        // the requirement, which few do.
        private static string? LoopInBody(IMethodSymbol method, Compilation compilation, System.Threading.CancellationToken cancellationToken)
        {
            if (method.MethodKind != MethodKind.Ordinary || method.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            var declaration = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
#pragma warning disable RS1030 // Only for a method that declares [RequiresHumanApproval]: a symbol action has no model at hand.
            var model = compilation.GetSemanticModel(declaration.SyntaxTree);
#pragma warning restore RS1030
            foreach (var node in declaration.DescendantNodes())
            {
                if (node is Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax
                    && model.GetOperation(node, cancellationToken) is Microsoft.CodeAnalysis.Operations.IInvocationOperation invocation
                    && EntryPoints.EnclosingFunction(invocation) is null)
                {
                    if (EntryPoints.IsPeriodicTick(invocation))
                    {
                        return "a periodic timer loop";
                    }

                    if (EntryPoints.IsProgramEntry(method) && EntryPoints.DaemonLoopAround(invocation) is not null)
                    {
                        return "a daemon loop";
                    }
                }
            }

            return null;
        }

        // Whether a member this method overrides or implements can carry the requirement (without reading attributes).
        private static bool MayInherit(
            IMethodSymbol method,
            NameUse use,
            NamedTypeSet? candidates,
            ConcurrentDictionary<INamedTypeSymbol, bool> interfaces,
            Func<INamedTypeSymbol, bool> declaresRequirement)
        {
            for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
            {
                if (use.MayUseIn(overridden))
                {
                    return true;
                }
            }

            foreach (var implemented in method.ExplicitInterfaceImplementations)
            {
                if (use.MayUseIn(implemented))
                {
                    return true;
                }
            }

            if (method.IsStatic || method.ContainingType is not { } type)
            {
                return false;
            }

            foreach (var @interface in type.AllInterfaces)
            {
                // Its members are declared where it is; the others, most interfaces, are not kept.
                var definition = @interface.OriginalDefinition;
                if ((candidates is null ? use.MayUseIn(definition) : candidates.Contains(definition)) && interfaces.GetOrAdd(definition, declaresRequirement))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
