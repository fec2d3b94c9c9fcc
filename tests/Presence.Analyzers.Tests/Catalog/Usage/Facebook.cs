// uses: Facebook
using System.Threading;
using System.Threading.Tasks;
using Facebook;

namespace UsageSamples.Facebook
{
    public class PagePublisher
    {
        private readonly FacebookClient _client = new FacebookClient("page-access-token");

        public object PostToPage(string pageId, string message)
            => {|PRES001:_client.Post(pageId + "/feed", new { message })|};

        public async Task PostPhotoAsync(string pageId, string url, CancellationToken ct)
        {
            await {|PRES001:_client.PostTaskAsync(pageId + "/photos", new { url, caption = "New arrivals" }, ct)|};
            await {|PRES001:_client.PostTaskAsync(new { message = "to me/feed by default" })|};
        }

#pragma warning disable CS0618 // the event-based PostAsync is obsolete in the SDK but still used
        public void PostLegacy(string pageId, string message) => {|PRES001:_client.PostAsync(pageId + "/feed", new { message })|};
#pragma warning restore CS0618

        public async Task BatchAsync(string pageId)
        {
            {|PRES001:_client.Batch(new FacebookBatchParameter(HttpMethod.Post, pageId + "/feed", new { message = "one" }))|};
            await {|PRES001:_client.BatchTaskAsync(new FacebookBatchParameter(HttpMethod.Post, pageId + "/feed", new { message = "two" }))|};
        }

        // ---- not publishes ----
        public async Task<object> NotPublishingAsync(string pageId, string postId)
        {
            var page = _client.Get(pageId);
            await _client.GetTaskAsync(pageId + "/feed");
            await _client.DeleteTaskAsync(postId);
            return page;
        }
    }
}
