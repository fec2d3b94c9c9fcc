using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Collections.Immutable;
using System.Diagnostics;
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
/// An analyzer's own time with the garbage collector's pauses taken out. The driver's execution time is the
/// wall-clock of each callback, so a callback that is running when a collection stops every thread is charged the
/// whole pause: the binding of the other analysis threads allocates gigabytes, and which analyzer a pause lands on
/// is chance, which made the same analyzer's time swing several-fold between runs. Every callback of the wrapped
/// analyzer is timed here with the pauses that began and ended inside it subtracted.
/// </summary>
internal sealed class OwnTime
{
    private readonly ConcurrentDictionary<string, StrongBox<long>> _byKind = new(StringComparer.Ordinal);
    private long _ticks;
    private long _callbacks;

    public double Milliseconds => Interlocked.Read(ref _ticks) * 1000.0 / Stopwatch.Frequency;

    public long Callbacks => Interlocked.Read(ref _callbacks);

    /// <summary>The own time by kind of callback (an operation action, a symbol start, compilation end...).</summary>
    public IReadOnlyDictionary<string, double> MillisecondsByKind
        => _byKind.ToDictionary(pair => pair.Key, pair => Interlocked.Read(ref pair.Value.Value) * 1000.0 / Stopwatch.Frequency, StringComparer.Ordinal);

    public void Run<T>(string kind, Action<T> action, T context) => Run(Kind(kind), action, context);

    public Action<T> Wrap<T>(string kind, Action<T> action)
    {
        var ticks = Kind(kind);
        return context => Run(ticks, action, context);
    }

    private StrongBox<long> Kind(string kind) => _byKind.GetOrAdd(kind, static _ => new StrongBox<long>());

    private void Run<T>(StrongBox<long> kindTicks, Action<T> action, T context)
    {
        var pausedBefore = GC.GetTotalPauseDuration();
        var start = Stopwatch.GetTimestamp();
        try
        {
            action(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetTimestamp() - start;
            var paused = (GC.GetTotalPauseDuration() - pausedBefore).Ticks * Stopwatch.Frequency / TimeSpan.TicksPerSecond;
            var own = Math.Max(0, elapsed - paused);
            Interlocked.Add(ref _ticks, own);
            Interlocked.Add(ref kindTicks.Value, own);
            Interlocked.Increment(ref _callbacks);
        }
    }
}

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
