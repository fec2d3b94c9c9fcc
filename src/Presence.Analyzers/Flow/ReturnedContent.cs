using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Presence.Analyzers.Model;

namespace Presence.Analyzers.Flow
{
    /// <summary>
    /// Which methods of the compilation return machine-written text nobody reviewed: a helper that asks a language
    /// model and returns the answer, through any number of such helpers (PRES008 across methods). Decided on demand,
    /// only for a method whose result reaches a publish call's argument, and remembered for the compilation.
    /// </summary>
    /// <remarks>
    /// Bounded: a chain of helpers is followed <see cref="MaxChain"/> deep, and a recursive chain counts as not
    /// machine-written. Methods of referenced assemblies are answered by their summaries (<see cref="MachineWriters"/>).
    /// </remarks>
    internal sealed class ReturnedContent
    {
        private const int MaxChain = 8;

        private static readonly ConditionalWeakTable<PresenceModel, ReturnedContent> ByModel = new ConditionalWeakTable<PresenceModel, ReturnedContent>();

        [System.ThreadStatic]
        private static HashSet<IMethodSymbol>? t_inProgress;

        /// <summary>True while a helper is being decided on this thread (whatever depends on it is not final).</summary>
        public static bool IsComputing => t_inProgress is { Count: > 0 };

        private readonly ConcurrentDictionary<IMethodSymbol, bool> _returns = new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);

        /// <summary>True when <paramref name="invocation"/> calls a method of this compilation that returns machine-written text.</summary>
        public static bool IsMachineWritten(PresenceModel model, IInvocationOperation invocation, CancellationToken cancellationToken)
        {
            var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
            return !method.ReturnsVoid && method.DeclaringSyntaxReferences.Length > 0
                && Returns(model, model.Compilation, method.OriginalDefinition, cancellationToken);
        }

        /// <summary>True when the source method <paramref name="method"/> returns machine-written text.</summary>
        public static bool Returns(PresenceModel model, Compilation compilation, IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (model.MachineWriters is null || method.ReturnsVoid)
            {
                return false;
            }

            var cache = ByModel.GetValue(model, _ => new ReturnedContent())._returns;
            if (cache.TryGetValue(method, out var known))
            {
                return known;
            }

            var inProgress = t_inProgress ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            if (inProgress.Count >= MaxChain || !inProgress.Add(method))
            {
                return false;
            }

            try
            {
                var result = Compute(model, compilation, method, cancellationToken);
                // Only a chain that ended by itself is remembered: one cut by the bound may answer otherwise from elsewhere,
                // and one that read a field table still being computed may be incomplete.
                if (inProgress.Count == 1 && !StoredContent.IsComputing)
                {
                    cache.TryAdd(method, result);
                }

                return result;
            }
            finally
            {
                inProgress.Remove(method);
            }
        }

        private readonly ConcurrentDictionary<IMethodSymbol, bool> _constant = new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);

        /// <summary>
        /// True when <paramref name="invocation"/> calls a method of this compilation whose every return is a constant
        /// (a template chosen by its arguments): what it returns is not machine-written, whatever it is given.
        /// </summary>
        public static bool ReturnsOnlyConstants(PresenceModel model, IInvocationOperation invocation, CancellationToken cancellationToken)
        {
            var method = (invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod).OriginalDefinition;
            if (method.ReturnsVoid || method.DeclaringSyntaxReferences.Length != 1
                || !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, model.Compilation.Assembly))
            {
                return false;
            }

            var cache = ByModel.GetValue(model, _ => new ReturnedContent())._constant;
            if (cache.TryGetValue(method, out var known))
            {
                return known;
            }

            var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            var result = false;
            if (model.Compilation.ContainsSyntaxTree(syntax.SyntaxTree))
            {
#pragma warning disable RS1030 // Only helpers given machine-written text are bound here, once each.
                var body = model.Compilation.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax, cancellationToken);
#pragma warning restore RS1030
                result = body is IMethodBodyOperation or IBlockOperation { Parent: null } && OnlyConstantReturns(body);
            }

            cache.TryAdd(method, result);
            return result;
        }

        private static bool OnlyConstantReturns(IOperation body)
        {
            var any = false;
            foreach (var operation in body.DescendantsAndSelf())
            {
                if (operation is IReturnOperation returned && !InNestedFunction(returned, body))
                {
                    // An iterator's yields, and a constant-free return, each make the result not a fixed choice.
                    if (returned.Kind != OperationKind.Return || !IsConstant(returned.ReturnedValue))
                    {
                        return false;
                    }

                    any = true;
                }
            }

            return any;
        }

        private static bool InNestedFunction(IOperation operation, IOperation body)
        {
            for (var parent = operation.Parent; parent is not null && parent != body; parent = parent.Parent)
            {
                if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsConstant(IOperation? value)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            return value switch
            {
                null => false,
                { ConstantValue.HasValue: true } => true,
                IConditionalOperation conditional => IsConstant(conditional.WhenTrue) && IsConstant(conditional.WhenFalse),
                ISwitchExpressionOperation @switch => AllArmsConstant(@switch),
                _ => false,
            };
        }

        private static bool AllArmsConstant(ISwitchExpressionOperation @switch)
        {
            foreach (var arm in @switch.Arms)
            {
                if (!IsConstant(arm.Value))
                {
                    return false;
                }
            }

            return @switch.Arms.Length > 0;
        }

        private static bool Compute(PresenceModel model, Compilation compilation, IMethodSymbol method, CancellationToken cancellationToken)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(cancellationToken);
                if (!compilation.ContainsSyntaxTree(syntax.SyntaxTree))
                {
                    continue;
                }

#pragma warning disable RS1030 // Only the few helpers whose result reaches a publish call are bound here, once each.
                var semanticModel = compilation.GetSemanticModel(syntax.SyntaxTree);
#pragma warning restore RS1030
                var graph = semanticModel.GetOperation(syntax, cancellationToken) switch
                {
                    IMethodBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
                    IBlockOperation { Parent: null } block => ControlFlowGraph.Create(block, cancellationToken),
                    _ => null,
                };

                if (graph is not null && ConfirmationFlowAnalysis.ReturnsMachineWritten(graph, model, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
