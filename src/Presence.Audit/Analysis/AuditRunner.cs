using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Presence.Analyzers.Catalog;
using Presence.Analyzers.Rules;
using Presence.Audit.Model;
using ProjectInfo = Presence.Audit.Model.ProjectInfo;

namespace Presence.Audit.Analysis;

/// <summary>One project as analysed: its compilation, what the analyzers said and what the collector heard.</summary>
internal sealed record AnalysedProject(Project Project, Compilation Compilation, MapCollector Collector, ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<Diagnostic> CompileErrors, ProjectInfo Info);

/// <summary>Runs every Presence analyzer over every C# project of a solution, each with its own configuration.</summary>
public static class AuditRunner
{
    /// <summary>Analyses <paramref name="solution"/> and builds its map.</summary>
    public static async Task<PublishingMap> RunAsync(Solution solution, string root, string target, string configuration, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var projects = solution.Projects.Where(p => p.Language == LanguageNames.CSharp).ToList();
        // A multi-targeted project loads once per framework: the map takes the first, paths are the same in each.
        projects = projects.GroupBy(p => p.FilePath ?? p.Name, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var assemblies = projects.Select(p => p.AssemblyName).ToImmutableHashSet(StringComparer.Ordinal);
        var analysed = new List<AnalysedProject>();
        for (var i = 0; i < projects.Count; i++)
        {
            var project = projects[i];
            progress?.Report($"Analysing project {i + 1} of {projects.Count}: {project.Name}");
            analysed.Add(await AnalyseAsync(project, assemblies, root, progress, cancellationToken));
        }

        return MapBuilder.Build(analysed, root, target, configuration);
    }

    private static async Task<AnalysedProject> AnalyseAsync(Project project, ImmutableHashSet<string> assemblies, string root, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken)
            ?? throw new Loading.AuditException($"'{project.Name}' has no C# compilation.");
        var collector = new MapCollector(assemblies);
        var analyzers = Analyzers(collector);
        var options = new CompilationWithAnalyzersOptions(
            project.AnalyzerOptions,
            onAnalyzerException: (exception, analyzer, diagnostic) => progress?.Report($"warning: {analyzer.GetType().Name} failed in {project.Name}: {exception.GetType().Name}: {exception.Message}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
        // The compiler's own errors too: code it cannot read is code the map cannot see.
        var all = await withAnalyzers.GetAllDiagnosticsAsync(cancellationToken);
        var diagnostics = all.Where(d => d.Id.StartsWith("PRES", StringComparison.Ordinal) && !d.IsSuppressed && d.Severity != DiagnosticSeverity.Hidden).ToImmutableArray();
        var compileErrors = all.Where(d => d.Severity == DiagnosticSeverity.Error && !d.IsSuppressed && !d.Id.StartsWith("PRES", StringComparison.Ordinal)).ToImmutableArray();

        var global = project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GlobalOptions;
        global.TryGetValue("build_property.PresenceEnforcement", out var enforcement);
        global.TryGetValue("build_property.PresenceAuditPackageReferenced", out var referenced);
        var info = new ProjectInfo
        {
            Name = project.Name,
            Path = MapBuilder.Relative(root, project.FilePath),
            Enforcement = string.IsNullOrWhiteSpace(enforcement) ? "default" : enforcement.Trim(),
            ReferencesAnalyzers = string.Equals(referenced, "true", StringComparison.OrdinalIgnoreCase)
                                  || project.AnalyzerReferences.Any(r => r.Display?.Contains("Presence.Analyzers", StringComparison.OrdinalIgnoreCase) == true),
        };
        return new AnalysedProject(project, compilation, collector, diagnostics, compileErrors, info);
    }

    /// <summary>Every Presence rule, for the SARIF rules table, in id order.</summary>
    public static ImmutableArray<DiagnosticDescriptor> Descriptors()
        => Analyzers(new MapCollector(ImmutableHashSet<string>.Empty)).SelectMany(a => a.SupportedDiagnostics)
            .GroupBy(d => d.Id, StringComparer.Ordinal).Select(g => g.First()).OrderBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();

    // Every rule of the analyzer assembly; the one that finds sites and paths reports them to the collector.
    private static ImmutableArray<DiagnosticAnalyzer> Analyzers(MapCollector collector)
    {
        var builder = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        builder.Add(new UnconfirmedPublishAnalyzer(collector));
        foreach (var type in typeof(UnconfirmedPublishAnalyzer).Assembly.GetTypes())
        {
            if (type != typeof(UnconfirmedPublishAnalyzer) && !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
                && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            {
                builder.Add((DiagnosticAnalyzer)Activator.CreateInstance(type)!);
            }
        }

        return builder.ToImmutable();
    }
}
