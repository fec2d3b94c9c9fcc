using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Presence.Audit.Model;

namespace Presence.Audit.Reports;

/// <summary>The map as JSON: camelCase, indented, the field order of the model, as docs/audit.md documents it.</summary>
public static class JsonReport
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        // Arrows and non-ASCII names stay readable; nothing here is embedded in HTML unescaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Write(PublishingMap map) => JsonSerializer.Serialize(map, Options) + "\n";

    /// <summary>Reads a map written by <see cref="Write"/> (a baseline); a file that is not one is an <see cref="Loading.AuditException"/>.</summary>
    public static PublishingMap Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new Loading.AuditException($"Cannot read the baseline '{path}': {e.Message}");
        }
        catch (System.UnauthorizedAccessException)
        {
            throw new Loading.AuditException($"Cannot read the baseline '{path}': access denied.");
        }

        try
        {
            using (var document = JsonDocument.Parse(text))
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object
                    || !document.RootElement.TryGetProperty("tool", out var tool) || tool.ValueKind != JsonValueKind.String || tool.GetString() != "presence"
                    || !document.RootElement.TryGetProperty("sites", out _))
                {
                    throw new Loading.AuditException($"'{path}' is not a map written by `presence audit --format json`.");
                }
            }

            var map = JsonSerializer.Deserialize<PublishingMap>(text, Options);
            if (map is null)
            {
                throw new Loading.AuditException($"'{path}' is not a map written by `presence audit --format json`.");
            }

            if (map.SchemaVersion > new PublishingMap().SchemaVersion)
            {
                throw new Loading.AuditException($"'{path}' was written by a newer presence (map version {map.SchemaVersion}); update the tool.");
            }

            if (Missing(map) is { } missing)
            {
                throw new Loading.AuditException($"'{path}' is not a map written by `presence audit --format json`: {missing} is missing.");
            }

            return map;
        }
        catch (JsonException e)
        {
            throw new Loading.AuditException($"'{path}' is not a map written by `presence audit --format json` ({e.Message}).");
        }
    }

    // A map edited by hand (or by another tool) can hold null where presence always writes a value: the comparison
    // reads these, so a null is named rather than failing later.
    private static string? Missing(PublishingMap map)
    {
        if (map.Sites is null)
        {
            return "the 'sites' list";
        }

        if (map.Paths is null)
        {
            return "the 'paths' list";
        }

        for (var i = 0; i < map.Sites.Count; i++)
        {
            if (map.Sites[i] is not { Id: not null, Status: not null, Api: not null, Member: not null, File: not null })
            {
                return $"the id, status, api, member or file of site {i + 1}";
            }
        }

        for (var i = 0; i < map.Paths.Count; i++)
        {
            if (map.Paths[i] is not { Id: not null, Describe: not null })
            {
                return $"the id or description of path {i + 1}";
            }
        }

        return null;
    }
}
