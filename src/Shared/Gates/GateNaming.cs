using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Presence.Gates
{
    /// <summary>
    /// Names the gate of a [GeneratePublisherGate] interface. Compiled into the generator and the analyzers (linked
    /// source), so that the name a diagnostic tells users to call is the name the generator gave the gate.
    /// </summary>
    internal static class GateNaming
    {
        /// <summary>The tool name in the [GeneratedCode] attribute of everything the generator writes.</summary>
        public const string GeneratorName = "Presence.Generators";

        private const string ServicesSuffix = "ServiceCollectionExtensions";

        /// <summary><c>ILinkedInPublisher</c> → <c>LinkedInPublisher</c>; a name without the I-prefix convention stays whole.</summary>
        public static string Stem(string interfaceName)
            => interfaceName.Length > 1 && interfaceName[0] == 'I' && char.IsUpper(interfaceName[1]) ? interfaceName.Substring(1) : interfaceName;

        /// <summary>The static class holding the gate's <c>IServiceCollection</c> extension.</summary>
        public static string ServicesClass(string gateName) => gateName + ServicesSuffix;

        /// <summary>
        /// The gate's name: <c>{Stem}Gate</c>, or when that is taken, <c>{Stem}ApprovalGate</c>, then <c>{Stem}Gate2</c>,
        /// <c>{Stem}Gate3</c>… A name is taken when the namespace already has a type of that name and arity (in source
        /// or in a reference; the generator's own output does not count), or a type named like its services class.
        /// The gated interfaces of one namespace are named together, in ordinal order of their stems (an I-prefixed
        /// name first), so two interfaces never get one name: <c>IPublisher</c> gets <c>PublisherGate</c> and
        /// <c>Publisher</c> <c>PublisherApprovalGate</c>.
        /// </summary>
        public static string Choose(INamedTypeSymbol gated, CancellationToken cancellationToken)
        {
            var taken = new HashSet<(string Name, int Arity)>();
            var interfaces = new List<INamedTypeSymbol>();
            foreach (var type in gated.ContainingNamespace.GetTypeMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var inSource = IsInSource(type);
                if (inSource && IsGenerated(type))
                {
                    continue;
                }

                taken.Add((type.Name, type.Arity));
                if (inSource && GateShape.IsGatedInterface(type))
                {
                    interfaces.Add(type);
                }
            }

            if (!interfaces.Contains(gated, SymbolEqualityComparer.Default))
            {
                interfaces.Add(gated);
            }

            interfaces.Sort(CompareForNaming);
            foreach (var candidate in interfaces)
            {
                var name = FirstFree(candidate, taken);
                taken.Add((name, candidate.Arity));
                taken.Add((ServicesClass(name), 0));
                if (SymbolEqualityComparer.Default.Equals(candidate, gated))
                {
                    return name;
                }
            }

            throw new InvalidOperationException("unreachable: the gated interface is in the list");
        }

        private static string FirstFree(INamedTypeSymbol gated, HashSet<(string Name, int Arity)> taken)
        {
            var stem = Stem(gated.Name);
            if (IsFree(stem + "Gate", gated.Arity, taken))
            {
                return stem + "Gate";
            }

            if (IsFree(stem + "ApprovalGate", gated.Arity, taken))
            {
                return stem + "ApprovalGate";
            }

            for (var i = 2; ; i++)
            {
                var name = stem + "Gate" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (IsFree(name, gated.Arity, taken))
                {
                    return name;
                }
            }
        }

        private static bool IsFree(string name, int arity, HashSet<(string Name, int Arity)> taken)
            => !taken.Contains((name, arity)) && !taken.Contains((ServicesClass(name), 0));

        private static int CompareForNaming(INamedTypeSymbol x, INamedTypeSymbol y)
        {
            var byStem = string.CompareOrdinal(Stem(x.Name), Stem(y.Name));
            if (byStem != 0)
            {
                return byStem;
            }

            var byArity = x.Arity.CompareTo(y.Arity);
            if (byArity != 0)
            {
                return byArity;
            }

            // The conventional name gets the natural gate name: IPublisher before Publisher.
            var byPrefix = (x.Name == Stem(x.Name)).CompareTo(y.Name == Stem(y.Name));
            return byPrefix != 0 ? byPrefix : string.CompareOrdinal(x.Name, y.Name);
        }

        private static bool IsInSource(INamedTypeSymbol type)
        {
            foreach (var location in type.Locations)
            {
                if (location.IsInSource)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Written by this generator: the analyzers see its output, the generator itself does not.</summary>
        private static bool IsGenerated(INamedTypeSymbol type)
        {
            foreach (var attribute in type.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: "GeneratedCodeAttribute" } attributeClass
                    && attributeClass.ContainingNamespace.ToDisplayString() == "System.CodeDom.Compiler"
                    && attribute.ConstructorArguments.Length > 0
                    && attribute.ConstructorArguments[0].Value as string == GeneratorName)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
