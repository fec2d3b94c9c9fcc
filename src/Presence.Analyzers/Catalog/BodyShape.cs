using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Presence.Analyzers.Catalog
{
    /// <summary>
    /// The evidence that decides when a request's URL is not known (an empty or placeholder setting, a secret, an
    /// environment variable): the setting's name must name a platform or a webhook, and the request body must have
    /// that platform's message shape (Discord <c>content</c>/<c>embeds</c>, Slack <c>text</c>/<c>blocks</c>, a Teams
    /// MessageCard or Adaptive Card, Telegram <c>chat_id</c>, Mastodon <c>status</c>, a Bluesky record).
    /// </summary>
    internal static class BodyShape
    {
        private const int MaxDepth = 6;

        private static readonly (string Word, string Platform)[] NamedPlatforms =
        {
            ("slack", "Slack"), ("discord", "Discord"), ("teams", "Teams"), ("mastodon", "Mastodon"), ("telegram", "Telegram"),
            ("bluesky", "Bluesky"), ("webhook", "*"),
        };

        /// <summary>The platform and the evidence ("the name says Slack and the body has 'text'"), or null.</summary>
        public static (string Platform, string Evidence)? Decide(string names, IOperation? body)
        {
            var named = Named(names);
            if (named is null || body is null)
            {
                return null;
            }

            var members = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            Collect(body, members, 0);
            return Match(named, Shapes(members));
        }

        /// <summary>
        /// As <see cref="Decide(string, IOperation?)"/>, for a body seen in another project: its shapes as
        /// <see cref="Of"/> wrote them.
        /// </summary>
        public static (string Platform, string Evidence)? Decide(string names, string? shapes)
            => string.IsNullOrEmpty(shapes) || Named(names) is not { } named
                ? null
                : Match(named, shapes!.Split(';').Select(shape => shape.Split(new[] { ':' }, 2)).Where(parts => parts.Length == 2).Select(parts => (parts[0], parts[1])));

        /// <summary>
        /// The platforms whose message shape the body has, each with the member that says so
        /// ("Discord:content;Slack:text"), or null: what a library's summary carries of a send whose URL its caller or
        /// host gives, so that the name the host knows and this body decide together there.
        /// </summary>
        public static string? Of(IOperation? body)
        {
            if (body is null)
            {
                return null;
            }

            var members = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            Collect(body, members, 0);
            var shapes = string.Join(";", Shapes(members).Select(shape => shape.Platform + ":" + shape.Member));
            return shapes.Length == 0 ? null : shapes;
        }

        private static string? Named(string names)
        {
            foreach (var (word, platform) in NamedPlatforms)
            {
                if (names.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return platform;
                }
            }

            return null;
        }

        private static (string Platform, string Evidence)? Match(string named, IEnumerable<(string Platform, string Member)> shapes)
        {
            foreach (var (platform, member) in shapes)
            {
                if (named == "*" || named == platform)
                {
                    var says = named == "*" ? "the name says webhook" : "the name says " + platform;
                    return (platform, says + " and the body has '" + member + "'");
                }
            }

            return null;
        }

        // Bluesky record types that publish nothing to the account's audience: a like, a follow, a block, a list
        // membership. A post, a repost and any collection not named here (or computed at run time) still publish.
        private static readonly string[] QuietBlueskyCollections =
        {
            "app.bsky.feed.like", "app.bsky.graph.follow", "app.bsky.graph.block", "app.bsky.graph.listitem", "app.bsky.graph.listblock",
        };

        /// <summary>
        /// True when a Bluesky <c>com.atproto.repo.createRecord</c> body names, as a constant, a collection that
        /// publishes nothing (<c>collection = "app.bsky.graph.follow"</c> in an anonymous object, a dictionary, or a
        /// type of the project's own set by an initializer or a constructor parameter named <c>collection</c>).
        /// </summary>
        /// <param name="callers">What call sites pass to a helper's parameters, for a collection that is one.</param>
        public static bool IsQuietBlueskyRecord(IOperation? body, CallSiteArguments? callers)
            => IsQuietBlueskyCollection(ConstantMember(body, "collection", callers, 0));

        private static bool IsQuietBlueskyCollection(string? collection)
            => collection is not null && Array.IndexOf(QuietBlueskyCollections, collection) >= 0;

        // A helper's parameter no call site at hand stands for: quiet when the helper can be called only from this
        // project and every call of it passes a quiet collection (a private CreateRecordAsync that only follows);
        // otherwise noted, so that each caller is judged by what it passes.
        private static string? FromEveryCaller(IParameterReferenceOperation parameter, Func<IOperation, string?> read, CallSiteArguments? callers)
        {
            if (callers is not null && OnlyCalledHere(parameter.Parameter.ContainingSymbol) && callers.ArgumentsOf(parameter.Parameter) is { Count: > 0 } arguments)
            {
                string? first = null;
                foreach (var argument in arguments)
                {
                    var collection = read(argument);
                    if (!IsQuietBlueskyCollection(collection))
                    {
                        first = null;
                        break;
                    }

                    first ??= collection;
                }

                if (first is not null)
                {
                    return first;
                }
            }

            CallerBindings.NoteRead(parameter.Parameter);
            return null;
        }

        private static bool OnlyCalledHere(ISymbol? symbol)
        {
            if (symbol is IMethodSymbol { MethodKind: MethodKind.LocalFunction })
            {
                return true;
            }

            for (; symbol is not null and not INamespaceSymbol; symbol = symbol.ContainingSymbol)
            {
                if (symbol.DeclaredAccessibility is Accessibility.Private or Accessibility.Internal or Accessibility.ProtectedAndInternal)
                {
                    return true;
                }
            }

            return false;
        }

        // The constant string a member of the body's JSON is set to, or null when it cannot be seen.
        private static string? ConstantMember(IOperation? operation, string member, CallSiteArguments? callers, int depth)
        {
            operation = UrlText.WithoutConversions(operation);
            if (operation is null || depth > MaxDepth)
            {
                return null;
            }

            switch (operation)
            {
                case IAnonymousObjectCreationOperation anonymous:
                    foreach (var initializer in anonymous.Initializers)
                    {
                        if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assigned
                            && string.Equals(property.Property.Name, member, StringComparison.OrdinalIgnoreCase))
                        {
                            return Text(assigned.Value, callers);
                        }
                    }

                    return null;

                case IObjectCreationOperation creation when creation.Type is INamedTypeSymbol type && IsContent(type):
                    return creation.Arguments.Length > 0 ? ConstantMember(creation.Arguments[0].Value, member, callers, depth + 1) : null;

                case IObjectCreationOperation creation:
                    var found = creation.Type is INamedTypeSymbol record ? DefaultText(record, member) : null;
                    foreach (var argument in creation.Arguments)
                    {
                        if (string.Equals(argument.Parameter?.Name, member, StringComparison.OrdinalIgnoreCase))
                        {
                            found = Text(argument.Value, callers);
                        }
                    }

                    foreach (var initializer in creation.Initializer?.Initializers ?? Enumerable.Empty<IOperation>())
                    {
                        switch (initializer)
                        {
                            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer } keyed
                                when indexer.Arguments[0].Value.ConstantValue.Value is string key && string.Equals(key, member, StringComparison.OrdinalIgnoreCase):
                                found = Text(keyed.Value, callers);
                                break;
                            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: false } property } assigned
                                when string.Equals(JsonName(property.Property) ?? property.Property.Name, member, StringComparison.OrdinalIgnoreCase):
                                found = Text(assigned.Value, callers);
                                break;
                            case IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 2 } add
                                when add.Arguments[0].Value.ConstantValue.Value is string added && string.Equals(added, member, StringComparison.OrdinalIgnoreCase):
                                found = Text(add.Arguments[1].Value, callers);
                                break;
                        }
                    }

                    return found;

                case IInvocationOperation call when call.TargetMethod.Name is "Create" or "Serialize" or "SerializeObject" && call.Arguments.Length > 0:
                    return ConstantMember(call.Arguments[0].Value, member, callers, depth + 1);

                case ILocalReferenceOperation local:
                    return ConstantMember(UrlText.Initializer(local.Local, operation.SemanticModel), member, callers, depth + 1);

                // A helper's body parameter: what the call site at hand passes.
                case IParameterReferenceOperation parameter:
                    return CallerBindings.ArgumentFor(parameter.Parameter) is { } passed
                        ? ConstantMember(passed, member, callers, depth + 1)
                        : FromEveryCaller(parameter, argument => ConstantMember(argument, member, null, depth + 1), callers);

                default:
                    return null;
            }
        }

        // public string Collection { get; init; } = "app.bsky.graph.follow"; or => "app.bsky.graph.follow"; in a
        // type of the project's own.
        private static string? DefaultText(INamedTypeSymbol type, string member)
        {
            foreach (var symbol in type.GetMembers())
            {
                if (symbol is IPropertySymbol { IsStatic: false } property
                    && string.Equals(JsonName(property) ?? property.Name, member, StringComparison.OrdinalIgnoreCase)
                    && property.DeclaringSyntaxReferences.Length == 1
                    && property.DeclaringSyntaxReferences[0].GetSyntax() is PropertyDeclarationSyntax declaration)
                {
                    var value = declaration.Initializer?.Value ?? declaration.ExpressionBody?.Expression;
                    return value is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal.Token.ValueText : null;
                }
            }

            return null;
        }

        // A constant, or a helper's parameter read for the call site at hand (CreateRecordAsync("app.bsky.graph.follow", …))
        // or for every call of it.
        private static string? Text(IOperation value, CallSiteArguments? callers, int depth = 0)
        {
            var operation = UrlText.WithoutConversions(value);
            if (operation is IParameterReferenceOperation parameter && depth <= MaxDepth)
            {
                return CallerBindings.ArgumentFor(parameter.Parameter) is { } argument
                    ? Text(argument, callers, depth + 1)
                    : FromEveryCaller(parameter, passed => Text(passed, null, depth + 1), callers);
            }

            return operation?.ConstantValue.Value as string;
        }

        // Most specific first: a Discord body also has no 'text', a Teams card may carry 'text' too.
        private static IEnumerable<(string Platform, string Member)> Shapes(HashSet<string> members)
        {
            foreach (var (platform, member) in new[]
            {
                ("Teams", "@type"), ("Teams", "themeColor"), ("Teams", "sections"), ("Teams", "attachments:contentType"),
                ("Discord", "embeds"), ("Discord", "content"),
                ("Telegram", "chat_id"),
                ("Mastodon", "status"),
                ("Bluesky", "collection"),
                ("Slack", "blocks"), ("Slack", "text"),
            })
            {
                if (members.Contains(member))
                {
                    yield return (platform, member.Replace("attachments:contentType", "attachments"));
                }
            }
        }

        // The member names of the JSON the body serializes to, as far as they can be seen.
        private static void Collect(IOperation? operation, HashSet<string> members, int depth)
        {
            operation = UrlText.WithoutConversions(operation);
            if (operation is null || depth > MaxDepth)
            {
                return;
            }

            switch (operation)
            {
                case IAnonymousObjectCreationOperation anonymous:
                    foreach (var initializer in anonymous.Initializers.OfType<ISimpleAssignmentOperation>())
                    {
                        if (initializer.Target is IPropertyReferenceOperation property)
                        {
                            members.Add(property.Property.Name);
                            NestedAttachments(property.Property.Name, initializer.Value, members, depth);
                        }
                    }

                    break;

                case IObjectCreationOperation creation when creation.Type is INamedTypeSymbol type && IsContent(type):
                    // new StringContent(json), new FormUrlEncodedContent(pairs), new JsonContent…
                    foreach (var argument in creation.Arguments)
                    {
                        Collect(argument.Value, members, depth + 1);
                    }

                    break;

                case IObjectCreationOperation creation:
                    if (creation.Type is INamedTypeSymbol dto && dto.Locations.Length > 0 && dto.Locations[0].IsInSource)
                    {
                        AddProperties(dto, members);
                    }

                    foreach (var initializer in creation.Initializer?.Initializers ?? Enumerable.Empty<IOperation>())
                    {
                        // new Dictionary<string, object> { ["text"] = … } and { { "text", … } }
                        switch (initializer)
                        {
                            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer } when indexer.Arguments[0].Value.ConstantValue.Value is string key:
                                members.Add(key);
                                break;
                            case IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 2 } add when add.Arguments[0].Value.ConstantValue.Value is string added:
                                members.Add(added);
                                break;
                        }
                    }

                    break;

                // JsonContent.Create(x), JsonSerializer.Serialize(x), JsonConvert.SerializeObject(x)
                case IInvocationOperation call when call.TargetMethod.Name is "Create" or "Serialize" or "SerializeObject" && call.Arguments.Length > 0:
                    Collect(call.Arguments[0].Value, members, depth + 1);
                    break;

                case ILocalReferenceOperation local:
                    Collect(UrlText.Initializer(local.Local, operation.SemanticModel), members, depth + 1);
                    break;

                default:
                    if (operation.Type is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } typed && typed.Locations.Length > 0 && typed.Locations[0].IsInSource)
                    {
                        AddProperties(typed, members);
                    }

                    break;
            }
        }

        // A Teams Adaptive Card goes in attachments[] with contentType "application/vnd.microsoft.card.adaptive".
        private static void NestedAttachments(string name, IOperation value, HashSet<string> members, int depth)
        {
            if (!string.Equals(name, "attachments", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            foreach (var element in Elements(value))
            {
                var inner = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                Collect(element, inner, depth + 1);
                if (inner.Contains("contentType"))
                {
                    members.Add("attachments:contentType");
                }
            }
        }

        private static IEnumerable<IOperation> Elements(IOperation value)
            => UrlText.WithoutConversions(value) switch
            {
                IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
                _ => Enumerable.Empty<IOperation>(),
            };

        private static void AddProperties(INamedTypeSymbol type, HashSet<string> members)
        {
            foreach (var member in type.GetMembers())
            {
                if (member is IPropertySymbol { DeclaredAccessibility: Accessibility.Public, IsStatic: false } property)
                {
                    members.Add(JsonName(property) ?? property.Name);
                }
            }
        }

        // [JsonPropertyName("@type")] (System.Text.Json) and [JsonProperty("@type")] (Newtonsoft.Json).
        private static string? JsonName(IPropertySymbol property)
        {
            foreach (var attribute in property.GetAttributes())
            {
                if (attribute.AttributeClass?.Name is "JsonPropertyNameAttribute" or "JsonPropertyAttribute"
                    && attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string name)
                {
                    return name;
                }
            }

            return null;
        }

        private static bool IsContent(INamedTypeSymbol type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (current.Name == "HttpContent" && current.ContainingNamespace?.ToDisplayString() == "System.Net.Http")
                {
                    return true;
                }
            }

            return false;
        }
    }
}
