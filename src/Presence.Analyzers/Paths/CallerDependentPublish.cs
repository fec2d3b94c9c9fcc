using System;
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
        public CallerDependentPublish(IParameterSymbol parameter, Func<PublishTarget?> classify)
        {
            Parameter = parameter;
            Classify = classify;
        }

        /// <summary>The parameter that holds the destination.</summary>
        public IParameterSymbol Parameter { get; }

        /// <summary>Classifies the send again; read with <see cref="CallerBindings"/> for one call site.</summary>
        public Func<PublishTarget?> Classify { get; }
    }
}
