using System;
using System.Threading;
using System.Threading.Tasks;
using Core;
using Microsoft.Extensions.Hosting;

namespace Worker;

/// <summary>The unattended path: Worker → IDealPoster (Core) → DealPoster.PostAsync → IMastodonClient.</summary>
public sealed class NightlyDeals(IDealPoster poster) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await poster.PostAsync("50% off");
            await Task.Delay(TimeSpan.FromHours(24), stoppingToken);
        }
    }
}

/// <summary>Look-alike: a job whose post is confirmed in Core.</summary>
public sealed class ReviewedDigest(ReviewedPoster poster) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => poster.PostAsync("This week's digest");
}

/// <summary>Look-alike: a job that calls into Core without publishing.</summary>
public sealed class Heartbeat : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Console.WriteLine(Clock.Now());
        return Task.CompletedTask;
    }
}

/// <summary>Look-alike: a job that reaches a justified exception.</summary>
public sealed class StatusJob(StatusBot bot) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => bot.ReportOutageAsync("search");
}

/// <summary>An entry point whose body calls nothing a path follows: listed, with no path.</summary>
public sealed class Idle : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Delay(Timeout.Infinite, stoppingToken);
}

/// <summary>Look-alike: a job that only asks the editors.</summary>
public sealed class DraftReminder(EditorChat chat) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => chat.AskAsync("This week's draft");
}

/// <summary>Not reached by any job: PRES001, a suggestion by this folder's .editorconfig.</summary>
public sealed class Announcer(IMastodonClient mastodon)
{
    public Task SayAsync(string text) => mastodon.PublishStatusAsync(text);
}
