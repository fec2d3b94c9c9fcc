using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Presence.Audit.Model;
using Presence.Audit.Reports;

namespace Presence.Audit.Tests;

/// <summary>The SARIF output, validated against the OASIS SARIF 2.1.0 schema committed in Schemas/.</summary>
[Collection(AuditCollection.Name)]
public sealed class SarifTests(SamplesMap samples, CrossProjectMap cross)
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        // The schema declares draft-04, which JsonSchema.Net reads with draft-06 rules (the same for every keyword it uses).
        var build = new BuildOptions();
        build.DialectRegistry.Register(Dialect.Draft06.With([], new Uri("http://json-schema.org/draft-04/schema#"), null, true));
        return JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "sarif-schema-2.1.0.json")), build);
    });

    internal static string[] Errors(string sarif)
    {
        using var document = JsonDocument.Parse(sarif);
        var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return result.IsValid
            ? []
            : (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + ": " + e.Value)).DefaultIfEmpty("invalid").ToArray();
    }

    [Fact]
    public void The_samples_SARIF_is_valid_SARIF_2_1_0()
        => Assert.Empty(Errors(SarifReport.Write(samples.Map)));

    [Fact]
    public void The_cross_project_SARIF_is_valid_SARIF_2_1_0()
        => Assert.Empty(Errors(SarifReport.Write(cross.Map)));

    [Fact]
    public void The_schema_rejects_what_SARIF_forbids()
    {
        var sarif = JsonNode.Parse(SarifReport.Write(cross.Map))!;
        sarif["runs"]![0]!["results"]![0]!.AsObject().Remove("message");
        Assert.NotEmpty(Errors(sarif.ToJsonString()));
        sarif = JsonNode.Parse(SarifReport.Write(cross.Map))!;
        sarif["runs"]![0]!["results"]![0]!["level"] = "fatal";
        Assert.NotEmpty(Errors(sarif.ToJsonString()));
    }

    [Fact]
    public void Each_unattended_path_is_a_result_with_a_code_flow_through_every_call()
    {
        var sarif = JsonNode.Parse(SarifReport.Write(cross.Map))!;
        var results = sarif["runs"]![0]!["results"]!.AsArray();
        var pathResult = Assert.Single(results, r => r!["codeFlows"] is not null)!;
        Assert.Equal("PRES002", (string?)pathResult["ruleId"]);
        var steps = pathResult["codeFlows"]![0]!["threadFlows"]![0]!["locations"]!.AsArray();
        var path = cross.Map.Paths.Single();
        Assert.Equal(path.Steps.Count, steps.Count);
        Assert.Equal(["Worker/Jobs.cs", "Core/Deals.cs"], steps.Select(s => (string?)s!["location"]!["physicalLocation"]!["artifactLocation"]!["uri"]));
        Assert.Equal("NightlyDeals.ExecuteAsync calls DealPoster.PostAsync (in Core)", (string?)steps[0]!["location"]!["message"]!["text"]);
        Assert.True(pathResult["properties"]!["crossesProjects"]!.GetValue<bool>());
        Assert.False(string.IsNullOrEmpty((string?)pathResult["partialFingerprints"]!["presencePath/v1"]));
        Assert.All(results, r => Assert.NotNull(r!["partialFingerprints"]));
    }

    [Fact]
    public void Fingerprints_do_not_move_with_line_numbers()
    {
        // The same map with every line seven further down, as after an unrelated edit at the top of each file.
        var node = JsonNode.Parse(JsonReport.Write(cross.Map))!;
        Shift(node);
        var moved = node.Deserialize<PublishingMap>(JsonReport.Options)!;
        Assert.NotEqual(cross.Map.Paths[0].Steps[0].Line, moved.Paths[0].Steps[0].Line);

        static void Shift(JsonNode? node)
        {
            if (node is JsonObject obj)
            {
                foreach (var (key, value) in obj.ToList())
                {
                    if (key == "line" && value is JsonValue number)
                    {
                        obj[key] = number.GetValue<int>() + 7;
                    }
                    else
                    {
                        Shift(value);
                    }
                }
            }
            else if (node is JsonArray array)
            {
                foreach (var item in array)
                {
                    Shift(item);
                }
            }
        }

        static string[] Fingerprints(PublishingMap map)
            => JsonNode.Parse(SarifReport.Write(map))!["runs"]![0]!["results"]!.AsArray()
                .Select(r => r!["partialFingerprints"]!.ToJsonString()).ToArray();

        Assert.Equal(Fingerprints(cross.Map), Fingerprints(moved));
    }
}
