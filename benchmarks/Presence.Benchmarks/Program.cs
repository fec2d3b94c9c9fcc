using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Presence.Benchmarks;

// dotnet run -c Release --project benchmarks/Presence.Benchmarks -- [--sizes 500,3000,10000] [--runs 5] [--seed 1] [--isolated]
var sizes = new[] { 500, 3_000, 10_000 };
var runs = 5;
var seed = 1;
var isolated = false; // each set alone as well: three more passes per run
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--sizes":
            sizes = args[++i].Split(',').Select(s => int.Parse(s.Replace("_", ""), CultureInfo.InvariantCulture)).ToArray();
            break;
        case "--runs":
            runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--seed":
            seed = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--isolated":
            isolated = true;
            break;
        default:
            Console.Error.WriteLine("usage: Presence.Benchmarks [--sizes 500,3000,10000] [--runs 5] [--seed 1] [--isolated]");
            return 2;
    }
}

var floor = AnalyzerSets.Floor();
var banned = AnalyzerSets.BannedApi();
var presence = AnalyzerSets.Presence();
var all = floor.AddRange(banned).AddRange(presence);
Func<Compilation, AnalyzerOptions> options = compilation => new AnalyzerOptions(ImmutableArray.Create(AnalyzerSets.BannedSymbols(compilation)));

Console.Error.WriteLine($"analyzers: floor 1, BannedApiAnalyzers {banned.Length} ({string.Join(", ", banned.Select(a => a.GetType().Name))}), Presence {presence.Length}");

// Warm-up (JIT, caches of the framework references), not reported.
{
    var warm = CodebaseGenerator.Generate(300, seed + 1, publishable: true);
    var (trees, _) = Measurement.Parse(warm);
    Measurement.Emit(trees, publishable: true);
    await Measurement.AnalyzeAsync(trees, true, all, options);
}

var rows = new List<Row>();
foreach (var size in sizes)
{
    var codebase = CodebaseGenerator.Generate(size, seed, publishable: true);
    var quiet = CodebaseGenerator.Generate(size, seed, publishable: false);
    var samples = new List<Sample>();
    for (var run = 1; run <= runs; run++)
    {
        Collect();
        var (trees, parseMs) = Measurement.Parse(codebase);
        var (emitMs, emitBytes) = Measurement.Emit(trees, publishable: true);
        Collect();
        var together = await Measurement.AnalyzeAsync(trees, true, all, options);

        AnalysisPass? floorAlone = null, bannedAlone = null, presenceAlone = null;
        if (isolated)
        {
            Collect();
            floorAlone = await Measurement.AnalyzeAsync(trees, true, floor, options);
            Collect();
            bannedAlone = await Measurement.AnalyzeAsync(trees, true, banned, options);
            Collect();
            presenceAlone = await Measurement.AnalyzeAsync(trees, true, presence, options);
        }

        Collect();
        var (quietTrees, _) = Measurement.Parse(quiet);
        var quietPass = await Measurement.AnalyzeAsync(quietTrees, false, floor.AddRange(presence), options);

        var sample = new Sample(
            parseMs + emitMs, emitBytes,
            Sum(together, floor), Sum(together, banned), Sum(together, presence), together,
            floorAlone, bannedAlone, presenceAlone,
            Sum(quietPass, floor), Sum(quietPass, presence));
        samples.Add(sample);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{size,6} files, run {run}: compile {sample.CompileMs:F0} ms, floor {sample.FloorMs:F1} ms, BannedApi {sample.BannedMs:F1} ms, Presence {sample.PresenceMs:F1} ms, nothing publishable: Presence {sample.QuietPresenceMs:F1} ms"));
    }

    rows.Add(new Row(size, codebase, samples, Process.GetCurrentProcess().PeakWorkingSet64, presence));
}

Console.WriteLine(Report(rows, runs, seed, isolated));
return 0;

static double Sum(AnalysisPass pass, ImmutableArray<DiagnosticAnalyzer> set) => set.Sum(analyzer => pass.ExecutionMs[analyzer]);

static void Collect()
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
}

static string Report(List<Row> rows, int runs, int seed, bool isolated)
{
    var text = new StringBuilder();
    var inv = CultureInfo.InvariantCulture;
    text.AppendLine(inv, $"Machine: {Environment.ProcessorCount} cores, {CpuModel()}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, Roslyn {typeof(Compilation).Assembly.GetName().Version}, BannedApiAnalyzers {AnalyzerSets.BannedApiVersion}.");
    text.AppendLine(inv, $"Medians of {runs} runs, seed {seed}. Analyzer times are the analyzers' own execution times (CompilationWithAnalyzers, logAnalyzerExecutionTime), all three sets in one concurrent pass; compile = parse + emit to a null stream.");
    text.AppendLine();
    text.AppendLine("| files | publishing files (guarded) | compile | floor | BannedApiAnalyzers | Presence | Presence ÷ floor | Presence ÷ BannedApi | Presence ÷ compile | Presence per file | findings (PRES / RS0030 / floor) |");
    text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    foreach (var row in rows)
    {
        var compile = Measurement.Median(row.Samples.Select(s => s.CompileMs));
        var floor = Measurement.Median(row.Samples.Select(s => s.FloorMs));
        var banned = Measurement.Median(row.Samples.Select(s => s.BannedMs));
        var presence = Measurement.Median(row.Samples.Select(s => s.PresenceMs));
        var findings = row.Samples[0].Together.FindingsById;
        var pres = findings.Where(f => f.Key.StartsWith("PRES", StringComparison.Ordinal)).OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}×{f.Value}");
        text.AppendLine(inv,
            $"| {row.Size:N0} | {row.Codebase.PublishingFiles} ({row.Codebase.GuardedFiles}) | {compile:N0} ms | {floor:N1} ms | {banned:N1} ms | {presence:N1} ms | {presence / floor:F2}× | {presence / banned:F2}× | {100 * presence / compile:F2}% | {1000 * presence / row.Size:F1} µs | {string.Join(" ", pres)} / {findings.GetValueOrDefault("RS0030")} / {findings.GetValueOrDefault("FLOOR001")} |");
    }

    text.AppendLine();
    text.AppendLine("A compilation that references nothing publishable (the same ordinary files; no Presence.Abstractions, no SDK; the framework, HttpClient included):");
    text.AppendLine();
    text.AppendLine("| files | floor | Presence | Presence ÷ floor | Presence per file |");
    text.AppendLine("|---:|---:|---:|---:|---:|");
    foreach (var row in rows)
    {
        var floor = Measurement.Median(row.Samples.Select(s => s.QuietFloorMs));
        var presence = Measurement.Median(row.Samples.Select(s => s.QuietPresenceMs));
        text.AppendLine(inv, $"| {row.Size:N0} | {floor:N1} ms | {presence:N1} ms | {presence / floor:F2}× | {1000 * presence / row.Size:F1} µs |");
    }

    text.AppendLine();
    text.AppendLine("Memory: bytes allocated by the emit and by the analysis pass (all three sets, binding included), and the process's peak working set after each size (sizes run in increasing order; --isolated gives Presence's own allocations):");
    text.AppendLine();
    text.AppendLine("| files | emit allocates | analysis pass allocates | peak working set |");
    text.AppendLine("|---:|---:|---:|---:|");
    foreach (var row in rows)
    {
        double Mb(Func<Sample, long> bytes) => Measurement.Median(row.Samples.Select(s => bytes(s) / 1048576.0));
        text.AppendLine(inv, $"| {row.Size:N0} | {Mb(s => s.EmitBytes):N0} MB | {Mb(s => s.Together.AllocatedBytes):N0} MB | {row.PeakWorkingSet / 1048576.0:N0} MB |");
    }

    if (isolated)
    {
        text.AppendLine();
        text.AppendLine("Each set alone on a fresh compilation (wall-clock of GetAnalyzerDiagnosticsAsync, binding included, and bytes allocated during it):");
        text.AppendLine();
        text.AppendLine("| files | floor alone | BannedApi alone | Presence alone | Presence − floor | allocated: floor alone | Presence alone | Presence − floor |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            double Wall(Func<Sample, AnalysisPass?> pass) => Measurement.Median(row.Samples.Select(s => pass(s)!.WallMs));
            double Mb(Func<Sample, long> bytes) => Measurement.Median(row.Samples.Select(s => bytes(s) / 1048576.0));
            var floorWall = Wall(s => s.FloorAlone);
            var presenceWall = Wall(s => s.PresenceAlone);
            var floorMb = Mb(s => s.FloorAlone!.AllocatedBytes);
            var presenceMb = Mb(s => s.PresenceAlone!.AllocatedBytes);
            text.AppendLine(inv,
                $"| {row.Size:N0} | {floorWall:N0} ms | {Wall(s => s.BannedAlone):N0} ms | {presenceWall:N0} ms | {presenceWall - floorWall:N0} ms | {floorMb:N0} MB | {presenceMb:N0} MB | {presenceMb - floorMb:N0} MB |");
        }
    }

    var largest = rows[^1];
    text.AppendLine();
    text.AppendLine(inv, $"Presence analyzers at {largest.Size:N0} files (median execution time):");
    text.AppendLine();
    text.AppendLine("| analyzer | time |");
    text.AppendLine("|---|---:|");
    foreach (var analyzer in largest.Presence)
    {
        text.AppendLine(inv, $"| {analyzer.GetType().Name} | {Measurement.Median(largest.Samples.Select(s => s.Together.ExecutionMs[analyzer])):N1} ms |");
    }

    return text.ToString();
}

static string CpuModel()
{
    try
    {
        var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line is null ? "unknown CPU" : line[(line.IndexOf(':') + 1)..].Trim();
    }
    catch (IOException)
    {
        return "unknown CPU";
    }
}

internal sealed record Sample(
    double CompileMs,
    long EmitBytes,
    double FloorMs,
    double BannedMs,
    double PresenceMs,
    AnalysisPass Together,
    AnalysisPass? FloorAlone,
    AnalysisPass? BannedAlone,
    AnalysisPass? PresenceAlone,
    double QuietFloorMs,
    double QuietPresenceMs);

internal sealed record Row(int Size, Codebase Codebase, List<Sample> Samples, long PeakWorkingSet, ImmutableArray<DiagnosticAnalyzer> Presence);
