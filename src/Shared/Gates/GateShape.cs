using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Presence.Gates
{
    /// <summary>
    /// Reads a [GeneratePublisherGate] interface into a <see cref="GatePlan"/>: the one decision, shared by the
    /// generator (what to write) and the analyzers (PRES106 for what it skips, PRES009 for what it covers).
    /// </summary>
    internal static class GateShape
    {
        public const string AttributeMetadataName = "Presence.GeneratePublisherGateAttribute";

        public static bool IsGatedInterface(INamedTypeSymbol type)
        {
            if (type.TypeKind != TypeKind.Interface)
            {
                return false;
            }

            foreach (var attribute in type.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: "GeneratePublisherGateAttribute", ContainingNamespace: { Name: "Presence", ContainingNamespace.IsGlobalNamespace: true } })
                {
                    return true;
                }
            }

            return false;
        }

        public static GatePlan Read(INamedTypeSymbol gated, CancellationToken cancellationToken)
        {
            var problem = InterfaceProblem(gated);
            if (problem is not null)
            {
                return new GatePlan(gated, problem, GateNaming.Stem(gated.Name) + "Gate", ImmutableArray<GatedMethod>.Empty, ImmutableArray<SkippedMember>.Empty);
            }

            // Code being typed (a constraint on a missing type): no gate, and nothing to report the compiler does not.
            if (gated.TypeParameters.Any(t => t.ConstraintTypes.Any(HasErrors)))
            {
                return new GatePlan(gated, null, GateNaming.Stem(gated.Name) + "Gate", ImmutableArray<GatedMethod>.Empty, ImmutableArray<SkippedMember>.Empty, isIncomplete: true);
            }

            var gateName = GateNaming.Choose(gated, cancellationToken, out var userPart);
            var duplicates = Duplicates(gated);
            var methods = ImmutableArray.CreateBuilder<GatedMethod>();
            var skipped = ImmutableArray.CreateBuilder<SkippedMember>();
            var signatures = new Dictionary<string, IMethodSymbol>();

            foreach (var (member, declaring, inherited) in Members(gated))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!IsCallableFromOutside(member))
                {
                    continue;
                }

                var reason = member switch
                {
                    _ when member.IsStatic && (member.IsAbstract || member.IsVirtual) => "it is static abstract, and a gate wraps an instance of the interface",
                    _ when member.IsStatic => "it is static, and a gate wraps an instance of the interface",
                    IPropertySymbol { IsIndexer: true } => "it is an indexer, and a gate only covers methods, which take the approved content",
                    IPropertySymbol => "it is a property, and a gate only covers methods, which take the approved content",
                    IEventSymbol => "it is an event, and a gate only covers methods, which take the approved content",
                    _ => null,
                };

                // Code being typed: the compiler reports a missing type or a duplicate member, and a gate method
                // would only repeat the error.
                if (member is IMethodSymbol incomplete
                    && (HasErrors(incomplete.ReturnType)
                        || incomplete.Parameters.Any(p => HasErrors(p.Type))
                        || incomplete.TypeParameters.Any(t => t.ConstraintTypes.Any(HasErrors))
                        || duplicates.Contains(incomplete)))
                {
                    continue;
                }

                if (reason is null && member is IMethodSymbol method)
                {
                    reason = MethodProblem(method, gateName);
                    if (reason is null)
                    {
                        var gatedMethod = Plan(method, declaring, inherited, out reason);
                        if (gatedMethod is not null)
                        {
                            // Two methods whose gate methods would have one signature (a diamond of base interfaces,
                            // or a member hidden with 'new'): the first, most derived, wins.
                            var signature = GateSignature(gatedMethod);
                            if (signature is not null && signatures.TryGetValue(signature, out var first))
                            {
                                reason = $"its gate method would have the same signature as the one for '{Display(first)}'";
                            }
                            else
                            {
                                if (signature is not null)
                                {
                                    signatures.Add(signature, method);
                                }

                                methods.Add(gatedMethod);
                                continue;
                            }
                        }
                    }
                }

                if (reason is not null)
                {
                    skipped.Add(new SkippedMember(member, inherited, reason));
                }
            }

            return new GatePlan(gated, null, gateName, methods.ToImmutable(), skipped.ToImmutable(), userPart: userPart);
        }

        /// <summary>Methods of the interface declared twice with one signature (CS0111): a call of either is ambiguous.</summary>
        private static HashSet<IMethodSymbol> Duplicates(INamedTypeSymbol gated)
        {
            var duplicates = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            var seen = new Dictionary<string, IMethodSymbol>();
            foreach (var method in gated.GetMembers().OfType<IMethodSymbol>())
            {
                var builder = new StringBuilder(method.Name).Append('`').Append(method.Arity);
                foreach (var parameter in method.Parameters)
                {
                    builder.Append(',').Append(parameter.RefKind == RefKind.None ? string.Empty : "&");
                    AppendTypeKey(builder, parameter.Type);
                }

                var signature = builder.ToString();
                if (seen.TryGetValue(signature, out var first))
                {
                    duplicates.Add(first);
                    duplicates.Add(method);
                }
                else
                {
                    seen.Add(signature, method);
                }
            }

            return duplicates;
        }

        private static bool HasErrors(ITypeSymbol type)
            => type switch
            {
                { TypeKind: TypeKind.Error } => true,
                IArrayTypeSymbol array => HasErrors(array.ElementType),
                INamedTypeSymbol named => named.TypeArguments.Any(HasErrors),
                _ => false,
            };

        /// <summary>'IPublisher.PostAsync(string, CancellationToken)'.</summary>
        public static string Display(ISymbol member) => member.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);

        public static bool IsCancellationToken(ITypeSymbol type)
            => type is INamedTypeSymbol { Name: "CancellationToken", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };

        private static string? InterfaceProblem(INamedTypeSymbol gated)
        {
            if (gated.ContainingType is not null)
            {
                return $"it is nested in '{gated.ContainingType.Name}', and gates are generated only for interfaces declared directly in a namespace";
            }

            if (gated.IsFileLocal)
            {
                return "it is a file-local type, which a gate in another file cannot use";
            }

            foreach (var typeParameter in gated.TypeParameters)
            {
                if (typeParameter.AllowsRefLikeType)
                {
                    return $"its type parameter '{typeParameter.Name}' allows ref structs, which a gate cannot hold in a field or an Approved<T>";
                }
            }

            return null;
        }

        /// <summary>The interface's own members, then those of each base interface (as the interface sees them).</summary>
        private static IEnumerable<(ISymbol Member, INamedTypeSymbol Declaring, bool Inherited)> Members(INamedTypeSymbol gated)
        {
            foreach (var member in gated.GetMembers())
            {
                yield return (member, gated, false);
            }

            foreach (var baseInterface in gated.AllInterfaces)
            {
                foreach (var member in baseInterface.GetMembers())
                {
                    yield return (member, baseInterface, true);
                }
            }
        }

        /// <summary>
        /// Members a caller outside the interface can use; accessors come with their property or event, and explicit
        /// implementations of base members inside the interface are not members anyone calls.
        /// </summary>
        private static bool IsCallableFromOutside(ISymbol member)
        {
            if (member.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal))
            {
                return false;
            }

            return member switch
            {
                IMethodSymbol method => method.MethodKind is MethodKind.Ordinary or MethodKind.UserDefinedOperator or MethodKind.Conversion,
                IPropertySymbol property => property.ExplicitInterfaceImplementations.IsEmpty,
                IEventSymbol @event => @event.ExplicitInterfaceImplementations.IsEmpty,
                _ => false,
            };
        }

        private static string? MethodProblem(IMethodSymbol method, string gateName)
        {
            if (method.Name == gateName)
            {
                return $"it has the name of its gate, '{gateName}'";
            }

            foreach (var attribute in method.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: "ObsoleteAttribute", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } }
                    && attribute.ConstructorArguments.Length == 2
                    && attribute.ConstructorArguments[1].Value is true)
                {
                    return "it is [Obsolete] as an error, so a gate could not call it";
                }
            }

            if (method.IsVararg)
            {
                return "it takes __arglist";
            }

            if (method.ReturnsByRef || method.ReturnsByRefReadonly)
            {
                return "it returns by reference";
            }

            if (method.ReturnType.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer)
            {
                return "it returns a pointer";
            }

            foreach (var typeParameter in method.TypeParameters)
            {
                if (typeParameter.AllowsRefLikeType)
                {
                    return $"its type parameter '{typeParameter.Name}' allows ref structs, which Approved<T> cannot hold";
                }
            }

            foreach (var parameter in method.Parameters)
            {
                var refKind = parameter.RefKind switch
                {
                    RefKind.None => null,
                    RefKind.Out => "out",
                    RefKind.In => "in",
                    RefKind.RefReadOnlyParameter => "ref readonly",
                    _ => "ref",
                };
                if (refKind is not null)
                {
                    return $"its parameter '{parameter.Name}' is passed by reference ({refKind}), and a gate passes only the approved content, by value";
                }

                if (parameter.Type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer || parameter.Type.IsRefLikeType)
                {
                    return $"its parameter '{parameter.Name}' has the type '{parameter.Type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)}', which an approval cannot hold";
                }
            }

            return null;
        }

        private static GatedMethod? Plan(IMethodSymbol method, INamedTypeSymbol declaring, bool inherited, out string? problem)
        {
            problem = null;
            var stem = Stem(method.Name);
            IParameterSymbol? single = null;
            var count = 0;
            foreach (var parameter in method.Parameters)
            {
                if (!IsCancellationToken(parameter.Type))
                {
                    single = parameter;
                    count++;
                }
            }

            if (count == 1 && single!.Type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T && IsApprovalContent(single.Type))
            {
                return new GatedMethod(method, declaring, inherited, single, ImmutableArray<ContentPart>.Empty, stem);
            }

            var parts = ImmutableArray.CreateBuilder<ContentPart>();
            foreach (var parameter in method.Parameters)
            {
                if (IsCancellationToken(parameter.Type))
                {
                    continue;
                }

                var part = Classify(parameter);
                if (part is null)
                {
                    problem = $"its parameter '{parameter.Name}' has the type '{parameter.Type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)}', which a gate cannot fingerprint: "
                        + "implement Presence.IApprovalContent on it, or pass text, numbers, enums, Guids, Uris or sequences of them";
                    return null;
                }

                parts.Add(part);
            }

            return new GatedMethod(method, declaring, inherited, null, parts.ToImmutable(), stem);
        }

        private static ContentPart? Classify(IParameterSymbol parameter)
        {
            var type = parameter.Type;
            if (Scalar(type) is { } scalar)
            {
                return new ContentPart(parameter, scalar.Kind, scalar.IsNullableValue, null, default, false);
            }

            var element = type switch
            {
                IArrayTypeSymbol { IsSZArray: true } array => array.ElementType,
                _ => SequenceElement(type),
            };
            if (element is not null && Scalar(element) is { } item)
            {
                // A list of times is still the schedule.
                return item.Kind == PartKind.Schedule
                    ? new ContentPart(parameter, PartKind.Schedule, false, null, default, false)
                    : new ContentPart(parameter, PartKind.Sequence, false, element, item.Kind, item.IsNullableValue);
            }

            return null;
        }

        private static (PartKind Kind, bool IsNullableValue)? Scalar(ITypeSymbol type)
        {
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                return ValueScalar(nullable.TypeArguments[0]) is { } kind ? (kind, true) : null;
            }

            if (type.SpecialType == SpecialType.System_String)
            {
                return (PartKind.Text, false);
            }

            if (ValueScalar(type) is { } value)
            {
                return (value, false);
            }

            if (IsSystemType(type, "Uri"))
            {
                return (PartKind.Uri, false);
            }

            if (type.IsValueType)
            {
                return null;
            }

            // An IApprovalContent brings its own fingerprint; a type parameter is fingerprinted at run time by
            // ContentFingerprint.For, which takes strings and IApprovalContent and refuses anything else.
            return IsApprovalContent(type) || type.TypeKind == TypeKind.TypeParameter ? (PartKind.Content, false) : null;
        }

        private static PartKind? ValueScalar(ITypeSymbol type)
        {
            switch (type.SpecialType)
            {
                case SpecialType.System_Boolean:
                    return PartKind.Boolean;
                case SpecialType.System_Char:
                case SpecialType.System_SByte:
                case SpecialType.System_Byte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                case SpecialType.System_Decimal:
                    return PartKind.Number;
                case SpecialType.System_Single:
                case SpecialType.System_Double:
                    return PartKind.RoundTrip;
                case SpecialType.System_DateTime:
                    return PartKind.Schedule;
            }

            if (type.TypeKind == TypeKind.Enum)
            {
                return PartKind.Enumeration;
            }

            if (IsSystemType(type, "Guid"))
            {
                return PartKind.Guid;
            }

            if (IsSystemType(type, "DateTimeOffset") || IsSystemType(type, "TimeSpan"))
            {
                return PartKind.Schedule;
            }

            // A struct-constrained type parameter may be an IApprovalContent at run time: ContentFingerprint.For decides.
            return type.IsValueType && (IsApprovalContent(type) || type.TypeKind == TypeKind.TypeParameter) ? PartKind.ContentValue : null;
        }

        private static ITypeSymbol? SequenceElement(ITypeSymbol type)
        {
            if (IsEnumerableOfT(type))
            {
                return ((INamedTypeSymbol)type).TypeArguments[0];
            }

            ITypeSymbol? element = null;
            foreach (var candidate in type.AllInterfaces)
            {
                if (IsEnumerableOfT(candidate))
                {
                    if (element is not null)
                    {
                        return null;
                    }

                    element = candidate.TypeArguments[0];
                }
            }

            return element;
        }

        private static bool IsEnumerableOfT(ITypeSymbol type)
            => type is INamedTypeSymbol { Name: "IEnumerable", Arity: 1 } named
                && named.ContainingNamespace.ToDisplayString() == "System.Collections.Generic";

        public static bool IsApprovalContent(ITypeSymbol type)
        {
            if (IsApprovalContentInterface(type))
            {
                return true;
            }

            foreach (var candidate in type.AllInterfaces)
            {
                if (IsApprovalContentInterface(candidate))
                {
                    return true;
                }
            }

            if (type is ITypeParameterSymbol typeParameter)
            {
                foreach (var constraint in typeParameter.ConstraintTypes)
                {
                    if (IsApprovalContent(constraint))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool IsApprovalContentInterface(ITypeSymbol type)
            => type is INamedTypeSymbol { Name: "IApprovalContent", ContainingNamespace: { Name: "Presence", ContainingNamespace.IsGlobalNamespace: true } };

        private static bool IsSystemType(ITypeSymbol type, string name)
            => type is INamedTypeSymbol { Arity: 0 } named && named.Name == name
                && named.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true };

        private static string Stem(string methodName)
        {
            var stem = methodName.Length > 5 && methodName.EndsWith("Async", System.StringComparison.Ordinal)
                ? methodName.Substring(0, methodName.Length - 5)
                : methodName;
            return char.IsLower(stem[0]) ? char.ToUpperInvariant(stem[0]) + stem.Substring(1) : stem;
        }

        /// <summary>
        /// The signature of the gate method, for methods that could share one: only those taking the content
        /// parameter itself (a generated content type is its method's own). Null for the others.
        /// </summary>
        private static string? GateSignature(GatedMethod method)
        {
            if (method.ContentParameter is null)
            {
                return null;
            }

            var builder = new StringBuilder(method.Method.Name).Append('`').Append(method.Method.Arity).Append('(');
            AppendTypeKey(builder, method.ContentParameter.Type);
            foreach (var parameter in method.Method.Parameters)
            {
                if (IsCancellationToken(parameter.Type))
                {
                    builder.Append(",ct");
                }
            }

            return builder.Append(')').ToString();
        }

        /// <summary>A type's identity with method type parameters by position, as signatures compare them.</summary>
        public static string TypeKey(ITypeSymbol type)
        {
            var builder = new StringBuilder();
            AppendTypeKey(builder, type);
            return builder.ToString();
        }

        private static void AppendTypeKey(StringBuilder builder, ITypeSymbol type)
        {
            switch (type)
            {
                case ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method } typeParameter:
                    builder.Append("!!").Append(typeParameter.Ordinal);
                    break;
                case IArrayTypeSymbol array:
                    AppendTypeKey(builder, array.ElementType);
                    builder.Append('[').Append(array.Rank).Append(']');
                    break;
                case INamedTypeSymbol { IsGenericType: true } named:
                    builder.Append(named.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)).Append('<');
                    foreach (var argument in named.TypeArguments)
                    {
                        AppendTypeKey(builder, argument);
                        builder.Append(',');
                    }

                    builder.Append('>');
                    break;
                default:
                    builder.Append(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
                    break;
            }
        }
    }
}
