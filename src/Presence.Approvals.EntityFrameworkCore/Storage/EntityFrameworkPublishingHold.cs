using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Presence.Approvals.EntityFrameworkCore
{
    /// <summary>
    /// The publishing hold in the database every instance shares, with its history. Read at every redeem, so a hold
    /// engaged in the web app stops the workers' next redeem.
    /// </summary>
    /// <remarks>
    /// Each hold period has a number one higher than the last; engaging inserts the next number, so of two instances
    /// engaging at once one wins and the other sees the hold already engaged. Releasing is a conditional update of the
    /// active period.
    /// </remarks>
    public sealed class EntityFrameworkPublishingHold : IPublishingHold
    {
        private const int MaxEngageAttempts = 8;

        private readonly ApprovalsContextSource _contexts;
        private readonly ApprovalSchema _schema;
        private readonly IApprovalAuditSink? _audit;
        private readonly Func<DateTimeOffset> _clock;

        /// <summary>Creates the hold.</summary>
        /// <param name="contexts">Where contexts come from.</param>
        /// <param name="schema">Makes sure the tables exist and are current.</param>
        /// <param name="audit">Receives hold changes; optional.</param>
        /// <param name="clock">The current time; the ledger's clock.</param>
        public EntityFrameworkPublishingHold(ApprovalsContextSource contexts, ApprovalSchema schema, IApprovalAuditSink? audit, Func<DateTimeOffset> clock)
        {
            _contexts = contexts ?? throw new ArgumentNullException(nameof(contexts));
            _schema = schema ?? throw new ArgumentNullException(nameof(schema));
            _audit = audit;
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        }

        /// <inheritdoc/>
        public async Task<HoldPeriod?> GetCurrentAsync(CancellationToken cancellationToken = default)
        {
            await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
            using var lease = _contexts.Open();
            var row = await Readable(() => lease.Holds.AsNoTracking().Where(h => h.Until == null).OrderByDescending(h => h.Number).FirstOrDefaultAsync(cancellationToken)).ConfigureAwait(false);
            return row is null ? null : RowMapping.ToPeriod(row);
        }

        /// <inheritdoc/>
        public async Task<IReadOnlyList<HoldPeriod>> GetHistoryAsync(CancellationToken cancellationToken = default)
        {
            await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
            using var lease = _contexts.Open();
            var rows = await Readable(() => lease.Holds.AsNoTracking().OrderBy(h => h.Number).ToListAsync(cancellationToken)).ConfigureAwait(false);
            return rows.Select(RowMapping.ToPeriod).ToList();
        }

        /// <inheritdoc/>
        public async Task<IReadOnlyList<HoldPeriod>> GetPeriodsSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
        {
            await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
            using var lease = _contexts.Open();
            var rows = await Readable(() => Since(lease, since).ToListAsync(cancellationToken)).ConfigureAwait(false);
            return rows.Select(RowMapping.ToPeriod).ToList();
        }

        /// <inheritdoc/>
        public IReadOnlyList<HoldPeriod> GetPeriodsSince(DateTimeOffset since)
        {
            _schema.Ensure();
            using var lease = _contexts.Open();
            List<HoldPeriodRow> rows;
            try
            {
                rows = Since(lease, since).ToList();
            }
            catch (Exception e) when (IsUnreadableValue(e))
            {
                throw Unreadable(e);
            }

            return rows.Select(RowMapping.ToPeriod).ToList();
        }

        /// <inheritdoc/>
        public async Task<bool> EngageAsync(string reason, string by, CancellationToken cancellationToken = default)
        {
            var period = new HoldPeriod(reason, by, _clock());
            await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
            for (var attempt = 0; attempt < MaxEngageAttempts; attempt++)
            {
                using var lease = _contexts.Open();
                var last = await lease.Holds.AsNoTracking().OrderByDescending(h => h.Number).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
                if (last is { Until: null })
                {
                    return false;
                }

                lease.Holds.Add(new HoldPeriodRow
                {
                    Number = (last?.Number ?? 0) + 1,
                    Reason = period.Reason,
                    EngagedBy = period.EngagedBy,
                    Since = RowMapping.ToUtc(period.Since),
                });
                try
                {
                    await lease.Context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (DbUpdateException)
                {
                    // Another instance wrote that number first: read again (it probably engaged the hold).
                    continue;
                }

                _audit?.Write(new ApprovalAuditEvent(ApprovalAuditEventKind.HoldEngaged, period.Since, null, period.EngagedBy, default, detail: period.Reason));
                return true;
            }

            throw new InvalidOperationException($"Could not engage the publishing hold after {MaxEngageAttempts} attempts: presence_publishing_holds keeps changing under this instance.");
        }

        /// <inheritdoc/>
        public async Task<bool> ReleaseAsync(string by, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(by))
            {
                throw new ArgumentException("Who releases the publishing hold is required and must not be empty or whitespace.", nameof(by));
            }

            by = by.Trim();
            await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
            using var lease = _contexts.Open();
            var active = await lease.Holds.AsNoTracking().Where(h => h.Until == null).OrderByDescending(h => h.Number).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (active is null)
            {
                return false;
            }

            var now = RowMapping.ToUtc(_clock());
            var until = now < active.Since ? active.Since : now;
            var number = active.Number;
            var released = await lease.Holds
                .Where(h => h.Number == number && h.Until == null)
                .ExecuteUpdateAsync(set => set.SetProperty(h => h.Until, until).SetProperty(h => h.ReleasedBy, by), cancellationToken)
                .ConfigureAwait(false);
            if (released != 1)
            {
                return false;
            }

            _audit?.Write(new ApprovalAuditEvent(ApprovalAuditEventKind.HoldReleased, RowMapping.FromUtc(until), null, by, default, detail: active.Reason));
            return true;
        }

        /// <summary>
        /// Reads hold rows. A value the provider cannot convert (a date that is not one, in SQLite's text columns) makes
        /// the hold untrusted, which the ledger turns into a refusal; the provider's message is left out, as it quotes the value.
        /// </summary>
        private static async Task<T> Readable<T>(Func<Task<T>> read)
        {
            try
            {
                return await read().ConfigureAwait(false);
            }
            catch (Exception e) when (IsUnreadableValue(e))
            {
                throw Unreadable(e);
            }
        }

        private static bool IsUnreadableValue(Exception e) => e is FormatException || e is InvalidCastException || e is OverflowException;

        private static ApprovalStoreCorruptException Unreadable(Exception e)
            => new ApprovalStoreCorruptException($"The publishing hold in presence_publishing_holds cannot be read: a column holds a value that cannot be read as its type ({e.GetType().Name}).", e);

        private static IQueryable<HoldPeriodRow> Since(ApprovalsContextSource.Lease lease, DateTimeOffset since)
        {
            var cutOff = RowMapping.ToUtc(since);
            return lease.Holds.AsNoTracking().Where(h => h.Until == null || h.Until > cutOff).OrderBy(h => h.Number);
        }
    }
}
