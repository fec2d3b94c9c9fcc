using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Presence.Analyzers.Catalog;
using Presence.Analyzers.Configuration;
using Presence.Analyzers.Model;

namespace Presence.Analyzers.Flow
{
    /// <summary>
    /// Which methods publish what a parameter gives them: machine-written text handed to such a helper is published
    /// unread at the call (PRES008 across methods). Decided on demand, only for a call that is given machine-written
    /// text, and remembered for the compilation.
    /// </summary>
    /// <remarks>
    /// A method of a referenced assembly publishes what it is given when its summary says it publishes. A chain of
    /// helpers is followed <see cref="MaxChain"/> deep, and a recursive chain counts as not publishing.
    /// </remarks>
    internal sealed class HandedContent
    {
        private const int MaxChain = 8;

        private static readonly ConditionalWeakTable<PresenceModel, HandedContent> ByModel = new ConditionalWeakTable<PresenceModel, HandedContent>();

        [System.ThreadStatic]
        private static HashSet<string>? t_inProgress;

        private readonly ConcurrentDictionary<string, bool> _publishes = new ConcurrentDictionary<string, bool>();

        /// <summary>True when <paramref name="call"/> hands machine-written text in <paramref name="parameters"/> to a method that publishes it.</summary>
        public static bool IsPublished(PresenceModel model, PresenceOptions options, IInvocationOperation call, ImmutableArray<IParameterSymbol> parameters, CancellationToken cancellationToken)
        {
            var method = (call.TargetMethod.ReducedFrom ?? call.TargetMethod).OriginalDefinition;
            if (parameters.IsEmpty || model.MachineWriters is null)
            {
                return false;
            }

            // A helper under [InternalAudience] (or [Exempt]) sends to the team; one under [AutomatedPresence] still publishes.
            if (model.Scopes.IsExemptMember(method) && !model.Scopes.IsAutomatedOnly(method))
            {
                return false;
            }

            if (method.DeclaringSyntaxReferences.Length == 0)
            {
                return model.Libraries.FindPublish(method) is not null;
            }

            var key = new StringBuilder(method.GetDocumentationCommentId() ?? method.Name);
            foreach (var parameter in parameters)
            {
                key.Append('|').Append(parameter.Ordinal);
            }

            var id = key.ToString();
            var cache = ByModel.GetValue(model, _ => new HandedContent())._publishes;
            if (cache.TryGetValue(id, out var known))
            {
                return known;
            }

            var inProgress = t_inProgress ??= new HashSet<string>();
            if (inProgress.Count >= MaxChain || !inProgress.Add(id))
            {
                return false;
            }

            try
            {
                var result = Compute(model, options, method, parameters, cancellationToken);
                if (inProgress.Count == 1 && !ReturnedContent.IsComputing && !StoredContent.IsComputing)
                {
                    cache.TryAdd(id, result);
                }

                return result;
            }
            finally
            {
                inProgress.Remove(id);
            }
        }

        private static bool Compute(PresenceModel model, PresenceOptions options, IMethodSymbol method, ImmutableArray<IParameterSymbol> parameters, CancellationToken cancellationToken)
        {
            var seeds = ImmutableArray.CreateBuilder<IParameterSymbol>(parameters.Length);
            foreach (var parameter in parameters)
            {
                if (parameter.Ordinal < method.Parameters.Length)
                {
                    seeds.Add(method.Parameters[parameter.Ordinal]);
                }
            }

            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(cancellationToken);
                if (!model.Compilation.ContainsSyntaxTree(syntax.SyntaxTree))
                {
                    continue;
                }

#pragma warning disable RS1030 // Only the few helpers given machine-written text are bound here, once each.
                var semanticModel = model.Compilation.GetSemanticModel(syntax.SyntaxTree);
#pragma warning restore RS1030
                var body = semanticModel.GetOperation(syntax, cancellationToken);
                var graph = body switch
                {
                    IMethodBodyOperation methodBody => ControlFlowGraph.Create(methodBody, cancellationToken),
                    IBlockOperation { Parent: null } block => ControlFlowGraph.Create(block, cancellationToken),
                    _ => null,
                };

                if (graph is null)
                {
                    continue;
                }

                var sites = new Dictionary<SyntaxNode, PublishTarget>();
                foreach (var operation in body!.DescendantsAndSelf())
                {
                    if (operation is not IInvocationOperation invocation)
                    {
                        continue;
                    }

                    if (model.Classify(invocation, options) is { } target)
                    {
                        sites[invocation.Syntax] = target;
                    }
                    else if ((invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod) is { MethodKind: not (MethodKind.LocalFunction or MethodKind.AnonymousFunction) } callee
                             && (SymbolEqualityComparer.Default.Equals(callee.ContainingAssembly, model.Compilation.Assembly) || model.Libraries.FindPublish(callee) is not null))
                    {
                        sites[invocation.Syntax] = new PublishTarget(callee, PublishKind.Call, platform: null);
                    }
                }

                if (sites.Count > 0 && ConfirmationFlowAnalysis.PublishesMachineWritten(
                        graph, model, sites, seeds.ToImmutable(),
                        (call, handed) => IsPublished(model, options, call, handed, cancellationToken), cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
