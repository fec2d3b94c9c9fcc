#nullable enable
using System;
using System.Collections.Generic;

namespace Presence
{
    /// <summary>Argument checks with messages that say what to pass instead.</summary>
    internal static class Require
    {
        public static T NotNull<T>(T? value, string parameter)
            where T : class
            => value ?? throw new ArgumentNullException(parameter);

        /// <summary>Text that must say something: not null, empty or whitespace. Returned trimmed.</summary>
        public static string Text(string? value, string parameter, string what)
        {
            if (value is null)
            {
                throw new ArgumentNullException(parameter, $"{what} is required.");
            }

            if (string.IsNullOrWhiteSpace(value))
            {
                throw new ArgumentException($"{what} is required and must not be empty or whitespace.", parameter);
            }

            return value.Trim();
        }

        /// <summary>Optional text: null when it says nothing, trimmed otherwise.</summary>
        public static string? OptionalText(string? value)
            => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

        public static TimeSpan Positive(TimeSpan value, string parameter)
            => value > TimeSpan.Zero
                ? value
                : throw new ArgumentOutOfRangeException(parameter, value, "The duration must be longer than zero.");
    }

    /// <summary>
    /// People are named by strings the application supplies (user names, e-mail addresses). They compare trimmed
    /// and case-insensitively, so "Alice" cannot approve a post by "alice " as if she were someone else.
    /// </summary>
    internal static class Identity
    {
        public static readonly StringComparer Comparer = StringComparer.OrdinalIgnoreCase;

        public static bool Same(string a, string b) => Comparer.Equals(a, b);

        public static bool Contains(IEnumerable<string> people, string person)
        {
            foreach (var candidate in people)
            {
                if (Same(candidate, person))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
