#nullable enable
namespace Presence
{
    /// <summary>
    /// Receives the approval audit trail: every submission, decision, redeem, refusal, publish, cancellation, expiry
    /// and hold change. It is the evidence that a person reviewed content, machine-written content included, before
    /// it was published.
    /// </summary>
    /// <remarks>
    /// <see cref="Write"/> is called synchronously at the moment of the event. Make it durable before returning if
    /// the trail is your evidence; if it throws, the operation fails with it (a gate then does not publish).
    /// </remarks>
    public interface IApprovalAuditSink
    {
        /// <summary>Records one event.</summary>
        /// <param name="auditEvent">The event.</param>
        void Write(ApprovalAuditEvent auditEvent);
    }
}
