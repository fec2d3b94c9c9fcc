using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Presence.Analyzers.Flow;
using Presence.Analyzers.Model;

namespace Presence.Analyzers.Rules
{
    /// <summary>
    /// PRES001: a publish call that no positive human confirmation guards. PRES004: the same, where a person was
    /// asked on every path but the answer does not guard the call (discarded, or checked to no effect).
    /// One diagnostic per publish call: PRES004 is the more precise diagnosis of the same root cause.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnconfirmedPublishAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }
            = ImmutableArray.Create(PresenceDiagnostics.UnconfirmedPublish, PresenceDiagnostics.ConfirmationIgnored);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var model = PresenceModel.TryCreate(start.Compilation);
                if (model is null)
                {
                    return;
                }

                start.RegisterOperationBlockStartAction(block =>
                {
                    if (model.Scopes.IsExemptMember(block.OwningSymbol))
                    {
                        return;
                    }

                    // Cheap pass first (as CA1416 does): only a body that contains a publish call pays for a graph.
                    var collector = new PublishCallCollector(model);
                    block.RegisterOperationAction(collector.OnInvocation, OperationKind.Invocation);
                    block.RegisterOperationAction(collector.OnMethodReference, OperationKind.MethodReference);
                    block.RegisterOperationBlockEndAction(end => collector.Analyze(end, model));
                });
            });
        }

        private sealed class PublishCallCollector
        {
            private readonly PresenceModel _model;
            private readonly object _gate = new object();
            private List<IOperation>? _publishCalls;

            public PublishCallCollector(PresenceModel model) => _model = model;

            public void OnInvocation(OperationAnalysisContext context)
                => Note(((IInvocationOperation)context.Operation).TargetMethod, context.Operation);

            public void OnMethodReference(OperationAnalysisContext context)
                => Note(((IMethodReferenceOperation)context.Operation).Method, context.Operation);

            private void Note(IMethodSymbol method, IOperation operation)
            {
                if (_model.Publishing.Classify(method) is not null)
                {
                    lock (_gate)
                    {
                        (_publishCalls ??= new List<IOperation>()).Add(operation);
                    }
                }
            }

            public void Analyze(OperationBlockAnalysisContext context, PresenceModel model)
            {
                if (_publishCalls is null)
                {
                    return;
                }

                // The graph is built from the operation block (a method's body, an initializer) that holds a publish call.
                var blocks = new HashSet<IOperation>();
                foreach (var call in _publishCalls)
                {
                    for (var ancestor = call; ancestor is not null; ancestor = ancestor.Parent)
                    {
                        if (context.OperationBlocks.Contains(ancestor))
                        {
                            blocks.Add(ancestor);
                            break;
                        }
                    }
                }

                foreach (var block in context.OperationBlocks)
                {
                    if (!blocks.Contains(block))
                    {
                        continue;
                    }

                    var graph = context.GetControlFlowGraph(block);
                    foreach (var site in ConfirmationFlowAnalysis.FindUnguardedPublishCalls(graph, model, context.CancellationToken))
                    {
                        context.ReportDiagnostic(Describe(site, context.OwningSymbol));
                    }
                }
            }

            private static Diagnostic Describe(PublishSite site, ISymbol owner)
            {
                var location = site.Syntax.GetLocation();
                if (site.AskedBy is { } asked)
                {
                    return Diagnostic.Create(
                        PresenceDiagnostics.ConfirmationIgnored,
                        location,
                        additionalLocations: new[] { asked.Syntax.GetLocation() },
                        site.Target.DisplayName,
                        asked.TargetMethod.Name);
                }

                return Diagnostic.Create(PresenceDiagnostics.UnconfirmedPublish, location, site.Target.DisplayName, MemberName(owner));
            }

            // The name a user wrote: the property of an accessor, the type of a constructor.
            private static string MemberName(ISymbol owner)
                => owner switch
                {
                    IMethodSymbol { AssociatedSymbol: { } property } => property.Name,
                    IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } constructor => constructor.ContainingType.Name,
                    _ => owner.Name,
                };
        }
    }
}
