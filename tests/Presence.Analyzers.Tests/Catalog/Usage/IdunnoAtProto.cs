// uses: idunno.AtProto
using System;
using System.Threading.Tasks;
using idunno.AtProto;

namespace UsageSamples.IdunnoAtProto
{
    public sealed class PostRecord : AtProtoRecord
    {
        public string Text { get; set; } = "";
    }

    public class AtProtoWriter
    {
        private readonly AtProtoAgent _agent = new AtProtoAgent(new Uri("https://bsky.social"));

        public async Task WriteAsync(string text, Did repo)
        {
            await {|PRES001:_agent.CreateRecord(new PostRecord { Text = text }, new Nsid("app.bsky.feed.post"))|};
            await {|PRES001:_agent.CreateRecord(new PostRecord { Text = text }, "app.bsky.feed.post", repo)|};
        }

        // ---- not publishes ----
        public async Task NotPublishingAsync(Did repo, RecordKey key)
        {
            await _agent.GetRecord<PostRecord>(repo, "app.bsky.feed.post", key);
            await _agent.UploadBlob(new byte[0], "image/jpeg");
        }
    }
}
