using System;
using System.Threading;
using System.Threading.Tasks;

namespace SocialScheduler;

/// <summary>Caught (PRES001): posts every day and nobody decides, even on the day the world is mourning.</summary>
public sealed class DailyTipJob(IMastodonPublisher mastodon)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await mastodon.PublishStatusAsync("Tip of the day: schedule less, listen more.", cancellationToken);
            await Task.Delay(TimeSpan.FromDays(1), cancellationToken);
        }
    }
}
