using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Presence.Analyzers.Catalog
{
    /// <summary>
    /// The overrides this compilation declares of each property, found once per compilation by a walk of its types'
    /// members, and only when a send first reads a URL from a property a subclass may override.
    /// </summary>
    internal sealed class PropertyOverrides
    {
        // Beyond this many overrides of one property, the rest are not read.
        private const int MaxOverrides = 32;

        private readonly Lazy<Dictionary<IPropertySymbol, List<IPropertySymbol>>> _direct;

        public PropertyOverrides(Compilation compilation, CancellationToken cancellationToken)
        {
            Compilation = compilation;
            _direct = new Lazy<Dictionary<IPropertySymbol, List<IPropertySymbol>>>(() => Find(compilation, cancellationToken));
        }

        public Compilation Compilation { get; }

        /// <summary>Every override of <paramref name="property"/> in this compilation, also of an override of it, nearest first.</summary>
        public List<IPropertySymbol> Of(IPropertySymbol property)
        {
            var all = new List<IPropertySymbol>();
            var queue = new Queue<IPropertySymbol>();
            queue.Enqueue(property.OriginalDefinition);
            while (queue.Count > 0 && all.Count < MaxOverrides)
            {
                if (!_direct.Value.TryGetValue(queue.Dequeue(), out var overrides))
                {
                    continue;
                }

                foreach (var @override in overrides)
                {
                    if (all.Count < MaxOverrides)
                    {
                        all.Add(@override);
                        queue.Enqueue(@override.OriginalDefinition);
                    }
                }
            }

            return all;
        }

        private static Dictionary<IPropertySymbol, List<IPropertySymbol>> Find(Compilation compilation, CancellationToken cancellationToken)
        {
            var direct = new Dictionary<IPropertySymbol, List<IPropertySymbol>>(SymbolEqualityComparer.Default);
            var namespaces = new Stack<INamespaceSymbol>();
            var types = new Stack<INamedTypeSymbol>();
            namespaces.Push(compilation.Assembly.GlobalNamespace);
            while (namespaces.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var current = namespaces.Pop();
                foreach (var nested in current.GetNamespaceMembers())
                {
                    namespaces.Push(nested);
                }

                foreach (var type in current.GetTypeMembers())
                {
                    types.Push(type);
                }

                while (types.Count > 0)
                {
                    var type = types.Pop();
                    foreach (var inner in type.GetTypeMembers())
                    {
                        types.Push(inner);
                    }

                    if (type.TypeKind != TypeKind.Class)
                    {
                        continue;
                    }

                    foreach (var member in type.GetMembers())
                    {
                        if (member is IPropertySymbol { IsOverride: true, IsIndexer: false, OverriddenProperty: { } overridden } property)
                        {
                            if (!direct.TryGetValue(overridden.OriginalDefinition, out var overrides))
                            {
                                direct[overridden.OriginalDefinition] = overrides = new List<IPropertySymbol>();
                            }

                            overrides.Add(property);
                        }
                    }
                }
            }

            return direct;
        }
    }
}
