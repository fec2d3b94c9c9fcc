#nullable enable
using System.Collections.Generic;

namespace Presence
{
    /// <summary>A thread-safe <see cref="IApprovalAuditSink"/> that keeps events in memory, for tests and samples.</summary>
    public sealed class InMemoryApprovalAuditSink : IApprovalAuditSink
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
    }
}
