// uses: Discord.Net.Webhook
using System.IO;
using System.Threading.Tasks;
using Discord;
using Discord.Webhook;

namespace UsageSamples.DiscordNetWebhook
{
    public class WebhookPublisher
    {
        private readonly DiscordWebhookClient _webhook = new DiscordWebhookClient("https://discord.com/api/webhooks/1/token");

        public async Task<ulong> AnnounceAsync(string text, Stream file)
        {
            var id = await {|PRES001:_webhook.SendMessageAsync(text, username: "Release bot")|};
            await {|PRES001:_webhook.SendFileAsync(file, "notes.md", text)|};
            await {|PRES001:_webhook.SendFileAsync("notes.md", text)|};
            await {|PRES001:_webhook.SendFilesAsync(new[] { new FileAttachment("a.png") }, text)|};
            await {|PRES001:_webhook.ModifyMessageAsync(id, m => m.Content = text + " (edited)")|};
            return id;
        }

        // ---- not publishes ----
        public Task NotPublishingAsync(ulong id) => _webhook.DeleteMessageAsync(id);
    }
}
