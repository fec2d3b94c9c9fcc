using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Presence.Analyzers.Model;
using Presence.Compilations;

namespace Presence.Analyzers.Paths
{
    /// <summary>
    /// ASP.NET Core endpoints that receive machine calls: controller actions and minimal-API handlers that take a
    /// payload (POST, PUT, PATCH) from whoever can call them. An endpoint that requires a signed-in user is an editor's
    /// action and no entry point; one that allows anonymous callers, or states nothing where nothing authenticates
    /// by default, is a webhook or an anonymous endpoint (PRES003). Resolved once per compilation, and only for a
    /// compilation that references ASP.NET Core.
    /// </summary>
    internal sealed class HttpEndpoints
    {
        // Headers and names a handler checks a payload signature with: a sender that signs is a machine.
        private static readonly string[] SignatureHeaders =
        {
            "X-Hub-Signature-256", "X-Hub-Signature", "X-Signature-Ed25519", "X-Signature-Timestamp", "Stripe-Signature",
            "X-Slack-Signature", "X-Twilio-Signature", "X-Line-Signature", "X-Telegram-Bot-Api-Secret-Token", "X-GitHub-Event",
        };

        // Route segments of hooks: /hooks, /webhook, /github-hook contain "hook"; these are the other usual words of one
        // (a segment's words split at '-', '_', '.' and capitals: /sms/incoming-sms, /callbacks/twilio).
        private static readonly string[] HookWords = { "callback", "callbacks", "websub", "pubsub", "pubsubhubbub", "incoming" };

        // Words of a hook that are also the app's own pages: /notify-slack, /inbound/email, /api/notifications are hooks,
        // but not in a route that reads as a page action (PageWords, or a record's action: /inbound-leads/{id}/thank).
        private static readonly string[] PageHookWords = { "notifications", "notify", "inbound" };

        // The app's own people and pages: /notifications/settings/announce, /notify-followers.
        private static readonly string[] PageWords =
        {
            "settings", "preferences", "followers", "subscribers", "leads", "contacts", "customers", "members", "users", "profile", "account", "admin", "dashboard",
        };

        // "events" names a hook only after the name of its sender in the same segment (/github-events, /stripeEvents):
        // alone (/events, /calendar/events) or first (/event-log) it reads as the app's own records, which signed-in users post to.
        private static readonly string[] EventWords = { "events", "event" };

        // Payload type names of machine calls: GitHubPushEvent, StripeWebhookPayload, Update (Telegram), ...
        private static readonly string[] PayloadSuffixes = { "Event", "Payload", "Notification", "Update", "Webhook", "Callback" };

        private readonly Compilation _compilation;
        private readonly INamedTypeSymbol _allowAnonymous;
        private readonly INamedTypeSymbol? _authorizeData;
        private readonly INamedTypeSymbol? _endpointExtensions;
        private readonly INamedTypeSymbol? _authorizationConventions;
        private readonly INamedTypeSymbol? _controllerBase;
        private readonly INamedTypeSymbol? _controllerAttribute;
        private readonly INamedTypeSymbol? _nonController;
        private readonly INamedTypeSymbol? _nonAction;
        private readonly INamedTypeSymbol? _httpMethodAttribute;
        private readonly INamedTypeSymbol? _acceptVerbs;
        private readonly INamedTypeSymbol? _routeTemplateProvider;
        private readonly Lazy<Defaults> _defaults;
        private readonly RequestVerification _verification;
        private readonly SourceReferences _references;

        private HttpEndpoints(Compilation compilation, INamedTypeSymbol allowAnonymous)
        {
            _compilation = compilation;
            _allowAnonymous = allowAnonymous;
            _authorizeData = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Authorization.IAuthorizeData");
            _endpointExtensions = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions");
            _authorizationConventions = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Builder.AuthorizationEndpointConventionBuilderExtensions");
            _controllerBase = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerBase");
            if (_controllerBase is not null)
            {
                _controllerAttribute = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerAttribute");
                _nonController = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Mvc.NonControllerAttribute");
                _nonAction = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Mvc.NonActionAttribute");
                _httpMethodAttribute = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Mvc.Routing.HttpMethodAttribute");
                _acceptVerbs = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Mvc.AcceptVerbsAttribute");
                _routeTemplateProvider = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Mvc.Routing.IRouteTemplateProvider");
            }

            _defaults = new Lazy<Defaults>(ScanDefaults, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
            _verification = new RequestVerification(compilation);
            _references = SourceReferences.For(compilation);
        }

        private enum Access
        {
            Unstated,
            Authorized,
            Anonymous,
        }

        [Flags]
        private enum Defaults
        {
            None = 0,
            Endpoints = 1,
            Controllers = 2,
        }

        /// <summary>Null for a compilation that does not reference ASP.NET Core: nothing is looked at there.</summary>
        public static HttpEndpoints? For(Compilation compilation)
        {
            return ReferenceSet.Of(compilation).ReferencesPrefixed("Microsoft.AspNetCore.") && compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Authorization.IAllowAnonymous") is { } allowAnonymous
                ? new HttpEndpoints(compilation, allowAnonymous)
                : null;
        }

        /// <summary>A cheap test on the method alone: MapPost, MapPut, MapPatch or MapMethods (see <see cref="Mapping"/>).</summary>
        public static bool MayMap(IMethodSymbol method)
            => method.Name is "MapPost" or "MapPut" or "MapPatch" or "MapMethods" && method.ContainingType?.Name == "EndpointRouteBuilderExtensions";

        /// <summary>
        /// The handler a minimal-API mapping registers and why it receives machine calls ("webhook POST /hooks/deals"),
        /// or null: a GET, an endpoint that requires a signed-in user, a mapping of something else.
        /// </summary>
        public (IOperation Handler, string Reason)? Mapping(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
            if (_endpointExtensions is null || !SymbolEqualityComparer.Default.Equals(method.ContainingType, _endpointExtensions) || !MayMap(method)
                || invocation.Arguments.Length < 3)
            {
                return null;
            }

            var verb = method.Name switch
            {
                "MapPost" => "POST",
                "MapPut" => "PUT",
                "MapPatch" => "PATCH",
                _ => null,
            };
            string? pattern = null;
            IOperation? handler = null;
            foreach (var argument in invocation.Arguments)
            {
                switch (argument.Parameter?.Ordinal)
                {
                    case 1:
                        pattern = argument.Value.ConstantValue is { HasValue: true, Value: string text } ? text : "…";
                        break;
                    case 2 when method.Name == "MapMethods":
                        verb = PayloadVerb(argument.Value);
                        break;
                    case { } ordinal when ordinal == method.Parameters.Length - 1:
                        handler = argument.Value;
                        break;
                }
            }

            if (verb is null || handler is null)
            {
                return null;
            }

            var access = Access.Unstated;
            var route = RouteOf(invocation, pattern, ref access, out _);

            IMethodSymbol? function = null;
            SyntaxNode? body = null;
            switch (EntryPoints.CallbackTarget(handler))
            {
                case IAnonymousFunctionOperation lambda:
                    function = lambda.Symbol;
                    body = lambda.Syntax;
                    break;
                case IMethodReferenceOperation reference:
                    function = reference.Method;
                    body = reference.Method.DeclaringSyntaxReferences.Length > 0 ? reference.Method.DeclaringSyntaxReferences[0].GetSyntax() : null;
                    break;
            }

            if (function is null)
            {
                return null;
            }

            access = Combine(access, AccessOf(function));
            return Classify(verb, route, access, function, body, controller: false) is { } reason ? (handler, reason) : ((IOperation, string)?)null;
        }

        /// <summary>
        /// The endpoint a minimal-API handler or a controller action is when anyone may call it ("anonymous GET
        /// /approve/{id}"): it allows anonymous callers, or states nothing where nothing authenticates every caller by
        /// default. <paramref name="handler"/> is the lambda or the method group given to <c>Map*</c>; for a method with
        /// none, its mappings as a method group are looked for, and a controller action is read from its attributes.
        /// Null for any other function, for an endpoint that requires authorization, for a webhook (a hook route, a
        /// platform's payload, a signature check), for one whose requests a filter or middleware verifies first (see
        /// <see cref="RequestVerification"/>), and for one mapped on a group given from elsewhere, whose conventions are
        /// not seen here.
        /// </summary>
        public string? OpenToAnyone(IMethodSymbol function, IOperation? handler, System.Threading.CancellationToken cancellationToken)
        {
            if (handler is not null)
            {
                return MappedOpen(function, handler);
            }

            if (function.ContainingType is { TypeKind: TypeKind.Class } type && ActionOf(function, type, anyVerb: true) is { } action)
            {
                var (verb, route, access) = action;
                return Open(function, null, route, Combine(access, AccessOf(function)), controller: true) && !_verification.MvcFilter(function, type) && !_verification.Middleware(route)
                    ? "anonymous " + verb + " " + route
                    : null;
            }

            // A method group: app.MapGet("/approve/{id}", ApproveLink).
            if (function.MethodKind == MethodKind.Ordinary && function.DeclaringSyntaxReferences.Length > 0)
            {
                foreach (var reference in References(function, cancellationToken))
                {
                    if (reference is IMethodReferenceOperation && MappedOpen(function, reference) is { } endpoint)
                    {
                        return endpoint;
                    }
                }
            }

            return null;
        }

        // The endpoint a lambda or method group given to a Map* call is, when anyone may call it.
        private string? MappedOpen(IMethodSymbol function, IOperation handler)
        {
            var current = handler;
            while (current.Parent is IDelegateCreationOperation or IConversionOperation)
            {
                current = current.Parent;
            }

            if (current.Parent is not IArgumentOperation { Parent: IInvocationOperation invocation } argument
                || (invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod) is not { } method
                || _endpointExtensions is null || !SymbolEqualityComparer.Default.Equals(method.ContainingType, _endpointExtensions)
                || !method.Name.StartsWith("Map", StringComparison.Ordinal) || method.Name == "MapGroup"
                || argument.Parameter?.Ordinal != method.Parameters.Length - 1)
            {
                return null;
            }

            var verb = method.Name switch
            {
                "MapGet" => "GET",
                "MapPost" => "POST",
                "MapPut" => "PUT",
                "MapPatch" => "PATCH",
                "MapDelete" => "DELETE",
                _ => "request to",
            };
            var pattern = invocation.Arguments.Length > 1 && invocation.Arguments[1].Value.ConstantValue is { HasValue: true, Value: string text } ? text : null;
            var access = Access.Unstated;
            var filters = new List<IInvocationOperation>();
            var route = RouteOf(invocation, pattern, ref access, out var givenGroup, filters);
            if (givenGroup || !Open(function, handler as IAnonymousFunctionOperation, route, Combine(access, AccessOf(function)), controller: false))
            {
                return null;
            }

            foreach (var filter in filters)
            {
                if (_verification.EndpointFilter(filter))
                {
                    return null;
                }
            }

            return _verification.Middleware(route) ? null : "anonymous " + verb + " " + route;
        }

        // Anonymous, or stated nowhere where nothing authenticates by default, and no webhook: a webhook's caller is a
        // platform, which vouches for the person who pressed its button.
        private bool Open(IMethodSymbol function, IAnonymousFunctionOperation? lambda, string route, Access access, bool controller)
        {
            var body = lambda?.Syntax ?? (function.DeclaringSyntaxReferences.Length > 0 ? function.DeclaringSyntaxReferences[0].GetSyntax() : null);
            return (access == Access.Anonymous
                    || (access == Access.Unstated && (_defaults.Value & (controller ? Defaults.Endpoints | Defaults.Controllers : Defaults.Endpoints)) == 0))
                   && !IsHookRoute(route) && !TakesPayload(function) && !ChecksSignature(function, body);
        }

        /// <summary>The calls and method groups of a method of the compilation (see <see cref="SourceReferences"/>).</summary>
        public ImmutableArray<IOperation> References(IMethodSymbol method, System.Threading.CancellationToken cancellationToken) => _references.Of(method, cancellationToken);

        // An endpoint filter added to an endpoint or its group, read only when the endpoint would be open to anyone.
        private static void NoteFilter(IInvocationOperation call, List<IInvocationOperation>? filters)
        {
            if (filters is not null && call.TargetMethod.Name == "AddEndpointFilter")
            {
                filters.Add(call);
            }
        }

        // The route of a mapping, noting the authorization conventions of its groups and its own: app.MapPost(...).RequireAuthorization(),
        // or statements on a local holding it. A group given from elsewhere (a parameter) may carry conventions not seen here.
        private string RouteOf(IInvocationOperation invocation, string? pattern, ref Access access, out bool givenGroup, List<IInvocationOperation>? filters = null)
        {
            givenGroup = false;
            var route = Join(GroupPrefix(Receiver(invocation), ref access, ref givenGroup, 0, filters), pattern ?? "…");

            // The endpoint's own conventions: app.MapPost(...).RequireAuthorization(), or statements on a local holding it.
            for (IOperation current = invocation; ;)
            {
                var parent = current.Parent;
                while (parent is IConversionOperation)
                {
                    current = parent;
                    parent = parent.Parent;
                }

                if (parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: var endpoint } })
                {
                    // var endpoint = app.MapPost(...); endpoint.RequireAuthorization();
                    OnLocal(endpoint, parent, ref access, filters);
                    break;
                }

                if (parent is not IArgumentOperation { Parent: IInvocationOperation outer } argument || outer.Arguments[0] != argument)
                {
                    break;
                }

                access = Combine(access, Convention(outer.TargetMethod));
                NoteFilter(outer, filters);
                current = outer;
            }

            return route;
        }

        /// <summary>A controller action that takes a payload and receives machine calls, or null.</summary>
        public EntryPoint? OfAction(IMethodSymbol method)
            => method.ContainingType is { TypeKind: TypeKind.Class } type && ReasonOfAction(method, type) is { } reason
                ? new EntryPoint(method, EntryKind.IncomingMessage, reason, null)
                : null;

        /// <summary>
        /// An action a concrete controller inherits from an abstract base (a webhook base class with the [HttpPost]
        /// action, whose subclasses give the route and override what it calls): the action, its reason under this
        /// controller's route, or null.
        /// </summary>
        public (IMethodSymbol Action, string Reason)? InheritedAction(INamedTypeSymbol controller)
        {
            // Asked of every type: the base's kind before the attributes IsController reads.
            if (_controllerBase is null || controller.BaseType is not { IsAbstract: true } first || LibrarySummaries.IsFramework(first.ContainingAssembly.Name)
                || !IsController(controller))
            {
                return null;
            }

            // The application's own abstract bases, not ASP.NET Core's Controller and ControllerBase.
            for (var current = controller.BaseType; current is { IsAbstract: true } && !LibrarySummaries.IsFramework(current.ContainingAssembly.Name); current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary, IsOverride: false } method && ReasonOfAction(method, controller) is { } reason)
                    {
                        return (method, reason);
                    }
                }
            }

            return null;
        }

        private string? ReasonOfAction(IMethodSymbol method, INamedTypeSymbol type)
        {
            if (ActionOf(method, type, anyVerb: false) is not { } action)
            {
                return null;
            }

            var body = method.DeclaringSyntaxReferences.Length > 0 ? method.DeclaringSyntaxReferences[0].GetSyntax() : null;
            return Classify(action.Verb, action.Route, action.Access, method, body, controller: true);
        }

        // A controller action's verb (a payload verb only, unless anyVerb), route and the authorization its attributes and its controller's state.
        private (string Verb, string Route, Access Access)? ActionOf(IMethodSymbol method, INamedTypeSymbol type, bool anyVerb)
        {
            if (_controllerBase is null || method.IsStatic || method.IsAbstract || method.IsGenericMethod || method.DeclaredAccessibility != Accessibility.Public
                || !IsController(type))
            {
                return null;
            }

            string? verb = null;
            string? template = null;
            var access = Access.Unstated;
            foreach (var attribute in method.GetAttributes())
            {
                if (attribute.AttributeClass is not { } attributeType)
                {
                    continue;
                }

                if (SymbolEqualityComparer.Default.Equals(attributeType, _nonAction))
                {
                    return null;
                }

                access = Combine(access, AccessOf(attributeType));
                if (verb is null && VerbOf(attribute, attributeType, anyVerb) is { } payload)
                {
                    verb = payload;
                    template = TemplateOf(attribute, attributeType) ?? template;
                }
                else if (template is null && !Derives(attributeType, _httpMethodAttribute) && Implements(attributeType, _routeTemplateProvider))
                {
                    template = TemplateOf(attribute, attributeType);
                }
            }

            if (verb is null && !anyVerb)
            {
                return null;
            }

            verb ??= "request to"; // no verb attribute: any verb, by the conventional route
            string? controllerRoute = null;
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (var attribute in current.GetAttributes())
                {
                    if (attribute.AttributeClass is not { } attributeType)
                    {
                        continue;
                    }

                    access = Combine(access, AccessOf(attributeType));
                    if (controllerRoute is null && Implements(attributeType, _routeTemplateProvider) && !Derives(attributeType, _httpMethodAttribute))
                    {
                        controllerRoute = TemplateOf(attribute, attributeType);
                    }
                }
            }

            var controllerName = type.Name.EndsWith("Controller", StringComparison.Ordinal) ? type.Name.Substring(0, type.Name.Length - "Controller".Length) : type.Name;
            var route = template is not null && (template.StartsWith("/", StringComparison.Ordinal) || template.StartsWith("~/", StringComparison.Ordinal))
                ? Join(string.Empty, template.TrimStart('~'))
                : controllerRoute is null && template is null
                    ? Join(controllerName, method.Name) // no attribute route: the conventional {controller}/{action}
                    : Join(Join(string.Empty, controllerRoute ?? string.Empty), template ?? string.Empty);
            route = route.Replace("[controller]", controllerName).Replace("[action]", method.Name);
            return (verb, route, access);
        }

        // Signed-in users only: an editor's action. Anonymous: a machine or a stranger. Stated nowhere: anonymous,
        // unless a fallback policy (or, for controllers, a global AuthorizeFilter) authenticates every caller; then
        // only a sign of a machine caller (a signature check, a hook route, a payload type) makes it a webhook.
        private string? Classify(string verb, string route, Access access, IMethodSymbol handler, SyntaxNode? body, bool controller)
        {
            if (access == Access.Authorized)
            {
                return null;
            }

            var machine = IsHookRoute(route) || TakesPayload(handler) || ChecksSignature(handler, body);
            if (access == Access.Unstated && !machine && (_defaults.Value & (controller ? Defaults.Endpoints | Defaults.Controllers : Defaults.Endpoints)) != 0)
            {
                return null;
            }

            return (machine ? "webhook " : AnonymousEndpoint) + verb + " " + route;
        }

        /// <summary>How a reason names an endpoint anyone may call.</summary>
        public const string AnonymousEndpoint = "anonymous endpoint ";

        private bool IsController(INamedTypeSymbol type)
        {
            if (type.IsAbstract || type.IsGenericType || type.DeclaredAccessibility != Accessibility.Public)
            {
                return false;
            }

            var isController = type.Name.EndsWith("Controller", StringComparison.Ordinal);
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, _controllerBase))
                {
                    isController = true;
                }

                foreach (var attribute in current.GetAttributes())
                {
                    if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _nonController))
                    {
                        return false;
                    }

                    isController |= Derives(attribute.AttributeClass, _controllerAttribute);
                }
            }

            return isController;
        }

        // [HttpPost], [HttpPut], [HttpPatch], [AcceptVerbs("POST")]: the payload verb, or null (GET, DELETE, ...), unless any verb is asked for.
        private string? VerbOf(AttributeData attribute, INamedTypeSymbol type, bool anyVerb)
        {
            if (Derives(type, _httpMethodAttribute))
            {
                for (var current = type; current is not null; current = current.BaseType)
                {
                    switch (current.Name)
                    {
                        case "HttpPostAttribute": return "POST";
                        case "HttpPutAttribute": return "PUT";
                        case "HttpPatchAttribute": return "PATCH";
                        case "HttpGetAttribute" or "HttpDeleteAttribute" or "HttpHeadAttribute" or "HttpOptionsAttribute":
                            return anyVerb ? current.Name.Substring(4, current.Name.Length - 4 - "Attribute".Length).ToUpperInvariant() : null;
                    }
                }

                return null;
            }

            if (SymbolEqualityComparer.Default.Equals(type, _acceptVerbs))
            {
                foreach (var argument in attribute.ConstructorArguments)
                {
                    foreach (var value in argument.Kind == TypedConstantKind.Array ? argument.Values : System.Collections.Immutable.ImmutableArray.Create(argument))
                    {
                        if (value.Value is string method && PayloadVerb(method) is { } payload)
                        {
                            return payload;
                        }
                    }
                }
            }

            return null;
        }

        private string? TemplateOf(AttributeData attribute, INamedTypeSymbol type)
        {
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "Route" && named.Value.Value is string route)
                {
                    return route;
                }
            }

            return !SymbolEqualityComparer.Default.Equals(type, _acceptVerbs) && attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string template
                ? template
                : null;
        }

        private Access AccessOf(ISymbol symbol)
        {
            var access = Access.Unstated;
            foreach (var attribute in symbol.GetAttributes())
            {
                if (attribute.AttributeClass is { } type)
                {
                    access = Combine(access, AccessOf(type));
                }
            }

            return access;
        }

        private Access AccessOf(INamedTypeSymbol attribute)
            => Implements(attribute, _allowAnonymous) ? Access.Anonymous
                : Implements(attribute, _authorizeData) ? Access.Authorized
                : Access.Unstated;

        // RequireAuthorization() and AllowAnonymous() on an endpoint or its group.
        private Access Convention(IMethodSymbol method)
        {
            method = method.ReducedFrom ?? method;
            return !SymbolEqualityComparer.Default.Equals(method.ContainingType, _authorizationConventions) ? Access.Unstated
                : method.Name == "AllowAnonymous" ? Access.Anonymous
                : method.Name == "RequireAuthorization" ? Access.Authorized
                : Access.Unstated;
        }

        // [AllowAnonymous] anywhere wins over any [Authorize], as ASP.NET Core's authorization middleware has it.
        private static Access Combine(Access a, Access b) => a == Access.Anonymous || b == Access.Anonymous ? Access.Anonymous : a == Access.Authorized ? a : b;

        // The builder a Map* call is made on: the first argument of the extension method.
        private static IOperation? Receiver(IInvocationOperation invocation)
            => invocation.Instance ?? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);

        // The route prefix of the groups a builder stands for, noting their authorization conventions on the way:
        // app.MapGroup("/hooks").RequireAuthorization(), or a local holding a group (and statements on it).
        private string GroupPrefix(IOperation? builder, ref Access access, ref bool givenGroup, int depth, List<IInvocationOperation>? filters)
        {
            while (builder is IConversionOperation conversion)
            {
                builder = conversion.Operand;
            }

            if (depth > 8)
            {
                return string.Empty;
            }

            switch (builder)
            {
                case IInvocationOperation { TargetMethod.IsExtensionMethod: true } call when Receiver(call) is { } inner:
                    var method = call.TargetMethod.ReducedFrom ?? call.TargetMethod;
                    if (method.Name == "MapGroup" && SymbolEqualityComparer.Default.Equals(method.ContainingType, _endpointExtensions))
                    {
                        var prefix = call.Arguments.Length > 1 && call.Arguments[1].Value.ConstantValue is { HasValue: true, Value: string text } ? text : "…";
                        return Join(GroupPrefix(inner, ref access, ref givenGroup, depth + 1, filters), prefix);
                    }

                    access = Combine(access, Convention(method));
                    NoteFilter(call, filters);
                    return GroupPrefix(inner, ref access, ref givenGroup, depth + 1, filters);

                case ILocalReferenceOperation { Local: var local } reference:
                    return GroupPrefix(OnLocal(local, reference, ref access, filters), ref access, ref givenGroup, depth + 1, filters);

                case IParameterReferenceOperation { Parameter.Type.Name: not "WebApplication" }:
                    givenGroup = true;
                    return string.Empty;

                default:
                    return string.Empty;
            }
        }

        // A builder held in a local: its initializer, and the conventions of statements on it (group.RequireAuthorization();).
        private IOperation? OnLocal(ILocalSymbol local, IOperation inBody, ref Access access, List<IInvocationOperation>? filters)
        {
            var root = inBody;
            while (root.Parent is { } parent)
            {
                root = parent;
            }

            IOperation? initializer = null;
            foreach (var operation in root.Descendants())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        initializer = declarator.GetVariableInitializer()?.Value;
                        break;
                    case IInvocationOperation call when Receiver(call) is ILocalReferenceOperation on && SymbolEqualityComparer.Default.Equals(on.Local, local):
                        access = Combine(access, Convention(call.TargetMethod));
                        NoteFilter(call, filters);
                        break;
                }
            }

            return initializer;
        }

        private static string? PayloadVerb(IOperation methods)
        {
            while (methods is IConversionOperation conversion)
            {
                methods = conversion.Operand;
            }

            var elements = methods switch
            {
                IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
                ICollectionExpressionOperation collection => collection.Elements,
                _ => default,
            };
            if (elements.IsDefault)
            {
                return null;
            }

            foreach (var element in elements)
            {
                var value = element;
                while (value is IConversionOperation inner)
                {
                    value = inner.Operand;
                }

                // "POST", or HttpMethods.Post (a static field, not a constant).
                var text = value.ConstantValue is { HasValue: true, Value: string constant } ? constant
                    : value is IFieldReferenceOperation { Field: { Name: var name, ContainingType.Name: "HttpMethods" } } ? name
                    : null;
                if (text is not null && PayloadVerb(text) is { } verb)
                {
                    return verb;
                }
            }

            return null;
        }

        private static string? PayloadVerb(string method)
            => string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase) ? "POST"
                : string.Equals(method, "PUT", StringComparison.OrdinalIgnoreCase) ? "PUT"
                : string.Equals(method, "PATCH", StringComparison.OrdinalIgnoreCase) ? "PATCH"
                : null;

        /// <summary>"/hooks" + "deals" → "/hooks/deals".</summary>
        public static string Join(string prefix, string template)
        {
            prefix = prefix.TrimEnd('/');
            template = template.Trim('/');
            return template.Length == 0 ? (prefix.Length == 0 ? "/" : prefix)
                : prefix.StartsWith("/", StringComparison.Ordinal) || prefix.Length == 0 ? prefix + "/" + template
                : "/" + prefix + "/" + template;
        }

        private static bool IsHookRoute(string route)
        {
            var pageHookWord = false;
            var page = false;
            var afterParameter = false;
            foreach (var segment in route.Split('/'))
            {
                if (segment.IndexOf("hook", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }

                if (segment.Length > 0 && segment[0] == '{')
                {
                    afterParameter = true;
                    continue;
                }

                // A segment after a route parameter: an action on one of the app's records (/…/{id}/thank).
                page |= afterParameter && segment.Length > 0;
                var first = true;
                for (var start = 0; start < segment.Length;)
                {
                    var end = WordEnd(segment, start);
                    if (end > start)
                    {
                        if (IsWord(segment, start, end, HookWords) || (!first && IsWord(segment, start, end, EventWords)))
                        {
                            return true;
                        }

                        pageHookWord |= IsWord(segment, start, end, PageHookWords);
                        page |= IsWord(segment, start, end, PageWords);
                        first = false;
                    }

                    start = end < segment.Length && !char.IsUpper(segment[end]) ? end + 1 : Math.Max(end, start + 1);
                }
            }

            return pageHookWord && !page;
        }

        // The end of the word of a route segment starting at start: a separator, or a capital after a small letter.
        private static int WordEnd(string segment, int start)
        {
            for (var i = start; i < segment.Length; i++)
            {
                var c = segment[i];
                if (!char.IsLetterOrDigit(c) || (i > start && char.IsUpper(c) && char.IsLower(segment[i - 1])))
                {
                    return i;
                }
            }

            return segment.Length;
        }

        private static bool IsWord(string segment, int start, int end, string[] words)
        {
            foreach (var word in words)
            {
                if (word.Length == end - start && string.Compare(segment, start, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool TakesPayload(IMethodSymbol handler)
        {
            foreach (var parameter in handler.Parameters)
            {
                var type = parameter.Type is IArrayTypeSymbol array ? array.ElementType : parameter.Type;
                if (type.Name is "JsonElement" or "JsonDocument" or "JsonNode" or "JsonObject" or "JObject")
                {
                    return true;
                }

                foreach (var suffix in PayloadSuffixes)
                {
                    if (type.Name.EndsWith(suffix, StringComparison.Ordinal) && type.Name != "EventArgs"
                        && (suffix != "Update" || IsBotUpdate(type)))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        // "Update" is what a bot platform posts (Telegram.Bot.Types.Update, or the app's own Update record mirroring it);
        // a compound name (PrefsUpdate, ProfileUpdate) is the app's own form, as an editor's page posts it.
        private static bool IsBotUpdate(ITypeSymbol type)
        {
            if (type.Name == "Update")
            {
                return true;
            }

            var root = type.ContainingNamespace;
            while (root is { ContainingNamespace.IsGlobalNamespace: false })
            {
                root = root.ContainingNamespace;
            }

            return root?.Name == "Telegram";
        }

        // A signature header read in the body, an HMAC computed there, or an attribute that says it verifies one.
        private static bool ChecksSignature(IMethodSymbol handler, SyntaxNode? body)
        {
            if (NamesSignature(handler) || (handler.ContainingType is { } type && NamesSignature(type)))
            {
                return true;
            }

            if (body is null)
            {
                return false;
            }

            foreach (var token in body.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.StringLiteralToken))
                {
                    foreach (var header in SignatureHeaders)
                    {
                        if (string.Equals(token.ValueText, header, StringComparison.OrdinalIgnoreCase))
                        {
                            return true;
                        }
                    }
                }
                else if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText is "HMACSHA256" or "HMACSHA1" or "HMACSHA512")
                {
                    return true;
                }
            }

            return false;
        }

        private static bool NamesSignature(ISymbol symbol)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (attribute.AttributeClass?.Name is { } name
                    && (name.IndexOf("Signature", StringComparison.Ordinal) >= 0 || name.IndexOf("Webhook", StringComparison.Ordinal) >= 0))
                {
                    return true;
                }
            }

            return false;
        }

        // Whether every endpoint (or every controller) requires an authenticated caller unless it says otherwise:
        // a fallback policy, a global AuthorizeFilter, MapControllers().RequireAuthorization(). Set in one place of
        // the app, usually another body than the endpoint's: read from the syntax, once, and only when an endpoint
        // that states nothing needs it.
        private Defaults ScanDefaults()
        {
            var defaults = Defaults.None;
            foreach (var tree in _compilation.SyntaxTrees)
            {
                foreach (var token in tree.GetRoot().DescendantTokens())
                {
                    if (!token.IsKind(SyntaxKind.IdentifierToken))
                    {
                        continue;
                    }

                    switch (token.ValueText)
                    {
                        case "FallbackPolicy" when token.Parent?.Parent is AssignmentExpressionSyntax or MemberAccessExpressionSyntax { Parent: AssignmentExpressionSyntax }:
                        case "SetFallbackPolicy":
                            defaults |= Defaults.Endpoints;
                            break;
                        case "AuthorizeFilter" when token.Parent?.Parent is not (UsingDirectiveSyntax or QualifiedNameSyntax { Parent: UsingDirectiveSyntax }):
                            defaults |= Defaults.Controllers;
                            break;
                        case "MapControllers" or "MapControllerRoute" or "MapDefaultControllerRoute"
                            when token.Parent?.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax { Parent: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "RequireAuthorization" } } }:
                            defaults |= Defaults.Controllers;
                            break;
                    }
                }
            }

            return defaults;
        }

        private static bool Implements(INamedTypeSymbol? type, INamedTypeSymbol? @interface)
        {
            if (type is null || @interface is null)
            {
                return false;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented, @interface))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Derives(INamedTypeSymbol? type, INamedTypeSymbol? baseType)
        {
            if (baseType is null)
            {
                return false;
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, baseType))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
