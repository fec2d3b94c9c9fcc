using System;
using System.Collections.Concurrent;
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
        private int _filters;

        private AgentTools(Compilation compilation)
        {
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

        // new ApprovalRequiredAIFunction(AIFunctionFactory.Create(...)): the agent framework asks before each call.
        private bool IsWrapped(IOperation operation)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case IConversionOperation or IArgumentOperation:
                        continue;
                    case IObjectCreationOperation creation:
                        return _approvalRequired is not null && SymbolEqualityComparer.Default.Equals(creation.Type, _approvalRequired);
                    default:
                        return false;
                }
            }

            return false;
        }

        public bool IsKernelFunction(IMethodSymbol? method)
            => method is not null && _kernelFunction is not null && PresenceSymbols.HasAttribute(method, _kernelFunction);

        public void AddKernelFunctionPublish(IMethodSymbol function, PublishTarget target)
            => _kernelFunctionsThatPublish.TryAdd(function.OriginalDefinition, target);

        /// <summary>Notes a source type that implements a Semantic Kernel function filter, where a person can be asked.</summary>
        public void NoteType(INamedTypeSymbol type)
        {
            foreach (var @interface in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(@interface, _invocationFilter) || SymbolEqualityComparer.Default.Equals(@interface, _autoInvocationFilter))
                {
                    System.Threading.Interlocked.Increment(ref _filters);
                }
            }
        }

        public void ReportKernelFunctions(CompilationAnalysisContext context)
        {
            if (_filters > 0)
            {
                return;
            }

            foreach (var entry in _kernelFunctionsThatPublish.OrderBy(e => e.Key.Locations[0].SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(e => e.Key.Locations[0].SourceSpan.Start))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    PresenceDiagnostics.MachineWrittenUnreviewedAtEnd,
                    entry.Key.Locations[0],
                    "The Semantic Kernel function '" + CallGraph.NameOf(entry.Key) + "' publishes (" + entry.Value.Describe() + ")",
                    "an agent can call it, and this compilation has no IFunctionInvocationFilter or IAutoFunctionInvocationFilter to ask a person first"));
            }
        }
    }
}
