// uses: CoreTweet
using System.IO;
using System.Threading.Tasks;
using CoreTweet;

namespace UsageSamples.CoreTweet
{
    public class CoreTweetPublisher
    {
        private readonly Tokens _tokens = Tokens.Create("key", "secret", "token", "tokenSecret");

        public StatusResponse Tweet(string text) => {|PRES001:_tokens.Statuses.Update(status: text)|};

        public StatusResponse TweetWithLambda(string text) => {|PRES001:_tokens.Statuses.Update(status => text)|};

        public async Task TweetWithMediaAsync(Stream image, string text)
        {
            var uploaded = await _tokens.Media.UploadAsync(image);
            await {|PRES001:_tokens.Statuses.UpdateAsync(text, media_ids: new[] { uploaded.MediaId })|};
        }

        public async Task ReplyAsync(long replyTo, string text)
        {
            await {|PRES001:_tokens.Statuses.UpdateAsync(new { status = text, in_reply_to_status_id = replyTo })|};
        }

        public async Task RetweetAsync(long id)
        {
            {|PRES001:_tokens.Statuses.Retweet(id)|};
            await {|PRES001:_tokens.Statuses.RetweetAsync(id)|};
        }

        // ---- not publishes ----
        public async Task<string?> Reads(long id, Stream image)
        {
            var upload = _tokens.Media.Upload(image);
            var status = await _tokens.Statuses.ShowAsync(id);
            _tokens.Statuses.Destroy(id);
            return status.Text + upload.MediaId;
        }
    }
}
