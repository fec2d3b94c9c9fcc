using System;
using System.Collections.Generic;
using System.Linq;
using Presence.Audit.Model;

namespace Presence.Audit.Analysis;

/// <summary>
/// What changed between a baseline map and this one, matched by ids built from symbols (project, member, API, the
/// functions of a path), so that moving code within a file or editing unrelated lines changes nothing.
/// </summary>
public static class Baseline
{
    public static BaselineChanges Compare(PublishingMap before, PublishingMap after)
    {
        // A project that does not compile now hides what the compiler could not read there: its sites and the paths
        // through it are neither removed nor new, and the comparison says it could not look.
        var unreadable = after.CompileErrors.Select(e => e.Project).ToHashSet(StringComparer.Ordinal);
        bool Compared(SiteInfo site) => unreadable.Count == 0 || site.Project is null || !unreadable.Contains(site.Project);
        bool ComparedPath(PathInfo path)
            => unreadable.Count == 0
               || (!(path.Site is { } site && unreadable.Contains(ProjectOf(site)))
                   && !(path.Steps?.Any(step => step?.Project is { } project && unreadable.Contains(project)) ?? false));

        var beforeSites = before.Sites.GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var afterSites = after.Sites.GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var beforePaths = before.Paths.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var afterPaths = after.Paths.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var changes = new BaselineChanges();
        changes.AddedSites.AddRange(after.Sites.Where(s => !beforeSites.ContainsKey(s.Id) && Compared(s)));
        changes.RemovedSites.AddRange(before.Sites.Where(s => !afterSites.ContainsKey(s.Id) && Compared(s)));
        foreach (var site in after.Sites)
        {
            if (beforeSites.TryGetValue(site.Id, out var old) && old.Status != site.Status && Compared(site))
            {
                changes.ChangedSites.Add(new StatusChange { Site = site.Id, Before = old.Status, After = site.Status });
            }
        }

        changes.AddedPaths.AddRange(after.Paths.Where(p => !beforePaths.Contains(p.Id) && ComparedPath(p)));
        changes.RemovedPaths.AddRange(before.Paths.Where(p => !afterPaths.Contains(p.Id) && ComparedPath(p)));
        changes.NotCompared.AddRange(unreadable.Order(StringComparer.Ordinal));
        return changes;
    }

    // A site id starts with its project ("Core|M:…|api|0").
    private static string ProjectOf(string siteId)
        => siteId.IndexOf('|', StringComparison.Ordinal) is var bar and > 0 ? siteId.Substring(0, bar) : siteId;

    /// <summary>
    /// What <c>--fail-on</c> counts: with a baseline, what the change added (new unattended paths, or sites that
    /// became unconfirmed or worse); without one, everything in the map.
    /// </summary>
    public static IReadOnlyList<string> Findings(PublishingMap map, string failOn)
    {
        if (failOn == "none")
        {
            return [];
        }

        var statuses = failOn == "unattended"
            ? new HashSet<string> { SiteStatuses.Unattended }
            : new HashSet<string> { SiteStatuses.Unattended, SiteStatuses.Unconfirmed };
        var findings = new List<string>();
        if (map.Changes is { } changes)
        {
            var added = changes.AddedSites.Where(s => statuses.Contains(s.Status)).Select(s => s.Id)
                .Concat(changes.ChangedSites.Where(c => statuses.Contains(c.After) && !statuses.Contains(c.Before)).Select(c => c.Site))
                .ToHashSet(StringComparer.Ordinal);
            findings.AddRange(changes.AddedPaths.Select(p => "new unattended path: " + p.Describe));
            findings.AddRange(map.Sites.Where(s => added.Contains(s.Id)).Select(s => $"new {s.Status} publish site: {s.Api} in {s.Member} ({s.File}:{s.Line})"));
        }
        else
        {
            findings.AddRange(map.Paths.Select(p => "unattended path: " + p.Describe));
            findings.AddRange(map.Sites.Where(s => statuses.Contains(s.Status) && s.Status != SiteStatuses.Unattended).Select(s => $"{s.Status} publish site: {s.Api} in {s.Member} ({s.File}:{s.Line})"));
        }

        return findings;
    }
}
