using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Presence.Abstractions.Tests.Support
{
    /// <summary>
    /// Once armed for N readers, holds back the next N reads until all N have read: every contender sees the same
    /// version before any of them writes, which is the race a compare-and-swap must win exactly once.
    /// </summary>
    internal sealed class ReadTogetherStore : IApprovalStore
    {
        private readonly IApprovalStore _inner;
        private int _expected;
        private int _arrived;
        private TaskCompletionSource<bool> _allRead = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        public ReadTogetherStore(IApprovalStore inner) => _inner = inner;

        public int SuccessfulUpdates;
        public int FailedUpdates;

        public void Arm(int readers)
        {
            _allRead = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            _arrived = 0;
            _expected = readers;
        }

        public async Task<ApprovalRecord?> FindAsync(string requestId, CancellationToken cancellationToken)
        {
            var record = await _inner.FindAsync(requestId, cancellationToken);
            var arrived = Interlocked.Increment(ref _arrived);
            if (arrived <= _expected)
            {
                if (arrived == _expected)
                {
                    _allRead.SetResult(true);
                }

                await _allRead.Task;
            }

            return record;
        }

        public Task AddAsync(ApprovalRecord record, CancellationToken cancellationToken) => _inner.AddAsync(record, cancellationToken);

        public async Task<bool> TryUpdateAsync(ApprovalRecord record, long expectedVersion, CancellationToken cancellationToken)
        {
            var updated = await _inner.TryUpdateAsync(record, expectedVersion, cancellationToken);
            Interlocked.Increment(ref updated ? ref SuccessfulUpdates : ref FailedUpdates);
            return updated;
        }

        public Task<IReadOnlyList<ApprovalRecord>> ListAsync(ApprovalStatus status, CancellationToken cancellationToken) => _inner.ListAsync(status, cancellationToken);
    }
}
