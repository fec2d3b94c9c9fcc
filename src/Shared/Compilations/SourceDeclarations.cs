using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Presence.Compilations
{
    /// <summary>
    /// The simple names of the types and of the namespaces the compilation's own files declare, for the questions
    /// "can the source declare a type (or a namespace) of this name?" that rules ask at compilation start.
    /// </summary>
    /// <remarks>
    /// The source assembly's <see cref="IAssemblySymbol.TypeNames"/> and <see cref="IAssemblySymbol.NamespaceNames"/>
    /// answer the same, but the compiler makes them from a second merge of every file's declarations that nothing else
    /// in a build needs: at 10,000 files it cost about as much as reading the text of every file. The names here are read from
    /// the merged declarations the compile builds its symbols from, in one walk each, kept for the compilations with
    /// the same files (each open file's analysis has its own copy of the compilation). A referenced assembly's
    /// <see cref="IAssemblySymbol.TypeNames"/> come from its metadata and stay cheap.
    /// </remarks>
    internal sealed class SourceDeclarations
    {
        private HashSet<string>? _types;
        private HashSet<string>? _namespaces;

        /// <summary>Whether a file declares a type of this simple name (no arity, no namespace), nested ones included.</summary>
        public static bool DeclaresType(Compilation compilation, string simpleName, CancellationToken cancellationToken = default)
            => Names(compilation, ref Of(compilation)._types, SymbolFilter.Type, cancellationToken).Contains(simpleName);

        /// <summary>Whether a file declares a namespace with this name as one of its parts ("Http" for System.Net.Http).</summary>
        public static bool DeclaresNamespace(Compilation compilation, string name, CancellationToken cancellationToken = default)
            => Names(compilation, ref Of(compilation)._namespaces, SymbolFilter.Namespace, cancellationToken).Contains(name);

        private static SourceDeclarations Of(Compilation compilation)
            => SourceSet.Of(compilation).Derived("SourceDeclarations", () => new SourceDeclarations());

        // Read by the first compilation that asks (never kept: the set outlives it); another with the same files has the
        // same declarations. Two threads that ask together may both walk: the sets are equal, and either is kept.
        private static HashSet<string> Names(Compilation compilation, ref HashSet<string>? names, SymbolFilter filter, CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref names) is { } known)
            {
                return known;
            }

            var read = new HashSet<string>(StringComparer.Ordinal);
            _ = compilation.ContainsSymbolsWithName(name => { read.Add(name); return false; }, filter, cancellationToken);
            return Interlocked.CompareExchange(ref names, read, null) ?? read;
        }
    }
}
