using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Presence.Analyzers.Catalog;
using Presence.Analyzers.Model;
using Presence.Compilations;

namespace Presence.Analyzers.Paths
{
    /// <summary>
    /// PRES008 for AI agents given a publish tool: <c>AIFunctionFactory.Create</c> over a publishing method or
    /// lambda that is not wrapped in <c>ApprovalRequiredAIFunction</c> (Microsoft.Extensions.AI, and the agent
    /// frameworks built on it), and Semantic Kernel <c>[KernelFunction]</c> methods that publish in a compilation
    /// with no function-invocation filter to ask a person. Null for a compilation that references neither.
    /// </summary>
    internal sealed class AgentTools
    {
        /// <summary>The advice for a publishing tool nobody approves: the forms of wrapping that are recognised.</summary>
        public const string WrapAdvice = "wrap it in ApprovalRequiredAIFunction so that a person approves each call (around the Create call, around a local that holds it, or in a helper or a Select that returns every tool wrapped)";

        private readonly INamedTypeSymbol? _functionFactory;
        private readonly INamedTypeSymbol? _approvalRequired;
        private readonly INamedTypeSymbol? _kernelFunction;
        private readonly INamedTypeSymbol? _invocationFilter;
        private readonly INamedTypeSymbol? _autoInvocationFilter;
        private readonly ConcurrentDictionary<IMethodSymbol, PublishTarget> _kernelFunctionsThatPublish
            = new ConcurrentDictionary<IMethodSymbol, PublishTarget>(SymbolEqualityComparer.Default);

        // Tools and kernel functions whose own body does not publish but may call code that does: decided at
        // compilation end, on the call graph.
        private readonly ConcurrentBag<(SyntaxNode Registration, string Name, ImmutableArray<IMethodSymbol> Starts)> _indirectTools
            = new ConcurrentBag<(SyntaxNode, string, ImmutableArray<IMethodSymbol>)>();
        private readonly ConcurrentBag<IMethodSymbol> _kernelFunctions = new ConcurrentBag<IMethodSymbol>();
        private readonly ConcurrentBag<INamedTypeSymbol> _filters = new ConcurrentBag<INamedTypeSymbol>();

        private readonly Compilation _compilation;

        // The methods of this compilation handed to an agent by a method group (AIFunctionFactory.Create(tools.PostAsync)),
        // or called by a wrapped lambda tool, and the registrations that hand them over: found once, on the first question.
        private HandedTools? _handedTools;

        // The findings in such a method's own body, reported at compilation end only if plain code calls the method too.
        private readonly ConcurrentQueue<(IMethodSymbol Tool, Diagnostic Finding)> _toolBodyFindings = new ConcurrentQueue<(IMethodSymbol, Diagnostic)>();

        private sealed class HandedTools
        {
            public HandedTools(HashSet<IMethodSymbol> methods, HashSet<SyntaxNode> registrations)
            {
                Methods = methods;
                Registrations = registrations;
            }

            public HashSet<IMethodSymbol> Methods { get; }

            public HashSet<SyntaxNode> Registrations { get; }
        }

        private AgentTools(Compilation compilation)
        {
            _compilation = compilation;
            _functionFactory = compilation.GetBestTypeByMetadataName("Microsoft.Extensions.AI.AIFunctionFactory");
            _approvalRequired = compilation.GetBestTypeByMetadataName("Microsoft.Extensions.AI.ApprovalRequiredAIFunction");
            _kernelFunction = compilation.GetBestTypeByMetadataName("Microsoft.SemanticKernel.KernelFunctionAttribute");
            _invocationFilter = compilation.GetBestTypeByMetadataName("Microsoft.SemanticKernel.IFunctionInvocationFilter");
            _autoInvocationFilter = compilation.GetBestTypeByMetadataName("Microsoft.SemanticKernel.IAutoFunctionInvocationFilter");
        }

        public static AgentTools? For(Compilation compilation)
        {
            var tools = new AgentTools(compilation);
            return tools._functionFactory is null && tools._kernelFunction is null ? null : tools;
        }

        /// <summary>Whether a call of <paramref name="method"/> may hand a tool to an agent (see <see cref="ToolOf"/>).</summary>
        public bool MayMakeTool(IMethodSymbol method)
            => _functionFactory is not null && method.Name == "Create" && SymbolEqualityComparer.Default.Equals(method.ContainingType, _functionFactory);

        /// <summary>
        /// A publishing tool handed to an agent by this invocation, if it is one: how the message names it ('Type.Method',
        /// or a lambda), the lambda or method group, whether nobody approves its calls, and what it publishes as
        /// <paramref name="describe"/> says (null for a call that does not publish).
        /// </summary>
        public (string Name, SyntaxNode Callback, bool Unreviewed, string What)? ToolOf(IInvocationOperation invocation, Func<IOperation, string?> describe)
        {
            if (_functionFactory is null || invocation.TargetMethod.Name != "Create"
                || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, _functionFactory))
            {
                return null;
            }

            foreach (var argument in invocation.Arguments)
            {
                switch (EntryPoints.CallbackTarget(argument.Value))
                {
                    case IMethodReferenceOperation reference when describe(reference) is { } what:
                        return ("'" + PublishTarget.ApiName(reference.Method) + "'", reference.Syntax, !IsWrapped(invocation), what);

                    case IAnonymousFunctionOperation lambda:
                        foreach (var operation in lambda.Body.Descendants())
                        {
                            if (describe(operation) is { } published)
                            {
                                return ("a lambda", lambda.Syntax, !IsWrapped(invocation), published);
                            }
                        }

                        break;
                }
            }

            return null;
        }

        /// <summary>
        /// Notes a tool handed to an agent whose own body does not publish (<see cref="ToolOf"/> found nothing) and
        /// that nobody approves: a method group of this compilation, or the methods a lambda calls, which may publish
        /// further on (<c>AIFunctionFactory.Create(poster.PostAsync)</c> where PostAsync sends the request).
        /// </summary>
        public void NoteIndirectTool(IInvocationOperation invocation)
        {
            if (!MayMakeTool(invocation.TargetMethod) || IsWrapped(invocation))
            {
                return;
            }

            foreach (var argument in invocation.Arguments)
            {
                switch (EntryPoints.CallbackTarget(argument.Value))
                {
                    case IMethodReferenceOperation reference when reference.Method.DeclaringSyntaxReferences.Length > 0:
                        _indirectTools.Add((invocation.Syntax, "'" + PublishTarget.ApiName(reference.Method) + "'", ImmutableArray.Create(reference.Method.OriginalDefinition)));
                        return;

                    case IAnonymousFunctionOperation lambda:
                        var starts = lambda.Body.Descendants().OfType<IInvocationOperation>()
                            .Select(call => call.TargetMethod.OriginalDefinition)
                            .Where(method => method.DeclaringSyntaxReferences.Length > 0 && method.MethodKind is not (MethodKind.LocalFunction or MethodKind.AnonymousFunction))
                            .Distinct<IMethodSymbol>(SymbolEqualityComparer.Default)
                            .ToImmutableArray();
                        if (!starts.IsEmpty)
                        {
                            _indirectTools.Add((invocation.Syntax, "a lambda", starts));
                        }

                        return;
                }
            }
        }

        /// <summary>
        /// The lambda or method group a <c>Create</c> call hands to an agent wrapped in <c>ApprovalRequiredAIFunction</c>:
        /// the agent framework runs it only after a person approves the call, so nothing in it is a step of an unattended
        /// path. Null for any other call.
        /// </summary>
        public SyntaxNode? ApprovedCallback(IInvocationOperation invocation)
        {
            if (!MayMakeTool(invocation.TargetMethod))
            {
                return null;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (EntryPoints.CallbackTarget(argument.Value) is { } callback)
                {
                    return IsWrapped(invocation) ? callback.Syntax : null;
                }
            }

            return null;
        }

        // new ApprovalRequiredAIFunction(AIFunctionFactory.Create(...)), or a helper whose every return wraps the tool it is
        // given, directly, through a collection of tools, or through a local the body wraps (also with a Select or a
        // foreach over it): the agent framework asks before each call.
        private bool IsWrapped(IOperation operation)
        {
            var current = operation;
            for (var parent = operation.Parent; parent is not null; current = parent, parent = parent.Parent)
            {
                switch (parent)
                {
                    // A collection of tools: [Create(a)], new[] { Create(a) }, new List<AIFunction> { Create(a) }.
                    case IConversionOperation or IArgumentOperation or ICollectionExpressionOperation or ISpreadOperation
                        or IArrayInitializerOperation or IArrayCreationOperation or IObjectOrCollectionInitializerOperation:
                        continue;
                    case IInvocationOperation { IsImplicit: true, Parent: IObjectOrCollectionInitializerOperation }:
                        continue;
                    case IObjectCreationOperation creation:
                        if (current is IObjectOrCollectionInitializerOperation)
                        {
                            continue;
                        }

                        return IsApprovalRequired(creation);
                    case IInvocationOperation call:
                        return current is IArgumentOperation { Parameter: { } parameter } && WrapsArgument(call, parameter, depth: 0);
                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: { } local } }:
                        return WrapsLocal(current, local);
                    default:
                        return false;
                }
            }

            return false;
        }

        private bool IsApprovalRequired(IObjectCreationOperation creation)
            => _approvalRequired is not null && SymbolEqualityComparer.Default.Equals(creation.Type, _approvalRequired);

        // var raw = AIFunctionFactory.Create(...); … new ApprovalRequiredAIFunction(raw), Wrap(raw), raw.Select(f => new
        // ApprovalRequiredAIFunction(f)) or foreach (var f in raw) … new ApprovalRequiredAIFunction(f) in the same body.
        private bool WrapsLocal(IOperation inBody, ILocalSymbol local)
        {
            var root = inBody;
            while (root.Parent is { } parent)
            {
                root = parent;
            }

            foreach (var operation in root.Descendants())
            {
                switch (operation)
                {
                    case IArgumentOperation { Parameter: { } parameter, Parent: IInvocationOperation call } argument when Refers(argument.Value, local):
                        if (WrapsArgument(call, parameter, depth: 0))
                        {
                            return true;
                        }

                        break;
                    case IArgumentOperation { Parent: IObjectCreationOperation creation } argument when Refers(argument.Value, local):
                        if (IsApprovalRequired(creation))
                        {
                            return true;
                        }

                        break;
                    case IForEachLoopOperation { LoopControlVariable: IVariableDeclaratorOperation { Symbol: { } each } } loop when Refers(loop.Collection, local):
                        if (loop.Body.Descendants().Any(inLoop => inLoop is IArgumentOperation wrapped && Refers(wrapped.Value, each) && Wrapping(wrapped)))
                        {
                            return true;
                        }

                        break;
                }
            }

            return false;
        }

        // An argument that is wrapped where it is passed: to new ApprovalRequiredAIFunction(…) or to a wrapping helper.
        private bool Wrapping(IArgumentOperation argument)
            => argument.Parent switch
            {
                IObjectCreationOperation creation => IsApprovalRequired(creation),
                IInvocationOperation call => argument.Parameter is { } parameter && WrapsArgument(call, parameter, depth: 0),
                _ => false,
            };

        // Whether what a call returns is the tool passed as parameter, wrapped: a helper of the compilation whose every
        // return wraps that parameter, or Enumerable.Select over the tools with a selector that wraps each.
        private bool WrapsArgument(IInvocationOperation call, IParameterSymbol parameter, int depth)
        {
            var method = call.TargetMethod;
            if (method is { Name: "Select", ContainingType: { Name: "Enumerable", ContainingNamespace: { Name: "Linq", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } })
            {
                return parameter.Ordinal == 0
                    && call.Arguments.FirstOrDefault(argument => argument.Parameter?.Ordinal == 1) is { } selector
                    && EntryPoints.CallbackTarget(selector.Value) switch
                    {
                        IAnonymousFunctionOperation { Symbol.Parameters: { Length: > 0 } parameters } lambda => EveryReturnWraps(lambda.Body, parameters[0], depth),
                        IMethodReferenceOperation { Method.Parameters: { Length: > 0 } parameters } reference => IsWrappingHelper(reference.Method, parameters[0], depth),
                        _ => false,
                    };
            }

            return IsWrappingHelper(method, parameter, depth);
        }

        private readonly ConcurrentDictionary<IParameterSymbol, bool> _wrappingHelpers = new ConcurrentDictionary<IParameterSymbol, bool>(SymbolEqualityComparer.Default);

        // A method of the compilation whose every return is its parameter wrapped (AIFunction RequireApproval(AIFunction f)
        // => new ApprovalRequiredAIFunction(f)): bound once each, only for the few methods a tool is passed to.
        private bool IsWrappingHelper(IMethodSymbol method, IParameterSymbol parameter, int depth)
        {
            method = (method.ReducedFrom ?? method).OriginalDefinition;
            if (_approvalRequired is null || depth > 4 || method.DeclaringSyntaxReferences.Length != 1 || method.ReturnsVoid
                || parameter.Ordinal >= method.Parameters.Length)
            {
                return false;
            }

            parameter = method.Parameters[parameter.Ordinal];
            if (_wrappingHelpers.TryGetValue(parameter, out var known))
            {
                return known;
            }

            var syntax = method.DeclaringSyntaxReferences[0].GetSyntax();
            var result = false;
            if (_compilation.ContainsSyntaxTree(syntax.SyntaxTree))
            {
#pragma warning disable RS1030 // Only the methods a tool is handed to are bound here, once each.
                var body = _compilation.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax);
#pragma warning restore RS1030
                result = body is IMethodBodyOperation or IBlockOperation { Parent: null } && EveryReturnWraps(body, parameter, depth + 1);
            }

            _wrappingHelpers.TryAdd(parameter, result);
            return result;
        }

        private bool EveryReturnWraps(IOperation body, ISymbol wrapped, int depth)
        {
            var any = false;
            foreach (var operation in body.DescendantsAndSelf())
            {
                if (operation is IReturnOperation returned && !InNestedFunction(returned, body))
                {
                    if (returned.Kind != OperationKind.Return || !Wraps(returned.ReturnedValue, wrapped, depth))
                    {
                        return false;
                    }

                    any = true;
                }
            }

            return any;
        }

        private bool Wraps(IOperation? value, ISymbol wrapped, int depth)
        {
            value = UrlText.WithoutConversions(value);
            return value switch
            {
                IObjectCreationOperation creation => IsApprovalRequired(creation) && creation.Arguments.Any(argument => Refers(argument.Value, wrapped)),
                IInvocationOperation call => call.Arguments.FirstOrDefault(argument => Refers(argument.Value, wrapped)) is { Parameter: { } parameter }
                                             && WrapsArgument(call, parameter, depth + 1),
                // f is ApprovalRequiredAIFunction ? f : new ApprovalRequiredAIFunction(f): wrapped either way.
                IConditionalOperation conditional => (Wraps(conditional.WhenTrue, wrapped, depth) || (TestsWrapped(conditional.Condition, wrapped) && Refers(conditional.WhenTrue, wrapped)))
                                                     && Wraps(conditional.WhenFalse, wrapped, depth),
                _ => false,
            };
        }

        private bool TestsWrapped(IOperation condition, ISymbol wrapped)
            => condition switch
            {
                IIsTypeOperation test => Refers(test.ValueOperand, wrapped) && SymbolEqualityComparer.Default.Equals(test.TypeOperand, _approvalRequired),
                IIsPatternOperation { Pattern: ITypePatternOperation or IDeclarationPatternOperation } test => Refers(test.Value, wrapped)
                    && SymbolEqualityComparer.Default.Equals(test.Pattern.NarrowedType, _approvalRequired),
                _ => false,
            };

        private static bool Refers(IOperation? value, ISymbol symbol)
            => UrlText.WithoutConversions(value) switch
            {
                ILocalReferenceOperation reference => SymbolEqualityComparer.Default.Equals(reference.Local, symbol),
                IParameterReferenceOperation reference => SymbolEqualityComparer.Default.Equals(reference.Parameter, symbol),
                _ => false,
            };

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

        /// <summary>
        /// True when <paramref name="method"/> is handed to an agent as a tool: by a method group, or called by a lambda tool
        /// wrapped in ApprovalRequiredAIFunction. Its own body is the tool, judged as the tool (PRES008 at the registration,
        /// nothing once wrapped), unless plain code calls it too: a finding there is given to <see cref="KeepUntilCalled"/>,
        /// which reports it at compilation end only then. Asked only of a body about to report a publish; answered from the
        /// files that name AIFunctionFactory.
        /// </summary>
        public bool IsHandedAsTool(IMethodSymbol? method, System.Threading.CancellationToken cancellationToken)
            => method is not null && _functionFactory is not null && method.MethodKind == MethodKind.Ordinary
               && HandedToolsOf(cancellationToken).Methods.Contains(ToolKey(method));

        /// <summary>A finding in the body of a method handed to an agent as a tool, reported only if plain code calls the method too.</summary>
        public void KeepUntilCalled(IMethodSymbol tool, Diagnostic finding) => _toolBodyFindings.Enqueue((ToolKey(tool), finding));

        /// <summary>
        /// Reports the kept findings of the tools that plain code calls or hands on too, by symbol, from the calls kept for
        /// the path search (<paramref name="calls"/>, read only when a finding is kept): a call of the very method outside
        /// the registrations that hand it to the agent and outside its own body. A method that only shares the name, or an
        /// overload, is another symbol.
        /// </summary>
        public void ReportToolsCalledOtherwise(CompilationAnalysisContext context, IEnumerable<(IMethodSymbol Caller, IMethodSymbol Callee, SyntaxNode Call)> calls)
        {
            if (_toolBodyFindings.IsEmpty || System.Threading.Volatile.Read(ref _handedTools) is not { } handed)
            {
                return;
            }

            var kept = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            foreach (var (tool, _) in _toolBodyFindings)
            {
                kept.Add(tool);
            }

            var called = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            foreach (var (caller, callee, call) in calls)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var key = ToolKey(callee);
                if (kept.Contains(key) && !SymbolEqualityComparer.Default.Equals(ToolKey(caller), key)
                    && !call.AncestorsAndSelf().Any(handed.Registrations.Contains))
                {
                    called.Add(key);
                }
            }

            foreach (var (tool, finding) in _toolBodyFindings)
            {
                if (called.Contains(tool))
                {
                    context.ReportDiagnostic(finding);
                }
            }
        }

        // A method as calls and method groups name it: the definition, the body that runs for a partial method.
        private static IMethodSymbol ToolKey(IMethodSymbol method)
        {
            method = (method.ReducedFrom ?? method).OriginalDefinition;
            return method.PartialImplementationPart ?? method;
        }

        private HandedTools HandedToolsOf(System.Threading.CancellationToken cancellationToken)
        {
            var handed = System.Threading.Volatile.Read(ref _handedTools);
            if (handed is null)
            {
                handed = FindHandedTools(cancellationToken);
                handed = System.Threading.Interlocked.CompareExchange(ref _handedTools, handed, null) ?? handed;
            }

            return handed;
        }

        private HandedTools FindHandedTools(System.Threading.CancellationToken cancellationToken)
        {
            var found = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            var registrations = new HashSet<SyntaxNode>();
            var use = NameUse.Of(_compilation, "AIFunctionFactory", cancellationToken);
            if (!use.InSource)
            {
                return new HandedTools(found, registrations);
            }

            foreach (var tree in use.NamingFiles ?? _compilation.SyntaxTrees)
            {
                SemanticModel? semanticModel = null;
                foreach (var call in tree.GetRoot(cancellationToken).DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax>())
                {
                    if (call.Expression is not Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Create" })
                    {
                        continue;
                    }

#pragma warning disable RS1030 // Only the Create calls of the files that name AIFunctionFactory, once per compilation.
                    semanticModel ??= _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                    if (semanticModel.GetOperation(call, cancellationToken) is IInvocationOperation invocation && MayMakeTool(invocation.TargetMethod))
                    {
                        foreach (var argument in invocation.Arguments)
                        {
                            if (EntryPoints.CallbackTarget(argument.Value) is IMethodReferenceOperation { Method: var tool } reference)
                            {
                                found.Add(ToolKey(tool));
                                registrations.Add(reference.Syntax);
                            }
                            else if (EntryPoints.CallbackTarget(argument.Value) is IAnonymousFunctionOperation lambda && IsWrapped(invocation))
                            {
                                // A lambda a person approves each call of: the methods it calls run for the tool alone
                                // unless plain code calls them too.
                                foreach (var called in lambda.Body.Descendants().OfType<IInvocationOperation>())
                                {
                                    if (called.TargetMethod is { MethodKind: MethodKind.Ordinary, DeclaringSyntaxReferences.Length: > 0 } method)
                                    {
                                        found.Add(ToolKey(method));
                                    }
                                }

                                registrations.Add(lambda.Syntax);
                            }
                        }
                    }
                }
            }

            return new HandedTools(found, registrations);
        }

        public bool IsKernelFunction(IMethodSymbol? method)
            => method is not null && _kernelFunction is not null && PresenceSymbols.HasAttribute(method, _kernelFunction);

        public void AddKernelFunctionPublish(IMethodSymbol function, PublishTarget target)
            => _kernelFunctionsThatPublish.TryAdd(function.OriginalDefinition, target);

        /// <summary>
        /// Notes a source type that implements a Semantic Kernel function filter, where a person can be asked, and its
        /// [KernelFunction] methods.
        /// </summary>
        public void NoteType(INamedTypeSymbol type)
        {
            if (_kernelFunction is not null)
            {
                foreach (var member in type.GetMembers())
                {
                    if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method && IsKernelFunction(method))
                    {
                        _kernelFunctions.Add(method.OriginalDefinition);
                    }
                }
            }

            foreach (var @interface in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(@interface, _invocationFilter) || SymbolEqualityComparer.Default.Equals(@interface, _autoInvocationFilter))
                {
                    _filters.Add(type);
                }
            }
        }

        /// <summary>
        /// Reports the kernel functions that publish, in their own body or, with <paramref name="graph"/> (null when
        /// nothing in the compilation can publish), further down a path; and the tools handed to an agent whose path
        /// publishes.
        /// </summary>
        public void Report(CompilationAnalysisContext context, CallGraph? graph, Func<SyntaxTree?, int> maxDepth, Func<IMethodSymbol, bool> confirms)
        {
            foreach (var (registration, name, starts) in _indirectTools.OrderBy(t => t.Registration.SyntaxTree.FilePath, StringComparer.Ordinal).ThenBy(t => t.Registration.SpanStart))
            {
                if (graph is not null && FirstPath(graph, starts, maxDepth(registration.SyntaxTree), context.CancellationToken) is { } path)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        PresenceDiagnostics.MachineWrittenUnreviewedAtEnd, registration.GetLocation(), path.Locations(), properties: null,
                        "An AI agent is given " + name + " as a tool, which publishes: " + path.Describe(),
                        WrapAdvice));
                }
            }

            // Decided only when a kernel function may be reported: the filters' bodies are bound here, once.
            string? alwaysRunning = null;
            if (!_filters.IsEmpty && (!_kernelFunctionsThatPublish.IsEmpty || !_kernelFunctions.IsEmpty))
            {
                var filters = _filters.Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default).ToList();
                if (filters.Any(filter => FilterAsks(filter, confirms, context.CancellationToken)))
                {
                    return;
                }

                alwaysRunning = string.Join(", ", filters.Select(filter => "'" + filter.Name + "'").OrderBy(name => name, StringComparer.Ordinal));
            }

            var reported = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            foreach (var function in _kernelFunctionsThatPublish.Keys.Concat(_kernelFunctions).OrderBy(f => f.Locations[0].SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(f => f.Locations[0].SourceSpan.Start))
            {
                if (!reported.Add(function))
                {
                    continue;
                }

                string? what = _kernelFunctionsThatPublish.TryGetValue(function, out var own) ? own.Describe()
                    : graph is not null && graph.ShortestPath(function, maxDepth(function.Locations[0].SourceTree), context.CancellationToken) is { } path ? path.Describe()
                    : null;
                if (what is not null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        PresenceDiagnostics.MachineWrittenUnreviewedAtEnd,
                        function.Locations[0],
                        "The Semantic Kernel function '" + CallGraph.NameOf(function) + "' publishes (" + what + ")",
                        alwaysRunning is null
                            ? "an agent can call it, and this compilation has no IFunctionInvocationFilter or IAutoFunctionInvocationFilter to ask a person first"
                            : "an agent can call it, and no IFunctionInvocationFilter or IAutoFunctionInvocationFilter of this compilation asks a person first: "
                              + alwaysRunning + " always runs the function; let a filter ask (a [HumanConfirmation]) and call next only on yes"));
                }
            }
        }

        /// <summary>
        /// Whether a function filter can stop the function it wraps, as one that asks a person does: it calls a
        /// [HumanConfirmation], or some path through it ends (returns or throws) without running <c>next</c>. A filter
        /// that hands <c>next</c> to other code (a lambda, a helper), or whose body is not in this compilation, is
        /// trusted; one that runs <c>next</c> on every path (timing, logging) asks nobody.
        /// </summary>
        private bool FilterAsks(INamedTypeSymbol filter, Func<IMethodSymbol, bool> confirms, System.Threading.CancellationToken cancellationToken)
        {
            foreach (var @interface in new[] { _invocationFilter, _autoInvocationFilter })
            {
                if (@interface is null || !filter.AllInterfaces.Contains(@interface, SymbolEqualityComparer.Default))
                {
                    continue;
                }

                foreach (var member in @interface.GetMembers().OfType<IMethodSymbol>())
                {
                    if (filter.FindImplementationForInterfaceMember(member) is not IMethodSymbol implementation)
                    {
                        continue;
                    }

                    if (implementation.DeclaringSyntaxReferences.Length != 1 || implementation.Parameters.Length < 2
                        || !_compilation.ContainsSyntaxTree(implementation.DeclaringSyntaxReferences[0].SyntaxTree))
                    {
                        return true;
                    }

                    var syntax = implementation.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
#pragma warning disable RS1030 // Only the few function filters, once, when a kernel function would be reported.
                    var body = _compilation.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax, cancellationToken);
#pragma warning restore RS1030
                    if (body is not IMethodBodyOperation methodBody || MayStop(methodBody, implementation.Parameters[implementation.Parameters.Length - 1], confirms, cancellationToken))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool MayStop(IMethodBodyOperation body, IParameterSymbol next, Func<IMethodSymbol, bool> confirms, System.Threading.CancellationToken cancellationToken)
        {
            var runs = new HashSet<IOperation>();
            foreach (var operation in body.Descendants())
            {
                switch (operation)
                {
                    case IInvocationOperation invocation when confirms(invocation.TargetMethod):
                        return true;
                    case IParameterReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Parameter, next):
                        // Run here, in the filter's own body: anything else hands it on, to code not followed.
                        if (reference.Parent is not IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke } run || InNestedFunction(run, body))
                        {
                            return true;
                        }

                        runs.Add(run);
                        break;
                }
            }

            if (runs.Count == 0)
            {
                return true;
            }

            var graph = Microsoft.CodeAnalysis.FlowAnalysis.ControlFlowGraph.Create(body, cancellationToken);
            var runSpans = runs.Select(run => run.Syntax.Span).ToList();
            bool Runs(Microsoft.CodeAnalysis.FlowAnalysis.BasicBlock block)
                => block.Operations.Concat(block.BranchValue is null ? Enumerable.Empty<IOperation>() : new[] { block.BranchValue })
                    .Any(operation => operation.Syntax.SyntaxTree == body.Syntax.SyntaxTree && runSpans.Any(span => operation.Syntax.Span.Contains(span)));

            // From the entry, without passing a block that runs next: reaching the exit or a throw stops the function.
            var seen = new HashSet<int>();
            var pending = new Stack<Microsoft.CodeAnalysis.FlowAnalysis.BasicBlock>();
            pending.Push(graph.Blocks[0]);
            while (pending.Count > 0)
            {
                var block = pending.Pop();
                if (!seen.Add(block.Ordinal) || Runs(block))
                {
                    continue;
                }

                if (block.Kind == Microsoft.CodeAnalysis.FlowAnalysis.BasicBlockKind.Exit
                    || block.FallThroughSuccessor?.Semantics is Microsoft.CodeAnalysis.FlowAnalysis.ControlFlowBranchSemantics.Throw
                        or Microsoft.CodeAnalysis.FlowAnalysis.ControlFlowBranchSemantics.Rethrow)
                {
                    return true;
                }

                foreach (var successor in new[] { block.FallThroughSuccessor, block.ConditionalSuccessor })
                {
                    if (successor?.Destination is { } destination)
                    {
                        pending.Push(destination);
                    }
                }
            }

            return false;
        }

        private static UnattendedPath? FirstPath(CallGraph graph, ImmutableArray<IMethodSymbol> starts, int maxDepth, System.Threading.CancellationToken cancellationToken)
        {
            foreach (var start in starts)
            {
                if (graph.ShortestPath(start, maxDepth, cancellationToken) is { } path)
                {
                    return path;
                }
            }

            return null;
        }
    }
}
