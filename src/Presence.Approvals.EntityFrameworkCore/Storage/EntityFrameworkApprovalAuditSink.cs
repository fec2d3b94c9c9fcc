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

            var events = (await rows.ToListAsync(cancellationToken).ConfigureAwait(false)).Select(RowMapping.ToEvent);

            // People compare case-insensitively everywhere in the ledger; databases disagree on collation, so this
            // filter (and the limit after it) runs here.
            var matching = query.Actor is null ? events : events.Where(query.Matches);
            return (query.Limit is { } limit ? matching.Take(limit) : matching).ToList();
        }
    }
}
