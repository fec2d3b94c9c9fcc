using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Presence.Benchmarks;

/// <summary>
/// <c>--compare FOLDER</c>: this build of Presence against another (its Presence.Analyzers.dll and
/// Presence.Generators.dll in FOLDER), in one process. Each run gives each build's generators a fresh parse of the
/// codebase, then analyses one more parse in a single concurrent pass with the floor and both builds' analyzers; which
/// build goes first alternates from run to run (the first to look at an operation's symbols or a file's text pays for
/// bringing them into the caches), and the ratios are summed up over the runs by their geometric mean. Between
/// processes the development machine's speed moved by up to 2× in a day and the floor's by 3×, more than most changes;
/// two builds measured in the same passes share all of that.
/// </summary>
internal static class Comparison
{
    public static async Task<string> RunAsync(
        int[] sizes, int runs, int seed, string otherFolder,
        ImmutableArray<DiagnosticAnalyzer> floor, ImmutableArray<DiagnosticAnalyzer> presence, ImmutableArray<IIncrementalGenerator> generators,
        Func<Compilation, AnalyzerOptions> options)
    {
        var (otherAnalyzers, otherGenerators) = AnalyzerSets.OtherBuild(otherFolder);
        var thisFirst = floor.AddRange(presence).AddRange(otherAnalyzers);
        var otherFirst = floor.AddRange(otherAnalyzers).AddRange(presence);
        var others = otherAnalyzers.ToDictionary(analyzer => analyzer.GetType().FullName!, StringComparer.Ordinal);

        // The other build's code is compiled by the runtime like this one's was in the main warm-up.
        for (var round = 0; round < 3; round++)
        {
            foreach (var publishable in new[] { true, false })
            {
                var (trees, _) = Measurement.Parse(CodebaseGenerator.Generate(300, seed + 1 + round, publishable));
                Measurement.Generate(trees, publishable, otherGenerators);
                await Measurement.AnalyzeAsync(trees, publishable, thisFirst, options);
                await Measurement.AnalyzeAsync(trees, publishable, otherFirst, options);
            }

            await Task.Delay(1_000);
        }

        var text = new StringBuilder();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"This build against {otherFolder}, {runs} run(s) per size and codebase, seed {seed}: own CPU of each build's analyzers in one concurrent pass with the floor (net of measuring, as above), and each build's generators on a fresh parse, fresh run (CPU of the calling thread). \"this ÷ other\" below 1 is this build cheaper. The builds take turns at going first (what the first pays, the second is spared): the runs' ratios are summed up by their geometric mean, over an even number of runs."));
        text.AppendLine();
        text.AppendLine("| files | codebase | run | floor | analyzers: this | other | this ÷ other | generators: this | other | this ÷ other |");
        text.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        var byAnalyzer = new List<(int Size, bool Publishable, string Name, double This, double Other)>();
        foreach (var size in sizes)
        {
            foreach (var publishable in new[] { true, false })
            {
                var codebase = CodebaseGenerator.Generate(size, seed, publishable);
                var results = new List<(double Floor, double This, double Other, double ThisGenerators, double OtherGenerators)>();
                for (var run = 1; run <= runs; run++)
                {
                    double thisGenerators = 0, otherGeneratorsMs = 0;
                    foreach (var thisOne in run % 2 == 1 ? new[] { true, false } : new[] { false, true })
                    {
                        Measurement.Collect();
                        var (generatorTrees, _) = Measurement.Parse(codebase);
                        var generated = Measurement.Generate(generatorTrees, publishable, thisOne ? generators : otherGenerators);
                        if (thisOne)
                        {
                            thisGenerators = generated.ColdCpuMs;
                        }
                        else
                        {
                            otherGeneratorsMs = generated.ColdCpuMs;
                        }
                    }

                    // The first analyzer to look at an operation pays for bringing its symbols into the caches, and the
                    // first build to read the files' text for their names for bringing the text: the builds take turns.
                    Measurement.Collect();
                    var (trees, _) = Measurement.Parse(codebase);
                    var pass = await Measurement.AnalyzeAsync(trees, publishable, run % 2 == 1 ? thisFirst : otherFirst, options);
                    var result = (Floor: pass.CpuOf(floor), This: pass.CpuOf(presence), Other: pass.CpuOf(otherAnalyzers), ThisGenerators: thisGenerators, OtherGenerators: otherGeneratorsMs);
                    results.Add(result);
                    foreach (var mine in presence)
                    {
                        if (others.TryGetValue(mine.GetType().FullName!, out var theirs))
                        {
                            byAnalyzer.Add((size, publishable, mine.GetType().Name, pass.Times[mine].CpuMs, pass.Times[theirs].CpuMs));
                        }
                    }

                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{size,6} files, {Kind(publishable)}, run {run}: floor {result.Floor:F1} ms, analyzers this {result.This:F1} / other {result.Other:F1} ms, generators this {thisGenerators:F1} / other {otherGeneratorsMs:F1} ms"));
                    text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {size:N0} | {Kind(publishable)} | {run} | {result.Floor:F1} ms | {result.This:F1} ms | {result.Other:F1} ms | {Ratio(result.This, result.Other)} | {thisGenerators:F1} ms | {otherGeneratorsMs:F1} ms | {Ratio(thisGenerators, otherGeneratorsMs)} |"));
                }

                text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {size:N0} | {Kind(publishable)} | median; ratios' geometric mean | {Median(results.Select(r => r.Floor)):F1} ms | {Median(results.Select(r => r.This)):F1} ms | {Median(results.Select(r => r.Other)):F1} ms | **{Ratio(GeometricMean(results.Select(r => r.This / r.Other)))}** | {Median(results.Select(r => r.ThisGenerators)):F1} ms | {Median(results.Select(r => r.OtherGenerators)):F1} ms | **{Ratio(GeometricMean(results.Select(r => r.ThisGenerators / r.OtherGenerators)))}** |"));
            }
        }

        // Matched by type name: an analyzer only one build has is compared with nothing.
        text.AppendLine();
        text.AppendLine("Each analyzer of 0.5 ms or more in either build: median own CPU over the runs, and the geometric mean of the runs' ratios:");
        text.AppendLine();
        text.AppendLine("| files | codebase | analyzer | this | other | this ÷ other |");
        text.AppendLine("|---:|---|---|---:|---:|---:|");
        foreach (var group in byAnalyzer.GroupBy(a => (a.Size, a.Publishable, a.Name)).OrderBy(g => g.Key.Size).ThenBy(g => !g.Key.Publishable).ThenBy(g => g.Key.Name, StringComparer.Ordinal))
        {
            var mine = Median(group.Select(a => a.This));
            var theirs = Median(group.Select(a => a.Other));
            if (Math.Max(mine, theirs) >= 0.5)
            {
                text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {group.Key.Size:N0} | {Kind(group.Key.Publishable)} | {group.Key.Name} | {mine:F2} ms | {theirs:F2} ms | {Ratio(GeometricMean(group.Select(a => a.This / a.Other)))} |"));
            }
        }

        return text.ToString();
    }

    private static string Kind(bool publishable) => publishable ? "publishing" : "nothing publishable";

    private static double Median(IEnumerable<double> values) => Measurement.Median(values);

    // Of the runs' ratios, each order of the two builds as often as the other with an even number of runs: what the
    // first to run pays and the second is spared cancels out.
    private static double GeometricMean(IEnumerable<double> ratios)
    {
        var list = ratios.Where(r => r > 0 && !double.IsInfinity(r)).ToList();
        return list.Count == 0 ? double.NaN : Math.Exp(list.Average(Math.Log));
    }

    private static string Ratio(double mine, double theirs) => theirs > 0 ? Ratio(mine / theirs) : "–";

    private static string Ratio(double ratio) => ratio.ToString("F2", CultureInfo.InvariantCulture) + "×";
}
