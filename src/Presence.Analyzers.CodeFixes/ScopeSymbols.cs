using Microsoft.CodeAnalysis;

namespace Presence.Analyzers.CodeFixes
{
    /// <summary>What the fixes look for among the symbols in scope: values they can write the name of.</summary>
    internal static class ScopeSymbols
    {
        /// <summary>The type of a local, parameter, field or property; null for anything else.</summary>
        public static ITypeSymbol? TypeOfValue(ISymbol symbol) => symbol switch
        {
            ILocalSymbol local => local.Type,
            IParameterSymbol parameter => parameter.Type,
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            _ => null,
        };
    }
}
