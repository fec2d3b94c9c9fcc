#nullable enable
using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Presence
{
    /// <summary>
    /// The requests whose token was spent, per store that minted them (the token's authority): what makes a token single
    /// use whatever copy of it is presented. A request is redeemed once (the store's conditional update), so its id
    /// names exactly one token. Entries are forgotten once the token has expired, since an expired token is refused anyway.
    /// </summary>
    internal sealed class SpentApprovals
    {
        private const int FirstSweep = 1024;

        private static readonly ConditionalWeakTable<object, SpentApprovals> ByAuthority = new ConditionalWeakTable<object, SpentApprovals>();

        private readonly object _gate = new object();
        private readonly Dictionary<string, DateTimeOffset> _spent = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        private int _sweepAt = FirstSweep;

        /// <summary>The spent requests of the store <paramref name="authority"/>, shared by every ledger over it.</summary>
        public static SpentApprovals Of(object authority) => ByAuthority.GetValue(authority, _ => new SpentApprovals());

        /// <summary>Records the token of <paramref name="requestId"/> as spent; <c>true</c> only the first time.</summary>
        public bool TrySpend(string requestId, DateTimeOffset expiresAt, DateTimeOffset now)
        {
            lock (_gate)
            {
                if (_spent.Count >= _sweepAt)
                {
                    Sweep(now);
                }

                if (_spent.ContainsKey(requestId))
                {
                    return false;
                }

                _spent.Add(requestId, expiresAt);
                return true;
            }
        }

        /// <summary>Whether the token of <paramref name="requestId"/> was spent (and has not expired since).</summary>
        public bool IsSpent(string requestId)
        {
            lock (_gate)
            {
                return _spent.ContainsKey(requestId);
            }
        }

        private void Sweep(DateTimeOffset now)
        {
            var expired = new List<string>();
            foreach (var entry in _spent)
            {
                if (now >= entry.Value)
                {
                    expired.Add(entry.Key);
                }
            }

            foreach (var id in expired)
            {
                _spent.Remove(id);
            }

            _sweepAt = Math.Max(FirstSweep, _spent.Count * 2);
        }
    }
}
