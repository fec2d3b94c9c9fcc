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
        public static INamedTypeSymbol? GetBestTypeByMetadataName(this Compilation compilation, string metadataName)
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
}
