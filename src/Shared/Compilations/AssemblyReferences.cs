using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Presence.Compilations
{
    /// <summary>Which assemblies an assembly was built against, by name (what can apply an attribute, call an SDK).</summary>
    internal static class AssemblyReferences
    {
        /// <summary>Whether a module of <paramref name="assembly"/> references an assembly named <paramref name="name"/>.</summary>
        public static bool References(this IAssemblySymbol assembly, string name)
        {
            foreach (var module in assembly.Modules)
            {
                foreach (var identity in module.ReferencedAssemblies)
                {
                    if (identity.Name == name)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Whether a module of <paramref name="assembly"/> references an assembly named one of <paramref name="names"/>.</summary>
        public static bool ReferencesAny(this IAssemblySymbol assembly, ICollection<string> names)
        {
            foreach (var module in assembly.Modules)
            {
                foreach (var identity in module.ReferencedAssemblies)
                {
                    if (names.Contains(identity.Name))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
