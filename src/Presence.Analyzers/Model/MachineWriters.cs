using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Presence.Analyzers.Catalog;
using Presence.Compilations;

namespace Presence.Analyzers.Model
{
    /// <summary>
    /// The calls whose result is machine-written text: language-model completions through Microsoft.Extensions.AI,
    /// Semantic Kernel and the OpenAI SDK. Null for a compilation that references none of them.
    /// </summary>
    internal sealed class MachineWriters
    {
        // (declaring type metadata name, method) — matched through implementations, overrides and extension forms.
        private static readonly HashSet<(string Type, string Method)> Sources = new HashSet<(string, string)>
        {
            ("Microsoft.Extensions.AI.IChatClient", "GetResponseAsync"),
            ("Microsoft.Extensions.AI.IChatClient", "GetStreamingResponseAsync"),
            ("Microsoft.Extensions.AI.ChatClientExtensions", "GetResponseAsync"),
            ("Microsoft.Extensions.AI.ChatClientExtensions", "GetStreamingResponseAsync"),
            ("Microsoft.Extensions.AI.ChatClientStructuredOutputExtensions", "GetResponseAsync"),
            ("Microsoft.SemanticKernel.Kernel", "InvokePromptAsync"),
            ("Microsoft.SemanticKernel.Kernel", "InvokeAsync"),
            ("Microsoft.SemanticKernel.Kernel", "InvokePromptStreamingAsync"),
            ("Microsoft.SemanticKernel.Kernel", "InvokeStreamingAsync"),
            ("Microsoft.SemanticKernel.KernelExtensions", "InvokePromptAsync"),
            ("Microsoft.SemanticKernel.KernelExtensions", "InvokePromptStreamingAsync"),
            ("Microsoft.SemanticKernel.KernelFunction", "InvokeAsync"),
            ("Microsoft.SemanticKernel.ChatCompletion.IChatCompletionService", "GetChatMessageContentsAsync"),
            ("Microsoft.SemanticKernel.ChatCompletion.IChatCompletionService", "GetStreamingChatMessageContentsAsync"),
            ("Microsoft.SemanticKernel.ChatCompletion.ChatCompletionServiceExtensions", "GetChatMessageContentAsync"),
            ("Microsoft.SemanticKernel.ChatCompletion.ChatCompletionServiceExtensions", "GetChatMessageContentsAsync"),
            ("Microsoft.SemanticKernel.TextGeneration.ITextGenerationService", "GetTextContentsAsync"),
            ("OpenAI.Chat.ChatClient", "CompleteChat"),
            ("OpenAI.Chat.ChatClient", "CompleteChatAsync"),
            ("OpenAI.Chat.ChatClient", "CompleteChatStreaming"),
            ("OpenAI.Chat.ChatClient", "CompleteChatStreamingAsync"),
        };

        /// <summary>The names of the model calls, for cheap syntactic prefilters.</summary>
        public static IEnumerable<string> MethodNames => Sources.Select(source => source.Method).Distinct();

        private static readonly string[] Assemblies = { "Microsoft.Extensions.AI.Abstractions", "Microsoft.SemanticKernel.Abstractions", "OpenAI" };

        private readonly System.Collections.Concurrent.ConcurrentDictionary<IMethodSymbol, bool> _cache
            = new System.Collections.Concurrent.ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);

        private readonly LibrarySummaries _libraries;

        private readonly System.Func<IMethodSymbol, bool> _compute;

        private readonly Compilation _compilation;

        // The names of the methods of the compilation that may return machine-written text, by the names their bodies call.
        private HashSet<string>? _sourceWriterNames;

        private MachineWriters(Compilation compilation, LibrarySummaries libraries)
        {
            _compilation = compilation;
            _libraries = libraries;
            _compute = Compute;
        }

        /// <summary>The writers of a compilation that references a language-model SDK, or a library that returns machine-written text.</summary>
        public static MachineWriters? For(Compilation compilation, LibrarySummaries libraries)
        {
            if (libraries.HasMachineWritten)
            {
                return new MachineWriters(compilation, libraries);
            }

            var references = ReferenceSet.Of(compilation);
            foreach (var assembly in Assemblies)
            {
                if (references.References(assembly))
                {
                    return new MachineWriters(compilation, libraries);
                }
            }

            return null;
        }

        /// <summary>True when a call of <paramref name="method"/> returns machine-written content.</summary>
        public bool Writes(IMethodSymbol method) => _cache.GetOrAdd(ExtensionMembers.Classic(method), _compute);

        /// <summary>
        /// True when a method of the compilation may return machine-written text: one of its name calls a language model
        /// or a method of that kind, by the names written in the bodies (a superset, for a cheap test per call: the body
        /// that calls it is then analysed, and what the method returns is decided there). Found once, on the first question.
        /// </summary>
        public bool MayWriteInSource(IMethodSymbol method, System.Threading.CancellationToken cancellationToken)
        {
            var names = System.Threading.Volatile.Read(ref _sourceWriterNames);
            if (names is null)
            {
                System.Threading.Interlocked.CompareExchange(ref _sourceWriterNames, FindSourceWriterNames(cancellationToken), null);
                names = _sourceWriterNames!;
            }

            return names.Contains(method.Name);
        }

        // A method that returns something and calls a model (or a library method whose summary says it returns
        // machine-written text) writes; so does one that calls a writer, 8 helpers deep as ReturnedContent follows them.
        private HashSet<string> FindSourceWriterNames(System.Threading.CancellationToken cancellationToken)
        {
            var writers = new HashSet<string>(MethodNames.Concat(_libraries.MachineWrittenNames), System.StringComparer.Ordinal);
            var candidates = new List<(string Name, HashSet<string> Calls)>();
            foreach (var tree in _compilation.SyntaxTrees)
            {
                var root = tree.GetRoot(cancellationToken);
                foreach (var member in root.DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax).OfType<MethodDeclarationSyntax>())
                {
                    if (member.ReturnType is PredefinedTypeSyntax { Keyword.ValueText: "void" })
                    {
                        continue;
                    }

                    HashSet<string>? calls = null;
                    foreach (var invocation in member.DescendantNodes().OfType<InvocationExpressionSyntax>())
                    {
                        var name = invocation.Expression switch
                        {
                            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
                            SimpleNameSyntax simple => simple.Identifier.ValueText,
                            _ => null,
                        };
                        if (name is not null)
                        {
                            (calls ??= new HashSet<string>(System.StringComparer.Ordinal)).Add(name);
                        }
                    }

                    if (calls is not null)
                    {
                        candidates.Add((member.Identifier.ValueText, calls));
                    }
                }
            }

            for (var depth = 0; depth < 8; depth++)
            {
                var added = false;
                foreach (var (name, calls) in candidates)
                {
                    if (!writers.Contains(name) && calls.Overlaps(writers))
                    {
                        writers.Add(name);
                        added = true;
                    }
                }

                if (!added)
                {
                    break;
                }
            }

            return writers;
        }

        private bool Compute(IMethodSymbol method)
        {
            if (_libraries.ReturnsMachineWritten(method))
            {
                return true;
            }

            foreach (var declaration in MethodLineage.Of(method))
            {
                if (declaration.ContainingType is { } type
                    && Sources.Contains((MetadataNames.Of(type), declaration.Name)))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
