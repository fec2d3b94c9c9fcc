using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
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

        private MachineWriters(LibrarySummaries libraries)
        {
            _libraries = libraries;
            _compute = Compute;
        }

        /// <summary>The writers of a compilation that references a language-model SDK, or a library that returns machine-written text.</summary>
        public static MachineWriters? For(Compilation compilation, LibrarySummaries libraries)
        {
            if (libraries.HasMachineWritten)
            {
                return new MachineWriters(libraries);
            }

            var references = ReferenceSet.Of(compilation);
            foreach (var assembly in Assemblies)
            {
                if (references.References(assembly))
                {
                    return new MachineWriters(libraries);
                }
            }

            return null;
        }

        /// <summary>True when a call of <paramref name="method"/> returns machine-written content.</summary>
        public bool Writes(IMethodSymbol method) => _cache.GetOrAdd(ExtensionMembers.Classic(method), _compute);

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
