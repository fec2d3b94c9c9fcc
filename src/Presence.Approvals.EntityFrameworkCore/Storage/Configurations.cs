using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Presence.Approvals.EntityFrameworkCore
{
    // No provider-specific configuration: the same model builds for SQLite, PostgreSQL and SQL Server.

    /// <summary>Maps <see cref="ApprovalRequestRow"/>.</summary>
    public sealed class ApprovalRequestRowConfiguration : IEntityTypeConfiguration<ApprovalRequestRow>
    {
        /// <inheritdoc/>
        public void Configure(EntityTypeBuilder<ApprovalRequestRow> builder)
        {
            builder.ToTable("presence_approval_requests");
            builder.HasKey(r => r.Id);
            builder.Property(r => r.Id).HasColumnName("id").HasMaxLength(64);
            builder.Property(r => r.Fingerprint).HasColumnName("fingerprint").HasMaxLength(64).IsRequired();
            builder.Property(r => r.Author).HasColumnName("author").HasMaxLength(256).IsRequired();
            builder.Property(r => r.Channel).HasColumnName("channel").HasMaxLength(256);
            builder.Property(r => r.Summary).HasColumnName("summary");
            builder.Property(r => r.Content).HasColumnName("content");
            builder.Property(r => r.ContentType).HasColumnName("content_type").HasMaxLength(128);
            builder.Property(r => r.SubmittedAt).HasColumnName("submitted_at");
            builder.Property(r => r.DueAt).HasColumnName("due_at");
            builder.Property(r => r.Status).HasColumnName("status");
            builder.Property(r => r.Decisions).HasColumnName("decisions").IsRequired();
            builder.Property(r => r.ApprovedAt).HasColumnName("approved_at");
            builder.Property(r => r.ExpiresAt).HasColumnName("expires_at");
            builder.Property(r => r.RedeemedAt).HasColumnName("redeemed_at");
            builder.Property(r => r.Version).HasColumnName("version").IsConcurrencyToken();
            builder.Property(r => r.Supersedes).HasColumnName("supersedes").HasMaxLength(64);
            builder.Property(r => r.NotifyTo).HasColumnName("notify_to").HasMaxLength(256);
            builder.Property(r => r.PublishOutcome).HasColumnName("publish_outcome");
            builder.Property(r => r.PublishOutcomeAt).HasColumnName("publish_outcome_at");
            builder.Property(r => r.PublishOutcomeDetail).HasColumnName("publish_outcome_detail");
            builder.Property(r => r.Seal).HasColumnName("seal").HasMaxLength(64).IsRequired();
            builder.HasIndex(r => new { r.Status, r.SubmittedAt }).HasDatabaseName("ix_presence_approval_requests_status_submitted");
            builder.HasIndex(r => r.Supersedes).HasDatabaseName("ix_presence_approval_requests_supersedes");
        }
    }

    /// <summary>Maps <see cref="HoldPeriodRow"/>.</summary>
    public sealed class HoldPeriodRowConfiguration : IEntityTypeConfiguration<HoldPeriodRow>
    {
        /// <inheritdoc/>
        public void Configure(EntityTypeBuilder<HoldPeriodRow> builder)
        {
            builder.ToTable("presence_publishing_holds");
            builder.HasKey(h => h.Number);
            builder.Property(h => h.Number).HasColumnName("number").ValueGeneratedNever();
            builder.Property(h => h.Reason).HasColumnName("reason").IsRequired();
            builder.Property(h => h.EngagedBy).HasColumnName("engaged_by").HasMaxLength(256).IsRequired();
            builder.Property(h => h.Since).HasColumnName("since");
            builder.Property(h => h.ReleasedBy).HasColumnName("released_by").HasMaxLength(256);
            builder.Property(h => h.Until).HasColumnName("until");
        }
    }

    /// <summary>Maps <see cref="AuditEventRow"/>.</summary>
    public sealed class AuditEventRowConfiguration : IEntityTypeConfiguration<AuditEventRow>
    {
        /// <inheritdoc/>
        public void Configure(EntityTypeBuilder<AuditEventRow> builder)
        {
            builder.ToTable("presence_approval_audit");
            builder.HasKey(e => e.Id);
            builder.Property(e => e.Id).HasColumnName("id").ValueGeneratedOnAdd();
            builder.Property(e => e.At).HasColumnName("at");
            builder.Property(e => e.Kind).HasColumnName("kind");
            builder.Property(e => e.RequestId).HasColumnName("request_id").HasMaxLength(64);
            builder.Property(e => e.Actor).HasColumnName("actor").HasMaxLength(256);
            builder.Property(e => e.Fingerprint).HasColumnName("fingerprint").HasMaxLength(64);
            builder.Property(e => e.Channel).HasColumnName("channel").HasMaxLength(256);
            builder.Property(e => e.Gate).HasColumnName("gate").HasMaxLength(256);
            builder.Property(e => e.Reviewers).HasColumnName("reviewers").IsRequired();
            builder.Property(e => e.Outcome).HasColumnName("outcome").HasMaxLength(64);
            builder.Property(e => e.Detail).HasColumnName("detail");
            builder.HasIndex(e => e.RequestId).HasDatabaseName("ix_presence_approval_audit_request");
            builder.HasIndex(e => e.At).HasDatabaseName("ix_presence_approval_audit_at");
        }
    }
}
