using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace SocialScheduler;

/// <summary>Caught (PRES002, an error): a hosted service posts every day and nobody decides, even on a day of mourning.</summary>
public sealed class DailyTipJob(TipPoster poster) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await poster.PostTipAsync("Tip of the day: schedule less, listen more.", stoppingToken);
            await Task.Delay(TimeSpan.FromDays(1), stoppingToken);
        }
    }
}

/// <summary>Caught too (PRES001): the helper the job calls publishes without asking anyone.</summary>
public sealed class TipPoster(IMastodonPublisher mastodon)
{
    public Task PostTipAsync(string tip, CancellationToken cancellationToken)
        => mastodon.PublishStatusAsync(tip, cancellationToken);
}
