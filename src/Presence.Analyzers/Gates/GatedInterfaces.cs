using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Presence.Gates;

namespace Presence.Analyzers.Gates
{
    /// <summary>
    /// Whether a compilation can call a gated method at all, decided at compilation start without reading the source:
    /// a gate exists only where the gate generator wrote one (its output is part of the compilation) or in a referenced
    /// assembly that references Presence.Abstractions and declares a [GeneratePublisherGate] interface.
    /// </summary>
    internal static class GatedInterfaces
    {
        // Generated trees are named after the generator's type: ".../Presence.Generators.Gates.PublisherGateGenerator/Acme.LinkedInPublisherGate.g.cs".
        private const string GeneratorTypeName = "Presence.Generators.Gates.PublisherGateGenerator";

        public static bool MayExist(Compilation compilation, CancellationToken cancellationToken)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (tree.FilePath.IndexOf(GeneratorTypeName, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            foreach (var reference in compilation.References)
            {
                if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly
                    && ReferencesAbstractions(assembly)
                    && DeclaresGatedInterface(assembly.GlobalNamespace, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool ReferencesAbstractions(IAssemblySymbol assembly)
        {
            foreach (var module in assembly.Modules)
            {
                foreach (var identity in module.ReferencedAssemblies)
                {
                    if (identity.Name == "Presence.Abstractions")
                    {
                        return true;
                    }
                }
            }

            return false;
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
