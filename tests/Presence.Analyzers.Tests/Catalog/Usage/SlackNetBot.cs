// uses: SlackNet.Bot
using System.Threading.Tasks;
using SlackNet.Bot;

namespace UsageSamples.SlackNetBot
{
    public class EchoBot
    {
        private readonly ISlackBot _bot = new SlackBot("xoxb-token");

        public async Task StartAsync()
        {
            await _bot.Connect();
            _bot.OnMessage(async message =>
            {
                if (message.MentionsBot)
                {
                    await {|PRES001:message.ReplyWith("You said: " + message.Text)|};
                    await {|PRES001:message.ReplyWith(new BotMessage { Text = "threaded" }, createThread: true)|};
                    await {|PRES001:message.ReplyWith(() => Task.FromResult(new BotMessage { Text = "computed" }))|};
                }
            });
        }

        public async Task AnnounceAsync(string channel, string text)
        {
            await {|PRES001:_bot.Send(new BotMessage { Text = text, Conversation = channel })|};
            var concrete = new SlackBot("xoxb-token");
            await {|PRES001:concrete.Send(new BotMessage { Text = text, Conversation = channel })|};
        }

        // ---- not publishes ----
        public Task NotPublishingAsync(string channel) => _bot.WhileTyping(channel, () => Task.CompletedTask);
    }
}
