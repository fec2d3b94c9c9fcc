// uses: Microsoft.Graph
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace UsageSamples.MicrosoftGraph
{
    public class TeamsAnnouncer
    {
        private readonly GraphServiceClient _graph;

        public TeamsAnnouncer(GraphServiceClient graph) => _graph = graph;

        private static ChatMessage Message(string html) => new() { Body = new ItemBody { ContentType = BodyType.Html, Content = html } };

        public async Task PostToChannelAsync(string teamId, string channelId, string html, CancellationToken ct)
        {
            await {|PRES001:_graph.Teams[teamId].Channels[channelId].Messages.PostAsync(Message(html), cancellationToken: ct)|};
        }

        public async Task ReplyInThreadAsync(string teamId, string channelId, string messageId, string html)
        {
            await {|PRES001:_graph.Teams[teamId].Channels[channelId].Messages[messageId].Replies.PostAsync(Message(html))|};
        }

        public async Task CorrectAsync(string teamId, string channelId, string messageId, string html)
        {
            await {|PRES001:_graph.Teams[teamId].Channels[channelId].Messages[messageId].PatchAsync(Message(html))|};
        }

        public async Task PostToGeneralAsync(string teamId, string html)
        {
            await {|PRES001:_graph.Teams[teamId].PrimaryChannel.Messages.PostAsync(Message(html))|};
        }

        public async Task PostThroughGroupAsync(string groupId, string channelId, string html)
        {
            await {|PRES001:_graph.Groups[groupId].Team.Channels[channelId].Messages.PostAsync(Message(html))|};
        }

        public async Task PostThroughJoinedTeamsAsync(string userId, string teamId, string channelId, string html)
        {
            await {|PRES001:_graph.Me.JoinedTeams[teamId].Channels[channelId].Messages.PostAsync(Message(html))|};
            await {|PRES001:_graph.Users[userId].JoinedTeams[teamId].Channels[channelId].Messages.PostAsync(Message(html))|};
        }

        public async Task PostToChatAsync(string userId, string chatId, string messageId, string html)
        {
            await {|PRES001:_graph.Chats[chatId].Messages.PostAsync(Message(html))|};
            await {|PRES001:_graph.Chats[chatId].Messages[messageId].PatchAsync(Message(html))|};
            await {|PRES001:_graph.Me.Chats[chatId].Messages.PostAsync(Message(html))|};
            await {|PRES001:_graph.Users[userId].Chats[chatId].Messages.PostAsync(Message(html))|};
        }

        // ---- not publishes: reading messages and members, reacting, building a message, deleting ----
        public async Task<List<ChatMessage>?> NotPublishingAsync(string teamId, string channelId, string messageId)
        {
            var draft = Message("draft");
            var page = await _graph.Teams[teamId].Channels[channelId].Messages.GetAsync();
            await _graph.Teams[teamId].Channels[channelId].Messages[messageId].GetAsync();
            await _graph.Teams[teamId].Members.GetAsync();
            await _graph.Teams[teamId].Channels[channelId].Messages[messageId].DeleteAsync();
            return page?.Value;
        }
    }
}
