// uses: FishyFlip
// shape: FishyFlip3
using System;
using System.Threading.Tasks;
using FishyFlip;
using FishyFlip.Lexicon.App.Bsky.Feed;
using FishyFlip.Lexicon.Com.Atproto.Repo;
using FishyFlip.Models;

namespace UsageSamples.FishyFlip3
{
    public class FishyFlipPublisher
    {
        private readonly ATProtocol _protocol = new ATProtocolBuilder().Build();

        public async Task PostAsync(string text)
        {
            // Reduced extension call (this IXrpcClient) ...
            var created = await {|PRES001:_protocol.CreatePostAsync(text)|};
            // ... and the same extension called statically.
            await {|PRES001:ATProtoFeedExtensions.CreatePostAsync(_protocol, new Post { Text = text, CreatedAt = DateTime.UtcNow })|};
            if (created.IsSuccess)
            {
                var subject = new StrongRef(created.Value!.Uri!, created.Value.Cid!);
                await {|PRES001:_protocol.CreateRepostAsync(subject)|};
            }
        }

        public async Task ThroughInterfaceAsync(IXrpcClient client, string text)
        {
            await {|PRES001:client.CreatePostAsync(text)|};
        }

        public async Task RawAsync(ATIdentifier repo, Post post)
        {
            await {|PRES001:_protocol.Repo.CreateRecordAsync(repo, "app.bsky.feed.post", post)|};
        }

        // ---- not publishes ----
        public async Task NotPublishingAsync(ATIdentifier repo, StrongRef subject)
        {
            await _protocol.CreateLikeAsync(subject);
            await _protocol.ListPostAsync(repo);
            await _protocol.Repo.UploadBlobAsync(new System.Net.Http.StreamContent(System.IO.Stream.Null));
            await _protocol.Repo.ListRecordsAsync(repo, "app.bsky.feed.post");
        }
    }
}
