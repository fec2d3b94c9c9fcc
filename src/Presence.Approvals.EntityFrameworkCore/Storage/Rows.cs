using System;

namespace Presence.Approvals.EntityFrameworkCore
{
    /// <summary>
    /// An approval request as a table row (<c>presence_approval_requests</c>). Times are UTC. Read and written by
    /// <see cref="EntityFrameworkApprovalStore"/>, which refuses rows it cannot trust; query it for reports, do not
    /// write it.
    /// </summary>
    public sealed class ApprovalRequestRow
    {
        /// <summary>The request id.</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>The content fingerprint, 64 hexadecimal characters.</summary>
        public string Fingerprint { get; set; } = string.Empty;

        /// <summary>Who wrote the content.</summary>
        public string Author { get; set; } = string.Empty;

        /// <summary>Where it goes.</summary>
        public string? Channel { get; set; }

        /// <summary>The preview for reviewers (purged with the content).</summary>
        public string? Summary { get; set; }

        /// <summary>The content as reviewers read it (purged after the retention period).</summary>
        public string? Content { get; set; }

        /// <summary>The media type of <see cref="Content"/>.</summary>
        public string? ContentType { get; set; }

        /// <summary>When it was submitted (UTC).</summary>
        public DateTime SubmittedAt { get; set; }

        /// <summary>When it is due (UTC).</summary>
        public DateTime? DueAt { get; set; }

        /// <summary>The <see cref="ApprovalStatus"/> as its number.</summary>
        public int Status { get; set; }

        /// <summary>The decisions, a JSON array.</summary>
        public string Decisions { get; set; } = "[]";

        /// <summary>When the final approval was recorded (UTC).</summary>
        public DateTime? ApprovedAt { get; set; }

        /// <summary>The deadline of the current status (UTC).</summary>
        public DateTime ExpiresAt { get; set; }

        /// <summary>When it was redeemed (UTC).</summary>
        public DateTime? RedeemedAt { get; set; }

        /// <summary>The version every change compares and increments.</summary>
        public long Version { get; set; }

        /// <summary>The id of the request this one revises.</summary>
        public string? Supersedes { get; set; }

        /// <summary>Who to tell about decisions, when not the author.</summary>
        public string? NotifyTo { get; set; }

        /// <summary>The <see cref="Presence.PublishOutcome"/> as its number.</summary>
        public int PublishOutcome { get; set; }

        /// <summary>When the publisher reported (UTC).</summary>
        public DateTime? PublishOutcomeAt { get; set; }

        /// <summary>What the publisher reported.</summary>
        public string? PublishOutcomeDetail { get; set; }

        /// <summary>
        /// <c>v2:</c>, a hash over every column but the version and the kept content, <c>:</c>, and a digest of the kept
        /// content and summary (which the hash covers): a row edited outside the ledger, what reviewers are shown included, is refused.
        /// </summary>
        public string Seal { get; set; } = string.Empty;
    }

    /// <summary>A publishing hold period as a table row (<c>presence_publishing_holds</c>). Times are UTC.</summary>
    public sealed class HoldPeriodRow
    {
        /// <summary>1 for the first hold, then one more for each; two processes engaging at once cannot both write the same number.</summary>
        public long Number { get; set; }

        /// <summary>Why publishing was stopped.</summary>
        public string Reason { get; set; } = string.Empty;

        /// <summary>Who stopped it.</summary>
        public string EngagedBy { get; set; } = string.Empty;

        /// <summary>When (UTC).</summary>
        public DateTime Since { get; set; }

        /// <summary>Who resumed publishing; null while active.</summary>
        public string? ReleasedBy { get; set; }

        /// <summary>When publishing resumed (UTC); null while active.</summary>
        public DateTime? Until { get; set; }
    }

    /// <summary>An audit event as a table row (<c>presence_approval_audit</c>). Times are UTC; no content is stored here.</summary>
    public sealed class AuditEventRow
    {
        /// <summary>The order events were written in.</summary>
        public long Id { get; set; }

        /// <summary>When (UTC).</summary>
        public DateTime At { get; set; }

        /// <summary>The <see cref="ApprovalAuditEventKind"/> as its number.</summary>
        public int Kind { get; set; }

        /// <summary>The request concerned.</summary>
        public string? RequestId { get; set; }

        /// <summary>Who acted.</summary>
        public string? Actor { get; set; }

        /// <summary>The content fingerprint concerned.</summary>
        public string? Fingerprint { get; set; }

        /// <summary>Where the content goes.</summary>
        public string? Channel { get; set; }

        /// <summary>The gate that published.</summary>
        public string? Gate { get; set; }

        /// <summary>Who approved, a JSON array.</summary>
        public string Reviewers { get; set; } = "[]";

        /// <summary>The refusal or outcome.</summary>
        public string? Outcome { get; set; }

        /// <summary>A sentence for people reading the trail.</summary>
        public string? Detail { get; set; }
    }
}
