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
            };

            var read = JsonSerializer.Deserialize<List<ReviewerDecision>>(JsonSerializer.Serialize(decisions))!;

            Assert.Equal(
                decisions.Select(d => (d.Reviewer, d.StepName, d.Approved, d.At, d.Reason)),
                read.Select(d => (d.Reviewer, d.StepName, d.Approved, d.At, d.Reason)));
        }
    }
}
