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
