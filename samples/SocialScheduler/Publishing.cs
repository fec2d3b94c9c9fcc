using System;
using System.Threading;
using System.Threading.Tasks;
using Presence;

namespace SocialScheduler;

/// <summary>The team's own publisher: every call of it makes a post visible on Mastodon.</summary>
[PublishesContent("Mastodon")]
public interface IMastodonPublisher
{
    Task PublishStatusAsync(string text, CancellationToken cancellationToken = default);
}

/// <summary>Asks the person at the console. Marked so that the analyzers know its "yes" guards a post.</summary>
public sealed class ConsoleReview
{
    [HumanConfirmation]
    public bool Confirm(string text)
    {
        Console.Write($"Post \"{text}\"? [y/N] ");
        return string.Equals(Console.ReadLine()?.Trim(), "y", StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class ConsoleMastodonPublisher : IMastodonPublisher
{
    public Task PublishStatusAsync(string text, CancellationToken cancellationToken = default)
    {
        Console.WriteLine($"[mastodon] {text}");
        return Task.CompletedTask;
    }
}
