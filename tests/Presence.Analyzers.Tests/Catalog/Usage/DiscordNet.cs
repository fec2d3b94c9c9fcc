// uses: Discord.Net.Core
// options: presence_report_bot_replies = true
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Discord;

namespace UsageSamples.DiscordNet
{
    public class DiscordPublisher
    {
        public async Task ChannelAsync(IMessageChannel channel, ITextChannel text, string message, Stream image)
        {
            await {|PRES001:channel.SendMessageAsync(message)|};
            await {|PRES001:text.SendMessageAsync(message, embed: new EmbedBuilder().WithDescription(message).Build())|};
            await {|PRES001:channel.SendFileAsync(image, "image.png", message)|};
            await {|PRES001:channel.SendFileAsync("report.pdf", message)|};
            await {|PRES001:channel.SendFileAsync(new FileAttachment(image, "image.png"), message)|};
            await {|PRES001:channel.SendFilesAsync(new[] { new FileAttachment("a.png"), new FileAttachment("b.png") }, message)|};
        }

        // Through a concrete channel (SocketTextChannel / RestTextChannel in the real packages).
        public Task<IUserMessage> ConcreteAsync(TextChannelStandIn channel, string message)
            => {|PRES001:channel.SendMessageAsync(message)|};

        public async Task DirectMessageAsync(IUser user, IGuildUser member, string message, Stream file)
        {
            // Extension method, reduced and called statically.
            await {|PRES001:user.SendMessageAsync(message)|};
            await {|PRES001:UserExtensions.SendMessageAsync(member, message)|};
            await {|PRES001:user.SendFileAsync(file, "notes.txt", message)|};
            await {|PRES001:user.SendFilesAsync(new List<FileAttachment>(), message)|};
        }

        public async Task ReplyEditCrosspostAsync(IUserMessage incoming, IMessageChannel channel, ulong messageId, string text)
        {
            var reply = await {|PRES001:incoming.ReplyAsync(text)|};
            await {|PRES001:MessageExtensions.ReplyAsync(incoming, text)|};
            await {|PRES001:reply.ModifyAsync(m => m.Content = text + " (edited)")|};
            await {|PRES001:channel.ModifyMessageAsync(messageId, m => m.Content = text)|};
            await {|PRES001:reply.CrosspostAsync()|};
        }

        public async Task InteractionAsync(IDiscordInteraction interaction, string text, Stream file)
        {
            await {|PRES001:interaction.RespondAsync(text, ephemeral: true)|};
            await {|PRES001:interaction.RespondWithFileAsync(file, "a.png", text)|};
            await {|PRES001:interaction.RespondWithFilesAsync(new[] { new FileAttachment("a.png") }, text)|};
            await {|PRES001:interaction.FollowupAsync(text)|};
            await {|PRES001:interaction.FollowupWithFileAsync("chart.png", text: text)|};
            await {|PRES001:interaction.FollowupWithFilesAsync(new[] { new FileAttachment("a.png") }, text)|};
        }

        public async Task ForumAsync(IForumChannel forum, string title, string text, Stream file)
        {
            await {|PRES001:forum.CreatePostAsync(title, text: text)|};
            await {|PRES001:forum.CreatePostWithFileAsync(title, file, "a.png", text: text)|};
            await {|PRES001:forum.CreatePostWithFilesAsync(title, new[] { new FileAttachment("a.png") }, text: text)|};
        }

        // ---- not publishes ----
        public async Task NotPublishingAsync(IMessageChannel channel, IUserMessage message, IDiscordInteraction interaction, IForumChannel forum)
        {
            await channel.TriggerTypingAsync();
            var last = await channel.GetMessageAsync(message.Id);
            await channel.DeleteMessageAsync(message.Id);
            await message.PinAsync();
            await message.AddReactionsAsync(new[] { "👍" });
            await interaction.DeferAsync();
            await forum.GetActiveThreadsAsync();
            var url = message.GetJumpUrl();
            var log = new List<string> { url };
            log.Add(last.Content);
            var bot = new MyBot();
            await bot.SendMessageAsync("not discord");
            await bot.ReplyAsync("not discord");
        }
    }

    public class MyBot
    {
        public Task SendMessageAsync(string text) => Task.CompletedTask;
        public Task ReplyAsync(string text) => Task.CompletedTask;
    }
}
