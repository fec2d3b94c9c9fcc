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
        var beforeSites = before.Sites.GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var afterSites = after.Sites.GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var beforePaths = before.Paths.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var afterPaths = after.Paths.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var changes = new BaselineChanges();
        changes.AddedSites.AddRange(after.Sites.Where(s => !beforeSites.ContainsKey(s.Id)));
        changes.RemovedSites.AddRange(before.Sites.Where(s => !afterSites.ContainsKey(s.Id)));
        foreach (var site in after.Sites)
        {
            if (beforeSites.TryGetValue(site.Id, out var old) && old.Status != site.Status)
            {
                changes.ChangedSites.Add(new StatusChange { Site = site.Id, Before = old.Status, After = site.Status });
            }
        }

        changes.AddedPaths.AddRange(after.Paths.Where(p => !beforePaths.Contains(p.Id)));
        changes.RemovedPaths.AddRange(before.Paths.Where(p => !afterPaths.Contains(p.Id)));
        return changes;
    }

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
