using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Presence.Compilations;
using Presence.Gates;

namespace Presence.Analyzers.Gates
{
    /// <summary>
    /// Whether a compilation can call a gated method at all, decided at compilation start without reading the source:
    /// a gate exists only where the gate generator wrote one (its output is part of the compilation, a type named
    /// "...Gate") or in a referenced assembly that references Presence.Abstractions and declares a
    /// [GeneratePublisherGate] interface. Asked once per compilation (an IDE starts the rules again for each open
    /// file), the references once per set of them.
    /// </summary>
    internal static class GatedInterfaces
    {
        public static bool MayExist(Compilation compilation, CancellationToken cancellationToken)
            => MayExist(compilation, sourceMayDeclare: true, cancellationToken);

        /// <param name="sourceMayDeclare">
        /// False when no source file can apply [GeneratePublisherGate] (none names it): then the generator wrote no gate,
        /// and only the references are asked.
        /// </param>
        public static bool MayExist(Compilation compilation, bool sourceMayDeclare, CancellationToken cancellationToken)
            => (sourceMayDeclare && InSource(compilation, cancellationToken))
               || ReferenceSet.Of(compilation).Derived("GatedInterfaces.InReferences", () => InReferences(compilation, cancellationToken)).Value;

        // Every gate's name has "Gate" in it (GateNaming): asking the declaration table by name reads no source, but
        // visits the name of every type; kept for the compilations with the same files (each open file's analysis has
        // its own copy of the compilation).
        private static bool InSource(Compilation compilation, CancellationToken cancellationToken)
            => SourceSet.Of(compilation).Derived(
                "GatedInterfaces.NamedLikeAGate",
                () => new StrongBox<bool>(compilation.ContainsSymbolsWithName(name => name.IndexOf("Gate", StringComparison.Ordinal) >= 0, SymbolFilter.Type, cancellationToken)))
                .Value;

        private static StrongBox<bool> InReferences(Compilation compilation, CancellationToken cancellationToken)
        {
            foreach (var assembly in ReferenceSet.Of(compilation).Assemblies)
            {
                if (assembly.References("Presence.Abstractions") && DeclaresGatedInterface(assembly.GlobalNamespace, cancellationToken))
                {
                    return new StrongBox<bool>(true);
                }
            }

            return new StrongBox<bool>(false);
        }

        private static bool DeclaresGatedInterface(INamespaceOrTypeSymbol container, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var member in container.GetMembers())
            {
                switch (member)
                {
                    case INamespaceSymbol ns when DeclaresGatedInterface(ns, cancellationToken):
                        return true;
                    case INamedTypeSymbol { TypeKind: TypeKind.Interface } type when GateShape.IsGatedInterface(type):
                        return true;
                    case INamedTypeSymbol type when DeclaresGatedInterface(type, cancellationToken):
                        return true;
                }
            }

            return false;
        }
    }
}
