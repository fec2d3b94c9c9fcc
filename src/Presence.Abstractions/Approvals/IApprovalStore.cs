#nullable enable
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Presence
{
    /// <summary>
    /// Where an <see cref="ApprovalLedger"/> keeps its approval requests: a database table (the
    /// Presence.Approvals.EntityFrameworkCore package), or <see cref="InMemoryApprovalStore"/> in tests and samples.
    /// </summary>
    /// <remarks>
    /// A store only persists; every rule lives in the ledger. It must be shared by every process that decides on or
    /// redeems approvals (the ledger is the authority only if its records are), and
    /// <see cref="TryUpdateAsync"/> must be an atomic compare-and-swap on <see cref="ApprovalRecord.Version"/>: that is
    /// what keeps two concurrent redeems of one approval from both succeeding. docs/approvals.md says how to write
    /// one for another database.
    /// </remarks>
    public interface IApprovalStore
    {
        /// <summary>Reads a request.</summary>
        /// <param name="requestId">The request id.</param>
        /// <param name="cancellationToken">Cancels the read.</param>
        /// <returns>The stored record, or null when there is none with this id.</returns>
        Task<ApprovalRecord?> FindAsync(string requestId, CancellationToken cancellationToken);

        /// <summary>Adds a new request.</summary>
        /// <param name="record">The record to add; its id is new.</param>
        /// <param name="cancellationToken">Cancels the write.</param>
        /// <returns>A task that completes when the record is stored.</returns>
        /// <exception cref="System.InvalidOperationException">A record with this id exists (implementations should throw).</exception>
        Task AddAsync(ApprovalRecord record, CancellationToken cancellationToken);

        /// <summary>
        /// Replaces the stored record with the same id by <paramref name="record"/>, only if the stored record's
        /// version is still <paramref name="expectedVersion"/> (in SQL: <c>UPDATE … WHERE id = @id AND version = @expected</c>).
        /// </summary>
        /// <param name="record">The new version of the record (its <see cref="ApprovalRecord.Version"/> is <paramref name="expectedVersion"/> + 1).</param>
        /// <param name="expectedVersion">The version the ledger read and based its change on.</param>
        /// <param name="cancellationToken">Cancels the write.</param>
        /// <returns><c>true</c> if the record was replaced; <c>false</c> if someone changed it first (or it is gone).</returns>
        Task<bool> TryUpdateAsync(ApprovalRecord record, long expectedVersion, CancellationToken cancellationToken);

        /// <summary>Lists the requests in one status, oldest submission first.</summary>
        /// <param name="status">The status to list.</param>
        /// <param name="cancellationToken">Cancels the read.</param>
        /// <returns>The matching records.</returns>
        Task<IReadOnlyList<ApprovalRecord>> ListAsync(ApprovalStatus status, CancellationToken cancellationToken);
    }
}
