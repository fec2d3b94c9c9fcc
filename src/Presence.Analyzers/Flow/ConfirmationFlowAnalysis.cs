using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Presence.Analyzers.Catalog;
using Presence.Analyzers.Model;

namespace Presence.Analyzers.Flow
{
    /// <summary>
    /// Decides, on the control-flow graph of one member, which publish calls are reached on some path that did
    /// not pass through a positive confirmation. A forward must-analysis: facts meet by intersection at joins,
    /// branch conditions apply per edge, a catch or finally starts from what held anywhere in its try.
    /// </summary>
    /// <remarks>
    /// Lambdas start from the state where they are created; local functions from the meet of the states at every
    /// place they are called or converted to a delegate (an unreferenced one starts unconfirmed). A lambda stored
    /// and invoked later is therefore trusted to run where it was created, except where it is handed to a scheduler
    /// or a timer (<see cref="DeferredRuns"/>): that one starts unconfirmed. A wait of hours or days ends a guard.
    /// </remarks>
    internal sealed class ConfirmationFlowAnalysis
    {
        // The lattice is shallow (a flag and a few evidence bits per local): these only bound a defect or absurd input.
        internal const int MaxRounds = 64;
        private const int MaxExpressionDepth = 512;

        private readonly PresenceModel _model;
        private readonly IReadOnlyDictionary<SyntaxNode, PublishTarget> _publishCalls;
        private readonly CancellationToken _cancellationToken;
        private readonly int _maxRounds;
        private readonly Dictionary<IMethodSymbol, NestedFunction> _nestedBySymbol
            = new Dictionary<IMethodSymbol, NestedFunction>(SymbolEqualityComparer.Default);
        private readonly List<NestedFunction> _nested = new List<NestedFunction>();
        private readonly Queue<NestedFunction> _pending = new Queue<NestedFunction>();

        private ControlFlowGraph _graph = null!;
        private bool _graphIsExempt;
        // The graph is a lambda or local function exempt only by its own [AutomatedPresence] (or inside one): only its
        // publishes of machine-written text are sites (PRES008 stays on under the exception).
        private bool _graphIsAutomated;
        private List<PublishSite>? _sites;
        private int _depth;

        // Reading the one returned test of a helper of the compilation (AnswerHelpers), not a step of the graph.
        private bool _inHelper;

        // Set when a graph still changed after the last round: its states may be too optimistic.
        private bool _notConverged;

        // Told, on the final pass only, each field or property assigned and whether the value is machine-written.
        private Action<ISymbol, bool>? _onStore;

        // Fields and properties captured as the target of an assignment (x = c ? a : b, x ??= y), by graph and capture.
        private Dictionary<(ControlFlowGraph, CaptureId), IMemberReferenceOperation>? _capturedMembers;

        // Whether a method of the compilation given a callback runs it later (a scheduling helper); null: none does.
        private readonly Func<IOperation, bool>? _helperRunsLater;

        private ConfirmationFlowAnalysis(PresenceModel model, IReadOnlyDictionary<SyntaxNode, PublishTarget> publishCalls, int maxRounds, CancellationToken cancellationToken, Func<IOperation, bool>? helperRunsLater = null)
        {
            _helperRunsLater = helperRunsLater;
            _model = model;
            _publishCalls = publishCalls;
            _maxRounds = maxRounds;
            _cancellationToken = cancellationToken;
        }

        /// <summary>
        /// The publish calls among <paramref name="publishCalls"/> (classified on the original operation tree, keyed by
        /// syntax) in <paramref name="graph"/> and its lambdas and local functions, guarded or not, with what held on the
        /// paths to them; and the calls into the compilation that no confirmation guards. In source order.
        /// </summary>
        /// <remarks>
        /// A body whose states still change after <paramref name="maxRounds"/> rounds is treated as unconfirmed
        /// throughout, lambdas and local functions included (their entries came from those states): a report too
        /// many, never a publish missed. <paramref name="helperRunsLater"/> says whether a method of the compilation that a
        /// lambda or method group is given runs it later than the call (a scheduling helper): it then starts unconfirmed.
        /// </remarks>
        public static List<PublishSite> AnalyzeSites(
            ControlFlowGraph graph, PresenceModel model, IReadOnlyDictionary<SyntaxNode, PublishTarget> publishCalls, CancellationToken cancellationToken,
            int maxRounds = MaxRounds, Func<IOperation, bool>? helperRunsLater = null)
        {
            var analysis = new ConfirmationFlowAnalysis(model, publishCalls, maxRounds, cancellationToken, helperRunsLater);
            var rootStates = analysis.Solve(graph, FlowState.Unconfirmed(), exempt: false);
            analysis.SolveNestedFunctions();
            if (analysis._notConverged)
            {
                AssumeUnconfirmed(rootStates);
                foreach (var nested in analysis._nested)
                {
                    AssumeUnconfirmed(nested.States);
                }
            }

            analysis._sites = new List<PublishSite>();
            analysis.Report(graph, rootStates, exempt: false);
            foreach (var nested in analysis._nested)
            {
                if ((!nested.IsExempt || nested.IsAutomated) && nested.States is { } states)
                {
                    analysis.Report(nested.Graph, states, exempt: nested.IsExempt, automated: nested.IsAutomated);
                }
            }

            var sites = analysis._sites;
            sites.Sort((left, right) => left.Syntax.SpanStart.CompareTo(right.Syntax.SpanStart));
            return sites;
        }

        private static void AssumeUnconfirmed(FlowState?[]? states)
        {
            for (var i = 0; states is not null && i < states.Length; i++)
            {
                if (states[i] is not null)
                {
                    states[i] = FlowState.Unconfirmed();
                }
            }
        }

        /// <summary>
        /// True when a value <paramref name="graph"/> returns holds machine-written content that no confirmation
        /// followed in the body (a helper that asks a model for text and hands it back). Lambdas are not looked into.
        /// </summary>
        public static bool ReturnsMachineWritten(ControlFlowGraph graph, PresenceModel model, CancellationToken cancellationToken)
        {
            if (model.MachineWriters is null)
            {
                return false;
            }

            var analysis = new ConfirmationFlowAnalysis(model, new Dictionary<SyntaxNode, PublishTarget>(), MaxRounds, cancellationToken);
            var states = analysis.Solve(graph, FlowState.Unconfirmed(), exempt: false);
            if (analysis._notConverged)
            {
                return false;
            }

            analysis._sites = new List<PublishSite>();
            analysis._graph = graph;
            foreach (var block in graph.Blocks)
            {
                // An iterator hands out what it yields: async IAsyncEnumerable<string> StreamAsync() yielding each
                // update of a streaming response is a source as a helper returning the whole answer is.
                if (states[block.Ordinal] is { } yielding && HasYield(block))
                {
                    var state = yielding.Clone();
                    foreach (var operation in block.Operations)
                    {
                        if (operation is IReturnOperation { Kind: OperationKind.YieldReturn, ReturnedValue: var yielded } && analysis.IsMachineWritten(yielded, state))
                        {
                            return true;
                        }

                        analysis.Visit(operation, state);
                    }
                }

                if (states[block.Ordinal] is { } input && block.BranchValue is { } value
                    && block.FallThroughSuccessor?.Destination?.Kind == BasicBlockKind.Exit)
                {
                    var state = input.Clone();
                    foreach (var operation in block.Operations)
                    {
                        analysis.Visit(operation, state);
                    }

                    if (analysis.IsMachineWritten(value, state))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool HasYield(BasicBlock block)
        {
            foreach (var operation in block.Operations)
            {
                if (operation.Kind == OperationKind.YieldReturn)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Tells <paramref name="onStore"/> each field or property that <paramref name="graph"/> (lambdas and local
        /// functions included) assigns, on any receiver, and whether the value is machine-written content no
        /// confirmation followed; nothing when the body does not converge.
        /// </summary>
        public static void FindStores(ControlFlowGraph graph, PresenceModel model, Action<ISymbol, bool> onStore, CancellationToken cancellationToken)
        {
            if (model.MachineWriters is null)
            {
                return;
            }

            var analysis = new ConfirmationFlowAnalysis(model, new Dictionary<SyntaxNode, PublishTarget>(), MaxRounds, cancellationToken);
            var states = analysis.Solve(graph, FlowState.Unconfirmed(), exempt: false);
            analysis.SolveNestedFunctions();
            if (analysis._notConverged)
            {
                return;
            }

            analysis._sites = new List<PublishSite>();
            analysis._onStore = onStore;
            analysis.Report(graph, states, exempt: false);
            foreach (var nested in analysis._nested)
            {
                if (nested.States is { } nestedStates)
                {
                    analysis.Report(nested.Graph, nestedStates, exempt: false);
                }
            }
        }

        private void SolveNestedFunctions()
        {
            while (true)
            {
                while (_pending.Count > 0)
                {
                    var nested = _pending.Dequeue();
                    nested.IsQueued = false;
                    nested.States = Solve(nested.Graph, nested.Entry!, nested.IsExempt, nested.IsAutomated);
                }

                // A local function nobody references starts unconfirmed; solving it may reach further functions.
                var unreferenced = _nested.Find(n => n.States is null);
                if (unreferenced is null)
                {
                    return;
                }

                unreferenced.Entry = FlowState.Unconfirmed();
                Enqueue(unreferenced);
            }
        }

        private FlowState?[] Solve(ControlFlowGraph graph, FlowState entry, bool exempt, bool automated = false)
        {
            _graph = graph;
            _graphIsExempt = exempt;
            _graphIsAutomated = automated;
            RegisterLocalFunctions(graph);

            var blocks = graph.Blocks;
            var input = new FlowState?[blocks.Length];
            var afterOperations = new FlowState?[blocks.Length];
            var whenConditional = new FlowState?[blocks.Length];
            var whenFallThrough = new FlowState?[blocks.Length];
            var handlerTries = FindHandlerTryRegions(graph);

            var converged = false;
            for (var round = 0; round < _maxRounds && !converged; round++)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var changed = false;
                foreach (var block in blocks)
                {
                    var state = block.Kind == BasicBlockKind.Entry ? entry : null;
                    foreach (var predecessor in block.Predecessors)
                    {
                        var ordinal = predecessor.Source.Ordinal;
                        state = FlowState.Meet(state, predecessor.IsConditionalSuccessor ? whenConditional[ordinal] : whenFallThrough[ordinal]);
                    }

                    if (handlerTries[block.Ordinal] is { } tryRegion)
                    {
                        // An exception can leave the try anywhere: the handler only knows what held throughout.
                        for (var i = tryRegion.FirstBlockOrdinal; i <= tryRegion.LastBlockOrdinal; i++)
                        {
                            state = FlowState.Meet(FlowState.Meet(state, input[i]), afterOperations[i]);
                        }
                    }

                    if (state is null || (input[block.Ordinal] is not null && FlowState.AreEqual(state, input[block.Ordinal])))
                    {
                        continue;
                    }

                    input[block.Ordinal] = state;
                    changed = true;
                    Transfer(block, state.Clone(), out afterOperations[block.Ordinal], out whenConditional[block.Ordinal], out whenFallThrough[block.Ordinal]);
                }

                converged = !changed;
            }

            _notConverged |= !converged;
            return input;
        }

        private void Report(ControlFlowGraph graph, FlowState?[] input, bool exempt, bool automated = false)
        {
            _graph = graph;
            _graphIsExempt = exempt;
            _graphIsAutomated = automated;
            foreach (var block in graph.Blocks)
            {
                if (input[block.Ordinal] is { } state)
                {
                    Transfer(block, state.Clone(), out _, out _, out _);
                }
            }
        }

        private void Transfer(BasicBlock block, FlowState state, out FlowState afterOperations, out FlowState? whenConditional, out FlowState whenFallThrough)
        {
            foreach (var operation in block.Operations)
            {
                Visit(operation, state);
            }

            afterOperations = state.Clone();
            var branch = block.BranchValue is { } value ? Visit(value, state) : Evidence.None;
            if (block.ConditionKind == ControlFlowConditionKind.None)
            {
                whenConditional = null;
                whenFallThrough = state;
                return;
            }

            var jumpsWhenTrue = block.ConditionKind == ControlFlowConditionKind.WhenTrue;
            whenConditional = state.Clone();
            whenConditional.Assume(branch, jumpsWhenTrue);
            state.Assume(branch, !jumpsWhenTrue);
            whenFallThrough = state;
        }

        private Evidence Visit(IOperation operation, FlowState state)
        {
            if (_depth >= MaxExpressionDepth)
            {
                return Evidence.None;
            }

            _depth++;
            var evidence = VisitCore(operation, state);
            _depth--;

            // A non-nullable value is never null, so "if it is null, approved" holds vacuously.
            return operation.Type is { IsValueType: true } type && type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T
                ? evidence.With(EvidenceFlags.WhenNull)
                : evidence;
        }

        private Evidence VisitCore(IOperation operation, FlowState state)
        {
            if (operation.ConstantValue.HasValue)
            {
                return Evidence.OfConstant(operation.ConstantValue.Value);
            }

            switch (operation)
            {
                case IInvocationOperation invocation:
                    return VisitInvocation(invocation, state);

                case IDefaultValueOperation { Type.OriginalDefinition.SpecialType: SpecialType.System_Nullable_T }:
                    // What decision?.Outcome is on the path where there is no decision: null, like the literal.
                    return Evidence.OfConstant(null);

                case IAwaitOperation awaited:
                    var task = Visit(awaited.Operation, state);
                    if (task.Has(EvidenceFlags.WhenAwaited))
                    {
                        state.Confirm();
                    }

                    return task.Without(EvidenceFlags.WhenAwaited);

                case ISimpleAssignmentOperation assignment:
                    return VisitAssignment(assignment, state);

                case IFlowCaptureOperation capture:
                    if (_model.MachineWriters is not null && capture.Value is IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } member)
                    {
                        (_capturedMembers ??= new Dictionary<(ControlFlowGraph, CaptureId), IMemberReferenceOperation>())[(_graph, capture.Id)] = member;
                    }

                    var captured = Visit(capture.Value, state);
                    state.Set(capture.Id, captured);
                    state.SetMachineWritten(capture.Id, IsMachineWritten(capture.Value, state));
                    return captured;

                case IFlowCaptureReferenceOperation captureReference:
                    return state.Get(captureReference.Id);

                case ILocalReferenceOperation local:
                    return state.Get(local.Local);

                case IParameterReferenceOperation parameter:
                    return state.Get(parameter.Parameter);

                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, OperatorMethod: null } not:
                    return Visit(not.Operand, state).Negate();

                case IConversionOperation { OperatorMethod: null } conversion:
                    return Visit(conversion.Operand, state);

                case IBinaryOperation binary:
                    return VisitBinary(binary, state);

                case IIsNullOperation isNull:
                    return Compare(Visit(isNull.Operand, state), (object?)null);

                case IIsTypeOperation isType:
                    return Outcomes(Visit(isType.ValueOperand, state).Has(EvidenceFlags.WhenNotNull) && !isType.IsNegated, false);

                case IIsPatternOperation isPattern:
                    var matched = Match(isPattern.Pattern, Visit(isPattern.Value, state), state);
                    if (!_inHelper)
                    {
                        DeclareMachineWritten(isPattern, state);
                    }

                    return matched;

                case IPropertyReferenceOperation property:
                    return VisitProperty(property, state);

                case IFlowAnonymousFunctionOperation lambda:
                    // A job scheduled for later, a timer: it runs when nobody is there, and a yes given now is stale by then.
                    EnterNestedFunction(lambda.Symbol, lambda, RunsLater(lambda) ? FlowState.Unconfirmed() : state);
                    return Evidence.None;

                case IMethodReferenceOperation reference:
                    if (reference.Instance is { } target)
                    {
                        Visit(target, state);
                    }

                    OnCallOrReference(reference.Method, reference, state);
                    return Evidence.None;

                case ICompoundAssignmentOperation compound when _model.MachineWriters is not null && StoredMember(compound.Target) is { } stored:
                    // _text += chunk.Text: machine-written once anything machine-written is added.
                    VisitChildren(operation, state);
                    if (IsMachineWritten(compound.Value, state))
                    {
                        Store(stored.Member, stored.Own, machineWritten: true, assigned: false, state);
                    }

                    return Evidence.None;

                case ICompoundAssignmentOperation local when _model.MachineWriters is not null && VariableOf(local.Target) is { } variable:
                    // text += part: a local is machine-written once anything machine-written is added to it.
                    VisitChildren(operation, state);
                    var added = state.IsMachineWritten(variable) || IsMachineWritten(local.Value, state);
                    ForgetWrittenVariables(local.Target, state);
                    state.SetMachineWritten(variable, added);
                    return Evidence.None;

                case ICompoundAssignmentOperation:
                case IIncrementOrDecrementOperation:
                case IDeconstructionAssignmentOperation:
                    VisitChildren(operation, state);
                    ForgetWrittenVariables(operation is IAssignmentOperation written ? written.Target : ((IIncrementOrDecrementOperation)operation).Target, state);
                    return Evidence.None;

                default:
                    VisitChildren(operation, state);
                    return Evidence.None;
            }
        }

        private void VisitChildren(IOperation operation, FlowState state)
        {
            foreach (var child in operation.ChildOperations)
            {
                Visit(child, state);
            }
        }

        private Evidence VisitInvocation(IInvocationOperation invocation, FlowState state)
        {
            var instance = invocation.Instance is { } receiver ? Visit(receiver, state) : Evidence.None;
            var assertsApproval = false;
            Evidence first = default, second = default;
            var given = !_inHelper && AnswerHelpers.MayBeHelper(invocation.TargetMethod) ? new Evidence[invocation.Arguments.Length] : null;
            for (var i = 0; i < invocation.Arguments.Length; i++)
            {
                var argument = invocation.Arguments[i];
                var evidence = Visit(argument.Value, state);
                if (i == 0)
                {
                    first = evidence;
                }
                else if (i == 1)
                {
                    second = evidence;
                }

                if (given is not null)
                {
                    given[i] = evidence;
                }

                // ArgumentNullException.ThrowIfNull(approval): returns only when the token is there.
                assertsApproval |= evidence.Has(EvidenceFlags.WhenNotNull) && !evidence.Has(EvidenceFlags.WhenNull) && argument.Parameter is { } parameter && IsNotNullOnReturn(parameter);
            }

            if (assertsApproval)
            {
                state.Confirm();
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { RefKind: RefKind.Out or RefKind.Ref })
                {
                    ForgetWrittenVariables(argument.Value, state);
                }
            }

            var method = invocation.TargetMethod;

            // builder.Append(generated), post.SetText(generated): the receiver now holds machine-written content.
            if (invocation.Instance is { } target && VariableOf(target) is { } receiverVariable && AnyMachineWritten(invocation.Arguments, state))
            {
                state.SetMachineWritten(receiverVariable, true);
            }
            else if (invocation.Instance is IFlowCaptureReferenceOperation initialized && AnyMachineWritten(invocation.Arguments, state))
            {
                // new Dictionary<string, string> { { "status", text } }: a collection initializer's Add.
                state.SetMachineWritten(initialized.Id, true);
            }
            else if (ExtendedCollection(invocation) is { } collection && AnyMachineWritten(invocation.Arguments, state, from: 1))
            {
                // history.AddMessages(response): an extension that adds to the list it extends. The list holds the
                // generated text as a whole from here on (history[^1], and history[0] too: elements are not told apart).
                state.SetMachineWritten(collection, true);
            }

            OnCallOrReference(method, invocation, state);

            if (_model.Confirmations.Classify(method) is { } confirmation && confirmation.Shape != ConfirmationShape.Unreadable)
            {
                state.Ask(invocation);
                return AnswerOf(confirmation, state);
            }

            if (DeferredRuns.IsLongWait(invocation))
            {
                state.Wait(invocation);
            }

            if (!(first.IsNone && second.IsNone && instance.IsNone) && TestOfAnswer(invocation, instance, first, second) is { IsNone: false } tested)
            {
                return tested;
            }

            if (given is not null && HelperTest(invocation, given) is { IsNone: false } helped)
            {
                return helped;
            }

            if (invocation.Instance is null)
            {
                return Evidence.None;
            }

            if (instance.Has(EvidenceFlags.WhenAwaited) && IsBlockingWait(method))
            {
                state.Confirm();
            }

            return IsAwaitPlumbing(method) ? instance : Evidence.None;
        }

        // The tests of a value that are calls, read as the operator they stand for: outcome.Equals(ReviewOutcome.Approved),
        // Equals(outcome, ReviewOutcome.Approved), EqualityComparer<T>.Default.Equals(…) (a comparer the code writes may
        // say anything), and flags.HasFlag(ReviewFlags.Approved). Asked only when a receiver or argument carries evidence.
        private static Evidence TestOfAnswer(IInvocationOperation invocation, Evidence instance, Evidence first, Evidence second)
        {
            var method = invocation.TargetMethod;
            var arguments = invocation.Arguments;
            if (method.Name == "Equals")
            {
                if (arguments.Length == 1 && invocation.Instance is { } receiver && IsBuiltInEquality(method.ContainingType))
                {
                    return Equality(instance, receiver, first, arguments[0].Value);
                }

                if (arguments.Length == 2
                    && ((method.IsStatic && method.ContainingType.SpecialType == SpecialType.System_Object)
                        || (invocation.Instance is IPropertyReferenceOperation { Property: { Name: "Default", IsStatic: true, ContainingType: { Name: "EqualityComparer" } comparer } }
                            && MetadataNames.IsInNamespace(comparer, "System.Collections.Generic"))))
                {
                    return Equality(first, arguments[0].Value, second, arguments[1].Value);
                }

                return Evidence.None;
            }

            return method.Name == "HasFlag" && arguments.Length == 1 && method.ContainingType.SpecialType == SpecialType.System_Enum
                   && instance.Has(EvidenceFlags.WhenApprovingMember) && instance.ApprovingMember is { HasConstantValue: true } approving
                   && EnumConstant(arguments[0].Value, approving.ContainingType) is { HasValue: true, Value: { } flag }
                ? Outcomes(FlagMeansYes(approving, flag), false)
                : Evidence.None;
        }

        // if (IsYes(await editor.AskAsync(text))): the helper's one returned test, read with its parameters holding what
        // the call gives them. Only whether it says yes or no comes back: the helper's value is a bool.
        private Evidence HelperTest(IInvocationOperation invocation, Evidence[] given)
        {
            var carriesAnswer = false;
            foreach (var evidence in given)
            {
                carriesAnswer |= (evidence.Flags & ~EvidenceFlags.WhenNull) != 0;
            }

            var method = (invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod).OriginalDefinition;
            if (!carriesAnswer || AnswerHelpers.TestReturnedBy(_model, method, _cancellationToken) is not { } test)
            {
                return Evidence.None;
            }

            var inside = FlowState.Unconfirmed();
            for (var i = 0; i < given.Length; i++)
            {
                if (invocation.Arguments[i].Parameter is { } parameter && parameter.Ordinal < method.Parameters.Length)
                {
                    inside.Set(method.Parameters[parameter.Ordinal], given[i]);
                }
            }

            _inHelper = true;
            try
            {
                var result = Visit(test, inside);
                return Outcomes(result.Has(EvidenceFlags.WhenTrue), result.Has(EvidenceFlags.WhenFalse));
            }
            finally
            {
                _inHelper = false;
            }
        }

        // Equals as an enum, a bool or a nullable of them declares it: the value's own equality, which no code can override.
        private static bool IsBuiltInEquality(INamedTypeSymbol type)
            => type.SpecialType is SpecialType.System_Object or SpecialType.System_Enum or SpecialType.System_ValueType or SpecialType.System_Boolean
               || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;

        // HasFlag(flag) holds for every value that has all the bits of flag: a yes when each such value is one. On a
        // [Flags] enum the other flags say more about a yes (Approved | Escalated is still approved); on any other
        // enum, each member is one answer, so no other member may have those bits. HasFlag(None) holds for every value.
        private static bool FlagMeansYes(IFieldSymbol approving, object flag)
        {
            var bits = Bits(flag);
            var yes = Bits(approving.ConstantValue!);
            if (bits == 0 || yes == 0)
            {
                return false;
            }

            if (IsFlagsEnum(approving.ContainingType))
            {
                return (bits & yes) == yes;
            }

            foreach (var member in approving.ContainingType.GetMembers())
            {
                if (member is IFieldSymbol { IsConst: true, ConstantValue: { } value } && (Bits(value) & bits) == bits && Bits(value) != yes)
                {
                    return false;
                }
            }

            return (yes & bits) == bits;
        }

        private static ulong Bits(object value)
            => value is ulong unsigned ? unsigned : unchecked((ulong)Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));

        private static bool IsFlagsEnum(INamedTypeSymbol type)
        {
            foreach (var attribute in type.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: "FlagsAttribute" } flags && MetadataNames.IsInNamespace(flags, "System"))
                {
                    return true;
                }
            }

            return false;
        }

        private static Evidence AnswerOf(Confirmation confirmation, FlowState state)
        {
            switch (confirmation.Shape)
            {
                case ConfirmationShape.Boolean:
                    return new Evidence(EvidenceFlags.WhenTrue);
                case ConfirmationShape.Decision:
                    return new Evidence(EvidenceFlags.WhenApprovalPropertyTrue, confirmation.ApprovalProperty, confirmation.ApprovingMember);
                case ConfirmationShape.Token:
                    return new Evidence(EvidenceFlags.WhenNotNull);
                case ConfirmationShape.Outcome:
                    return new Evidence(EvidenceFlags.WhenApprovingMember, approvingMember: confirmation.ApprovingMember);
                default:
                    if (!confirmation.IsAsync)
                    {
                        state.Confirm();
                        return Evidence.None;
                    }

                    return new Evidence(EvidenceFlags.WhenAwaited);
            }
        }

        // Plumbing that hands the same answer on: task.ConfigureAwait(false), GetAwaiter().GetResult(), AsTask(),
        // task.WaitAsync(timeout, ct) (the same result, or an exception), and a nullable answer's GetValueOrDefault()
        // (what 'answer ?? false' becomes in the graph).
        private static bool IsAwaitPlumbing(IMethodSymbol method)
            => method.Name is "ConfigureAwait" or "GetAwaiter" or "GetResult" or "AsTask" or "WaitAsync" or "GetValueOrDefault";

        // A parameter the method guarantees non-null when it returns ([NotNull], as ThrowIfNull declares it).
        private static bool IsNotNullOnReturn(IParameterSymbol parameter)
        {
            foreach (var attribute in parameter.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: "NotNullAttribute" } type && MetadataNames.IsInNamespace(type, "System.Diagnostics.CodeAnalysis"))
                {
                    return true;
                }
            }

            return false;
        }

        // Blocking on a confirmation that throws when declined: task.Wait(), task.GetAwaiter().GetResult().
        private static bool IsBlockingWait(IMethodSymbol method) => method.Name is "Wait" or "GetResult";

        private bool RunsLater(IOperation callback) => DeferredRuns.RunsLater(callback) || _helperRunsLater?.Invoke(callback) == true;

        private void OnCallOrReference(IMethodSymbol method, IOperation operation, FlowState state)
        {
            if (_inHelper)
            {
                return; // a helper's test: no step of a path
            }

            if (method.MethodKind == MethodKind.LocalFunction)
            {
                EnterNestedFunction(method.OriginalDefinition, null, operation is IMethodReferenceOperation && RunsLater(operation) ? FlowState.Unconfirmed() : state);
            }

            if (_sites is null || (_graphIsExempt && !_graphIsAutomated) || !_publishCalls.TryGetValue(operation.Syntax, out var target))
            {
                return;
            }

            if (_graphIsAutomated)
            {
                if (target.Kind != PublishKind.Call && operation is IInvocationOperation automatedCall && AnyMachineWritten(automatedCall.Arguments, state))
                {
                    _sites.Add(new PublishSite(operation.Syntax, target, state.AskedBy, operation, state.Confirmed, state.WrittenSinceAsk(), machineWritten: true, state.AnswerTaken, state.StaleAfter, automated: true));
                }
                else if (target.Kind == PublishKind.Call && !state.Confirmed && MachineParametersOf(operation, state) is { IsEmpty: false } handedInAutomated)
                {
                    _sites.Add(new PublishSite(operation.Syntax, target, state.AskedBy, operation, machineWritten: true, automated: true, machineParameters: handedInAutomated));
                }

                return;
            }

            if (target.Kind == PublishKind.Call)
            {
                if (!state.Confirmed)
                {
                    var handed = MachineParametersOf(operation, state);
                    _sites.Add(new PublishSite(
                        operation.Syntax, target, state.AskedBy, handed.IsEmpty ? null : operation, answerTaken: state.AnswerTaken, staleAfter: state.StaleAfter,
                        machineWritten: !handed.IsEmpty, machineParameters: handed));
                }

                return;
            }

            var machineWritten = operation is IInvocationOperation call && AnyMachineWritten(call.Arguments, state);
            _sites.Add(new PublishSite(operation.Syntax, target, state.AskedBy, operation, state.Confirmed, state.WrittenSinceAsk(), machineWritten, state.AnswerTaken, state.StaleAfter));
        }

        private Evidence VisitAssignment(ISimpleAssignmentOperation assignment, FlowState state)
        {
            if (VariableOf(assignment.Target) is { } variable)
            {
                var assigned = Visit(assignment.Value, state);
                state.Set(variable, assigned);
                state.Wrote(variable);
                state.SetMachineWritten(variable, IsMachineWritten(assignment.Value, state));
                return assigned;
            }

            Visit(assignment.Target, state);
            var value = Visit(assignment.Value, state);

            // _draft = ...: what this body stores in a field or property of this object is known here from now on.
            if (_model.MachineWriters is not null && StoredMember(assignment.Target) is { } stored)
            {
                Store(stored.Member, stored.Own, IsMachineWritten(assignment.Value, state), assigned: true, state);
            }

            // post.Text = ...: the object a local holds has changed, and carries what was written into it.
            if (assignment.Target is IMemberReferenceOperation { Instance: { } instance } && VariableOf(instance) is { } owner)
            {
                state.Wrote(owner);
                if (IsMachineWritten(assignment.Value, state))
                {
                    state.SetMachineWritten(owner, true);
                }
            }
            else if (assignment.Target is IMemberReferenceOperation { Instance: IFlowCaptureReferenceOperation initialized } && IsMachineWritten(assignment.Value, state))
            {
                // new Dictionary<string, string> { ["status"] = text }: the object being initialized carries the text.
                state.SetMachineWritten(initialized.Id, true);
            }

            return value;
        }

        private Evidence VisitBinary(IBinaryOperation binary, FlowState state)
        {
            var left = Visit(binary.LeftOperand, state);
            var right = Visit(binary.RightOperand, state);
            // A record's == and != are the compiler's, and with null they compare as references do (answer != null);
            // an operator the code writes may mean anything.
            if (binary.OperatorMethod is { } written
                && !(written is { IsImplicitlyDeclared: true, ContainingType.IsRecord: true }
                     && (IsNullConstant(binary.LeftOperand) || IsNullConstant(binary.RightOperand))))
            {
                return Evidence.None;
            }

            switch (binary.OperatorKind)
            {
                case BinaryOperatorKind.Equals:
                case BinaryOperatorKind.NotEquals:
                    var comparison = Equality(left, binary.LeftOperand, right, binary.RightOperand);
                    return binary.OperatorKind == BinaryOperatorKind.Equals ? comparison : comparison.Negate();

                case BinaryOperatorKind.And:
                case BinaryOperatorKind.ConditionalAnd:
                    return Both(left, right);

                case BinaryOperatorKind.Or:
                case BinaryOperatorKind.ConditionalOr:
                    return Either(left, right);

                default:
                    return Evidence.None;
            }
        }

        // "a == b" where one side is a constant: what the other side's evidence says about the comparison.
        private static Evidence Equality(Evidence left, IOperation leftOperand, Evidence right, IOperation rightOperand)
            => ConstantOf(rightOperand).HasValue ? Compare(left, rightOperand)
                : ConstantOf(leftOperand).HasValue ? Compare(right, leftOperand)
                : Evidence.None;

        private static bool IsNullConstant(IOperation operation) => ConstantOf(operation) is { HasValue: true, Value: null };

        // Lifted comparisons convert the constant (bool? == true): look through the conversion.
        private static Optional<object?> ConstantOf(IOperation operation)
        {
            while (operation is IConversionOperation { OperatorMethod: null, ConstantValue.HasValue: false } conversion)
            {
                operation = conversion.Operand;
            }

            return operation.ConstantValue;
        }

        // "value == constant" (an == or a constant pattern, a switch's case or arm) as a non-null bool. An outcome
        // compared with the member of its enum that means approved says whether the person approved; with any other
        // member, nothing (!= Rejected lets TimedOut through).
        private static Evidence Compare(Evidence value, IOperation constant)
        {
            if (value.Has(EvidenceFlags.WhenApprovingMember))
            {
                if (value.ApprovingMember is { } approving)
                {
                    // By value, so that an alias of the member (Yes = Approved) and a cast constant read the same.
                    return EnumConstant(constant, approving.ContainingType) is { HasValue: true } compared
                        ? Outcomes(approving.HasConstantValue && Equals(compared.Value, approving.ConstantValue), false)
                        : Compare(value, ConstantOf(constant).Value);
                }

                if (UrlText.WithoutConversions(constant) is IFieldReferenceOperation { Field: { IsConst: true } field } && field.ContainingType is { TypeKind: TypeKind.Enum })
                {
                    return Outcomes(IsApprovingMember(field), false);
                }
            }

            return Compare(value, ConstantOf(constant).Value);
        }

        // The constant as a value of the enum: ReviewOutcome.Approved, (ReviewOutcome)0, also lifted to ReviewOutcome?.
        private static Optional<object?> EnumConstant(IOperation? operation, INamedTypeSymbol outcome)
        {
            for (; operation is not null; operation = (operation as IConversionOperation)?.Operand)
            {
                if (operation.ConstantValue.HasValue && SymbolEqualityComparer.Default.Equals(operation.Type, outcome))
                {
                    return operation.ConstantValue;
                }
            }

            return default;
        }

        private static Evidence Compare(Evidence value, object? constant)
        {
            switch (constant)
            {
                case true:
                    return Outcomes(value.Has(EvidenceFlags.WhenTrue), value.Has(EvidenceFlags.WhenFalse | EvidenceFlags.WhenNull));
                case false:
                    return Outcomes(value.Has(EvidenceFlags.WhenFalse), value.Has(EvidenceFlags.WhenTrue | EvidenceFlags.WhenNull));
                case null:
                    return Outcomes(value.Has(EvidenceFlags.WhenNull), value.Has(EvidenceFlags.WhenNotNull));
                default:
                    return Evidence.None;
            }
        }

        private static Evidence Outcomes(bool whenTrue, bool whenFalse)
            => new Evidence((whenTrue ? EvidenceFlags.WhenTrue : 0) | (whenFalse ? EvidenceFlags.WhenFalse : 0));

        // a & b: true needs both, so either side's evidence for true is enough; false needs evidence from both.
        private static Evidence Both(Evidence left, Evidence right)
            => Outcomes(
                left.Has(EvidenceFlags.WhenTrue) || right.Has(EvidenceFlags.WhenTrue),
                left.Has(EvidenceFlags.WhenFalse) && right.Has(EvidenceFlags.WhenFalse));

        private static Evidence Either(Evidence left, Evidence right)
            => Outcomes(
                left.Has(EvidenceFlags.WhenTrue) && right.Has(EvidenceFlags.WhenTrue),
                left.Has(EvidenceFlags.WhenFalse) || right.Has(EvidenceFlags.WhenFalse));

        private Evidence Match(IPatternOperation pattern, Evidence value, FlowState state)
        {
            switch (pattern)
            {
                case IConstantPatternOperation constant when ConstantOf(constant.Value).HasValue:
                    return Compare(value, constant.Value);

                case INegatedPatternOperation negated:
                    return Match(negated.Pattern, value, state).Negate();

                case IBinaryPatternOperation binary:
                    var left = Match(binary.LeftPattern, value, state);
                    var right = Match(binary.RightPattern, value, state);
                    return binary.OperatorKind == BinaryOperatorKind.And ? Both(left, right) : Either(left, right);

                case IDeclarationPatternOperation declaration:
                    Declare(declaration.DeclaredSymbol, value, state);
                    return Outcomes(!declaration.MatchesNull && value.Has(EvidenceFlags.WhenNotNull), false);

                case ITypePatternOperation:
                    return Outcomes(value.Has(EvidenceFlags.WhenNotNull), false);

                case IRecursivePatternOperation recursive:
                    Declare(recursive.DeclaredSymbol, value, state);
                    var approved = value.Has(EvidenceFlags.WhenNotNull);
                    foreach (var subpattern in recursive.PropertySubpatterns)
                    {
                        // { IsApproved: true }, { Approval: { } token }, { Approval: not null }: the member's own pattern decides.
                        approved |= subpattern.Member is IPropertyReferenceOperation member
                                    && MemberEvidence(value, member.Property) is { IsNone: false } memberValue
                                    && Match(subpattern.Pattern, memberValue, state).Has(EvidenceFlags.WhenTrue);
                    }

                    return Outcomes(approved, false);

                default:
                    return Evidence.None;
            }
        }

        // What a member of a decision says: its approval property (true means approved), the approval token it
        // carries (the ledger's RedeemResult.Approval: the token exists only where a person approved, so the decision
        // approves exactly when it holds one), or its outcome (RedeemResult.Outcome: approved when Redeemed).
        private Evidence MemberEvidence(Evidence decision, IPropertySymbol property)
        {
            if (property.Type.SpecialType == SpecialType.System_Boolean && decision.ApprovesThrough(property))
            {
                return new Evidence(EvidenceFlags.WhenTrue);
            }

            // decision.Outcome of a decision that answers in that property: approved when it holds the member that means yes.
            if (decision.ApprovalProperty is { Type.SpecialType: not SpecialType.System_Boolean } outcome)
            {
                return decision.ApprovesThrough(property) && decision.ApprovingMember is { } yes && Confirmations.OutcomeType(property.Type) is not null
                    ? new Evidence(EvidenceFlags.WhenApprovingMember, approvingMember: yes)
                    : Evidence.None;
            }

            if (property.Type.TypeKind == TypeKind.Enum && decision.Has(EvidenceFlags.WhenApprovalPropertyTrue) && HasApprovingMember(property.Type))
            {
                return new Evidence(EvidenceFlags.WhenApprovingMember);
            }

            return decision.Has(EvidenceFlags.WhenApprovalPropertyTrue) && _model.Symbols.ApprovalToken is { } token
                   && SymbolEqualityComparer.Default.Equals(property.Type.OriginalDefinition, token)
                ? new Evidence(EvidenceFlags.WhenNotNull)
                : Evidence.None;
        }

        // The members of an outcome enum that mean the decision approved.
        private static bool IsApprovingMember(IFieldSymbol field) => field.Name is "Redeemed" or "Approved" or "Confirmed" or "Accepted";

        private static bool HasApprovingMember(ITypeSymbol outcome)
        {
            foreach (var member in outcome.GetMembers())
            {
                if (member is IFieldSymbol { IsConst: true } field && IsApprovingMember(field))
                {
                    return true;
                }
            }

            return false;
        }

        // _draft is { } draft, response is { Text: var text }: the locals a pattern declares hold (parts of) the value
        // it tests, machine-written when that value is.
        private void DeclareMachineWritten(IIsPatternOperation isPattern, FlowState state)
        {
            if (_model.MachineWriters is null)
            {
                return;
            }

            bool? machineWritten = null;
            foreach (var operation in isPattern.Pattern.DescendantsAndSelf())
            {
                var declared = operation switch
                {
                    IDeclarationPatternOperation declaration => declaration.DeclaredSymbol,
                    IRecursivePatternOperation recursive => recursive.DeclaredSymbol,
                    _ => null,
                };

                if (declared is ILocalSymbol local)
                {
                    state.SetMachineWritten(local, machineWritten ??= IsMachineWritten(isPattern.Value, state));
                }
            }
        }

        private static void Declare(ISymbol? declared, Evidence value, FlowState state)
        {
            if (declared is ILocalSymbol local)
            {
                state.Set(local, value);
            }
        }

        private Evidence VisitProperty(IPropertyReferenceOperation reference, FlowState state)
        {
            var instance = reference.Instance is { } receiver ? Visit(receiver, state) : Evidence.None;
            foreach (var argument in reference.Arguments)
            {
                Visit(argument.Value, state);
            }

            var property = reference.Property;
            if (property.GetMethod is { } getter)
            {
                OnCallOrReference(getter, reference, state); // a getter that is a step of a path (Task Announced => …)
            }

            if (MemberEvidence(instance, property) is { IsNone: false } member)
            {
                return member;
            }

            var container = property.ContainingType.OriginalDefinition;
            if (container.SpecialType == SpecialType.System_Nullable_T)
            {
                return property.Name == "HasValue" ? Outcomes(instance.Has(EvidenceFlags.WhenNotNull), false)
                    : property.Name == "Value" ? instance
                    : Evidence.None;
            }

            var symbols = _model.Symbols;
            return property.Name == "Result"
                   && (SymbolEqualityComparer.Default.Equals(container, symbols.TaskOfT) || SymbolEqualityComparer.Default.Equals(container, symbols.ValueTaskOfT))
                ? instance
                : Evidence.None;
        }

        // A field or property (not an indexer) an assignment writes, and whether it is this object's or static.
        private (ISymbol Member, bool Own)? StoredMember(IOperation target)
        {
            if (target is IFlowCaptureReferenceOperation capture && _capturedMembers is not null && _capturedMembers.TryGetValue((_graph, capture.Id), out var captured))
            {
                target = captured;
            }

            return target is IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol { IsIndexer: false } } reference
                ? (reference.Member.OriginalDefinition, reference.Member.IsStatic || reference.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance })
                : null;
        }

        private void Store(ISymbol member, bool own, bool machineWritten, bool assigned, FlowState state)
        {
            if (own)
            {
                if (assigned)
                {
                    state.Assigned(member);
                }

                state.SetMachineWritten(member, machineWritten || (!assigned && state.IsMachineWritten(member)));
            }

            _onStore?.Invoke(member, machineWritten);
        }

        // A read of a field or property holding machine-written content: assigned so in this body on some path, or
        // stored so by some body of its type (StoredContent) and neither overwritten here on every path nor followed
        // by a positive confirmation.
        private bool IsStoredMachineWritten(IMemberReferenceOperation reference, FlowState state)
        {
            var member = reference.Member.OriginalDefinition;
            var own = member.IsStatic || reference.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };
            if (own && state.IsMachineWritten(member))
            {
                return true;
            }

            if (state.Confirmed || (own && state.IsAssigned(member)))
            {
                return false;
            }

            // A computed property of the compilation (string Text => _response.Text) is a helper like any other.
            return StoredContent.IsMachineWritten(_model, member, _cancellationToken)
                   || (reference is IPropertyReferenceOperation { Property.GetMethod: { DeclaringSyntaxReferences.Length: > 0 } getter }
                       && ReturnedContent.Returns(_model, _model.Compilation, getter.OriginalDefinition, _cancellationToken));
        }

        private static object? VariableOf(IOperation operation)
            => operation switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                _ => null,
            };

        private static void ForgetWrittenVariables(IOperation target, FlowState state)
        {
            if (VariableOf(target) is { } variable)
            {
                state.Forget(variable);
                state.Wrote(variable);
                return;
            }

            foreach (var child in target.ChildOperations)
            {
                ForgetWrittenVariables(child, state);
            }
        }

        // The parameters of a called method given machine-written content; empty when none is, or nothing generates text.
        private ImmutableArray<IParameterSymbol> MachineParametersOf(IOperation operation, FlowState state)
        {
            if (_model.MachineWriters is null || operation is not IInvocationOperation call || call.Arguments.IsEmpty)
            {
                return ImmutableArray<IParameterSymbol>.Empty;
            }

            ImmutableArray<IParameterSymbol>.Builder? handed = null;
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter is { } parameter && IsMachineWritten(argument.Value, state))
                {
                    (handed ??= ImmutableArray.CreateBuilder<IParameterSymbol>()).Add(parameter);
                }
            }

            return handed?.ToImmutable() ?? ImmutableArray<IParameterSymbol>.Empty;
        }

        /// <summary>
        /// True when <paramref name="graph"/>, entered with <paramref name="parameters"/> holding machine-written content,
        /// passes it unconfirmed to one of <paramref name="publishCalls"/> (a publish, or a call into the compilation
        /// <paramref name="publishesHanded"/> says publishes what it is given). Lambdas are not looked into.
        /// </summary>
        public static bool PublishesMachineWritten(
            ControlFlowGraph graph, PresenceModel model, IReadOnlyDictionary<SyntaxNode, PublishTarget> publishCalls, ImmutableArray<IParameterSymbol> parameters,
            Func<IInvocationOperation, ImmutableArray<IParameterSymbol>, bool> publishesHanded, CancellationToken cancellationToken)
        {
            var entry = FlowState.Unconfirmed();
            foreach (var parameter in parameters)
            {
                entry.SetMachineWritten(parameter, true);
            }

            var analysis = new ConfirmationFlowAnalysis(model, publishCalls, MaxRounds, cancellationToken);
            var states = analysis.Solve(graph, entry, exempt: false);
            if (analysis._notConverged)
            {
                return false;
            }

            analysis._sites = new List<PublishSite>();
            analysis.Report(graph, states, exempt: false);
            foreach (var site in analysis._sites)
            {
                if (site.Guarded || !site.MachineWritten)
                {
                    continue;
                }

                if (site.Target.Kind is not (PublishKind.Call or PublishKind.Unresolved)
                    || (site.Target.Kind == PublishKind.Call && site.Operation is IInvocationOperation call && publishesHanded(call, site.MachineParameters)))
                {
                    return true;
                }
            }

            return false;
        }

        private bool AnyMachineWritten(ImmutableArray<IArgumentOperation> arguments, FlowState state, int from = 0)
        {
            if (_model.MachineWriters is null)
            {
                return false;
            }

            for (var i = from; i < arguments.Length; i++)
            {
                if (IsMachineWritten(arguments[i].Value, state))
                {
                    return true;
                }
            }

            return false;
        }

        // The local or parameter an extension method of a collection is called on (list.AddMessages(response), its
        // this-parameter an ICollection<T> or IList<T>), which it may add to. Only collections: an extension of a
        // client (bot.SendMessage(chat, text)) does not make the client hold the text.
        private static object? ExtendedCollection(IInvocationOperation invocation)
        {
            if (invocation.Instance is not null || invocation.Arguments.Length < 2 || invocation.TargetMethod is not { IsExtensionMethod: true } method
                || method.Parameters.Length == 0 || !IsMutableCollection(method.Parameters[0].Type))
            {
                return null;
            }

            var receiver = invocation.Arguments[0].Value;
            while (receiver is IConversionOperation { IsImplicit: true } conversion)
            {
                receiver = conversion.Operand;
            }

            return VariableOf(receiver);
        }

        private static bool IsMutableCollection(ITypeSymbol type)
        {
            if (type.SpecialType == SpecialType.System_String)
            {
                return false;
            }

            if (type.OriginalDefinition.SpecialType is SpecialType.System_Collections_Generic_ICollection_T or SpecialType.System_Collections_Generic_IList_T)
            {
                return true;
            }

            foreach (var @interface in type.AllInterfaces)
            {
                if (@interface.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_ICollection_T)
                {
                    return true;
                }
            }

            return false;
        }

        // Whether a value is (or is derived from) language-model output that no confirmation has followed:
        // the completion itself, its properties and awaited results, strings built from it, and whatever a call
        // makes of it (a summary, a trimmed copy, a post object).
        private bool IsMachineWritten(IOperation? operation, FlowState state, int depth = 0)
        {
            if (_model.MachineWriters is not { } writers || operation is null || depth > 32)
            {
                return false;
            }

            switch (operation)
            {
                case ILocalReferenceOperation or IParameterReferenceOperation:
                    return state.IsMachineWritten(VariableOf(operation)!);
                case IFlowCaptureReferenceOperation capture:
                    return state.IsMachineWritten(capture.Id);
                case IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol { IsIndexer: false } } member when IsStoredMachineWritten(member, state):
                    return true;
                case IInvocationOperation invocation:
                    if (writers.Writes(invocation.TargetMethod) || ReturnedContent.IsMachineWritten(_model, invocation, _cancellationToken))
                    {
                        return true;
                    }

                    // A helper whose every return is a constant (a template an answer picks) returns no machine text.
                    if (IsMachineWritten(invocation.Instance, state, depth + 1))
                    {
                        return !ReturnedContent.ReturnsOnlyConstants(_model, invocation, _cancellationToken);
                    }

                    foreach (var argument in invocation.Arguments)
                    {
                        if (IsMachineWritten(argument.Value, state, depth + 1))
                        {
                            return !ReturnedContent.ReturnsOnlyConstants(_model, invocation, _cancellationToken);
                        }
                    }

                    return false;
                case IObjectCreationOperation creation:
                    foreach (var argument in creation.Arguments)
                    {
                        if (IsMachineWritten(argument.Value, state, depth + 1))
                        {
                            return true;
                        }
                    }

                    return creation.Initializer is { } initializer && IsMachineWritten(initializer, state, depth + 1);
                default:
                    foreach (var child in operation.ChildOperations)
                    {
                        if (child is not IAnonymousFunctionOperation and not IFlowAnonymousFunctionOperation && IsMachineWritten(child, state, depth + 1))
                        {
                            return true;
                        }
                    }

                    return false;
            }
        }

        private void RegisterLocalFunctions(ControlFlowGraph graph)
        {
            foreach (var localFunction in graph.LocalFunctions)
            {
                var symbol = localFunction.OriginalDefinition;
                if (!_nestedBySymbol.ContainsKey(symbol))
                {
                    Add(Nested(graph.GetLocalFunctionControlFlowGraph(localFunction), symbol), symbol);
                }
            }
        }

        private void EnterNestedFunction(IMethodSymbol symbol, IFlowAnonymousFunctionOperation? lambda, FlowState state)
        {
            if (_sites is not null)
            {
                return; // reporting: entries are final
            }

            if (!_nestedBySymbol.TryGetValue(symbol, out var nested))
            {
                if (lambda is null)
                {
                    return; // a local function of an enclosing member body that this graph cannot see
                }

                nested = Nested(_graph.GetAnonymousFunctionControlFlowGraph(lambda), symbol);
                Add(nested, symbol);
            }

            var entry = FlowState.Meet(nested.Entry, state);
            if (!FlowState.AreEqual(entry, nested.Entry))
            {
                nested.Entry = entry;
                Enqueue(nested);
            }
        }

        // Exempt when the graph it is in is, or by its own attributes; automated when exempt only by [AutomatedPresence]
        // (its own, or that of the function it is in, and no other exemption of its own).
        private NestedFunction Nested(ControlFlowGraph graph, IMethodSymbol symbol)
        {
            var exemptItself = _model.Scopes.IsExemptFunction(symbol);
            var automated = exemptItself
                ? (!_graphIsExempt || _graphIsAutomated) && _model.Scopes.IsAutomatedOnlyFunction(symbol)
                : _graphIsAutomated;
            return new NestedFunction(graph, _graphIsExempt || exemptItself, automated);
        }

        private void Add(NestedFunction nested, IMethodSymbol symbol)
        {
            _nestedBySymbol.Add(symbol, nested);
            _nested.Add(nested);
        }

        private void Enqueue(NestedFunction nested)
        {
            if (!nested.IsQueued)
            {
                nested.IsQueued = true;
                _pending.Enqueue(nested);
            }
        }

        // For the first block of each catch, filter and finally: the try region it guards.
        private static ControlFlowRegion?[] FindHandlerTryRegions(ControlFlowGraph graph)
        {
            var result = new ControlFlowRegion?[graph.Blocks.Length];
            foreach (var block in graph.Blocks)
            {
                for (var region = block.EnclosingRegion; region is not null && region.FirstBlockOrdinal == block.Ordinal; region = region.EnclosingRegion)
                {
                    var guarded = region.Kind switch
                    {
                        ControlFlowRegionKind.Catch when region.EnclosingRegion?.Kind == ControlFlowRegionKind.TryAndCatch => region.EnclosingRegion,
                        ControlFlowRegionKind.Filter => region.EnclosingRegion?.EnclosingRegion,
                        ControlFlowRegionKind.Finally => region.EnclosingRegion,
                        _ => null,
                    };

                    if (guarded is not null && guarded.NestedRegions.Length > 0)
                    {
                        result[block.Ordinal] = guarded.NestedRegions[0];
                        break;
                    }
                }
            }

            return result;
        }

        private sealed class NestedFunction
        {
            public NestedFunction(ControlFlowGraph graph, bool isExempt, bool isAutomated)
            {
                Graph = graph;
                IsExempt = isExempt;
                IsAutomated = isAutomated;
            }

            public ControlFlowGraph Graph { get; }

            public bool IsExempt { get; }

            public bool IsAutomated { get; }

            public FlowState? Entry { get; set; }

            public bool IsQueued { get; set; }

            public FlowState?[]? States { get; set; }
        }
    }
}
