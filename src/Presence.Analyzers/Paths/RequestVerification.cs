using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Presence.Analyzers.Paths
{
    /// <summary>
    /// Code that verifies a request before the endpoint runs (an endpoint filter, an MVC filter, middleware): it hands a
    /// signature or token of the request to a check (<c>signer.IsValid(path, sig)</c>, <c>await links.VerifyAsync(token)</c>)
    /// or unprotects one (<c>protector.Unprotect(token)</c>), and answers without calling the rest of the pipeline when
    /// the check fails (returns a result, sets <c>context.Result</c>, throws). A check whose failure is only logged, a
    /// test that a token is present (<c>string.IsNullOrEmpty(token)</c>) and code that only reads the token verify nothing.
    /// Asked only of an endpoint that would otherwise be reported: a filter type is read once, and the compilation's
    /// middleware (<c>UseMiddleware</c>, <c>Use</c>, and those in a <c>UseWhen</c> branch) once, the first time.
    /// </summary>
    internal sealed class RequestVerification
    {
        private static readonly string[] SecretWords = { "signature", "token", "hmac", "nonce", "secret" };

        // The methods a filter or middleware does its work in.
        private static readonly string[] FilterMethods =
        {
            "InvokeAsync", "Invoke", "OnAuthorization", "OnAuthorizationAsync", "OnActionExecuting", "OnActionExecutionAsync", "OnResourceExecuting",
            "OnResourceExecutionAsync",
        };

        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<ITypeSymbol, bool> _types = new ConcurrentDictionary<ITypeSymbol, bool>(SymbolEqualityComparer.Default);
        private readonly Lazy<List<string[]?>> _middleware;

        public RequestVerification(Compilation compilation)
        {
            _compilation = compilation;
            _middleware = new Lazy<List<string[]?>>(ScanMiddleware, LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary><c>.AddEndpointFilter&lt;SignedLinkFilter&gt;()</c>, <c>.AddEndpointFilter(new SignedLinkFilter(…))</c>, <c>.AddEndpointFilter(async (context, next) =&gt; …)</c> that verifies.</summary>
        public bool EndpointFilter(IInvocationOperation call)
        {
            var method = call.TargetMethod.ReducedFrom ?? call.TargetMethod;
            foreach (var type in call.TargetMethod.TypeArguments)
            {
                if (type is INamedTypeSymbol named && Verifies(named))
                {
                    return true;
                }
            }

            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter is { Ordinal: 0 } && method.IsExtensionMethod)
                {
                    continue; // the builder
                }

                if (Handler(argument.Value) is { } body ? VerifiesAndStops(body, _ => null) : Unwrapped(argument.Value).Type is INamedTypeSymbol type && Verifies(type))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>An MVC filter on the action or its controller that verifies: a filter attribute, <c>[ServiceFilter(typeof(…))]</c>, <c>[TypeFilter(typeof(…))]</c>.</summary>
        public bool MvcFilter(IMethodSymbol action, INamedTypeSymbol controller)
        {
            if (FilterIn(action))
            {
                return true;
            }

            for (var current = controller; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                if (FilterIn(current))
                {
                    return true;
                }
            }

            return false;
        }

        private bool FilterIn(ISymbol symbol)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                var filter = attribute.AttributeClass is { Name: "ServiceFilterAttribute" or "TypeFilterAttribute" } by
                    ? (by.IsGenericType ? by.TypeArguments[0] : attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as ITypeSymbol : null)
                    : attribute.AttributeClass;
                if (filter is INamedTypeSymbol named && Verifies(named))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Middleware that verifies the requests to the route: every request, or those of a path it (or its UseWhen) is written for.</summary>
        public bool Middleware(string route)
        {
            foreach (var paths in _middleware.Value)
            {
                if (paths is null)
                {
                    return true;
                }

                foreach (var path in paths)
                {
                    var prefix = path.TrimEnd('/');
                    if (route.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && (route.Length == prefix.Length || route[prefix.Length] == '/'))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        // A filter or middleware type of the app whose filter methods verify (its own bases of the app's included).
        private bool Verifies(INamedTypeSymbol type)
            => _types.TryGetValue(type, out var known) ? known : _types.GetOrAdd(type, Verifies(type, null));

        private bool Verifies(INamedTypeSymbol type, List<string>? paths)
        {
            for (var current = type; current is not null && current.DeclaringSyntaxReferences.Length > 0; current = current.BaseType)
            {
                foreach (var name in FilterMethods)
                {
                    foreach (var member in current.GetMembers(name))
                    {
                        if (member is IMethodSymbol method && BodyOf(method) is { } body && VerifiesAndStops(body, HelperOf(current)))
                        {
                            if (paths is not null)
                            {
                                foreach (var condition in VerifyingConditions(body, HelperOf(current)))
                                {
                                    PathsIn(condition, paths);
                                }
                            }

                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private Func<IMethodSymbol, IOperation?> HelperOf(INamedTypeSymbol type)
            => method => SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, type.OriginalDefinition) ? BodyOf(method) : null;

        private IOperation? BodyOf(IMethodSymbol method)
        {
            if (method.DeclaringSyntaxReferences.Length == 0)
            {
                return null;
            }

            var syntax = method.DeclaringSyntaxReferences[0].GetSyntax();
            return _compilation.ContainsSyntaxTree(syntax.SyntaxTree) ? _compilation.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax) : null;
        }

        // The body of a lambda or method group given as a filter or middleware.
        private IOperation? Handler(IOperation value)
            => EntryPoints.CallbackTarget(value) switch
            {
                IAnonymousFunctionOperation lambda => lambda.Body,
                IMethodReferenceOperation reference => BodyOf(reference.Method),
                _ => null,
            };

        private static IOperation Unwrapped(IOperation value)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            return value;
        }

        // Every verifying middleware of the compilation, with the paths it is written for (null: every request). Middleware
        // in a UseWhen branch counts for the paths its predicate names, and not at all when it names none.
        private List<string[]?> ScanMiddleware()
        {
            var found = new List<string[]?>();
            foreach (var tree in _compilation.SyntaxTrees)
            {
                if (tree.GetText().ToString().IndexOf(".Use", StringComparison.Ordinal) < 0)
                {
                    continue;
                }

                SemanticModel? model = null;
                foreach (var node in tree.GetRoot().DescendantNodes())
                {
                    if (node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Use" or "UseMiddleware" } } syntax
                        || (model ??= _compilation.GetSemanticModel(tree)).GetOperation(syntax) is not IInvocationOperation use
                        || (use.TargetMethod.ReducedFrom ?? use.TargetMethod).ContainingType?.ContainingNamespace?.ToDisplayString() != "Microsoft.AspNetCore.Builder")
                    {
                        continue;
                    }

                    var paths = new List<string>();
                    if (!VerifyingMiddleware(use, paths) || !Scope(use, paths))
                    {
                        continue;
                    }

                    found.Add(paths.Count == 0 ? null : paths.ToArray());
                }
            }

            return found;
        }

        private bool VerifyingMiddleware(IInvocationOperation use, List<string> paths)
        {
            if (use.TargetMethod.Name == "UseMiddleware")
            {
                ITypeSymbol? type = use.TargetMethod.TypeArguments.Length > 0 ? use.TargetMethod.TypeArguments[0] : null;
                foreach (var argument in use.Arguments)
                {
                    type ??= Unwrapped(argument.Value) is ITypeOfOperation typeOf ? typeOf.TypeOperand : null;
                }

                return type is INamedTypeSymbol named && Verifies(named, paths);
            }

            foreach (var argument in use.Arguments)
            {
                if (Handler(argument.Value) is { } body && VerifiesAndStops(body, _ => null))
                {
                    foreach (var condition in VerifyingConditions(body, _ => null))
                    {
                        PathsIn(condition, paths);
                    }

                    return true;
                }
            }

            return false;
        }

        // Middleware added in a UseWhen (or MapWhen) branch runs for the requests its predicate picks: the paths it names,
        // which replace the middleware's own. A predicate that names no path is not followed.
        private static bool Scope(IInvocationOperation use, List<string> paths)
        {
            for (var current = use.Parent; current is not null; current = current.Parent)
            {
                if (current is IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "UseWhen" or "MapWhen" } branch } argument
                    && argument.Parameter?.Ordinal == 2)
                {
                    var predicate = new List<string>();
                    foreach (var other in branch.Arguments)
                    {
                        if (other.Parameter?.Ordinal == 1)
                        {
                            PathsIn(other.Value, predicate);
                        }
                    }

                    paths.Clear();
                    paths.AddRange(predicate);
                    return predicate.Count > 0;
                }
            }

            return true;
        }

        /// <summary>A value that proves who the request was made for: a parameter, local or request value named as a signature or token.</summary>
        public static bool Secret(IOperation value)
            => value.Type?.Name != "CancellationToken" && value switch
            {
                IParameterReferenceOperation { Parameter.Name: var name } => SecretName(name),
                ILocalReferenceOperation { Local.Name: var name } => SecretName(name),
                IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer
                    => indexer.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string key } && SecretName(key),
                IPropertyReferenceOperation { Property.Name: var name, Property.IsIndexer: false } => SecretName(name),
                _ => false,
            };

        // "sig", "linkSignature", "token", "hmac", "otp"; not "assignee" or "cancellationToken".
        private static bool SecretName(string name)
        {
            foreach (var word in SecretWords)
            {
                if (name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return name.Equals("sig", StringComparison.OrdinalIgnoreCase) || name.Equals("otp", StringComparison.OrdinalIgnoreCase)
                   || name.EndsWith("Sig", StringComparison.Ordinal) || name.EndsWith("Otp", StringComparison.Ordinal);
        }

        /// <summary>
        /// Whether the function verifies the request and stops it when the check fails: a condition on a check whose
        /// branch answers without calling the next step, or a token unprotected where a failure cannot reach the next
        /// step. <paramref name="helperBody"/> gives the body of a method of the same type a condition calls
        /// (<c>if (!IsSigned(context)) return …</c>), read one level deep.
        /// </summary>
        private static bool VerifiesAndStops(IOperation body, Func<IMethodSymbol, IOperation?> helperBody)
        {
            foreach (var operation in body.Descendants())
            {
                switch (operation)
                {
                    case IConditionalOperation conditional when Verifying(conditional.Condition, body, helperBody, out var failsWhen):
                        // The branch taken when the check fails must stop; where which one that is cannot be read, either.
                        if ((failsWhen != false && Stops(conditional.WhenTrue, conditional))
                            || (failsWhen != true && (conditional.WhenFalse is { } otherwise ? Stops(otherwise, conditional) : StopsAfter(conditional))))
                        {
                            return true;
                        }

                        break;

                    // Unprotect throws on a forged or expired token: it stops the request unless a catch lets it through.
                    case IInvocationOperation { TargetMethod.Name: "Unprotect" } unprotect when !CaughtAndPassed(unprotect):
                        return true;
                }
            }

            return false;
        }

        /// <summary>The path prefixes (string literals starting with '/') a verifying condition or a predicate is written for.</summary>
        private static void PathsIn(IOperation operation, List<string> paths)
        {
            foreach (var value in operation.DescendantsAndSelf())
            {
                if (value is ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } } && text.StartsWith("/", StringComparison.Ordinal))
                {
                    paths.Add(text);
                }
            }
        }

        /// <summary>The conditions of the function that verify the request (for the paths they are written for).</summary>
        private static IEnumerable<IOperation> VerifyingConditions(IOperation body, Func<IMethodSymbol, IOperation?> helperBody)
        {
            foreach (var operation in body.Descendants())
            {
                if (operation is IConditionalOperation conditional && Verifying(conditional.Condition, body, helperBody, out _))
                {
                    yield return conditional.Condition;
                }
            }
        }

        // Whether the condition verifies the request, and the value it has when the check fails: true
        // (if (!signer.IsValid(path, sig)), if (signer.IsInvalid(path, sig))), false (if (signer.IsValid(path, sig))), or
        // null where that cannot be read.
        private static bool Verifying(IOperation condition, IOperation body, Func<IMethodSymbol, IOperation?> helperBody, out bool? failsWhen)
        {
            failsWhen = null;
            foreach (var operation in condition.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IInvocationOperation invocation when Checks(invocation):
                        failsWhen = FailsWhen(invocation, condition, NamedForFailure(invocation.TargetMethod.Name));
                        return true;
                    case IInvocationOperation { TargetMethod: { } method, Instance: null or IInstanceReferenceOperation } helperCall
                        when method.DeclaringSyntaxReferences.Length > 0 && helperBody(method) is { } helper:
                        foreach (var inner in helper.Descendants())
                        {
                            if (inner is IInvocationOperation call && Checks(call))
                            {
                                failsWhen = FailsWhen(helperCall, condition, NamedForFailure(method.Name));
                                return true;
                            }
                        }

                        break;

                    // var valid = signer.IsValid(...); if (!valid) ...
                    case ILocalReferenceOperation { Local: var local }:
                        foreach (var declared in body.Descendants())
                        {
                            if (declared is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local)
                                && declarator.GetVariableInitializer()?.Value is { } initial)
                            {
                                foreach (var inner in initial.DescendantsAndSelf())
                                {
                                    if (inner is IInvocationOperation call && Checks(call))
                                    {
                                        failsWhen = FailsWhen(operation, condition, FailsWhen(call, initial, NamedForFailure(call.TargetMethod.Name)));
                                        return true;
                                    }
                                }
                            }
                        }

                        break;
                }
            }

            return false;
        }

        // The value of the condition when the check in it fails, given the check's own value then (false, or true for a
        // check named for the failure, or null: unknown): through !, == true/false, == null, is (not) true/false/null, await
        // and &&/||; unknown through anything else.
        private static bool? FailsWhen(IOperation check, IOperation condition, bool? failing)
        {
            for (var current = check; failing is not null && current != condition && current.Parent is { } parent; current = parent)
            {
                failing = parent switch
                {
                    IConversionOperation or IAwaitOperation or IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } => failing,
                    IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } => !failing,
                    IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary
                        => Compared(binary.LeftOperand == current ? binary.RightOperand : binary.LeftOperand, failing.Value) is { } equal
                            ? binary.OperatorKind == BinaryOperatorKind.Equals ? equal : !equal
                            : null,
                    IIsPatternOperation { Pattern: var pattern } => Matches(pattern, failing.Value),
                    _ => null,
                };
            }

            return failing;
        }

        // Whether a failing check's value (false, or null for a check that returns what it verified) equals the constant.
        private static bool? Compared(IOperation other, bool failing)
        {
            while (other is IConversionOperation conversion)
            {
                other = conversion.Operand;
            }

            return other.ConstantValue is { HasValue: true, Value: var constant }
                ? constant switch
                {
                    bool value => value == failing,
                    null => !failing,
                    _ => null,
                }
                : null;
        }

        private static bool? Matches(IPatternOperation pattern, bool failing)
            => pattern switch
            {
                INegatedPatternOperation negated => !Matches(negated.Pattern, failing),
                IConstantPatternOperation constant => Compared(constant.Value, failing),
                _ => null,
            };

        // IsInvalid, IsForged, IsTampered, IsExpired, IsRevoked, Failed…: true when the check fails.
        private static bool NamedForFailure(string name)
        {
            foreach (var word in FailureWords)
            {
                if (name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static readonly string[] FailureWords = { "Invalid", "Forged", "Tampered", "Expired", "Revoked", "Fail" };

        // A check of a signature or token: a call given one (not a string's or a request collection's method, which only
        // look at it, nor a logger), or an Unprotect.
        private static bool Checks(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (method.Name == "Unprotect")
            {
                return true;
            }

            if (method.ContainingType is not { } type || type.SpecialType == SpecialType.System_String || type.Name is "StringValues" or "LoggerExtensions" or "ILogger"
                || type.ContainingNamespace?.ToDisplayString() is "Microsoft.AspNetCore.Http" or "System.Linq" || ChecksShapeOnly(type))
            {
                return false;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.RefKind == RefKind.Out)
                {
                    continue;
                }

                foreach (var value in argument.Value.DescendantsAndSelf())
                {
                    if (Secret(value))
                    {
                        return true;
                    }
                }
            }

            return invocation.Instance is { } instance && Secret(instance) && method.ReturnType.SpecialType == SpecialType.System_Boolean;
        }

        // Parsing or matching a token's text (Guid.TryParse(token, out _), int.TryParse(otp, out _), Regex.IsMatch(sig, …))
        // only checks its shape: anyone can write a well-formed one.
        private static bool ChecksShapeOnly(INamedTypeSymbol type)
            => (type.IsValueType && type.SpecialType != SpecialType.None)
               || (type.Name is "Guid" or "DateTimeOffset" or "TimeSpan" && type.ContainingNamespace?.ToDisplayString() == "System")
               || type.ContainingNamespace?.ToDisplayString() == "System.Text.RegularExpressions";

        // A branch that answers without the next step: a return (or, as the value of a return, the other arm of a ?:),
        // a throw, or an MVC filter's context.Result set.
        private static bool Stops(IOperation branch, IConditionalOperation conditional)
            => !CallsNext(branch)
               && (conditional.Parent is IReturnOperation || conditional.Parent is IAwaitOperation or IConversionOperation && conditional.Parent.Parent is IReturnOperation
                   || Stops(branch));

        // if (valid) return await next(context); return Results.Unauthorized();: the branch that goes on returns, and the
        // statements after the if (the failure's answer, or nothing) do not call the next step.
        private static bool StopsAfter(IConditionalOperation conditional)
        {
            var goesOn = conditional.WhenTrue is IBlockOperation { Operations: { Length: > 0 } operations } ? operations[operations.Length - 1] : conditional.WhenTrue;
            if (!CallsNext(conditional.WhenTrue) || goesOn is not IReturnOperation || conditional.Parent is not IBlockOperation block)
            {
                return false;
            }

            var after = false;
            foreach (var statement in block.Operations)
            {
                if (after && CallsNext(statement))
                {
                    return false;
                }

                after |= statement == conditional;
            }

            return true;
        }

        // The next step of the pipeline: a delegate the filter or middleware was given (next(context), _next(context), next()).
        private static bool CallsNext(IOperation operation)
        {
            foreach (var inner in operation.DescendantsAndSelf())
            {
                if (inner is IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke })
                {
                    return true;
                }
            }

            return false;
        }

        // An Unprotect in a try whose catch goes on to the next step (or swallows the failure).
        private static bool CaughtAndPassed(IOperation unprotect)
        {
            for (var current = unprotect.Parent; current is not null; current = current.Parent)
            {
                if (current is ITryOperation @try && @try.Body.Syntax.Span.Contains(unprotect.Syntax.Span))
                {
                    foreach (var @catch in @try.Catches)
                    {
                        if (!Stops(@catch.Handler))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private static bool Stops(IOperation branch)
        {
            if (CallsNext(branch))
            {
                return false;
            }

            foreach (var operation in branch.DescendantsAndSelf())
            {
                if (operation is IReturnOperation or IThrowOperation
                    || operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Result" } })
                {
                    return true;
                }
            }

            return false;
        }
    }
}
