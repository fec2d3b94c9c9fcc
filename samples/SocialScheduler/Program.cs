using System.Threading.Tasks;
using SocialScheduler;

var mastodon = new ConsoleMastodonPublisher();
var review = new ConsoleReview();
await new ReviewedAnnouncement(mastodon, review).AnnounceAsync("Our spring release is out.");
