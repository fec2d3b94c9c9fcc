using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace Presence.Incremental
{
    /// <summary>An immutable array compared by its elements, so that models holding one are equatable (after CommunityToolkit.Mvvm).</summary>
    internal readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IEnumerable<T>
        where T : IEquatable<T>
    {
        private readonly T[]? _items;

        public EquatableArray(ImmutableArray<T> items)
        {
            _items = items.IsDefault ? null : ImmutableArrayCopy(items);
        }

        /// <summary>Wraps <paramref name="items"/> without a copy: the caller hands the array over and never changes it.</summary>
        public EquatableArray(T[] items)
        {
            _items = items;
        }

        public static EquatableArray<T> Empty => default;

        public int Count => _items?.Length ?? 0;

        public bool IsEmpty => Count == 0;

        public T this[int index] => _items![index];

        public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

        public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

        public bool Equals(EquatableArray<T> other)
        {
            var mine = _items ?? Array.Empty<T>();
            var theirs = other._items ?? Array.Empty<T>();
            if (mine.Length != theirs.Length)
            {
                return false;
            }

            for (var i = 0; i < mine.Length; i++)
            {
                if (!EqualityComparer<T>.Default.Equals(mine[i], theirs[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

        public override int GetHashCode()
        {
            var hash = 17;
            foreach (var item in _items ?? Array.Empty<T>())
            {
                hash = unchecked((hash * 31) + (item?.GetHashCode() ?? 0));
            }

            return hash;
        }

        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)(_items ?? Array.Empty<T>())).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private static T[] ImmutableArrayCopy(ImmutableArray<T> items)
        {
            var copy = new T[items.Length];
            items.CopyTo(copy);
            return copy;
        }
    }

    internal static class EquatableArray
    {
        public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items)
            where T : IEquatable<T>
            => new EquatableArray<T>(items.ToImmutableArray());
    }
}
