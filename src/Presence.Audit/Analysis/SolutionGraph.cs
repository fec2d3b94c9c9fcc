using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Presence.Analyzers.Catalog;
using Presence.Analyzers.Model;
using Presence.Analyzers.Paths;
using Presence.Audit.Model;

namespace Presence.Audit.Analysis;

/// <summary>
/// The unguarded calls and publish sites the analyzers recorded in every project, joined by function key, with the
/// solution's overrides and interface implementations as the places a call can land. Searched breadth-first from each
/// entry point (shortest path to each site, bounded like PRES002 by presence_max_path_depth).
/// </summary>
internal sealed class SolutionGraph
{
    private readonly FunctionKeys _keys;
    private readonly Dictionary<string, List<Step>> _steps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _implementations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Name, string Project)> _names = new(StringComparer.Ordinal);

    public SolutionGraph(IReadOnlyList<AnalysedProject> projects, FunctionKeys keys, IEnumerable<(RawSite Raw, SiteInfo Info)> sites)
    {
        _keys = keys;
        foreach (var project in projects)
        {
            foreach (var edge in project.Collector.Edges)
            {
                Add(edge.Caller, new Step(Key(edge.Callee), edge.Call, null));
            }

            AddDispatch(project.Compilation);
        }

        foreach (var (raw, info) in sites)
        {
            if (raw.OnPath && raw.Function is { } function)
            {
                Add(function, new Step(null, raw.Call, info));
            }
        }

        foreach (var list in _steps.Values)
        {
            // Source order, whatever order the concurrent analysis recorded them in: paths are deterministic.
            list.Sort((a, b) =>
            {
                var byFile = string.CompareOrdinal(a.Call.SyntaxTree.FilePath, b.Call.SyntaxTree.FilePath);
                return byFile != 0 ? byFile : a.Call.SpanStart != b.Call.SpanStart ? a.Call.SpanStart.CompareTo(b.Call.SpanStart) : (a.Site is null ? 1 : 0) - (b.Site is null ? 1 : 0);
            });
        }
    }

    private string Key(IMethodSymbol method)
    {
        var key = _keys.Of(method.OriginalDefinition);
        if (!_names.ContainsKey(key))
        {
            _names[key] = (MapBuilder.DisplayName(method.OriginalDefinition), _keys.ProjectOf(method) ?? "");
        }

        return key;
    }

    private void Add(IMethodSymbol caller, Step step)
    {
        var key = Key(caller);
        if (!_steps.TryGetValue(key, out var list))
        {
            _steps[key] = list = [];
        }

        list.Add(step);
    }

    private void AddDispatch(Compilation compilation)
    {
        var types = new Stack<INamespaceOrTypeSymbol>();
        types.Push(compilation.Assembly.GlobalNamespace);
        while (types.Count > 0)
        {
            foreach (var member in types.Pop().GetMembers())
            {
                switch (member)
                {
                    case INamespaceOrTypeSymbol container when member is INamespaceSymbol or INamedTypeSymbol:
                        types.Push(container);
                        if (container is INamedTypeSymbol type)
                        {
                            AddImplementations(type);
                        }

                        break;
                }
            }
        }
    }

    private void AddImplementations(INamedTypeSymbol type)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is not IMethodSymbol method || method.IsStatic && method.MethodKind != MethodKind.Ordinary)
            {
                continue;
            }

            var implementation = Key(method);
            for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
            {
                AddImplementation(Key(overridden), implementation);
            }

            foreach (var declared in MethodLineage.Of(method))
            {
                if (declared.ContainingType?.TypeKind == TypeKind.Interface)
                {
                    AddImplementation(Key(declared), implementation);
                }
            }
        }
    }

    private void AddImplementation(string declared, string implementation)
    {
        if (declared == implementation)
        {
            return;
        }

        if (!_implementations.TryGetValue(declared, out var list))
        {
            _implementations[declared] = list = [];
        }

        if (!list.Contains(implementation))
        {
            list.Add(implementation);
        }
    }

    private IEnumerable<string> Targets(string callee)
        => _implementations.TryGetValue(callee, out var implementations) ? implementations.Prepend(callee) : [callee];

    /// <summary>The shortest unguarded path from <paramref name="entry"/> to each site it reaches.</summary>
    public IEnumerable<PathInfo> Paths(EntryPoint entry, EntryPointInfo info, int maxDepth, string root)
    {
        // The search starts at the function; an inherited trigger's virtual calls land in its own job's overrides only.
        var start = _keys.Of(entry.Function.OriginalDefinition);
        var own = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var method in entry.Overrides)
        {
            for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
            {
                own[Key(overridden)] = Key(method);
            }
        }

        var cameFrom = new Dictionary<string, (string From, SyntaxNode Call)>(StringComparer.Ordinal);
        var depth = new Dictionary<string, int>(StringComparer.Ordinal) { [start] = 0 };
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            var function = queue.Dequeue();
            if (!_steps.TryGetValue(function, out var steps))
            {
                continue;
            }

            foreach (var step in steps)
            {
                if (step.Site is { } site)
                {
                    if (reported.Add(site.Id))
                    {
                        yield return PathTo(entry, info, Trace(function, cameFrom, start), step, site, root);
                    }

                    continue;
                }

                if (depth[function] >= maxDepth)
                {
                    continue;
                }

                foreach (var callee in own.TryGetValue(step.Callee!, out var mine) ? [mine] : Targets(step.Callee!))
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

    private static List<(string Function, SyntaxNode Call)> Trace(string last, Dictionary<string, (string From, SyntaxNode Call)> cameFrom, string start)
    {
        // (function, the call it was reached by), from the entry point on.
        var chain = new List<(string, SyntaxNode)>();
        for (var current = last; current != start; current = cameFrom[current].From)
        {
            chain.Add((current, cameFrom[current].Call));
        }

        chain.Reverse();
        return chain;
    }

    private PathInfo PathTo(EntryPoint entry, EntryPointInfo info, List<(string Function, SyntaxNode Call)> reachedBy, Step publish, SiteInfo site, string root)
    {
        // Each step is a function with the call it makes next: the entry point makes the first call, the last function the publish.
        var functions = new List<string> { _keys.Of(entry.Function.OriginalDefinition) };
        functions.AddRange(reachedBy.Select(r => r.Function));
        var calls = reachedBy.Select(r => r.Call).Append(publish.Call).ToList();
        var steps = new List<PathStep>();
        for (var i = 0; i < functions.Count; i++)
        {
            var (file, line, column) = MapBuilder.Where(calls[i].GetLocation(), root);
            var (name, project) = i == 0 ? (info.Name, info.Project) : _names.GetValueOrDefault(functions[i], (functions[i], ""));
            steps.Add(new PathStep { Function = name, FunctionId = functions[i], Project = project, File = file, Line = line, Column = column });
        }

        var first = entry.Lambda is not null ? entry.Reason : entry.ConcreteType is { } job ? job.Name + "." + entry.Function.Name : CallGraph.NameOf(entry.Function);
        var describe = string.Join(" → ", new[] { first }.Concat(steps.Skip(1).Select(s => s.Function)).Append(site.Api));
        return new PathInfo
        {
            Id = string.Join(" → ", functions.Skip(1).Prepend(info.Id).Append(site.Id)),
            EntryPoint = info.Id,
            Site = site.Id,
            Kind = info.Kind,
            Steps = steps,
            Describe = describe,
        };
    }

    private sealed record Step(string? Callee, SyntaxNode Call, SiteInfo? Site);
}
