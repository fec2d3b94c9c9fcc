using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Presence.Compilations
{
    /// <summary>
    /// What is known about a compilation's source files, shared by every compilation with the same syntax trees in the
    /// same order. A CompilationWithAnalyzers analyses a copy of the compilation it is given, and an IDE makes one for
    /// each open file: what is kept per compilation object is computed again for every file, what is kept here is not.
    /// Kept with the first file; an edit, which replaces a file, makes another set (see <see cref="ReferenceSet"/> for
    /// the references).
    /// </summary>
    internal sealed class SourceSet
    {
        private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<SourceSet?>> ByFirstTree = new ConditionalWeakTable<SyntaxTree, StrongBox<SourceSet?>>();
        private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<SourceSet?>>.CreateValueCallback NewSlot = _ => new StrongBox<SourceSet?>();

        private readonly ConcurrentDictionary<string, object> _derived = new ConcurrentDictionary<string, object>(StringComparer.Ordinal);

        private SourceSet(ImmutableArray<SyntaxTree> trees) => Trees = trees;

        /// <summary>The compilation's syntax trees, in its order.</summary>
        public ImmutableArray<SyntaxTree> Trees { get; }

        public static SourceSet Of(Compilation compilation)
        {
            var trees = compilation.SyntaxTrees as ImmutableArray<SyntaxTree>? ?? compilation.SyntaxTrees.ToImmutableArray();
            if (trees.IsEmpty)
            {
                return new SourceSet(trees);
            }

            var slot = ByFirstTree.GetValue(trees[0], NewSlot);
            if (Volatile.Read(ref slot.Value) is { } known && known.Covers(trees))
            {
                return known;
            }

            var created = new SourceSet(trees);
            Volatile.Write(ref slot.Value, created);
            return created;
        }

        /// <summary>
        /// Something computed from the compilation's source files alone (never from its references or options), once per
        /// set: <paramref name="key"/> must name everything else <paramref name="compute"/> reads.
        /// </summary>
        public T Derived<T>(string key, Func<T> compute)
            where T : class
            => _derived.TryGetValue(key, out var known) ? (T)known : (T)_derived.GetOrAdd(key, compute());

        // The same files in the same order (a copy of a compilation shares its array of them).
        private bool Covers(ImmutableArray<SyntaxTree> trees)
        {
            if (trees == Trees)
            {
                return true;
            }

            if (trees.Length != Trees.Length)
            {
                return false;
            }

            for (var i = 0; i < trees.Length; i++)
            {
                if (!ReferenceEquals(trees[i], Trees[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
