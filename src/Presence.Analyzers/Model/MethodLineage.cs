using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Presence.Analyzers.Model
{
    /// <summary>
    /// The declarations a call of a method stands for: the method itself, the members it overrides, and the
    /// interface members it implements. An attribute on any of them applies to the call.
    /// </summary>
    internal static class MethodLineage
    {
        public static IEnumerable<IMethodSymbol> Of(IMethodSymbol method)
        {
            method = method.ReducedFrom ?? method;
            method = method.OriginalDefinition;
            yield return method;

            for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
            {
                yield return overridden.OriginalDefinition;
            }

            foreach (var explicitImplementation in method.ExplicitInterfaceImplementations)
            {
                yield return explicitImplementation.OriginalDefinition;
            }

            if (method.MethodKind != MethodKind.Ordinary || method.IsStatic || method.ContainingType is not { } type
                || type.TypeKind == TypeKind.Interface)
            {
                yield break;
            }

            foreach (var @interface in type.AllInterfaces)
            {
                foreach (var member in @interface.GetMembers(method.Name))
                {
                    if (member is IMethodSymbol interfaceMethod
                        && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(interfaceMethod)?.OriginalDefinition, method))
                    {
                        yield return interfaceMethod.OriginalDefinition;
                    }
                }
            }
        }
    }
}
