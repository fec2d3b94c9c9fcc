// Shape of DSharpPlus 4.5.x and 5.0 (DSharpPlus): public API only, for tests.
// assembly: DSharpPlus
// Both majors keep the entity API in DSharpPlus.dll, namespace DSharpPlus.Entities. 4.x declares SendMessageAsync on
// DiscordMember, 5.0 moved it to DiscordUser; both are declared here (DiscordMember's with `new`), the rest is common
// to both. Source: DSharpPlus/DSharpPlus (tag v4.5.2 and the 5.0 development head): DiscordChannel.SendMessageAsync
// (string | DiscordEmbed | string + DiscordEmbed | DiscordMessageBuilder | Action<DiscordMessageBuilder>) ->
// Task<DiscordMessage>, CrosspostMessageAsync; DiscordClient.SendMessageAsync(DiscordChannel, ...); DiscordMessage.RespondAsync;
// DiscordWebhook.ExecuteAsync(DiscordWebhookBuilder); DiscordWebhookClient.BroadcastMessageAsync(DiscordWebhookBuilder);
// DiscordInteraction.CreateResponseAsync / CreateFollowupMessageAsync.
#nullable enable
using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace DSharpPlus
{
    using DSharpPlus.Entities;

    public enum InteractionResponseType { Pong = 1, ChannelMessageWithSource = 4, DeferredChannelMessageWithSource = 5, DeferredMessageUpdate = 6, UpdateMessage = 7 }
    public class DiscordConfiguration { public string? Token { get; set; } }

    public sealed class DiscordClient : IDisposable
    {
        public DiscordClient(DiscordConfiguration config) { }
        public Task<DiscordMessage> SendMessageAsync(DiscordChannel channel, string content) => throw null!;
        public Task<DiscordMessage> SendMessageAsync(DiscordChannel channel, DiscordEmbed embed) => throw null!;
        public Task<DiscordMessage> SendMessageAsync(DiscordChannel channel, string content, DiscordEmbed embed) => throw null!;
        public Task<DiscordMessage> SendMessageAsync(DiscordChannel channel, DiscordMessageBuilder builder) => throw null!;
        public Task<DiscordMessage> SendMessageAsync(DiscordChannel channel, Action<DiscordMessageBuilder> action) => throw null!;
        public Task<DiscordChannel> GetChannelAsync(ulong id) => throw null!;
        public Task<DiscordUser> GetUserAsync(ulong userId) => throw null!;
        public void Dispose() { }
    }

    public class DiscordWebhookClient
    {
        public Task<DiscordWebhook> AddWebhookAsync(ulong id, string token) => throw null!;
        public Task<Dictionary<DiscordWebhook, DiscordMessage>> BroadcastMessageAsync(DiscordWebhookBuilder builder) => throw null!;
    }
}

namespace DSharpPlus.Entities
{
    public interface IDiscordMessageBuilder { string? Content { get; set; } }
    public class DiscordEmbed { }
    public sealed class DiscordEmbedBuilder { public DiscordEmbedBuilder WithTitle(string title) => this; public DiscordEmbed Build() => throw null!; }
    public sealed class DiscordMessageBuilder : IDiscordMessageBuilder
    {
        public string? Content { get; set; }
        public DiscordMessageBuilder WithContent(string content) => this;
        public DiscordMessageBuilder AddEmbed(DiscordEmbed embed) => this;
    }
    public sealed class DiscordWebhookBuilder : IDiscordMessageBuilder
    {
        public string? Content { get; set; }
        public DiscordWebhookBuilder WithContent(string content) => this;
    }
    public sealed class DiscordInteractionResponseBuilder : IDiscordMessageBuilder
    {
        public string? Content { get; set; }
        public DiscordInteractionResponseBuilder WithContent(string content) => this;
    }
    public sealed class DiscordFollowupMessageBuilder : IDiscordMessageBuilder
    {
        public string? Content { get; set; }
        public DiscordFollowupMessageBuilder WithContent(string content) => this;
    }

    public class SnowflakeObject { public ulong Id { get; internal set; } }

    public class DiscordChannel : SnowflakeObject
    {
        public string Name { get; internal set; } = "";
        public Task<DiscordMessage> SendMessageAsync(string content) => throw null!;
        public Task<DiscordMessage> SendMessageAsync(DiscordEmbed embed) => throw null!;
        public Task<DiscordMessage> SendMessageAsync(string content, DiscordEmbed embed) => throw null!;
        public Task<DiscordMessage> SendMessageAsync(DiscordMessageBuilder builder) => throw null!;
        public Task<DiscordMessage> SendMessageAsync(Action<DiscordMessageBuilder> action) => throw null!;
        public Task<DiscordMessage> CrosspostMessageAsync(DiscordMessage message) => throw null!;
        public Task<DiscordMessage> GetMessageAsync(ulong id, bool skipCache = false) => throw null!;
        public Task TriggerTypingAsync() => throw null!;
        public Task DeleteMessageAsync(DiscordMessage message, string? reason = null) => throw null!;
    }

    public class DiscordMessage : SnowflakeObject
    {
        public string Content { get; internal set; } = "";
        public DiscordChannel Channel { get; internal set; } = null!;
        public DiscordUser Author { get; internal set; } = null!;
        public Task<DiscordMessage> RespondAsync(string content) => throw null!;
        public Task<DiscordMessage> RespondAsync(DiscordEmbed embed) => throw null!;
        public Task<DiscordMessage> RespondAsync(string content, DiscordEmbed embed) => throw null!;
        public Task<DiscordMessage> RespondAsync(DiscordMessageBuilder builder) => throw null!;
        public Task<DiscordMessage> RespondAsync(Action<DiscordMessageBuilder> action) => throw null!;
        public Task<DiscordMessage> ModifyAsync(string content) => throw null!;
        public Task CreateReactionAsync(string emoji) => throw null!;
        public Task PinAsync() => throw null!;
    }

    public class DiscordUser : SnowflakeObject
    {
        public string Username { get; internal set; } = "";
        public bool IsBot { get; internal set; }
        // 5.0: direct messages are sent from DiscordUser.
        public Task<DiscordMessage> SendMessageAsync(string content) => throw null!;
        public Task<DiscordMessage> SendMessageAsync(DiscordEmbed embed) => throw null!;
        public Task<DiscordMessage> SendMessageAsync(string content, DiscordEmbed embed) => throw null!;
        public Task<DiscordMessage> SendMessageAsync(DiscordMessageBuilder message) => throw null!;
    }

    public class DiscordMember : DiscordUser
    {
        public string DisplayName { get; internal set; } = "";
        // 4.x: direct messages are sent from DiscordMember.
        public new Task<DiscordMessage> SendMessageAsync(string content) => throw null!;
        public new Task<DiscordMessage> SendMessageAsync(DiscordEmbed embed) => throw null!;
        public new Task<DiscordMessage> SendMessageAsync(string content, DiscordEmbed embed) => throw null!;
        public new Task<DiscordMessage> SendMessageAsync(DiscordMessageBuilder message) => throw null!;
        public Task<DiscordDmChannel> CreateDmChannelAsync() => throw null!;
    }

    public class DiscordDmChannel : DiscordChannel { }

    public class DiscordWebhook : SnowflakeObject
    {
        public Task<DiscordMessage> ExecuteAsync(DiscordWebhookBuilder builder) => throw null!;
        public Task<DiscordMessage> GetMessageAsync(ulong messageId) => throw null!;
    }

    public class DiscordInteraction : SnowflakeObject
    {
        public DiscordUser User { get; internal set; } = null!;
        public Task CreateResponseAsync(DSharpPlus.InteractionResponseType type, DiscordInteractionResponseBuilder? builder = null) => throw null!;
        public Task<DiscordMessage> CreateFollowupMessageAsync(DiscordFollowupMessageBuilder builder) => throw null!;
        public Task<DiscordMessage> GetOriginalResponseAsync() => throw null!;
    }
}
