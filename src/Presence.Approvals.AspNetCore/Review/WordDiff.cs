using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Presence
{
    /// <summary>A word-level diff of two revisions of a post, for reviewers: what was removed, what was added.</summary>
    internal static class WordDiff
    {
        // Words carry their trailing white space, so a changed phrase reads as one deletion and one insertion.
        // Beyond this many words per side the table would need millions of cells: reviewers get both texts instead.
        internal const int MaxWords = 2000;

        private static readonly Regex Tokens = new Regex(@"^\s+|\S+\s*", RegexOptions.CultureInvariant);

        public enum Kind
        {
            Same,
            Removed,
            Added,
        }

        /// <summary>The pieces of the diff in reading order; null when a side is too long to compare.</summary>
        public static IReadOnlyList<(Kind Kind, string Text)>? Compare(string before, string after)
        {
            var a = Split(before);
            var b = Split(after);
            if (a.Count > MaxWords || b.Count > MaxWords)
            {
                return null;
            }

            // Longest common subsequence, filled from the end so the walk below goes forward.
            var lcs = new int[a.Count + 1, b.Count + 1];
            for (var i = a.Count - 1; i >= 0; i--)
            {
                for (var j = b.Count - 1; j >= 0; j--)
                {
                    lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : System.Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
                }
            }

            var pieces = new List<(Kind, string)>();
            int x = 0, y = 0;
            while (x < a.Count || y < b.Count)
            {
                if (x < a.Count && y < b.Count && a[x] == b[y])
                {
                    Add(pieces, Kind.Same, a[x++]);
                    y++;
                }
                else if (y < b.Count && (x == a.Count || lcs[x, y + 1] >= lcs[x + 1, y]))
                {
                    Add(pieces, Kind.Added, b[y++]);
                }
                else
                {
                    Add(pieces, Kind.Removed, a[x++]);
                }
            }

            return pieces;
        }

        private static List<string> Split(string text)
        {
            var words = new List<string>();
            foreach (Match match in Tokens.Matches(text))
            {
                words.Add(match.Value);
            }

            return words;
        }

        private static void Add(List<(Kind Kind, string Text)> pieces, Kind kind, string text)
        {
            if (pieces.Count > 0 && pieces[pieces.Count - 1].Kind == kind)
            {
                pieces[pieces.Count - 1] = (kind, pieces[pieces.Count - 1].Text + text);
            }
            else
            {
                pieces.Add((kind, text));
            }
        }
    }
}
