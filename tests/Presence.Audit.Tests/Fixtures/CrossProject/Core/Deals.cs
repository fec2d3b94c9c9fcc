using System;
using System.Threading.Tasks;
using Presence;

namespace Core;

[PublishesContent("Mastodon")]
public interface IMastodonClient
{
    Task PublishStatusAsync(string text);
}

public interface IDealPoster
{
    Task PostAsync(string deal);
}

/// <summary>Posts without asking: reached from the worker's nightly job through IDealPoster.</summary>
public sealed class DealPoster(IMastodonClient mastodon) : IDealPoster
{
    public Task PostAsync(string deal) => mastodon.PublishStatusAsync("Deal of the day: " + deal);
}

public sealed class LegacyChannel
{
    public void Broadcast(string text) => Console.WriteLine(text);
}

/// <summary>Declared in PresenceApis.txt: unconfirmed, and no entry point reaches it.</summary>
public sealed class Newsletter(LegacyChannel channel)
{
    public void Send(string text) => channel.Broadcast(text);
}

public sealed class Review
{
    [HumanConfirmation]
    public bool Confirm(string text)
    {
        Console.Write($"Post \"{text}\"? [y/N] ");
        return Console.ReadLine() == "y";
    }
}

/// <summary>Asks first: confirmed, even when a job calls it.</summary>
public sealed class ReviewedPoster(IMastodonClient mastodon, Review review)
{
    public async Task PostAsync(string text)
    {
        if (review.Confirm(text))
        {
            await mastodon.PublishStatusAsync(text);
        }
    }
}

/// <summary>A reviewed exception: justified.</summary>
public sealed class StatusBot(IMastodonClient mastodon)
{
    [AutomatedPresence("Status account labelled as a bot; posts uptime changes only")]
    public Task ReportOutageAsync(string service) => mastodon.PublishStatusAsync(service + " is degraded");
}

/// <summary>Sends the draft to the editors' own chat: an internal audience, not presence.</summary>
public sealed class EditorChat(IMastodonClient client)
{
    [InternalAudience("the editors' private review chat")]
    public Task AskAsync(string draft) => client.PublishStatusAsync("Please review: " + draft);
}

public static class Clock
{
    public static DateTimeOffset Now() => DateTimeOffset.UtcNow;
}
