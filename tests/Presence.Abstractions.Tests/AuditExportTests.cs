using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Presence.Abstractions.Tests.Support;

namespace Presence.Abstractions.Tests
{
    /// <summary>The evidence export: JSON lines and CSV of every decision and publish, no content.</summary>
    public class AuditExportTests
    {
        private static readonly ApprovalAuditEvent Decided = new ApprovalAuditEvent(
            ApprovalAuditEventKind.Decided,
            new DateTimeOffset(2026, 8, 3, 11, 5, 0, TimeSpan.FromHours(2)),
            "r1",
            "alice",
            ContentFingerprint.For("Secret launch text"),
            channel: "linkedin:acme",
            reviewers: new[] { "alice", "bob" },
            detail: "=HYPERLINK(\"http://evil\"), \"quoted\"\n<script>");

        [Fact]
        public void Json_lines_hold_one_parsable_object_per_event_in_utc()
        {
            var writer = new StringWriter();

            ApprovalAuditExport.WriteJsonLines(writer, new[] { Decided, Decided });

            var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, lines.Length);
            Assert.DoesNotContain("<script>", lines[0]);
            using var json = JsonDocument.Parse(lines[0]);
            var root = json.RootElement;
            Assert.Equal("2026-08-03T09:05:00.0000000Z", root.GetProperty("at").GetString());
            Assert.Equal(("Decided", "r1", "alice", "linkedin:acme"), (root.GetProperty("kind").GetString(), root.GetProperty("requestId").GetString(), root.GetProperty("actor").GetString(), root.GetProperty("channel").GetString()));
            Assert.Equal(ContentFingerprint.For("Secret launch text").Value, root.GetProperty("fingerprint").GetString());
            Assert.Equal(new[] { "alice", "bob" }, root.GetProperty("reviewers").EnumerateArray().Select(r => r.GetString()));
            Assert.Equal(JsonValueKind.Null, root.GetProperty("gate").ValueKind);
            Assert.Equal(Decided.Detail, root.GetProperty("detail").GetString());
        }

        [Fact]
        public void Csv_has_a_header_quotes_what_needs_it_and_defuses_formulas()
        {
            var writer = new StringWriter();

            ApprovalAuditExport.WriteCsv(writer, new[] { Decided });

            var text = writer.ToString();
            Assert.StartsWith("at,kind,requestId,actor,fingerprint,channel,gate,reviewers,outcome,detail\r\n", text);
            Assert.Contains(",alice;bob,", text);
            Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\"), \"\"quoted\"\"\n<script>\"", text);
        }

        [Fact]
        public async Task The_in_memory_trail_reads_back_with_filters()
        {
            var bench = new Workbench();
            var token = await bench.TokenAsync("Hello");
            await bench.Ledger.SubmitAsync("Other", Workbench.Author, channel: "x:acme");

            var ofRequest = await bench.Audit.ReadAsync(new ApprovalAuditQuery { RequestId = token.RequestId }, default);
            var decisions = await bench.Audit.ReadAsync(new ApprovalAuditQuery { Kind = ApprovalAuditEventKind.Decided, Actor = "ALICE" }, default);
            var limited = await bench.Audit.ReadAsync(new ApprovalAuditQuery { Limit = 1 }, default);
            var later = await bench.Audit.ReadAsync(new ApprovalAuditQuery { From = bench.Clock.Now.AddTicks(1) }, default);

            Assert.Equal(new[] { ApprovalAuditEventKind.Submitted, ApprovalAuditEventKind.Decided, ApprovalAuditEventKind.Redeemed }, ofRequest.Select(e => e.Kind));
            Assert.Single(decisions);
            Assert.Equal(ApprovalAuditEventKind.Submitted, Assert.Single(limited).Kind);
            Assert.Empty(later);
            Assert.Single(await bench.Audit.ReadAsync(new ApprovalAuditQuery { Channel = "x:acme" }, default));
        }
    }
}
