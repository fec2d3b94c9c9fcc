using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Presence;

namespace News;

[GeneratePublisherGate]
public interface INewsPublisher
{
    Task PostAsync(string text, CancellationToken ct);
}

/// <summary>Moved already: publishes what a reviewer approved, through the gate.</summary>
public sealed class ReviewedNewsJob(NewsPublisherGate gate) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var redeemed = await gate.RedeemPostAsync("request-1", new NewsPublisherGate.PostContent("Reviewed"), stoppingToken);
        if (redeemed.Approval is { } approval)
        {
            await gate.PostAsync(approval, stoppingToken);
        }
    }
}

/// <summary>Not moved yet: an editor's button that calls the publisher directly (PRES009).</summary>
public sealed class Composer(INewsPublisher news)
{
    public Task SendAsync(string text) => news.PostAsync(text, CancellationToken.None);
}
