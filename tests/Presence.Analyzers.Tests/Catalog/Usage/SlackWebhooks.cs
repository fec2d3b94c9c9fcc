// uses: Slack.Webhooks
using System.Collections.Generic;
using System.Threading.Tasks;
using Slack.Webhooks;

namespace UsageSamples.SlackWebhooks
{
    public class WebhookNotifier
    {
        private readonly ISlackClient _client = new SlackClient("https://hooks.slack.com/services/T000/B000/XXXX");

        public bool Notify(string text) => {|PRES001:_client.Post(new SlackMessage { Text = text, Channel = "#releases" })|};

        public async Task<bool> NotifyAsync(string text)
        {
            return await {|PRES001:_client.PostAsync(new SlackMessage { Text = text })|};
        }

        public void Fanout(string text, IEnumerable<string> channels)
        {
            {|PRES001:_client.PostToChannels(new SlackMessage { Text = text }, channels)|};
            using var concrete = new SlackClient("https://hooks.slack.com/services/T000/B000/XXXX");
            {|PRES001:concrete.PostToChannelsAsync(new SlackMessage { Text = text }, channels)|};
            {|PRES001:concrete.PostAsync(new SlackMessage { Text = text }, configureAwait: false)|};
        }

        // ---- not publishes ----
        public SlackMessage NotPublishing(string text, List<SlackMessage> queue)
        {
            var message = new SlackMessage { Text = text };
            queue.Add(message);
            return message.Clone("#other");
        }
    }
}
