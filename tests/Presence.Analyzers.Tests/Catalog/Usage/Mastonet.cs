// uses: Mastonet
using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Mastonet;
using Mastonet.Entities;

namespace UsageSamples.Mastonet
{
    public class MastodonPublisher
    {
        private readonly IMastodonClient _client;

        public MastodonPublisher(IMastodonClient client) => _client = client;

        public Task<Status> TootAsync(string text) => {|PRES001:_client.PublishStatus(text)|};

        public async Task TootWithImageAsync(Stream image, string text)
        {
            var attachment = await _client.UploadMedia(image, "image.png", "a description");
            await {|PRES001:_client.PublishStatus(text, Visibility.Public, mediaIds: new[] { attachment.Id })|};
        }

        public async Task ScheduleAsync(string text, DateTime when)
        {
            await {|PRES001:_client.PublishStatus(text, Visibility.Unlisted, scheduledAt: when)|};
        }

        public async Task EditAndBoostAsync(string statusId, string corrected)
        {
            await {|PRES001:_client.EditStatus(statusId, corrected)|};
            await {|PRES001:_client.Reblog(statusId)|};
        }

        // Through the concrete class, and the 1.x method name.
        public async Task ConcreteAsync(string text)
        {
            var client = new MastodonClient("mastodon.social", "token");
            var status = await {|PRES001:client.PublishStatus(text)|};
            await {|PRES001:client.Reblog(status.Id)|};
            await {|PRES001:client.PostStatus(text, Visibility.Public)|};
        }

        // ---- not publishes ----
        public async Task<int> NotPublishingAsync(string statusId, List<Status> drafts)
        {
            var status = await _client.GetStatus(statusId);
            var timeline = await _client.GetHomeTimeline();
            await _client.Favourite(statusId);
            await _client.DeleteStatus(statusId);
            await _client.UploadMedia(new MediaDefinition(Stream.Null, "a.png"));
            drafts.Add(status);
            var local = new LocalDrafts();
            local.PublishStatus("not a toot");
            return timeline.Count;
        }
    }

    public class LocalDrafts
    {
        public void PublishStatus(string text) { }
    }
}
