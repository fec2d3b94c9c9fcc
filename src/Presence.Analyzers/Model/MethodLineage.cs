using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Presence.Compilations;

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
            method = ExtensionMembers.Classic(method);
            method = method.OriginalDefinition;
            yield return method;

            // An override implements what the member it overrides implements: the interface maps to the base's method.
            List<IMethodSymbol>? overrides = null;
            for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
            {
                (overrides ??= new List<IMethodSymbol>()).Add(overridden.OriginalDefinition);
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
                        && type.FindImplementationForInterfaceMember(interfaceMethod)?.OriginalDefinition is IMethodSymbol implementation
                        && (SymbolEqualityComparer.Default.Equals(implementation, method)
                            || overrides?.Contains(implementation, SymbolEqualityComparer.Default) == true))
                    {
                        yield return interfaceMethod.OriginalDefinition;
                    }
                }
            }
        }
    }
}
