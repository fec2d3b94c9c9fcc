using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace Presence.Approvals.EntityFrameworkCore
{
    /// <summary>
    /// Turns records into rows and rows back into records, refusing any row it cannot trust: an unknown status, a
    /// malformed fingerprint, broken decisions, a seal that does not match, or kept content that is not the content
    /// the request was submitted with.
    /// </summary>
    /// <remarks>
    /// The seal (<c>v2:</c>, 30 hexadecimal digits, <c>:</c>, 30 more, 64 characters) is a hash over every column but
    /// the version and the kept content, and a digest of the kept content (media type, content, summary) that the
    /// hash covers too. The digest is what lets the content be purged without resealing: a row whose content and
    /// summary are both gone has nothing left to show a reviewer. Rows sealed by version 1 (a hash over the columns
    /// that never change, without the content, status or expiry) are resealed once when a store first starts, and
    /// refused after that.
    /// </remarks>
    internal static class RowMapping
    {
        private const string EarlierSealScheme = "presence-approvals-seal-v1";
        private const string SealScheme = "presence-approvals-seal-v2";
        private const string ContentScheme = "presence-approvals-content-v2";
        internal const string SealPrefix = "v2:";
        private const int SealPartLength = 30;

        private static readonly JsonSerializerOptions Json = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

        /// <summary>
        /// The database keeps times in UTC at microsecond precision (PostgreSQL's); everything is rounded down to that
        /// before it is written, so what is read back is what was sealed.
        /// </summary>
        public static DateTime ToUtc(DateTimeOffset value)
        {
            var utc = value.UtcDateTime;
            return new DateTime(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
        }

        public static DateTime? ToUtc(DateTimeOffset? value) => value is { } v ? ToUtc(v) : null;

        public static DateTimeOffset FromUtc(DateTime value) => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc));

        public static DateTimeOffset? FromUtc(DateTime? value) => value is { } v ? FromUtc(v) : null;

        public static ApprovalRequestRow ToRow(ApprovalRecord record)
        {
            var row = new ApprovalRequestRow
            {
                Id = record.Id,
                Fingerprint = record.Fingerprint.Value,
                Author = record.Author,
                Channel = record.Channel,
                SubmittedAt = ToUtc(record.SubmittedAt),
                DueAt = ToUtc(record.DueAt),
                Supersedes = record.Supersedes,
                NotifyTo = record.NotifyTo,
            };
            CopyChanging(record, row);
            row.Seal = Seal(row);
            return row;
        }

        /// <summary>Copies what a change may alter (the ledger never alters the columns fixed at submission).</summary>
        private static void CopyChanging(ApprovalRecord record, ApprovalRequestRow row)
        {
            row.Summary = record.Summary;
            row.Content = record.Content?.Text;
            row.ContentType = record.Content?.MediaType;
            row.Status = (int)record.Status;
            row.Decisions = WriteDecisions(record.Decisions);
            row.ApprovedAt = ToUtc(record.ApprovedAt);
            row.ExpiresAt = ToUtc(record.ExpiresAt);
            row.RedeemedAt = ToUtc(record.RedeemedAt);
            row.Version = record.Version;
            row.PublishOutcome = (int)record.PublishOutcome;
            row.PublishOutcomeAt = ToUtc(record.PublishOutcomeAt);
            row.PublishOutcomeDetail = record.PublishOutcomeDetail;
        }

        public static ApprovalRecord ToRecord(ApprovalRequestRow row)
        {
            string Corrupt(string what) => throw new ApprovalStoreCorruptException(row.Id, what);

            if (!Enum.IsDefined(typeof(ApprovalStatus), row.Status))
            {
                Corrupt($"its status {row.Status} is not one this version knows");
            }

            if (!Enum.IsDefined(typeof(PublishOutcome), row.PublishOutcome))
            {
                Corrupt($"its publish outcome {row.PublishOutcome} is not one this version knows");
            }

            ContentFingerprint fingerprint = default;
            try
            {
                fingerprint = ContentFingerprint.Parse(row.Fingerprint ?? string.Empty);
            }
            catch (FormatException e)
            {
                Corrupt("its fingerprint is malformed (" + e.Message + ")");
            }

            if (row.Version < 1)
            {
                Corrupt($"its version {row.Version} is below 1");
            }

            var decisions = ReadDecisions(row);
            if (IsEarlierSeal(row))
            {
                Corrupt("it carries the seal of an earlier version of the package, which does not cover its content, status or expiry; "
                    + "rows of an earlier version are resealed when this version starts, so this one was written since by an older version");
            }

            var digest = row.Seal is { Length: 64 } seal && seal.StartsWith(SealPrefix, StringComparison.Ordinal) && seal[SealPrefix.Length + SealPartLength] == ':'
                ? seal.Substring(SealPrefix.Length + SealPartLength + 1)
                : null;
            if (digest is null || !string.Equals(row.Seal, SealWith(row, digest), StringComparison.Ordinal))
            {
                Corrupt("its seal does not match its id, fingerprint, author, channel, times, status, decisions or revision link, so one of them was changed outside the ledger");
            }

            if (row.Content is not null && row.ContentType == ReviewContent.PlainText && ContentFingerprint.For(row.Content) != fingerprint)
            {
                Corrupt("the text kept for reviewers does not have the approved fingerprint");
            }

            // Content and summary go together when purged, and only from a closed request (retention); anything else
            // kept must be what was submitted, or reviewers would read one thing while another is approved.
            var open = row.Status == (int)ApprovalStatus.Pending || row.Status == (int)ApprovalStatus.Approved;
            if (!string.Equals(digest, ContentDigest(row), StringComparison.Ordinal))
            {
                if (row.Content is not null || row.Summary is not null)
                {
                    Corrupt("the content or summary kept for reviewers is not what was submitted with its fingerprint");
                }

                if (open)
                {
                    // Purging never touches an open request: its content was removed outside the ledger, and nobody could
                    // review or publish it knowing what it says.
                    Corrupt("its content was removed although the request is still open (content is purged only from closed requests, after the retention period)");
                }
            }

            try
            {
                return new ApprovalRecord(
                    row.Id,
                    fingerprint,
                    row.Author,
                    row.Channel,
                    row.Summary,
                    FromUtc(row.SubmittedAt),
                    FromUtc(row.DueAt),
                    (ApprovalStatus)row.Status,
                    decisions,
                    FromUtc(row.ApprovedAt),
                    FromUtc(row.ExpiresAt),
                    FromUtc(row.RedeemedAt),
                    row.Version,
                    row.Content is null ? null : new ReviewContent(row.Content, string.IsNullOrWhiteSpace(row.ContentType) ? ReviewContent.Description : row.ContentType!),
                    row.Supersedes,
                    row.NotifyTo,
                    (PublishOutcome)row.PublishOutcome,
                    FromUtc(row.PublishOutcomeAt),
                    row.PublishOutcomeDetail);
            }
            catch (ArgumentException e)
            {
                throw new ApprovalStoreCorruptException(row.Id, "a value is not valid (" + e.Message + ")", e);
            }
        }

        public static string Seal(ApprovalRequestRow row) => SealWith(row, ContentDigest(row));

        /// <summary>Whether the row carries a matching seal of version 1 (64 hexadecimal digits), to be resealed.</summary>
        public static bool IsEarlierSeal(ApprovalRequestRow row)
            => !row.Seal.StartsWith(SealPrefix, StringComparison.Ordinal)
                && string.Equals(
                    row.Seal,
                    ContentFingerprint.Of(
                        EarlierSealScheme,
                        row.Id,
                        row.Fingerprint,
                        row.Author,
                        row.Channel,
                        Instant(row.SubmittedAt),
                        row.DueAt is { } due ? Instant(due) : null,
                        row.Supersedes).Value,
                    StringComparison.Ordinal);

        private static string SealWith(ApprovalRequestRow row, string contentDigest)
            => SealPrefix
                + ContentFingerprint.Of(
                    SealScheme,
                    row.Id,
                    row.Fingerprint,
                    row.Author,
                    row.Channel,
                    Instant(row.SubmittedAt),
                    Instant(row.DueAt),
                    row.Supersedes,
                    row.NotifyTo,
                    row.Status.ToString(CultureInfo.InvariantCulture),
                    row.Decisions,
                    Instant(row.ApprovedAt),
                    Instant(row.ExpiresAt),
                    Instant(row.RedeemedAt),
                    row.PublishOutcome.ToString(CultureInfo.InvariantCulture),
                    Instant(row.PublishOutcomeAt),
                    row.PublishOutcomeDetail,
                    contentDigest).Value.Substring(0, SealPartLength)
                + ":" + contentDigest;

        private static string ContentDigest(ApprovalRequestRow row)
            => ContentFingerprint.Of(ContentScheme, row.ContentType, row.Content, row.Summary).Value.Substring(0, SealPartLength);

        public static AuditEventRow ToRow(ApprovalAuditEvent e) => new AuditEventRow
        {
            At = ToUtc(e.At),
            Kind = (int)e.Kind,
            RequestId = e.RequestId,
            Actor = e.Actor,
            Fingerprint = e.Fingerprint.IsEmpty ? null : e.Fingerprint.Value,
            Channel = e.Channel,
            Gate = e.Gate,
            Reviewers = JsonSerializer.Serialize(e.Reviewers, Json),
            Outcome = e.Outcome,
            Detail = e.Detail,
        };

        public static ApprovalAuditEvent ToEvent(AuditEventRow row)
        {
            string[] reviewers;
            ContentFingerprint fingerprint = default;
            try
            {
                reviewers = JsonSerializer.Deserialize<string[]>(row.Reviewers, Json) ?? Array.Empty<string>();
                if (row.Fingerprint is not null)
                {
                    fingerprint = ContentFingerprint.Parse(row.Fingerprint);
                }
            }
            catch (Exception e) when (e is JsonException || e is FormatException)
            {
                throw new ApprovalStoreCorruptException($"Audit event {row.Id} in presence_approval_audit is corrupt ({e.Message}).", e);
            }

            return new ApprovalAuditEvent((ApprovalAuditEventKind)row.Kind, FromUtc(row.At), row.RequestId, row.Actor, fingerprint, row.Channel, row.Gate, reviewers, row.Outcome, row.Detail);
        }

        public static HoldPeriod ToPeriod(HoldPeriodRow row)
        {
            try
            {
                return new HoldPeriod(row.Reason, row.EngagedBy, FromUtc(row.Since), row.ReleasedBy, FromUtc(row.Until));
            }
            catch (ArgumentException e)
            {
                throw new ApprovalStoreCorruptException($"Publishing hold {row.Number} in presence_publishing_holds is corrupt ({e.Message}).", e);
            }
        }

        private static string Instant(DateTime utc) => utc.Ticks.ToString(CultureInfo.InvariantCulture);

        private static string? Instant(DateTime? utc) => utc is { } value ? Instant(value) : null;

        private static string WriteDecisions(IReadOnlyList<ReviewerDecision> decisions)
            => JsonSerializer.Serialize(
                decisions.Select(d => new DecisionJson
                {
                    Reviewer = d.Reviewer,
                    Step = d.StepName,
                    Verdict = d.Verdict.ToString(),
                    At = ToUtc(d.At),
                    Reason = d.Reason,
                }).ToList(),
                Json);

        private static List<ReviewerDecision> ReadDecisions(ApprovalRequestRow row)
        {
            try
            {
                var read = JsonSerializer.Deserialize<List<DecisionJson>>(row.Decisions, Json)
                    ?? throw new JsonException("the decisions are null");
                return read.Select(d =>
                {
                    if (d.Reviewer is null || d.Step is null || !Enum.TryParse<ReviewerVerdict>(d.Verdict, ignoreCase: false, out var verdict) || !Enum.IsDefined(typeof(ReviewerVerdict), verdict))
                    {
                        throw new JsonException($"a decision lacks its reviewer or step, or has an unknown verdict '{d.Verdict}'");
                    }

                    return new ReviewerDecision(d.Reviewer, d.Step, verdict == ReviewerVerdict.Approved, FromUtc(d.At), d.Reason, verdict == ReviewerVerdict.ChangesRequested);
                }).ToList();
            }
            catch (Exception e) when (e is JsonException || e is ArgumentException || e is NotSupportedException)
            {
                throw new ApprovalStoreCorruptException(row.Id, "its decisions cannot be read (" + e.Message + ")", e);
            }
        }

        private sealed class DecisionJson
        {
            public string? Reviewer { get; set; }

            public string? Step { get; set; }

            public string? Verdict { get; set; }

            public DateTime At { get; set; }

            public string? Reason { get; set; }
        }
    }
}
