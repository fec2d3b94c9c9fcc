#nullable enable
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Presence
{
    /// <summary>
    /// A thread-safe <see cref="IApprovalStore"/> in process memory, for tests, samples and single-process tools.
    /// Everything is lost when the process ends: use a database-backed store in production.
    /// </summary>
    public sealed class InMemoryApprovalStore : IApprovalStore
    {
        private readonly ConcurrentDictionary<string, ApprovalRecord> _records = new ConcurrentDictionary<string, ApprovalRecord>(StringComparer.Ordinal);

        /// <inheritdoc/>
        public Task<ApprovalRecord?> FindAsync(string requestId, CancellationToken cancellationToken)
        {
            Require.NotNull(requestId, nameof(requestId));
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(_records.TryGetValue(requestId, out var record) ? record : null);
        }

        /// <inheritdoc/>
        public Task AddAsync(ApprovalRecord record, CancellationToken cancellationToken)
        {
            Require.NotNull(record, nameof(record));
            cancellationToken.ThrowIfCancellationRequested();
            if (!_records.TryAdd(record.Id, record))
            {
                throw new InvalidOperationException($"An approval request with id '{record.Id}' is already stored.");
            }

            return Task.CompletedTask;
        }

        /// <inheritdoc/>
        public Task<bool> TryUpdateAsync(ApprovalRecord record, long expectedVersion, CancellationToken cancellationToken)
        {
            Require.NotNull(record, nameof(record));
            cancellationToken.ThrowIfCancellationRequested();

            // Records are immutable, so swapping against the very instance that had the expected version is the
            // compare-and-swap on the version.
            var replaced = _records.TryGetValue(record.Id, out var stored)
                && stored.Version == expectedVersion
                && _records.TryUpdate(record.Id, record, stored);
            return Task.FromResult(replaced);
        }

        /// <inheritdoc/>
        public Task<IReadOnlyList<ApprovalRecord>> ListAsync(ApprovalStatus status, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            IReadOnlyList<ApprovalRecord> matching = _records.Values
                .Where(record => record.Status == status)
                .OrderBy(record => record.SubmittedAt)
                .ThenBy(record => record.Id, StringComparer.Ordinal)
                .ToList();
            return Task.FromResult(matching);
        }
    }
}
