using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Presence.Analyzers.Model
{
    /// <summary>
    /// A set of named types asked about every type or method of a compilation, nearly always for a type it does not
    /// hold: the type's name is looked up first, among the few names the set holds, and only a type with one of them
    /// is compared as a symbol (hashing a symbol walks its containers, several times the cost of hashing its name).
    /// </summary>
    internal sealed class NamedTypeSet
    {
        private readonly HashSet<INamedTypeSymbol> _types;
        private readonly HashSet<string> _names = new HashSet<string>(StringComparer.Ordinal);

        public NamedTypeSet(IEnumerable<INamedTypeSymbol> types)
        {
            _types = new HashSet<INamedTypeSymbol>(types, SymbolEqualityComparer.Default);
            foreach (var type in _types)
            {
                _names.Add(type.Name);
            }
        }

        public bool Contains(INamedTypeSymbol type) => _names.Contains(type.Name) && _types.Contains(type);
    }
}
