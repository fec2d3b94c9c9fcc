using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Presence.Approvals.EntityFrameworkCore
{
    /// <summary>
    /// The audit trail in the database: each event is written before the operation that caused it returns (the ledger
    /// calls <see cref="Write"/> synchronously), so a redeem that returned a token has its event stored. No content is
    /// written here: fingerprints, ids, people, times.
    /// </summary>
    public sealed class EntityFrameworkApprovalAuditSink : IApprovalAuditSink, IApprovalAuditReader
    {
        private const int ReadBatch = 200;

        private readonly ApprovalsContextSource _contexts;
        private readonly ApprovalSchema _schema;

        /// <summary>Creates the sink.</summary>
        /// <param name="contexts">Where contexts come from.</param>
        /// <param name="schema">Makes sure the tables exist and are current.</param>
        public EntityFrameworkApprovalAuditSink(ApprovalsContextSource contexts, ApprovalSchema schema)
        {
            _contexts = contexts ?? throw new ArgumentNullException(nameof(contexts));
            _schema = schema ?? throw new ArgumentNullException(nameof(schema));
        }

        /// <inheritdoc/>
        public void Write(ApprovalAuditEvent auditEvent)
        {
            if (auditEvent is null)
            {
                throw new ArgumentNullException(nameof(auditEvent));
            }

            _schema.Ensure();
            using var lease = _contexts.Open();
            lease.Audit.Add(RowMapping.ToRow(auditEvent));
            lease.Context.SaveChanges();
        }

        /// <inheritdoc/>
        public async Task<IReadOnlyList<ApprovalAuditEvent>> ReadAsync(ApprovalAuditQuery query, CancellationToken cancellationToken = default)
        {
            if (query is null)
            {
                throw new ArgumentNullException(nameof(query));
            }

            await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
            using var lease = _contexts.Open();
            IQueryable<AuditEventRow> rows = lease.Audit.AsNoTracking();
            if (query.RequestId is { } requestId)
            {
                rows = rows.Where(e => e.RequestId == requestId);
            }

            if (query.Kind is { } kind)
            {
                var value = (int)kind;
                rows = rows.Where(e => e.Kind == value);
            }

            if (query.Channel is { } channel)
            {
                rows = rows.Where(e => e.Channel == channel);
            }

            if (query.From is { } from)
            {
                var utc = RowMapping.ToUtc(from);
                rows = rows.Where(e => e.At >= utc);
            }

            if (query.Until is { } until)
            {
                var utc = RowMapping.ToUtc(until);
                rows = rows.Where(e => e.At < utc);
            }

            rows = rows.OrderBy(e => e.Id);
            if (query.Actor is null && query.Limit is { } sqlLimit)
            {
                rows = rows.Take(sqlLimit);
            }

            var events = await ReadEventsAsync(lease, rows, cancellationToken).ConfigureAwait(false);

            // People compare case-insensitively everywhere in the ledger; databases disagree on collation, so this
            // filter (and the limit after it) runs here.
            var matching = query.Actor is null ? events : events.Where(query.Matches);
            return (query.Limit is { } limit ? matching.Take(limit) : matching).ToList();
        }

        /// <summary>
        /// The rows as events. A row that cannot be read (a time that is not one, reviewers that are not JSON) becomes an
        /// <see cref="ApprovalAuditEventKind.Unreadable"/> event in its place, naming its id and what is wrong, so one
        /// damaged row never hides the rest of the trail. After a failed read the rows are read again in batches, and a
        /// failing batch row by row.
        /// </summary>
        private static async Task<List<ApprovalAuditEvent>> ReadEventsAsync(ApprovalsContextSource.Lease lease, IQueryable<AuditEventRow> rows, CancellationToken cancellationToken)
        {
            try
            {
                return (await rows.ToListAsync(cancellationToken).ConfigureAwait(false)).Select(ToEvent).ToList();
            }
            catch (Exception e) when (UnreadableValues.Is(e))
            {
            }

            var events = new List<ApprovalAuditEvent>();
            var ids = await rows.Select(r => r.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
            for (var start = 0; start < ids.Count; start += ReadBatch)
            {
                var batch = ids.GetRange(start, Math.Min(ReadBatch, ids.Count - start));
                try
                {
                    var read = await lease.Audit.AsNoTracking().Where(r => batch.Contains(r.Id)).OrderBy(r => r.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
                    events.AddRange(read.Select(ToEvent));
                    continue;
                }
                catch (Exception e) when (UnreadableValues.Is(e))
                {
                }

                foreach (var id in batch)
                {
                    var one = lease.Audit.AsNoTracking().Where(r => r.Id == id);
                    try
                    {
                        events.AddRange((await one.ToListAsync(cancellationToken).ConfigureAwait(false)).Select(ToEvent));
                    }
                    catch (Exception e) when (UnreadableValues.Is(e))
                    {
                        var column = await UnreadableValues.ColumnAsync(lease.Context, one, cancellationToken).ConfigureAwait(false);
                        var known = await one.Select(r => new { r.RequestId, r.Channel }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
                        events.Add(Unreadable(id, known?.RequestId, known?.Channel, UnreadableValues.Describe(column, e)));
                    }
                }
            }

            return events;
        }

        private static ApprovalAuditEvent ToEvent(AuditEventRow row)
        {
            try
            {
                return RowMapping.ToEvent(row);
            }
            catch (ApprovalStoreCorruptException e)
            {
                return Unreadable(row.Id, row.RequestId, row.Channel, e.InnerException is System.Text.Json.JsonException ? "the column reviewers is not a JSON list of names" : "the column fingerprint is malformed", row.At);
            }
        }

        private static ApprovalAuditEvent Unreadable(long id, string? requestId, string? channel, string problem, DateTime? at = null)
            => new ApprovalAuditEvent(
                ApprovalAuditEventKind.Unreadable,
                at is { } utc ? RowMapping.FromUtc(utc) : DateTimeOffset.MinValue,
                requestId,
                actor: null,
                default,
                channel,
                detail: $"audit row {id.ToString(System.Globalization.CultureInfo.InvariantCulture)} of presence_approval_audit cannot be read: {problem}; repair or restore it from a backup");
    }
}
