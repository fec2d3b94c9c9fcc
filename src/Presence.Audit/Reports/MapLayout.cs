using System;
using System.Collections.Generic;
using System.Linq;
using Presence.Audit.Model;

namespace Presence.Audit.Reports;

/// <summary>A box of the drawn map: an entry point, a function on a path, or a publish site.</summary>
internal sealed class MapNode
{
    public required string Key { get; init; }

    public required string Label { get; init; }

    public required string Detail { get; init; }

    /// <summary>entry, function or site.</summary>
    public required string Kind { get; init; }

    public required string Project { get; init; }

    public string? Status { get; init; }

    public string? Platform { get; init; }

    /// <summary>The anchor of the table row the box links to.</summary>
    public string? Anchor { get; init; }

    public int Layer { get; set; }

    public double Rank { get; set; }

    public double X { get; set; }

    public double Y { get; set; }
}

internal sealed record MapEdge(MapNode From, MapNode To);

/// <summary>A project's horizontal band.</summary>
internal sealed record MapBand(string Project, double Top, double Height);

/// <summary>
/// A layered left-to-right layout (after Sugiyama): entry points in the first column, publish sites in the last, the
/// functions of each path in between at their distance from the entry point; each project gets its own horizontal
/// band; within a band and column, boxes are ordered by the barycentre of their neighbours (a few sweeps each way) to
/// keep edges short and crossings few. Deterministic: the same map gives the same picture.
/// </summary>
internal sealed class MapLayout
{
    public const double NodeWidth = 270;
    public const double NodeHeight = 46;
    public const double ColumnGap = 76;
    public const double RowGap = 14;
    public const double BandPadding = 16;
    public const double LeftMargin = 24;
    public const double TopMargin = 12;

    /// <summary>Sites that no path reaches are drawn while the map stays under this many boxes.</summary>
    public const int MaxNodes = 150;

    public List<MapNode> Nodes { get; } = [];

    public List<MapEdge> Edges { get; } = [];

    public List<MapBand> Bands { get; } = [];

    public double Width { get; private set; }

    public double Height { get; private set; }

    public int OmittedSites { get; private set; }

    public static MapLayout For(PublishingMap map)
    {
        var layout = new MapLayout();
        layout.Build(map);
        layout.Place(map);
        return layout;
    }

    private void Build(PublishingMap map)
    {
        var byKey = new Dictionary<string, MapNode>(StringComparer.Ordinal);
        var edges = new HashSet<(string, string)>();
        var entries = map.EntryPoints.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var sites = map.Sites.ToDictionary(s => s.Id, StringComparer.Ordinal);

        MapNode Node(string key, Func<MapNode> create)
        {
            if (!byKey.TryGetValue(key, out var node))
            {
                byKey[key] = node = create();
                Nodes.Add(node);
            }

            return node;
        }

        foreach (var entry in map.EntryPoints)
        {
            Node("e:" + entry.Id, () => EntryNode(entry));
        }

        foreach (var path in map.Paths)
        {
            var chain = new List<MapNode> { Node("e:" + path.EntryPoint, () => EntryNode(entries[path.EntryPoint])) };
            for (var i = 1; i < path.Steps.Count; i++)
            {
                var step = path.Steps[i];
                var node = Node("f:" + step.FunctionId, () => new MapNode
                {
                    Key = "f:" + step.FunctionId,
                    Label = step.Function,
                    Detail = step.Project,
                    Kind = "function",
                    Project = step.Project,
                });
                node.Layer = Math.Max(node.Layer, i);
                chain.Add(node);
            }

            var site = sites[path.Site];
            chain.Add(Node("s:" + site.Id, () => SiteNode(site)));
            for (var i = 0; i + 1 < chain.Count; i++)
            {
                if (edges.Add((chain[i].Key, chain[i + 1].Key)))
                {
                    Edges.Add(new MapEdge(chain[i], chain[i + 1]));
                }
            }
        }

        foreach (var site in map.Sites)
        {
            if (byKey.ContainsKey("s:" + site.Id))
            {
                continue;
            }

            if (Nodes.Count >= MaxNodes)
            {
                OmittedSites++;
                continue;
            }

            Node("s:" + site.Id, () => SiteNode(site));
        }

        var last = Nodes.Where(n => n.Kind == "function").Select(n => n.Layer).DefaultIfEmpty(0).Max() + 1;
        foreach (var node in Nodes)
        {
            node.Layer = node.Kind switch
            {
                "entry" => 0,
                "site" => last,
                _ => Math.Clamp(node.Layer, 1, last - 1),
            };
        }
    }

    private static MapNode EntryNode(EntryPointInfo entry)
        => new()
        {
            Key = "e:" + entry.Id,
            Label = entry.Name,
            Detail = entry.Reason + HtmlReport.WhenShort(entry),
            Kind = "entry",
            Project = entry.Project,
            Status = entry.Kind,
            Anchor = HtmlReport.Anchor("entry", entry.Id),
        };

    private static MapNode SiteNode(SiteInfo site)
        => new()
        {
            Key = "s:" + site.Id,
            Label = site.Api,
            Detail = Report.StatusLabel(site.Status) + " · " + site.Member,
            Kind = "site",
            Project = site.Project,
            Status = site.Status,
            Platform = site.Platform,
            Anchor = HtmlReport.Anchor("site", site.Id),
        };

    private void Place(PublishingMap map)
    {
        var projectOrder = map.Projects.Select(p => p.Name).Concat(Nodes.Select(n => n.Project)).Distinct(StringComparer.Ordinal)
            .Select((name, index) => (name, index)).ToDictionary(p => p.name, p => p.index, StringComparer.Ordinal);
        var layers = Nodes.Select(n => n.Layer).DefaultIfEmpty(0).Max() + 1;
        var cells = Nodes.GroupBy(n => (Band: projectOrder[n.Project], n.Layer)).ToDictionary(g => g.Key, g => g.ToList());

        // Initial order: entry points and sites by status then name, functions by name.
        foreach (var cell in cells.Values)
        {
            cell.Sort((a, b) =>
            {
                var byStatus = StatusRank(a).CompareTo(StatusRank(b));
                return byStatus != 0 ? byStatus : string.CompareOrdinal(a.Label + a.Key, b.Label + b.Key);
            });
            for (var i = 0; i < cell.Count; i++)
            {
                cell[i].Rank = i;
            }
        }

        var predecessors = Nodes.ToDictionary(n => n, _ => new List<MapNode>());
        var successors = Nodes.ToDictionary(n => n, _ => new List<MapNode>());
        foreach (var edge in Edges)
        {
            successors[edge.From].Add(edge.To);
            predecessors[edge.To].Add(edge.From);
        }

        // Band tops depend on the tallest column of each band; positions are global so neighbours in other bands count.
        var bandRows = cells.GroupBy(c => c.Key.Band).ToDictionary(g => g.Key, g => g.Max(c => c.Value.Count));
        double Global(MapNode node) => BandStart(projectOrder[node.Project]) + node.Rank;
        double BandStart(int band) => bandRows.Where(b => b.Key < band).Sum(b => b.Value + 1);

        for (var sweep = 0; sweep < 6; sweep++)
        {
            var forward = sweep % 2 == 0;
            for (var step = 0; step < layers; step++)
            {
                var layer = forward ? step : layers - 1 - step;
                foreach (var ((_, cellLayer), cell) in cells)
                {
                    if (cellLayer != layer)
                    {
                        continue;
                    }

                    var keyed = cell.Select(node =>
                    {
                        var neighbours = forward ? predecessors[node] : successors[node];
                        var barycentre = neighbours.Count == 0 ? node.Rank : neighbours.Average(Global) - BandStart(projectOrder[node.Project]);
                        return (node, barycentre);
                    }).OrderBy(x => x.barycentre).ThenBy(x => x.node.Rank).ToList();
                    for (var i = 0; i < keyed.Count; i++)
                    {
                        keyed[i].node.Rank = i;
                    }

                    cell.Sort((a, b) => a.Rank.CompareTo(b.Rank));
                }
            }
        }

        var top = TopMargin;
        foreach (var (band, rows) in bandRows.OrderBy(b => b.Key))
        {
            var height = rows * (NodeHeight + RowGap) - RowGap + 2 * BandPadding + 14;
            var project = projectOrder.First(p => p.Value == band).Key;
            Bands.Add(new MapBand(project, top, height));
            foreach (var ((cellBand, layer), cell) in cells)
            {
                if (cellBand != band)
                {
                    continue;
                }

                // Centre short columns in the band, so lone boxes line up with their neighbours.
                var offset = (rows - cell.Count) * (NodeHeight + RowGap) / 2;
                foreach (var node in cell)
                {
                    node.X = LeftMargin + layer * (NodeWidth + ColumnGap);
                    node.Y = top + BandPadding + 14 + offset + node.Rank * (NodeHeight + RowGap);
                }
            }

            top += height + 10;
        }

        Width = LeftMargin * 2 + layers * NodeWidth + (layers - 1) * ColumnGap;
        Height = top + TopMargin;
    }

    private static int StatusRank(MapNode node) => node.Status is { } status ? Math.Max(0, Array.IndexOf(SiteStatuses.Ordered, status)) : 0;
}
