using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

// A wrapper, not an analyzer of its own: the driver sees the wrapped analyzer's registrations and settings. The
// public constructors of the start contexts are obsolete (the driver's own are internal); what they leave unset
// (a block-start context's control-flow graph, a symbol-start context's filter tree) no analyzer the
// benchmark runs reads from a start context.
#pragma warning disable RS1001, RS1012, RS1025, RS1026, CS0618

namespace Presence.Benchmarks;

/// <summary>
/// An analyzer's own time, by kind of callback, on two measures (<see cref="OwnClock"/>): the CPU time of the thread
/// that ran each callback, and its wall-clock; both without the collections' work. The driver's execution time is the
/// wall-clock of each callback, so a callback that is running when a collection stops every thread is charged the
/// whole pause, and one whose thread waits for a core is charged the wait: which analyzer either lands on is chance.
/// </summary>
internal sealed class OwnTime
{
    private readonly ConcurrentDictionary<string, Tally> _byKind = new(StringComparer.Ordinal);

    public void Run<T>(string kind, Action<T> action, T context) => Run(Kind(kind), action, context);

    public Action<T> Wrap<T>(string kind, Action<T> action)
    {
        var tally = Kind(kind);
        return context => Run(tally, action, context);
    }

    /// <summary>The times so far, less <paramref name="cost"/> per callback: what the measuring itself took.</summary>
    public AnalyzerTimes Net(MeasuringCost cost)
    {
        var byKind = _byKind.ToDictionary(
            pair => pair.Key,
            pair => new KindTimes(cost.NetCpuMs(pair.Value), cost.NetWallMs(pair.Value), pair.Value.Callbacks, pair.Value.AllocatedBytes),
            StringComparer.Ordinal);
        return new AnalyzerTimes(
            byKind.Values.Sum(kind => kind.CpuMs), byKind.Values.Sum(kind => kind.WallMs), byKind.Values.Sum(kind => kind.Callbacks),
            _byKind.Values.Sum(tally => tally.CollectionCpuNs) / 1e6, byKind.Values.Sum(kind => kind.AllocatedBytes), byKind);
    }

    /// <summary>The raw sums of one kind of callback, the measuring's cost included.</summary>
    public Tally Of(string kind) => Kind(kind);

    /// <summary>The raw sums of every kind.</summary>
    public Tally All() => Tally.Sum(_byKind.Values);

    private Tally Kind(string kind) => _byKind.GetOrAdd(kind, static _ => new Tally());

    private static void Run<T>(Tally tally, Action<T> action, T context)
    {
        var clock = OwnClock.Start();
        try
        {
            action(context);
        }
        finally
        {
            tally.Add(clock.Stop());
        }
    }
}

/// <summary>Sums of measured spans, added to from every analysis thread.</summary>
internal sealed class Tally
{
    private long _cpuNs;
    private long _wallNs;
    private long _collectionCpuNs;
    private long _callbacks;
    private long _allocatedBytes;

    public long CpuNs => Interlocked.Read(ref _cpuNs);

    public long WallNs => Interlocked.Read(ref _wallNs);

    public long CollectionCpuNs => Interlocked.Read(ref _collectionCpuNs);

    public long Callbacks => Interlocked.Read(ref _callbacks);

    public long AllocatedBytes => Interlocked.Read(ref _allocatedBytes);

    public static Tally Sum(IEnumerable<Tally> tallies)
    {
        var sum = new Tally();
        foreach (var tally in tallies)
        {
            sum._cpuNs += tally.CpuNs;
            sum._wallNs += tally.WallNs;
            sum._collectionCpuNs += tally.CollectionCpuNs;
            sum._callbacks += tally.Callbacks;
            sum._allocatedBytes += tally.AllocatedBytes;
        }

        return sum;
    }

    public void Add(OwnSpan span)
    {
        Interlocked.Add(ref _cpuNs, span.CpuNs);
        Interlocked.Add(ref _wallNs, span.WallNs);
        if (span.CollectionCpuNs != 0)
        {
            Interlocked.Add(ref _collectionCpuNs, span.CollectionCpuNs);
        }

        if (span.AllocatedBytes != 0)
        {
            Interlocked.Add(ref _allocatedBytes, span.AllocatedBytes);
        }

        Interlocked.Increment(ref _callbacks);
    }
}

/// <summary>
/// What measuring one callback costs on each measure: the two clocks' reads land inside every measured callback. Read
/// from <see cref="ClockCostAnalyzer"/>, whose callbacks do nothing, in the same pass.
/// </summary>
internal sealed record MeasuringCost(double CpuNsPerCallback, double WallNsPerCallback)
{
    public static MeasuringCost None { get; } = new(0, 0);

    public static MeasuringCost Of(Tally empty)
        => empty.Callbacks == 0 ? None : new((double)empty.CpuNs / empty.Callbacks, (double)empty.WallNs / empty.Callbacks);

    public double NetCpuMs(Tally tally) => Math.Max(0, tally.CpuNs - tally.Callbacks * CpuNsPerCallback) / 1e6;

    public double NetWallMs(Tally tally) => Math.Max(0, tally.WallNs - tally.Callbacks * WallNsPerCallback) / 1e6;
}

/// <summary>One analyzer's own times in one pass, net of the measuring's cost; the driver's log is added by the pass.</summary>
internal sealed record AnalyzerTimes(double CpuMs, double WallMs, long Callbacks, double CollectionCpuMs, long AllocatedBytes, IReadOnlyDictionary<string, KindTimes> ByKind)
{
    public double DriverMs { get; init; }
}

internal sealed record KindTimes(double CpuMs, double WallMs, long Callbacks, long AllocatedBytes);

/// <summary>Runs an analyzer unchanged, timing each of its callbacks with <see cref="OwnTime"/>.</summary>
internal sealed class OwnTimeAnalyzer : DiagnosticAnalyzer
{
    public OwnTimeAnalyzer(DiagnosticAnalyzer inner)
    {
        Inner = inner;
    }

    public DiagnosticAnalyzer Inner { get; }

    public OwnTime Time { get; } = new();

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Inner.SupportedDiagnostics;

    public override void Initialize(AnalysisContext context) => Time.Run("Initialize", Inner.Initialize, (AnalysisContext)new TimedAnalysisContext(context, Time));

    private sealed class TimedAnalysisContext(AnalysisContext inner, OwnTime time) : AnalysisContext
    {
        public override void EnableConcurrentExecution() => inner.EnableConcurrentExecution();

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => inner.ConfigureGeneratedCodeAnalysis(analysisMode);

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action)
            => inner.RegisterCompilationStartAction(start => time.Run("CompilationStart", action, (CompilationStartAnalysisContext)new TimedCompilationStartContext(start, time)));

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => inner.RegisterCompilationAction(time.Wrap("Compilation", action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => inner.RegisterSemanticModelAction(time.Wrap("SemanticModel", action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => inner.RegisterSymbolAction(time.Wrap("Symbol", action), symbolKinds);

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind)
            => inner.RegisterSymbolStartAction(start => time.Run("SymbolStart", action, (SymbolStartAnalysisContext)new TimedSymbolStartContext(start, time)), symbolKind);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action)
            => inner.RegisterCodeBlockStartAction<TLanguageKindEnum>(time.Wrap("CodeBlockStart", action));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => inner.RegisterCodeBlockAction(time.Wrap("CodeBlock", action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => inner.RegisterSyntaxTreeAction(time.Wrap("SyntaxTree", action));

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => inner.RegisterAdditionalFileAction(time.Wrap("AdditionalFile", action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
            => inner.RegisterSyntaxNodeAction(time.Wrap("SyntaxNode", action), syntaxKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action)
            => inner.RegisterOperationBlockStartAction(start => time.Run("OperationBlockStart", action, (OperationBlockStartAnalysisContext)new TimedOperationBlockStartContext(start, time)));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => inner.RegisterOperationBlockAction(time.Wrap("OperationBlock", action));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => inner.RegisterOperationAction(time.Wrap("Operation", action), operationKinds);
    }

    private sealed class TimedCompilationStartContext(CompilationStartAnalysisContext inner, OwnTime time)
        : CompilationStartAnalysisContext(inner.Compilation, inner.Options, inner.CancellationToken)
    {
        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => inner.RegisterCompilationEndAction(time.Wrap("CompilationEnd", action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => inner.RegisterSemanticModelAction(time.Wrap("SemanticModel", action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => inner.RegisterSymbolAction(time.Wrap("Symbol", action), symbolKinds);

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind)
            => inner.RegisterSymbolStartAction(start => time.Run("SymbolStart", action, (SymbolStartAnalysisContext)new TimedSymbolStartContext(start, time)), symbolKind);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action)
            => inner.RegisterCodeBlockStartAction<TLanguageKindEnum>(time.Wrap("CodeBlockStart", action));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => inner.RegisterCodeBlockAction(time.Wrap("CodeBlock", action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => inner.RegisterSyntaxTreeAction(time.Wrap("SyntaxTree", action));

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => inner.RegisterAdditionalFileAction(time.Wrap("AdditionalFile", action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
            => inner.RegisterSyntaxNodeAction(time.Wrap("SyntaxNode", action), syntaxKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action)
            => inner.RegisterOperationBlockStartAction(start => time.Run("OperationBlockStart", action, (OperationBlockStartAnalysisContext)new TimedOperationBlockStartContext(start, time)));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => inner.RegisterOperationBlockAction(time.Wrap("OperationBlock", action));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => inner.RegisterOperationAction(time.Wrap("Operation", action), operationKinds);
    }

    private sealed class TimedSymbolStartContext(SymbolStartAnalysisContext inner, OwnTime time)
        : SymbolStartAnalysisContext(inner.Symbol, inner.Compilation, inner.Options, inner.CancellationToken)
    {
        public override void RegisterSymbolEndAction(Action<SymbolAnalysisContext> action) => inner.RegisterSymbolEndAction(time.Wrap("SymbolEnd", action));

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action)
            => inner.RegisterCodeBlockStartAction<TLanguageKindEnum>(time.Wrap("CodeBlockStart", action));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => inner.RegisterCodeBlockAction(time.Wrap("CodeBlock", action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
            => inner.RegisterSyntaxNodeAction(time.Wrap("SyntaxNode", action), syntaxKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action)
            => inner.RegisterOperationBlockStartAction(start => time.Run("OperationBlockStart", action, (OperationBlockStartAnalysisContext)new TimedOperationBlockStartContext(start, time)));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => inner.RegisterOperationBlockAction(time.Wrap("OperationBlock", action));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => inner.RegisterOperationAction(time.Wrap("Operation", action), operationKinds);
    }

    private sealed class TimedOperationBlockStartContext(OperationBlockStartAnalysisContext inner, OwnTime time)
        : OperationBlockStartAnalysisContext(inner.OperationBlocks, inner.OwningSymbol, inner.Compilation, inner.Options, inner.CancellationToken)
    {
        public override void RegisterOperationBlockEndAction(Action<OperationBlockAnalysisContext> action) => inner.RegisterOperationBlockEndAction(time.Wrap("OperationBlockEnd", action));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => inner.RegisterOperationAction(time.Wrap("Operation", action), operationKinds);
    }
}
