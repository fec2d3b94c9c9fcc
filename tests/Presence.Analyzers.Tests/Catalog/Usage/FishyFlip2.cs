// uses: FishyFlip
// shape: FishyFlip2
using System.Net.Http;
using System.Threading.Tasks;
using FishyFlip;
using FishyFlip.Models;

namespace UsageSamples.FishyFlip2
{
    public class FishyFlipLegacyPublisher
    {
        public async Task PostAsync(ATProtocol protocol, string text)
        {
            var result = await {|PRES001:protocol.Repo.CreatePostAsync(text)|};
            if (result.IsSuccess)
            {
                await {|PRES001:protocol.Repo.CreateRepostAsync(result.Value!.Cid!, result.Value.Uri!)|};
            }
        }

        // ---- not publishes ----
        public async Task NotPublishingAsync(ATProtocol protocol, Cid cid, ATUri uri)
        {
            await protocol.Repo.UploadBlobAsync(new StreamContent(System.IO.Stream.Null));
            await protocol.Repo.CreateLikeAsync(cid, uri);
            await protocol.Repo.GetPostAsync("did:plc:abc", "rkey");
        }
    }
}
