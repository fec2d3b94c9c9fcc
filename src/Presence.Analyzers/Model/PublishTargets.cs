using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Presence.Analyzers.Catalog;
using Presence.Compilations;

namespace Presence.Analyzers.Model
{
    /// <summary>
    /// Decides whether calling a method publishes, from the user's attributes, the user's PresenceApis.txt and the
    /// built-in catalog (in that order); answers are cached for the compilation.
    /// </summary>
    internal sealed class PublishTargets
    {
        private readonly PresenceSymbols _symbols;
        private readonly DeclaredApis _declared;
        private readonly ApiCatalogIndex _catalog;
        private readonly PublishingAssemblies _assemblies;
        private readonly ConcurrentDictionary<IMethodSymbol, PublishTarget?> _cache
            = new ConcurrentDictionary<IMethodSymbol, PublishTarget?>(SymbolEqualityComparer.Default);
        private readonly System.Func<IMethodSymbol, PublishTarget?> _compute; // one delegate, not one per call

        // False when no attribute, declared API or catalog entry can make a method a publisher (a compilation that
        // references neither Presence.Abstractions nor a catalogued SDK): its methods are not looked at at all.
        private readonly bool _canDeclare;

        // True when only a catalog entry can make a method a publisher (no Presence attribute type, no declared API).
        private readonly bool _onlyCatalog;
        private readonly bool _mayUseRefit;
        private readonly System.Func<INamedTypeSymbol, IReadOnlyList<UrlCandidate>>? _refitBases;

        /// <param name="mayUseRefit">False when the compilation can have no Refit attribute (no Refit reference, no Refit namespace of its own).</param>
        /// <param name="refitBases">The base addresses a Refit interface's clients are registered with, when they can be known.</param>
        public PublishTargets(
            PresenceSymbols symbols, DeclaredApis declared, ApiCatalogIndex catalog, PublishingAssemblies assemblies, bool mayUseRefit = true,
            System.Func<INamedTypeSymbol, IReadOnlyList<UrlCandidate>>? refitBases = null)
        {
            _refitBases = refitBases;
            _symbols = symbols;
            _declared = declared;
            _catalog = catalog;
            _assemblies = assemblies;
            _mayUseRefit = mayUseRefit;
            _canDeclare = symbols.PublishesContent is not null || symbols.RequiresHumanApproval is not null || symbols.GeneratePublisherGate is not null
                          || !declared.IsEmpty || catalog.Entries.Length > 0;
            _onlyCatalog = symbols.PublishesContent is null && symbols.RequiresHumanApproval is null && symbols.GeneratePublisherGate is null
                           && declared.IsEmpty;
            _compute = Compute;
        }

        /// <summary>
        /// False when only a catalog entry can make a method a publisher (no Presence attribute type, no declared API, no
        /// Refit): a call then publishes only if an entry's type is declared somewhere and the call names its member.
        /// </summary>
        public bool MayClassifyBeyondCatalog => !_onlyCatalog || _mayUseRefit;

        /// <summary>The publish target a call of <paramref name="method"/> reaches, or null when it does not publish.</summary>
        public PublishTarget? Classify(IMethodSymbol method)
            => _assemblies.MayPublishOrConfirm(method) ? _cache.GetOrAdd(ExtensionMembers.Classic(method), _compute) : null;

        /// <summary>
        /// Whether <see cref="Classify"/> returns a target, without caching the answer: for a caller that caches its own
        /// (most methods asked about are asked once, and a cache entry each is most of the cost).
        /// </summary>
        public bool Publishes(IMethodSymbol method)
        {
            if (!_assemblies.MayPublishOrConfirm(method))
            {
                return false;
            }

            var key = ExtensionMembers.Classic(method);
            return _cache.TryGetValue(key, out var known) ? known is not null : Compute(key) is not null;
        }

        /// <summary>True when <paramref name="method"/> is itself a publisher (declared, or implementing a catalogued API), whose body implements the publishing.</summary>
        public bool IsPublisher(IMethodSymbol method)
            => Classify(method) is { Kind: PublishKind.Declared or PublishKind.Catalogued };

        private PublishTarget? Compute(IMethodSymbol method)
        {
            // Where only the catalog can say so, a method no entry names is not walked up its lineage: every declaration
            // in it has the method's name, but the interface members an explicit implementation implements.
            if (!_canDeclare || (_onlyCatalog && method.ExplicitInterfaceImplementations.IsEmpty && !_catalog.NamesMember(method.Name)))
            {
                return _mayUseRefit ? RefitEndpoint(method, _refitBases) : null;
            }

            PublishTarget? catalogued = null;
            foreach (var declaration in MethodLineage.Of(method))
            {
                if (PresenceSymbols.HasAttribute(declaration, _symbols.RequiresHumanApproval))
                {
                    return new PublishTarget(method, PublishKind.RequiresApproval, platform: null);
                }

                if (DeclaredPublisher(declaration) is { } declared)
                {
                    return new PublishTarget(method, PublishKind.Declared, PlatformOf(declared));
                }

                if (_declared.Find(declaration) is { } line)
                {
                    return new PublishTarget(method, PublishKind.Declared, platform: null, note: line.Note, catalogId: line.Id);
                }

                if (catalogued is null && declaration.ContainingType is { } type)
                {
                    // Several entries of one member differ by receiver (YouTube's Execute on each insert request).
                    // Built only when there is one: asked of every method of the compilation, most of which are in no catalog.
                    ImmutableArray<PublishTarget>.Builder? entries = null;
                    foreach (var entry in _catalog.Find(type, declaration.Name))
                    {
                        (entries ??= ImmutableArray.CreateBuilder<PublishTarget>()).Add(
                            new PublishTarget(method, PublishKind.Catalogued, entry.Platform, entry.Category, entry.Note, entry.Receiver, entry.Id));
                    }

                    if (entries is not null)
                    {
                        var first = entries[0];
                        catalogued = new PublishTarget(method, PublishKind.Catalogued, first.Platform, first.Category, first.Note, first.Receiver, first.CatalogId, entries.ToImmutable().RemoveAt(0));
                    }
                }
            }

            return catalogued ?? (_mayUseRefit ? RefitEndpoint(method, _refitBases) : null);
        }

        // The attribute on the method, or on the interface or class that declares it (its ordinary methods only:
        // constructors, accessors and operators of a publisher type do not publish by themselves). An interface with
        // a generated gate is a publisher too: what its implementations send is what the gate lets through.
        private AttributeData? DeclaredPublisher(IMethodSymbol declaration)
        {
            if (PresenceSymbols.FindAttribute(declaration, _symbols.PublishesContent) is { } onMethod)
            {
                return onMethod;
            }

            if (declaration.MethodKind != MethodKind.Ordinary || declaration.ContainingType is not { } type)
            {
                return null;
            }

            return PresenceSymbols.FindAttribute(type, _symbols.PublishesContent)
                ?? (type.TypeKind == TypeKind.Interface ? PresenceSymbols.FindAttribute(type, _symbols.GeneratePublisherGate) : null);
        }

        // A Refit interface method: its [Post("...")]-style attribute names the request it sends, under the base
        // address its clients are registered with. Refit appends the path to the base address's own path
        // (https://fosstodon.org/api/v1/ and /statuses make /api/v1/statuses). Without a known base the path alone
        // decides; with one, a base on another host means another API, whatever its path looks like.
        private static PublishTarget? RefitEndpoint(IMethodSymbol method, System.Func<INamedTypeSymbol, IReadOnlyList<UrlCandidate>>? refitBases)
        {
            if (method.ContainingType is not { TypeKind: TypeKind.Interface } api)
            {
                return null;
            }

            foreach (var attribute in method.GetAttributes())
            {
                if (attribute.AttributeClass is not { ContainingNamespace.Name: "Refit" } attributeClass
                    || HttpRequests.RefitVerb(attributeClass.Name) is not { } verb
                    || attribute.ConstructorArguments.Length == 0
                    || attribute.ConstructorArguments[0].Value is not string path)
                {
                    continue;
                }

                var bases = refitBases?.Invoke(api.OriginalDefinition) ?? (IReadOnlyList<UrlCandidate>)System.Array.Empty<UrlCandidate>();
                var pathDecides = true;
                foreach (var baseAddress in bases)
                {
                    var full = baseAddress.Text.TrimEnd('/') + "/" + path.TrimStart('/');
                    if (RequestUrl.Parse(full) is not { } joined)
                    {
                        continue;
                    }

                    if (EndpointCatalog.Match(verb, joined) is { } endpoint)
                    {
                        return HttpRequests.TargetOf(method, endpoint, verb, full, baseAddress.Origin);
                    }

                    pathDecides &= joined.Host is null;
                }

                if (pathDecides && RequestUrl.Parse(path) is { } url && EndpointCatalog.Match(verb, url) is { } byPath)
                {
                    return HttpRequests.TargetOf(method, byPath, verb, path);
                }
            }

            return null;
        }

        private static string? PlatformOf(AttributeData attribute)
            => attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string platform
                && !string.IsNullOrWhiteSpace(platform)
                ? platform
                : null;
    }
}
