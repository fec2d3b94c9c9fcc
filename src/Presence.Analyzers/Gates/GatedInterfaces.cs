using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Presence.Gates;

namespace Presence.Analyzers.Gates
{
    /// <summary>
    /// Whether a compilation can call a gated method at all, decided at compilation start without reading the source:
    /// a gate exists only where the gate generator wrote one (its output is part of the compilation, a type named
    /// "...Gate") or in a referenced assembly that references Presence.Abstractions and declares a
    /// [GeneratePublisherGate] interface.
    /// </summary>
    internal static class GatedInterfaces
    {
        public static bool MayExist(Compilation compilation, CancellationToken cancellationToken)
        {
            // Every gate's name has "Gate" in it (GateNaming): asking the declaration table by name reads no source.
            if (compilation.ContainsSymbolsWithName(name => name.IndexOf("Gate", StringComparison.Ordinal) >= 0, SymbolFilter.Type, cancellationToken))
            {
                return true;
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
