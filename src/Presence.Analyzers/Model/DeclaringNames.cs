using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Presence.Compilations;

namespace Presence.Analyzers.Model
{
    /// <summary>
    /// The names of the ordinary methods, local functions and constructors that [PublishesContent], [RequiresHumanApproval], [HumanConfirmation] or
    /// [GeneratePublisherGate] can apply to: a method that carries one, or any member of a type that carries one. Every
    /// declaration a call stands for (<see cref="MethodLineage"/>) has the called method's name, so a call of a method
    /// whose name is not here cannot be a publisher or a confirmation by attribute, and its lineage is not walked. Read
    /// from the source files that name one of them (<see cref="NameUse"/>: the other files cannot apply them) and from
    /// the referenced assemblies that declare or reference one (once per set of references).
    /// </summary>
    internal sealed class DeclaringNames
    {
        private static readonly string[] Words = { "PublishesContent", "RequiresHumanApproval", "HumanConfirmation", "GeneratePublisherGate" };

        private readonly HashSet<string> _source;
        private readonly HashSet<string> _references;

        private DeclaringNames(HashSet<string> source, HashSet<string> references)
        {
            _source = source;
            _references = references;
        }

        public bool Contains(string name) => _source.Contains(name) || _references.Contains(name);

        /// <summary>
        /// The names, or null when names cannot tell (a global alias lets every file apply one). The source's part is
        /// kept for the compilations with the same files (an IDE analyses each open file on a copy of the compilation).
        /// </summary>
        public static DeclaringNames? Of(Compilation compilation, CancellationToken cancellationToken)
        {
            var source = SourceSet.Of(compilation).Derived("DeclaringNames.Source", () => new StrongBox<HashSet<string>?>(FromSource(compilation, cancellationToken))).Value;
            return source is null
                ? null
                : new DeclaringNames(source, ReferenceSet.Of(compilation).Derived("DeclaringNames.References", () => FromReferences(compilation, cancellationToken)));
        }

        private static HashSet<string>? FromSource(Compilation compilation, CancellationToken cancellationToken)
        {
            var files = new HashSet<SyntaxTree>();
            foreach (var word in Words)
            {
                if (NameUse.Of(compilation, word, cancellationToken).NamingFiles is not { } naming)
                {
                    return null;
                }

                files.UnionWith(naming);
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var tree in files)
            {
                SemanticModel? model = null;
                foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                {
                    switch (node)
                    {
                        case MethodDeclarationSyntax { AttributeLists.Count: > 0 } method:
                            names.Add(method.Identifier.ValueText);
                            break;

                        // A local function carries only the attributes written on it (a type's apply to its members).
                        case LocalFunctionStatementSyntax { AttributeLists.Count: > 0 } local:
                            names.Add(local.Identifier.ValueText);
                            break;

                        // None of the attributes may be placed on a constructor, but a misplaced one is still read.
                        case ConstructorDeclarationSyntax { AttributeLists.Count: > 0 }:
                            names.Add(WellKnownMemberNames.InstanceConstructorName);
                            break;

                        // A type's attribute applies to the members of all its parts, wherever they are declared.
                        case BaseTypeDeclarationSyntax { AttributeLists.Count: > 0 } type
                            when (model ??= compilation.GetSemanticModel(tree)).GetDeclaredSymbol(type, cancellationToken) is INamedTypeSymbol symbol:
                            names.UnionWith(symbol.MemberNames);
                            break;
                    }
                }
            }

            return names;
        }

        // The attributes are compared by name (a superset of comparing the symbols the rules resolve), in the assemblies
        // that declare one of them or reference one that does.
        private static HashSet<string> FromReferences(Compilation compilation, CancellationToken cancellationToken)
        {
            var assemblies = ReferenceSet.Of(compilation).Assemblies;
            var declaring = new HashSet<string>(StringComparer.Ordinal);
            foreach (var assembly in assemblies)
            {
                foreach (var word in Words)
                {
                    if (assembly.TypeNames.Contains(word + "Attribute"))
                    {
                        declaring.Add(assembly.Name);
                    }
                }
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var assembly in assemblies)
            {
                if (declaring.Contains(assembly.Name) || assembly.ReferencesAny(declaring))
                {
                    Collect(assembly.GlobalNamespace, names, cancellationToken);
                }
            }

            return names;
        }

        private static void Collect(INamespaceOrTypeSymbol container, HashSet<string> names, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var member in container.GetMembers())
            {
                switch (member)
                {
                    case INamedTypeSymbol type:
                        if (HasOne(type))
                        {
                            names.UnionWith(type.MemberNames);
                        }

                        Collect(type, names, cancellationToken);
                        break;
                    case INamespaceSymbol nested:
                        Collect(nested, names, cancellationToken);
                        break;
                    case IMethodSymbol method when HasOne(method):
                        names.Add(method.Name);
                        break;
                }
            }
        }

        private static bool HasOne(ISymbol symbol)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (attribute.AttributeClass is { ContainingNamespace.Name: "Presence" } attributeClass
                    && Array.IndexOf(Words, attributeClass.Name.EndsWith("Attribute", StringComparison.Ordinal) ? attributeClass.Name.Substring(0, attributeClass.Name.Length - "Attribute".Length) : attributeClass.Name) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
