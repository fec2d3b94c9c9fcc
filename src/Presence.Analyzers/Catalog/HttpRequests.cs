using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Presence.Compilations;

namespace Presence.Analyzers.Catalog
{
    /// <summary>
    /// Recognises raw HTTP requests (HttpClient and System.Net.Http.Json, Flurl.Http, RestSharp) and reads their
    /// method and URL, so that a request to a catalogued publish endpoint counts as a publish call. A request whose
    /// URL the compiler cannot see, a GET to a publishing host and a POST to another host are not publish calls.
    /// </summary>
    internal static class HttpRequests
    {
        /// <summary>Cheap test on the called method before any URL is read.</summary>
        public static bool IsCandidate(IMethodSymbol method)
        {
            var type = ExtensionMembers.Classic(method).ContainingType;
            if (type is null)
            {
                return false;
            }

            return type.Name switch
            {
                "HttpClient" or "HttpMessageInvoker" => IsInNamespace(type, "System.Net.Http"),
                "HttpClientJsonExtensions" => IsInNamespace(type, "System.Net.Http.Json"),
                _ => IsInNamespace(type, "Flurl.Http") || IsInNamespace(type, "RestSharp"),
            };
        }

        /// <summary>
        /// Whether the source has a namespace whose innermost name is that of one <see cref="IsCandidate"/> accepts
        /// (System.Net.Http, System.Net.Http.Json, Flurl.Http, RestSharp): if not, none of its methods is one. Asked once per
        /// set of files (<see cref="SourceDeclarations"/>), instead of walking the namespace of each method the source
        /// calls of its own.
        /// </summary>
        public static bool SourceMayDeclareCandidates(Compilation compilation)
            => SourceDeclarations.DeclaresNamespace(compilation, "Http") || SourceDeclarations.DeclaresNamespace(compilation, "Json")
               || SourceDeclarations.DeclaresNamespace(compilation, "RestSharp");

        /// <summary>
        /// A part of the name of every method of HttpClient, HttpMessageInvoker and HttpClientJsonExtensions that
        /// <see cref="Classify"/> can call a send (<see cref="DescribesClientSend"/>), and of the framework's catalogued
        /// members (SmtpClient's Send…): a source file that has none of them cannot call one (the text of the files is read
        /// once for these, see <c>Model.NameUse</c>). <see cref="ClientSendsHaveWords"/> checks the referenced framework's
        /// methods against them, <see cref="ApiCatalogIndex.MayDeclareUnwordedType"/> the catalog's.
        /// </summary>
        public static readonly ImmutableArray<string> SendWords = ImmutableArray.Create(
            "Send", "PostAs", "PutAs", "PatchAs", "GetAsync", "GetStr", "GetByteArrayAsync", "GetFromJsonAs");

        private static readonly string[] ClientTypes = { "HttpClient", "HttpMessageInvoker", "HttpClientJsonExtensions" };

        /// <summary>Whether <see cref="Classify"/> describes a call of an HttpClient, HttpMessageInvoker or HttpClientJsonExtensions method of this name.</summary>
        public static bool DescribesClientSend(string name) => name is "SendAsync" or "Send" || VerbFromName(name) is not null;

        /// <summary>
        /// True when every method of HttpClient, HttpMessageInvoker and HttpClientJsonExtensions that the source can call
        /// and <see cref="Classify"/> describes has one of <see cref="SendWords"/> in its name, and the source
        /// declares none of these types itself (whose methods it could call without naming them: a foreach, an await).
        /// The references are asked once per set of them.
        /// </summary>
        public static bool ClientSendsHaveWords(Compilation compilation)
        {
            foreach (var type in ClientTypes)
            {
                if (SourceDeclarations.DeclaresType(compilation, type))
                {
                    return false;
                }
            }

            return ReferenceSet.Of(compilation).Derived("HttpRequests.ClientSendsHaveWords", () => new StrongBox<bool>(ReferencedSendsHaveWords(compilation))).Value;
        }

        private static bool ReferencedSendsHaveWords(Compilation compilation)
        {
            foreach (var assembly in ReferenceSet.Of(compilation).Assemblies)
            {
                if (Namespace(assembly.GlobalNamespace, "System", "Net", "Http") is not { } http)
                {
                    continue;
                }

                var types = http.GetTypeMembers(ClientTypes[0]).Concat(http.GetTypeMembers(ClientTypes[1]))
                    .Concat(Namespace(http, "Json")?.GetTypeMembers(ClientTypes[2]) ?? ImmutableArray<INamedTypeSymbol>.Empty);
                foreach (var type in types)
                {
                    foreach (var member in type.GetMembers())
                    {
                        if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: not Accessibility.Private } method
                            && DescribesClientSend(method.Name) && !HasSendWord(method.Name))
                        {
                            return false;
                        }
                    }
                }
            }

            return true;
        }

        /// <summary>Whether one of <see cref="SendWords"/> is part of <paramref name="name"/>.</summary>
        public static bool HasSendWord(string name)
        {
            foreach (var word in SendWords)
            {
                if (name.IndexOf(word, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when the references or the source may declare a Flurl.Http or RestSharp client, whose sends
        /// <see cref="IsCandidate"/> accepts by namespace and many names (their namespaces' names, asked once per set of references).
        /// </summary>
        public static bool SdkClientsMayExist(Compilation compilation)
            => SourceDeclarations.DeclaresNamespace(compilation, "Flurl") || SourceDeclarations.DeclaresNamespace(compilation, "RestSharp")
               || ReferenceSet.Of(compilation).Derived("HttpRequests.SdkClientsMayExist", () => new StrongBox<bool>(ReferenceSet.Of(compilation).Assemblies.Any(DeclaresSdkNamespace))).Value;

        // The namespace names of a referenced assembly are the simple names of all its namespaces, nested ones included.
        private static bool DeclaresSdkNamespace(IAssemblySymbol assembly)
            => assembly.NamespaceNames.Contains("Flurl") || assembly.NamespaceNames.Contains("RestSharp");

        /// <summary>
        /// The names of the sends <see cref="IsCandidate"/> accepts whose verb can be a write (POST, PUT, PATCH, or a
        /// request message), as the compilation's references declare them: for the path summary's syntactic
        /// prefilter, which would otherwise take every method named Send… or Execute… for a request.
        /// </summary>
        public static IEnumerable<string> SendNames(Compilation compilation)
        {
            foreach (var reference in compilation.References)
            {
                if (compilation.GetAssemblyOrModuleSymbol(reference) is not IAssemblySymbol assembly)
                {
                    continue;
                }

                // Each assembly's own declarations (what IsCandidate accepts), wherever the framework puts them.
                var types = new List<INamedTypeSymbol>();
                if (Namespace(assembly.GlobalNamespace, "System", "Net", "Http") is { } http)
                {
                    types.AddRange(http.GetTypeMembers("HttpClient"));
                    types.AddRange(http.GetTypeMembers("HttpMessageInvoker"));
                    if (Namespace(http, "Json") is { } json)
                    {
                        types.AddRange(json.GetTypeMembers("HttpClientJsonExtensions"));
                    }
                }

                foreach (var name in types.SelectMany(type => type.MemberNames).Where(IsSendName))
                {
                    yield return name;
                }

                // Flurl.Http and RestSharp spread their sends over many extension classes.
                if (assembly.Name.StartsWith("Flurl", StringComparison.Ordinal) || assembly.Name.StartsWith("RestSharp", StringComparison.Ordinal))
                {
                    foreach (var name in TypesOf(assembly.GlobalNamespace)
                        .Where(type => IsInNamespace(type, "Flurl.Http") || IsInNamespace(type, "RestSharp"))
                        .SelectMany(type => type.MemberNames)
                        .Where(IsSendName))
                    {
                        yield return name;
                    }
                }
            }
        }

        private static INamespaceSymbol? Namespace(INamespaceSymbol? container, params string[] path)
        {
            foreach (var part in path)
            {
                container = container?.GetMembers(part).OfType<INamespaceSymbol>().FirstOrDefault();
            }

            return container;
        }

        private static bool IsSendName(string name)
            => name.StartsWith("Post", StringComparison.Ordinal) || name.StartsWith("Put", StringComparison.Ordinal)
               || name.StartsWith("Patch", StringComparison.Ordinal) || name.StartsWith("Send", StringComparison.Ordinal)
               || name.StartsWith("Execute", StringComparison.Ordinal);

        private static IEnumerable<INamedTypeSymbol> TypesOf(INamespaceOrTypeSymbol container)
        {
            foreach (var member in container.GetMembers())
            {
                if (member is INamespaceOrTypeSymbol nested)
                {
                    if (nested is INamedTypeSymbol type)
                    {
                        yield return type;
                    }

                    foreach (var inner in TypesOf(nested))
                    {
                        yield return inner;
                    }
                }
            }
        }

        /// <summary>
        /// The publish target of a request, or null when it reaches no catalogued endpoint. A write (POST, PUT, PATCH)
        /// whose URL cannot be resolved at all yields a target of kind <see cref="PublishKind.Unresolved"/> (PRES011
        /// on unattended paths).
        /// </summary>
        public static PublishTarget? Classify(IInvocationOperation invocation, UrlSources? sources)
        {
            var method = ExtensionMembers.Classic(invocation.TargetMethod);
            var request = method.ContainingType.Name switch
            {
                "HttpClient" or "HttpMessageInvoker" or "HttpClientJsonExtensions" => DescribeHttpClient(invocation, method, sources),
                _ when IsInNamespace(method.ContainingType, "Flurl.Http") => DescribeFlurl(invocation, method, sources),
                _ => DescribeRestSharp(invocation, method, sources),
            };

            return request is { } described ? Decide(invocation.TargetMethod, described, sources) : null;
        }

        // Where a described request goes: a catalogued endpoint, a guess by a setting's name and the body's shape, a
        // known host that is no publish (null), or nobody knows (Unresolved, for a write).
        private static PublishTarget? Decide(IMethodSymbol method, Request described, UrlSources? sources)
        {
            foreach (var candidate in described.Urls)
            {
                if (RequestUrl.Parse(candidate.Text) is { } url && EndpointCatalog.Match(described.Verb, url) is { } endpoint)
                {
                    // A like or a follow goes through the same endpoint as a post; the body's collection tells them apart.
                    // Matched under a host a setting without a value here gives (a Slack client's base address): the
                    // key travels too, so that a referencing project's settings decide where they give it a value.
                    return IsCreateRecord(endpoint) && BodyShape.IsQuietBlueskyRecord(described.Body, sources?.Arguments)
                        ? null
                        : TargetOf(method, endpoint, described.Verb, candidate.Text, candidate.Origin, url.Host is null ? ConfiguredWhole(described) : null);
                }
            }

            if (described.Verb is not ("POST" or "PUT" or "PATCH"))
            {
                return null;
            }

            // The URL is a setting without a known value: its name and the body's shape decide. Not an options property
            // whose type this project binds to no section it can see ({SlackOptions}:Url): the type is usually bound
            // where the analyzers cannot follow (a lambda, another project, the host), to a value that decides; guessing
            // there turned an internal relay named like a platform into a publish.
            foreach (var candidate in described.Urls)
            {
                if (candidate.Origin is { Value: null } origin && !(origin.Key.Length > 0 && origin.Key[0] == '{')
                    && (described.Body is null ? BodyShape.Decide(origin.Names, described.Shapes) : BodyShape.Decide(origin.Names, described.Body)) is { } decided)
                {
                    // With the key, so that a referencing project's settings decide where they give it a value.
                    return new PublishTarget(method, PublishKind.Endpoint, decided.Platform, PublishCategory.Social,
                        described.Verb + " to the " + origin.DescribeEvidence(decided.Evidence), catalogId: "evidence: " + decided.Platform,
                        configuredUrl: ConfiguredWhole(described));
                }
            }

            foreach (var candidate in described.Urls)
            {
                if (RequestUrl.Parse(candidate.Text) is { Host: not null })
                {
                    // A known host that is not a publish endpoint: resolved, and not a publish.
                    return null;
                }
            }

            var first = described.Urls.Count > 0 ? described.Urls[0] : default;
            var shown = first.Origin is { } unresolvedOrigin ? "the " + unresolvedOrigin.Describe(null) : "a URL computed at run time";

            // The body's shape travels with a URL another project gives (a host's setting, a caller's argument), so
            // that the name it reads the URL under and this body decide there together, as they would here.
            var configured = ConfiguredWhole(described);
            var argument = AfterUnknownStart(described);
            if ((configured is not null || argument is not null) && (described.Body is null ? described.Shapes : BodyShape.Of(described.Body)) is { } shapes)
            {
                configured = configured is null ? null : new ConfiguredUrl(configured.Verb, configured.Key, configured.Tail, shapes);
                argument = argument is null ? null : new ArgumentUrl(argument.Verb, argument.After, shapes);
            }

            return new PublishTarget(method, PublishKind.Unresolved, platform: null, PublishCategory.Social, described.Verb + " to " + shown,
                configuredUrl: configured, argumentUrl: argument);
        }

        // The rest of a URL that starts with one value nothing here resolves and has no other ("\u0001/api/v1/statuses"):
        // when that value is a parameter, the cross-project summary lets each caller's argument decide.
        private static ArgumentUrl? AfterUnknownStart(Request request)
        {
            foreach (var candidate in request.Urls)
            {
                if (candidate.Origin is null && candidate.Text.Length > 0 && candidate.Text[0] == RequestUrl.Unknown
                    && candidate.Text.IndexOf(RequestUrl.Unknown, 1) < 0)
                {
                    return new ArgumentUrl(request.Verb, candidate.Text.Substring(1));
                }
            }

            return null;
        }

        /// <summary>
        /// What a call of a referenced method publishes whose summary says it sends <paramref name="verb"/> to the URL
        /// its caller passes (<paramref name="argument"/>), followed by <paramref name="after"/>: as for a request of
        /// this compilation's own, the argument's URL decides (a literal, a setting, an options property, a parameter of
        /// the calling function, for its own callers to decide).
        /// </summary>
        /// <param name="bodyShapes">The shapes of the body the referenced method sends (<see cref="BodyShape.Of"/>), or null.</param>
        public static PublishTarget? ClassifyArgument(IMethodSymbol method, string verb, IOperation argument, string after, UrlSources sources, string? bodyShapes = null)
            => ClassifyUrls(method, verb, UrlText.Candidates(argument, sources), after, bodyShapes);

        /// <summary>
        /// As <see cref="ClassifyArgument"/>, for URLs read from what the caller gives in another shape (a member of its
        /// argument, the elements of a list, what a subclass overrides).
        /// </summary>
        public static PublishTarget? ClassifyUrls(IMethodSymbol method, string verb, List<UrlCandidate> urls, string after, string? bodyShapes = null)
            => Decide(method, new Request(verb, after.Length == 0 ? urls : urls.ConvertAll(url => new UrlCandidate(url.Text + after, url.Origin)), body: null, bodyShapes), sources: null);

        // The configuration key whose value, unknown here, is the request's whole URL, or the base address a relative
        // URL is sent under (the cross-project summary carries both, and the host's settings decide).
        private static ConfiguredUrl? ConfiguredWhole(Request request)
        {
            foreach (var candidate in request.Urls)
            {
                if (candidate.Origin is not { Kind: SettingKind.Configuration, Value: null } origin || candidate.Text.Length == 0 || candidate.Text[0] != RequestUrl.Unknown)
                {
                    continue;
                }

                if (candidate.Text.Length == 1)
                {
                    return new ConfiguredUrl(request.Verb, origin.Key);
                }

                if (candidate.Text[1] == '/' && candidate.Text.IndexOf(RequestUrl.Unknown, 1) < 0)
                {
                    return new ConfiguredUrl(request.Verb, origin.Key, candidate.Text.Substring(2));
                }
            }

            return null;
        }

        private static bool IsCreateRecord(EndpointEntry endpoint)
            => endpoint.Platform == "Bluesky" && endpoint.Path.Length > 0 && endpoint.Path[endpoint.Path.Length - 1] == "com.atproto.repo.createRecord";

        public static PublishTarget TargetOf(IMethodSymbol method, EndpointEntry endpoint, string verb, string url, SettingOrigin? origin = null, ConfiguredUrl? configuredUrl = null)
            => new PublishTarget(method, PublishKind.Endpoint, endpoint.Platform, endpoint.Category,
                origin is null
                    ? verb + " " + WithoutSecrets(url, endpoint)
                    : verb + " to the " + origin.Describe(RequestUrl.Parse(url)?.Host),
                catalogId: endpoint.Display, configuredUrl: configuredUrl);

        // A webhook URL is a credential: messages end up in build logs, SARIF files, the publishing map and pull-request
        // comments. This is the one place a URL written in code is made fit to show: the query (a signature, a key)
        // reads '?…'; the parts the catalog marks as a credential ('$': Slack's and Teams' hook paths, Discord's
        // webhook token, Telegram's bot token) read '…', whatever they look like; any other segment that looks like a
        // token (long, letters and digits, or a bot token's colon) too. The host and the rest of the path still say
        // where the post goes.
        internal static string WithoutSecrets(string url, EndpointEntry? endpoint = null)
        {
            var query = url.IndexOfAny(new[] { '?', '#' });
            var path = query < 0 ? url : url.Substring(0, query);
            var start = PathStart(path);
            var raw = path.Substring(start).Split('/');
            var shown = (endpoint is null ? null : EndpointCatalog.Shown(endpoint, RequestUrl.Segments(path.Substring(start))))
                ?? raw.Where(segment => segment.Length > 0).Select(segment => (string?)segment).ToArray();
            var text = new StringBuilder(path, 0, start, url.Length);
            var n = 0;
            var first = true;
            foreach (var segment in raw)
            {
                var replacement = segment.Length == 0 ? segment : shown[n++];
                if (replacement is null)
                {
                    continue;
                }

                if (!first)
                {
                    text.Append('/');
                }

                first = false;
                text.Append(replacement == "…" ? replacement : WithoutToken(replacement));
            }

            if (query >= 0)
            {
                text.Append(url[query]).Append('…');
            }

            return text.Replace(RequestUrl.Unknown, '…').ToString();
        }

        // Where RequestUrl.Parse reads the path: after the host, after a leading run-time part, else from the start.
        private static int PathStart(string url)
        {
            var scheme = url.IndexOf("://", StringComparison.Ordinal);
            var slash = scheme >= 0 ? url.IndexOf('/', scheme + 3) : url.Length > 0 && url[0] == RequestUrl.Unknown ? url.IndexOf('/') : 0;
            return slash < 0 ? url.Length : slash;
        }

        private static string WithoutToken(string segment)
        {
            // Telegram's bot123456:AA…, kept as "bot…".
            var colon = segment.IndexOf(':');
            if (colon >= 0 && segment.Length > 16)
            {
                return segment.StartsWith("bot", StringComparison.Ordinal) ? "bot…" : "…";
            }

            var letters = false;
            var digits = false;
            foreach (var c in segment)
            {
                letters |= char.IsLetter(c);
                digits |= char.IsDigit(c);
            }

            return segment.Length >= 20 && letters && digits ? "…" : segment;
        }

        // request.Method = HttpMethod.Post; request.RequestUri = new Uri(hook); written after the request was created
        // and before it is sent, in the body that declares it (in source order: the last one wins).
        private static IEnumerable<ISimpleAssignmentOperation> AssignedBefore(ILocalSymbol request, IInvocationOperation send)
        {
            if (send.SemanticModel is not { } model || request.DeclaringSyntaxReferences.Length != 1)
            {
                yield break;
            }

            var declaration = request.DeclaringSyntaxReferences[0].GetSyntax();
            if (declaration.SyntaxTree != model.SyntaxTree || declaration.FirstAncestorOrSelf<BlockSyntax>() is not { } block)
            {
                yield break;
            }

            foreach (var node in block.DescendantNodes(node => node.SpanStart < send.Syntax.SpanStart))
            {
                if (node is AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax target, Name.Identifier.ValueText: "Method" or "RequestUri" or "Content" } }
                    && target.Identifier.ValueText == request.Name && node.SpanStart > declaration.SpanStart && node.SpanStart < send.Syntax.SpanStart
                    && model.GetOperation(node) is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: ILocalReferenceOperation assigned } } assignment
                    && SymbolEqualityComparer.Default.Equals(assigned.Local, request))
                {
                    yield return assignment;
                }
            }
        }

        /// <summary>The HTTP method of a Refit attribute class, e.g. PostAttribute → POST.</summary>
        public static string? RefitVerb(string attributeName)
            => attributeName switch
            {
                "PostAttribute" => "POST",
                "PutAttribute" => "PUT",
                "PatchAttribute" => "PATCH",
                "GetAttribute" => "GET",
                _ => null,
            };

        private static Request? DescribeHttpClient(IInvocationOperation invocation, IMethodSymbol method, UrlSources? sources)
        {
            string verb;
            IOperation? url;
            IOperation? body;
            if (method.Name is "SendAsync" or "Send")
            {
                var request = UrlText.WithoutConversions(Argument(invocation, "request"));
                ILocalSymbol? requestLocal = null;
                if (request is ILocalReferenceOperation local)
                {
                    requestLocal = local.Local;
                    request = UrlText.WithoutConversions(UrlText.Initializer(local.Local, invocation.SemanticModel));
                }

                if (request is not IObjectCreationOperation creation || creation.Type?.Name != "HttpRequestMessage")
                {
                    return null;
                }

                verb = "GET";
                url = null;
                body = null;
                foreach (var argument in creation.Arguments)
                {
                    switch (argument.Parameter?.Name)
                    {
                        case "method":
                            verb = VerbOf(argument.Value) ?? verb;
                            break;
                        case "requestUri":
                            url = argument.Value;
                            break;
                    }
                }

                var initializers = creation.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>() ?? Enumerable.Empty<ISimpleAssignmentOperation>();
                foreach (var assignment in requestLocal is null ? initializers : initializers.Concat(AssignedBefore(requestLocal, invocation)))
                {
                    switch ((assignment.Target as IPropertyReferenceOperation)?.Property.Name)
                    {
                        case "Method":
                            verb = VerbOf(assignment.Value) ?? verb;
                            break;
                        case "RequestUri":
                            url = assignment.Value;
                            break;
                        case "Content":
                            body = assignment.Value;
                            break;
                    }
                }
            }
            else if (VerbFromName(method.Name) is { } named)
            {
                verb = named;
                url = Argument(invocation, "requestUri");
                body = Argument(invocation, "content") ?? Argument(invocation, "value");
            }
            else
            {
                return null;
            }

            var client = ExtensionMembers.Receiver(invocation);
            return new Request(verb, WithBaseAddresses(UrlText.Candidates(url, sources), client, invocation, sources), body);
        }

        private static Request? DescribeFlurl(IInvocationOperation invocation, IMethodSymbol method, UrlSources? sources)
        {
            string? verb;
            if (method.Name.StartsWith("Send", StringComparison.Ordinal))
            {
                verb = VerbOf(Argument(invocation, "verb"));
            }
            else
            {
                verb = VerbFromName(method.Name);
            }

            var receiver = ExtensionMembers.Receiver(invocation);
            return verb is null || receiver is null ? null : new Request(verb, FlurlUrls(receiver, sources, 0), Argument(invocation, "body"));
        }

        // "https://api.x.com".AppendPathSegment("2/tweets").WithOAuthBearerToken(t): follow the builder chain down to
        // the URL it starts from, which may be read from configuration (config["Slack:Url"].PostJsonAsync(…)).
        private static List<UrlCandidate> FlurlUrls(IOperation operation, UrlSources? sources, int depth)
        {
            operation = UrlText.WithoutConversions(operation)!;
            if (depth > 16)
            {
                return UrlText.One(RequestUrl.Unknown.ToString());
            }

            switch (operation)
            {
                case IInvocationOperation { TargetMethod: var builder } call when IsInNamespace(builder.ContainingType, "Flurl") || IsInNamespace(builder.ContainingType, "Flurl.Http"):
                    var receiver = ExtensionMembers.Receiver(call);
                    if (builder.Name == "Combine")
                    {
                        return UrlText.One(string.Join("/", call.Arguments.Select(a => UrlText.Of(a.Value))));
                    }

                    if (receiver is null)
                    {
                        return UrlText.One(RequestUrl.Unknown.ToString());
                    }

                    var urls = FlurlUrls(receiver, sources, depth + 1);
                    // client.Request("api", "v1", "statuses") appends its segments to the client's base URL too.
                    if (builder.Name is "AppendPathSegment" or "AppendPathSegments" or "Request")
                    {
                        foreach (var segment in call.Arguments.Skip(call.Instance is null && builder.IsExtensionMethod ? 1 : 0))
                        {
                            if (segment.Parameter?.Type.SpecialType is SpecialType.System_Boolean)
                            {
                                continue;
                            }

                            var text = SegmentsOf(segment.Value).TrimStart('/');
                            for (var i = 0; i < urls.Count; i++)
                            {
                                urls[i] = new UrlCandidate(urls[i].Text.TrimEnd('/') + "/" + text, urls[i].Origin);
                            }
                        }
                    }

                    return urls;

                case IObjectCreationOperation { Type.Name: "Url" or "FlurlRequest" } creation when creation.Arguments.Length > 0:
                    return FlurlUrls(creation.Arguments[0].Value, sources, depth + 1);

                // new FlurlClient("https://discord.com/api"): its base URL (not one made from an HttpClient).
                case IObjectCreationOperation { Type.Name: "FlurlClient" } client
                    when client.Arguments.Length > 0 && client.Arguments[0].Value.Type?.SpecialType == SpecialType.System_String:
                    return FlurlUrls(client.Arguments[0].Value, sources, depth + 1);

                case ILocalReferenceOperation local when UrlText.Initializer(local.Local, operation.SemanticModel) is { } initializer:
                    return FlurlUrls(initializer, sources, depth + 1);

                // A client or request kept in a readonly field: what it is initialized or constructed with.
                case IFieldReferenceOperation { Field: { IsReadOnly: true, Type.Name: "FlurlClient" or "IFlurlClient" or "Url" or "FlurlRequest" or "IFlurlRequest" } field }
                    when UrlText.AssignedOperations(field, operation.SemanticModel) is { Count: > 0 } assigned:
                    var fromField = new List<UrlCandidate>();
                    foreach (var value in assigned)
                    {
                        fromField.AddRange(FlurlUrls(value, sources, depth + 1));
                    }

                    return fromField;

                default:
                    return UrlText.Candidates(operation, sources);
            }
        }

        // AppendPathSegments("a", "b") passes a params array.
        private static string SegmentsOf(IOperation value)
            => UrlText.WithoutConversions(value) is IArrayCreationOperation { Initializer: { } elements }
                ? string.Join("/", elements.ElementValues.Select(UrlText.Of))
                : UrlText.Of(value);

        private static Request? DescribeRestSharp(IInvocationOperation invocation, IMethodSymbol method, UrlSources? sources)
        {
            var client = ExtensionMembers.Receiver(invocation);
            if (client?.Type is not { Name: "RestClient" or "IRestClient" })
            {
                return null;
            }

            var verb = VerbFromName(method.Name.StartsWith("Execute", StringComparison.Ordinal) ? method.Name.Substring("Execute".Length) : method.Name);
            List<UrlCandidate>? resources = null;
            IOperation? body = null;
            var request = UrlText.WithoutConversions(Argument(invocation, "request"));
            if (request is ILocalReferenceOperation local)
            {
                request = UrlText.WithoutConversions(UrlText.Initializer(local.Local, invocation.SemanticModel));
            }

            // new RestRequest("2/tweets", Method.Post).AddJsonBody(body): the creation at the start of the chain.
            for (var depth = 0; depth < 8 && request is IInvocationOperation chained && ExtensionMembers.IsExtension(chained.TargetMethod)
                                && ExtensionMembers.Receiver(chained) is { } chainedOn; depth++)
            {
                if (chained.TargetMethod.Name.StartsWith("AddJsonBody", StringComparison.Ordinal) || chained.TargetMethod.Name == "AddBody")
                {
                    body ??= ExtensionMembers.OwnArgument(chained, 0);
                }

                request = UrlText.WithoutConversions(chainedOn);
            }

            if (request is IObjectCreationOperation { Type.Name: "RestRequest" } creation)
            {
                foreach (var argument in creation.Arguments)
                {
                    if (argument.Parameter?.Name == "resource")
                    {
                        resources = UrlText.Candidates(argument.Value, sources);
                    }
                    else if (argument.Parameter?.Name == "method")
                    {
                        verb ??= VerbOf(argument.Value);
                    }
                }

                verb ??= "GET";
            }
            else if (Argument(invocation, "resource") is { } resourceArgument)
            {
                resources = UrlText.Candidates(resourceArgument, sources);
                body = Argument(invocation, "request");
            }

            if (Argument(invocation, "httpMethod") is { } explicitVerb)
            {
                verb = VerbOf(explicitVerb) ?? verb;
            }

            if (verb is null || resources is null)
            {
                return null;
            }

            var bases = RestClientBases(client, sources);
            if (bases.Count == 0)
            {
                return new Request(verb, resources, body);
            }

            var urls = new List<UrlCandidate>();
            foreach (var baseUrl in bases)
            {
                foreach (var resource in resources)
                {
                    urls.Add(IsAbsolute(resource)
                        ? resource
                        // RestSharp keeps the base URL's path and joins the resource with one slash.
                        : new UrlCandidate(baseUrl.Text.TrimEnd('/') + "/" + resource.Text.TrimStart('/'), baseUrl.Origin ?? resource.Origin));
                }
            }

            return new Request(verb, urls, body);
        }

        // The base URLs a RestClient is created with: new RestClient("…"), new RestClient(new RestClientOptions("…")),
        // new RestClientOptions { BaseUrl = … }, also kept in a local first; the client in a local, or a field initialized
        // or set in the constructor.
        private static List<UrlCandidate> RestClientBases(IOperation client, UrlSources? sources)
        {
            client = UrlText.WithoutConversions(client)!;
            var creations = client switch
            {
                ILocalReferenceOperation local => UrlText.Initializer(local.Local, client.SemanticModel) is { } initializer ? new List<IOperation> { initializer } : null,
                IFieldReferenceOperation field => UrlText.AssignedOperations(field.Field, client.SemanticModel),
                IPropertyReferenceOperation { Property.IsIndexer: false } property => UrlText.AssignedOperations(property.Property, client.SemanticModel),
                _ => new List<IOperation> { client },
            };

            var bases = new List<UrlCandidate>();
            foreach (var creation in creations ?? new List<IOperation>())
            {
                if (UrlText.WithoutConversions(creation) is not IObjectCreationOperation { Type.Name: "RestClient" } restClient || restClient.Arguments.Length == 0)
                {
                    continue;
                }

                var argument = UrlText.WithoutConversions(restClient.Arguments[0].Value);
                if (argument is ILocalReferenceOperation { Type.Name: "RestClientOptions" } optionsLocal)
                {
                    argument = UrlText.WithoutConversions(UrlText.Initializer(optionsLocal.Local, restClient.SemanticModel));
                }

                if (argument is IObjectCreationOperation { Type.Name: "RestClientOptions" } options)
                {
                    var fromInitializer = options.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>()
                        .FirstOrDefault(a => (a.Target as IPropertyReferenceOperation)?.Property.Name == "BaseUrl")?.Value;
                    argument = fromInitializer ?? (options.Arguments.Length > 0 ? options.Arguments[0].Value : null);
                }

                if (argument is not null && argument.Type?.Name is "String" or "Uri")
                {
                    bases.AddRange(UrlText.Candidates(argument, sources));
                }
            }

            return bases;
        }

        // A relative URL on an HttpClient whose BaseAddress is known (set in the same type, or configured at startup
        // for a typed or named client): try each base address seen (a URL that starts with a run-time part, such as a
        // page id, is taken as relative to it too). A configured base address names its setting.
        private static List<UrlCandidate> WithBaseAddresses(List<UrlCandidate> urls, IOperation? client, IInvocationOperation invocation, UrlSources? sources)
        {
            if (client is null || sources is null || urls.TrueForAll(IsAbsolute))
            {
                return urls;
            }

            var baseAddresses = sources.Clients.Of(client, invocation);
            if (baseAddresses.Count == 0)
            {
                return urls;
            }

            var combined = new List<UrlCandidate>(baseAddresses.Count * urls.Count + urls.Count);
            foreach (var baseAddress in baseAddresses)
            {
                foreach (var url in urls)
                {
                    combined.Add(IsAbsolute(url) ? url : new UrlCandidate(RequestUrl.Combine(baseAddress.Text, url.Text), baseAddress.Origin ?? url.Origin));
                }
            }

            // The relative URL alone matches the catalog's host-unknown entries ("2/tweets"). A client with no base
            // address cannot send it at all, so where every base address this client may have names its host, that
            // host decides: "webhooks/deploy" under https://notify.acme.internal/ is no Discord webhook.
            if (!baseAddresses.All(HasKnownHost))
            {
                combined.AddRange(urls);
            }

            return combined;
        }

        private static bool IsAbsolute(UrlCandidate url) => url.Text.IndexOf("://", StringComparison.Ordinal) >= 0;

        private static bool HasKnownHost(UrlCandidate url)
        {
            var text = url.Text;
            var scheme = text.IndexOf("://", StringComparison.Ordinal);
            if (scheme <= 0 || text.IndexOf(RequestUrl.Unknown, 0, scheme) >= 0)
            {
                return false;
            }

            var start = scheme + 3;
            var end = text.IndexOfAny(HostEnds, start);
            var length = (end < 0 ? text.Length : end) - start;
            return length > 0 && text.IndexOf(RequestUrl.Unknown, start, length) < 0;
        }

        private static readonly char[] HostEnds = { '/', '?', '#' };

        private readonly struct Request
        {
            public Request(string verb, List<UrlCandidate> urls, IOperation? body, string? shapes = null)
            {
                Verb = verb;
                Urls = urls;
                Body = body;
                Shapes = shapes;
            }

            /// <summary>Without a body here: the shapes of the one a referenced method sends, as its summary says.</summary>
            public string? Shapes { get; }

            public string Verb { get; }

            public List<UrlCandidate> Urls { get; }

            public IOperation? Body { get; }
        }

        private static IOperation? Argument(IInvocationOperation invocation, string parameter)
            => invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == parameter)?.Value;

        private static string? VerbFromName(string name)
        {
            foreach (var verb in new[] { "Post", "Put", "Patch", "Get" })
            {
                if (name.StartsWith(verb, StringComparison.Ordinal))
                {
                    return verb.ToUpperInvariant();
                }
            }

            return null;
        }

        // HttpMethod.Post, new HttpMethod("POST"), RestSharp's Method.Post, "POST".
        private static string? VerbOf(IOperation? operation)
        {
            operation = UrlText.WithoutConversions(operation);
            return operation switch
            {
                IPropertyReferenceOperation { Property.IsStatic: true } property => property.Property.Name.ToUpperInvariant(),
                IFieldReferenceOperation { Field.IsStatic: true } field => field.Field.Name.ToUpperInvariant(),
                IObjectCreationOperation { Arguments.Length: > 0 } creation when creation.Arguments[0].Value.ConstantValue.Value is string text => text.ToUpperInvariant(),
                _ when operation?.ConstantValue.Value is string text => text.ToUpperInvariant(),
                _ => null,
            };
        }

        private static bool IsInNamespace(INamedTypeSymbol? type, string name) => MetadataNames.IsInNamespace(type, name);
    }
}
