using System.Collections.Generic;
using System.Linq;
using System.Text;
using Presence.Audit.Model;

namespace Presence.Audit.Reports;

/// <summary>The summary and the tables, for a pull-request comment: what changed first when there is a baseline.</summary>
public static class MarkdownReport
{
    public static string Write(PublishingMap map)
    {
        var text = new StringBuilder();
        text.Append("# Publishing map: ").Append(Cell(map.Target)).Append("\n\n");
        text.Append(Report.Headline(map)).Append("\n\n");
        if (map.IsIncomplete)
        {
            text.Append("> [!WARNING]\n> ").Append(Cell(Report.Incomplete(map))).Append('\n');
            foreach (var error in map.CompileErrors.Take(10))
            {
                text.Append("> - ").Append(Link(error.File, error.Line)).Append(": ").Append(Cell(error.Id + ": " + error.Message)).Append('\n');
            }

            text.Append('\n');
        }

        if (map.Changes is { } changes)
        {
            WriteChanges(text, changes);
        }

        text.Append("## Summary\n\n| status | sites |\n|---|---:|\n");
        foreach (var status in SiteStatuses.Ordered)
        {
            if (map.Summary.ByStatus.TryGetValue(status, out var count))
            {
                text.Append("| ").Append(Report.StatusLabel(status)).Append(" | ").Append(count).Append(" |\n");
            }
        }

        text.Append("\n| platform | sites |\n|---|---:|\n");
        foreach (var (platform, count) in map.Summary.ByPlatform)
        {
            text.Append("| ").Append(Cell(platform)).Append(" | ").Append(count).Append(" |\n");
        }

        if (map.Paths.Count > 0)
        {
            text.Append("\n## Unattended paths\n\n| entry point | path | publish call |\n|---|---|---|\n");
            foreach (var path in map.Paths)
            {
                var entry = map.EntryPoints.FirstOrDefault(e => e.Id == path.EntryPoint);
                var last = path.Steps[^1];
                text.Append("| ").Append(Cell(entry is null ? path.EntryPoint : entry.Name + " (" + entry.Reason + Report.When(entry) + ")"))
                    .Append(" | ").Append(Cell(path.Describe))
                    .Append(" | ").Append(Link(last.File, last.Line)).Append(" |\n");
            }
        }

        foreach (var group in map.Sites.GroupBy(s => s.Platform).OrderBy(g => g.Key, System.StringComparer.Ordinal))
        {
            text.Append("\n## ").Append(Cell(group.Key)).Append("\n\n| status | API | kind | in | where | note |\n|---|---|---|---|---|---|\n");
            foreach (var site in group.OrderBy(s => System.Array.IndexOf(SiteStatuses.Ordered, s.Status)).ThenBy(s => s.File, System.StringComparer.Ordinal).ThenBy(s => s.Line))
            {
                text.Append("| ").Append(Report.StatusLabel(site.Status))
                    .Append(" | `").Append(Code(site.Api)).Append('`')
                    .Append(" | ").Append(site.Kind)
                    .Append(" | ").Append(Cell(site.Project + ": " + site.Member))
                    .Append(" | ").Append(Link(site.File, site.Line))
                    .Append(" | ").Append(Cell(Report.Note(site))).Append(" |\n");
            }
        }

        if (map.EntryPoints.Count > 0)
        {
            text.Append("\n## Entry points\n\n| entry point | kind | runs | where |\n|---|---|---|---|\n");
            foreach (var entry in map.EntryPoints)
            {
                text.Append("| ").Append(Cell(entry.Name)).Append(" | ").Append(Cell(entry.Reason))
                    .Append(" | ").Append(Cell(entry.Schedule ?? entry.Route ?? "")).Append(" | ").Append(Link(entry.File, entry.Line)).Append(" |\n");
            }
        }

        if (map.UnresolvedSends.Count > 0)
        {
            text.Append("\n## Sends whose destination could not be resolved\n\n| where | message |\n|---|---|\n");
            foreach (var send in map.UnresolvedSends)
            {
                text.Append("| ").Append(Link(send.File, send.Line)).Append(" | ").Append(Cell(send.Message)).Append(" |\n");
            }
        }

        return text.ToString();
    }

    private static void WriteChanges(StringBuilder text, BaselineChanges changes)
    {
        text.Append("## Changes since the baseline\n\n");
        if (Report.NotCompared(changes) is { } notCompared)
        {
            text.Append("> [!WARNING]\n> ").Append(Cell(notCompared)).Append("\n\n");
        }

        if (changes.AddedPaths.Count + changes.RemovedPaths.Count + changes.AddedSites.Count + changes.RemovedSites.Count + changes.ChangedSites.Count == 0)
        {
            text.Append(changes.NotCompared.Count == 0 ? "Nothing about publishing changed.\n\n" : "Nothing about publishing changed in the projects compared.\n\n");
            return;
        }

        foreach (var path in changes.AddedPaths)
        {
            text.Append("- **New unattended path:** ").Append(Cell(path.Describe)).Append('\n');
        }

        foreach (var path in changes.RemovedPaths)
        {
            text.Append("- Unattended path removed: ").Append(Cell(path.Describe)).Append('\n');
        }

        foreach (var site in changes.AddedSites)
        {
            text.Append("- New publish site (").Append(Report.StatusLabel(site.Status)).Append("): `").Append(Code(site.Api)).Append("` in ")
                .Append(Cell(site.Member)).Append(", ").Append(Link(site.File, site.Line)).Append('\n');
        }

        foreach (var site in changes.RemovedSites)
        {
            text.Append("- Publish site removed: `").Append(Code(site.Api)).Append("` in ").Append(Cell(site.Member)).Append('\n');
        }

        foreach (var change in changes.ChangedSites)
        {
            text.Append("- Status changed from ").Append(Report.StatusLabel(change.Before)).Append(" to ").Append(Report.StatusLabel(change.After))
                .Append(": ").Append(Cell(change.Site)).Append('\n');
        }

        text.Append('\n');
    }

    // Each path segment percent-encoded: a file name can hold no scheme, parenthesis or space that ends the link.
    private static string Link(string file, int line)
        => "[" + Cell(file) + ":" + line + "](" + string.Join("/", file.Split('/').Select(segment => segment == ".." ? segment : System.Uri.EscapeDataString(segment))) + "#L" + line + ")";

    // Text from the code (names, strings in attributes, file names) in the comment: shown as written, never read as
    // Markdown or HTML. A pull request's author writes it, and the comment is posted by the bot: no link, image,
    // emphasis, code span, table cell or line break of theirs may take effect: the characters that open them are
    // escaped with a backslash (a '(' after an escaped ']' links nothing), '<', '>' and '&' are written as entities.
    private static string Cell(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\' or '`' or '*' or '_' or '[' or ']' or '~' or '|':
                    escaped.Append('\\').Append(c);
                    break;
                case '<':
                    escaped.Append("&lt;");
                    break;
                case '>':
                    escaped.Append("&gt;");
                    break;
                case '&':
                    escaped.Append("&amp;");
                    break;
                case '\r' or '\n' or '\u2028' or '\u2029':
                    escaped.Append(' ');
                    break;
                default:
                    escaped.Append(c);
                    break;
            }
        }

        // A bare URL is a link on GitHub too: written so that it is not one.
        return escaped.Replace("://", "\\://").Replace("www.", "www\\.").ToString();
    }

    private static string Code(string text) => text.Replace("`", "'").Replace("|", "\\|");
}

/// <summary>Wording shared by the reports.</summary>
internal static class Report
{
    public static string StatusLabel(string status)
        => status switch
        {
            SiteStatuses.Unattended => "unattended",
            SiteStatuses.Unconfirmed => "unconfirmed",
            SiteStatuses.CallersConfirm => "callers confirm",
            SiteStatuses.Internal => "internal audience",
            SiteStatuses.Justified => "justified",
            SiteStatuses.Gated => "gated",
            SiteStatuses.Confirmed => "confirmed",
            _ => status,
        };

    /// <summary>One sentence on the projects that do not compile, for a map with compile errors.</summary>
    public static string Incomplete(PublishingMap map)
    {
        var projects = map.CompileErrors.Select(e => e.Project).Distinct(System.StringComparer.Ordinal).ToList();
        return $"The map is incomplete: {string.Join(", ", projects)} do{(projects.Count == 1 ? "es" : "")} not compile, and what the compiler "
               + "could not read there (publish sites, entry points, the paths between them) is missing"
               + (map.Changes is null ? "." : $"; {(projects.Count == 1 ? "its" : "their")} publish sites and the unattended paths through {(projects.Count == 1 ? "it" : "them")} were not compared with the baseline (listed neither as removed nor as new).");
    }

    /// <summary>One sentence on the projects a comparison with the baseline could not look at, or null.</summary>
    public static string? NotCompared(BaselineChanges changes)
        => changes.NotCompared.Count == 0
            ? null
            : $"Not compared with the baseline: {string.Join(", ", changes.NotCompared)} do{(changes.NotCompared.Count == 1 ? "es" : "")} not compile, so "
              + "whether publish sites or unattended paths there were added or removed cannot be told.";

    public static string Headline(PublishingMap map)
    {
        var s = map.Summary;
        var projects = map.Projects.Count;
        return $"{s.Sites} publish site{Plural(s.Sites)} in {projects} project{Plural(projects)}: "
               + $"{s.ByStatus.GetValueOrDefault(SiteStatuses.Unattended)} reached unattended on {s.UnattendedPaths} path{Plural(s.UnattendedPaths)}, "
               + $"{s.ByStatus.GetValueOrDefault(SiteStatuses.Unconfirmed)} unconfirmed, "
               + $"{s.ByStatus.GetValueOrDefault(SiteStatuses.Confirmed) + s.ByStatus.GetValueOrDefault(SiteStatuses.Gated)} confirmed or gated. "
               + $"{s.EntryPoints} entry point{Plural(s.EntryPoints)}, {s.UnresolvedSends} unresolved send{Plural(s.UnresolvedSends)}.";
    }

    public static string Note(SiteInfo site)
    {
        var parts = new List<string>();
        if (site.Justification is { } justification)
        {
            parts.Add((site.Status == SiteStatuses.Internal ? "audience: " : "justification: ") + justification);
        }

        if (site.Note is { } note)
        {
            parts.Add(note);
        }

        if (site.Rules.Count > 0)
        {
            parts.Add(string.Join(", ", site.Rules));
        }

        return string.Join("; ", parts);
    }

    /// <summary>", every TimeSpan.FromDays(1)" or ", POST /hooks/github".</summary>
    public static string When(EntryPointInfo entry) => entry.Schedule is { } schedule ? ", " + schedule : entry.Route is { } route ? ", " + route : "";

    private static string Plural(int n) => n == 1 ? "" : "s";
}
