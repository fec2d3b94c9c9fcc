using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Presence.Benchmarks;

/// <summary>
/// Times of one analysis pass: wall-clock of the pass, and each analyzer's own times (<see cref="OwnTime"/>: CPU and
/// wall-clock of its callbacks without the collections, net of the measuring's cost) and as the driver logs it.
/// </summary>
internal sealed record AnalysisPass(
    double WallMs,
    long AllocatedBytes,
    IReadOnlyDictionary<DiagnosticAnalyzer, AnalyzerTimes> Times,
    double GcPauseMs,
    IReadOnlyDictionary<string, int> FindingsById,
    MeasuringCost Cost,
    MeasuringCost SymbolCost)
{
    /// <summary>The own CPU of <paramref name="set"/>'s analyzers in this pass, together.</summary>
    public double CpuOf(IEnumerable<DiagnosticAnalyzer> set) => set.Sum(analyzer => Times[analyzer].CpuMs);
}

/// <summary>
/// The generators on a fresh compilation, and after an edit of one ordinary file: the driver's timing (wall-clock,
/// collections included), and the CPU time of the calling thread the driver runs them on, collections taken out.
/// </summary>
/// <param name="ColdPauseMs">The garbage collector's pauses during the fresh run, which the driver's time includes (the heap is the compilation's).</param>
internal sealed record GeneratorPass(
    double ColdMs, double EditMs, double ColdCpuMs, double EditCpuMs, int GeneratedFiles,
    IReadOnlyDictionary<string, double> ColdMsByGenerator, IReadOnlyDictionary<string, double> EditMsByGenerator, double ColdPauseMs);

/// <summary>One file analysed as the IDE does after an edit: a fresh analysis of that file only (raw own times, the measuring's cost included).</summary>
internal sealed record OpenFileSample(double WallMs, Tally Floor, Tally Presence, Tally ClockCost, Tally FirstLook);

/// <summary>The compile's wall-clock, and its CPU time on every thread less the collections' pauses.</summary>
internal readonly record struct CompileTime(double WallMs, double CpuMs)
{
    public static CompileTime operator +(CompileTime left, CompileTime right) => new(left.WallMs + right.WallMs, left.CpuMs + right.CpuMs);
}

/// <summary>Parsing, compiling and analysing one codebase, the way the compiler does on a build (concurrently).</summary>
internal static class Measurement
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static (ImmutableArray<SyntaxTree> Trees, CompileTime Time) Parse(Codebase codebase)
    {
        var cpu = ProcessCpu.Start();
        var watch = Stopwatch.StartNew();
        var trees = codebase.Files.AsParallel().AsOrdered()
            .Select(file => CSharpSyntaxTree.ParseText(file.Text, ParseOptions, path: file.Path))
            .ToImmutableArray();
        return (trees, new CompileTime(watch.Elapsed.TotalMilliseconds, cpu.StopMs()));
    }

    public static CSharpCompilation Compilation(ImmutableArray<SyntaxTree> trees, bool publishable)
        => CSharpCompilation.Create(
            "Marketing",
            trees,
            publishable ? References.Framework.AddRange(References.Publishing) : References.Framework,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: OptimizationLevel.Release,
                nullableContextOptions: NullableContextOptions.Enable,
                concurrentBuild: true,
                deterministic: true));

    /// <summary>
    /// A fresh compilation with what every compile makes first: its references bound and the declarations of every file
    /// merged. A build's generators, analyzers and compile share these (the compilation the generators' output is added to
    /// keeps both), so whichever step asks first only pays what the compile would have paid anyway; here each step has a
    /// compilation of its own, and the first Presence step to ask (the summary's index, a rule's look-up of a type by
    /// name) was charged the compiler's declarations of the whole codebase.
    /// </summary>
    public static CSharpCompilation Declared(ImmutableArray<SyntaxTree> trees, bool publishable)
    {
        var compilation = Compilation(trees, publishable);
        _ = compilation.SourceModule.ReferencedAssemblySymbols.Length;
        MergeDeclarations(compilation.Assembly.GlobalNamespace);
        return compilation;
    }

    // Every namespace's and type's declarations merged across the files, as the compile's declaration stage merges them
    // to make its symbols: a namespace or type merges its children only when first asked for its members. The merged
    // declarations belong to the files, not to the compilation, so the generators' and the analysis pass's
    // compilations, and the driver's copy, share them (their symbols are their own).
    private static void MergeDeclarations(INamespaceOrTypeSymbol container)
    {
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceOrTypeSymbol nested)
            {
                MergeDeclarations(nested);
            }
        }
    }

    /// <summary>Binds and emits a fresh compilation (to a null stream), as a build does; fails on compile errors.</summary>
    public static (CompileTime Time, long AllocatedBytes) Emit(ImmutableArray<SyntaxTree> trees, bool publishable)
    {
        var compilation = Compilation(trees, publishable);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = ProcessCpu.Start();
        var watch = Stopwatch.StartNew();
        var result = compilation.Emit(Stream.Null);
        var elapsed = new CompileTime(watch.Elapsed.TotalMilliseconds, cpu.StopMs());
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10);
            throw new InvalidOperationException("The generated codebase does not compile:\n" + string.Join("\n", errors));
        }

        return (elapsed, allocated);
    }

    /// <summary>
    /// Runs <paramref name="analyzers"/> over a fresh compilation with concurrent execution and execution-time
    /// logging; an analyzer exception fails the benchmark (it would be an AD0001 in a build).
    /// </summary>
    public static async Task<AnalysisPass> AnalyzeAsync(
        ImmutableArray<SyntaxTree> trees, bool publishable, ImmutableArray<DiagnosticAnalyzer> analyzers, Func<Compilation, AnalyzerOptions> options)
    {
        var compilation = Declared(trees, publishable);
        var failures = new ConcurrentQueue<string>();
        var timed = analyzers.Select(analyzer => new OwnTimeAnalyzer(analyzer)).ToImmutableArray();
        var clockCost = new OwnTimeAnalyzer(new ClockCostAnalyzer());
        var withAnalyzers = compilation.WithAnalyzers(timed.Add(clockCost).CastArray<DiagnosticAnalyzer>(), new CompilationWithAnalyzersOptions(
            options(compilation),
            onAnalyzerException: (exception, analyzer, _) => failures.Enqueue(analyzer.GetType().Name + ": " + exception),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false));

        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var paused = GC.GetTotalPauseDuration();
        var watch = Stopwatch.StartNew();
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
        var elapsed = watch.Elapsed.TotalMilliseconds;
        paused = GC.GetTotalPauseDuration() - paused;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        if (!failures.IsEmpty || diagnostics.Any(d => d.Id == "AD0001"))
        {
            throw new InvalidOperationException("An analyzer failed:\n" + string.Join("\n", failures.Concat(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.ToString()))));
        }

        var cost = MeasuringCost.Of(clockCost.Time.Of("Operation"));
        var times = new Dictionary<DiagnosticAnalyzer, AnalyzerTimes>();
        foreach (var analyzer in timed)
        {
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default).ConfigureAwait(false);
            times[analyzer.Inner] = analyzer.Time.Net(cost) with { DriverMs = telemetry.ExecutionTime.TotalMilliseconds };
        }

        var findings = diagnostics.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count());
        return new AnalysisPass(elapsed, allocated, times, paused.TotalMilliseconds, findings, cost, MeasuringCost.Of(clockCost.Time.Of("Symbol")));
    }

    /// <summary>
    /// Runs <paramref name="generators"/> as a build does (before the analyzers), then once more after an edit that
    /// appends a line to the last file, as an IDE does on a keystroke; a generator exception fails the benchmark.
    /// </summary>
    public static GeneratorPass Generate(ImmutableArray<SyntaxTree> trees, bool publishable, ImmutableArray<IIncrementalGenerator> generators)
    {
        var compilation = Declared(trees, publishable);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            generators.Select(GeneratorExtensions.AsSourceGenerator), parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));
        var pausedBefore = GC.GetTotalPauseDuration();
        // The driver runs the generators on the calling thread (the process's CPU over the run is this thread's).
        var clock = OwnClock.Start();
        driver = driver.RunGenerators(compilation);
        var coldCpu = clock.Stop().CpuNs / 1e6;
        var coldPause = (GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds;
        var cold = driver.GetTimingInfo().ElapsedTime.TotalMilliseconds;
        var coldBy = driver.GetTimingInfo().GeneratorTimes.ToDictionary(t => t.Generator.GetGeneratorType().Name, t => t.ElapsedTime.TotalMilliseconds);
        var result = driver.GetRunResult();
        if (result.Results.Select(r => r.Exception).FirstOrDefault(e => e is not null) is { } failure)
        {
            throw new InvalidOperationException("A generator failed: " + failure);
        }

        var last = trees[^1];
        var text = last.GetText();
        var edited = compilation.ReplaceSyntaxTree(
            last, last.WithChangedText(text.WithChanges(new Microsoft.CodeAnalysis.Text.TextChange(new Microsoft.CodeAnalysis.Text.TextSpan(text.Length, 0), "\n// edited\n"))));
        clock = OwnClock.Start();
        driver = driver.RunGenerators(edited);
        var editCpu = clock.Stop().CpuNs / 1e6;
        var editBy = driver.GetTimingInfo().GeneratorTimes.ToDictionary(t => t.Generator.GetGeneratorType().Name, t => t.ElapsedTime.TotalMilliseconds);
        return new GeneratorPass(
            cold, driver.GetTimingInfo().ElapsedTime.TotalMilliseconds, coldCpu, editCpu, result.GeneratedTrees.Length, coldBy, editBy, coldPause);
    }

    /// <summary>
    /// Open-file analysis: for each of <paramref name="count"/> files spread over the codebase, a fresh
    /// CompilationWithAnalyzers (what an edit gives the IDE: compilation-start actions run again) analyses that one
    /// tree (GetAnalyzerSemanticDiagnosticsAsync); the floor's and Presence's own execution times are read apart, and
    /// the first look at the copy of the compilation is taken by neither (<see cref="FirstLookAnalyzer"/>).
    /// </summary>
    public static async Task<List<OpenFileSample>> AnalyzeOpenFilesAsync(
        ImmutableArray<SyntaxTree> trees, ImmutableArray<DiagnosticAnalyzer> floor, ImmutableArray<DiagnosticAnalyzer> presence,
        Func<Compilation, AnalyzerOptions> options, int count)
    {
        var compilation = Compilation(trees, publishable: true);
        var analyzerOptions = options(compilation);
        var samples = new List<OpenFileSample>();
        for (var i = -1; i < count; i++)
        {
            // The first (not kept) warms the compilation's declarations and the JIT.
            var tree = trees[i < 0 ? 0 : (int)((long)i * trees.Length / count)];
            var failures = new ConcurrentQueue<string>();
            var timedFloor = floor.Select(analyzer => new OwnTimeAnalyzer(analyzer)).ToArray();
            var timedPresence = presence.Select(analyzer => new OwnTimeAnalyzer(analyzer)).ToArray();
            var clockCost = new OwnTimeAnalyzer(new ClockCostAnalyzer());
            var firstLook = new OwnTimeAnalyzer(new FirstLookAnalyzer());
            var withAnalyzers = compilation.WithAnalyzers(timedPresence.Concat(timedFloor).Prepend(firstLook).Append(clockCost).ToImmutableArray<DiagnosticAnalyzer>(), new CompilationWithAnalyzersOptions(
                analyzerOptions,
                onAnalyzerException: (exception, analyzer, _) => failures.Enqueue(analyzer.GetType().Name + ": " + exception),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: true,
                reportSuppressedDiagnostics: false));
            var model = compilation.GetSemanticModel(tree);
            var watch = Stopwatch.StartNew();
            var diagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, default).ConfigureAwait(false);
            var wall = watch.Elapsed.TotalMilliseconds;
            if (!failures.IsEmpty || diagnostics.Any(d => d.Id == "AD0001"))
            {
                throw new InvalidOperationException("An analyzer failed:\n" + string.Join("\n", failures));
            }

            if (i >= 0)
            {
                samples.Add(new OpenFileSample(wall, Tally.Sum(timedFloor.Select(a => a.Time.All())), Tally.Sum(timedPresence.Select(a => a.Time.All())), clockCost.Time.Of("Operation"), firstLook.Time.All()));
            }
        }

        return samples;
    }

    /// <summary>
    /// The process's CPU time (every thread) less the collections' pauses, for the compile, which parses and binds on
    /// several threads: a workstation collection runs on one thread while the others are suspended, so its work is about its
    /// pause, and it is taken out as it is of the analyzers' and the generators' CPU.
    /// </summary>
    private readonly struct ProcessCpu(TimeSpan cpu, TimeSpan paused)
    {
        public static ProcessCpu Start() => new(Environment.CpuUsage.TotalTime, GC.GetTotalPauseDuration());

        public double StopMs() => ((Environment.CpuUsage.TotalTime - cpu) - (GC.GetTotalPauseDuration() - paused)).TotalMilliseconds;
    }

    /// <summary>A full blocking collection before a measured step, so that it does not pay for the garbage of the last.</summary>
    public static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    public static double Percentile(IEnumerable<double> values, double percentile)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percentile * sorted.Length) - 1)];
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
