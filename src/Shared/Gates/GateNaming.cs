using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

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
        /// or in a reference; the generator's own output does not count), or a type named like its services class; a
        /// partial class of the user's that the gate can complete (see <see cref="CanComplete"/>) does not take it but
        /// is returned as <paramref name="part"/>, to be merged with the generated declaration.
        /// The gated interfaces of one namespace are named together, in ordinal order of their stems (an I-prefixed
        /// name first), so two interfaces never get one name: <c>IPublisher</c> gets <c>PublisherGate</c> and
        /// <c>Publisher</c> <c>PublisherApprovalGate</c>.
        /// </summary>
        public static string Choose(INamedTypeSymbol gated, CancellationToken cancellationToken, out INamedTypeSymbol? part)
        {
            var taken = new HashSet<(string Name, int Arity)>();
            // The names given to gates, which no other gate may complete.
            var given = new HashSet<(string Name, int Arity)>();
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
                var name = FirstFree(candidate, taken, given, out var completed);
                taken.Add((name, candidate.Arity));
                taken.Add((ServicesClass(name), 0));
                given.Add((name, candidate.Arity));
                if (SymbolEqualityComparer.Default.Equals(candidate, gated))
                {
                    part = completed;
                    return name;
                }
            }

            throw new InvalidOperationException("unreachable: the gated interface is in the list");
        }

        /// <summary>
        /// Whether the generated gate of <paramref name="gated"/>, <c>[GeneratedCode] {accessibility} sealed partial class
        /// Name&lt;T…&gt; where …</c> with a constructor of its own, merges with the user's partial class <paramref name="part"/>
        /// of the same name and arity into a class that compiles: a class, not a record, partial in every declaration,
        /// not static, abstract or file-local, with no accessibility other than the gate's, the interface's type parameter
        /// names and no other constraints, no [GeneratedCode] of its own (the attribute cannot be applied twice), no primary
        /// constructor (the gate's constructor could not call it) and no base class the gate's constructor could not call
        /// without arguments. Anything else is the user's own type, a clash.
        /// </summary>
        public static bool CanComplete(INamedTypeSymbol part, INamedTypeSymbol gated)
        {
            if (part.TypeKind != TypeKind.Class || part.IsRecord || part.IsStatic || part.IsAbstract || part.IsFileLocal
                || !part.TypeParameters.Select(t => t.Name).SequenceEqual(gated.TypeParameters.Select(t => t.Name))
                || part.GetAttributes().Any(a => a.AttributeClass is { Name: "GeneratedCodeAttribute" }))
            {
                return false;
            }

            var accessibility = gated.DeclaredAccessibility == Accessibility.Public ? Accessibility.Public : Accessibility.Internal;
            var statesAccessibility = false;
            var statesConstraints = false;
            foreach (var reference in part.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is not ClassDeclarationSyntax declaration || !declaration.Modifiers.Any(SyntaxKind.PartialKeyword) || declaration.ParameterList is not null)
                {
                    return false;
                }

                statesAccessibility |= declaration.Modifiers.Any(m => m.IsKind(SyntaxKind.PublicKeyword) || m.IsKind(SyntaxKind.InternalKeyword) || m.IsKind(SyntaxKind.PrivateKeyword) || m.IsKind(SyntaxKind.ProtectedKeyword));
                statesConstraints |= declaration.ConstraintClauses.Count > 0;
            }

            if ((statesAccessibility && part.DeclaredAccessibility != accessibility)
                || (statesConstraints && !part.TypeParameters.Select(Constraints).SequenceEqual(gated.TypeParameters.Select(Constraints))))
            {
                return false;
            }

            // The gate's constructor calls the base class's without arguments (a base being typed is the compiler's to report).
            return part.BaseType is not { SpecialType: not SpecialType.System_Object, TypeKind: not TypeKind.Error } baseType
                   || baseType.InstanceConstructors.Any(c => IsAccessibleFrom(c, part) && c.Parameters.All(p => p.IsOptional || p.IsParams));
        }

        private static bool IsAccessibleFrom(IMethodSymbol constructor, INamedTypeSymbol derived)
            => constructor.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal
               || (constructor.DeclaredAccessibility is Accessibility.Internal or Accessibility.ProtectedAndInternal
                   && SymbolEqualityComparer.Default.Equals(constructor.ContainingAssembly, derived.ContainingAssembly));

        // A type parameter's constraints as C# states them, in the order the compiler requires.
        private static string Constraints(ITypeParameterSymbol parameter)
            => string.Join(
                ",",
                new[]
                {
                    parameter.HasReferenceTypeConstraint ? "class" : null,
                    parameter.HasValueTypeConstraint ? "struct" : null,
                    parameter.HasUnmanagedTypeConstraint ? "unmanaged" : null,
                    parameter.HasNotNullConstraint ? "notnull" : null,
                    parameter.HasConstructorConstraint ? "new()" : null,
                    parameter.AllowsRefLikeType ? "allows ref struct" : null,
                }
                .Concat(parameter.ConstraintTypes.Select(t => t.ToDisplayString()).OrderBy(t => t, StringComparer.Ordinal))
                .Where(c => c is not null));

        private static string FirstFree(INamedTypeSymbol gated, HashSet<(string Name, int Arity)> taken, HashSet<(string Name, int Arity)> given, out INamedTypeSymbol? part)
        {
            var stem = Stem(gated.Name);
            for (var i = 1; ; i++)
            {
                var name = i switch
                {
                    1 => stem + "Gate",
                    2 => stem + "ApprovalGate",
                    _ => stem + "Gate" + (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                };
                if (taken.Contains((ServicesClass(name), 0)))
                {
                    continue;
                }

                if (!taken.Contains((name, gated.Arity)))
                {
                    part = null;
                    return name;
                }

                // Taken by a type of the user's, asked only now: is it a partial class the gate can complete?
                if (!given.Contains((name, gated.Arity))
                    && gated.ContainingNamespace.GetTypeMembers(name, gated.Arity).FirstOrDefault(t => IsInSource(t) && !IsGenerated(t)) is { } candidate
                    && CanComplete(candidate, gated))
                {
                    part = candidate;
                    return name;
                }
            }
        }

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
