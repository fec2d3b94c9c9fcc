// Shape of Slack.Webhooks 1.1.x (Slack.Webhooks): public API only, for tests.
// assembly: Slack.Webhooks
// Source: mrb0nj/Slack.Webhooks src/Slack.Webhooks/ISlackClient.cs and SlackClient.cs (1.x line: Post(SlackMessage) -> bool,
// PostToChannels(SlackMessage, IEnumerable<string>) -> bool, PostAsync(SlackMessage) -> Task<bool>,
// PostToChannelsAsync(SlackMessage, IEnumerable<string>) -> IEnumerable<Task<bool>>). The repository's development line
// renames them (PostToChannelAsync, Chat/ChatClient.PostMessage); that line is not reproduced.
#nullable enable
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;

namespace Slack.Webhooks
{
    public class SlackMessage
    {
        public string? Text { get; set; }
        public string? Channel { get; set; }
        public string? Username { get; set; }
        public string? IconEmoji { get; set; }
        public SlackMessage Clone(string? newChannel = null) => throw null!;
    }

    public interface ISlackClient
    {
        bool Post(SlackMessage slackMessage);
        bool PostToChannels(SlackMessage message, IEnumerable<string> channels);
        Task<bool> PostAsync(SlackMessage slackMessage);
    }

    public class SlackClient : ISlackClient, IDisposable
    {
        public SlackClient(string webhookUrl, int timeoutSeconds = 100, HttpClient? httpClient = null) { }
        public virtual bool Post(SlackMessage slackMessage) => throw null!;
        public bool PostToChannels(SlackMessage message, IEnumerable<string> channels) => throw null!;
        public IEnumerable<Task<bool>> PostToChannelsAsync(SlackMessage message, IEnumerable<string> channels) => throw null!;
        public Task<bool> PostAsync(SlackMessage slackMessage) => throw null!;
        public Task<bool> PostAsync(SlackMessage slackMessage, bool configureAwait) => throw null!;
        public void Dispose() { }
    }
}
