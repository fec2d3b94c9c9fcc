using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Presence;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace ChatApprovals;

/// <summary>Reads button presses (long polling) and records them; it answers only the reviewer who pressed.</summary>
public sealed class ButtonListener(ITelegramBotClient bot, ReviewChat chat) : BackgroundService
{
    private int _offset;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await PollOnceAsync(TimeSpan.FromSeconds(30), stoppingToken);
        }
    }

    /// <summary>One long poll: every button press that arrived is recorded.</summary>
    public async Task<int> PollOnceAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        var updates = await bot.GetUpdates(_offset, timeout: (int)wait.TotalSeconds, allowedUpdates: [UpdateType.CallbackQuery], cancellationToken: cancellationToken);
        foreach (var update in updates)
        {
            _offset = update.Id + 1;
            if (update.CallbackQuery is { } press)
            {
                await chat.HandleAsync(press, cancellationToken);
            }
        }

        return updates.Length;
    }
}

/// <summary>
/// Runs with nobody present: publishes each approved post when it is due, by redeeming the reviewers' decision through
/// the gate. It cannot call IChannelPublisher itself (PRES009).
/// </summary>
public sealed class ScheduledPublisher(ApprovalLedger ledger, ChannelPublisherGate gate, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await PublishDueAsync(stoppingToken);
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(30), clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Publishes what is approved and due; returns how many posts went out.</summary>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken)
    {
        var published = 0;
        foreach (var request in await ledger.ListAsync(ApprovalStatus.Approved, cancellationToken))
        {
            if (request.DueAt > clock.GetUtcNow() || request.Content is null)
            {
                continue;
            }

            var redeemed = await gate.RedeemPublishAsync(request.Id, new ChannelPost(request.Content.Text), cancellationToken);
            if (redeemed.Approval is { } approval)
            {
                await gate.PublishAsync(approval, cancellationToken);
                await ledger.ReportPublishedAsync(request.Id, cancellationToken: cancellationToken);
                published++;
            }
        }

        return published;
    }
}
