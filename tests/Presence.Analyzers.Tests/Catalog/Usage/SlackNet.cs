// uses: SlackNet
using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using SlackNet;
using SlackNet.WebApi;

namespace UsageSamples.SlackNet
{
    public class SlackNetPublisher
    {
        private readonly ISlackApiClient _slack = new SlackApiClient("xoxb-token");

        public async Task PostAsync(string channel, string text)
        {
            var posted = await {|PRES001:_slack.Chat.PostMessage(new Message { Channel = channel, Text = text })|};
            await {|PRES001:_slack.Chat.Update(new MessageUpdate { ChannelId = channel, Ts = posted.Ts, Text = text + " (edited)" })|};
        }

        public async Task ScheduleAndEphemeralAsync(string channel, string userId, string text)
        {
            await {|PRES001:_slack.Chat.ScheduleMessage(new Message { Channel = channel, Text = text }, DateTime.UtcNow.AddHours(1))|};
            await {|PRES001:_slack.Chat.PostEphemeral(userId, new Message { Channel = channel, Text = text })|};
            await {|PRES001:_slack.Chat.MeMessage(channel, "is deploying")|};
        }

        public async Task ThroughImplementationAsync(ChatApi chat, string channel, string text)
        {
            await {|PRES001:chat.PostMessage(new Message { Channel = channel, Text = text })|};
        }

        public async Task FilesAsync(string channel, byte[] report, string snippet)
        {
            await {|PRES001:_slack.Files.Upload(report, "pdf", "report.pdf", "Weekly report", "Here is the report", channels: new[] { channel })|};
            await {|PRES001:_slack.Files.UploadSnippet(snippet, "csharp", channels: new[] { channel })|};
        }

        public Task RawAsync(string channel, string text)
            => {|PRES001:_slack.Post("chat.postMessage", new Dictionary<string, object> { ["channel"] = channel, ["text"] = text }, null)|};

        // ---- not publishes ----
        public Task RawReadAsync() => _slack.Post("conversations.list", new Dictionary<string, object>(), null);

        public async Task NotPublishingAsync(string channel, string ts, string fileId, List<Message> drafts)
        {
            await _slack.Chat.Delete(ts, channel);
            await _slack.Chat.GetPermalink(channel, ts);
            await _slack.Conversations.History(channel);
            await _slack.Files.Info(fileId);
            await _slack.Files.List(channelId: channel);
            drafts.Add(new Message { Channel = channel, Text = "later" });
        }
    }
}
