// uses: Tweetinvi
using System.Collections.Generic;
using System.Threading.Tasks;
using Tweetinvi;
using Tweetinvi.Models;
using Tweetinvi.Parameters;

namespace UsageSamples.Tweetinvi4
{
    public class LegacyTweetinviPublisher
    {
        public ITweet Publish(string text) => {|PRES001:Tweetinvi.Tweet.PublishTweet(text)|};

        public ITweet TweetWithParameters(IPublishTweetParameters parameters) => {|PRES001:Tweet.PublishTweet(parameters)|};

        public ITweet Reply(string text, ITweet to)
        {
            var reply = {|PRES001:Tweet.PublishTweetInReplyTo(text, to)|};
            {|PRES001:Tweet.PublishTweetInReplyTo(text, to.Id)|};
            return reply;
        }

        public void Retweet(ITweet tweet, long id)
        {
            {|PRES001:Tweet.PublishRetweet(tweet)|};
            {|PRES001:Tweet.PublishRetweet(id)|};
        }

        public async Task SendLaterAsync(string text, ITweetIdentifier replyTo, long retweetId)
        {
            await {|PRES001:TweetAsync.PublishTweet(text)|};
            await {|PRES001:TweetAsync.PublishTweetInReplyTo(text, replyTo)|};
            await {|PRES001:TweetAsync.PublishRetweet(retweetId)|};
        }

        public async Task MessageAsync(string text, long userId, IPublishMessageParameters parameters)
        {
            {|PRES001:Message.PublishMessage(text, userId)|};
            {|PRES001:Message.PublishMessage(parameters)|};
            await {|PRES001:Tweetinvi.MessageAsync.PublishMessage(text, "screen_name")|};
        }

        // ---- not publishes ----
        public bool Reads(long id, string draft)
        {
            var tweet = Tweet.GetTweet(id);
            var retweets = Tweet.GetRetweets(id);
            var length = Tweet.Length(draft);
            var parameters = Tweet.CreatePublishTweetParameters(draft);
            var messages = Message.GetLatestMessagesReceived();
            var drafts = new List<IPublishTweetParameters>();
            drafts.Add(parameters);
            return Tweet.CanBePublished(draft) && length < 280 && tweet != null && retweets != null && messages != null;
        }
    }
}
