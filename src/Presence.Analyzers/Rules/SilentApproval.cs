using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Presence.Analyzers.Model;

namespace Presence.Analyzers.Rules
{
    /// <summary>
    /// PRES005's second question, for a confirmation that can say no: does it say yes when nobody answered? In its own
    /// body: an approving return in <c>catch (TimeoutException)</c> or <c>catch (OperationCanceledException)</c>, on the
    /// branch where <c>Task.WhenAny</c> returned the delay or a timed wait returned false, or the answer's
    /// <c>?? true</c>; a <c>catch (Exception)</c> that approves (an error counts as yes); a local that starts as a yes
    /// and keeps it when the ask throws. Only a yes that no answer can have decided counts: the first way out of that branch, with nothing
    /// before it that could leave (a check of a second answer, a throw).
    /// </summary>
    internal static class SilentApproval
    {
        /// <summary>How the confirmation approves when nobody answers ("returns true in catch (TimeoutException)"), or null.</summary>
        public static string? Find(ImmutableArray<IOperation> blocks, Confirmation confirmation)
        {
            var body = blocks.FirstOrDefault(b => b is IMethodBodyOperation or IBlockOperation);
            if (body is null)
            {
                return null;
            }

            var own = RubberStampConfirmationAnalyzer.OwnOperations(body).ToList();
            Dictionary<ILocalSymbol, IOperation?>? values = null;
            foreach (var operation in own)
            {
                switch (operation)
                {
                    case ICatchClauseOperation clause when (NoAnswer(clause.ExceptionType) || AnyError(clause.ExceptionType)) && !AnsweredBefore(clause.Parent, own, confirmation):
                        var exit = FirstExit(Statements(clause.Handler), confirmation);
                        if (exit == true || (exit is null && confirmation.Shape == ConfirmationShape.Completion && EndsBody(clause.Parent, body)))
                        {
                            return $"{Approval(confirmation)} in {CatchName(clause)}";
                        }

                        if (exit is null && confirmation.Shape != ConfirmationShape.Completion && KeptFlag(clause, own, confirmation) is { } flag)
                        {
                            return $"{Approval(confirmation)} in {CatchName(clause)}: '{flag.Local.Name}' starts as {flag.Initial.Syntax} and keeps it";
                        }

                        break;

                    case IConditionalOperation conditional:
                        values ??= LocalValues(own);
                        if (Unanswered(conditional.Condition, values) is { } unanswered && ApprovesOn(conditional, unanswered.Value, confirmation))
                        {
                            return $"{Approval(confirmation)} {unanswered.Description}";
                        }

                        break;

                    case IReturnOperation { ReturnedValue: { } value } when confirmation.Shape != ConfirmationShape.Completion:
                        if (RubberStampConfirmationAnalyzer.Unwrap(value) is ICoalesceOperation coalesce
                            && RubberStampConfirmationAnalyzer.Approves(coalesce.WhenNull, confirmation))
                        {
                            return $"{Approval(confirmation)} when the answer is null (?? {coalesce.WhenNull.Syntax})";
                        }

                        break;
                }
            }

            return null;
        }

        // Whether a person may already have answered before this try (whose catch then swallows an error of a later
        // step, an audit write or a notice, not the person's silence): a way out before it on a condition that reads
        // an answer (an awaited or a service's call, a local), or, for a confirmation that says no by throwing, a
        // service's call or an await before it.
        private static bool AnsweredBefore(IOperation? attempt, List<IOperation> own, Confirmation confirmation)
        {
            if (attempt is null)
            {
                return false;
            }

            var start = attempt.Syntax.SpanStart;
            foreach (var operation in own)
            {
                if (operation.Syntax.Span.End > start)
                {
                    continue;
                }

                switch (operation)
                {
                    case IConditionalOperation { Type: null } conditional
                        when OwnSubtree(conditional.WhenTrue).Concat(OwnSubtree(conditional.WhenFalse)).Any(o => o is IReturnOperation { Kind: OperationKind.Return } or IThrowOperation)
                             && OwnSubtree(conditional.Condition).Any(ReadsAnAnswer):
                        return true;

                    case IExpressionStatementOperation { Operation: var call } when confirmation.Shape == ConfirmationShape.Completion
                                                                                     && (call is IAwaitOperation || ServiceCall(call)):
                        return true;
                }
            }

            return false;
        }

        private static IEnumerable<IOperation> OwnSubtree(IOperation? operation)
            => operation is null ? Enumerable.Empty<IOperation>() : RubberStampConfirmationAnalyzer.OwnOperations(operation);

        private static bool ReadsAnAnswer(IOperation operation)
            => operation is IAwaitOperation or ILocalReferenceOperation || ServiceCall(operation);

        // A call on an object of the app's or a library's (chat.Ask(t)), not a static helper or a string's method.
        private static bool ServiceCall(IOperation operation)
            => operation is IInvocationOperation { TargetMethod.IsStatic: false, Instance.Type: { SpecialType: SpecialType.None, TypeKind: not TypeKind.Array } };

        private static string Approval(Confirmation confirmation) => confirmation.Shape switch
        {
            ConfirmationShape.Boolean => "returns true",
            ConfirmationShape.Decision => "returns an approved decision",
            ConfirmationShape.Token => "returns a token",
            ConfirmationShape.Outcome => "returns " + RubberStampConfirmationAnalyzer.ApprovingMemberName(confirmation),
            _ => "returns normally",
        };

        // What a person's silence throws: a timed-out or cancelled wait (TaskCanceledException derives from the latter).
        private static bool NoAnswer(ITypeSymbol? type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (current.Name is "TimeoutException" or "OperationCanceledException"
                    && current.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true })
                {
                    return true;
                }
            }

            return false;
        }

        // Any failure, a person's silence among them: catch (Exception), catch.
        private static bool AnyError(ITypeSymbol? type)
            => type is null || type.SpecialType == SpecialType.System_Object
               || (type.Name == "Exception" && type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true });

        private static string CatchName(ICatchClauseOperation clause)
            => clause.ExceptionType is { SpecialType: not SpecialType.System_Object } type ? $"catch ({type.Name})" : "catch";

        // var approved = true; try { approved = await AskAsync(t); } catch (TimeoutException) { } return approved;
        // The local returned first after the try starts as a yes, is written only in the try, and the catch (which
        // falls through) leaves it as it was: when the ask throws, the initial yes is the answer.
        private static (ILocalSymbol Local, IOperation Initial)? KeptFlag(ICatchClauseOperation clause, List<IOperation> own, Confirmation confirmation)
        {
            if (clause.Parent is not ITryOperation { Parent: IBlockOperation block } attempt)
            {
                return null;
            }

            ILocalSymbol? local = null;
            foreach (var statement in block.Operations.SkipWhile(s => s != attempt).Skip(1).SelectMany(Statements))
            {
                if (statement is IReturnOperation { Kind: OperationKind.Return, ReturnedValue: { } returned }
                    && RubberStampConfirmationAnalyzer.Unwrap(returned) is ILocalReferenceOperation flag)
                {
                    local = flag.Local;
                    break;
                }

                if (RubberStampConfirmationAnalyzer.OwnOperations(statement).Any(o => o is IReturnOperation or IThrowOperation or IBranchOperation))
                {
                    return null;
                }
            }

            if (local is null)
            {
                return null;
            }

            IOperation? initial = null;
            var writtenInTry = false;
            foreach (var operation in own)
            {
                if (operation is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
                {
                    initial = declarator.GetVariableInitializer()?.Value;
                }
                else if (Writes(operation, local))
                {
                    if (!Within(operation, attempt.Body))
                    {
                        return null; // written elsewhere (the catch, after the try): its value there is not the initial one
                    }

                    writtenInTry = true;
                }
            }

            return writtenInTry && initial is not null && initial.Syntax.SpanStart < attempt.Syntax.SpanStart
                   && RubberStampConfirmationAnalyzer.Approves(initial, confirmation)
                ? (local, initial)
                : null;
        }

        private static bool Writes(IOperation operation, ILocalSymbol local)
            => operation switch
            {
                IAssignmentOperation assignment => IsLocal(assignment.Target, local)
                                                   || (assignment is IDeconstructionAssignmentOperation && assignment.Target.Descendants().Any(o => IsLocal(o, local))),
                IIncrementOrDecrementOperation step => IsLocal(step.Target, local),
                IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument => IsLocal(argument.Value, local),
                _ => false,
            };

        private static bool IsLocal(IOperation operation, ILocalSymbol local)
            => SkipConversions(operation) is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local);

        private static bool Within(IOperation operation, IOperation region)
        {
            for (var current = operation; current is not null; current = current.Parent)
            {
                if (current == region)
                {
                    return true;
                }
            }

            return false;
        }

        // Whether the branch taken when nobody answered approves: the branch itself, or, for an `if` without `else`
        // whose other branch always leaves, the statements after it.
        private static bool ApprovesOn(IConditionalOperation conditional, bool unansweredWhen, Confirmation confirmation)
        {
            var branch = unansweredWhen ? conditional.WhenTrue : conditional.WhenFalse;
            if (conditional.Type is not null)
            {
                // cond ? a : b, as the returned answer
                return branch is not null && IsReturned(conditional) && RubberStampConfirmationAnalyzer.Approves(branch, confirmation);
            }

            if (branch is not null)
            {
                return FirstExit(Statements(branch), confirmation) == true;
            }

            return conditional.Parent is IBlockOperation block && Leaves(conditional.WhenTrue)
                && FirstExit(block.Operations.SkipWhile(s => s != conditional).Skip(1), confirmation) == true;
        }

        private static bool IsReturned(IOperation operation)
        {
            for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
            {
                switch (parent)
                {
                    case IReturnOperation:
                        return true;
                    case IConversionOperation or IArgumentOperation:
                    case IInvocationOperation { TargetMethod.Name: "FromResult" }:
                    case IObjectCreationOperation { Type.Name: "ValueTask" or "Task" }:
                        continue;
                    default:
                        return false;
                }
            }

            return false;
        }

        private static IEnumerable<IOperation> Statements(IOperation branch)
            => branch is IBlockOperation block ? block.Operations.SelectMany(Statements) : new[] { branch };

        // True when the first way out of these statements approves, false when it does not or when a statement before
        // it could leave (its yes may follow a person's answer), null when none leaves.
        private static bool? FirstExit(IEnumerable<IOperation> statements, Confirmation confirmation)
        {
            foreach (var statement in statements.SelectMany(Statements))
            {
                if (statement is IReturnOperation { Kind: OperationKind.Return } exit)
                {
                    return exit.ReturnedValue is null
                        ? confirmation.Shape == ConfirmationShape.Completion
                        : confirmation.Shape != ConfirmationShape.Completion && RubberStampConfirmationAnalyzer.Approves(exit.ReturnedValue, confirmation);
                }

                if (RubberStampConfirmationAnalyzer.OwnOperations(statement).Any(o => o is IReturnOperation or IThrowOperation or IBranchOperation))
                {
                    return false;
                }
            }

            return null;
        }

        private static bool Leaves(IOperation branch)
            => (branch is IBlockOperation block ? block.Operations.LastOrDefault() : branch) switch
            {
                IReturnOperation or IExpressionStatementOperation { Operation: IThrowOperation } => true,
                IBlockOperation inner => Leaves(inner),
                _ => false,
            };

        // A void confirmation whose try statement is its last: a catch that swallows the timeout returns normally.
        private static bool EndsBody(IOperation? statement, IOperation body)
        {
            var block = body is IMethodBodyOperation method ? method.BlockBody : body as IBlockOperation;
            return statement is not null && block is not null && block.Operations.LastOrDefault() == statement;
        }

        // The condition's value that means nobody answered, and how to say so.
        private static (bool Value, string Description)? Unanswered(IOperation condition, Dictionary<ILocalSymbol, IOperation?> values)
        {
            switch (SkipConversions(condition))
            {
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return Unanswered(not.Operand, values) is { } inner ? (!inner.Value, inner.Description) : null;

                // a && b is true only when both are; a || b is false only when both are
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } logical:
                    var whole = logical.OperatorKind == BinaryOperatorKind.ConditionalAnd;
                    foreach (var operand in new[] { logical.LeftOperand, logical.RightOperand })
                    {
                        if (Unanswered(operand, values) is { } part && part.Value == whole)
                        {
                            return part;
                        }
                    }

                    return null;

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                    return (DelayWon(comparison.LeftOperand, comparison.RightOperand, values) ?? DelayWon(comparison.RightOperand, comparison.LeftOperand, values)) is { } equalWhenDelayWon
                        ? (comparison.OperatorKind == BinaryOperatorKind.Equals == equalWhenDelayWon, "when the delay finishes before the answer (Task.WhenAny)")
                        : null;

                case IInvocationOperation { TargetMethod.Name: "ReferenceEquals", Arguments.Length: 2 } same:
                    return (DelayWon(same.Arguments[0].Value, same.Arguments[1].Value, values) ?? DelayWon(same.Arguments[1].Value, same.Arguments[0].Value, values)) is { } sameWhenDelayWon
                        ? (sameWhenDelayWon, "when the delay finishes before the answer (Task.WhenAny)")
                        : null;

                case IAwaitOperation { Operation: IInvocationOperation wait } when TimedWait(wait.TargetMethod, awaited: true):
                    return (false, $"when {wait.TargetMethod.Name} times out");

                case IInvocationOperation wait when TimedWait(wait.TargetMethod, awaited: false):
                    return (false, $"when {wait.TargetMethod.Name} times out");

                default:
                    return null;
            }
        }

        // For `winner == other` where winner is what `await Task.WhenAny(...)` returned among a delay and one answer:
        // true when equality means the delay won, false when it means the answer came, null when it is no such race.
        private static bool? DelayWon(IOperation winner, IOperation other, Dictionary<ILocalSymbol, IOperation?> values)
        {
            if (Resolve(winner, values) is not IAwaitOperation { Operation: IInvocationOperation { TargetMethod: { Name: "WhenAny" } whenAny } race }
                || !IsTask(whenAny.ContainingType))
            {
                return null;
            }

            var tasks = race.Arguments.SelectMany(a => a.Value is IArrayCreationOperation { Initializer: { } elements } ? elements.ElementValues.AsEnumerable() : new[] { a.Value }).ToList();
            var delays = tasks.Count(t => IsDelay(Resolve(t, values)));
            if (delays == 0)
            {
                return null;
            }

            foreach (var task in tasks)
            {
                if (SameReference(task, other))
                {
                    var isDelay = IsDelay(Resolve(task, values));
                    return isDelay || tasks.Count - delays == 1 ? isDelay : null;
                }
            }

            return null;
        }

        // A wait that answers whether it was signalled in time (SemaphoreSlim.WaitAsync(timeout), WaitHandle.WaitOne(timeout),
        // Task.Wait(timeout)); not Task<T>.WaitAsync, whose result is the answer itself (it throws on a timeout).
        private static bool TimedWait(IMethodSymbol method, bool awaited)
        {
            if (method.Name is not ("Wait" or "WaitAsync" or "WaitOne")
                || method.ContainingType is { OriginalDefinition: var definition } && IsTask(definition) && definition.Arity == 1
                || !method.Parameters.Any(p => p.Type.Name == "TimeSpan" || p.Name == "millisecondsTimeout"))
            {
                return false;
            }

            var result = awaited && method.ReturnType is INamedTypeSymbol { Name: "Task" or "ValueTask", TypeArguments.Length: 1 } task
                ? task.TypeArguments[0]
                : method.ReturnType;
            return result.SpecialType == SpecialType.System_Boolean;
        }

        private static bool IsDelay(IOperation? operation)
            => operation is IInvocationOperation { TargetMethod: { Name: "Delay" } delay } && IsTask(delay.ContainingType);

        private static bool IsTask(INamedTypeSymbol? type)
            => type is { Name: "Task", ContainingNamespace: { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } };

        private static IOperation SkipConversions(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        // A local's only value, followed a few steps.
        private static IOperation? Resolve(IOperation operation, Dictionary<ILocalSymbol, IOperation?> values)
        {
            operation = SkipConversions(operation);
            for (var step = 0; step < 4 && operation is ILocalReferenceOperation local; step++)
            {
                if (!values.TryGetValue(local.Local, out var value) || value is null)
                {
                    return null;
                }

                operation = SkipConversions(value);
            }

            return operation;
        }

        private static bool SameReference(IOperation a, IOperation b)
        {
            a = SkipConversions(a);
            b = SkipConversions(b);
            return (a, b) switch
            {
                (ILocalReferenceOperation x, ILocalReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Local, y.Local),
                (IParameterReferenceOperation x, IParameterReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Parameter, y.Parameter),
                (IFieldReferenceOperation x, IFieldReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Field, y.Field) && SameInstance(x.Instance, y.Instance),
                (IPropertyReferenceOperation x, IPropertyReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Property, y.Property) && SameInstance(x.Instance, y.Instance),
                _ => false,
            };
        }

        private static bool SameInstance(IOperation? a, IOperation? b)
            => (a, b) switch
            {
                (null, null) => true,
                (IInstanceReferenceOperation, IInstanceReferenceOperation) => true,
                ({ } x, { } y) => SameReference(x, y),
                _ => false,
            };

        // Each local's value where it is set once (declared with it, or assigned once); null when set more often.
        private static Dictionary<ILocalSymbol, IOperation?> LocalValues(List<IOperation> own)
        {
            var values = new Dictionary<ILocalSymbol, IOperation?>(SymbolEqualityComparer.Default);
            foreach (var operation in own)
            {
                var (local, value) = operation switch
                {
                    IVariableDeclaratorOperation { Symbol: var symbol } declarator when declarator.GetVariableInitializer() is { } initializer => (symbol, initializer.Value),
                    ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment => (target.Local, assignment.Value),
                    _ => (null, null),
                };
                if (local is not null)
                {
                    values[local] = values.ContainsKey(local) ? null : value;
                }
            }

            return values;
        }
    }
}
