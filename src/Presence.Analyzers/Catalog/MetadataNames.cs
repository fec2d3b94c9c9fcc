using System.Text;
using Microsoft.CodeAnalysis;

namespace Presence.Analyzers.Catalog
{
    /// <summary>Compares symbols with metadata names ("N.S.Outer+Inner`1") without resolving anything.</summary>
    internal static class MetadataNames
    {
        public static string SimpleName(string metadataName)
        {
            var start = metadataName.LastIndexOfAny(new[] { '.', '+' }) + 1;
            return metadataName.Substring(start);
        }

        public static bool Is(ITypeSymbol type, string metadataName)
        {
            if (type is not INamedTypeSymbol named)
            {
                return false;
            }

            named = named.OriginalDefinition;
            var end = metadataName.Length;
            for (ISymbol current = named; ; )
            {
                var name = current.MetadataName;
                var start = end - name.Length;
                if (start < 0 || string.CompareOrdinal(metadataName, start, name, 0, name.Length) != 0)
                {
                    return false;
                }

                var container = current.ContainingSymbol;
                if (container is INamespaceSymbol { IsGlobalNamespace: true } || container is null)
                {
                    return start == 0;
                }

                if (start == 0 || metadataName[start - 1] != (container is INamedTypeSymbol ? '+' : '.'))
                {
                    return false;
                }

                end = start - 1;
                current = container;
            }
        }

        /// <summary>True when <paramref name="type"/> or one of its base types has the metadata name.</summary>
        public static bool IsOrDerivesFrom(ITypeSymbol? type, string metadataName)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (Is(current, metadataName))
                {
                    return true;
                }
            }

            if (type is not null)
            {
                foreach (var @interface in type.AllInterfaces)
                {
                    if (Is(@interface, metadataName))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// True when <paramref name="type"/> is declared directly in the namespace <paramref name="name"/> ("System.Threading"):
        /// compares the namespace's parts from the innermost outwards, without allocating (asked of every call).
        /// </summary>
        public static bool IsInNamespace(INamedTypeSymbol? type, string name)
        {
            var current = type?.ContainingNamespace;
            var end = name.Length;
            while (end > 0)
            {
                var start = name.LastIndexOf('.', end - 1) + 1;
                var part = current?.Name;
                if (part is null || part.Length != end - start || string.CompareOrdinal(name, start, part, 0, part.Length) != 0)
                {
                    return false;
                }

                current = current!.ContainingNamespace;
                end = start - 1;
            }

            return current is { IsGlobalNamespace: true };
        }

        public static string Of(INamedTypeSymbol type)
        {
            var builder = new StringBuilder();
            Append(builder, type.OriginalDefinition);
            return builder.ToString();
        }

        private static void Append(StringBuilder builder, ISymbol symbol)
        {
            switch (symbol.ContainingSymbol)
            {
                case INamedTypeSymbol containingType:
                    Append(builder, containingType);
                    builder.Append('+');
                    break;
                case INamespaceSymbol { IsGlobalNamespace: false } containingNamespace:
                    Append(builder, containingNamespace);
                    builder.Append('.');
                    break;
            }

            builder.Append(symbol.MetadataName);
        }
    }
}
