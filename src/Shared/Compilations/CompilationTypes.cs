using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Presence.Compilations
{
    /// <summary>
    /// Resolves a metadata name the way the compiler binds it, also when the name is defined more than once: a
    /// shared-source copy of an attribute, or an internal duplicate seen through InternalsVisibleTo, makes
    /// <see cref="Compilation.GetTypeByMetadataName"/> return null, which would silently switch rules off.
    /// </summary>
    internal static class CompilationTypes
    {
        /// <summary>
        /// The compilation's own declaration first; otherwise the one definition among the references that this
        /// compilation can see. Null when there is none, or when several are visible and nothing tells them apart.
        /// </summary>
        /// <remarks>
        /// Asking the references costs a lookup in every referenced assembly (two for a name that is not there), and
        /// analyzers ask for dozens of names at each compilation start, which an IDE repeats after every edit. What the
        /// references hold is the same in every compilation that shares their assembly symbols, so it is kept per
        /// set of references (see <see cref="ReferenceSet"/>); only the compilation's own declarations are asked anew.
        /// </remarks>
        public static INamedTypeSymbol? GetBestTypeByMetadataName(this Compilation compilation, string metadataName)
            => DeclaredInSource(compilation.Assembly, metadataName) ?? ReferenceSet.Of(compilation).Type(compilation, metadataName);

        // The source's own declaration, found by walking its namespaces and types by name. For a name the source does not
        // declare, the compiler's own look-up of the assembly goes on to its type-forwarding attributes; the source's type
        // names (which a first version asked instead) are a second merge of every file's declarations that nothing else
        // in a build makes: at 10,000 files it cost about as much as reading every file's text. Here a name the source
        // does not declare stops at its first namespace, which the compile builds anyway.
        private static INamedTypeSymbol? DeclaredInSource(IAssemblySymbol assembly, string metadataName)
        {
            var nested = metadataName.IndexOf('+');
            var typeStart = metadataName.LastIndexOf('.', nested < 0 ? metadataName.Length - 1 : nested) + 1;
            INamespaceOrTypeSymbol container = assembly.GlobalNamespace;
            for (var start = 0; start < typeStart;)
            {
                var end = metadataName.IndexOf('.', start);
                if (Single(container.GetMembers(metadataName.Substring(start, end - start))) is not INamespaceSymbol ns)
                {
                    return null;
                }

                container = ns;
                start = end + 1;
            }

            for (var start = typeStart; ;)
            {
                var end = metadataName.IndexOf('+', start);
                var part = end < 0 ? metadataName.Substring(start) : metadataName.Substring(start, end - start);
                var tick = part.IndexOf('`');
                INamedTypeSymbol? type = null;
                foreach (var candidate in container.GetTypeMembers(tick < 0 ? part : part.Substring(0, tick)))
                {
                    // The metadata name tells arity and file-local types apart, as the compiler's look-up does.
                    if (candidate.MetadataName == part)
                    {
                        if (type is not null)
                        {
                            return null;
                        }

                        type = candidate;
                    }
                }

                if (type is null || end < 0)
                {
                    return type;
                }

                container = type;
                start = end + 1;
            }
        }

        private static INamespaceOrTypeSymbol? Single(ImmutableArray<ISymbol> members)
            => members.Length == 1 ? members[0] as INamespaceOrTypeSymbol : null;

        // The references' answer, as the compiler gives it when the compilation itself declares no such type.
        internal static INamedTypeSymbol? FromReferences(Compilation compilation, string metadataName)
        {
            if (compilation.GetTypeByMetadataName(metadataName) is { } single)
            {
                return single;
            }

            INamedTypeSymbol? visible = null;
            var ambiguous = false;
            foreach (var candidate in compilation.GetTypesByMetadataName(metadataName))
            {
                if (SymbolEqualityComparer.Default.Equals(candidate.ContainingAssembly, compilation.Assembly))
                {
                    return candidate;
                }

                if (!compilation.IsSymbolAccessibleWithin(candidate, compilation.Assembly))
                {
                    continue;
                }

                ambiguous |= visible is not null;
                visible = candidate;
            }

            return ambiguous ? null : visible;
        }
    }

    /// <summary>
    /// What is known about a compilation's references, shared by every compilation that has the same referenced
    /// assembly symbols and the same name and strong-name key options (an edit keeps all of them: the compiler reuses
    /// the references' symbols, so an IDE re-analysing after a keystroke finds the types it resolved before). Keyed by
    /// the referenced assemblies, never by a compilation, so nothing of the source is ever reused: a type the
    /// compilation declares is always asked anew.
    /// </summary>
    /// <remarks>
    /// The name and the key options stand for the assembly's identity where the references can tell assemblies apart
    /// (InternalsVisibleTo names an assembly and its public key). The identity itself would bind every assembly
    /// attribute of the source at each compilation start, which nothing else in an open file's analysis does; a key
    /// given by an <c>[assembly: AssemblyKeyFile]</c> attribute alone (obsolete, warning CS1699) is not told apart.
    /// </remarks>
    internal sealed class ReferenceSet
    {
        // Memo of the set within one compilation (the key is computed once per compilation, not per question).
        private static readonly ConditionalWeakTable<Compilation, ReferenceSet> ByCompilation = new ConditionalWeakTable<Compilation, ReferenceSet>();

        // The sets by their first referenced assembly; a few sets each (projects that share a first reference).
        private static readonly ConditionalWeakTable<IAssemblySymbol, List<ReferenceSet>> ByFirstAssembly = new ConditionalWeakTable<IAssemblySymbol, List<ReferenceSet>>();
        private static readonly ConditionalWeakTable<Compilation, ReferenceSet>.CreateValueCallback Create = Find;
        private const int SetsPerFirstAssembly = 4;

        private readonly ImmutableArray<IAssemblySymbol> _assemblies;
        private readonly Owner _owner;
        private readonly ConcurrentDictionary<string, INamedTypeSymbol?> _types = new ConcurrentDictionary<string, INamedTypeSymbol?>(System.StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, object> _derived = new ConcurrentDictionary<string, object>(System.StringComparer.Ordinal);
        private HashSet<string>? _names;

        private ReferenceSet(ImmutableArray<IAssemblySymbol> assemblies, Owner owner)
        {
            _assemblies = assemblies;
            _owner = owner;
        }

        /// <summary>The referenced assemblies, in the compilation's order.</summary>
        public ImmutableArray<IAssemblySymbol> Assemblies => _assemblies;

        /// <summary>
        /// Whether an assembly of this simple name is referenced (compared as assembly names are, ignoring case): asked
        /// of a set read once, where the compilation's referenced names are made anew for each compilation and number
        /// about 200.
        /// </summary>
        public bool References(string assemblyName) => Names().Contains(assemblyName);

        /// <summary>Whether a referenced assembly's simple name starts with <paramref name="prefix"/> (ordinal), once per set and prefix.</summary>
        public bool ReferencesPrefixed(string prefix)
            => Derived("ReferencesPrefixed " + prefix, () => new StrongBox<bool>(Names().Any(name => name.StartsWith(prefix, System.StringComparison.Ordinal)))).Value;

        private HashSet<string> Names()
        {
            if (Volatile.Read(ref _names) is { } known)
            {
                return known;
            }

            var names = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
            foreach (var assembly in _assemblies)
            {
                names.Add(assembly.Name);
            }

            return Interlocked.CompareExchange(ref _names, names, null) ?? names;
        }

        public static ReferenceSet Of(Compilation compilation) => ByCompilation.GetValue(compilation, Create);

        /// <summary>A type of the references by metadata name (see <see cref="CompilationTypes.GetBestTypeByMetadataName"/>).</summary>
        public INamedTypeSymbol? Type(Compilation compilation, string metadataName)
        {
            if (_types.TryGetValue(metadataName, out var known))
            {
                return known;
            }

            return _types.GetOrAdd(metadataName, CompilationTypes.FromReferences(compilation, metadataName));
        }

        /// <summary>
        /// Something computed from the references alone (never from the source), once per set: <paramref name="key"/>
        /// must name everything else <paramref name="compute"/> reads.
        /// </summary>
        public T Derived<T>(string key, System.Func<T> compute)
            where T : class
            => _derived.TryGetValue(key, out var known) ? (T)known : (T)_derived.GetOrAdd(key, compute());

        private static ReferenceSet Find(Compilation compilation)
        {
            var assemblies = compilation.SourceModule.ReferencedAssemblySymbols;
            var owner = new Owner(compilation);
            if (assemblies.IsEmpty)
            {
                return new ReferenceSet(assemblies, owner);
            }

            var sets = ByFirstAssembly.GetOrCreateValue(assemblies[0]);
            lock (sets)
            {
                foreach (var set in sets)
                {
                    if (set.Matches(assemblies, owner))
                    {
                        return set;
                    }
                }

                var created = new ReferenceSet(assemblies, owner);
                sets.Insert(0, created);
                if (sets.Count > SetsPerFirstAssembly)
                {
                    sets.RemoveAt(sets.Count - 1);
                }

                return created;
            }
        }

        private bool Matches(ImmutableArray<IAssemblySymbol> assemblies, Owner owner)
        {
            if (assemblies.Length != _assemblies.Length || !owner.Equals(_owner))
            {
                return false;
            }

            for (var i = 0; i < assemblies.Length; i++)
            {
                if (!ReferenceEquals(assemblies[i], _assemblies[i]))
                {
                    return false;
                }
            }

            return true;
        }

        // What the references can tell the compiling assembly by: its name and the options that give its public key.
        private readonly struct Owner : System.IEquatable<Owner>
        {
            private readonly string? _name;
            private readonly ImmutableArray<byte> _publicKey;
            private readonly string? _keyFile;
            private readonly string? _keyContainer;

            public Owner(Compilation compilation)
            {
                _name = compilation.AssemblyName;
                _publicKey = compilation.Options.CryptoPublicKey;
                _keyFile = compilation.Options.CryptoKeyFile;
                _keyContainer = compilation.Options.CryptoKeyContainer;
            }

            public bool Equals(Owner other)
                => _name == other._name && _keyFile == other._keyFile && _keyContainer == other._keyContainer
                   && SameKey(_publicKey, other._publicKey);

            public override bool Equals(object? obj) => obj is Owner other && Equals(other);

            private static bool SameKey(ImmutableArray<byte> one, ImmutableArray<byte> other)
                => one.IsDefaultOrEmpty ? other.IsDefaultOrEmpty : !other.IsDefault && System.Linq.ImmutableArrayExtensions.SequenceEqual(one, other);

            public override int GetHashCode() => _name?.GetHashCode() ?? 0;
        }
    }
}
