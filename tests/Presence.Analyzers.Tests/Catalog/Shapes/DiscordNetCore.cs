// Shape of Discord.Net 3.x (Discord.Net.Core): public API only, for tests.
// assembly: Discord.Net.Core
// The Discord.Net meta-package ships Discord.Net.Core (interfaces, UserExtensions, MessageExtensions), Discord.Net.Rest,
// Discord.Net.WebSocket (concrete Rest*/Socket* entities) and Discord.Net.Webhook (DiscordWebhookClient, see
// DiscordNetWebhook.cs). The catalogued interfaces and extension classes are in Discord.Net.Core; one concrete channel
// (standing in for SocketTextChannel / RestTextChannel) is declared here to exercise calls through an implementation.
// Source: discord-net/Discord.Net src/Discord.Net.Core/Entities/Channels/IMessageChannel.cs (3.x signatures with
// MessageFlags and PollProperties), Entities/Channels/IForumChannel.cs, Entities/Interactions/IDiscordInteraction.cs,
// Extensions/UserExtensions.cs, Extensions/MessageExtensions.cs. Inheritance is reduced to what the tests need.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;

namespace Discord
{
    public class RequestOptions { }
    public class Embed { }
    public class EmbedBuilder { public EmbedBuilder WithDescription(string d) => this; public Embed Build() => throw null!; }
    public class AllowedMentions { }
    public class MessageReference { public MessageReference(ulong? messageId = null, ulong? channelId = null, ulong? guildId = null) { } }
    public class MessageComponent { }
    public class PollProperties { }
    public class ForumTag { }
    public class MessageProperties { public string? Content { get; set; } }
    public interface ISticker { }
    [Flags] public enum MessageFlags { None = 0, SuppressEmbeds = 4, Ephemeral = 64, SuppressNotification = 4096 }
    public enum ThreadArchiveDuration { OneHour = 60, OneDay = 1440, ThreeDays = 4320, OneWeek = 10080 }
    public enum CacheMode { AllowDownload, CacheOnly }
    public enum Direction { Before, After, Around }
    public struct FileAttachment : IDisposable
    {
        public FileAttachment(Stream stream, string fileName, string? description = null, bool isSpoiler = false) { }
        public FileAttachment(string path, string? fileName = null, string? description = null, bool isSpoiler = false) { }
        public void Dispose() { }
    }

    public interface ISnowflakeEntity { ulong Id { get; } }
    public interface IChannel : ISnowflakeEntity { string Name { get; } }
    public interface IUser : ISnowflakeEntity { string Username { get; } bool IsBot { get; } }
    public interface IGuildUser : IUser { ulong GuildId { get; } }
    public interface IMessage : ISnowflakeEntity { string Content { get; } IUser Author { get; } IMessageChannel Channel { get; } }
    public interface IUserMessage : IMessage
    {
        Task ModifyAsync(Action<MessageProperties> func, RequestOptions? options = null);
        Task CrosspostAsync(RequestOptions? options = null);
        Task PinAsync(RequestOptions? options = null);
    }
    public interface IThreadChannel : ITextChannel { }

    public interface IMessageChannel : IChannel
    {
        Task<IUserMessage> SendMessageAsync(string? text = null, bool isTTS = false, Embed? embed = null, RequestOptions? options = null, AllowedMentions? allowedMentions = null, MessageReference? messageReference = null, MessageComponent? components = null, ISticker[]? stickers = null, Embed[]? embeds = null, MessageFlags flags = MessageFlags.None, PollProperties? poll = null);
        Task<IUserMessage> SendFileAsync(string filePath, string? text = null, bool isTTS = false, Embed? embed = null, RequestOptions? options = null, bool isSpoiler = false, AllowedMentions? allowedMentions = null, MessageReference? messageReference = null, MessageComponent? components = null, ISticker[]? stickers = null, Embed[]? embeds = null, MessageFlags flags = MessageFlags.None, PollProperties? poll = null);
        Task<IUserMessage> SendFileAsync(Stream stream, string filename, string? text = null, bool isTTS = false, Embed? embed = null, RequestOptions? options = null, bool isSpoiler = false, AllowedMentions? allowedMentions = null, MessageReference? messageReference = null, MessageComponent? components = null, ISticker[]? stickers = null, Embed[]? embeds = null, MessageFlags flags = MessageFlags.None, PollProperties? poll = null);
        Task<IUserMessage> SendFileAsync(FileAttachment attachment, string? text = null, bool isTTS = false, Embed? embed = null, RequestOptions? options = null, AllowedMentions? allowedMentions = null, MessageReference? messageReference = null, MessageComponent? components = null, ISticker[]? stickers = null, Embed[]? embeds = null, MessageFlags flags = MessageFlags.None, PollProperties? poll = null);
        Task<IUserMessage> SendFilesAsync(IEnumerable<FileAttachment> attachments, string? text = null, bool isTTS = false, Embed? embed = null, RequestOptions? options = null, AllowedMentions? allowedMentions = null, MessageReference? messageReference = null, MessageComponent? components = null, ISticker[]? stickers = null, Embed[]? embeds = null, MessageFlags flags = MessageFlags.None, PollProperties? poll = null);
        Task<IMessage> GetMessageAsync(ulong id, CacheMode mode = CacheMode.AllowDownload, RequestOptions? options = null);
        IAsyncEnumerable<IReadOnlyCollection<IMessage>> GetMessagesAsync(int limit = 100, CacheMode mode = CacheMode.AllowDownload, RequestOptions? options = null);
        Task DeleteMessageAsync(ulong messageId, RequestOptions? options = null);
        Task<IUserMessage> ModifyMessageAsync(ulong messageId, Action<MessageProperties> func, RequestOptions? options = null);
        Task TriggerTypingAsync(RequestOptions? options = null);
        IDisposable EnterTypingState(RequestOptions? options = null);
    }

    public interface IGuildChannel : IChannel { ulong GuildId { get; } }
    public interface ITextChannel : IMessageChannel, IGuildChannel { string Topic { get; } }
    public interface IDMChannel : IMessageChannel { IUser Recipient { get; } }
    public interface IVoiceChannel : ITextChannel { }
    public interface INewsChannel : ITextChannel { }

    public interface IForumChannel : IGuildChannel
    {
        Task<IThreadChannel> CreatePostAsync(string title, ThreadArchiveDuration archiveDuration = ThreadArchiveDuration.OneDay, int? slowmode = null, string? text = null, Embed? embed = null, RequestOptions? options = null, AllowedMentions? allowedMentions = null, MessageComponent? components = null, ISticker[]? stickers = null, Embed[]? embeds = null, MessageFlags flags = MessageFlags.None, ForumTag[]? tags = null);
        Task<IThreadChannel> CreatePostWithFileAsync(string title, string filePath, ThreadArchiveDuration archiveDuration = ThreadArchiveDuration.OneDay, int? slowmode = null, string? text = null, Embed? embed = null, RequestOptions? options = null, bool isSpoiler = false, AllowedMentions? allowedMentions = null, MessageComponent? components = null, ISticker[]? stickers = null, Embed[]? embeds = null, MessageFlags flags = MessageFlags.None, ForumTag[]? tags = null);
        Task<IThreadChannel> CreatePostWithFileAsync(string title, Stream stream, string filename, ThreadArchiveDuration archiveDuration = ThreadArchiveDuration.OneDay, int? slowmode = null, string? text = null, Embed? embed = null, RequestOptions? options = null, bool isSpoiler = false, AllowedMentions? allowedMentions = null, MessageComponent? components = null, ISticker[]? stickers = null, Embed[]? embeds = null, MessageFlags flags = MessageFlags.None, ForumTag[]? tags = null);
        Task<IThreadChannel> CreatePostWithFileAsync(string title, FileAttachment attachment, ThreadArchiveDuration archiveDuration = ThreadArchiveDuration.OneDay, int? slowmode = null, string? text = null, Embed? embed = null, RequestOptions? options = null, AllowedMentions? allowedMentions = null, MessageComponent? components = null, ISticker[]? stickers = null, Embed[]? embeds = null, MessageFlags flags = MessageFlags.None, ForumTag[]? tags = null);
        Task<IThreadChannel> CreatePostWithFilesAsync(string title, IEnumerable<FileAttachment> attachments, ThreadArchiveDuration archiveDuration = ThreadArchiveDuration.OneDay, int? slowmode = null, string? text = null, Embed? embed = null, RequestOptions? options = null, AllowedMentions? allowedMentions = null, MessageComponent? components = null, ISticker[]? stickers = null, Embed[]? embeds = null, MessageFlags flags = MessageFlags.None, ForumTag[]? tags = null);
        Task<IReadOnlyCollection<IThreadChannel>> GetActiveThreadsAsync(RequestOptions? options = null);
    }

    public interface IDiscordInteraction : ISnowflakeEntity
    {
        IUser User { get; }
        Task RespondAsync(string? text = null, Embed[]? embeds = null, bool isTTS = false, bool ephemeral = false, AllowedMentions? allowedMentions = null, MessageComponent? components = null, Embed? embed = null, RequestOptions? options = null, PollProperties? poll = null, MessageFlags flags = MessageFlags.None);
        Task RespondWithFileAsync(Stream fileStream, string fileName, string? text = null, Embed[]? embeds = null, bool isTTS = false, bool ephemeral = false, AllowedMentions? allowedMentions = null, MessageComponent? components = null, Embed? embed = null, RequestOptions? options = null, PollProperties? poll = null, MessageFlags flags = MessageFlags.None);
        Task RespondWithFileAsync(string filePath, string? fileName = null, string? text = null, Embed[]? embeds = null, bool isTTS = false, bool ephemeral = false, AllowedMentions? allowedMentions = null, MessageComponent? components = null, Embed? embed = null, RequestOptions? options = null, PollProperties? poll = null, MessageFlags flags = MessageFlags.None);
        Task RespondWithFileAsync(FileAttachment attachment, string? text = null, Embed[]? embeds = null, bool isTTS = false, bool ephemeral = false, AllowedMentions? allowedMentions = null, MessageComponent? components = null, Embed? embed = null, RequestOptions? options = null, PollProperties? poll = null, MessageFlags flags = MessageFlags.None);
        Task RespondWithFilesAsync(IEnumerable<FileAttachment> attachments, string? text = null, Embed[]? embeds = null, bool isTTS = false, bool ephemeral = false, AllowedMentions? allowedMentions = null, MessageComponent? components = null, Embed? embed = null, RequestOptions? options = null, PollProperties? poll = null, MessageFlags flags = MessageFlags.None);
        Task<IUserMessage> FollowupAsync(string? text = null, Embed[]? embeds = null, bool isTTS = false, bool ephemeral = false, AllowedMentions? allowedMentions = null, MessageComponent? components = null, Embed? embed = null, RequestOptions? options = null, PollProperties? poll = null, MessageFlags flags = MessageFlags.None);
        Task<IUserMessage> FollowupWithFileAsync(Stream fileStream, string fileName, string? text = null, Embed[]? embeds = null, bool isTTS = false, bool ephemeral = false, AllowedMentions? allowedMentions = null, MessageComponent? components = null, Embed? embed = null, RequestOptions? options = null, PollProperties? poll = null, MessageFlags flags = MessageFlags.None);
        Task<IUserMessage> FollowupWithFileAsync(string filePath, string? fileName = null, string? text = null, Embed[]? embeds = null, bool isTTS = false, bool ephemeral = false, AllowedMentions? allowedMentions = null, MessageComponent? components = null, Embed? embed = null, RequestOptions? options = null, PollProperties? poll = null, MessageFlags flags = MessageFlags.None);
        Task<IUserMessage> FollowupWithFilesAsync(IEnumerable<FileAttachment> attachments, string? text = null, Embed[]? embeds = null, bool isTTS = false, bool ephemeral = false, AllowedMentions? allowedMentions = null, MessageComponent? components = null, Embed? embed = null, RequestOptions? options = null, PollProperties? poll = null, MessageFlags flags = MessageFlags.None);
        Task DeferAsync(bool ephemeral = false, RequestOptions? options = null);
        Task<IUserMessage> GetOriginalResponseAsync(RequestOptions? options = null);
    }

    public static class UserExtensions
    {
        public static Task<IUserMessage> SendMessageAsync(this IUser user, string? text = null, bool isTTS = false, Embed? embed = null, RequestOptions? options = null, AllowedMentions? allowedMentions = null, MessageComponent? components = null, Embed[]? embeds = null) => throw null!;
        public static Task<IUserMessage> SendFileAsync(this IUser user, Stream stream, string filename, string? text = null, bool isTTS = false, Embed? embed = null, RequestOptions? options = null, MessageComponent? components = null, Embed[]? embeds = null) => throw null!;
        public static Task<IUserMessage> SendFileAsync(this IUser user, string filePath, string? text = null, bool isTTS = false, Embed? embed = null, RequestOptions? options = null, MessageComponent? components = null, Embed[]? embeds = null) => throw null!;
        public static Task<IUserMessage> SendFileAsync(this IUser user, FileAttachment attachment, string? text = null, bool isTTS = false, Embed? embed = null, RequestOptions? options = null, MessageComponent? components = null, Embed[]? embeds = null) => throw null!;
        public static Task<IUserMessage> SendFilesAsync(this IUser user, IEnumerable<FileAttachment> attachments, string? text = null, bool isTTS = false, Embed? embed = null, RequestOptions? options = null, MessageComponent? components = null, Embed[]? embeds = null) => throw null!;
        public static Task BanAsync(this IGuildUser user, int pruneDays = 0, string? reason = null, RequestOptions? options = null) => throw null!;
    }

    public static class MessageExtensions
    {
        public static Task<IUserMessage> ReplyAsync(this IUserMessage msg, string? text = null, bool isTTS = false, Embed? embed = null, AllowedMentions? allowedMentions = null, RequestOptions? options = null, MessageComponent? components = null, ISticker[]? stickers = null, Embed[]? embeds = null, MessageFlags flags = MessageFlags.None, PollProperties? poll = null) => throw null!;
        public static Task AddReactionsAsync(this IUserMessage msg, IEnumerable<string> emotes, RequestOptions? options = null) => throw null!;
        public static string GetJumpUrl(this IMessage msg) => throw null!;
    }

    // Stand-in for the concrete SocketTextChannel / RestTextChannel of Discord.Net.WebSocket / Discord.Net.Rest.
    public class TextChannelStandIn : ITextChannel
    {
        public ulong Id => 0;
        public string Name => "";
        public ulong GuildId => 0;
        public string Topic => "";
        public virtual Task<IUserMessage> SendMessageAsync(string? text = null, bool isTTS = false, Embed? embed = null, RequestOptions? options = null, AllowedMentions? allowedMentions = null, MessageReference? messageReference = null, MessageComponent? components = null, ISticker[]? stickers = null, Embed[]? embeds = null, MessageFlags flags = MessageFlags.None, PollProperties? poll = null) => throw null!;
        public virtual Task<IUserMessage> SendFileAsync(string filePath, string? text = null, bool isTTS = false, Embed? embed = null, RequestOptions? options = null, bool isSpoiler = false, AllowedMentions? allowedMentions = null, MessageReference? messageReference = null, MessageComponent? components = null, ISticker[]? stickers = null, Embed[]? embeds = null, MessageFlags flags = MessageFlags.None, PollProperties? poll = null) => throw null!;
        public virtual Task<IUserMessage> SendFileAsync(Stream stream, string filename, string? text = null, bool isTTS = false, Embed? embed = null, RequestOptions? options = null, bool isSpoiler = false, AllowedMentions? allowedMentions = null, MessageReference? messageReference = null, MessageComponent? components = null, ISticker[]? stickers = null, Embed[]? embeds = null, MessageFlags flags = MessageFlags.None, PollProperties? poll = null) => throw null!;
        public virtual Task<IUserMessage> SendFileAsync(FileAttachment attachment, string? text = null, bool isTTS = false, Embed? embed = null, RequestOptions? options = null, AllowedMentions? allowedMentions = null, MessageReference? messageReference = null, MessageComponent? components = null, ISticker[]? stickers = null, Embed[]? embeds = null, MessageFlags flags = MessageFlags.None, PollProperties? poll = null) => throw null!;
        public virtual Task<IUserMessage> SendFilesAsync(IEnumerable<FileAttachment> attachments, string? text = null, bool isTTS = false, Embed? embed = null, RequestOptions? options = null, AllowedMentions? allowedMentions = null, MessageReference? messageReference = null, MessageComponent? components = null, ISticker[]? stickers = null, Embed[]? embeds = null, MessageFlags flags = MessageFlags.None, PollProperties? poll = null) => throw null!;
        public virtual Task<IMessage> GetMessageAsync(ulong id, CacheMode mode = CacheMode.AllowDownload, RequestOptions? options = null) => throw null!;
        public virtual IAsyncEnumerable<IReadOnlyCollection<IMessage>> GetMessagesAsync(int limit = 100, CacheMode mode = CacheMode.AllowDownload, RequestOptions? options = null) => throw null!;
        public virtual Task DeleteMessageAsync(ulong messageId, RequestOptions? options = null) => throw null!;
        public virtual Task<IUserMessage> ModifyMessageAsync(ulong messageId, Action<MessageProperties> func, RequestOptions? options = null) => throw null!;
        public virtual Task TriggerTypingAsync(RequestOptions? options = null) => throw null!;
        public virtual IDisposable EnterTypingState(RequestOptions? options = null) => throw null!;
    }
}
