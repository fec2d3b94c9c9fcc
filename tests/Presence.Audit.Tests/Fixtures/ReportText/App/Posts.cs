using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Presence;

namespace App;

/// <summary>A Slack incoming webhook written in the code: its path is the credential.</summary>
public sealed class Community(HttpClient http)
{
    public Task PostAsync(string text) => http.PostAsJsonAsync("https://hooks.slack.com/services/T000/B000/XXXX", new { text });
}

/// <summary>A justification that is Markdown: shown as written, never as a link or an image.</summary>
public sealed class Status(HttpClient http)
{
    [AutomatedPresence("![img](https://evil.example/p.png) [link](javascript:alert(1)) *bold* _under_ `code` <b>x</b> &amp;")]
    public Task ReportAsync(string text) => http.PostAsync("https://mastodon.social/api/v1/statuses", new StringContent(text));
}

/// <summary>A gate whose publisher names no platform: its implementation posts to Telegram.</summary>
[GeneratePublisherGate]
public interface IChannelPublisher
{
    Task PublishAsync(string text, CancellationToken ct);
}

public sealed class TelegramChannelPublisher(HttpClient http) : IChannelPublisher
{
    public Task PublishAsync(string text, CancellationToken ct) => http.PostAsync("https://api.telegram.org/bot1:x/sendMessage", new StringContent(text), ct);
}

/// <summary>A gate whose publisher says its platform.</summary>
[GeneratePublisherGate]
[PublishesContent("LinkedIn")]
public interface ICompanyPage
{
    Task ShareAsync(string text, CancellationToken ct);
}

public sealed class ReviewedChannelJob(ChannelPublisherGate channel, CompanyPageGate page) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var redeemed = await channel.RedeemPublishAsync("request-1", new ChannelPublisherGate.PublishContent("Reviewed"), stoppingToken);
            if (redeemed.Approval is { } approval)
            {
                await channel.PublishAsync(approval, stoppingToken);
            }

            var shared = await page.RedeemShareAsync("request-2", new CompanyPageGate.ShareContent("Reviewed"), stoppingToken);
            if (shared.Approval is { } share)
            {
                await page.ShareAsync(share, stoppingToken);
            }

            await Task.Delay(TimeSpan.FromHours(1), stoppingToken);
        }
    }
}

/// <summary>Waits for shutdown once: no schedule.</summary>
public sealed class Lifetime : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAny(Task.Delay(Timeout.Infinite, cancellationToken), Task.Delay(TimeSpan.FromSeconds(5), cancellationToken));
    }
}
