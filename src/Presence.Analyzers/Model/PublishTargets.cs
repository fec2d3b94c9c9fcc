using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace Presence.Analyzers.Model
{
    /// <summary>Decides whether calling a method publishes; answers are cached for the compilation.</summary>
    internal sealed class PublishTargets
    {
        private readonly PresenceSymbols _symbols;
        private readonly ConcurrentDictionary<IMethodSymbol, PublishTarget?> _cache
            = new ConcurrentDictionary<IMethodSymbol, PublishTarget?>(SymbolEqualityComparer.Default);

        public PublishTargets(PresenceSymbols symbols) => _symbols = symbols;

        /// <summary>The publish target a call of <paramref name="method"/> reaches, or null when it does not publish.</summary>
        public PublishTarget? Classify(IMethodSymbol method)
            => _cache.GetOrAdd(method.ReducedFrom ?? method, Compute);

        /// <summary>True when <paramref name="method"/> is itself a declared publisher, whose body implements the publishing.</summary>
        public bool IsDeclaredPublisher(IMethodSymbol method)
            => Classify(method) is { Kind: PublishKind.Declared };

        private PublishTarget? Compute(IMethodSymbol method)
        {
            var requiresApproval = _symbols.RequiresHumanApproval;
            foreach (var declaration in MethodLineage.Of(method))
            {
                if (PresenceSymbols.HasAttribute(declaration, requiresApproval))
                {
                    return new PublishTarget(method, PublishKind.RequiresApproval, platform: null);
                }

                if (DeclaredPublisher(declaration) is { } declared)
                {
                    return new PublishTarget(method, PublishKind.Declared, PlatformOf(declared));
                }
            }

            return null;
        }

        // The attribute on the method, or on the interface or class that declares it (its ordinary methods only:
        // constructors, accessors and operators of a publisher type do not publish by themselves).
        private AttributeData? DeclaredPublisher(IMethodSymbol declaration)
        {
            if (PresenceSymbols.FindAttribute(declaration, _symbols.PublishesContent) is { } onMethod)
            {
                return onMethod;
            }

            return declaration.MethodKind == MethodKind.Ordinary && declaration.ContainingType is { } type
                ? PresenceSymbols.FindAttribute(type, _symbols.PublishesContent)
                : null;
        }

        private static string? PlatformOf(AttributeData attribute)
            => attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string platform
                && !string.IsNullOrWhiteSpace(platform)
                ? platform
                : null;
    }
}
