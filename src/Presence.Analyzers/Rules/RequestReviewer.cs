using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Presence.Analyzers.Paths;

namespace Presence.Analyzers.Rules
{
    /// <summary>
    /// The reviewer of a ledger decision taken from the request to an endpoint anyone may call (PRES005): a string the
    /// handler binds from the route, the query, a header or the body, a member of a body it binds, or a value of the
    /// request's query, form, headers, cookies or route values; read through locals, conversions, <c>ToString()</c>,
    /// <c>Trim()</c> and the like. A value that went through anything else (a data-protection <c>Unprotect</c> of a
    /// token, a claim of the signed-in user) is not the name the caller wrote.
    /// </summary>
    internal static class RequestReviewer
    {
        private const int MaxDepth = 8;

        /// <summary>
        /// How the code names the reviewer and the endpoint ("anonymous GET /approve/{id}"), or null. The decision is
        /// recorded in the handler (a lambda, a method group, an action), or in a method of the app the handler calls
        /// with the request's name (one level: <c>RecordAsync(ledger, id, reviewer)</c>).
        /// </summary>
        public static (string Reviewer, string Endpoint)? Of(IInvocationOperation decide, IOperation reviewer, ISymbol containing, HttpEndpoints endpoints, CancellationToken cancellationToken)
        {
            if (!Function(decide, containing, out var lambda, out var handler))
            {
                return null;
            }

            IParameterSymbol? passed = null;
            if (Source(reviewer, handler, 0, ref passed) is not { } source || SignedFor(decide, reviewer, lambda))
            {
                return null;
            }

            if (endpoints.OpenToAnyone(handler, lambda, cancellationToken) is { } endpoint)
            {
                return ("'" + source + "'", endpoint);
            }

            // A method the handler calls with the request's name: the name it is given at each call.
            if (lambda is not null || passed is null || handler.MethodKind != MethodKind.Ordinary)
            {
                return null;
            }

            foreach (var reference in endpoints.References(handler, cancellationToken))
            {
                if (reference is not IInvocationOperation call
                    || !Function(call, call.SemanticModel?.GetEnclosingSymbol(call.Syntax.SpanStart, cancellationToken), out var callerLambda, out var caller))
                {
                    continue;
                }

                foreach (var argument in call.Arguments)
                {
                    IParameterSymbol? unused = null;
                    if (SymbolEqualityComparer.Default.Equals(argument.Parameter?.OriginalDefinition, passed.OriginalDefinition)
                        && Source(argument.Value, caller, 0, ref unused) is { } given && !SignedFor(call, argument.Value, callerLambda)
                        && endpoints.OpenToAnyone(caller, callerLambda, cancellationToken) is { } callerEndpoint)
                    {
                        return ("'" + source + "' (given '" + given + "' by the endpoint's handler)", callerEndpoint);
                    }
                }
            }

            return null;
        }

        // The function an operation is in: the innermost lambda around it, or the member (not a local function).
        private static bool Function(IOperation operation, ISymbol? containing, out IAnonymousFunctionOperation? lambda, out IMethodSymbol function)
        {
            lambda = null;
            for (var current = operation.Parent; current is not null && lambda is null; current = current.Parent)
            {
                switch (current)
                {
                    case IAnonymousFunctionOperation found:
                        lambda = found;
                        break;
                    case ILocalFunctionOperation:
                        function = null!;
                        return false;
                }
            }

            function = (lambda?.Symbol ?? containing as IMethodSymbol)!;
            return function is not null;
        }

        // A link signed for its reviewer: before the decision the handler hands the reviewer, together with a signature
        // or token of the request, to a check (if (!signer.IsValid(id, reviewer, sig)) return Results.Unauthorized();).
        // Only the person the link was made for can then use that name; a token checked without the reviewer, or a
        // reviewer only looked up, still leaves the name to whoever holds the link.
        private static bool SignedFor(IInvocationOperation decide, IOperation reviewer, IAnonymousFunctionOperation? lambda)
        {
            var named = Unwrapped(reviewer);
            var root = (IOperation?)lambda ?? decide;
            while (lambda is null && root.Parent is { } parent)
            {
                root = parent;
            }

            foreach (var operation in root.Descendants())
            {
                if (operation is IInvocationOperation check && check != decide && operation.Syntax.Span.End <= decide.Syntax.SpanStart
                    && check.TargetMethod.ContainingType is { SpecialType: not SpecialType.System_String } checker && !OnlyWrites(checker)
                    && check.Arguments.Any(a => a.Value.DescendantsAndSelf().Any(v => Names(v, named)))
                    && check.Arguments.Any(a => a.Value.DescendantsAndSelf().Any(RequestVerification.Secret)))
                {
                    return true;
                }
            }

            return false;
        }

        // A logger, the console or a trace: code that writes the reviewer and token down checks neither.
        private static bool OnlyWrites(INamedTypeSymbol type)
            => type.ContainingNamespace?.ToDisplayString() is "Microsoft.Extensions.Logging" or "System.Diagnostics"
               || (type.Name == "Console" && type.ContainingNamespace?.ToDisplayString() == "System");

        private static IOperation Unwrapped(IOperation value)
        {
            while (true)
            {
                switch (value)
                {
                    case IConversionOperation conversion:
                        value = conversion.Operand;
                        break;
                    case IInvocationOperation { Instance: { } instance, TargetMethod: var method }
                        when method.Name == "ToString" || method.ContainingType?.SpecialType == SpecialType.System_String:
                        value = instance;
                        break;
                    default:
                        return value;
                }
            }
        }

        private static bool Names(IOperation value, IOperation reviewer)
            => (value, reviewer) switch
            {
                (ILocalReferenceOperation a, ILocalReferenceOperation b) => SymbolEqualityComparer.Default.Equals(a.Local, b.Local),
                (IParameterReferenceOperation a, IParameterReferenceOperation b) => SymbolEqualityComparer.Default.Equals(a.Parameter, b.Parameter),
                (IMemberReferenceOperation, IMemberReferenceOperation) => value.Syntax.ToString() == reviewer.Syntax.ToString(),
                _ => false,
            };

        private static string? Source(IOperation value, IMethodSymbol handler, int depth, ref IParameterSymbol? passed)
        {
            if (depth > MaxDepth)
            {
                return null;
            }

            switch (value)
            {
                case IConversionOperation conversion: // StringValues to string, among others
                    return Source(conversion.Operand, handler, depth + 1, ref passed);

                case ICoalesceOperation coalesce:
                    return Source(coalesce.Value, handler, depth + 1, ref passed);

                case IParameterReferenceOperation { Parameter: var parameter } when parameter.Type.SpecialType == SpecialType.System_String
                                                                                    && IsBoundFromRequest(parameter, handler, body: false):
                    passed = parameter;
                    return value.Syntax.ToString();

                case IPropertyReferenceOperation { Property.IsIndexer: true, Instance.Type: { } collection } when IsRequestCollection(collection):
                    return value.Syntax.ToString();

                case IMemberReferenceOperation { Instance: IParameterReferenceOperation { Parameter: var parameter } } member
                    when member is IPropertyReferenceOperation or IFieldReferenceOperation && member.Type?.SpecialType == SpecialType.System_String
                         && IsBoundFromRequest(parameter, handler, body: true):
                    return value.Syntax.ToString();

                // reviewer.Trim(), Request.Query["reviewer"].ToString(): the same name.
                case IInvocationOperation { Instance: { } instance, TargetMethod: var method }
                    when method.Name == "ToString" || method.ContainingType?.SpecialType == SpecialType.System_String:
                    return Source(instance, handler, depth + 1, ref passed);

                case ILocalReferenceOperation { Local: var local } reference when OnlyValueOf(local, reference) is { } initial:
                    return Source(initial, handler, depth + 1, ref passed);

                default:
                    return null;
            }
        }

        // A parameter of the handler itself that ASP.NET Core binds from the request: not a service, not the user. A
        // body's members only when the parameter says it is one ([FromBody], [FromForm], [FromQuery], [AsParameters])
        // or is a record of the app's own, the shape of a request's data (a class may be a service).
        private static bool IsBoundFromRequest(IParameterSymbol parameter, IMethodSymbol handler, bool body)
        {
            if (!SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, handler))
            {
                return false;
            }

            var declared = false;
            foreach (var attribute in parameter.GetAttributes())
            {
                switch (attribute.AttributeClass?.Name)
                {
                    case "FromServicesAttribute" or "FromKeyedServicesAttribute":
                        return false;
                    case "FromBodyAttribute" or "FromFormAttribute" or "FromQueryAttribute" or "FromRouteAttribute" or "FromHeaderAttribute" or "AsParametersAttribute":
                        declared = true;
                        break;
                }
            }

            return !body || declared || parameter.Type is INamedTypeSymbol { IsRecord: true } record && record.Locations.Length > 0 && record.Locations[0].IsInSource;
        }

        private static bool IsRequestCollection(ITypeSymbol type)
            => type.Name is "IQueryCollection" or "QueryCollection" or "IFormCollection" or "FormCollection" or "IHeaderDictionary" or "HeaderDictionary"
                   or "IRequestCookieCollection" or "RouteValueDictionary"
               && type.ContainingNamespace?.ToDisplayString().StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal) == true;

        // The value a local is declared with, when nothing assigns it again.
        private static IOperation? OnlyValueOf(ILocalSymbol local, IOperation reference)
        {
            var root = reference;
            while (root.Parent is { } parent)
            {
                root = parent;
            }

            IOperation? initial = null;
            foreach (var operation in root.Descendants())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        initial = declarator.GetVariableInitializer()?.Value;
                        break;
                    case IAssignmentOperation { Target: ILocalReferenceOperation target } when SymbolEqualityComparer.Default.Equals(target.Local, local):
                    case IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref, Value: ILocalReferenceOperation passed } when SymbolEqualityComparer.Default.Equals(passed.Local, local):
                        return null;
                }
            }

            return initial;
        }
    }
}
