using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Presence.Analyzers.Catalog;
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
                var model = PresenceModel.TryCreate(start.Compilation, start.Options, start.CancellationToken);
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
                    var options = PresenceOptions.Read(block.Options.AnalyzerConfigOptionsProvider.GetOptions(block.FilterTree));
                    var collector = new PublishCallCollector(model, options);
                    block.RegisterOperationAction(collector.OnInvocation, OperationKind.Invocation);
                    block.RegisterOperationAction(collector.OnMethodReference, OperationKind.MethodReference);
                    block.RegisterOperationBlockEndAction(end => collector.Analyze(end, model));
                });
            });
        }

        private sealed class PublishCallCollector
        {
            private readonly PresenceModel _model;
            private readonly PresenceOptions _options;
            private readonly object _gate = new object();
            private Dictionary<SyntaxNode, PublishTarget>? _publishCalls;
            private List<IOperation>? _operations;

            public PublishCallCollector(PresenceModel model, PresenceOptions options)
            {
                _model = model;
                _options = options;
            }

            public void OnInvocation(OperationAnalysisContext context)
                => Note(context.Operation, _model.Classify((IInvocationOperation)context.Operation, _options));

            public void OnMethodReference(OperationAnalysisContext context)
                => Note(context.Operation, _model.Publishing.Classify(((IMethodReferenceOperation)context.Operation).Method) is { } target
                                           && _options.IsEnabled(target.Category, target.Platform)
                    ? target
                    : null);

            private void Note(IOperation operation, PublishTarget? target)
            {
                if (target is null)
                {
                    return;
                }

                lock (_gate)
                {
                    (_publishCalls ??= new Dictionary<SyntaxNode, PublishTarget>())[operation.Syntax] = target;
                    (_operations ??= new List<IOperation>()).Add(operation);
                }
            }

            public void Analyze(OperationBlockAnalysisContext context, PresenceModel model)
            {
                if (_publishCalls is null || _operations is null)
                {
                    return;
                }

                // The graph is built from the operation block (a method's body, an initializer) that holds a publish call.
                var blocks = new HashSet<IOperation>();
                foreach (var call in _operations)
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
                    foreach (var site in ConfirmationFlowAnalysis.FindUnguardedPublishCalls(graph, model, _publishCalls, context.CancellationToken))
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
                        properties: Properties(site.Target),
                        site.Target.Describe(),
                        asked.TargetMethod.Name);
                }

                return Diagnostic.Create(PresenceDiagnostics.UnconfirmedPublish, location, additionalLocations: null, Properties(site.Target), site.Target.Describe(), MemberName(owner));
            }

            // For tools and tests: which catalog entry or endpoint matched, and where it posts.
            private static ImmutableDictionary<string, string?> Properties(PublishTarget target)
                => ImmutableDictionary<string, string?>.Empty
                    .Add("Platform", target.Platform)
                    .Add("CatalogId", target.CatalogId);

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
