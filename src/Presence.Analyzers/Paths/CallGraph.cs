using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Presence.Analyzers.Catalog;
using Presence.Analyzers.Model;

namespace Presence.Analyzers.Paths
{
    /// <summary>
    /// The calls between functions of the compilation that no confirmation guards, and the unguarded publish calls
    /// in each, collected during the ordinary per-body pass. Paths are searched once, at compilation end, from each
    /// entry point breadth-first: the cost is linear in the edges reached, and no body is analysed twice.
    /// </summary>
    /// <remarks>
    /// During the pass a step costs one lock-free enqueue; the graph is only built, at compilation end, when there is
    /// an entry point to start from (most compilations have none, and most steps lead nowhere).
    /// </remarks>
    internal sealed class CallGraph
    {
        private readonly ConcurrentQueue<(IMethodSymbol Caller, Step Step)> _steps = new ConcurrentQueue<(IMethodSymbol, Step)>();
        // Keyed by the function, or for an inherited trigger by the concrete job (one base serves many jobs).
        private readonly ConcurrentDictionary<ISymbol, EntryPoint> _entries = new ConcurrentDictionary<ISymbol, EntryPoint>(SymbolEqualityComparer.Default);
        private readonly ConcurrentBag<INamedTypeSymbol> _sourceTypes = new ConcurrentBag<INamedTypeSymbol>();

        public void AddEntry(EntryPoint entry) => _entries.TryAdd((ISymbol?)entry.ConcreteType ?? entry.Function.OriginalDefinition, entry);

        public void AddType(INamedTypeSymbol type) => _sourceTypes.Add(type);

        /// <summary>An unguarded call from <paramref name="caller"/> to a function of the compilation.</summary>
        public void AddCall(IMethodSymbol caller, IMethodSymbol callee, SyntaxNode call)
            => _steps.Enqueue((caller.OriginalDefinition, new Step(callee.OriginalDefinition, call, null)));

        /// <summary>An unguarded publish call in <paramref name="caller"/>.</summary>
        public void AddPublish(IMethodSymbol caller, PublishTarget target, SyntaxNode call)
            => _steps.Enqueue((caller.OriginalDefinition, new Step(null, call, target)));

        private Dictionary<IMethodSymbol, Node> BuildNodes()
        {
            var nodes = new Dictionary<IMethodSymbol, Node>(SymbolEqualityComparer.Default);
            foreach (var (caller, step) in _steps)
            {
                if (!nodes.TryGetValue(caller, out var node))
                {
                    nodes[caller] = node = new Node();
                }

                node.Add(step);
            }

            return nodes;
        }

        /// <summary>For each entry point, each publish target it reaches on an unguarded path no longer than <paramref name="maxDepth"/> calls.</summary>
        public IEnumerable<UnattendedPath> FindPaths(System.Func<EntryPoint, int> maxDepth, CancellationToken cancellationToken)
        {
            // Built on the first entry point only: a compilation without one pays nothing here.
            Dispatch? dispatch = null;
            Dictionary<IMethodSymbol, Node>? nodes = null;
            foreach (var entry in _entries.Values.OrderBy(e => e.Location.SourceTree?.FilePath, System.StringComparer.Ordinal).ThenBy(e => e.Location.SourceSpan.Start))
            {
                cancellationToken.ThrowIfCancellationRequested();
                dispatch ??= new Dispatch(_sourceTypes);
                nodes ??= BuildNodes();
                foreach (var path in Search(entry, maxDepth(entry), nodes, dispatch, cancellationToken))
                {
                    yield return path;
                }
            }
        }

        private static IEnumerable<UnattendedPath> Search(
            EntryPoint entry, int maxDepth, Dictionary<IMethodSymbol, Node> nodes, Dispatch dispatch, CancellationToken cancellationToken)
        {
            var start = entry.Function.OriginalDefinition;
            var cameFrom = new Dictionary<IMethodSymbol, (IMethodSymbol From, SyntaxNode Call)>(SymbolEqualityComparer.Default);
            var depth = new Dictionary<IMethodSymbol, int>(SymbolEqualityComparer.Default) { [start] = 0 };
            var reported = new HashSet<string>();
            var queue = new Queue<IMethodSymbol>();
            queue.Enqueue(start);
            if (entry.ConcreteType is not null && !nodes.ContainsKey(start))
            {
                // A trigger inherited from a base class whose body this compilation cannot see (another project): it
                // calls the job's overrides, which are where the job's own code starts.
                foreach (var @override in entry.Overrides)
                {
                    if (!depth.ContainsKey(@override) && @override.DeclaringSyntaxReferences.Length > 0)
                    {
                        depth[@override] = 1;
                        cameFrom[@override] = (start, @override.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken));
                        queue.Enqueue(@override);
                    }
                }
            }
            while (queue.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var function = queue.Dequeue();
                if (!nodes.TryGetValue(function, out var node))
                {
                    continue;
                }

                foreach (var step in node.Steps())
                {
                    if (step.Target is { } target)
                    {
                        if (reported.Add(target.Describe()))
                        {
                            yield return new UnattendedPath(entry, Trace(function, cameFrom, start), step.Call, target);
                        }

                        continue;
                    }

                    if (depth[function] >= maxDepth)
                    {
                        continue;
                    }

                    foreach (var callee in dispatch.Targets(step.Callee!, entry.ConcreteType))
                    {
                        if (!depth.ContainsKey(callee))
                        {
                            depth[callee] = depth[function] + 1;
                            cameFrom[callee] = (function, step.Call);
                            queue.Enqueue(callee);
                        }
                    }
                }
            }
        }

        private static ImmutableArray<(IMethodSymbol Function, SyntaxNode Call)> Trace(
            IMethodSymbol last, Dictionary<IMethodSymbol, (IMethodSymbol From, SyntaxNode Call)> cameFrom, IMethodSymbol start)
        {
            var steps = new List<(IMethodSymbol, SyntaxNode)>();
            for (var current = last; !SymbolEqualityComparer.Default.Equals(current, start); current = cameFrom[current].From)
            {
                steps.Add((current, cameFrom[current].Call));
            }

            steps.Reverse();
            return steps.ToImmutableArray();
        }

        /// <summary>"Type.Method", as paths show functions.</summary>
        public static string NameOf(IMethodSymbol method)
            => method.MethodKind == MethodKind.AnonymousFunction
                ? "lambda"
                : (method.ContainingType is { } type ? type.Name + "." : string.Empty) + (method.MethodKind is MethodKind.Constructor ? method.ContainingType?.Name : method.Name);

        private readonly struct Step
        {
            public Step(IMethodSymbol? callee, SyntaxNode call, PublishTarget? target)
            {
                Callee = callee;
                Call = call;
                Target = target;
            }

            public IMethodSymbol? Callee { get; }

            public SyntaxNode Call { get; }

            public PublishTarget? Target { get; }
        }

        // Built once, at compilation end, on one thread.
        private sealed class Node
        {
            private readonly List<Step> _steps = new List<Step>();
            private Step[]? _ordered;

            public void Add(Step step) => _steps.Add(step);

            // Source order, whatever order concurrent bodies were analysed in: the paths reported are deterministic.
            public Step[] Steps()
                => _ordered ??= _steps
                    .OrderBy(s => s.Call.SyntaxTree.FilePath, System.StringComparer.Ordinal)
                    .ThenBy(s => s.Call.SpanStart)
                    .ThenBy(s => s.Target is null ? 1 : 0)
                    .ToArray();
        }

        /// <summary>Where a call can land: the method itself, and its implementations and overrides in the compilation.</summary>
        private sealed class Dispatch
        {
            private readonly Dictionary<IMethodSymbol, List<IMethodSymbol>> _implementations = new Dictionary<IMethodSymbol, List<IMethodSymbol>>(SymbolEqualityComparer.Default);

            public Dispatch(IEnumerable<INamedTypeSymbol> sourceTypes)
            {
                foreach (var type in sourceTypes)
                {
                    foreach (var member in type.GetMembers())
                    {
                        if (member is not IMethodSymbol method)
                        {
                            continue;
                        }

                        for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
                        {
                            Add(overridden, method);
                        }

                        foreach (var implemented in MethodLineage.Of(method))
                        {
                            if (implemented.ContainingType?.TypeKind == TypeKind.Interface)
                            {
                                Add(implemented, method);
                            }
                        }
                    }
                }
            }

            private void Add(IMethodSymbol declared, IMethodSymbol implementation)
            {
                declared = declared.OriginalDefinition;
                if (!_implementations.TryGetValue(declared, out var list))
                {
                    _implementations[declared] = list = new List<IMethodSymbol>();
                }

                list.Add(implementation.OriginalDefinition);
            }

            public IEnumerable<IMethodSymbol> Targets(IMethodSymbol callee, INamedTypeSymbol? concreteType)
            {
                // In an inherited trigger, a virtual call of the job's own class chain lands in that job's override
                // (the base class's calls on this), not in every other job's.
                if (concreteType is not null && (callee.IsAbstract || callee.IsVirtual || callee.IsOverride)
                    && callee.ContainingType?.TypeKind == TypeKind.Class && Implementation(concreteType, callee) is { } landing)
                {
                    yield return landing;
                    yield break;
                }

                yield return callee;
                if (_implementations.TryGetValue(callee, out var implementations))
                {
                    foreach (var implementation in implementations)
                    {
                        yield return implementation;
                    }
                }
            }
            private static IMethodSymbol? Implementation(INamedTypeSymbol concreteType, IMethodSymbol callee)
            {
                for (var current = concreteType; current is not null; current = current.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, callee.ContainingType.OriginalDefinition))
                    {
                        return callee;
                    }

                    foreach (var member in current.GetMembers(callee.Name))
                    {
                        for (var method = member as IMethodSymbol; method is not null; method = method.OverriddenMethod)
                        {
                            if (SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, callee))
                            {
                                return ((IMethodSymbol)member).OriginalDefinition;
                            }
                        }
                    }
                }

                return null;
            }
        }
    }

    /// <summary>A path from an entry point to a publish call: the calls taken, in order, then the publish itself.</summary>
    internal sealed class UnattendedPath
    {
        public UnattendedPath(EntryPoint entry, ImmutableArray<(IMethodSymbol Function, SyntaxNode Call)> calls, SyntaxNode publish, PublishTarget target)
        {
            Entry = entry;
            Calls = calls;
            Publish = publish;
            Target = target;
        }

        public EntryPoint Entry { get; }

        public ImmutableArray<(IMethodSymbol Function, SyntaxNode Call)> Calls { get; }

        public SyntaxNode Publish { get; }

        public PublishTarget Target { get; }

        /// <summary>
        /// Where the diagnostic stands: the entry point, or for an inherited trigger the job's first override on the
        /// path (the job's class when the path passes through none).
        /// </summary>
        public IMethodSymbol? ReportedAt
            => Entry.ConcreteType is { } job
                ? Calls.Select(c => c.Function).FirstOrDefault(f => SymbolEqualityComparer.Default.Equals(f.ContainingType?.OriginalDefinition, job.OriginalDefinition))
                : null;

        public Location Location => ReportedAt is { } function ? EntryPoint.FirstLocation(function) : Entry.Location;

        /// <summary>"NightlyJob.Execute (a Quartz job)", "NightlyJob.Run (a Quartz job, run by JobBase.Execute)".</summary>
        public string EntryText => Entry.Describe(ReportedAt);

        /// <summary>"DailyTipWorker.ExecuteAsync → Poster.Post → MastodonClient.PublishStatus".</summary>
        public string Describe()
            => string.Join(" → ", new[] { Entry.Lambda is null ? CallGraph.NameOf(Entry.Function) : Entry.Reason }
                .Concat(Calls.Select(c => CallGraph.NameOf(c.Function)))
                .Concat(new[] { PublishTarget.ApiName(Target.Method) }));

        public IEnumerable<Location> Locations()
            => Calls.Select(c => c.Call.GetLocation()).Concat(new[] { Publish.GetLocation() });
    }
}
