using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Presence.Audit.Analysis;
using Presence.Audit.Model;

namespace Presence.Audit.Reports;

/// <summary>
/// SARIF 2.1.0 (the OASIS schema, validated in the tests): one result per unattended path, with the path as a
/// codeFlow whose threadFlow steps through each call (as code-scanning UIs draw it), and one result per other Presence
/// diagnostic. Every result carries a partialFingerprint made from symbols, not lines, so an unrelated edit does not
/// turn an old finding into a new one. Paths are relative to SRCROOT, the folder of the solution audited.
/// </summary>
public static class SarifReport
{
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    public static string Write(PublishingMap map)
    {
        var descriptors = AuditRunner.Descriptors();
        var rules = new JsonArray();
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var descriptor in descriptors)
        {
            ruleIndex[descriptor.Id] = rules.Count;
            var rule = new JsonObject
            {
                ["id"] = descriptor.Id,
                ["name"] = RuleName(descriptor),
                ["shortDescription"] = new JsonObject { ["text"] = descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                ["defaultConfiguration"] = new JsonObject { ["level"] = Level(descriptor.DefaultSeverity) },
            };
            if (Uri.TryCreate(descriptor.HelpLinkUri, UriKind.Absolute, out _))
            {
                rule["helpUri"] = descriptor.HelpLinkUri;
            }

            rules.Add(rule);
        }

        var results = new JsonArray();
        foreach (var path in map.Paths)
        {
            results.Add(PathResult(map, path, ruleIndex));
        }

        // The path results replace the analyzers' PRES002/PRES003: they follow calls across projects too.
        foreach (var diagnostic in map.Diagnostics.Where(d => d.Id is not ("PRES002" or "PRES003")))
        {
            var site = map.Sites.FirstOrDefault(s => s.Project == diagnostic.Project && s.File == diagnostic.File && s.Line == diagnostic.Line && s.Column == diagnostic.Column);
            var result = new JsonObject
            {
                ["ruleId"] = diagnostic.Id,
                ["level"] = SarifLevel(diagnostic.Severity),
                ["message"] = new JsonObject { ["text"] = diagnostic.Message },
                ["locations"] = new JsonArray(Location(diagnostic.File, diagnostic.Line, diagnostic.Column, null)),
                ["partialFingerprints"] = new JsonObject
                {
                    ["presenceFinding/v1"] = Hash(diagnostic.Id + "|" + (site?.Id ?? diagnostic.Project + "|" + diagnostic.File + "|" + diagnostic.Message)),
                },
            };
            if (ruleIndex.TryGetValue(diagnostic.Id, out var index))
            {
                result["ruleIndex"] = index;
            }

            if (site is not null)
            {
                result["properties"] = new JsonObject { ["site"] = site.Id, ["platform"] = site.Platform, ["status"] = site.Status };
            }

            results.Add(result);
        }

        var log = new JsonObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "presence",
                        ["fullName"] = "presence audit (Presence.Analyzers)",
                        ["version"] = map.ToolVersion,
                        ["semanticVersion"] = map.ToolVersion,
                        ["rules"] = rules,
                    },
                },
                ["originalUriBaseIds"] = new JsonObject
                {
                    ["SRCROOT"] = new JsonObject { ["description"] = new JsonObject { ["text"] = "The folder of " + map.Target + "." } },
                },
                // A project that does not compile: the run did not see everything, and says so where SARIF viewers look.
                ["invocations"] = new JsonArray(new JsonObject
                {
                    ["executionSuccessful"] = !map.IsIncomplete,
                    ["toolExecutionNotifications"] = new JsonArray(map.CompileErrors.Select(error => (JsonNode)new JsonObject
                    {
                        ["level"] = "error",
                        ["message"] = new JsonObject { ["text"] = $"{error.Project} does not compile ({error.Id}: {error.Message}); the map is incomplete." },
                        ["locations"] = new JsonArray(Location(error.File, error.Line, error.Column, null)),
                    }).Concat((map.Changes?.NotCompared ?? []).Select(project => (JsonNode)new JsonObject
                    {
                        ["level"] = "warning",
                        ["message"] = new JsonObject { ["text"] = $"{project} was not compared with the baseline: it does not compile, so whether publish sites or unattended paths there were added or removed cannot be told." },
                    })).ToArray()),
                }),
                ["columnKind"] = "utf16CodeUnits",
                ["results"] = results,
                ["properties"] = new JsonObject
                {
                    ["summary"] = JsonSerializer.SerializeToNode(map.Summary, JsonReport.Options),
                },
            }),
        };
        DeclareParents(log);
        return log.ToJsonString(JsonReport.Options) + "\n";
    }

    // A file above the solution's folder (a project the solution includes from ../src) is relative to a base that
    // is itself relative to SRCROOT ("SRCROOT_UP1" = "../"), so that every artifact's uri stays a plain relative
    // reference under its base, as SARIF asks of a uri with a uriBaseId.
    private static void DeclareParents(JsonObject log)
    {
        var run = (JsonObject)log["runs"]![0]!;
        var bases = (JsonObject)run["originalUriBaseIds"]!;
        var depths = new SortedSet<int>();
        Collect(run, depths);
        foreach (var depth in depths)
        {
            bases[ParentBase(depth)] = new JsonObject
            {
                ["uri"] = string.Concat(Enumerable.Repeat("../", depth)),
                ["uriBaseId"] = "SRCROOT",
                ["description"] = new JsonObject { ["text"] = depth == 1 ? "The folder above SRCROOT." : $"The folder {depth} levels above SRCROOT." },
            };
        }
    }

    private static void Collect(JsonNode? node, SortedSet<int> depths)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    if (name == "uriBaseId" && value?.GetValue<string>() is { } id && id.StartsWith("SRCROOT_UP", StringComparison.Ordinal))
                    {
                        depths.Add(int.Parse(id["SRCROOT_UP".Length..], System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        Collect(value, depths);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, depths);
                }

                break;
        }
    }

    private static string ParentBase(int depth) => "SRCROOT_UP" + depth.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static JsonObject ArtifactLocation(string file)
    {
        var depth = 0;
        while (file.StartsWith("../", StringComparison.Ordinal))
        {
            file = file[3..];
            depth++;
        }

        return new JsonObject { ["uri"] = Uri.EscapeDataString(file).Replace("%2F", "/"), ["uriBaseId"] = depth == 0 ? "SRCROOT" : ParentBase(depth) };
    }

    private static JsonObject PathResult(PublishingMap map, PathInfo path, Dictionary<string, int> ruleIndex)
    {
        var entry = map.EntryPoints.First(e => e.Id == path.EntryPoint);
        var site = map.Sites.First(s => s.Id == path.Site);
        var ruleId = path.Kind == "incoming-message" ? "PRES003" : "PRES002";
        var configured = map.Diagnostics.FirstOrDefault(d => d.Id == ruleId && d.Project == entry.Project && d.File == entry.File && d.Line == entry.Line);
        var level = configured is not null ? SarifLevel(configured.Severity) : ruleId == "PRES002" ? "error" : "warning";
        var where = site.Platform == "(unspecified)" ? "publishes" : "posts to " + site.Platform;
        var message = $"{entry.Name} ({entry.Reason}{Report.When(entry)}) {where} with nobody confirming: {path.Describe}.";

        var steps = new JsonArray();
        for (var i = 0; i < path.Steps.Count; i++)
        {
            var step = path.Steps[i];
            var text = i + 1 < path.Steps.Count
                ? $"{step.Function} calls {path.Steps[i + 1].Function}{(step.Project != path.Steps[i + 1].Project ? " (in " + path.Steps[i + 1].Project + ")" : "")}"
                : $"{step.Function} {where} through {site.Api}";
            steps.Add(new JsonObject
            {
                ["location"] = Location(step.File, step.Line, step.Column, text),
                ["kinds"] = new JsonArray(i + 1 < path.Steps.Count ? "call" : "danger"),
                ["nestingLevel"] = i,
                ["executionOrder"] = i + 1,
            });
        }

        var result = new JsonObject
        {
            ["ruleId"] = ruleId,
            ["level"] = level,
            ["message"] = new JsonObject { ["text"] = message },
            ["locations"] = new JsonArray(Location(entry.File, entry.Line, 1, null)),
            ["relatedLocations"] = new JsonArray(Location(site.File, site.Line, site.Column, "the publish call", id: 1)),
            ["codeFlows"] = new JsonArray(new JsonObject
            {
                ["message"] = new JsonObject { ["text"] = path.Describe },
                ["threadFlows"] = new JsonArray(new JsonObject { ["locations"] = steps }),
            }),
            ["partialFingerprints"] = new JsonObject { ["presencePath/v1"] = Hash(path.Id) },
            ["properties"] = new JsonObject
            {
                ["entryPoint"] = entry.Id,
                ["site"] = site.Id,
                ["platform"] = site.Platform,
                ["crossesProjects"] = path.Steps.Select(s => s.Project).Distinct().Count() > 1,
            },
        };
        if (ruleIndex.TryGetValue(ruleId, out var index))
        {
            result["ruleIndex"] = index;
        }

        return result;
    }

    private static JsonObject Location(string file, int line, int column, string? message, int? id = null)
    {
        var location = new JsonObject();
        if (id is { } value)
        {
            location["id"] = value;
        }

        location["physicalLocation"] = new JsonObject
        {
            ["artifactLocation"] = ArtifactLocation(file),
            ["region"] = new JsonObject { ["startLine"] = Math.Max(1, line), ["startColumn"] = Math.Max(1, column) },
        };
        if (message is not null)
        {
            location["message"] = new JsonObject { ["text"] = message };
        }

        return location;
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];

    private static string RuleName(DiagnosticDescriptor descriptor)
    {
        // "UnattendedPublish"-style names from the title's words.
        var words = descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray())).Where(w => w.Length > 0).Take(6);
        return string.Concat(words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
    }

    private static string Level(DiagnosticSeverity severity) => SarifLevel(severity.ToString().ToLowerInvariant());

    private static string SarifLevel(string severity)
        => severity switch
        {
            "error" => "error",
            "warning" => "warning",
            "info" => "note",
            _ => "none",
        };
}
