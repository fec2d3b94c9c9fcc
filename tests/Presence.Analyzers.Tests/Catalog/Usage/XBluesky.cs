// uses: X.Bluesky
using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using X.Bluesky;
using X.Bluesky.Models;

namespace UsageSamples.XBluesky
{
    public class BlueskyPublisher
    {
        private readonly IBlueskyClient _client = new BlueskyClient("handle.bsky.social", "app-password");

        public Task PostAsync(string text) => {|PRES001:_client.Post(text)|};

        public async Task PostWithLinkAsync(string text, Uri link, Image image)
        {
            await {|PRES001:_client.Post(text, link)|};
            await {|PRES001:_client.Post(text, link, image)|};
            await {|PRES001:_client.Post(new Post { Text = text, Url = link })|};
        }

        public async Task ConcreteAsync(BlueskyClient client, string text)
        {
            await {|PRES001:client.Post(new Post { Text = text })|};
        }

        // ---- not publishes ----
        public async Task<string> NotPublishingAsync(IMentionResolver resolver, List<Post> queue, string text)
        {
            queue.Add(new Post { Text = text });
            var fake = new PostOffice();
            fake.Post(text);
            return await resolver.ResolveMention("@someone.bsky.social");
        }
    }

    public class PostOffice
    {
        public void Post(string letter) { }
    }
}
