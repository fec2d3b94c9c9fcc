#nullable enable
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Presence
{
    /// <summary>
    /// The switch that stops all deferred publishing at once, when the world changed (a tragedy, a crisis, a
    /// mistake being investigated), kept in process memory. Thread-safe. For several processes, use the database-backed
    /// hold of the durable store (<c>services.AddPresenceApprovals(...)</c>).
    /// </summary>
    /// <remarks>
    /// While the hold is engaged, <see cref="ApprovalLedger"/> redeems nothing and gates publish nothing. Releasing it
    /// does not let the backlog out: a post that fell due while the hold was engaged needs a fresh decision, so
    /// nothing written for the world before the crisis goes out in a burst after it. Engaging requires a reason and
    /// who is responsible, and both changes are written to the audit sink. The hold lives in process memory: it is lost
    /// when the process ends and is not seen by other processes; pass a history to the constructor to restore one.
    /// </remarks>
    public sealed class PublishingHold : IPublishingHold
    {
        private readonly object _gate = new object();
        private readonly List<HoldPeriod> _periods;
        private readonly IApprovalAuditSink? _audit;
        private readonly Func<DateTimeOffset> _clock;

        /// <summary>Creates a hold that is not engaged, or restores one from its history.</summary>
        /// <param name="audit">Receives <see cref="ApprovalAuditEventKind.HoldEngaged"/> and <see cref="ApprovalAuditEventKind.HoldReleased"/>; optional.</param>
        /// <param name="clock">The current time; defaults to <see cref="DateTimeOffset.UtcNow"/>. Use the ledger's clock.</param>
        /// <param name="history">Past periods, oldest first; only the last may still be active.</param>
        /// <exception cref="ArgumentException">The history is out of order, or a period other than the last is still active.</exception>
        public PublishingHold(IApprovalAuditSink? audit = null, Func<DateTimeOffset>? clock = null, IEnumerable<HoldPeriod>? history = null)
        {
            _audit = audit;
            _clock = clock ?? (() => DateTimeOffset.UtcNow);
            _periods = history?.ToList() ?? new List<HoldPeriod>();
            for (var i = 0; i < _periods.Count; i++)
            {
                Require.NotNull(_periods[i], nameof(history));
                if (i > 0 && (_periods[i - 1].IsActive || _periods[i].Since < _periods[i - 1].Until))
                {
                    throw new ArgumentException("Hold periods must be given oldest first, not overlapping, and only the last may still be active.", nameof(history));
                }
            }
        }

        /// <summary>Whether publishing is stopped now.</summary>
        public bool IsActive => Current is not null;

        /// <summary>The hold now in force (reason, who, since when); null when publishing is allowed.</summary>
        public HoldPeriod? Current
        {
            get
            {
                lock (_gate)
                {
                    return _periods.Count > 0 && _periods[_periods.Count - 1].IsActive ? _periods[_periods.Count - 1] : null;
                }
            }
        }

        /// <summary>Every hold period so far, oldest first, the active one (if any) last.</summary>
        public IReadOnlyList<HoldPeriod> Periods
        {
            get
            {
                lock (_gate)
                {
                    return _periods.ToArray();
                }
            }
        }

        /// <summary>Stops all deferred publishing until <see cref="Release"/>.</summary>
        /// <param name="reason">Why, for the people who will ask (required).</param>
        /// <param name="by">Who is responsible (required).</param>
        /// <returns><c>true</c> if this call engaged the hold; <c>false</c> if it was already engaged (its reason stands).</returns>
        /// <exception cref="ArgumentException">The reason or actor is missing or whitespace.</exception>
        public bool Engage(string reason, string by)
        {
            reason = Require.Text(reason, nameof(reason), "The reason for a publishing hold");
            by = Require.Text(by, nameof(by), "Who engages the publishing hold");
            HoldPeriod engaged;
            lock (_gate)
            {
                if (_periods.Count > 0 && _periods[_periods.Count - 1].IsActive)
                {
                    return false;
                }

                engaged = new HoldPeriod(reason, by, _clock());
                _periods.Add(engaged);
            }

            _audit?.Write(new ApprovalAuditEvent(ApprovalAuditEventKind.HoldEngaged, engaged.Since, null, by, default, detail: reason));
            return true;
        }

        /// <summary>
        /// Allows publishing again. Posts that fell due during the hold stay unpublished and need a fresh decision.
        /// </summary>
        /// <param name="by">Who is responsible (required).</param>
        /// <returns><c>true</c> if this call released the hold; <c>false</c> if none was engaged.</returns>
        /// <exception cref="ArgumentException">The actor is missing or whitespace.</exception>
        public bool Release(string by)
        {
            by = Require.Text(by, nameof(by), "Who releases the publishing hold");
            HoldPeriod released;
            lock (_gate)
            {
                var last = _periods.Count - 1;
                if (last < 0 || !_periods[last].IsActive)
                {
                    return false;
                }

                released = _periods[last].ReleasedAt(_clock(), by);
                _periods[last] = released;
            }

            _audit?.Write(new ApprovalAuditEvent(ApprovalAuditEventKind.HoldReleased, released.Until!.Value, null, by, default, detail: released.Reason));
            return true;
        }

        /// <summary>Whether the hold was engaged at this moment.</summary>
        /// <param name="at">The moment.</param>
        /// <returns><c>true</c> if a hold period covers it.</returns>
        public bool WasActiveAt(DateTimeOffset at) => WasActiveDuring(at, at);

        /// <summary>Whether the hold was engaged at any moment from <paramref name="from"/> to <paramref name="to"/> (both included).</summary>
        /// <param name="from">The start of the interval.</param>
        /// <param name="to">The end of the interval.</param>
        /// <returns><c>true</c> if a hold period overlaps the interval.</returns>
        public bool WasActiveDuring(DateTimeOffset from, DateTimeOffset to)
        {
            lock (_gate)
            {
                return _periods.Exists(period => period.Overlaps(from, to));
            }
        }

        /// <inheritdoc/>
        public Task<HoldPeriod?> GetCurrentAsync(CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(Current);
        }

        /// <inheritdoc/>
        public Task<IReadOnlyList<HoldPeriod>> GetHistoryAsync(CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(Periods);
        }

        /// <inheritdoc/>
        public Task<IReadOnlyList<HoldPeriod>> GetPeriodsSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(GetPeriodsSince(since));
        }

        /// <inheritdoc/>
        public IReadOnlyList<HoldPeriod> GetPeriodsSince(DateTimeOffset since)
        {
            lock (_gate)
            {
                return _periods.Where(period => period.IsActive || period.Until > since).ToArray();
            }
        }

        /// <inheritdoc/>
        public Task<bool> EngageAsync(string reason, string by, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(Engage(reason, by));
        }

        /// <inheritdoc/>
        public Task<bool> ReleaseAsync(string by, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(Release(by));
        }
    }
}
