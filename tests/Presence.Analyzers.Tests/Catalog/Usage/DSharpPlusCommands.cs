// uses: DSharpPlus.Commands
using System.Threading.Tasks;
using DSharpPlus.Commands;
using DSharpPlus.Entities;

namespace UsageSamples.DSharpPlusCommands
{
    public class PingCommand
    {
        public async ValueTask ExecuteAsync(CommandContext context, string text)
        {
            await {|PRES001:context.RespondAsync(text)|};
            await {|PRES001:context.RespondAsync(new DiscordMessageBuilder().WithContent(text))|};
            await {|PRES001:context.FollowupAsync(text)|};
        }

        public ValueTask ConcreteAsync(TextCommandContextStandIn context, DiscordEmbed embed) => {|PRES001:context.RespondAsync(embed)|};

        // ---- not publishes ----
        public async ValueTask NotPublishingAsync(CommandContext context)
        {
            await context.DeferResponseAsync();
            await context.GetResponseAsync();
            await context.DeleteResponseAsync();
        }
    }
}
