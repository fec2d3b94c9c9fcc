#nullable enable
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Presence
{
    /// <summary>
    /// A store that can find and close requests it cannot trust (see <see cref="ApprovalRecordCorruptException"/>).
    /// Optional: a store whose records cannot be damaged outside the ledger (the in-memory store) does not need it.
    /// </summary>
    public interface IUntrustedApprovalRequests
    {
        /// <summary>Lists the open requests (pending, approved, or in a status this version does not know) that cannot be trusted.</summary>
        /// <param name="cancellationToken">Cancels the read.</param>
        /// <returns>Each such request's id and what is wrong with it.</returns>
        Task<IReadOnlyList<UntrustedApprovalRequest>> ListUntrustedAsync(CancellationToken cancellationToken);

        /// <summary>
        /// Marks a request that cannot be trusted as cancelled, so that it leaves the review queue. It stays
        /// untrusted: nothing is ever approved or redeemed from it.
        /// </summary>
        /// <param name="requestId">The request.</param>
        /// <param name="cancellationToken">Cancels the write.</param>
        /// <returns><c>true</c> if this call cancelled it; <c>false</c> if it does not exist, is already closed, or can be trusted.</returns>
        Task<bool> CancelUntrustedAsync(string requestId, CancellationToken cancellationToken);
    }

    /// <summary>A stored request that cannot be trusted: its id and what is wrong with it, never its content.</summary>
    public sealed class UntrustedApprovalRequest
    {
        /// <summary>Describes a request that cannot be trusted.</summary>
        /// <param name="requestId">The request.</param>
        /// <param name="problem">What is wrong with it.</param>
        public UntrustedApprovalRequest(string requestId, string problem)
        {
            RequestId = Require.Text(requestId, nameof(requestId), "The request id");
            Problem = Require.Text(problem, nameof(problem), "The problem");
        }

        /// <summary>The request.</summary>
        public string RequestId { get; }

        /// <summary>What is wrong with it.</summary>
        public string Problem { get; }

        /// <summary>Describes it.</summary>
        /// <returns>The id and the problem.</returns>
        public override string ToString() => $"{RequestId} cannot be trusted: {Problem}";
    }
}
