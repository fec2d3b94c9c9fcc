#nullable enable
using System;

namespace Presence
{
    /// <summary>One period during which a <see cref="PublishingHold"/> was (or still is) engaged.</summary>
    public sealed class HoldPeriod
    {
        /// <summary>Describes a hold period (use this to restore a hold's history after a restart).</summary>
        /// <param name="reason">Why publishing was stopped.</param>
        /// <param name="engagedBy">Who stopped it.</param>
        /// <param name="since">When it was stopped.</param>
        /// <param name="releasedBy">Who resumed publishing; null while the hold is active.</param>
        /// <param name="until">When publishing resumed; null while the hold is active.</param>
        /// <exception cref="ArgumentException">The reason or actor is empty, or only one of <paramref name="releasedBy"/> and <paramref name="until"/> is given.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="until"/> is before <paramref name="since"/>.</exception>
        public HoldPeriod(string reason, string engagedBy, DateTimeOffset since, string? releasedBy = null, DateTimeOffset? until = null)
        {
            Reason = Require.Text(reason, nameof(reason), "The reason for a publishing hold");
            EngagedBy = Require.Text(engagedBy, nameof(engagedBy), "Who engaged the publishing hold");
            Since = since;
            if ((releasedBy is null) != (until is null))
            {
                throw new ArgumentException("A released hold period needs both who released it and when; an active one neither.", releasedBy is null ? nameof(releasedBy) : nameof(until));
            }

            if (until < since)
            {
                throw new ArgumentOutOfRangeException(nameof(until), until, "A hold period cannot end before it began.");
            }

            ReleasedBy = releasedBy is null ? null : Require.Text(releasedBy, nameof(releasedBy), "Who released the publishing hold");
            Until = until;
        }

        /// <summary>Why publishing was stopped.</summary>
        public string Reason { get; }

        /// <summary>Who stopped it.</summary>
        public string EngagedBy { get; }

        /// <summary>When it was stopped.</summary>
        public DateTimeOffset Since { get; }

        /// <summary>Who resumed publishing; null while the hold is active.</summary>
        public string? ReleasedBy { get; }

        /// <summary>When publishing resumed (exclusive); null while the hold is active.</summary>
        public DateTimeOffset? Until { get; }

        /// <summary>Whether this period is still going on.</summary>
        public bool IsActive => Until is null;

        /// <summary>Describes the period.</summary>
        /// <returns>The description.</returns>
        public override string ToString()
            => $"held by {EngagedBy} since {Since:O}{(Until is null ? string.Empty : $" until {Until:O} (released by {ReleasedBy})")}: {Reason}";

        /// <summary>Whether the hold was on at any moment from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
        internal bool Overlaps(DateTimeOffset from, DateTimeOffset to) => Since <= to && (Until is null || Until > from);

        internal HoldPeriod ReleasedAt(DateTimeOffset at, string by) => new HoldPeriod(Reason, EngagedBy, Since, by, at < Since ? Since : at);
    }
}
