// uses: TootNet
using System.Collections.Generic;
using System.Threading.Tasks;
using TootNet;

namespace UsageSamples.TootNet
{
    public class TootNetPublisher
    {
        private readonly Tokens _tokens = new Tokens("mstdn.jp", "token");

        public async Task TootAsync(string text)
        {
            await {|PRES001:_tokens.Statuses.PostAsync(status => text, visibility => "public")|};
        }

        public async Task TootWithMediaAsync(byte[] image, string text)
        {
            var media = await _tokens.Media.PostAsync(file => image);
            await {|PRES001:_tokens.Statuses.PostAsync(new Dictionary<string, object> { ["status"] = text, ["media_ids"] = new[] { media.Id } })|};
        }

        public async Task BoostAndEditAsync(long id, string corrected)
        {
            await {|PRES001:_tokens.Statuses.ReblogAsync(id => id)|};
            await {|PRES001:_tokens.Statuses.PutAsync(id => id, status => corrected)|};
        }

        // ---- not publishes ----
        public async Task<string?> NotPublishingAsync(long statusId)
        {
            var status = await _tokens.Statuses.IdAsync(id => statusId);
            await _tokens.Statuses.UnreblogAsync(id => statusId);
            await _tokens.Media.PostAsync(new Dictionary<string, object> { ["file"] = new byte[0] });
            return status.Content;
        }
    }
}
