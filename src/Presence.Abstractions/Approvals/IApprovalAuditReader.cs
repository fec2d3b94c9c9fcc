#nullable enable
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Presence
{
    /// <summary>Which audit events to read: every given filter must match.</summary>
    public sealed class ApprovalAuditQuery
    {
        /// <summary>Only events of this request.</summary>
        public string? RequestId { get; set; }

        /// <summary>Only events of this kind.</summary>
        public ApprovalAuditEventKind? Kind { get; set; }

        /// <summary>Only events by this person or process (compared case-insensitively).</summary>
        public string? Actor { get; set; }

        /// <summary>Only events of this channel.</summary>
        public string? Channel { get; set; }

        /// <summary>Only events at or after this time.</summary>
        public DateTimeOffset? From { get; set; }

        /// <summary>Only events before this time.</summary>
        public DateTimeOffset? Until { get; set; }

        /// <summary>At most this many events (the oldest that match); null for all.</summary>
        public int? Limit { get; set; }

        /// <summary>Whether an event passes every filter of this query (the limit aside).</summary>
        /// <param name="auditEvent">The event.</param>
        /// <returns><c>true</c> when it matches.</returns>
        public bool Matches(ApprovalAuditEvent auditEvent)
        {
            Require.NotNull(auditEvent, nameof(auditEvent));
            return (RequestId is null || string.Equals(RequestId, auditEvent.RequestId, StringComparison.Ordinal))
                && (Kind is null || Kind == auditEvent.Kind)
                && (Actor is null || (auditEvent.Actor is not null && Identity.Same(Actor, auditEvent.Actor)))
                && (Channel is null || string.Equals(Channel, auditEvent.Channel, StringComparison.Ordinal))
                && (From is null || auditEvent.At >= From)
                && (Until is null || auditEvent.At < Until);
        }
    }

    /// <summary>Reads the audit trail back, for review screens and evidence exports (<see cref="ApprovalAuditExport"/>).</summary>
    public interface IApprovalAuditReader
    {
        /// <summary>Reads the events that match, oldest first.</summary>
        /// <param name="query">The filters.</param>
        /// <param name="cancellationToken">Cancels the read.</param>
        /// <returns>The events.</returns>
        Task<IReadOnlyList<ApprovalAuditEvent>> ReadAsync(ApprovalAuditQuery query, CancellationToken cancellationToken = default);
    }
}
