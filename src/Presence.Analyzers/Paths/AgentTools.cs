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
        private int _filters;

        private readonly Compilation _compilation;

        // The methods of this compilation handed to an agent by a method group (AIFunctionFactory.Create(tools.PostAsync)),
        // found once, on the first question.
        private HashSet<IMethodSymbol>? _methodGroupTools;

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

        /// <summary>A publishing tool handed to an agent by this invocation, if it is one: its name, the lambda or method group, whether nobody approves its calls.</summary>
        public (string Name, SyntaxNode Callback, bool Unreviewed)? ToolOf(IInvocationOperation invocation, Func<IOperation, bool> isPublishing)
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
                    case IMethodReferenceOperation reference when isPublishing(reference):
                        return (PublishTarget.ApiName(reference.Method), reference.Syntax, !IsWrapped(invocation));

                    case IAnonymousFunctionOperation lambda:
                        var publish = lambda.Body.Descendants().FirstOrDefault(isPublishing);
                        if (publish is not null)
                        {
                            var name = publish is IInvocationOperation call ? PublishTarget.ApiName(call.TargetMethod) : "a lambda";
                            return (name, lambda.Syntax, !IsWrapped(invocation));
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
                        _indirectTools.Add((invocation.Syntax, PublishTarget.ApiName(reference.Method), ImmutableArray.Create(reference.Method.OriginalDefinition)));
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

        // new ApprovalRequiredAIFunction(AIFunctionFactory.Create(...)), directly or through a local the body wraps:
        // the agent framework asks before each call.
        private bool IsWrapped(IOperation operation)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case IConversionOperation or IArgumentOperation:
                        continue;
                    case IObjectCreationOperation creation:
                        return IsApprovalRequired(creation);
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

        // var raw = AIFunctionFactory.Create(...); … new ApprovalRequiredAIFunction(raw) in the same body.
        private bool WrapsLocal(IOperation inBody, ILocalSymbol local)
        {
            var root = inBody;
            while (root.Parent is { } parent)
            {
                root = parent;
            }

            return root.Descendants().Any(operation => operation is IObjectCreationOperation creation && IsApprovalRequired(creation)
                && creation.Arguments.Any(argument => UrlText.WithoutConversions(argument.Value) is ILocalReferenceOperation reference
                                                      && SymbolEqualityComparer.Default.Equals(reference.Local, local)));
        }

        /// <summary>
        /// True when <paramref name="method"/> is handed to an agent as a tool by a method group anywhere in the source: its
        /// own body is the tool, judged as the tool (PRES008 at the registration), not as a PRES001 of its own. Asked only of
        /// a body about to report a publish; answered from the files that name AIFunctionFactory.
        /// </summary>
        public bool IsToolByUse(IMethodSymbol? method, System.Threading.CancellationToken cancellationToken)
        {
            if (method is null || _functionFactory is null || method.MethodKind != MethodKind.Ordinary)
            {
                return false;
            }

            var tools = System.Threading.Volatile.Read(ref _methodGroupTools);
            if (tools is null)
            {
                tools = FindMethodGroupTools(cancellationToken);
                System.Threading.Interlocked.CompareExchange(ref _methodGroupTools, tools, null);
            }

            return tools.Contains(method.OriginalDefinition);
        }

        private HashSet<IMethodSymbol> FindMethodGroupTools(System.Threading.CancellationToken cancellationToken)
        {
            var found = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            var use = NameUse.Of(_compilation, "AIFunctionFactory", cancellationToken);
            if (!use.InSource)
            {
                return found;
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
                            if (EntryPoints.CallbackTarget(argument.Value) is IMethodReferenceOperation { Method: var tool })
                            {
                                found.Add(tool.OriginalDefinition);
                            }
                        }
                    }
                }
            }

            return found;
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
                    System.Threading.Interlocked.Increment(ref _filters);
                }
            }
        }

        /// <summary>
        /// Reports the kernel functions that publish, in their own body or, with <paramref name="graph"/> (null when
        /// nothing in the compilation can publish), further down a path; and the tools handed to an agent whose path
        /// publishes.
        /// </summary>
        public void Report(CompilationAnalysisContext context, CallGraph? graph, Func<SyntaxTree?, int> maxDepth)
        {
            foreach (var (registration, name, starts) in _indirectTools.OrderBy(t => t.Registration.SyntaxTree.FilePath, StringComparer.Ordinal).ThenBy(t => t.Registration.SpanStart))
            {
                if (graph is not null && FirstPath(graph, starts, maxDepth(registration.SyntaxTree), context.CancellationToken) is { } path)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        PresenceDiagnostics.MachineWrittenUnreviewedAtEnd, registration.GetLocation(), path.Locations(), properties: null,
                        "An AI agent is given '" + name + "' as a tool, which publishes: " + path.Describe(),
                        "wrap it in ApprovalRequiredAIFunction so that a person approves each call"));
                }
            }

            if (_filters > 0)
            {
                return;
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
                        "an agent can call it, and this compilation has no IFunctionInvocationFilter or IAutoFunctionInvocationFilter to ask a person first"));
                }
            }
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
