#nullable enable
using System;

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
}
