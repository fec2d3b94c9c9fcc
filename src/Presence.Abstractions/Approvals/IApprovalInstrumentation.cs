#nullable enable
using System;

namespace Presence
{
    /// <summary>
    /// Observes the ledger's operations for tracing and metrics. The durable store's registration supplies one built
    /// on <c>System.Diagnostics</c> (an <c>ActivitySource</c> and a <c>Meter</c> named <c>Presence.Approvals</c>).
    /// </summary>
    /// <remarks>Implementations receive ids and outcomes only, never content; they must not throw.</remarks>
    public interface IApprovalInstrumentation
    {
        /// <summary>An operation starts.</summary>
        /// <param name="operation">Its name: <c>submit</c>, <c>decide</c>, <c>redeem</c>, <c>consume</c>, <c>cancel</c>, <c>report</c>.</param>
        /// <param name="requestId">The request concerned, when known.</param>
        /// <returns>State handed back to <see cref="Stop"/> (for example the started activity); may be null.</returns>
        object? Start(string operation, string? requestId);

        /// <summary>The operation ended.</summary>
        /// <param name="state">What <see cref="Start"/> returned.</param>
        /// <param name="operation">Its name.</param>
        /// <param name="requestId">The request concerned, when known.</param>
        /// <param name="outcome">How it ended: a <see cref="RedeemOutcome"/>, <see cref="DecisionOutcome"/> or <see cref="ApprovalStatus"/> name; <c>Error</c> when it threw.</param>
        /// <param name="elapsed">How long it took.</param>
        /// <param name="exception">What it threw, if it did.</param>
        void Stop(object? state, string operation, string? requestId, string outcome, TimeSpan elapsed, Exception? exception);
    }
}
