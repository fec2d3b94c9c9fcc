// uses: idunno.Bluesky
using System.Collections.Generic;
using System.Threading.Tasks;
using idunno.AtProto;
using idunno.AtProto.Repo;
using idunno.Bluesky;
using idunno.Bluesky.Chat;

namespace UsageSamples.IdunnoBluesky
{
    public class IdunnoPublisher
    {
        private readonly BlueskyAgent _agent = new BlueskyAgent();

        public async Task PostAsync(string text)
        {
            await _agent.Login("handle.bsky.social", "app-password");
            var result = await {|PRES001:_agent.Post(text)|};
            if (!result.Succeeded)
            {
                await {|PRES001:_agent.Post(new PostBuilder(text).Append(" #dotnet"))|};
            }
        }

        public async Task ReplyQuoteRepostAsync(StrongReference parent, string text)
        {
            await {|PRES001:_agent.ReplyTo(parent, text)|};
            await {|PRES001:_agent.Quote(parent, text)|};
            await {|PRES001:_agent.Repost(parent)|};
        }

        public async Task MessageAsync(Did member, string text)
        {
            var convo = await _agent.GetConversationForMembers(new List<Did> { member });
            await {|PRES001:_agent.SendMessage(convo.Result!.Id, text)|};
            await {|PRES001:_agent.SendMessageBatch(new List<BatchedMessage> { new BatchedMessage(convo.Result!.Id, text) })|};
        }

        // The raw AT Protocol write, inherited from AtProtoAgent.
        public async Task RawRecordAsync(object record)
        {
            await {|PRES001:_agent.CreateRecord(record, "app.bsky.feed.post")|};
        }

        // ---- not publishes ----
        public async Task NotPublishingAsync(StrongReference post, Did did, AtUri uri)
        {
            await _agent.Like(post);
            await _agent.Follow(did);
            await _agent.GetPostView(uri);
            await _agent.UploadBlob(new byte[0], "image/png");
            var drafts = new List<string>();
            drafts.Add("post later");
        }
    }
}
