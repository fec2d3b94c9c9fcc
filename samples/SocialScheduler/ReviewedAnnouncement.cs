using System.Threading.Tasks;
using Presence;

namespace SocialScheduler;

/// <summary>Accepted: a person said yes to exactly this text on every path to the post.</summary>
public sealed class ReviewedAnnouncement(IMastodonPublisher mastodon, ConsoleReview review)
{
    public async Task AnnounceAsync(string text)
    {
        if (!review.Confirm(text))
        {
            return;
        }

        await mastodon.PublishStatusAsync(text);
    }

    /// <summary>Accepted: the requirement is declared, so each caller must confirm (and is checked for it).</summary>
    [RequiresHumanApproval]
    public Task RepostAsync(string text) => mastodon.PublishStatusAsync("Reposting: " + text);
}

/// <summary>Accepted: a deliberate, reviewed exception with its justification in plain sight.</summary>
[AutomatedPresence("Status account labelled as a bot on Mastodon; posts only uptime changes")]
public sealed class StatusPageBot(IMastodonPublisher mastodon)
{
    public Task ReportOutageAsync(string service) => mastodon.PublishStatusAsync($"{service} is degraded; we are on it.");
}
