// uses: Tweetinvi.Core
using System.Collections.Generic;
using System.Threading.Tasks;
using Tweetinvi;
using Tweetinvi.Client;
using Tweetinvi.Models;
using Tweetinvi.Parameters;

namespace UsageSamples.Tweetinvi5
{
    public class TweetinviPublisher
    {
        private readonly ITwitterClient _client;
        private readonly TwitterClient _concrete = new TwitterClient("key", "secret", "token", "tokenSecret");

        public TweetinviPublisher(ITwitterClient client) => _client = client;

        public async Task<ITweet> TweetAsync(string text)
        {
            return await {|PRES001:_client.Tweets.PublishTweetAsync(text)|};
        }

        public async Task TweetWithMediaAsync(byte[] image, string text)
        {
            // Upload first (not a publish), then the tweet that carries the media (the publish).
            var media = await _client.Upload.UploadTweetImageAsync(image);
            var parameters = new PublishTweetParameters(text) { Medias = new List<IMedia> { media } };
            await {|PRES001:_concrete.Tweets.PublishTweetAsync(parameters)|};
        }

        public Task<ITweet> ReplyAsync(ITweet original, string text)
            => {|PRES001:_client.Tweets.PublishTweetAsync(new PublishTweetParameters(text) { InReplyToTweetId = original.Id })|};

        public async Task RetweetAsync(long tweetId, ITweet tweet)
        {
            await {|PRES001:_client.Tweets.PublishRetweetAsync(tweetId)|};
            await {|PRES001:tweet.PublishRetweetAsync()|};
        }

        // Through the concrete implementation type (Tweetinvi.dll in the real package).
        public Task<ITweet> TweetThroughImplementation(TweetsClient tweets, string text)
            => {|PRES001:tweets.PublishTweetAsync(text)|};

        public async Task DirectMessageAsync(IUserIdentifier user, long userId, string text)
        {
            await {|PRES001:_client.Messages.PublishMessageAsync(text, user)|};
            await {|PRES001:_client.Messages.PublishMessageAsync(new PublishMessageParameters(text, userId))|};
            var concrete = new MessagesClient();
            await {|PRES001:concrete.PublishMessageAsync(text, userId)|};
        }

        // The escape hatch used since the v1.1 publish call stopped working: a raw v2 request.
        public async Task RawAsync(string text)
        {
            await {|PRES001:_client.Execute.AdvanceRequestAsync(request =>
            {
                request.Query.Url = "https://api.twitter.com/2/tweets";
                request.Query.HttpMethod = HttpMethod.POST;
            })|};
            await {|PRES001:_client.Execute.RequestAsync(query =>
            {
                query.Url = "https://api.x.com/1.1/statuses/update.json?status=" + text;
                query.HttpMethod = HttpMethod.POST;
            })|};
        }

        // ---- not publishes ----
        public async Task RawReadsAsync()
        {
            await _client.Execute.RequestAsync(query => query.Url = "https://api.twitter.com/1.1/statuses/home_timeline.json");
            await _client.Execute.AdvanceRequestAsync(request =>
            {
                request.Query.Url = "https://api.twitter.com/2/tweets/search/recent?query=news";
                request.Query.HttpMethod = HttpMethod.GET;
            });
        }

        // ---- not publishes ----
        public async Task<int> ReadOnlyAsync(long tweetId)
        {
            var tweet = await _client.Tweets.GetTweetAsync(tweetId);
            var retweets = await _client.Tweets.GetRetweetsAsync(tweetId);
            var messages = await _client.Messages.GetMessagesAsync();
            await _client.Upload.UploadTweetVideoAsync(new byte[0]);
            await tweet.FavoriteAsync();
            return retweets.Length + messages.Length;
        }

        public void Lookalikes(List<string> queue, FakeTweets fake)
        {
            queue.Add("tweets to publish later");
            var label = "PublishTweetAsync tweets";
            fake.PublishTweetAsync(label);
        }
    }

    // A user type with the same member name: not the SDK.
    public class FakeTweets
    {
        public Task PublishTweetAsync(string text) => Task.CompletedTask;
    }
}
