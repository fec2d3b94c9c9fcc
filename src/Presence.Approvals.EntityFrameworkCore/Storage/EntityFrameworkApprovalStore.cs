using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Presence.Approvals.EntityFrameworkCore
{
    /// <summary>
    /// <see cref="IApprovalStore"/> on Entity Framework Core: one row per request, and every change a conditional
    /// <c>UPDATE … WHERE id = @id AND version = @expected</c>, so the database, not a lock in one process, decides which
    /// of several concurrent redeems wins.
    /// </summary>
    public sealed class EntityFrameworkApprovalStore : IApprovalStore, IApprovalContentPurge
    {
        private static readonly int[] OpenStatuses = { (int)ApprovalStatus.Pending, (int)ApprovalStatus.Approved };

        private readonly ApprovalsContextSource _contexts;
        private readonly ApprovalSchema _schema;

        /// <summary>Creates the store.</summary>
        /// <param name="contexts">Where contexts come from.</param>
        /// <param name="schema">Makes sure the tables exist and are current before the first operation.</param>
        public EntityFrameworkApprovalStore(ApprovalsContextSource contexts, ApprovalSchema schema)
        {
            _contexts = contexts ?? throw new ArgumentNullException(nameof(contexts));
            _schema = schema ?? throw new ArgumentNullException(nameof(schema));
        }

        /// <inheritdoc/>
        /// <exception cref="ApprovalStoreCorruptException">The row cannot be trusted.</exception>
        public async Task<ApprovalRecord?> FindAsync(string requestId, CancellationToken cancellationToken)
        {
            await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
            using var lease = _contexts.Open();
            var row = await lease.Requests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken).ConfigureAwait(false);
            return row is null ? null : RowMapping.ToRecord(row);
        }

        /// <inheritdoc/>
        public async Task AddAsync(ApprovalRecord record, CancellationToken cancellationToken)
        {
            if (record is null)
            {
                throw new ArgumentNullException(nameof(record));
            }

            await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
            using var lease = _contexts.Open();
            lease.Requests.Add(RowMapping.ToRow(record));
            try
            {
                await lease.Context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException e)
            {
                if (await ExistsAsync(record.Id, cancellationToken).ConfigureAwait(false))
                {
                    throw new InvalidOperationException($"An approval request with id '{record.Id}' is already stored.", e);
                }

                throw;
            }
        }

        /// <inheritdoc/>
        public async Task<bool> TryUpdateAsync(ApprovalRecord record, long expectedVersion, CancellationToken cancellationToken)
        {
            if (record is null)
            {
                throw new ArgumentNullException(nameof(record));
            }

            await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
            var next = new ApprovalRequestRow();
            RowMapping.CopyChanging(record, next);
            using var lease = _contexts.Open();
            var id = record.Id;
            var updated = await lease.Requests
                .Where(r => r.Id == id && r.Version == expectedVersion)
                .ExecuteUpdateAsync(
                    set => set
                        .SetProperty(r => r.Status, next.Status)
                        .SetProperty(r => r.Decisions, next.Decisions)
                        .SetProperty(r => r.ApprovedAt, next.ApprovedAt)
                        .SetProperty(r => r.ExpiresAt, next.ExpiresAt)
                        .SetProperty(r => r.RedeemedAt, next.RedeemedAt)
                        .SetProperty(r => r.Summary, next.Summary)
                        .SetProperty(r => r.Content, next.Content)
                        .SetProperty(r => r.ContentType, next.ContentType)
                        .SetProperty(r => r.PublishOutcome, next.PublishOutcome)
                        .SetProperty(r => r.PublishOutcomeAt, next.PublishOutcomeAt)
                        .SetProperty(r => r.PublishOutcomeDetail, next.PublishOutcomeDetail)
                        .SetProperty(r => r.Version, next.Version),
                    cancellationToken)
                .ConfigureAwait(false);
            return updated == 1;
        }

        /// <inheritdoc/>
        /// <exception cref="ApprovalStoreCorruptException">A row in this status cannot be trusted.</exception>
        public async Task<IReadOnlyList<ApprovalRecord>> ListAsync(ApprovalStatus status, CancellationToken cancellationToken)
        {
            await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
            using var lease = _contexts.Open();
            var value = (int)status;
            var rows = await lease.Requests.AsNoTracking()
                .Where(r => r.Status == value)
                .OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return rows.Select(RowMapping.ToRecord).ToList();
        }

        /// <inheritdoc/>
        public async Task<int> PurgeContentAsync(DateTimeOffset submittedBefore, CancellationToken cancellationToken)
        {
            await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
            using var lease = _contexts.Open();
            var cutOff = RowMapping.ToUtc(submittedBefore);
            return await lease.Requests
                .Where(r => r.SubmittedAt < cutOff && !OpenStatuses.Contains(r.Status) && (r.Content != null || r.Summary != null))
                .ExecuteUpdateAsync(
                    set => set
                        .SetProperty(r => r.Content, (string?)null)
                        .SetProperty(r => r.ContentType, (string?)null)
                        .SetProperty(r => r.Summary, (string?)null)
                        .SetProperty(r => r.Version, r => r.Version + 1),
                    cancellationToken)
                .ConfigureAwait(false);
        }

        private async Task<bool> ExistsAsync(string id, CancellationToken cancellationToken)
        {
            using var lease = _contexts.Open();
            return await lease.Requests.AnyAsync(r => r.Id == id, cancellationToken).ConfigureAwait(false);
        }
    }
}
