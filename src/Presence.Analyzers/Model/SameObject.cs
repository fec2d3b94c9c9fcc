using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Presence.Analyzers.Model
{
    /// <summary>
    /// Symbols compared by reference, for caches of one compilation: a definition is one object for the whole
    /// compilation, and the symbol comparer's hash was a third of each lookup; a second object for the same symbol
    /// costs one more entry, not a wrong answer.
    /// </summary>
    internal sealed class SameObject<T> : IEqualityComparer<T>
        where T : class
    {
        public static readonly SameObject<T> Instance = new SameObject<T>();

        public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

        public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
