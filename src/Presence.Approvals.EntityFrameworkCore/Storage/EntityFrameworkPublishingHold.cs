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
        /// <exception cref="ApprovalStoreCorruptException">A row of the history cannot be read.</exception>
        public async Task<HoldPeriod?> GetCurrentAsync(CancellationToken cancellationToken = default)
        {
            var history = await GetHistoryAsync(cancellationToken).ConfigureAwait(false);
            return history.Count > 0 && history[history.Count - 1].IsActive ? history[history.Count - 1] : null;
        }

        /// <inheritdoc/>
        /// <exception cref="ApprovalStoreCorruptException">A row of the history cannot be read.</exception>
        public async Task<IReadOnlyList<HoldPeriod>> GetHistoryAsync(CancellationToken cancellationToken = default)
        {
            await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
            using var lease = _contexts.Open();
            var rows = await Readable(lease, () => lease.Holds.AsNoTracking().OrderBy(h => h.Number).ToListAsync(cancellationToken)).ConfigureAwait(false);
            return ToHistory(rows);
        }

        /// <inheritdoc/>
        /// <remarks>
        /// Reads the whole history, not only the periods that matter: a damaged row anywhere makes the hold untrusted, so
        /// an edit that only a filter in SQL would have skipped (a release time that is not a date, a number out of order)
        /// still refuses every redeem. Hold periods are few (each one is a person's decision), so this stays one small read.
        /// </remarks>
        /// <exception cref="ApprovalStoreCorruptException">A row of the history cannot be read.</exception>
        public async Task<IReadOnlyList<HoldPeriod>> GetPeriodsSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
            => Since(await GetHistoryAsync(cancellationToken).ConfigureAwait(false), since);

        /// <inheritdoc/>
        /// <exception cref="ApprovalStoreCorruptException">A row of the history cannot be read.</exception>
        public IReadOnlyList<HoldPeriod> GetPeriodsSince(DateTimeOffset since)
        {
            _schema.Ensure();
            using var lease = _contexts.Open();
            List<HoldPeriodRow> rows;
            try
            {
                rows = lease.Holds.AsNoTracking().OrderBy(h => h.Number).ToList();
            }
            catch (Exception e) when (UnreadableValues.Is(e))
            {
                // Only after a failed read, to name the column: the gate spends tokens synchronously.
                throw Unreadable(UnreadableValues.ColumnAsync(lease.Context, lease.Holds.AsNoTracking(), CancellationToken.None).GetAwaiter().GetResult(), e);
            }

            return Since(ToHistory(rows), since);
        }

        /// <inheritdoc/>
        public async Task<bool> EngageAsync(string reason, string by, CancellationToken cancellationToken = default)
        {
            var period = new HoldPeriod(reason, by, _clock());
            await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
            for (var attempt = 0; attempt < MaxEngageAttempts; attempt++)
            {
                using var lease = _contexts.Open();
                // Only the number and whether the period is over, both decided in SQL: a damaged row of the history
                // (a date that is not one, an empty reason) must never stop anyone from pulling the emergency stop.
                var last = await lease.Holds.AsNoTracking().OrderByDescending(h => h.Number)
                    .Select(h => new { h.Number, Active = h.Until == null })
                    .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
                if (last is { Active: true })
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
            var active = await Readable(lease, () => lease.Holds.AsNoTracking().Where(h => h.Until == null).OrderByDescending(h => h.Number).FirstOrDefaultAsync(cancellationToken)).ConfigureAwait(false);
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
        private static async Task<T> Readable<T>(ApprovalsContextSource.Lease lease, Func<Task<T>> read)
        {
            try
            {
                return await read().ConfigureAwait(false);
            }
            catch (Exception e) when (UnreadableValues.Is(e))
            {
                throw Unreadable(await UnreadableValues.ColumnAsync(lease.Context, lease.Holds.AsNoTracking(), CancellationToken.None).ConfigureAwait(false), e);
            }
        }

        private static ApprovalStoreCorruptException Unreadable(string? column, Exception e)
            => new ApprovalStoreCorruptException($"The publishing hold in presence_publishing_holds cannot be read: {UnreadableValues.Describe(column, e)}.", e);

        /// <summary>The rows as periods; a row that is not a valid period makes the whole history untrusted.</summary>
        private static List<HoldPeriod> ToHistory(List<HoldPeriodRow> rows) => rows.Select(RowMapping.ToPeriod).ToList();

        private static IReadOnlyList<HoldPeriod> Since(IReadOnlyList<HoldPeriod> history, DateTimeOffset since)
        {
            var cutOff = RowMapping.FromUtc(RowMapping.ToUtc(since));
            return history.Where(h => h.Until is null || h.Until > cutOff).ToList();
        }
    }
}
