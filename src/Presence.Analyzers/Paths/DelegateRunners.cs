using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Presence.Analyzers.Catalog;

namespace Presence.Analyzers.Paths
{
    /// <summary>
    /// Methods of the compilation that run a delegate they are given with nobody deciding: a scheduling helper
    /// <c>Every(TimeSpan period, Func&lt;Task&gt; work)</c> whose body invokes <c>work</c> in a loop that sleeps and runs
    /// until stopped, or hands it to a timer or scheduler (<see cref="EntryPoints.Registrations"/>). What a caller passes
    /// for such a parameter is a callback of the helper, an unattended entry point like a timer's. Decided by what the
    /// body does with the parameter, never by the helper's name: a helper that invokes its delegate once (a retry
    /// wrapper, a stopwatch around it) runs nothing unattended. An expression parameter counts the same way when the
    /// helper hands it to Hangfire (<c>Recurring&lt;TJob&gt;(id, Expression&lt;Func&lt;TJob, Task&gt;&gt; call, cron) =&gt;
    /// RecurringJob.AddOrUpdate(id, call, cron)</c>); one it only reads (logs it, compiles it and runs it once, filters a
    /// query with it) runs nothing.
    /// </summary>
    /// <remarks>
    /// Asked only of source methods with a delegate (or expression) parameter, once each (cached): the body is read as syntax for the
    /// name of a sleep, a timer or a scheduler first, and bound only when it has one.
    /// </remarks>
    internal sealed class DelegateRunners
    {
        // A body that runs a delegate unattended names one of these: a sleep in a loop, or a registration EntryPoints knows.
        private static readonly HashSet<string> Names = new HashSet<string>(System.StringComparer.Ordinal)
        {
            "Delay", "Sleep", "WaitForNextTickAsync", "Timer", "CreateTimer", "Elapsed", "Register",
            "AddOrUpdate", "Enqueue", "Schedule", "ScheduleAsync", "QueueTask", "QueueAsyncTask", "ContinueJobWith",
        };

        // What a method runs, by parameter ordinal: the reason ("Scheduler.Every callback") and whether it runs later
        // than the call (a loop, a timer, a recurring or far-scheduled job: a yes given before the call is stale by then).
        private sealed class Runs
        {
            public static readonly Runs None = new Runs(new string?[0], new bool[0]);

            public Runs(string?[] reasons, bool[] later)
            {
                Reasons = reasons;
                Later = later;
            }

            public string?[] Reasons { get; }

            public bool[] Later { get; }
        }

        private readonly Compilation _compilation;
        private readonly EntryPoints _entryPoints;
        private readonly ConcurrentDictionary<IMethodSymbol, Runs> _methods = new ConcurrentDictionary<IMethodSymbol, Runs>(SymbolEqualityComparer.Default);

        // Helpers handing their delegate to another helper are read one inside the other; a cycle ends here.
        [System.ThreadStatic]
        private static int s_depth;

        public DelegateRunners(Compilation compilation, EntryPoints entryPoints)
        {
            _compilation = compilation;
            _entryPoints = entryPoints;
        }

        /// <summary>
        /// A cheap test on the method alone: declared in source with a parameter of a delegate type. Asked of calls of
        /// the compilation's own methods; most have no delegate parameter.
        /// </summary>
        public static bool MayRun(IMethodSymbol method)
        {
            var parameters = method.Parameters;
            if (parameters.Length == 0 || method.MethodKind is not (MethodKind.Ordinary or MethodKind.Constructor))
            {
                return false;
            }

            foreach (var parameter in parameters)
            {
                if (IsRunnable(parameter.Type))
                {
                    return method.DeclaringSyntaxReferences.Length > 0;
                }
            }

            return false;
        }

        /// <summary>
        /// A delegate, or an expression of one (<c>Expression&lt;Func&lt;TJob, Task&gt;&gt;</c>) that a helper hands to
        /// Hangfire: what a caller passes for it is code the helper can have run.
        /// </summary>
        public static bool IsRunnable(ITypeSymbol type)
            => type.TypeKind == TypeKind.Delegate || IsExpressionOfDelegate(type);

        /// <summary><c>System.Linq.Expressions.Expression&lt;TDelegate&gt;</c>: by name first.</summary>
        public static bool IsExpressionOfDelegate(ITypeSymbol type)
            => type is INamedTypeSymbol { Name: "Expression", Arity: 1 } expression
               && expression.TypeArguments[0].TypeKind == TypeKind.Delegate
               && MetadataNames.IsInNamespace(expression, "System.Linq.Expressions");

        /// <summary>True when the method runs a delegate parameter unattended (see <see cref="ReasonFor"/>).</summary>
        public bool RunsAny(IMethodSymbol method)
        {
            foreach (var reason in Of(method).Reasons)
            {
                if (reason is not null)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// "Scheduler.Every callback" when <paramref name="method"/> runs what is passed for <paramref name="parameter"/>
        /// unattended; null otherwise.
        /// </summary>
        public string? ReasonFor(IMethodSymbol method, IParameterSymbol parameter)
        {
            var reasons = Of(method).Reasons;
            return parameter.Ordinal < reasons.Length ? reasons[parameter.Ordinal] : null;
        }

        /// <summary>
        /// True when <paramref name="callback"/> (a lambda or method group) is an argument of a method of the compilation
        /// that runs it later than the call: in a loop that sleeps until stopped, on a timer, as a recurring Hangfire job
        /// or one scheduled far ahead (<see cref="Flow.DeferredRuns.RunsLater"/> inside the helper). A job the helper
        /// enqueues runs now.
        /// </summary>
        public bool RunsLater(IOperation callback)
        {
            var current = callback.Parent;
            while (current is IDelegateCreationOperation or IConversionOperation)
            {
                current = current.Parent;
            }

            if (current is not IArgumentOperation { Parameter: { } parameter } argument)
            {
                return false;
            }

            var method = argument.Parent switch
            {
                IInvocationOperation invocation => invocation.TargetMethod,
                IObjectCreationOperation creation => creation.Constructor,
                _ => null,
            };
            if (method is null || !MayRun(method))
            {
                return false;
            }

            var later = Of(method).Later;
            return parameter.Ordinal < later.Length && later[parameter.Ordinal];
        }

        private Runs Of(IMethodSymbol method)
        {
            method = method.OriginalDefinition;
            if (_methods.TryGetValue(method, out var known))
            {
                return known;
            }

            if (s_depth > 3)
            {
                return Runs.None;
            }

            s_depth++;
            try
            {
                var found = Compute(method);
                _methods.TryAdd(method, found);
                return found;
            }
            finally
            {
                s_depth--;
            }
        }

        private Runs Compute(IMethodSymbol method)
        {
            if (!MayRun(method))
            {
                return Runs.None;
            }

            string?[]? reasons = null;
            bool[]? later = null;
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax();
                if (!_compilation.ContainsSyntaxTree(syntax.SyntaxTree) || !NamesRunner(syntax, method))
                {
                    continue;
                }

#pragma warning disable RS1030 // Only for a method with a delegate parameter whose body names a sleep, a timer or a scheduler, once.
                var body = _compilation.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax);
#pragma warning restore RS1030
                if (body is null)
                {
                    continue;
                }

                foreach (var operation in body.DescendantsAndSelf())
                {
                    if (operation is IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke } invoke
                        && ParameterOf(invoke.Instance, method) is { } invoked && RunsUntilStopped(invoke))
                    {
                        Set(ref reasons, ref later, method, invoked, runsLater: true);
                    }

                    if (operation.Kind is OperationKind.Invocation or OperationKind.ObjectCreation or OperationKind.EventAssignment)
                    {
                        foreach (var (callback, kind, _) in _entryPoints.Registrations(operation))
                        {
                            if (kind == EntryKind.Unattended)
                            {
                                var runsLater = Flow.DeferredRuns.RunsLater(callback) || RunsLater(callback);
                                foreach (var parameter in ParametersRunBy(callback, method))
                                {
                                    Set(ref reasons, ref later, method, parameter, runsLater);
                                }
                            }
                        }
                    }
                }
            }

            return reasons is null ? Runs.None : new Runs(reasons, later!);
        }

        private static void Set(ref string?[]? reasons, ref bool[]? later, IMethodSymbol method, IParameterSymbol parameter, bool runsLater)
        {
            (reasons ??= new string?[method.Parameters.Length])[parameter.Ordinal] = CallGraph.NameOf(method) + " callback";
            (later ??= new bool[method.Parameters.Length])[parameter.Ordinal] |= runsLater;
        }

        // The syntax names a sleep, a timer or a scheduler, or hands a delegate parameter on as an argument (to another
        // helper): without one the body can run nothing unattended.
        private static bool NamesRunner(SyntaxNode syntax, IMethodSymbol method)
        {
            foreach (var node in syntax.DescendantNodes())
            {
                if (node is IdentifierNameSyntax name
                    && (Names.Contains(name.Identifier.ValueText) || (name.Parent is ArgumentSyntax && IsDelegateParameter(method, name.Identifier.ValueText))))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsDelegateParameter(IMethodSymbol method, string name)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Name == name && IsRunnable(parameter.Type))
                {
                    return true;
                }
            }

            return false;
        }

        // work(), work.Invoke(), work?.Invoke(): the delegate parameter of the method invoked.
        private static IParameterSymbol? ParameterOf(IOperation? instance, IMethodSymbol method)
        {
            if (instance is IConditionalAccessInstanceOperation)
            {
                for (var current = instance.Parent; current is not null; current = current.Parent)
                {
                    if (current is IConditionalAccessOperation access)
                    {
                        instance = access.Operation;
                        break;
                    }
                }
            }

            while (instance is IConversionOperation conversion)
            {
                instance = conversion.Operand;
            }

            return instance is IParameterReferenceOperation { Parameter: var parameter }
                   && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol.OriginalDefinition, method)
                   && IsRunnable(parameter.Type)
                ? parameter
                : null;
        }

        // The invocation is inside a loop that sleeps and runs until stopped, and never leaves it early (a retry returns).
        private static bool RunsUntilStopped(IOperation invocation)
        {
            for (var current = invocation.Parent; current is not null; current = current.Parent)
            {
                if (current is ILoopOperation loop && EntryPoints.IsDaemonLoop(loop))
                {
                    return true;
                }
            }

            return false;
        }

        // A registration's callback: the parameter itself (new Timer(callback, …)), or a lambda that invokes it
        // (new Timer(_ => work(), …), timer.Elapsed += async (_, _) => await work()).
        private static IEnumerable<IParameterSymbol> ParametersRunBy(IOperation callback, IMethodSymbol method)
        {
            var value = callback;
            while (value is IConversionOperation or IDelegateCreationOperation)
            {
                value = value is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)value).Target;
            }

            if (ParameterOf(value, method) is { } direct)
            {
                yield return direct;
            }
            else if (value is IAnonymousFunctionOperation lambda)
            {
                foreach (var operation in lambda.Body.Descendants())
                {
                    if (operation is IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke } invoke && ParameterOf(invoke.Instance, method) is { } invoked)
                    {
                        yield return invoked;
                    }
                }
            }
        }
    }
}
