// Shape of DSharpPlus.Commands 5.0 (DSharpPlus.Commands): public API only, for tests.
// assembly: DSharpPlus.Commands
// references: DSharpPlus
// CommandContext takes DiscordEmbed / IDiscordMessageBuilder / DiscordMessage from DSharpPlus.dll, so this shape references
// the DSharpPlus shape (DSharpPlus.cs). Source: DSharpPlus/DSharpPlus DSharpPlus.Commands/CommandContext.cs
// (public abstract record CommandContext : AbstractContext; RespondAsync(string | DiscordEmbed | string + DiscordEmbed)
// virtual, RespondAsync(IDiscordMessageBuilder) abstract, all ValueTask; FollowupAsync -> ValueTask<DiscordMessage>;
// EditResponseAsync; DeferResponseAsync).
#nullable enable
using System.Threading.Tasks;
using DSharpPlus.Entities;

namespace DSharpPlus.Commands
{
    public abstract record AbstractContext
    {
        public DiscordUser User { get; init; } = null!;
        public DiscordChannel Channel { get; init; } = null!;
    }

    public abstract record CommandContext : AbstractContext
    {
        public virtual ValueTask RespondAsync(string content) => throw null!;
        public virtual ValueTask RespondAsync(DiscordEmbed embed) => throw null!;
        public virtual ValueTask RespondAsync(string content, DiscordEmbed embed) => throw null!;
        public abstract ValueTask RespondAsync(IDiscordMessageBuilder builder);
        public virtual ValueTask<DiscordMessage> EditResponseAsync(string content) => throw null!;
        public abstract ValueTask<DiscordMessage> EditResponseAsync(IDiscordMessageBuilder builder);
        public abstract ValueTask<DiscordMessage?> GetResponseAsync();
        public abstract ValueTask DeferResponseAsync();
        public abstract ValueTask DeleteResponseAsync();
        public virtual ValueTask<DiscordMessage> FollowupAsync(string content) => throw null!;
        public virtual ValueTask<DiscordMessage> FollowupAsync(DiscordEmbed embed) => throw null!;
        public virtual ValueTask<DiscordMessage> FollowupAsync(string content, DiscordEmbed embed) => throw null!;
        public abstract ValueTask<DiscordMessage> FollowupAsync(IDiscordMessageBuilder builder);
    }

    // Stand-in for the concrete TextCommandContext / SlashCommandContext.
    public sealed record TextCommandContextStandIn : CommandContext
    {
        public override ValueTask RespondAsync(IDiscordMessageBuilder builder) => throw null!;
        public override ValueTask<DiscordMessage> EditResponseAsync(IDiscordMessageBuilder builder) => throw null!;
        public override ValueTask<DiscordMessage?> GetResponseAsync() => throw null!;
        public override ValueTask DeferResponseAsync() => throw null!;
        public override ValueTask DeleteResponseAsync() => throw null!;
        public override ValueTask<DiscordMessage> FollowupAsync(IDiscordMessageBuilder builder) => throw null!;
    }
}
