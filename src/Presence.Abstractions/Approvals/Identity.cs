#nullable enable
using System;
using System.Collections.Generic;

namespace Presence
{
    /// <summary>
    /// People are named by strings the application supplies (user names, e-mail addresses). They are trimmed when
    /// they enter the ledger and compare case-insensitively, so "Alice " cannot approve a post by "alice" as if she
    /// were someone else.
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
