using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Presence.Analyzers.Catalog;
using Presence.Compilations;

namespace Presence.Analyzers.Model
{
    /// <summary>
    /// The assemblies whose methods can publish or confirm: the compilation itself, Presence.Abstractions, Refit,
    /// Spectre.Console (its yes/no prompts),
    /// the catalogued SDKs, the assemblies of the user's declared APIs, and every referenced assembly that references
    /// one of these (directly or through another). A method of any other assembly (the framework, most packages)
    /// cannot carry [PublishesContent], [HumanConfirmation] or [RequiresHumanApproval], override or implement one that
    /// does, or be catalogued: its calls are decided without looking at the method at all. Most calls of a codebase
    /// go to the framework (LINQ, tasks, strings), so this keeps the per-call cost near that of a name comparison.
    /// </summary>
    internal sealed class PublishingAssemblies
    {
        private readonly IAssemblySymbol _compilationAssembly;
        private readonly HashSet<IAssemblySymbol> _referenced;

        private PublishingAssemblies(IAssemblySymbol compilationAssembly, HashSet<IAssemblySymbol> referenced, string key)
        {
            _compilationAssembly = compilationAssembly;
            _referenced = referenced;
            Key = key;
        }

        /// <summary>
        /// The compilation's assembly and the referenced ones that can publish or confirm: the catalogued SDKs' and
        /// <paramref name="declaredAssemblyNames"/>, the assemblies of the user's declared APIs. Which references can is
        /// the same for every compilation with the same references (see <see cref="ReferenceSet"/>): an IDE's
        /// compilation after an edit does not compare every reference's own references again, nor spell out the
        /// catalogued names to ask for them.
        /// </summary>
        public static PublishingAssemblies Create(Compilation compilation, IEnumerable<string> declaredAssemblyNames)
        {
            SortedSet<string>? declared = null;
            foreach (var name in declaredAssemblyNames)
            {
                if (!Always.Contains(name))
                {
                    (declared ??= new SortedSet<string>(StringComparer.OrdinalIgnoreCase)).Add(name);
                }
            }

            var key = declared is null ? "PublishingAssemblies" : "PublishingAssemblies:" + string.Join(",", declared);
            var referenced = ReferenceSet.Of(compilation).Derived(key, () => Referenced(compilation, declared is null ? Always : Always.Union(declared)));
            return new PublishingAssemblies(compilation.Assembly, referenced, key);
        }

        /// <summary>Names what <see cref="Create"/> was given, for what is kept per set of references beside it.</summary>
        public string Key { get; }

        // The assemblies whose methods can publish or confirm in every compilation.
        private static readonly ImmutableHashSet<string> Always
            = BuiltInCatalog.Index.Assemblies.Union(new[] { "Presence.Abstractions", "Refit", "Spectre.Console" });

        private static HashSet<IAssemblySymbol> Referenced(Compilation compilation, IEnumerable<string> publishingAssemblyNames)
        {
            var names = new HashSet<string>(publishingAssemblyNames, StringComparer.OrdinalIgnoreCase);
            var assemblies = new HashSet<IAssemblySymbol>(SymbolEqualityComparer.Default);
            var others = new List<IAssemblySymbol>();
            foreach (var reference in compilation.References)
            {
                if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly && !SymbolEqualityComparer.Default.Equals(assembly, compilation.Assembly))
                {
                    others.Add(assembly);
                }
            }

            // What references a publishing assembly can derive from its types: repeat until nothing is added.
            for (var changed = true; changed;)
            {
                changed = false;
                for (var i = others.Count - 1; i >= 0; i--)
                {
                    if (names.Contains(others[i].Name) || others[i].ReferencesAny(names))
                    {
                        assemblies.Add(others[i]);
                        names.Add(others[i].Name);
                        others.RemoveAt(i);
                        changed = true;
                    }
                }
            }

            return assemblies;
        }

        /// <summary>False when no method of <paramref name="method"/>'s assembly can publish or confirm.</summary>
        public bool MayPublishOrConfirm(IMethodSymbol method)
            => method.ContainingAssembly is not { } assembly || Contains(assembly);

        /// <summary>True when methods of <paramref name="assembly"/> can publish or confirm.</summary>
        public bool Contains(IAssemblySymbol assembly)
            => ReferenceEquals(assembly, _compilationAssembly) || SymbolEqualityComparer.Default.Equals(assembly, _compilationAssembly) || _referenced.Contains(assembly);
    }
}
