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

// dotnet run -c Release --project benchmarks/Presence.Benchmarks -- [--sizes 3000,10000] [--runs 3] [--seed 1] [--isolated] [--open-files 200] [--quick]
//   or -- --write DIR [--sizes 3000] [--seed 1]: the codebase as a project on disk, to time dotnet build and presence audit
var sizes = new[] { 3_000, 10_000 };
var runs = 3;
var seed = 1;
var isolated = false; // each set alone as well: four more passes per run
var openFiles = 200;
string? writeTo = null;
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
        case "--open-files":
            openFiles = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--write":
            writeTo = args[++i];
            break;
        case "--quick":
            // For CI: one run at 500 files, open-file analysis on 50 of them.
            sizes = new[] { 500 };
            runs = 1;
            openFiles = 50;
            break;
        default:
            Console.Error.WriteLine("usage: Presence.Benchmarks [--sizes 3000,10000] [--runs 3] [--seed 1] [--isolated] [--open-files 200] [--quick] | --write DIR [--sizes 3000] [--seed 1]");
            return 2;
    }
}

if (writeTo is not null)
{
    var project = ProjectWriter.Write(CodebaseGenerator.Generate(sizes[0], seed, publishable: true), writeTo);
    Console.WriteLine(project);
    return 0;
}

// No background collection: on 2 cores its marking thread takes a core from the analysis threads while they are
// being timed (a 5 GB heap at 10,000 files made the floor's own time swing 40-200 ms); a blocking collection's pause
// is taken out of each analyzer's time instead (OwnTime).
System.Runtime.GCSettings.LatencyMode = System.Runtime.GCLatencyMode.Batch;

var floor = AnalyzerSets.Floor();
var banned = AnalyzerSets.BannedApi();
var presence = AnalyzerSets.Presence();
var generators = AnalyzerSets.Generators();
var all = floor.AddRange(banned).AddRange(presence);
Func<Compilation, AnalyzerOptions> options = compilation => new AnalyzerOptions(ImmutableArray.Create(AnalyzerSets.BannedSymbols(compilation)));
var loadBefore = LoadAverage();

Console.Error.WriteLine($"analyzers: floor 1, BannedApiAnalyzers {banned.Length} ({string.Join(", ", banned.Select(a => a.GetType().Name))}), Presence {presence.Length}; generators: {string.Join(", ", generators.Select(g => g.GetType().Name))}");

// The references' symbols are kept filled for the whole process, by a compilation of each kind held to the end. A
// build's generators, analyzers and compile run on one compilation and fill them once; here each step has a compilation
// of its own, and the compiler keeps a reference's symbols only while a compilation holds them: at each full collection
// they went, and the first step after it filled them again, the generators' fresh run of the first measured run, which
// cost twice the next runs' (whose symbols were held by what the analysis pass before them left alive).
var keptReferences = new[] { true, false }.Select(publishable => Measurement.Compilation(ImmutableArray<SyntaxTree>.Empty, publishable)).ToArray();
foreach (var kept in keptReferences)
{
    _ = kept.SourceModule.ReferencedAssemblySymbols.Length;
}

// Warm-up (JIT, caches of the framework references), not reported: both kinds of compilation, so that the
// nothing-publishable figures do not include compiling the code only that kind runs. Three rounds with a pause after
// each: the runtime recompiles a hot method at its final tier only once no new method has been compiled for a moment,
// which a busy run never gives it, so one round left the first measured run slower than the next (25 s of compile
// against 19 s) by an amount that differed between the compiler and the analyzers.
for (var round = 0; round < 3; round++)
{
    foreach (var publishable in new[] { true, false })
    {
        var warm = CodebaseGenerator.Generate(300, seed + 1 + round, publishable);
        var (trees, _) = Measurement.Parse(warm);
        Measurement.Emit(trees, publishable);
        Measurement.Generate(trees, publishable, generators);
        await Measurement.AnalyzeAsync(trees, publishable, publishable ? all : floor.AddRange(presence), options);
    }

    await Task.Delay(1_000);
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
        var generated = Measurement.Generate(trees, publishable: true, generators);
        Collect();
        var together = await Measurement.AnalyzeAsync(trees, true, all, options);

        AnalysisPass? emptyAlone = null, floorAlone = null, bannedAlone = null, presenceAlone = null;
        if (isolated)
        {
            Collect();
            emptyAlone = await Measurement.AnalyzeAsync(trees, true, AnalyzerSets.Empty(), options);
            Collect();
            floorAlone = await Measurement.AnalyzeAsync(trees, true, floor, options);
            Collect();
            bannedAlone = await Measurement.AnalyzeAsync(trees, true, banned, options);
            Collect();
            presenceAlone = await Measurement.AnalyzeAsync(trees, true, presence, options);
        }

        Collect();
        var (quietTrees, _) = Measurement.Parse(quiet);
        var quietGenerated = Measurement.Generate(quietTrees, publishable: false, generators);
        Collect();
        var quietPass = await Measurement.AnalyzeAsync(quietTrees, false, floor.AddRange(presence), options);

        var sample = new Sample(
            parseMs + emitMs, emitBytes, generated, quietGenerated,
            Sum(together, floor), Sum(together, banned), Sum(together, presence), together,
            emptyAlone, floorAlone, bannedAlone, presenceAlone,
            Sum(quietPass, floor), Sum(quietPass, presence), quietPass);
        samples.Add(sample);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{size,6} files, run {run}: compile {sample.CompileMs:F0} ms, floor {sample.FloorMs:F1} ms, BannedApi {sample.BannedMs:F1} ms, Presence analyzers {sample.PresenceMs:F1} ms + generators {generated.ColdMs:F1} ms (GC pauses in it {generated.ColdPauseMs:F1} ms; after an edit {generated.EditMs:F1} ms), nothing publishable: floor {sample.QuietFloorMs:F1} ms, Presence {sample.QuietPresenceMs:F1} ms + {quietGenerated.ColdMs:F1} ms"));
    }

    rows.Add(new Row(size, codebase, samples, Process.GetCurrentProcess().PeakWorkingSet64, floor, presence));
}

List<OpenFileSample>? open = null;
var openSize = sizes.Contains(3_000) ? 3_000 : sizes[0];
if (openFiles > 0)
{
    Collect();
    var (trees, _) = Measurement.Parse(CodebaseGenerator.Generate(openSize, seed, publishable: true));
    open = await Measurement.AnalyzeOpenFilesAsync(trees, floor, presence, options, openFiles);
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"open files at {openSize} files: floor p50 {Measurement.Percentile(open.Select(o => o.FloorMs), 0.5):F2} ms, Presence p50 {Measurement.Percentile(open.Select(o => o.PresenceMs), 0.5):F2} ms"));
}

Console.WriteLine(Report(rows, runs, seed, isolated, open, openSize, loadBefore, LoadAverage()));
GC.KeepAlive(keptReferences);
return 0;

static double Sum(AnalysisPass pass, ImmutableArray<DiagnosticAnalyzer> set) => SumOf(pass.ExecutionMs, set);

static double SumOf(IReadOnlyDictionary<DiagnosticAnalyzer, double> times, ImmutableArray<DiagnosticAnalyzer> set) => set.Sum(analyzer => times[analyzer]);

static void Collect()
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
}

static string Report(List<Row> rows, int runs, int seed, bool isolated, List<OpenFileSample>? open, int openSize, string loadBefore, string loadAfter)
{
    var text = new StringBuilder();
    var inv = CultureInfo.InvariantCulture;
    text.AppendLine(inv, $"Machine: {Environment.ProcessorCount} cores, {CpuModel()}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, Roslyn {typeof(Compilation).Assembly.GetName().Version}, BannedApiAnalyzers {AnalyzerSets.BannedApiVersion}. Load average (1, 5, 15 min) before: {loadBefore}; after: {loadAfter}.");
    text.AppendLine(inv, $"Medians of {runs} run(s), seed {seed}. Analyzer times are each analyzer's own: the wall-clock of its callbacks with the garbage collector's pauses taken out, all sets in one concurrent pass (the driver's own log, logAnalyzerExecutionTime, charges a callback every pause it overlaps; its ratio is given beside); generator times are the generator driver's, on the same compilation before the analyzers (as a build runs them); compile = parse + emit to a null stream. Presence = every Presence analyzer + every generator.");
    text.AppendLine();
    text.AppendLine("| files | publishing files (guarded) | compile | floor | BannedApiAnalyzers | Presence analyzers | generators | Presence | Presence ÷ floor (range) | driver's times: Presence ÷ floor | Presence ÷ compile | Presence ÷ BannedApi | GC pauses in the pass | findings (PRES / RS0030 / floor) |");
    text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    foreach (var row in rows)
    {
        var compile = Median(row, s => s.CompileMs);
        var floor = Median(row, s => s.FloorMs);
        var banned = Median(row, s => s.BannedMs);
        var analyzers = Median(row, s => s.PresenceMs);
        var generators = Median(row, s => s.Generated.ColdMs);
        var total = Median(row, s => s.PresenceMs + s.Generated.ColdMs);
        var ratios = row.Samples.Select(s => (s.PresenceMs + s.Generated.ColdMs) / s.FloorMs).ToList();
        var driverRatio = Median(row, s => (SumOf(s.Together.DriverMs, row.Presence) + s.Generated.ColdMs) / SumOf(s.Together.DriverMs, row.Floor));
        var findings = row.Samples[0].Together.FindingsById;
        var pres = findings.Where(f => f.Key.StartsWith("PRES", StringComparison.Ordinal)).OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}×{f.Value}");
        text.AppendLine(inv,
            $"| {row.Size:N0} | {row.Codebase.PublishingFiles} ({row.Codebase.GuardedFiles}) | {compile:N0} ms | {floor:N1} ms | {banned:N1} ms | {analyzers:N1} ms | {generators:N1} ms | {total:N1} ms | {Measurement.Median(ratios):F2}× ({ratios.Min():F2}–{ratios.Max():F2}) | {driverRatio:F2}× | {100 * total / compile:F2}% | {total / banned:F2}× | {Median(row, s => s.Together.GcPauseMs):N0} ms | {string.Join(" ", pres)} / {findings.GetValueOrDefault("RS0030")} / {findings.GetValueOrDefault("FLOOR001")} |");
    }

    text.AppendLine();
    text.AppendLine("The generators alone (no `[GeneratePublisherGate]` in the code): on a fresh compilation, and again after an edit of one file (what an IDE keystroke costs):");
    text.AppendLine();
    text.AppendLine("| files | fresh | GC pauses in the fresh run | after an edit | nothing publishable: fresh | after an edit | files generated |");
    text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var row in rows)
    {
        text.AppendLine(inv,
            $"| {row.Size:N0} | {Median(row, s => s.Generated.ColdMs):N2} ms | {Median(row, s => s.Generated.ColdPauseMs):N1} ms | {Median(row, s => s.Generated.EditMs):N2} ms | {Median(row, s => s.QuietGenerated.ColdMs):N2} ms | {Median(row, s => s.QuietGenerated.EditMs):N2} ms | {row.Samples[0].Generated.GeneratedFiles} |");
    }

    text.AppendLine();
    text.AppendLine("Each generator (fresh / after an edit; publishing codebase, then nothing publishable):");
    text.AppendLine();
    text.AppendLine("| files | generator | fresh | after an edit | nothing publishable: fresh | after an edit |");
    text.AppendLine("|---:|---|---:|---:|---:|---:|");
    foreach (var row in rows)
    {
        foreach (var name in row.Samples[0].Generated.ColdMsByGenerator.Keys.Order(StringComparer.Ordinal))
        {
            text.AppendLine(inv,
                $"| {row.Size:N0} | {name} | {Median(row, s => s.Generated.ColdMsByGenerator[name]):N2} ms | {Median(row, s => s.Generated.EditMsByGenerator[name]):N2} ms | {Median(row, s => s.QuietGenerated.ColdMsByGenerator[name]):N2} ms | {Median(row, s => s.QuietGenerated.EditMsByGenerator[name]):N2} ms |");
        }
    }

    text.AppendLine();
    text.AppendLine("A compilation that references nothing publishable (the same ordinary files; no Presence.Abstractions, no SDK; the framework, HttpClient included):");
    text.AppendLine();
    text.AppendLine("| files | floor | Presence analyzers | generators | Presence ÷ floor (range) |");
    text.AppendLine("|---:|---:|---:|---:|---:|");
    foreach (var row in rows)
    {
        var floor = Median(row, s => s.QuietFloorMs);
        var ratios = row.Samples.Select(s => (s.QuietPresenceMs + s.QuietGenerated.ColdMs) / s.QuietFloorMs).ToList();
        text.AppendLine(inv, $"| {row.Size:N0} | {floor:N1} ms | {Median(row, s => s.QuietPresenceMs):N1} ms | {Median(row, s => s.QuietGenerated.ColdMs):N2} ms | {Measurement.Median(ratios):F2}× ({ratios.Min():F2}–{ratios.Max():F2}) |");
    }

    foreach (var row in rows)
    {
        text.AppendLine();
        text.AppendLine(inv, $"Each Presence analyzer at {row.Size:N0} files (median execution time in the concurrent pass, and ÷ the floor of the same pass):");
        text.AppendLine();
        text.AppendLine("| analyzer | publishing codebase | ÷ floor | nothing publishable | ÷ floor |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var analyzer in row.Presence)
        {
            var ms = Median(row, s => s.Together.ExecutionMs[analyzer]);
            var ratio = Median(row, s => s.Together.ExecutionMs[analyzer] / s.FloorMs);
            var quietMs = Median(row, s => s.Quiet.ExecutionMs[analyzer]);
            var quietRatio = Median(row, s => s.Quiet.ExecutionMs[analyzer] / s.QuietFloorMs);
            text.AppendLine(inv, $"| {analyzer.GetType().Name} | {ms:N2} ms | {ratio:F3}× | {quietMs:N2} ms | {quietRatio:F3}× |");
        }

        // Where the time of the costly ones goes: an operation action includes whatever it does for the body it is in.
        var costly = row.Presence.Where(analyzer => Median(row, s => s.Together.ExecutionMs[analyzer]) >= 1.0).ToList();
        if (costly.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(inv, $"Where their time goes at {row.Size:N0} files, by kind of callback (publishing codebase, median; the Presence analyzers of 1 ms or more):");
            text.AppendLine();
            text.AppendLine("| analyzer | kind of callback | own time | share |");
            text.AppendLine("|---|---|---:|---:|");
            foreach (var analyzer in costly)
            {
                var total = Median(row, s => s.Together.ExecutionMs[analyzer]);
                var kinds = row.Samples.SelectMany(s => s.Together.ExecutionMsByKind[analyzer].Keys).Distinct(StringComparer.Ordinal);
                foreach (var (kind, ms) in kinds
                    .Select(kind => (kind, Median(row, s => s.Together.ExecutionMsByKind[analyzer].GetValueOrDefault(kind))))
                    .Where(k => k.Item2 >= 0.05)
                    .OrderByDescending(k => k.Item2))
                {
                    text.AppendLine(inv, $"| {analyzer.GetType().Name} | {kind} | {ms:N2} ms | {100 * ms / total:F0}% |");
                }
            }
        }
    }

    if (open is not null)
    {
        text.AppendLine();
        text.AppendLine(inv, $"Open-file analysis at {openSize:N0} files: one file analysed alone by a fresh CompilationWithAnalyzers (GetAnalyzerSemanticDiagnosticsAsync for its tree, compilation-start actions included), {open.Count} files spread over the codebase:");
        text.AppendLine();
        text.AppendLine("| | p50 | p95 | max |");
        text.AppendLine("|---|---:|---:|---:|");
        text.AppendLine(inv, $"| floor | {Measurement.Percentile(open.Select(o => o.FloorMs), 0.5):N3} ms | {Measurement.Percentile(open.Select(o => o.FloorMs), 0.95):N3} ms | {open.Max(o => o.FloorMs):N3} ms |");
        text.AppendLine(inv, $"| Presence analyzers | {Measurement.Percentile(open.Select(o => o.PresenceMs), 0.5):N3} ms | {Measurement.Percentile(open.Select(o => o.PresenceMs), 0.95):N3} ms | {open.Max(o => o.PresenceMs):N3} ms |");
        text.AppendLine(inv, $"| Presence ÷ floor, per file | {Measurement.Percentile(open.Select(o => o.PresenceMs / o.FloorMs), 0.5):F2}× | {Measurement.Percentile(open.Select(o => o.PresenceMs / o.FloorMs), 0.95):F2}× | |");
        text.AppendLine(inv, $"| wall-clock (binding the file included) | {Measurement.Percentile(open.Select(o => o.WallMs), 0.5):N1} ms | {Measurement.Percentile(open.Select(o => o.WallMs), 0.95):N1} ms | {open.Max(o => o.WallMs):N1} ms |");
    }

    text.AppendLine();
    text.AppendLine("Memory: bytes allocated by the emit and by the analysis pass (all sets, binding included), and the process's peak working set after each size (sizes run in increasing order):");
    text.AppendLine();
    text.AppendLine("| files | emit allocates | analysis pass allocates | peak working set |");
    text.AppendLine("|---:|---:|---:|---:|");
    foreach (var row in rows)
    {
        text.AppendLine(inv, $"| {row.Size:N0} | {Median(row, s => s.EmitBytes / 1048576.0):N0} MB | {Median(row, s => s.Together.AllocatedBytes / 1048576.0):N0} MB | {row.PeakWorkingSet / 1048576.0:N0} MB |");
    }

    if (isolated)
    {
        text.AppendLine();
        text.AppendLine("Each set alone on a fresh compilation: wall-clock of GetAnalyzerDiagnosticsAsync (binding included) and bytes allocated during it. \"Own\" allocations are those beyond a pass with an analyzer that registers nothing (binding, the driver):");
        text.AppendLine();
        text.AppendLine("| files | nothing registered | floor alone | BannedApi alone | Presence alone | allocated: nothing registered | floor's own | Presence's own | Presence's own ÷ floor's own |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            double Wall(Func<Sample, AnalysisPass?> pass) => Median(row, s => pass(s)!.WallMs);
            var empty = Median(row, s => s.EmptyAlone!.AllocatedBytes / 1048576.0);
            var floorOwn = Median(row, s => (s.FloorAlone!.AllocatedBytes - s.EmptyAlone!.AllocatedBytes) / 1048576.0);
            var presenceOwn = Median(row, s => (s.PresenceAlone!.AllocatedBytes - s.EmptyAlone!.AllocatedBytes) / 1048576.0);
            text.AppendLine(inv,
                $"| {row.Size:N0} | {Wall(s => s.EmptyAlone):N0} ms | {Wall(s => s.FloorAlone):N0} ms | {Wall(s => s.BannedAlone):N0} ms | {Wall(s => s.PresenceAlone):N0} ms | {empty:N0} MB | {floorOwn:N1} MB | {presenceOwn:N1} MB | {presenceOwn / floorOwn:F2}× |");
        }
    }

    return text.ToString();
}

static double Median(Row row, Func<Sample, double> value) => Measurement.Median(row.Samples.Select(value));

static string LoadAverage()
{
    try
    {
        return string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
    }
    catch (IOException)
    {
        return "unknown";
    }
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
    GeneratorPass Generated,
    GeneratorPass QuietGenerated,
    double FloorMs,
    double BannedMs,
    double PresenceMs,
    AnalysisPass Together,
    AnalysisPass? EmptyAlone,
    AnalysisPass? FloorAlone,
    AnalysisPass? BannedAlone,
    AnalysisPass? PresenceAlone,
    double QuietFloorMs,
    double QuietPresenceMs,
    AnalysisPass Quiet);

internal sealed record Row(int Size, Codebase Codebase, List<Sample> Samples, long PeakWorkingSet, ImmutableArray<DiagnosticAnalyzer> Floor, ImmutableArray<DiagnosticAnalyzer> Presence);
