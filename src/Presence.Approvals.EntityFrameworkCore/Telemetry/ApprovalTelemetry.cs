using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;

namespace Presence
{
    /// <summary>
    /// Traces and metrics of the approval ledger, on <c>System.Diagnostics</c>: an <see cref="ActivitySource"/> and a
    /// <see cref="Meter"/> both named <see cref="Name"/>. With OpenTelemetry: <c>.WithTracing(t =&gt; t.AddSource("Presence.Approvals"))</c>
    /// and <c>.WithMetrics(m =&gt; m.AddMeter("Presence.Approvals"))</c>. Tags carry request ids, outcomes and reasons,
    /// never content.
    /// </summary>
    /// <remarks>
    /// Activities: <c>presence.approvals.submit</c>, <c>.decide</c>, <c>.redeem</c>, <c>.consume</c> (a gate spending a
    /// token), <c>.cancel</c>, <c>.report</c>, tagged <c>presence.request_id</c> and <c>presence.outcome</c>.
    /// Counters: <c>presence.approvals.submitted</c>, <c>presence.approvals.decided</c> (<c>presence.outcome</c>),
    /// <c>presence.approvals.redeemed</c>, <c>presence.approvals.refused</c> (<c>presence.operation</c>,
    /// <c>presence.reason</c>), <c>presence.approvals.publish_outcomes</c> (<c>presence.outcome</c>),
    /// <c>presence.approvals.hold_changes</c> (<c>presence.hold</c> = <c>on</c>/<c>off</c>). Histograms (seconds):
    /// <c>presence.approvals.redeem.duration</c> and <c>presence.approvals.operation.duration</c> (<c>presence.operation</c>).
    /// </remarks>
    public sealed class ApprovalTelemetry : IApprovalInstrumentation
    {
        /// <summary>The name of the activity source and the meter.</summary>
        public const string Name = "Presence.Approvals";

        private static readonly string? Version = typeof(ApprovalTelemetry).Assembly.GetName().Version?.ToString();
        private static readonly ActivitySource Source = new ActivitySource(Name, Version);
        private static readonly Meter Meter = new Meter(Name, Version);
        private static readonly Counter<long> Submitted = Meter.CreateCounter<long>("presence.approvals.submitted", "{request}", "Approval requests submitted for review.");
        private static readonly Counter<long> Decided = Meter.CreateCounter<long>("presence.approvals.decided", "{decision}", "Decisions attempted, by outcome (Recorded, SelfApproval, ...).");
        private static readonly Counter<long> Redeemed = Meter.CreateCounter<long>("presence.approvals.redeemed", "{approval}", "Approvals redeemed for publishing.");
        private static readonly Counter<long> Refused = Meter.CreateCounter<long>("presence.approvals.refused", "{refusal}", "Redeems and publishes refused, by reason.");
        private static readonly Counter<long> Reported = Meter.CreateCounter<long>("presence.approvals.publish_outcomes", "{report}", "Publish outcomes reported after a redeem.");
        private static readonly Counter<long> HoldChanges = Meter.CreateCounter<long>("presence.approvals.hold_changes", "{change}", "Publishing hold engaged (on) or released (off).");
        private static readonly Histogram<double> RedeemDuration = Meter.CreateHistogram<double>("presence.approvals.redeem.duration", "s", "How long a redeem took, database round trips included.");
        private static readonly Histogram<double> OperationDuration = Meter.CreateHistogram<double>("presence.approvals.operation.duration", "s", "How long a ledger operation took.");

        /// <inheritdoc/>
        public object? Start(string operation, string? requestId)
        {
            var activity = Source.StartActivity("presence.approvals." + operation, ActivityKind.Internal);
            if (activity is not null && requestId is not null)
            {
                activity.SetTag("presence.request_id", requestId);
            }

            return activity;
        }

        /// <inheritdoc/>
        public void Stop(object? state, string operation, string? requestId, string outcome, TimeSpan elapsed, Exception? exception)
        {
            var operationTag = new KeyValuePair<string, object?>("presence.operation", operation);
            var outcomeTag = new KeyValuePair<string, object?>("presence.outcome", outcome);
            OperationDuration.Record(elapsed.TotalSeconds, operationTag, outcomeTag);
            switch (operation)
            {
                case "submit" when exception is null:
                    Submitted.Add(1);
                    break;
                case "decide" when exception is null:
                    Decided.Add(1, outcomeTag);
                    break;
                case "redeem":
                case "consume":
                    if (operation == "redeem")
                    {
                        RedeemDuration.Record(elapsed.TotalSeconds, outcomeTag);
                    }

                    if (outcome == nameof(RedeemOutcome.Redeemed))
                    {
                        if (operation == "redeem")
                        {
                            Redeemed.Add(1);
                        }
                    }
                    else if (exception is null)
                    {
                        Refused.Add(1, operationTag, new KeyValuePair<string, object?>("presence.reason", outcome));
                    }

                    break;
                case "report" when exception is null:
                    Reported.Add(1, outcomeTag);
                    break;
            }

            if (state is Activity activity)
            {
                if (requestId is not null)
                {
                    activity.SetTag("presence.request_id", requestId);
                }

                activity.SetTag("presence.outcome", outcome);
                if (exception is not null)
                {
                    // The type only: exception messages can quote content.
                    activity.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
                }

                activity.Dispose();
            }
        }

        /// <summary>Counts a hold change seen in the audit trail.</summary>
        internal static void HoldChanged(bool engaged)
            => HoldChanges.Add(1, new KeyValuePair<string, object?>("presence.hold", engaged ? "on" : "off"));
    }

    /// <summary>Passes audit events on, counting hold changes for <see cref="ApprovalTelemetry"/>.</summary>
    internal sealed class TelemetryAuditSink : IApprovalAuditSink, IApprovalAuditReader
    {
        private readonly IApprovalAuditSink _inner;

        public TelemetryAuditSink(IApprovalAuditSink inner) => _inner = inner;

        public void Write(ApprovalAuditEvent auditEvent)
        {
            _inner.Write(auditEvent);
            if (auditEvent.Kind == ApprovalAuditEventKind.HoldEngaged || auditEvent.Kind == ApprovalAuditEventKind.HoldReleased)
            {
                ApprovalTelemetry.HoldChanged(auditEvent.Kind == ApprovalAuditEventKind.HoldEngaged);
            }
        }

        public Task<IReadOnlyList<ApprovalAuditEvent>> ReadAsync(ApprovalAuditQuery query, CancellationToken cancellationToken)
            => _inner is IApprovalAuditReader reader
                ? reader.ReadAsync(query, cancellationToken)
                : throw new NotSupportedException("This audit sink cannot be read back.");
    }
}
