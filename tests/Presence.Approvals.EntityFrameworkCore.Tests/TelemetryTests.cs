using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Presence.Approvals.EntityFrameworkCore.Tests;

[CollectionDefinition(nameof(TelemetryTests), DisableParallelization = true)]
public sealed class TelemetryCollection
{
}

/// <summary>Traces and metrics through OpenTelemetry's in-memory exporter: ids and outcomes, never content.</summary>
[Collection(nameof(TelemetryTests))]
public class TelemetryTests
{
    private const string Secret = "Secret launch text: embargoed until Friday";

    [Fact]
    public async Task Operations_are_traced_and_counted_with_ids_and_outcomes_and_no_content()
    {
        var activities = new List<Activity>();
        var metrics = new List<Metric>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(ApprovalTelemetry.Name).AddInMemoryExporter(activities).Build()!;
        using var metering = Sdk.CreateMeterProviderBuilder().AddMeter(ApprovalTelemetry.Name).AddInMemoryExporter(metrics).Build()!;
        await using var provider = new ServiceCollection().AddPresenceApprovals(o => o.UseInMemory()).BuildServiceProvider();
        var ledger = provider.GetRequiredService<ApprovalLedger>();
        var hold = provider.GetRequiredService<IPublishingHold>();

        var record = await ledger.SubmitAsync(Secret, "agent:drafts", channel: "linkedin:acme");
        await ledger.DecideAsync(record.Id, "agent:drafts", true);
        await ledger.DecideAsync(record.Id, "maria", true);
        await hold.EngageAsync("Crisis", "maria", default);
        await ledger.RedeemAsync(record.Id, Secret);
        await hold.ReleaseAsync("maria", default);
        await ledger.RedeemAsync(record.Id, "Another text");
        tracing.ForceFlush();
        metering.ForceFlush();

        var mine = activities.Where(a => Equals(a.GetTagItem("presence.request_id"), record.Id)).ToList();
        Assert.Equal(
            new[] { "presence.approvals.submit", "presence.approvals.decide", "presence.approvals.decide", "presence.approvals.redeem", "presence.approvals.redeem" },
            mine.Select(a => a.OperationName));
        Assert.Equal(new object?[] { "Pending", "SelfApproval", "Recorded", "Held", "ContentChanged" }, mine.Select(a => a.GetTagItem("presence.outcome")));
        Assert.All(activities, a => Assert.DoesNotContain(a.TagObjects, t => t.Value is string s && (s.Contains("Secret") || s.Contains("Another text"))));

        Assert.Equal(1, Sum(metrics, "presence.approvals.submitted"));
        Assert.Equal(1, Sum(metrics, "presence.approvals.decided", ("presence.outcome", "SelfApproval")));
        Assert.Equal(1, Sum(metrics, "presence.approvals.refused", ("presence.reason", "Held")));
        Assert.Equal(1, Sum(metrics, "presence.approvals.refused", ("presence.reason", "ContentChanged")));
        Assert.Equal(1, Sum(metrics, "presence.approvals.hold_changes", ("presence.hold", "on")));
        Assert.Equal(1, Sum(metrics, "presence.approvals.hold_changes", ("presence.hold", "off")));
        Assert.Equal(2, HistogramCount(metrics, "presence.approvals.redeem.duration"));
        Assert.All(metrics.SelectMany(Points), p => Assert.DoesNotContain(Tags(p), t => t.Value is string s && s.Contains("Secret")));
    }

    [Fact]
    public async Task A_redeem_and_a_publish_are_counted()
    {
        var metrics = new List<Metric>();
        using var metering = Sdk.CreateMeterProviderBuilder().AddMeter(ApprovalTelemetry.Name).AddInMemoryExporter(metrics).Build()!;
        await using var provider = new ServiceCollection().AddPresenceApprovals(o => o.UseInMemory()).BuildServiceProvider();
        var ledger = provider.GetRequiredService<ApprovalLedger>();
        var record = await ledger.SubmitAsync("Hello", "agent:drafts");
        await ledger.DecideAsync(record.Id, "maria", true);

        var token = (await ledger.TryRedeemAsync(record.Id, "Hello"))!;
        ledger.ConsumeForPublish(token, "Gate.PostAsync");
        await ledger.ReportPublishedAsync(record.Id, "urn:li:share:1");
        metering.ForceFlush();

        Assert.Equal(1, Sum(metrics, "presence.approvals.redeemed"));
        Assert.Equal(1, Sum(metrics, "presence.approvals.publish_outcomes", ("presence.outcome", "Published")));
        Assert.Equal(0, Sum(metrics, "presence.approvals.refused"));
    }

    private static IEnumerable<MetricPoint> Points(Metric metric)
    {
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            yield return point;
        }
    }

    private static List<KeyValuePair<string, object?>> Tags(MetricPoint point)
    {
        var tags = new List<KeyValuePair<string, object?>>();
        foreach (var tag in point.Tags)
        {
            tags.Add(tag);
        }

        return tags;
    }

    private static long Sum(List<Metric> metrics, string name, (string Key, string Value)? tag = null)
        => metrics.Where(m => m.Name == name).SelectMany(Points)
            .Where(p => tag is null || Tags(p).Any(t => t.Key == tag.Value.Key && Equals(t.Value, tag.Value.Value)))
            .Select(p => p.GetSumLong())
            .DefaultIfEmpty(0)
            .Max();

    private static long HistogramCount(List<Metric> metrics, string name)
        => metrics.Where(m => m.Name == name).SelectMany(Points).Sum(p => p.GetHistogramCount());
}
