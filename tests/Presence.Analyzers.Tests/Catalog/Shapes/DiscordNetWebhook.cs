// Shape of Discord.Net.Webhook 3.x (Discord.Net.Webhook): public API only, for tests.
// assembly: Discord.Net.Webhook
// references: Discord.Net.Core
// DiscordWebhookClient takes Embed, AllowedMentions, MessageComponent, FileAttachment... from Discord.Net.Core, so this
// shape references the Discord.Net.Core shape (DiscordNetCore.cs); the real package depends on Discord.Net.Core too.
// Source: discord-net/Discord.Net src/Discord.Net.Webhook/DiscordWebhookClient.cs (SendMessageAsync, SendFileAsync x3,
// SendFilesAsync -> Task<ulong>; ModifyMessageAsync; DeleteMessageAsync). Parameter lists follow 3.x.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;

namespace Discord.Webhook
{
    public class WebhookMessageProperties { public string? Content { get; set; } }

    public class DiscordWebhookClient : IDisposable
    {
        public DiscordWebhookClient(string webhookUrl) { }
        public DiscordWebhookClient(ulong webhookId, string webhookToken) { }

        public Task<ulong> SendMessageAsync(string? text = null, bool isTTS = false, IEnumerable<Embed>? embeds = null, string? username = null, string? avatarUrl = null, RequestOptions? options = null, AllowedMentions? allowedMentions = null, MessageComponent? components = null, MessageFlags flags = MessageFlags.None, ulong? threadId = null, string? threadName = null, ulong[]? appliedTags = null, PollProperties? poll = null) => throw null!;
        public Task<ulong> SendFileAsync(string filePath, string? text, bool isTTS = false, IEnumerable<Embed>? embeds = null, string? username = null, string? avatarUrl = null, RequestOptions? options = null, bool isSpoiler = false, AllowedMentions? allowedMentions = null, MessageComponent? components = null, MessageFlags flags = MessageFlags.None, ulong? threadId = null, string? threadName = null, ulong[]? appliedTags = null, PollProperties? poll = null) => throw null!;
        public Task<ulong> SendFileAsync(Stream stream, string filename, string? text, bool isTTS = false, IEnumerable<Embed>? embeds = null, string? username = null, string? avatarUrl = null, RequestOptions? options = null, bool isSpoiler = false, AllowedMentions? allowedMentions = null, MessageComponent? components = null, MessageFlags flags = MessageFlags.None, ulong? threadId = null, string? threadName = null, ulong[]? appliedTags = null, PollProperties? poll = null) => throw null!;
        public Task<ulong> SendFileAsync(FileAttachment attachment, string? text, bool isTTS = false, IEnumerable<Embed>? embeds = null, string? username = null, string? avatarUrl = null, RequestOptions? options = null, AllowedMentions? allowedMentions = null, MessageComponent? components = null, MessageFlags flags = MessageFlags.None, ulong? threadId = null, string? threadName = null, ulong[]? appliedTags = null, PollProperties? poll = null) => throw null!;
        public Task<ulong> SendFilesAsync(IEnumerable<FileAttachment> attachments, string? text, bool isTTS = false, IEnumerable<Embed>? embeds = null, string? username = null, string? avatarUrl = null, RequestOptions? options = null, AllowedMentions? allowedMentions = null, MessageComponent? components = null, MessageFlags flags = MessageFlags.None, ulong? threadId = null, string? threadName = null, ulong[]? appliedTags = null, PollProperties? poll = null) => throw null!;
        public Task ModifyMessageAsync(ulong messageId, Action<WebhookMessageProperties> func, RequestOptions? options = null, ulong? threadId = null) => throw null!;
        public Task DeleteMessageAsync(ulong messageId, RequestOptions? options = null, ulong? threadId = null) => throw null!;
        public void Dispose() { }
    }
}
