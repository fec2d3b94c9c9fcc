using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Presence.Gates;

namespace Presence.Analyzers.Gates
{
    /// <summary>A gated method and the gate that covers it.</summary>
    internal sealed class GateRoute
    {
        public GateRoute(GatePlan plan, GatedMethod method)
        {
            Plan = plan;
            Method = method;
        }

        public GatePlan Plan { get; }

        public GatedMethod Method { get; }

        /// <summary>'LinkedInPublisherGate.PostAsync'.</summary>
        public string GateMethod => Plan.GateName + "." + Method.Method.Name;
    }

    /// <summary>
    /// Per compilation: which calls go to a method a generated gate covers. A call is one when it targets a gated
    /// method of a [GeneratePublisherGate] interface (declared there, or inherited and called through it), or a class
    /// method that implements one. Plans and each class's implementations are computed once.
    /// </summary>
    internal sealed class GateCatalog
    {
        private readonly ConcurrentDictionary<INamedTypeSymbol, GatePlan> _plans = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableDictionary<IMethodSymbol, GateRoute>> _implementations = new(SymbolEqualityComparer.Default);
        private readonly CancellationToken _cancellationToken;
        private readonly System.Func<INamedTypeSymbol, GatePlan> _readPlan; // one delegate each, not one per call
        private readonly System.Func<INamedTypeSymbol, ImmutableDictionary<IMethodSymbol, GateRoute>> _implementationsOf;

        public GateCatalog(CancellationToken cancellationToken)
        {
            _cancellationToken = cancellationToken;
            _readPlan = definition => GateShape.Read(definition, _cancellationToken);
            _implementationsOf = Implementations;
        }

        /// <summary>The gate plan of a [GeneratePublisherGate] interface that gets a gate; null for any other type.</summary>
        public GatePlan? PlanOf(ITypeSymbol type)
        {
            if (type is not INamedTypeSymbol { TypeKind: TypeKind.Interface } named || !GateShape.IsGatedInterface(named.OriginalDefinition))
            {
                return null;
            }

            var plan = _plans.GetOrAdd(named.OriginalDefinition, _readPlan);
            return plan.Problem is null && !plan.IsIncomplete ? plan : null;
        }

        /// <summary>The gate covering a call of <paramref name="target"/> on a receiver of static type <paramref name="receiver"/>.</summary>
        public GateRoute? Find(IMethodSymbol target, ITypeSymbol? receiver)
        {
            var definition = target.OriginalDefinition;
            var containing = target.ContainingType;
            if (containing is null)
            {
                return null;
            }

            if (containing.TypeKind != TypeKind.Interface)
            {
                var implementations = _implementations.GetOrAdd(containing.OriginalDefinition, _implementationsOf);
                return implementations.TryGetValue(definition, out var route) ? route : null;
            }

            foreach (var candidate in Candidates(containing, receiver))
            {
                if (PlanOf(candidate) is { } plan)
                {
                    foreach (var method in plan.Methods)
                    {
                        if (SymbolEqualityComparer.Default.Equals(method.Method.OriginalDefinition, definition))
                        {
                            return new GateRoute(plan, method);
                        }
                    }
                }
            }

            return null;
        }

        /// <summary>Whether code in <paramref name="symbol"/> is the publisher itself: the gated interface or a type implementing it.</summary>
        public static bool IsInsidePublisher(ISymbol symbol, GatePlan plan)
        {
            for (var type = symbol as INamedTypeSymbol ?? symbol.ContainingType; type is not null; type = type.ContainingType)
            {
                if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, plan.Interface))
                {
                    return true;
                }

                foreach (var implemented in type.AllInterfaces)
                {
                    if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, plan.Interface))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The interface that declares the method, then the receiver's type and what it implements or is constrained to.</summary>
        private static IEnumerable<ITypeSymbol> Candidates(INamedTypeSymbol declaring, ITypeSymbol? receiver)
        {
            yield return declaring;
            if (receiver is null)
            {
                yield break;
            }

            yield return receiver;
            foreach (var implemented in receiver.AllInterfaces)
            {
                yield return implemented;
            }

            if (receiver is ITypeParameterSymbol typeParameter)
            {
                foreach (var constraint in typeParameter.ConstraintTypes)
                {
                    yield return constraint;
                    foreach (var implemented in constraint.AllInterfaces)
                    {
                        yield return implemented;
                    }
                }
            }
        }

        /// <summary>The methods of a class or struct that implement a gated method, by their definition.</summary>
        private ImmutableDictionary<IMethodSymbol, GateRoute> Implementations(INamedTypeSymbol type)
        {
            var routes = ImmutableDictionary.CreateBuilder<IMethodSymbol, GateRoute>(SymbolEqualityComparer.Default);
            foreach (var implemented in type.AllInterfaces)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (PlanOf(implemented) is not { } plan)
                {
                    continue;
                }

                foreach (var method in plan.Methods)
                {
                    if (Corresponding(implemented, method) is { } member
                        && type.FindImplementationForInterfaceMember(member) is IMethodSymbol implementation
                        && !routes.ContainsKey(implementation.OriginalDefinition))
                    {
                        routes.Add(implementation.OriginalDefinition, new GateRoute(plan, method));
                    }
                }
            }

            return routes.ToImmutable();
        }

        /// <summary>
        /// The gated method as a member of the gated interface constructed the way <c>type</c> implements it. Its base
        /// interfaces are found by position: a constructed interface lists them in the order its definition does.
        /// </summary>
        private static IMethodSymbol? Corresponding(INamedTypeSymbol implemented, GatedMethod method)
        {
            var declaring = implemented;
            if (method.IsInherited)
            {
                var index = implemented.OriginalDefinition.AllInterfaces.IndexOf(method.DeclaringInterface, 0, SymbolEqualityComparer.Default);
                if (index < 0 || index >= implemented.AllInterfaces.Length)
                {
                    return null;
                }

                declaring = implemented.AllInterfaces[index];
            }

            foreach (var member in declaring.GetMembers(method.Method.Name))
            {
                if (member is IMethodSymbol candidate && SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, method.Method.OriginalDefinition))
                {
                    return candidate;
                }
            }

            return null;
        }
    }
}
