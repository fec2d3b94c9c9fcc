// uses: DSharpPlus
using System.Collections.Generic;
using System.Threading.Tasks;
using DSharpPlus;
using DSharpPlus.Entities;

namespace UsageSamples.DSharpPlus
{
    public class DSharpPlusPublisher
    {
        private readonly DiscordClient _client = new DiscordClient(new DiscordConfiguration { Token = "token" });

        public async Task ChannelAsync(ulong channelId, string text)
        {
            var channel = await _client.GetChannelAsync(channelId);
            await {|PRES001:channel.SendMessageAsync(text)|};
            await {|PRES001:channel.SendMessageAsync(text, new DiscordEmbedBuilder().WithTitle("News").Build())|};
            await {|PRES001:channel.SendMessageAsync(new DiscordMessageBuilder().WithContent(text))|};
            var sent = await {|PRES001:channel.SendMessageAsync(b => b.WithContent(text))|};
            await {|PRES001:channel.CrosspostMessageAsync(sent)|};
            await {|PRES001:_client.SendMessageAsync(channel, text)|};
        }

        public async Task ReplyAsync(DiscordMessage incoming, string text)
        {
            await {|PRES001:incoming.RespondAsync(text)|};
        }

        public async Task DirectMessageAsync(DiscordMember member, ulong userId, string text)
        {
            await {|PRES001:member.SendMessageAsync(text)|};
            var user = await _client.GetUserAsync(userId);
            await {|PRES001:user.SendMessageAsync(text)|};
        }

        public async Task WebhookAsync(DiscordWebhook webhook, DiscordWebhookClient fanOut, string text)
        {
            await {|PRES001:webhook.ExecuteAsync(new DiscordWebhookBuilder().WithContent(text))|};
            await {|PRES001:fanOut.BroadcastMessageAsync(new DiscordWebhookBuilder().WithContent(text))|};
        }

        public async Task InteractionAsync(DiscordInteraction interaction, string text)
        {
            await {|PRES001:interaction.CreateResponseAsync(InteractionResponseType.ChannelMessageWithSource, new DiscordInteractionResponseBuilder().WithContent(text))|};
            await {|PRES001:interaction.CreateFollowupMessageAsync(new DiscordFollowupMessageBuilder().WithContent(text))|};
        }

        // ---- not publishes ----
        public async Task NotPublishingAsync(DiscordChannel channel, DiscordMessage message, DiscordMember member, DiscordInteraction interaction)
        {
            await channel.TriggerTypingAsync();
            await channel.GetMessageAsync(message.Id);
            await channel.DeleteMessageAsync(message);
            await message.CreateReactionAsync(":thumbsup:");
            await message.PinAsync();
            await member.CreateDmChannelAsync();
            await interaction.GetOriginalResponseAsync();
            var pending = new List<DiscordMessageBuilder>();
            pending.Add(new DiscordMessageBuilder().WithContent("later"));
        }
    }
}
