#nullable enable
using System;

namespace Presence
{
    /// <summary>How an <see cref="ApprovalLedger"/> is wired: its rules, audit trail, clock, notifier, content formatter and instrumentation.</summary>
    public sealed class ApprovalLedgerOptions
    {
        private ApprovalPolicy _policy = ApprovalPolicy.Default;

        /// <summary>The approval rules; <see cref="ApprovalPolicy.Default"/> unless set.</summary>
        /// <exception cref="ArgumentNullException">Set to null.</exception>
        public ApprovalPolicy Policy
        {
            get => _policy;
            set => _policy = Require.NotNull(value, nameof(value));
        }

        /// <summary>Receives the audit trail; none unless set.</summary>
        public IApprovalAuditSink? Audit { get; set; }

        /// <summary>The current time; <see cref="DateTimeOffset.UtcNow"/> unless set. Give the hold the same clock.</summary>
        public Func<DateTimeOffset>? Clock { get; set; }

        /// <summary>Tells authors about decisions; nobody is told unless set.</summary>
        public IApprovalNotifier? Notifier { get; set; }

        /// <summary>Turns content into what reviewers read, kept with the request; <see cref="TextApprovalContentFormatter"/> unless set.</summary>
        public IApprovalContentFormatter? ContentFormatter { get; set; }

        /// <summary>Observes operations for tracing and metrics; none unless set.</summary>
        public IApprovalInstrumentation? Instrumentation { get; set; }
    }
}
