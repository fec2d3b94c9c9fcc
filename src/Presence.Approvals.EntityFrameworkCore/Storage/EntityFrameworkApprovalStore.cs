using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Presence.Approvals.EntityFrameworkCore
{
    /// <summary>
    /// <see cref="IApprovalStore"/> on Entity Framework Core: one row per request, and every change a conditional
    /// <c>UPDATE … WHERE id = @id AND version = @expected</c>, so the database, not a lock in one process, decides which
    /// of several concurrent redeems wins.
    /// </summary>
    /// <remarks>
    /// A row it cannot trust is never turned into a record: <see cref="FindAsync"/> throws
    /// <see cref="ApprovalStoreCorruptException"/> naming it (the ledger turns that into an <c>Untrusted</c> refusal),
    /// and <see cref="ListAsync"/> leaves it out with a warning in the log, so that the healthy requests stay usable;
    /// <see cref="ListUntrustedAsync"/> lists the open ones.
    /// </remarks>
    public sealed class EntityFrameworkApprovalStore : IApprovalStore, IApprovalContentPurge, IUntrustedApprovalRequests
    {
        private static readonly int[] OpenStatuses = { (int)ApprovalStatus.Pending, (int)ApprovalStatus.Approved };

        private readonly ApprovalsContextSource _contexts;
        private readonly ApprovalSchema _schema;
        private readonly ILogger _logger;
        private volatile bool _resealed;

        /// <summary>Creates the store.</summary>
        /// <param name="contexts">Where contexts come from.</param>
        /// <param name="schema">Makes sure the tables exist and are current before the first operation.</param>
        public EntityFrameworkApprovalStore(ApprovalsContextSource contexts, ApprovalSchema schema)
            : this(contexts, schema, null)
        {
        }

        /// <summary>Creates the store, logging the rows it leaves out of lists because it cannot trust them.</summary>
        /// <param name="contexts">Where contexts come from.</param>
        /// <param name="schema">Makes sure the tables exist and are current before the first operation.</param>
        /// <param name="logger">Where warnings about untrusted rows go (request id and problem, never content); none when null.</param>
        public EntityFrameworkApprovalStore(ApprovalsContextSource contexts, ApprovalSchema schema, ILogger<EntityFrameworkApprovalStore>? logger)
        {
            _contexts = contexts ?? throw new ArgumentNullException(nameof(contexts));
            _schema = schema ?? throw new ArgumentNullException(nameof(schema));
            _logger = (ILogger?)logger ?? NullLogger.Instance;
        }

        /// <inheritdoc/>
        /// <exception cref="ApprovalStoreCorruptException">The row cannot be trusted.</exception>
        public async Task<ApprovalRecord?> FindAsync(string requestId, CancellationToken cancellationToken)
        {
            await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
            var row = await ReadRowAsync(requestId, cancellationToken).ConfigureAwait(false);
            return row is null ? null : RowMapping.ToRecord(row);
        }

        /// <inheritdoc/>
        public async Task AddAsync(ApprovalRecord record, CancellationToken cancellationToken)
        {
            if (record is null)
            {
                throw new ArgumentNullException(nameof(record));
            }

            await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
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

            await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
            // The seal covers the status, decisions and times a change alters, so it is written with them.
            var next = RowMapping.ToRow(record);
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
                        .SetProperty(r => r.Seal, next.Seal)
                        .SetProperty(r => r.Version, next.Version),
                    cancellationToken)
                .ConfigureAwait(false);
            return updated == 1;
        }

        /// <inheritdoc/>
        /// <remarks>A row that cannot be trusted is left out, with a warning in the log naming it; see <see cref="ListUntrustedAsync"/>.</remarks>
        public async Task<IReadOnlyList<ApprovalRecord>> ListAsync(ApprovalStatus status, CancellationToken cancellationToken)
        {
            var value = (int)status;
            var records = new List<ApprovalRecord>();
            foreach (var (record, untrusted) in await ReadCheckedAsync(r => r.Status == value, cancellationToken).ConfigureAwait(false))
            {
                if (record is not null)
                {
                    records.Add(record);
                }
                else
                {
                    _logger.LogWarning("Approval request {RequestId} is left out of the {Status} requests: {Problem}.", untrusted!.RequestId, status, untrusted.Problem);
                }
            }

            return records;
        }

        /// <inheritdoc/>
        public async Task<IReadOnlyList<UntrustedApprovalRequest>> ListUntrustedAsync(CancellationToken cancellationToken)
        {
            var known = Enum.GetValues(typeof(ApprovalStatus)).Cast<int>().ToArray();
            var read = await ReadCheckedAsync(r => OpenStatuses.Contains(r.Status) || !known.Contains(r.Status), cancellationToken).ConfigureAwait(false);
            return read.Where(r => r.Untrusted is not null).Select(r => r.Untrusted!).ToList();
        }

        /// <inheritdoc/>
        public async Task<bool> CancelUntrustedAsync(string requestId, CancellationToken cancellationToken)
        {
            try
            {
                await FindAsync(requestId, cancellationToken).ConfigureAwait(false);
                return false;
            }
            catch (ApprovalStoreCorruptException e) when (e.RequestId == requestId)
            {
            }

            // Only the status changes (and the version, so that a racing change of the row loses); a closed status the
            // row already has is kept: it left the queue already, and its history is not rewritten.
            var closed = Enum.GetValues(typeof(ApprovalStatus)).Cast<int>().Where(s => !OpenStatuses.Contains(s)).ToArray();
            using var lease = _contexts.Open();
            var updated = await lease.Requests
                .Where(r => r.Id == requestId && !closed.Contains(r.Status))
                .ExecuteUpdateAsync(
                    set => set
                        .SetProperty(r => r.Status, (int)ApprovalStatus.Cancelled)
                        .SetProperty(r => r.Version, r => r.Version + 1),
                    cancellationToken)
                .ConfigureAwait(false);
            return updated == 1;
        }

        /// <inheritdoc/>
        public async Task<int> PurgeContentAsync(DateTimeOffset submittedBefore, CancellationToken cancellationToken)
        {
            await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
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

        /// <summary>The tables exist and are current, and rows sealed by an earlier version are resealed (once per store).</summary>
        private async Task EnsureReadyAsync(CancellationToken cancellationToken)
        {
            await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
            if (!_resealed)
            {
                await ResealEarlierRowsAsync(cancellationToken).ConfigureAwait(false);
                _resealed = true;
            }
        }

        /// <summary>
        /// Version 1 sealed only the columns fixed at submission, so what reviewers are shown, the status and the expiry
        /// could be edited unnoticed. Each row whose version 1 seal still matches is resealed as it stands now (trusted
        /// on upgrade, as it was trusted before); one whose seal does not match stays as it is, and is refused. Two
        /// processes starting at once reseal a row once: the update only applies to the seal it read.
        /// </summary>
        private async Task ResealEarlierRowsAsync(CancellationToken cancellationToken)
        {
            List<string> ids;
            using (var lease = _contexts.Open())
            {
                var prefix = RowMapping.SealPrefix;
                ids = await lease.Requests.AsNoTracking().Where(r => !r.Seal.StartsWith(prefix)).Select(r => r.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
            }

            foreach (var id in ids)
            {
                ApprovalRequestRow? row;
                try
                {
                    row = await ReadRowAsync(id, cancellationToken).ConfigureAwait(false);
                }
                catch (ApprovalStoreCorruptException)
                {
                    continue;
                }

                if (row is null || !RowMapping.IsEarlierSeal(row))
                {
                    continue;
                }

                var earlier = row.Seal;
                var resealed = RowMapping.Seal(row);
                using var lease = _contexts.Open();
                await lease.Requests
                    .Where(r => r.Id == id && r.Seal == earlier)
                    .ExecuteUpdateAsync(set => set.SetProperty(r => r.Seal, resealed), cancellationToken)
                    .ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Reads one row. A value the provider cannot convert (a date that is not one, in SQLite's text columns) makes
        /// the row untrusted; the provider's message is left out, as it quotes the value.
        /// </summary>
        private async Task<ApprovalRequestRow?> ReadRowAsync(string requestId, CancellationToken cancellationToken)
        {
            using var lease = _contexts.Open();
            try
            {
                return await lease.Requests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (UnreadableValues.Is(e))
            {
                var column = await UnreadableValues.ColumnAsync(lease.Context, lease.Requests.AsNoTracking().Where(r => r.Id == requestId), cancellationToken).ConfigureAwait(false);
                throw new ApprovalStoreCorruptException(requestId, UnreadableValues.Describe(column, e), e);
            }
        }

        /// <summary>
        /// Reads the rows <paramref name="where"/> selects, oldest submission first, each as a record or as what makes it
        /// untrusted. When a value cannot be read, the rows are read one by one so that one row does not hide the others.
        /// </summary>
        private async Task<List<(ApprovalRecord? Record, UntrustedApprovalRequest? Untrusted)>> ReadCheckedAsync(
            System.Linq.Expressions.Expression<Func<ApprovalRequestRow, bool>> where,
            CancellationToken cancellationToken)
        {
            await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
            var read = new List<(ApprovalRecord?, UntrustedApprovalRequest?)>();
            List<ApprovalRequestRow> rows;
            using (var lease = _contexts.Open())
            {
                try
                {
                    rows = await lease.Requests.AsNoTracking().Where(where).OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id)
                        .ToListAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (UnreadableValues.Is(e))
                {
                    // Ordered by id only: a submission time may be what cannot be read.
                    var ids = await lease.Requests.AsNoTracking().Where(where).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
                    rows = new List<ApprovalRequestRow>();
                    foreach (var id in ids)
                    {
                        try
                        {
                            if (await ReadRowAsync(id, cancellationToken).ConfigureAwait(false) is { } row)
                            {
                                rows.Add(row);
                            }
                        }
                        catch (ApprovalStoreCorruptException corrupt)
                        {
                            read.Add((null, new UntrustedApprovalRequest(id, corrupt.Problem!)));
                        }
                    }
                }
            }

            foreach (var row in rows)
            {
                try
                {
                    read.Add((RowMapping.ToRecord(row), null));
                }
                catch (ApprovalStoreCorruptException corrupt)
                {
                    read.Add((null, new UntrustedApprovalRequest(row.Id, corrupt.Problem!)));
                }
            }

            return read;
        }

        private async Task<bool> ExistsAsync(string id, CancellationToken cancellationToken)
        {
            using var lease = _contexts.Open();
            return await lease.Requests.AnyAsync(r => r.Id == id, cancellationToken).ConfigureAwait(false);
        }
    }
}
