using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Presence.Analyzers.Model;

namespace Presence.Analyzers.Flow
{
    /// <summary>
    /// Small helpers of the compilation that test an answer (<c>static bool IsYes(ReviewOutcome o) =&gt; o == ReviewOutcome.Approved;</c>):
    /// a method or local function that cannot be overridden, returns bool, and whose body is one return of a test of
    /// its parameters, built only from comparisons, patterns, <c>!</c>, <c>&amp;&amp;</c>, <c>||</c>, constants, properties
    /// and the Equals and HasFlag calls. The flow analysis reads a call of one as that test written at the call; anything
    /// larger is not followed. Bound once per method and compilation, and only for a call given an answer.
    /// </summary>
    internal static class AnswerHelpers
    {
        private static readonly ConditionalWeakTable<PresenceModel, ConcurrentDictionary<IMethodSymbol, IOperation?>> ByModel
            = new ConditionalWeakTable<PresenceModel, ConcurrentDictionary<IMethodSymbol, IOperation?>>();

        /// <summary>True when a call of <paramref name="method"/> may be such a helper, judged without binding anything.</summary>
        public static bool MayBeHelper(IMethodSymbol method)
            => method.ReturnType.SpecialType == SpecialType.System_Boolean && method.Parameters.Length > 0
               && method.DeclaringSyntaxReferences.Length == 1 && !method.IsVirtual && !method.IsAbstract && !method.IsOverride && !method.IsExtern
               && method.MethodKind is MethodKind.Ordinary or MethodKind.LocalFunction;

        /// <summary>The test <paramref name="method"/> returns (its parameters are those of its original definition), or null when it is not such a helper.</summary>
        public static IOperation? TestReturnedBy(PresenceModel model, IMethodSymbol method, CancellationToken cancellationToken)
        {
            var cache = ByModel.GetValue(model, _ => new ConcurrentDictionary<IMethodSymbol, IOperation?>(SymbolEqualityComparer.Default));
            if (cache.TryGetValue(method, out var known))
            {
                return known;
            }

            var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            IOperation? test = null;
            if (model.Compilation.ContainsSyntaxTree(syntax.SyntaxTree))
            {
#pragma warning disable RS1030 // Only helpers given an answer are bound here, once each.
                var declaration = model.Compilation.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax, cancellationToken);
#pragma warning restore RS1030
                var body = declaration switch
                {
                    IMethodBodyOperation { BlockBody: null, ExpressionBody: { } expression } => expression,
                    IMethodBodyOperation { BlockBody: { } block, ExpressionBody: null } => block,
                    ILocalFunctionOperation { Body: { } block, IgnoredBody: null } => block,
                    _ => null,
                };

                if (body is { Operations.Length: 1 } && body.Operations[0] is IReturnOperation { Kind: OperationKind.Return, ReturnedValue: { } returned }
                    && IsTestOfParameters(returned))
                {
                    test = returned;
                }
            }

            return cache.GetOrAdd(method, test);
        }

        private static bool IsTestOfParameters(IOperation returned)
        {
            var readsParameter = false;
            foreach (var operation in returned.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IParameterReferenceOperation:
                        readsParameter = true;
                        break;
                    case IInvocationOperation { TargetMethod.Name: "Equals" or "HasFlag" }:
                    case IBinaryOperation { OperatorMethod: null }:
                    case IUnaryOperation { OperatorMethod: null }:
                    case IConversionOperation { OperatorMethod: null }:
                    case IIsPatternOperation or IPatternOperation or IPropertySubpatternOperation:
                    case IPropertyReferenceOperation or IFieldReferenceOperation or IArgumentOperation or ILiteralOperation:
                    case IConditionalAccessOperation or IConditionalAccessInstanceOperation:
                        break;
                    default:
                        if (!operation.ConstantValue.HasValue)
                        {
                            return false;
                        }

                        break;
                }
            }

            return readsParameter;
        }
    }
}
