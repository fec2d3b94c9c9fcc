using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Presence.Abstractions.Tests
{
    /// <summary>What docs/approvals.md tells store authors they can rely on.</summary>
    public class StorageShapeTests
    {
        [Fact]
        public void Decisions_round_trip_through_System_Text_Json_for_a_json_column()
        {
            var decisions = new List<ReviewerDecision>
            {
                new ReviewerDecision("lena", "legal", true, new DateTimeOffset(2026, 8, 3, 9, 5, 0, TimeSpan.Zero), "Legal OK"),
                new ReviewerDecision("ben", "brand", false, new DateTimeOffset(2026, 8, 3, 9, 7, 0, TimeSpan.FromHours(2))),
                new ReviewerDecision("bea", "brand", false, new DateTimeOffset(2026, 8, 3, 9, 8, 0, TimeSpan.Zero), "Shorter, please", changesRequested: true),
            };

            var read = JsonSerializer.Deserialize<List<ReviewerDecision>>(JsonSerializer.Serialize(decisions))!;

            Assert.Equal(
                decisions.Select(d => (d.Reviewer, d.StepName, d.Verdict, d.At, d.Reason)),
                read.Select(d => (d.Reviewer, d.StepName, d.Verdict, d.At, d.Reason)));
        }

        [Theory]
        [InlineData(-1)]
        [InlineData(8)]
        [InlineData(99)]
        public void A_record_with_a_status_this_version_does_not_know_is_refused(int status)
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ApprovalRecord(
                "r1", ContentFingerprint.For("x"), "author", null, null, DateTimeOffset.UnixEpoch, null, (ApprovalStatus)status,
                Array.Empty<ReviewerDecision>(), null, DateTimeOffset.UnixEpoch, null, 1));

            Assert.Contains("Request r1 has a status this version does not know", error.Message);
        }

        [Fact]
        public void A_decision_cannot_both_approve_and_request_changes_and_a_request_for_changes_needs_a_note()
        {
            Assert.Throws<ArgumentException>(() => new ReviewerDecision("bea", "brand", true, DateTimeOffset.UnixEpoch, "note", changesRequested: true));
            Assert.ThrowsAny<ArgumentException>(() => new ReviewerDecision("bea", "brand", false, DateTimeOffset.UnixEpoch, " ", changesRequested: true));
        }
    }
}
