using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Presence.Compilations;

namespace Presence.Analyzers.Catalog
{
    /// <summary>
    /// The base addresses an <c>HttpClient</c> may have when a request gives only a relative URL: a
    /// <c>BaseAddress</c> assigned in the type that sends, and, with Microsoft.Extensions.Http, the one configured at
    /// startup for a typed client (<c>AddHttpClient&lt;SlackNotifier&gt;(c =&gt; c.BaseAddress = …)</c>, also with a
    /// name or through <c>.ConfigureHttpClient(…)</c>) or a named client (<c>AddHttpClient("slack", …)</c>, then
    /// <c>factory.CreateClient("slack")</c>, or <c>[FromKeyedServices("slack")] HttpClient</c> after <c>.AddAsKeyed()</c>),
    /// and an <c>HttpClient</c> registered as a singleton (<c>AddSingleton(new HttpClient { BaseAddress = … })</c>) for
    /// the types it is injected into. One instance per compilation: each type's assignments are read once,
    /// and the registrations are found once, by one syntax walk, the first time a relative URL needs them.
    /// </summary>
    internal sealed class ClientBaseAddresses
    {
        private static readonly List<UrlCandidate> NoAddresses = new List<UrlCandidate>();

        private readonly ConcurrentDictionary<SyntaxNode, List<UrlCandidate>> _byTypeDeclaration = new ConcurrentDictionary<SyntaxNode, List<UrlCandidate>>();
        private readonly Lazy<Registrations> _registrations;
        private readonly UrlSources _sources;

        public ClientBaseAddresses(Compilation compilation, UrlSources sources, CancellationToken cancellationToken)
        {
            _sources = sources;
            var seesRegistrations = compilation.GetBestTypeByMetadataName("System.Net.Http.IHttpClientFactory") is not null
                                    || compilation.GetBestTypeByMetadataName("Refit.RestService") is not null
                                    || compilation.GetBestTypeByMetadataName("Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions") is not null;
            _registrations = new Lazy<Registrations>(() => seesRegistrations ? Registrations.Find(compilation, sources, cancellationToken) : Registrations.None);
        }

        /// <summary>
        /// Every base address the client of <paramref name="invocation"/> may have (empty when none is known); the
        /// lists are shared, never changed.
        /// </summary>
        public IReadOnlyList<UrlCandidate> Of(IOperation client, IInvocationOperation invocation)
        {
            var inType = InType(invocation);
            var registered = Registered(client);
            if (registered.Count == 0)
            {
                return inType;
            }

            if (inType.Count == 0)
            {
                return registered;
            }

            var both = new List<UrlCandidate>(inType);
            both.AddRange(registered);
            return both;
        }

        /// <summary>
        /// The base addresses a Refit interface's clients are given (empty when none is known):
        /// <c>AddRefitClient&lt;IMastodonApi&gt;().ConfigureHttpClient(c =&gt; c.BaseAddress = …)</c>,
        /// <c>RestService.For&lt;IMastodonApi&gt;("https://…")</c>.
        /// </summary>
        public IReadOnlyList<UrlCandidate> OfRefitInterface(INamedTypeSymbol type)
            => _registrations.Value.ForType(type) ?? NoAddresses;

        // A BaseAddress assigned anywhere in the type declaration that sends, read once per declaration.
        private List<UrlCandidate> InType(IInvocationOperation invocation)
        {
            var type = invocation.Syntax.FirstAncestorOrSelf<TypeDeclarationSyntax>();
            if (type is null || invocation.SemanticModel is not { } model)
            {
                return NoAddresses;
            }

            if (_byTypeDeclaration.TryGetValue(type, out var known))
            {
                return known;
            }

            List<UrlCandidate>? found = null;
            foreach (var node in type.DescendantNodes())
            {
                if (node is AssignmentExpressionSyntax assignment && AssignedName(assignment.Left) == "BaseAddress"
                    && model.GetOperation(assignment.Right) is { } value)
                {
                    Add(ref found, UrlText.Candidates(value, _sources));
                }
            }

            return _byTypeDeclaration.GetOrAdd(type, found ?? NoAddresses);
        }

        // The base address registered at startup for the client's typed client or name.
        private List<UrlCandidate> Registered(IOperation client)
        {
            var registrations = _registrations.Value;
            if (registrations.IsEmpty)
            {
                return NoAddresses;
            }

            client = UrlText.WithoutConversions(client)!;

            // A typed client: the HttpClient injected into the registered type, kept in a field, a property or a
            // primary constructor parameter.
            var owner = client switch
            {
                IFieldReferenceOperation field => field.Field.ContainingType,
                IPropertyReferenceOperation property => property.Property.ContainingType,
                IParameterReferenceOperation parameter => parameter.Parameter.ContainingSymbol?.ContainingType,
                _ => null,
            };

            if (owner is not null && registrations.ForType(owner) is { } typed && client.Type is { Name: "HttpClient" })
            {
                return typed;
            }

            // A named client: factory.CreateClient("slack"), or [FromKeyedServices("slack")] HttpClient for a client
            // registered with AddAsKeyed(), directly or kept in a local or a field.
            var injected = false;
            foreach (var name in ClientNames(client))
            {
                if (name is null)
                {
                    injected = true;
                }
                else if (registrations.ForName(name) is { } named)
                {
                    return named;
                }
            }

            // An HttpClient injected without a key: the one registered as a singleton, AddSingleton(new HttpClient { … }).
            return injected && client.Type is { Name: "HttpClient" } httpClient && registrations.ForType(httpClient) is { } singleton
                ? singleton
                : NoAddresses;
        }

        // The names of the clients a value may be (null for an HttpClient injected without a key).
        private static IEnumerable<string?> ClientNames(IOperation client)
        {
            IEnumerable<IOperation> values = client switch
            {
                ILocalReferenceOperation local => UrlText.Initializer(local.Local, client.SemanticModel) is { } initializer ? new[] { initializer } : Enumerable.Empty<IOperation>(),
                IFieldReferenceOperation field => UrlText.AssignedOperations(field.Field, client.SemanticModel) ?? Enumerable.Empty<IOperation>(),
                IPropertyReferenceOperation { Property.IsIndexer: false } property => UrlText.AssignedOperations(property.Property, client.SemanticModel) ?? Enumerable.Empty<IOperation>(),
                _ => new[] { client },
            };

            foreach (var value in values)
            {
                if (UrlText.WithoutConversions(value) is IInvocationOperation { TargetMethod.Name: "CreateClient" } create
                    && create.TargetMethod.ContainingType is { Name: "IHttpClientFactory" or "HttpClientFactoryExtensions" })
                {
                    var argument = create.Arguments.FirstOrDefault(a => a.Parameter?.Type.SpecialType == SpecialType.System_String);
                    yield return argument is null || argument.IsImplicit ? string.Empty : argument.Value.ConstantValue.Value as string ?? "\u0001";
                }
                else if (UrlText.WithoutConversions(value) is IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } } parameter })
                {
                    yield return ServiceKey(parameter);
                }
            }
        }

        // [FromKeyedServices("teams")]: the key, or "\u0001" for one that is not a string constant; null without the attribute.
        private static string? ServiceKey(IParameterSymbol parameter)
        {
            foreach (var attribute in parameter.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: "FromKeyedServicesAttribute" })
                {
                    return attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string key ? key : "\u0001";
                }
            }

            return null;
        }

        private static string? AssignedName(ExpressionSyntax left)
            => left switch
            {
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                _ => null,
            };

        private static void Add(ref List<UrlCandidate>? found, List<UrlCandidate> candidates)
        {
            foreach (var candidate in candidates)
            {
                // A base address whose start is unknown says nothing, unless it is a setting whose name may decide.
                if (candidate.Text.IndexOf("://", StringComparison.Ordinal) >= 0 || candidate.Origin is not null)
                {
                    (found ??= new List<UrlCandidate>()).Add(candidate);
                }
            }
        }

        /// <summary>The clients configured at startup: typed clients by their type, named clients by their name.</summary>
        private sealed class Registrations
        {
            private readonly Dictionary<ITypeSymbol, List<UrlCandidate>> _types;
            private readonly Dictionary<string, List<UrlCandidate>> _names;

            private Registrations(Dictionary<ITypeSymbol, List<UrlCandidate>> types, Dictionary<string, List<UrlCandidate>> names)
            {
                _types = types;
                _names = names;
            }

            public static Registrations None { get; } = new Registrations(
                new Dictionary<ITypeSymbol, List<UrlCandidate>>(SymbolEqualityComparer.Default), new Dictionary<string, List<UrlCandidate>>());

            public bool IsEmpty => _types.Count == 0 && _names.Count == 0;

            public List<UrlCandidate>? ForType(ITypeSymbol type)
                => _types.Count > 0 && _types.TryGetValue(type.OriginalDefinition, out var found) ? found : null;

            public List<UrlCandidate>? ForName(string name)
                => _names.TryGetValue(name, out var found) ? found : null;

            public static Registrations Find(Compilation compilation, UrlSources sources, CancellationToken cancellationToken)
            {
                var types = new Dictionary<ITypeSymbol, List<UrlCandidate>>(SymbolEqualityComparer.Default);
                var names = new Dictionary<string, List<UrlCandidate>>(StringComparer.Ordinal);
                foreach (var tree in compilation.SyntaxTrees)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    SemanticModel? model = null;
                    foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                    {
                        // Only an AddHttpClient or ConfigureHttpClient call whose lambda assigns a BaseAddress, or a
                        // RestService.For call, is bound.
                        if (node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var called } access } call
                            || !(called is "AddHttpClient" or "ConfigureHttpClient" or "AddSingleton" or "TryAddSingleton" ? AssignsBaseAddress(call)
                                 : called == "For" && access.Expression is IdentifierNameSyntax { Identifier.ValueText: "RestService" } or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "RestService" }))
                        {
                            continue;
                        }

                        model ??= compilation.GetSemanticModel(tree);
                        if (model.GetOperation(call, cancellationToken) is not IInvocationOperation operation
                            || Registration(operation) is not { } registration)
                        {
                            continue;
                        }

                        var addresses = new List<UrlCandidate>();
                        if (registration.Configure.Type?.SpecialType == SpecialType.System_String)
                        {
                            List<UrlCandidate>? found = null;
                            Add(ref found, UrlText.Candidates(registration.Configure, sources));
                            addresses.AddRange(found ?? NoAddresses);
                        }

                        foreach (var assignment in registration.Configure.Descendants().OfType<ISimpleAssignmentOperation>())
                        {
                            if (assignment.Target is IPropertyReferenceOperation { Property.Name: "BaseAddress", Instance.Type.Name: "HttpClient" })
                            {
                                List<UrlCandidate>? found = null;
                                Add(ref found, UrlText.Candidates(assignment.Value, sources));
                                addresses.AddRange(found ?? NoAddresses);
                            }
                        }

                        if (addresses.Count == 0)
                        {
                            continue;
                        }

                        if (registration.Type is { } type)
                        {
                            AddTo(types, type.OriginalDefinition, addresses);
                        }

                        if (registration.Name is { } name)
                        {
                            AddTo(names, name, addresses);
                        }
                    }
                }

                return types.Count == 0 && names.Count == 0 ? None : new Registrations(types, names);
            }

            private static void AddTo<TKey>(Dictionary<TKey, List<UrlCandidate>> map, TKey key, List<UrlCandidate> addresses)
            {
                if (map.TryGetValue(key, out var list))
                {
                    list.AddRange(addresses);
                }
                else
                {
                    map[key] = addresses;
                }
            }

            private static bool AssignsBaseAddress(InvocationExpressionSyntax call)
            {
                foreach (var argument in call.ArgumentList.Arguments)
                {
                    if (argument.Expression is AnonymousFunctionExpressionSyntax or ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax)
                    {
                        foreach (var node in argument.Expression.DescendantNodes())
                        {
                            if (node is AssignmentExpressionSyntax assignment && AssignedName(assignment.Left) == "BaseAddress")
                            {
                                return true;
                            }
                        }
                    }
                }

                return false;
            }

            // services.AddHttpClient<T>(c => …), AddHttpClient<TClient, TImplementation>("name", c => …),
            // AddHttpClient("name", (sp, c) => …), services.AddHttpClient<T>().ConfigureHttpClient(c => …),
            // services.AddRefitClient<TApi>().ConfigureHttpClient(c => …); Refit's RestService.For<TApi>("https://…"),
            // whose configuration is the URL itself.
            private static (ITypeSymbol? Type, string? Name, IOperation Configure)? Registration(IInvocationOperation call)
            {
                var method = ExtensionMembers.Classic(call.TargetMethod);
                if (method is { Name: "For", ContainingType: { Name: "RestService", ContainingNamespace.Name: "Refit" }, TypeArguments.Length: 1 })
                {
                    return call.Arguments.FirstOrDefault(a => a.Parameter?.Type.SpecialType == SpecialType.System_String) is { } hostUrl
                        ? (call.TargetMethod.TypeArguments[0], null, hostUrl.Value)
                        : null;
                }

                // services.AddSingleton(new HttpClient { BaseAddress = … }), AddSingleton(sp => new HttpClient { … }):
                // the client injected into every type that takes an HttpClient without a key, under the HttpClient type.
                if (method is { Name: "AddSingleton" or "TryAddSingleton", ContainingType.Name: "ServiceCollectionServiceExtensions" or "ServiceCollectionDescriptorExtensions", TypeArguments.Length: 1 }
                    && method.TypeArguments[0] is { Name: "HttpClient" } service)
                {
                    return call.Arguments.FirstOrDefault(a => a.Parameter?.Type.Name != "IServiceCollection") is { } instance
                        ? (service, null, instance.Value)
                        : null;
                }

                if (method.ContainingType is not { Name: "HttpClientFactoryServiceCollectionExtensions" or "HttpClientBuilderExtensions" })
                {
                    return null;
                }

                var configure = call.Arguments.FirstOrDefault(a => UrlText.WithoutConversions(a.Value) is IDelegateCreationOperation)?.Value;
                if (configure is null)
                {
                    return null;
                }

                if (method.Name == "AddHttpClient")
                {
                    return (method.TypeArguments.LastOrDefault(), NameArgument(call), configure);
                }

                // ConfigureHttpClient on the builder an AddHttpClient or AddRefitClient returned.
                var builder = UrlText.WithoutConversions(ExtensionMembers.Receiver(call));
                for (var depth = 0; depth < 8 && builder is IInvocationOperation { TargetMethod.Name: not ("AddHttpClient" or "AddRefitClient") } chained; depth++)
                {
                    builder = UrlText.WithoutConversions(ExtensionMembers.Receiver(chained));
                }

                return builder switch
                {
                    IInvocationOperation { TargetMethod: { Name: "AddHttpClient" } added } addCall => (added.TypeArguments.LastOrDefault(), NameArgument(addCall), configure),
                    IInvocationOperation { TargetMethod: { Name: "AddRefitClient", TypeArguments.Length: 1 } refit } => (refit.TypeArguments[0], null, configure),
                    _ => null,
                };
            }

            // A typed client without a name is registered under its type's name, which CreateClient can use too.
            private static string? NameArgument(IInvocationOperation call)
            {
                foreach (var argument in call.Arguments)
                {
                    if (argument.Parameter is { Name: "name", Type.SpecialType: SpecialType.System_String } && !argument.IsImplicit)
                    {
                        return argument.Value.ConstantValue.Value as string;
                    }
                }

                return call.TargetMethod.TypeArguments.LastOrDefault()?.Name;
            }
        }
    }
}
