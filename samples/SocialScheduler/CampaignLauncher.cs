using System.Threading.Tasks;

namespace SocialScheduler;

/// <summary>Caught (PRES004): a person is asked, and the post goes out whatever they answered.</summary>
public sealed class CampaignLauncher(IMastodonPublisher mastodon, ConsoleReview review)
{
    public async Task LaunchAsync(string announcement)
    {
        review.Confirm(announcement);
        await mastodon.PublishStatusAsync(announcement);
    }
}
