#nullable enable
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Presence
{
    /// <summary>A thread-safe <see cref="IApprovalAuditSink"/> that keeps events in memory, for tests and samples.</summary>
    public sealed class InMemoryApprovalAuditSink : IApprovalAuditSink, IApprovalAuditReader
    {
        private readonly object _gate = new object();
        private readonly List<ApprovalAuditEvent> _events = new List<ApprovalAuditEvent>();

        /// <summary>A snapshot of the events written so far, oldest first.</summary>
        public IReadOnlyList<ApprovalAuditEvent> Events
        {
            get
            {
                lock (_gate)
                {
                    return _events.ToArray();
                }
            }
        }

        /// <inheritdoc/>
        public void Write(ApprovalAuditEvent auditEvent)
        {
            Require.NotNull(auditEvent, nameof(auditEvent));
            lock (_gate)
            {
                _events.Add(auditEvent);
            }
        }

        /// <inheritdoc/>
        public Task<IReadOnlyList<ApprovalAuditEvent>> ReadAsync(ApprovalAuditQuery query, CancellationToken cancellationToken = default)
        {
            Require.NotNull(query, nameof(query));
            cancellationToken.ThrowIfCancellationRequested();
            var matching = Events.Where(query.Matches);
            IReadOnlyList<ApprovalAuditEvent> read = (query.Limit is { } limit ? matching.Take(limit) : matching).ToList();
            return Task.FromResult(read);
        }
    }
}
