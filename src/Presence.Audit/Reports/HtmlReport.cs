using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Presence.Audit.Model;

namespace Presence.Audit.Reports;

/// <summary>
/// One self-contained page: a summary, the drawn map (inline SVG laid out here, no script, no external resource),
/// the changes since a baseline, a table per platform, the entry points and the unresolved sends. Every text from the
/// code is HTML-encoded; a Content-Security-Policy forbids scripts and any fetch.
/// </summary>
public static class HtmlReport
{
    /// <param name="map">The map.</param>
    /// <param name="linkBase">The solution's folder relative to where the page is written, so file links open the sources.</param>
    public static string Write(PublishingMap map, string linkBase = "")
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>Publishing map: ").Append(E(map.Target)).Append("</title>\n<style>\n").Append(Css()).Append("</style>\n</head>\n<body>\n");
        html.Append("<header><h1>Publishing map <span class=\"target\">").Append(E(map.Target)).Append("</span></h1>\n<p class=\"headline\">")
            .Append(E(Report.Headline(map))).Append("</p>\n<p class=\"meta\">").Append(E(map.Configuration)).Append(" · ")
            .Append(map.Projects.Count).Append(" projects: ").Append(E(string.Join(", ", map.Projects.Select(p => p.Name + " (" + p.Enforcement + ")"))))
            .Append(" · presence ").Append(E(map.ToolVersion)).Append("</p></header>\n<main>\n");

        if (map.IsIncomplete)
        {
            html.Append("<section class=\"incomplete\"><p><strong>").Append(E(Report.Incomplete(map))).Append("</strong></p>\n<ul>\n");
            foreach (var error in map.CompileErrors.Take(10))
            {
                html.Append("<li>").Append(E(error.File + ":" + error.Line + ": " + error.Id + ": " + error.Message)).Append("</li>\n");
            }

            html.Append("</ul></section>\n");
        }

        WriteSummary(html, map);
        if (map.Changes is { } changes)
        {
            WriteChanges(html, changes);
        }

        WriteMap(html, map);
        WritePaths(html, map, linkBase);
        WriteSites(html, map, linkBase);
        WriteEntries(html, map, linkBase);
        WriteUnresolved(html, map, linkBase);
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void WriteSummary(StringBuilder html, PublishingMap map)
    {
        html.Append("<section id=\"summary\"><h2>Summary</h2>\n<ul class=\"cards\">\n");
        foreach (var status in SiteStatuses.Ordered)
        {
            var count = map.Summary.ByStatus.GetValueOrDefault(status);
            html.Append("<li class=\"card status-").Append(status).Append(count == 0 ? " zero" : "").Append("\"><span class=\"count\">").Append(count)
                .Append("</span><span class=\"label\">").Append(E(Report.StatusLabel(status))).Append("</span></li>\n");
        }

        html.Append("<li class=\"card paths\"><span class=\"count\">").Append(map.Summary.UnattendedPaths).Append("</span><span class=\"label\">unattended paths</span></li>\n")
            .Append("<li class=\"card\"><span class=\"count\">").Append(map.Summary.EntryPoints).Append("</span><span class=\"label\">entry points</span></li>\n")
            .Append("<li class=\"card\"><span class=\"count\">").Append(map.Summary.UnresolvedSends).Append("</span><span class=\"label\">unresolved sends</span></li>\n</ul>\n");
        html.Append("<table class=\"platforms\"><thead><tr><th>platform</th><th class=\"n\">sites</th>");
        foreach (var status in SiteStatuses.Ordered)
        {
            html.Append("<th class=\"n\">").Append(E(Report.StatusLabel(status))).Append("</th>");
        }

        html.Append("</tr></thead><tbody>\n");
        foreach (var (platform, count) in map.Summary.ByPlatform)
        {
            html.Append("<tr><th><a href=\"#").Append(Anchor("platform", platform)).Append("\">").Append(E(platform)).Append("</a></th><td class=\"n\">").Append(count).Append("</td>");
            foreach (var status in SiteStatuses.Ordered)
            {
                var n = map.Sites.Count(s => s.Platform == platform && s.Status == status);
                html.Append("<td class=\"n").Append(n > 0 ? " status-" + status : "").Append("\">").Append(n == 0 ? "" : n.ToString(CultureInfo.InvariantCulture)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody></table></section>\n");
    }

    private static void WriteChanges(StringBuilder html, BaselineChanges changes)
    {
        html.Append("<section id=\"changes\"><h2>Changes since the baseline</h2>\n");
        if (Report.NotCompared(changes) is { } notCompared)
        {
            html.Append("<p class=\"incomplete\"><strong>").Append(E(notCompared)).Append("</strong></p>\n");
        }

        html.Append("<ul class=\"changes\">\n");
        var any = false;
        foreach (var path in changes.AddedPaths)
        {
            any = true;
            html.Append("<li class=\"added bad\"><strong>New unattended path:</strong> ").Append(E(path.Describe)).Append("</li>\n");
        }

        foreach (var path in changes.RemovedPaths)
        {
            any = true;
            html.Append("<li class=\"removed\">Unattended path removed: ").Append(E(path.Describe)).Append("</li>\n");
        }

        foreach (var site in changes.AddedSites)
        {
            any = true;
            html.Append("<li class=\"added\">New publish site (").Append(E(Report.StatusLabel(site.Status))).Append("): <code>").Append(E(site.Api))
                .Append("</code> in ").Append(E(site.Member)).Append("</li>\n");
        }

        foreach (var site in changes.RemovedSites)
        {
            any = true;
            html.Append("<li class=\"removed\">Publish site removed: <code>").Append(E(site.Api)).Append("</code> in ").Append(E(site.Member)).Append("</li>\n");
        }

        foreach (var change in changes.ChangedSites)
        {
            any = true;
            html.Append("<li class=\"changed\">").Append(E(change.Site)).Append(": ").Append(E(Report.StatusLabel(change.Before))).Append(" → ")
                .Append(E(Report.StatusLabel(change.After))).Append("</li>\n");
        }

        if (!any)
        {
            html.Append(changes.NotCompared.Count == 0 ? "<li>Nothing about publishing changed.</li>\n" : "<li>Nothing about publishing changed in the projects compared.</li>\n");
        }

        html.Append("</ul></section>\n");
    }

    private static void WriteMap(StringBuilder html, PublishingMap map)
    {
        var layout = MapLayout.For(map);
        html.Append("<section id=\"map\"><h2>Map</h2>\n<p class=\"hint\">Entry points on the left, publish sites on the right, each project in its band; an arrow is a call that no confirmation guards. Hover a box for its full name; click it for its row below.</p>\n");
        if (layout.Nodes.Count == 0)
        {
            html.Append("<p>No publish site and no entry point.</p></section>\n");
            return;
        }

        html.Append("<ul class=\"legend\">");
        foreach (var status in SiteStatuses.Ordered)
        {
            html.Append("<li><span class=\"swatch status-").Append(status).Append("\"></span>").Append(E(Report.StatusLabel(status))).Append("</li>");
        }

        html.Append("<li><span class=\"swatch entry\"></span>entry point</li><li><span class=\"swatch function\"></span>method on a path</li></ul>\n");
        html.Append("<div class=\"scroll\"><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"map-title\" width=\"").Append(N(layout.Width))
            .Append("\" height=\"").Append(N(layout.Height)).Append("\" viewBox=\"0 0 ").Append(N(layout.Width)).Append(' ').Append(N(layout.Height)).Append("\">\n")
            .Append("<title id=\"map-title\">").Append(E($"{map.Summary.UnattendedPaths} unattended paths from {map.Summary.EntryPoints} entry points to {map.Summary.Sites} publish sites")).Append("</title>\n")
            .Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"arrowhead\"/></marker></defs>\n");
        foreach (var band in layout.Bands)
        {
            html.Append("<g class=\"band\"><rect x=\"4\" y=\"").Append(N(band.Top)).Append("\" width=\"").Append(N(layout.Width - 8)).Append("\" height=\"").Append(N(band.Height))
                .Append("\" rx=\"8\"/><text x=\"14\" y=\"").Append(N(band.Top + 16)).Append("\" class=\"band-label\">").Append(E(band.Project)).Append("</text></g>\n");
        }

        foreach (var edge in layout.Edges)
        {
            var x1 = edge.From.X + MapLayout.NodeWidth;
            var y1 = edge.From.Y + MapLayout.NodeHeight / 2;
            var x2 = edge.To.X;
            var y2 = edge.To.Y + MapLayout.NodeHeight / 2;
            var bend = Math.Max(30, (x2 - x1) / 2);
            var cross = edge.From.Project != edge.To.Project;
            html.Append("<path class=\"edge").Append(cross ? " cross" : "").Append("\" d=\"M").Append(N(x1)).Append(',').Append(N(y1))
                .Append(" C").Append(N(x1 + bend)).Append(',').Append(N(y1)).Append(' ').Append(N(x2 - bend)).Append(',').Append(N(y2)).Append(' ').Append(N(x2 - 2)).Append(',').Append(N(y2))
                .Append("\" marker-end=\"url(#arrow)\"><title>").Append(E(edge.From.Label + " calls " + edge.To.Label + (cross ? " (" + edge.From.Project + " → " + edge.To.Project + ")" : ""))).Append("</title></path>\n");
        }

        foreach (var node in layout.Nodes)
        {
            var css = node.Kind switch
            {
                "entry" => "node entry",
                "function" => "node function",
                _ => "node site status-" + node.Status,
            };
            if (node.Anchor is not null)
            {
                html.Append("<a href=\"#").Append(node.Anchor).Append("\">");
            }

            html.Append("<g class=\"").Append(css).Append("\"><title>").Append(E(node.Label + "\n" + node.Detail + "\n" + node.Project + (node.Platform is { } platform ? " · " + platform : ""))).Append("</title>")
                .Append("<rect x=\"").Append(N(node.X)).Append("\" y=\"").Append(N(node.Y)).Append("\" width=\"").Append(N(MapLayout.NodeWidth)).Append("\" height=\"").Append(N(MapLayout.NodeHeight))
                .Append("\" rx=\"").Append(node.Kind == "entry" ? "14" : "5").Append("\"/>")
                .Append("<text x=\"").Append(N(node.X + 10)).Append("\" y=\"").Append(N(node.Y + 19)).Append("\" class=\"label\">").Append(E(Fit(node.Label, 12.5, MapLayout.NodeWidth - 20))).Append("</text>")
                .Append("<text x=\"").Append(N(node.X + 10)).Append("\" y=\"").Append(N(node.Y + 36)).Append("\" class=\"detail\">").Append(E(Fit(node.Detail, 11, MapLayout.NodeWidth - 20))).Append("</text></g>");
            if (node.Anchor is not null)
            {
                html.Append("</a>");
            }

            html.Append('\n');
        }

        html.Append("</svg></div>\n");
        if (layout.OmittedSites > 0)
        {
            html.Append("<p class=\"hint\">").Append(layout.OmittedSites).Append(" publish sites that no unattended path reaches are not drawn, to keep the map readable; the tables below list them.</p>\n");
        }

        html.Append("</section>\n");
    }

    private static void WritePaths(StringBuilder html, PublishingMap map, string linkBase)
    {
        if (map.Paths.Count == 0)
        {
            return;
        }

        html.Append("<section id=\"paths\"><h2>Unattended paths</h2>\n<table><thead><tr><th>entry point</th><th>steps (each call, with where it is made)</th></tr></thead><tbody>\n");
        foreach (var path in map.Paths)
        {
            var entry = map.EntryPoints.First(e => e.Id == path.EntryPoint);
            html.Append("<tr class=\"status-unattended\"><td><strong>").Append(E(entry.Name)).Append("</strong><br><span class=\"sub\">").Append(E(entry.Reason + Report.When(entry)))
                .Append("</span></td><td><ol class=\"steps\">");
            foreach (var step in path.Steps)
            {
                html.Append("<li>").Append(E(step.Function)).Append(" <span class=\"sub\">").Append(E(step.Project)).Append(", ").Append(Link(linkBase, step.File, step.Line)).Append("</span></li>");
            }

            var site = map.Sites.First(s => s.Id == path.Site);
            html.Append("<li><strong>").Append(E(site.Api)).Append("</strong> <span class=\"sub\">").Append(E(site.Platform)).Append("</span></li></ol></td></tr>\n");
        }

        html.Append("</tbody></table></section>\n");
    }

    private static void WriteSites(StringBuilder html, PublishingMap map, string linkBase)
    {
        html.Append("<section id=\"sites\"><h2>Publish sites by platform</h2>\n");
        if (map.Sites.Count == 0)
        {
            html.Append("<p>No publish site was found.</p>\n");
        }

        foreach (var group in map.Sites.GroupBy(s => s.Platform).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            html.Append("<h3 id=\"").Append(Anchor("platform", group.Key)).Append("\">").Append(E(group.Key)).Append(" <span class=\"sub\">").Append(group.Count()).Append(" sites</span></h3>\n")
                .Append("<table><thead><tr><th>status</th><th>API</th><th>kind</th><th>in</th><th>where</th><th>notes</th></tr></thead><tbody>\n");
            foreach (var site in group.OrderBy(s => Array.IndexOf(SiteStatuses.Ordered, s.Status)).ThenBy(s => s.File, StringComparer.Ordinal).ThenBy(s => s.Line))
            {
                html.Append("<tr id=\"").Append(Anchor("site", site.Id)).Append("\" class=\"status-").Append(site.Status).Append("\"><td><span class=\"pill status-").Append(site.Status).Append("\">")
                    .Append(E(Report.StatusLabel(site.Status))).Append("</span></td><td><code>").Append(E(site.Api)).Append("</code></td><td>").Append(E(site.Kind))
                    .Append("</td><td>").Append(E(site.Member)).Append("<br><span class=\"sub\">").Append(E(site.Project)).Append("</span></td><td>")
                    .Append(Link(linkBase, site.File, site.Line)).Append("</td><td>").Append(E(Report.Note(site))).Append("</td></tr>\n");
            }

            html.Append("</tbody></table>\n");
        }

        html.Append("</section>\n");
    }

    private static void WriteEntries(StringBuilder html, PublishingMap map, string linkBase)
    {
        if (map.EntryPoints.Count == 0)
        {
            return;
        }

        html.Append("<section id=\"entries\"><h2>Entry points</h2>\n<table><thead><tr><th>entry point</th><th>kind</th><th>runs</th><th>where</th><th class=\"n\">paths</th></tr></thead><tbody>\n");
        foreach (var entry in map.EntryPoints)
        {
            var paths = map.Paths.Count(p => p.EntryPoint == entry.Id);
            html.Append("<tr id=\"").Append(Anchor("entry", entry.Id)).Append("\"").Append(paths > 0 ? " class=\"status-unattended\"" : "").Append("><td>").Append(E(entry.Name))
                .Append("<br><span class=\"sub\">").Append(E(entry.Project)).Append("</span></td><td>").Append(E(entry.Reason)).Append("</td><td>")
                .Append(E(entry.Schedule ?? entry.Route ?? "")).Append("</td><td>").Append(Link(linkBase, entry.File, entry.Line)).Append("</td><td class=\"n\">").Append(paths).Append("</td></tr>\n");
        }

        html.Append("</tbody></table></section>\n");
    }

    private static void WriteUnresolved(StringBuilder html, PublishingMap map, string linkBase)
    {
        if (map.UnresolvedSends.Count == 0)
        {
            return;
        }

        html.Append("<section id=\"unresolved\"><h2>Sends whose destination could not be resolved</h2>\n<table><thead><tr><th>where</th><th>message</th></tr></thead><tbody>\n");
        foreach (var send in map.UnresolvedSends)
        {
            html.Append("<tr><td>").Append(Link(linkBase, send.File, send.Line)).Append("</td><td>").Append(E(send.Message)).Append("</td></tr>\n");
        }

        html.Append("</tbody></table></section>\n");
    }

    /// <summary>A stable fragment id for a row: a short hash of the id (ids hold characters fragments do not like).</summary>
    public static string Anchor(string kind, string id) => kind + "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..12];

    /// <summary>", every TimeSpan.FromDays(1)" for a box, kept short.</summary>
    public static string WhenShort(EntryPointInfo entry) => Report.When(entry);

    private static string Link(string linkBase, string file, int line)
    {
        var target = string.IsNullOrEmpty(linkBase) ? file : linkBase.TrimEnd('/') + "/" + file;
        var href = string.Join('/', target.Split('/').Select(Uri.EscapeDataString));
        return "<a href=\"" + E(href) + "\">" + E(file) + ":" + line.ToString(CultureInfo.InvariantCulture) + "</a>";
    }

    // Shortens a label to fit its box. The width is estimated from character classes, on the wide side (DejaVu Sans,
    // the usual fallback on Linux, is wider than most UI fonts), so the text never runs out of the box.
    private static string Fit(string text, double fontSize, double width)
    {
        double Width(char c) => fontSize * (c switch
        {
            'i' or 'l' or 'j' or '.' or ',' or '\'' or '|' or '!' or ':' or ';' or 'I' or '(' or ')' or ' ' or 't' or 'f' or 'r' => 0.40,
            'm' or 'w' or 'M' or 'W' or '…' or '—' => 0.95,
            _ when char.IsUpper(c) || char.IsDigit(c) => 0.74,
            _ => 0.64,
        });

        if (text.Sum(Width) <= width)
        {
            return text;
        }

        var budget = width - Width('…');
        var used = 0.0;
        var end = 0;
        while (end < text.Length && used + Width(text[end]) <= budget)
        {
            used += Width(text[end]);
            end++;
        }

        return text[..end] + "…";
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Css()
    {
        using var stream = typeof(HtmlReport).Assembly.GetManifestResourceStream("Presence.Audit.Reports.map.css")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
