using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Presence;

namespace ReviewDesk;

/// <summary>
/// Runs with nobody present. It never calls IDeskPublisher itself (PRES009): for each approved post that is due, it
/// redeems the reviewers' decision through the gate, and the ledger says no when the decision is missing, stale,
/// used, held, or for other content.
/// </summary>
public sealed class ScheduledPublisher(ApprovalLedger ledger, DeskPublisherGate gate, TimeProvider clock, ILogger<ScheduledPublisher> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await PublishDueAsync(stoppingToken);
            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task PublishDueAsync(CancellationToken cancellationToken)
    {
        foreach (var record in await ledger.ListAsync(ApprovalStatus.Approved, cancellationToken))
        {
            if (record.DueAt > clock.GetUtcNow() || record.Content is null || record.Channel is null)
            {
                continue;
            }

            // The post is the one reviewers read; the ledger checks its fingerprint against the approved one.
            var post = new DeskPost(record.Channel, record.Content.Text);
            var redeemed = await gate.RedeemPublishAsync(record.Id, post, cancellationToken);
            if (redeemed.Approval is not { } approval)
            {
                log.LogInformation("Post {RequestId} not published: {Outcome}", record.Id, redeemed.Outcome);
                continue;
            }

            try
            {
                await gate.PublishAsync(approval, cancellationToken);
                await ledger.ReportPublishedAsync(record.Id, cancellationToken: cancellationToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                await ledger.ReportFailedAsync(record.Id, error.GetType().Name, cancellationToken);
            }
        }
    }
}
