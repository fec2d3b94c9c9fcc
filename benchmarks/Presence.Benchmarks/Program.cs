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
//   or -- --compare FOLDER [--sizes 3000] [--runs 8] [--seed 1]: this build against another build's Presence.Analyzers.dll
//   and Presence.Generators.dll in FOLDER, in the same process and the same passes
//   or -- --write DIR [--sizes 3000] [--seed 1]: the codebase as a project on disk, to time dotnet build and presence audit
var sizes = new[] { 3_000, 10_000 };
var runs = 3;
var seed = 1;
var isolated = false; // each set alone as well: four more passes per run
var openFiles = 200;
string? writeTo = null;
string? compareWith = null;
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
        case "--compare":
            compareWith = args[++i];
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
            Console.Error.WriteLine("usage: Presence.Benchmarks [--sizes 3000,10000] [--runs 3] [--seed 1] [--isolated] [--open-files 200] [--quick] | --compare FOLDER [--sizes 3000] [--runs 8] [--seed 1] | --write DIR [--sizes 3000] [--seed 1]");
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
// Presence first and the floor last: the first analyzer to look at a body pays for bringing its operations and symbols
// into the caches, and the later ones are spared it (a build compared with itself came out 1.3-1.6x first and
// 0.65-0.85x second). With the floor first, its ratios erred low by about a third; this way they err high if at all.
var all = presence.AddRange(banned).AddRange(floor);
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
        await Measurement.AnalyzeAsync(trees, publishable, publishable ? all : presence.AddRange(floor), options);
    }

    await Task.Delay(1_000);
}

if (compareWith is not null)
{
    var comparison = await Comparison.RunAsync(sizes, runs, seed, compareWith, floor, presence, generators, options);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Machine: {Environment.ProcessorCount} cores, {CpuModel()}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, Roslyn {typeof(Compilation).Assembly.GetName().Version}. Load average (1, 5, 15 min) before: {loadBefore}; after: {LoadAverage()}."));
    Console.WriteLine();
    Console.Write(comparison);
    GC.KeepAlive(keptReferences);
    return 0;
}

var rows = new List<Row>();
foreach (var size in sizes)
{
    var codebase = CodebaseGenerator.Generate(size, seed, publishable: true);
    var quiet = CodebaseGenerator.Generate(size, seed, publishable: false);
    var samples = new List<Sample>();
    for (var run = 1; run <= runs; run++)
    {
        Measurement.Collect();
        var (trees, parseTime) = Measurement.Parse(codebase);
        var (emitTime, emitBytes) = Measurement.Emit(trees, publishable: true);
        Measurement.Collect();
        var generated = Measurement.Generate(trees, publishable: true, generators);
        Measurement.Collect();
        var together = await Measurement.AnalyzeAsync(trees, true, all, options);

        AnalysisPass? emptyAlone = null, floorAlone = null, bannedAlone = null, presenceAlone = null;
        if (isolated)
        {
            Measurement.Collect();
            emptyAlone = await Measurement.AnalyzeAsync(trees, true, AnalyzerSets.Empty(), options);
            Measurement.Collect();
            floorAlone = await Measurement.AnalyzeAsync(trees, true, floor, options);
            Measurement.Collect();
            bannedAlone = await Measurement.AnalyzeAsync(trees, true, banned, options);
            Measurement.Collect();
            presenceAlone = await Measurement.AnalyzeAsync(trees, true, presence, options);
        }

        Measurement.Collect();
        var (quietTrees, _) = Measurement.Parse(quiet);
        var quietGenerated = Measurement.Generate(quietTrees, publishable: false, generators);
        Measurement.Collect();
        var quietPass = await Measurement.AnalyzeAsync(quietTrees, false, presence.AddRange(floor), options);

        var sample = new Sample(
            parseTime + emitTime, emitBytes, generated, quietGenerated, together,
            emptyAlone, floorAlone, bannedAlone, presenceAlone, quietPass);
        samples.Add(sample);
        // CPU first, then wall-clock less pauses in brackets.
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{size,6} files, run {run}: compile {sample.Compile.CpuMs:F0} ({sample.Compile.WallMs:F0}) ms, floor {Cpu(together, floor):F1} ({Wall(together, floor):F1}) ms in {floor.Sum(a => together.Times[a].Callbacks)} callbacks, BannedApi {Cpu(together, banned):F1} ({Wall(together, banned):F1}) ms, Presence analyzers {Cpu(together, presence):F1} ({Wall(together, presence):F1}) ms + generators {generated.ColdCpuMs:F1} ({generated.ColdMs:F1}) ms (GC pauses in it {generated.ColdPauseMs:F1} ms; after an edit {generated.EditCpuMs:F1} ({generated.EditMs:F1}) ms), nothing publishable: floor {Cpu(quietPass, floor):F1} ({Wall(quietPass, floor):F1}) ms, Presence {Cpu(quietPass, presence):F1} ({Wall(quietPass, presence):F1}) ms + {quietGenerated.ColdCpuMs:F1} ({quietGenerated.ColdMs:F1}) ms; measuring {together.Cost.CpuNsPerCallback:F0} ({together.Cost.WallNsPerCallback:F0}) ns per callback, {together.SymbolCost.CpuNsPerCallback:F0} ({together.SymbolCost.WallNsPerCallback:F0}) ns per symbol callback"));
    }

    rows.Add(new Row(size, codebase, samples, Process.GetCurrentProcess().PeakWorkingSet64, floor, banned, presence));
}

List<OpenFileSample>? open = null;
var openSize = sizes.Contains(3_000) ? 3_000 : sizes[0];
if (openFiles > 0)
{
    Measurement.Collect();
    var (trees, _) = Measurement.Parse(CodebaseGenerator.Generate(openSize, seed, publishable: true));
    open = await Measurement.AnalyzeOpenFilesAsync(trees, floor, presence, options, openFiles);
    var cost = OpenFileCost(open);
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"open files at {openSize} files: floor p50 {Measurement.Percentile(open.Select(o => cost.NetCpuMs(o.Floor)), 0.5):F3} ms, Presence p50 {Measurement.Percentile(open.Select(o => cost.NetCpuMs(o.Presence)), 0.5):F3} ms"));
}

Console.WriteLine(Report(rows, runs, seed, isolated, open, openSize, loadBefore, LoadAverage()));
GC.KeepAlive(keptReferences);
return 0;

static double Cpu(AnalysisPass pass, ImmutableArray<DiagnosticAnalyzer> set) => pass.CpuOf(set);

static double Wall(AnalysisPass pass, ImmutableArray<DiagnosticAnalyzer> set) => set.Sum(analyzer => pass.Times[analyzer].WallMs);

static double Driver(AnalysisPass pass, ImmutableArray<DiagnosticAnalyzer> set) => set.Sum(analyzer => pass.Times[analyzer].DriverMs);

// One cost for all the open files: each file's few dozen callbacks would give a noisy one of its own.
static MeasuringCost OpenFileCost(List<OpenFileSample> open) => MeasuringCost.Of(Tally.Sum(open.Select(o => o.ClockCost)));

static string Report(List<Row> rows, int runs, int seed, bool isolated, List<OpenFileSample>? open, int openSize, string loadBefore, string loadAfter)
{
    var text = new StringBuilder();
    var inv = CultureInfo.InvariantCulture;
    var samples = rows.SelectMany(row => row.Samples).ToList();
    text.AppendLine(inv, $"Machine: {Environment.ProcessorCount} cores, {CpuModel()}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, Roslyn {typeof(Compilation).Assembly.GetName().Version}, BannedApiAnalyzers {AnalyzerSets.BannedApiVersion}. Load average (1, 5, 15 min) before: {loadBefore}; after: {loadAfter}.");
    text.AppendLine(inv, $"Medians of {runs} run(s), seed {seed}. Analyzer times are each analyzer's own, all sets in one concurrent pass: {OwnClock.Describe} of its callbacks; \"wall\" = their wall-clock; both without the garbage collector's work, and net of what measuring a callback costs (median {Measurement.Median(samples.Select(s => s.Together.Cost.CpuNsPerCallback)):F0} ns of CPU, {Measurement.Median(samples.Select(s => s.Together.Cost.WallNsPerCallback)):F0} ns of wall-clock, read from an analyzer whose operation action on invocations does nothing; its symbol action, which does nothing either, measured {Measurement.Median(samples.Select(s => s.Together.SymbolCost.CpuNsPerCallback)):F0} ns of CPU: how far the cost moves with what ran before the callback). The driver's own log (logAnalyzerExecutionTime: wall-clock, every pause a callback overlaps included) gives the ratio beside. Generators: the CPU of the thread the driver runs them on, and the driver's wall-clock, on the same compilation before the analyzers (as a build runs them). Compile = parse + emit to a null stream, on several threads: its CPU is the process's, less the collections' pauses. Presence = every Presence analyzer + every generator.");
    text.AppendLine();
    text.AppendLine("| files | publishing files (guarded) | compile CPU (wall) | floor | BannedApiAnalyzers | Presence analyzers | generators | Presence | Presence ÷ floor (range) | wall: Presence ÷ floor (range) | driver's times: Presence ÷ floor | Presence ÷ compile (wall) | Presence ÷ BannedApi | GC pauses in the pass | findings (PRES / RS0030 / floor) |");
    text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    foreach (var row in rows)
    {
        var findings = row.Samples[0].Together.FindingsById;
        var pres = findings.Where(f => f.Key.StartsWith("PRES", StringComparison.Ordinal)).OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}×{f.Value}");
        var total = Median(row, s => PresenceCpu(row, s));
        text.AppendLine(inv,
            $"| {row.Size:N0} | {row.Codebase.PublishingFiles} ({row.Codebase.GuardedFiles}) | {Median(row, s => s.Compile.CpuMs):N0} ({Median(row, s => s.Compile.WallMs):N0}) ms | {Median(row, s => Cpu(s.Together, row.Floor)):N1} ms | {Median(row, s => Cpu(s.Together, row.Banned)):N1} ms | {Median(row, s => Cpu(s.Together, row.Presence)):N1} ms | {Median(row, s => s.Generated.ColdCpuMs):N1} ms | {total:N1} ms | {Ratios(row, s => PresenceCpu(row, s) / Cpu(s.Together, row.Floor))} | {Ratios(row, s => PresenceWall(row, s) / Wall(s.Together, row.Floor))} | {Median(row, s => (Driver(s.Together, row.Presence) + s.Generated.ColdMs) / Driver(s.Together, row.Floor)):F2}× | {100 * Median(row, s => PresenceCpu(row, s) / s.Compile.CpuMs):F2}% ({100 * Median(row, s => PresenceWall(row, s) / s.Compile.WallMs):F2}%) | {total / Median(row, s => Cpu(s.Together, row.Banned)):F2}× | {Median(row, s => s.Together.GcPauseMs):N0} ms | {string.Join(" ", pres)} / {findings.GetValueOrDefault("RS0030")} / {findings.GetValueOrDefault("FLOOR001")} |");
    }

    if (OwnClock.IsThreadCpu)
    {
        text.AppendLine();
        text.AppendLine(inv, $"Collection work taken out of the analyzers' CPU (a collection runs on the thread that triggers it), median per pass: {string.Join(", ", rows.Select(row => string.Create(inv, $"{Median(row, s => s.Together.Times.Values.Sum(t => t.CollectionCpuMs)):N1} ms at {row.Size:N0} files")))}.");
    }

    text.AppendLine();
    text.AppendLine("The generators alone (no `[GeneratePublisherGate]` in the code): on a fresh compilation, and again after an edit of one file (what an IDE keystroke costs); CPU of the calling thread, the driver's wall-clock in brackets:");
    text.AppendLine();
    text.AppendLine("| files | fresh | GC pauses in the fresh run | after an edit | nothing publishable: fresh | after an edit | files generated |");
    text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var row in rows)
    {
        text.AppendLine(inv,
            $"| {row.Size:N0} | {Median(row, s => s.Generated.ColdCpuMs):N2} ({Median(row, s => s.Generated.ColdMs):N2}) ms | {Median(row, s => s.Generated.ColdPauseMs):N1} ms | {Median(row, s => s.Generated.EditCpuMs):N2} ({Median(row, s => s.Generated.EditMs):N2}) ms | {Median(row, s => s.QuietGenerated.ColdCpuMs):N2} ({Median(row, s => s.QuietGenerated.ColdMs):N2}) ms | {Median(row, s => s.QuietGenerated.EditCpuMs):N2} ({Median(row, s => s.QuietGenerated.EditMs):N2}) ms | {row.Samples[0].Generated.GeneratedFiles} |");
    }

    text.AppendLine();
    text.AppendLine("Each generator (the driver's wall-clock, which it keeps per generator; the CPU clock times the whole run; fresh / after an edit; publishing codebase, then nothing publishable):");
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
    text.AppendLine("| files | floor | Presence analyzers | generators | Presence ÷ floor (range) | wall: Presence ÷ floor (range) |");
    text.AppendLine("|---:|---:|---:|---:|---:|---:|");
    foreach (var row in rows)
    {
        text.AppendLine(inv,
            $"| {row.Size:N0} | {Median(row, s => Cpu(s.Quiet, row.Floor)):N1} ms | {Median(row, s => Cpu(s.Quiet, row.Presence)):N1} ms | {Median(row, s => s.QuietGenerated.ColdCpuMs):N2} ms | {Ratios(row, s => (Cpu(s.Quiet, row.Presence) + s.QuietGenerated.ColdCpuMs) / Cpu(s.Quiet, row.Floor))} | {Ratios(row, s => (Wall(s.Quiet, row.Presence) + s.QuietGenerated.ColdMs) / Wall(s.Quiet, row.Floor))} |");
    }

    foreach (var row in rows)
    {
        text.AppendLine();
        text.AppendLine(inv, $"Each Presence analyzer at {row.Size:N0} files (median own CPU in the concurrent pass, and ÷ the floor of the same pass; its wall-clock beside):");
        text.AppendLine();
        text.AppendLine("| analyzer | publishing codebase | ÷ floor | wall | nothing publishable | ÷ floor |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var analyzer in row.Presence)
        {
            text.AppendLine(inv,
                $"| {analyzer.GetType().Name} | {Median(row, s => s.Together.Times[analyzer].CpuMs):N2} ms | {Median(row, s => s.Together.Times[analyzer].CpuMs / Cpu(s.Together, row.Floor)):F3}× | {Median(row, s => s.Together.Times[analyzer].WallMs):N2} ms | {Median(row, s => s.Quiet.Times[analyzer].CpuMs):N2} ms | {Median(row, s => s.Quiet.Times[analyzer].CpuMs / Cpu(s.Quiet, row.Floor)):F3}× |");
        }

        // Where the time of the costly ones goes: an operation action includes whatever it does for the body it is in.
        var costly = row.Presence.Where(analyzer => Median(row, s => s.Together.Times[analyzer].CpuMs) >= 1.0
            || Median(row, s => s.Together.Times[analyzer].AllocatedBytes / 1048576.0) >= 1.0).ToList();
        if (costly.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(inv, $"Where their time and allocations go at {row.Size:N0} files, by kind of callback (publishing codebase, median; the Presence analyzers of 1 ms of CPU or 1 MB allocated or more; what the callbacks allocate on their own thread, not what the driver allocates for them):");
            text.AppendLine();
            text.AppendLine("| analyzer | kind of callback | callbacks | own CPU | share | wall | allocated |");
            text.AppendLine("|---|---|---:|---:|---:|---:|---:|");
            foreach (var analyzer in costly)
            {
                var total = Median(row, s => s.Together.Times[analyzer].CpuMs);
                KindTimes? Kind(Sample s, string kind) => s.Together.Times[analyzer].ByKind.GetValueOrDefault(kind);
                var kinds = row.Samples.SelectMany(s => s.Together.Times[analyzer].ByKind.Keys).Distinct(StringComparer.Ordinal);
                foreach (var (kind, ms, mb) in kinds
                    .Select(kind => (kind, Median(row, s => Kind(s, kind)?.CpuMs ?? 0), Median(row, s => (Kind(s, kind)?.AllocatedBytes ?? 0) / 1048576.0)))
                    .Where(k => k.Item2 >= 0.05 || k.Item3 >= 0.05)
                    .OrderByDescending(k => k.Item2))
                {
                    text.AppendLine(inv,
                        $"| {analyzer.GetType().Name} | {kind} | {Median(row, s => Kind(s, kind)?.Callbacks ?? 0):N0} | {ms:N2} ms | {(total > 0 ? 100 * ms / total : 0):F0}% | {Median(row, s => Kind(s, kind)?.WallMs ?? 0):N2} ms | {mb:N1} MB |");
                }
            }
        }
    }

    if (open is not null)
    {
        var cost = OpenFileCost(open);
        var floorCpu = open.Select(o => cost.NetCpuMs(o.Floor)).ToList();
        var presenceCpu = open.Select(o => cost.NetCpuMs(o.Presence)).ToList();
        var cpuRatio = open.Select(o => cost.NetCpuMs(o.Presence) / cost.NetCpuMs(o.Floor)).ToList();
        var wallRatio = open.Select(o => cost.NetWallMs(o.Presence) / cost.NetWallMs(o.Floor)).ToList();
        text.AppendLine();
        text.AppendLine(inv, $"Open-file analysis at {openSize:N0} files: one file analysed alone by a fresh CompilationWithAnalyzers (GetAnalyzerSemanticDiagnosticsAsync for its tree, compilation-start actions included), {open.Count} files spread over the codebase; own CPU per file, net of {cost.CpuNsPerCallback:F0} ns of measuring per callback. The first look at the compilation's copy (its source assembly and global namespace, built by whichever analyzer first looks up a type) is taken before both by an analyzer that does only that, and shown on its own:");
        text.AppendLine();
        text.AppendLine("| | p50 | p95 | max | wall: p50 |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        text.AppendLine(inv, $"| floor | {Measurement.Percentile(floorCpu, 0.5):N3} ms | {Measurement.Percentile(floorCpu, 0.95):N3} ms | {floorCpu.Max():N3} ms | {Measurement.Percentile(open.Select(o => cost.NetWallMs(o.Floor)), 0.5):N3} ms |");
        text.AppendLine(inv, $"| Presence analyzers | {Measurement.Percentile(presenceCpu, 0.5):N3} ms | {Measurement.Percentile(presenceCpu, 0.95):N3} ms | {presenceCpu.Max():N3} ms | {Measurement.Percentile(open.Select(o => cost.NetWallMs(o.Presence)), 0.5):N3} ms |");
        text.AppendLine(inv, $"| Presence ÷ floor, per file | {Measurement.Percentile(cpuRatio, 0.5):F2}× | {Measurement.Percentile(cpuRatio, 0.95):F2}× | | {Measurement.Percentile(wallRatio, 0.5):F2}× |");
        var firstLook = open.Select(o => MeasuringCost.None.NetCpuMs(o.FirstLook)).ToList();
        text.AppendLine(inv, $"| first look at the copy (neither's) | {Measurement.Percentile(firstLook, 0.5):N3} ms | {Measurement.Percentile(firstLook, 0.95):N3} ms | {firstLook.Max():N3} ms | |");
        text.AppendLine(inv, $"| wall-clock of the file's analysis (binding it included) | {Measurement.Percentile(open.Select(o => o.WallMs), 0.5):N1} ms | {Measurement.Percentile(open.Select(o => o.WallMs), 0.95):N1} ms | {open.Max(o => o.WallMs):N1} ms | |");
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
        text.AppendLine("Each set alone on a fresh compilation: wall-clock of GetAnalyzerDiagnosticsAsync (binding included) and bytes allocated during it. Every pass also runs the measuring analyzer, whose invocation action does nothing, so every pass binds every body: the baseline is that pass alone, and \"own\" allocations are what each set adds to the binding and the driver (the floor's own is then its work alone):");
        text.AppendLine();
        text.AppendLine("| files | baseline (binding) | floor alone | BannedApi alone | Presence alone | allocated: baseline | floor's own | Presence's own | of which in its callbacks | Presence's own ÷ floor's own |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            double PassWall(Func<Sample, AnalysisPass?> pass) => Median(row, s => pass(s)!.WallMs);
            var empty = Median(row, s => s.EmptyAlone!.AllocatedBytes / 1048576.0);
            var floorOwn = Median(row, s => (s.FloorAlone!.AllocatedBytes - s.EmptyAlone!.AllocatedBytes) / 1048576.0);
            var presenceOwn = Median(row, s => (s.PresenceAlone!.AllocatedBytes - s.EmptyAlone!.AllocatedBytes) / 1048576.0);
            // The rest of the own allocations is the driver's, for the actions Presence registers.
            var inCallbacks = Median(row, s => row.Presence.Sum(analyzer => s.PresenceAlone!.Times[analyzer].AllocatedBytes) / 1048576.0);
            text.AppendLine(inv,
                $"| {row.Size:N0} | {PassWall(s => s.EmptyAlone):N0} ms | {PassWall(s => s.FloorAlone):N0} ms | {PassWall(s => s.BannedAlone):N0} ms | {PassWall(s => s.PresenceAlone):N0} ms | {empty:N0} MB | {floorOwn:N1} MB | {presenceOwn:N1} MB | {inCallbacks:N1} MB | {presenceOwn / floorOwn:F2}× |");
        }
    }

    return text.ToString();
}

// Presence in total on each measure: every analyzer's own time in the pass, and the generators' fresh run.
static double PresenceCpu(Row row, Sample s) => Cpu(s.Together, row.Presence) + s.Generated.ColdCpuMs;

static double PresenceWall(Row row, Sample s) => Wall(s.Together, row.Presence) + s.Generated.ColdMs;

static string Ratios(Row row, Func<Sample, double> ratio)
{
    var ratios = row.Samples.Select(ratio).ToList();
    return string.Create(CultureInfo.InvariantCulture, $"{Measurement.Median(ratios):F2}× ({ratios.Min():F2}–{ratios.Max():F2})");
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
    CompileTime Compile,
    long EmitBytes,
    GeneratorPass Generated,
    GeneratorPass QuietGenerated,
    AnalysisPass Together,
    AnalysisPass? EmptyAlone,
    AnalysisPass? FloorAlone,
    AnalysisPass? BannedAlone,
    AnalysisPass? PresenceAlone,
    AnalysisPass Quiet);

internal sealed record Row(
    int Size, Codebase Codebase, List<Sample> Samples, long PeakWorkingSet,
    ImmutableArray<DiagnosticAnalyzer> Floor, ImmutableArray<DiagnosticAnalyzer> Banned, ImmutableArray<DiagnosticAnalyzer> Presence);
