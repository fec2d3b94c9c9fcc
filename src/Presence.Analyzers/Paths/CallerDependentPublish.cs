using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Presence.Analyzers.Catalog;

namespace Presence.Analyzers.Paths
{
    /// <summary>
    /// A send whose destination (a URL, a chat) is a parameter of the function that makes it: what it publishes, and
    /// to whom, depends on what each call passes (<see cref="CallGraph.AttributeToCallers"/>).
    /// </summary>
    internal sealed class CallerDependentPublish
    {
        public CallerDependentPublish(ImmutableArray<IParameterSymbol> parameters, Func<PublishTarget?> classify)
        {
            Parameters = parameters;
            Classify = classify;
        }

        /// <summary>The parameters the classification read: the destination, or what it is built from.</summary>
        public ImmutableArray<IParameterSymbol> Parameters { get; }

        /// <summary>Classifies the send again; read with <see cref="CallerBindings"/> for one call site.</summary>
        public Func<PublishTarget?> Classify { get; }
    }
}
