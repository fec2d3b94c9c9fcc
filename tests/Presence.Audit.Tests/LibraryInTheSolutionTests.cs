using System.Linq;
using System.Text.Json.Nodes;
using Presence.Audit.Model;
using Presence.Audit.Reports;

namespace Presence.Audit.Tests;

/// <summary>
/// samples/Samples.sln includes the runtime's own projects from ../src: they add no noise to the map (no schedule
/// read from a shutdown wait, no PRES007 on the runtime's own token), and their files stay valid SARIF locations.
/// </summary>
[Collection(AuditCollection.Name)]
public sealed class LibraryInTheSolutionTests(SamplesMap samples)
{
    [Fact]
    public void A_hosted_service_that_stops_is_no_schedule()
    {
        var stop = Assert.Single(samples.Map.EntryPoints, e => e.Name == "PresenceApprovalsHostedService.StopAsync");
        Assert.Null(stop.Schedule);
        Assert.DoesNotContain(samples.Map.EntryPoints, e => e.Schedule?.Contains("Infinite", System.StringComparison.Ordinal) == true);
    }

    [Fact]
    public void The_runtime_that_defines_the_token_is_not_flagged_for_keeping_it()
        => Assert.DoesNotContain(samples.Map.Diagnostics, d => d.Id == "PRES007" && d.File.Contains("Presence.Abstractions", System.StringComparison.Ordinal));

    [Fact]
    public void Files_above_the_solution_folder_are_relative_to_a_declared_parent_base()
    {
        var map = System.Text.Json.JsonSerializer.Deserialize<PublishingMap>(samples.Json, JsonReport.Options)!;
        map.Diagnostics.Add(new DiagnosticInfo { Id = "PRES001", Severity = "warning", Project = "Lib", File = "../src/Lib/Poster.cs", Line = 3, Column = 5, Message = "m" });
        map.Diagnostics.Add(new DiagnosticInfo { Id = "PRES001", Severity = "warning", Project = "Far", File = "../../far/Poster.cs", Line = 3, Column = 5, Message = "m" });
        var sarif = SarifReport.Write(map);
        Assert.Empty(SarifTests.Errors(sarif));
        var run = JsonNode.Parse(sarif)!["runs"]![0]!;
        var text = run["results"]!.ToJsonString().Replace(" ", "");
        Assert.DoesNotContain("\"uri\":\"../", text);
        Assert.Contains("{\"uri\":\"src/Lib/Poster.cs\",\"uriBaseId\":\"SRCROOT_UP1\"}", text);
        Assert.Contains("{\"uri\":\"far/Poster.cs\",\"uriBaseId\":\"SRCROOT_UP2\"}", text);
        Assert.Equal("../", (string?)run["originalUriBaseIds"]!["SRCROOT_UP1"]!["uri"]);
        Assert.Equal("../../", (string?)run["originalUriBaseIds"]!["SRCROOT_UP2"]!["uri"]);
        Assert.Equal("SRCROOT", (string?)run["originalUriBaseIds"]!["SRCROOT_UP2"]!["uriBaseId"]);
    }
}
