using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Presence.Analyzers.Catalog;
using Presence.Analyzers.Configuration;
using Presence.Analyzers.Model;
using Presence.Analyzers.Paths;
using Presence.Audit.Model;

namespace Presence.Audit.Analysis;

/// <summary>
/// Joins what the analyzers found in each project into one map: sites with ids that survive edits, entry points,
/// and the unguarded paths from each entry point to each site, followed across the projects of the solution
/// (a call into another project continues in that project's functions, through its interface implementations and
/// overrides too).
/// </summary>
internal static class MapBuilder
{
    public static PublishingMap Build(IReadOnlyList<AnalysedProject> projects, string root, string target, string configuration)
    {
        var map = new PublishingMap
        {
            ToolVersion = typeof(MapBuilder).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
            Target = target,
            Configuration = configuration,
        };
        var keys = new FunctionKeys(projects);
        var sites = new List<(RawSite Raw, SiteInfo Info)>();
        foreach (var project in projects)
        {
            map.Projects.Add(project.Info);
            sites.AddRange(Sites(project, keys, root));
            AddDiagnostics(map, project, root);
        }

        GatePlatforms(sites, projects);
        foreach (var (_, info) in sites)
        {
            var rules = map.Diagnostics.Where(d => d.Project == info.Project && d.File == info.File && d.Line == info.Line && d.Column == info.Column)
                .Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal);
            info.Rules.AddRange(rules);
        }

        var entries = new List<(EntryPoint Entry, AnalysedProject Project, EntryPointInfo Info)>();
        foreach (var project in projects)
        {
            foreach (var entry in project.Collector.Entries)
            {
                // An abstract base's trigger runs as part of each concrete job, which is an entry point of its own.
                if (entry.RunsThroughSubclasses)
                {
                    continue;
                }

                entries.Add((entry, project, EntryInfo(entry, project, keys, root)));
            }
        }

        entries = entries.GroupBy(e => e.Info.Id, StringComparer.Ordinal).Select(g => g.First())
            .OrderBy(e => e.Info.Project, StringComparer.Ordinal).ThenBy(e => e.Info.File, StringComparer.Ordinal).ThenBy(e => e.Info.Line).ToList();
        map.EntryPoints.AddRange(entries.Select(e => e.Info));

        var graph = new SolutionGraph(projects, keys, sites);
        foreach (var (entry, project, info) in entries)
        {
            var depth = entry.Location.SourceTree is { } tree
                ? PresenceOptions.Read(project.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree)).MaxPathDepth
                : PresenceOptions.DefaultMaxPathDepth;
            foreach (var path in graph.Paths(entry, info, depth, root))
            {
                map.Paths.Add(path);
            }
        }

        var reached = map.Paths.Select(p => p.Site).ToHashSet(StringComparer.Ordinal);
        foreach (var (_, info) in sites)
        {
            if (reached.Contains(info.Id))
            {
                info.Status = SiteStatuses.Unattended;
            }
        }

        map.Sites.AddRange(sites.Select(s => s.Info).OrderBy(s => s.Project, StringComparer.Ordinal).ThenBy(s => s.File, StringComparer.Ordinal).ThenBy(s => s.Line).ThenBy(s => s.Column));
        map.Summary = Summarise(map);
        return map;
    }

    public static Summary Summarise(PublishingMap map)
    {
        var summary = new Summary
        {
            Sites = map.Sites.Count,
            EntryPoints = map.EntryPoints.Count,
            UnattendedPaths = map.Paths.Count,
            UnresolvedSends = map.UnresolvedSends.Count,
        };
        foreach (var site in map.Sites)
        {
            summary.ByStatus[site.Status] = summary.ByStatus.GetValueOrDefault(site.Status) + 1;
            summary.ByPlatform[site.Platform] = summary.ByPlatform.GetValueOrDefault(site.Platform) + 1;
        }

        return summary;
    }

    private static IEnumerable<(RawSite, SiteInfo)> Sites(AnalysedProject project, FunctionKeys keys, string root)
    {
        var seen = new HashSet<SyntaxNode>();
        var raw = project.Collector.Sites.Where(s => seen.Add(s.Call))
            .OrderBy(s => s.Call.SyntaxTree.FilePath, StringComparer.Ordinal).ThenBy(s => s.Call.SpanStart).ToList();
        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var site in raw)
        {
            var api = site.Target is { } target ? PublishTarget.ApiName(target.Method) : site.GateMethod!.ContainingType.Name + "." + site.GateMethod.Name;
            var owner = site.Owner is null ? "(unknown)" : Documentation(site.Owner);
            var stem = project.Info.Name + "|" + owner + "|" + api;
            var n = ordinals.GetValueOrDefault(stem) + 1;
            ordinals[stem] = n;
            var location = Where(site.Call.GetLocation(), root);
            yield return (site, new SiteInfo
            {
                Id = stem + "|" + n,
                Project = project.Info.Name,
                Platform = site.Target?.Platform ?? site.GatePlatform ?? "(unspecified)",
                Kind = site.Target is { } t ? KindOf(t) : SiteKinds.Gate,
                Api = api,
                Note = site.Target?.Note ?? site.GateNote,
                Status = site.Status,
                Justification = site.Justification,
                Member = site.Owner is null ? "(unknown)" : DisplayName(site.Owner),
                File = location.File,
                Line = location.Line,
                Column = location.Column,
            });
        }
    }

    // A gate whose publisher interface names no platform posts where the implementations of that interface post, in
    // any project of the solution (a Telegram publisher behind an IChannelPublisher gate).
    private static void GatePlatforms(List<(RawSite Raw, SiteInfo Info)> sites, IReadOnlyList<AnalysedProject> projects)
    {
        var posts = sites.Where(s => s.Raw.Target is not null).Select(s => (Owner: s.Raw.Owner, s.Info.Platform))
            .Concat(projects.SelectMany(p => p.Collector.PublisherPlatforms).Select(p => (Owner: (ISymbol?)p.Owner, p.Platform)))
            .Where(p => p.Owner?.ContainingType is not null && p.Platform != "(unspecified)").ToList();
        foreach (var (raw, info) in sites)
        {
            if (raw.GatePublisher is not { } publisher || raw.GatePlatform is not null)
            {
                continue;
            }

            var id = Documentation(publisher);
            var platforms = posts
                .Where(p => p.Owner!.ContainingType is var type && (Documentation(type) == id || type.AllInterfaces.Any(i => Documentation(i) == id)))
                .Select(p => p.Platform).Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal).ToList();
            info.Platform = platforms.Count > 0 ? string.Join(", ", platforms) : "(unspecified)";
        }
    }

    private static string KindOf(PublishTarget target)
        => target.Kind switch
        {
            PublishKind.Catalogued => SiteKinds.Sdk,
            PublishKind.Endpoint => target.Note?.Contains("configuration", StringComparison.OrdinalIgnoreCase) == true ? SiteKinds.ConfiguredWebhook : SiteKinds.HttpEndpoint,
            PublishKind.Declared => SiteKinds.DeclaredApi,
            PublishKind.RequiresApproval => SiteKinds.RequiresApproval,
            var other => Kebab(other.ToString()),
        };

    private static void AddDiagnostics(PublishingMap map, AnalysedProject project, string root)
    {
        foreach (var error in project.CompileErrors.OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).Take(20))
        {
            var location = Where(error.Location, root);
            map.CompileErrors.Add(new DiagnosticInfo
            {
                Id = error.Id,
                Severity = "error",
                Project = project.Info.Name,
                File = location.File,
                Line = location.Line,
                Column = location.Column,
                Message = error.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
            });
        }

        foreach (var diagnostic in project.Diagnostics.OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal))
        {
            var location = Where(diagnostic.Location, root);
            var info = new DiagnosticInfo
            {
                Id = diagnostic.Id,
                Severity = diagnostic.Severity.ToString().ToLowerInvariant(),
                Project = project.Info.Name,
                File = location.File,
                Line = location.Line,
                Column = location.Column,
                Message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
            };
            map.Diagnostics.Add(info);
            if (diagnostic.Id == "PRES011")
            {
                map.UnresolvedSends.Add(info);
            }
        }
    }

    private static EntryPointInfo EntryInfo(EntryPoint entry, AnalysedProject project, FunctionKeys keys, string root)
    {
        var location = Where(entry.Location, root);
        var (schedule, route) = EntryDetails.Read(entry);
        return new EntryPointInfo
        {
            Id = EntryId(entry, keys),
            Project = project.Info.Name,
            Kind = Kebab(entry.Kind.ToString()),
            Reason = entry.Reason,
            Name = entry.DisplayName,
            Schedule = schedule,
            Route = route,
            File = location.File,
            Line = location.Line,
        };
    }

    /// <summary>The function's key; an inherited trigger's adds the concrete job it runs for.</summary>
    public static string EntryId(EntryPoint entry, FunctionKeys keys)
        => keys.Of(entry.Function) + (entry.ConcreteType is { } job ? "|for " + Documentation(job) : "");

    /// <summary>"IncomingMessage" → "incoming-message".</summary>
    public static string Kebab(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }

    public static (string File, int Line, int Column) Where(Location location, string root)
    {
        var span = location.GetLineSpan();
        return (Relative(root, span.Path), span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
    }

    public static string Relative(string root, string? path)
        => string.IsNullOrEmpty(path) ? "" : Path.GetRelativePath(root, path).Replace('\\', '/');

    public static string Documentation(ISymbol symbol)
        => symbol.OriginalDefinition.GetDocumentationCommentId() ?? symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);

    /// <summary>"Type.Method", as the analyzers' messages name functions.</summary>
    public static string DisplayName(ISymbol symbol)
        => symbol switch
        {
            IMethodSymbol { AssociatedSymbol: { } property } => (property.ContainingType?.Name + ".") + property.Name,
            IMethodSymbol method => CallGraph.NameOf(method),
            _ => (symbol.ContainingType is { } type ? type.Name + "." : "") + symbol.Name,
        };
}

/// <summary>
/// Names every function of the solution the same way from every project: "Project|documentation id", a lambda by its
/// member and its rank among the member's lambdas (never a line number).
/// </summary>
internal sealed class FunctionKeys(IReadOnlyList<AnalysedProject> projects)
{
    private readonly Dictionary<string, string> _projectOfAssembly = projects.GroupBy(p => p.Project.AssemblyName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Info.Name, StringComparer.Ordinal);

    public string? ProjectOf(IMethodSymbol method) => method.ContainingAssembly is { } assembly && _projectOfAssembly.TryGetValue(assembly.Identity.Name, out var name) ? name : null;

    public string Of(IMethodSymbol method)
    {
        method = method.ReducedFrom ?? method;
        var project = ProjectOf(method) ?? method.ContainingAssembly?.Identity.Name ?? "?";
        if (method.MethodKind != MethodKind.AnonymousFunction)
        {
            return project + "|" + MapBuilder.Documentation(method);
        }

        ISymbol member = method;
        while (member is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } && member.ContainingSymbol is { } container)
        {
            member = container;
        }

        var syntax = method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
        var memberSyntax = member.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
        var rank = syntax is null || memberSyntax is null ? 0 : memberSyntax.DescendantNodes().OfType<AnonymousFunctionExpressionSyntax>().TakeWhile(l => l != syntax).Count() + 1;
        return project + "|" + MapBuilder.Documentation(member) + "|lambda " + rank;
    }
}
