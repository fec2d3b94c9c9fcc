using System;
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

        /// <summary>How the code names the reviewer and the endpoint ("anonymous GET /approve/{id}"), or null.</summary>
        public static (string Reviewer, string Endpoint)? Of(IInvocationOperation decide, IOperation reviewer, ISymbol containing, HttpEndpoints endpoints)
        {
            // The function the decision is recorded in: the innermost lambda around it, or the member.
            IAnonymousFunctionOperation? lambda = null;
            for (var current = decide.Parent; current is not null && lambda is null; current = current.Parent)
            {
                switch (current)
                {
                    case IAnonymousFunctionOperation found:
                        lambda = found;
                        break;
                    case ILocalFunctionOperation:
                        return null;
                }
            }

            if ((lambda?.Symbol ?? containing as IMethodSymbol) is not { } handler || Source(reviewer, handler, 0) is not { } source)
            {
                return null;
            }

            return endpoints.OpenToAnyone(handler, lambda) is { } endpoint ? ("'" + source + "'", endpoint) : null;
        }

        private static string? Source(IOperation value, IMethodSymbol handler, int depth)
        {
            if (depth > MaxDepth)
            {
                return null;
            }

            switch (value)
            {
                case IConversionOperation conversion: // StringValues to string, among others
                    return Source(conversion.Operand, handler, depth + 1);

                case ICoalesceOperation coalesce:
                    return Source(coalesce.Value, handler, depth + 1);

                case IParameterReferenceOperation { Parameter: var parameter } when parameter.Type.SpecialType == SpecialType.System_String
                                                                                    && IsBoundFromRequest(parameter, handler, body: false):
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
                    return Source(instance, handler, depth + 1);

                case ILocalReferenceOperation { Local: var local } reference when OnlyValueOf(local, reference) is { } initial:
                    return Source(initial, handler, depth + 1);

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
