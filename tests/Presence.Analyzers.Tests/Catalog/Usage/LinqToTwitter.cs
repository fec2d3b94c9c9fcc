// uses: LinqToTwitter
using System.Collections.Generic;
using System.Threading.Tasks;
using LinqToTwitter;

namespace UsageSamples.LinqToTwitter
{
    public class LinqToTwitterPublisher
    {
        private readonly TwitterContext _context = new TwitterContext(new SingleUserAuthorizer());

        // 6.x, v2 endpoints
        public async Task<Tweet?> TweetAsync(string text)
        {
            return await {|PRES001:_context.TweetAsync(text, directMessageLink: null)|};
        }

        public async Task TweetWithMediaAsync(byte[] image, string text)
        {
            var media = await _context.UploadMediaAsync(image, "image/png", "tweet_image");
            await _context.CreateMediaMetadataAsync(media.MediaID, "alt text");
            await {|PRES001:_context.TweetMediaAsync(text, new[] { media.MediaID.ToString() })|};
        }

        public Task<Tweet?> PollAsync(string question)
            => {|PRES001:_context.TweetPollAsync(question, 60, new[] { "yes", "no" })|};

        public Task<Tweet?> ReplyAsync(string text, string tweetId)
            => {|PRES001:_context.ReplyAsync(text, tweetId)|};

        public async Task RetweetAsync(string userId, string tweetId)
        {
            await {|PRES001:_context.RetweetAsync(userId, tweetId)|};
        }

        // 5.x, v1.1 endpoints
        public async Task<Status> LegacyTweetAsync(string status, ulong replyTo, ulong retweetId)
        {
            await {|PRES001:_context.ReplyAsync(replyTo, status)|};
            await {|PRES001:_context.RetweetAsync(retweetId)|};
            return await {|PRES001:_context.TweetAsync(status, TweetMode.Extended)|};
        }

        public async Task DirectMessagesAsync(ulong recipient, string text)
        {
            await {|PRES001:_context.NewDirectMessageEventAsync(recipient, text)|};
            await {|PRES001:_context.RequestQuickReplyOptionsAsync(recipient, text, new List<QuickReplyOption>())|};
            await {|PRES001:_context.RequestButtonChoiceAsync(recipient, text, new List<CallToAction>())|};
        }

        public async Task RawAsync(string text)
        {
            await {|PRES001:_context.ExecuteRawAsync("tweets", new Dictionary<string, string> { ["text"] = text }, System.Net.Http.HttpMethod.Post)|};
            await {|PRES001:_context.ExecuteRawAsync("statuses/update.json", new Dictionary<string, string> { ["status"] = text })|};
        }

        // ---- not publishes ----
        public Task<string> RawReadAsync() => _context.ExecuteRawAsync("users/me", new Dictionary<string, string>(), System.Net.Http.HttpMethod.Get);

        public async Task NotPublishing(ulong recipient, string tweetId, List<string> outbox)
        {
            await _context.IndicateTypingAsync(recipient);
            await _context.DeleteTweetAsync(tweetId);
            await _context.HideTweetAsync(tweetId);
            outbox.Add("https://api.twitter.com/2/tweets");
            var notATweet = new NotTwitter();
            await notATweet.TweetAsync("tweets");
        }
    }

    public class NotTwitter
    {
        public Task TweetAsync(string text) => Task.CompletedTask;
    }
}
