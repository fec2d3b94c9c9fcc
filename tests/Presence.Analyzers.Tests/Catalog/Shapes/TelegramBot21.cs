// Shape of Telegram.Bot 18.x - 21.x (Telegram.Bot): public API only, for tests.
// assembly: Telegram.Bot
// From 18.0 to 21.x every Bot API method is an extension method on ITelegramBotClient in the static class
// Telegram.Bot.TelegramBotClientExtensions, named with an Async suffix (SendTextMessageAsync, SendPhotoAsync, ...);
// 22.0 renamed them (SendMessage, SendPhoto, ...; the old names stayed as [Obsolete] wrappers until 22.5). The raw call
// is ITelegramBotClient.MakeRequestAsync<TResponse>(IRequest<TResponse>, CancellationToken).
// Source: TelegramBots/Telegram.Bot tag v21.11.0 src/Telegram.Bot/TelegramBotClientExtensions.ApiMethods.cs. Parameter
// lists are abbreviated: the leading required parameters, a few optional ones, and the CancellationToken.
// Same assembly name as the real Telegram.Bot 22.10.3.3 package and TelegramBot17.cs: usage files select this shape
// with `// shape: TelegramBot21`.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Telegram.Bot.Types.Enums
{
    public enum ParseMode { Markdown = 1, Html, MarkdownV2 }
    public enum ChatAction { Typing, UploadPhoto, RecordVideo, UploadVideo }
}

namespace Telegram.Bot.Types
{
    public sealed class ChatId
    {
        public ChatId(long identifier) { }
        public ChatId(string username) { }
        public static implicit operator ChatId(long identifier) => new(identifier);
        public static implicit operator ChatId(string username) => new(username);
    }
    public class Message { public int MessageId { get; set; } public string? Text { get; set; } public Chat Chat { get; set; } = null!; }
    public class Chat { public long Id { get; set; } }
    public class MessageId { public int Id { get; set; } }
    public class User { public long Id { get; set; } }
    public class Update { public Message? Message { get; set; } }
    public class Poll { }
    public class MessageEntity { }
    public class ReplyParameters { public int MessageId { get; set; } }
    public class InputPollOption { public InputPollOption(string text) { } }
    public abstract class InputFile
    {
        public static InputFileStream FromStream(Stream stream, string? fileName = default) => throw null!;
        public static InputFileUrl FromUri(string url) => throw null!;
        public static InputFileId FromFileId(string id) => throw null!;
    }
    public class InputFileStream : InputFile { }
    public class InputFileUrl : InputFile { }
    public class InputFileId : InputFile { }
    public interface IAlbumInputMedia { }
    public abstract class InputMedia { }
    public class InputMediaPhoto : InputMedia, IAlbumInputMedia { public InputMediaPhoto(InputFile media) { } }
    public class LabeledPrice { public LabeledPrice(string label, int amount) { } }
}

namespace Telegram.Bot.Types.ReplyMarkups
{
    public interface IReplyMarkup { }
    public class InlineKeyboardMarkup : IReplyMarkup { }
}

namespace Telegram.Bot.Requests.Abstractions
{
    public interface IRequest<TResponse> { string MethodName { get; } }
}

namespace Telegram.Bot.Requests
{
    using Telegram.Bot.Requests.Abstractions;
    using Telegram.Bot.Types;
    public class SendMessageRequest : IRequest<Message> { public SendMessageRequest(ChatId chatId, string text) { } public string MethodName => "sendMessage"; }
    public class GetMeRequest : IRequest<User> { public string MethodName => "getMe"; }
}

namespace Telegram.Bot
{
    using Telegram.Bot.Requests.Abstractions;
    using Telegram.Bot.Types;
    using Telegram.Bot.Types.Enums;
    using Telegram.Bot.Types.ReplyMarkups;

    public interface ITelegramBotClient
    {
        long? BotId { get; }
        TimeSpan Timeout { get; set; }
        Task<TResponse> MakeRequestAsync<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default);
        Task<bool> TestApiAsync(CancellationToken cancellationToken = default);
        Task DownloadFileAsync(string filePath, Stream destination, CancellationToken cancellationToken = default);
    }

    public class TelegramBotClient : ITelegramBotClient
    {
        public TelegramBotClient(string token, System.Net.Http.HttpClient? httpClient = null) { }
        public long? BotId => null;
        public TimeSpan Timeout { get; set; }
        public virtual Task<TResponse> MakeRequestAsync<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default) => throw null!;
        public Task<bool> TestApiAsync(CancellationToken cancellationToken = default) => throw null!;
        public Task DownloadFileAsync(string filePath, Stream destination, CancellationToken cancellationToken = default) => throw null!;
    }

    public static class TelegramBotClientExtensions
    {
        public static Task<Message> SendTextMessageAsync(this ITelegramBotClient botClient, ChatId chatId, string text, int? messageThreadId = default, ParseMode? parseMode = default, bool? disableNotification = default, bool? protectContent = default, ReplyParameters? replyParameters = default, IReplyMarkup? replyMarkup = default, string? businessConnectionId = default, CancellationToken cancellationToken = default) => throw null!;
        public static Task<Message> SendPhotoAsync(this ITelegramBotClient botClient, ChatId chatId, InputFile photo, int? messageThreadId = default, string? caption = default, ParseMode? parseMode = default, bool? disableNotification = default, bool? protectContent = default, ReplyParameters? replyParameters = default, IReplyMarkup? replyMarkup = default, string? businessConnectionId = default, CancellationToken cancellationToken = default) => throw null!;
        public static Task<Message> SendVideoAsync(this ITelegramBotClient botClient, ChatId chatId, InputFile video, int? messageThreadId = default, int? duration = default, string? caption = default, ParseMode? parseMode = default, bool? disableNotification = default, bool? protectContent = default, ReplyParameters? replyParameters = default, IReplyMarkup? replyMarkup = default, string? businessConnectionId = default, CancellationToken cancellationToken = default) => throw null!;
        public static Task<Message> SendAudioAsync(this ITelegramBotClient botClient, ChatId chatId, InputFile audio, int? messageThreadId = default, string? caption = default, ParseMode? parseMode = default, bool? disableNotification = default, bool? protectContent = default, ReplyParameters? replyParameters = default, IReplyMarkup? replyMarkup = default, string? businessConnectionId = default, CancellationToken cancellationToken = default) => throw null!;
        public static Task<Message> SendDocumentAsync(this ITelegramBotClient botClient, ChatId chatId, InputFile document, int? messageThreadId = default, InputFile? thumbnail = default, string? caption = default, ParseMode? parseMode = default, bool? disableNotification = default, bool? protectContent = default, ReplyParameters? replyParameters = default, IReplyMarkup? replyMarkup = default, string? businessConnectionId = default, CancellationToken cancellationToken = default) => throw null!;
        public static Task<Message> SendAnimationAsync(this ITelegramBotClient botClient, ChatId chatId, InputFile animation, int? messageThreadId = default, string? caption = default, ParseMode? parseMode = default, bool? disableNotification = default, bool? protectContent = default, ReplyParameters? replyParameters = default, IReplyMarkup? replyMarkup = default, string? businessConnectionId = default, CancellationToken cancellationToken = default) => throw null!;
        public static Task<Message> SendVoiceAsync(this ITelegramBotClient botClient, ChatId chatId, InputFile voice, int? messageThreadId = default, string? caption = default, ParseMode? parseMode = default, bool? disableNotification = default, bool? protectContent = default, ReplyParameters? replyParameters = default, IReplyMarkup? replyMarkup = default, string? businessConnectionId = default, CancellationToken cancellationToken = default) => throw null!;
        public static Task<Message> SendVideoNoteAsync(this ITelegramBotClient botClient, ChatId chatId, InputFile videoNote, int? messageThreadId = default, bool? disableNotification = default, bool? protectContent = default, ReplyParameters? replyParameters = default, IReplyMarkup? replyMarkup = default, string? businessConnectionId = default, CancellationToken cancellationToken = default) => throw null!;
        public static Task<Message[]> SendMediaGroupAsync(this ITelegramBotClient botClient, ChatId chatId, IEnumerable<IAlbumInputMedia> media, int? messageThreadId = default, bool? disableNotification = default, bool? protectContent = default, ReplyParameters? replyParameters = default, string? businessConnectionId = default, CancellationToken cancellationToken = default) => throw null!;
        public static Task<Message> SendPollAsync(this ITelegramBotClient botClient, ChatId chatId, string question, IEnumerable<InputPollOption> options, int? messageThreadId = default, bool? isAnonymous = default, bool? disableNotification = default, bool? protectContent = default, ReplyParameters? replyParameters = default, IReplyMarkup? replyMarkup = default, string? businessConnectionId = default, CancellationToken cancellationToken = default) => throw null!;
        public static Task<Message> SendStickerAsync(this ITelegramBotClient botClient, ChatId chatId, InputFile sticker, int? messageThreadId = default, string? emoji = default, bool? disableNotification = default, bool? protectContent = default, ReplyParameters? replyParameters = default, IReplyMarkup? replyMarkup = default, string? businessConnectionId = default, CancellationToken cancellationToken = default) => throw null!;
        public static Task<Message> SendLocationAsync(this ITelegramBotClient botClient, ChatId chatId, double latitude, double longitude, int? messageThreadId = default, bool? disableNotification = default, bool? protectContent = default, ReplyParameters? replyParameters = default, IReplyMarkup? replyMarkup = default, string? businessConnectionId = default, CancellationToken cancellationToken = default) => throw null!;
        public static Task<Message> SendVenueAsync(this ITelegramBotClient botClient, ChatId chatId, double latitude, double longitude, string title, string address, int? messageThreadId = default, bool? disableNotification = default, bool? protectContent = default, ReplyParameters? replyParameters = default, IReplyMarkup? replyMarkup = default, string? businessConnectionId = default, CancellationToken cancellationToken = default) => throw null!;
        public static Task<Message> SendContactAsync(this ITelegramBotClient botClient, ChatId chatId, string phoneNumber, string firstName, int? messageThreadId = default, string? lastName = default, bool? disableNotification = default, bool? protectContent = default, ReplyParameters? replyParameters = default, IReplyMarkup? replyMarkup = default, string? businessConnectionId = default, CancellationToken cancellationToken = default) => throw null!;
        public static Task<Message> SendDiceAsync(this ITelegramBotClient botClient, ChatId chatId, int? messageThreadId = default, string? emoji = default, bool? disableNotification = default, bool? protectContent = default, ReplyParameters? replyParameters = default, IReplyMarkup? replyMarkup = default, string? businessConnectionId = default, CancellationToken cancellationToken = default) => throw null!;
        public static Task<Message> SendInvoiceAsync(this ITelegramBotClient botClient, ChatId chatId, string title, string description, string payload, string providerToken, string currency, IEnumerable<LabeledPrice> prices, int? messageThreadId = default, CancellationToken cancellationToken = default) => throw null!;
        public static Task<Message> SendGameAsync(this ITelegramBotClient botClient, long chatId, string gameShortName, int? messageThreadId = default, bool? disableNotification = default, CancellationToken cancellationToken = default) => throw null!;
        public static Task<Message> ForwardMessageAsync(this ITelegramBotClient botClient, ChatId chatId, ChatId fromChatId, int messageId, int? messageThreadId = default, bool? disableNotification = default, bool? protectContent = default, CancellationToken cancellationToken = default) => throw null!;
        public static Task<MessageId[]> ForwardMessagesAsync(this ITelegramBotClient botClient, ChatId chatId, ChatId fromChatId, IEnumerable<int> messageIds, int? messageThreadId = default, bool? disableNotification = default, bool? protectContent = default, CancellationToken cancellationToken = default) => throw null!;
        public static Task<MessageId> CopyMessageAsync(this ITelegramBotClient botClient, ChatId chatId, ChatId fromChatId, int messageId, int? messageThreadId = default, string? caption = default, ParseMode? parseMode = default, bool? disableNotification = default, bool? protectContent = default, ReplyParameters? replyParameters = default, IReplyMarkup? replyMarkup = default, CancellationToken cancellationToken = default) => throw null!;
        public static Task<MessageId[]> CopyMessagesAsync(this ITelegramBotClient botClient, ChatId chatId, ChatId fromChatId, IEnumerable<int> messageIds, int? messageThreadId = default, bool? disableNotification = default, bool? protectContent = default, bool? removeCaption = default, CancellationToken cancellationToken = default) => throw null!;
        public static Task<Message> EditMessageTextAsync(this ITelegramBotClient botClient, ChatId chatId, int messageId, string text, ParseMode? parseMode = default, IEnumerable<MessageEntity>? entities = default, InlineKeyboardMarkup? replyMarkup = default, string? businessConnectionId = default, CancellationToken cancellationToken = default) => throw null!;
        public static Task<Message> EditMessageCaptionAsync(this ITelegramBotClient botClient, ChatId chatId, int messageId, string? caption, ParseMode? parseMode = default, InlineKeyboardMarkup? replyMarkup = default, string? businessConnectionId = default, CancellationToken cancellationToken = default) => throw null!;
        public static Task<Message> EditMessageMediaAsync(this ITelegramBotClient botClient, ChatId chatId, int messageId, InputMedia media, InlineKeyboardMarkup? replyMarkup = default, string? businessConnectionId = default, CancellationToken cancellationToken = default) => throw null!;
        public static Task<Message> EditMessageLiveLocationAsync(this ITelegramBotClient botClient, ChatId chatId, int messageId, double latitude, double longitude, InlineKeyboardMarkup? replyMarkup = default, string? businessConnectionId = default, CancellationToken cancellationToken = default) => throw null!;

        // Not publishes: buttons only, reads, the typing indicator, deletion.
        public static Task<Message> EditMessageReplyMarkupAsync(this ITelegramBotClient botClient, ChatId chatId, int messageId, InlineKeyboardMarkup? replyMarkup = default, string? businessConnectionId = default, CancellationToken cancellationToken = default) => throw null!;
        public static Task<User> GetMeAsync(this ITelegramBotClient botClient, CancellationToken cancellationToken = default) => throw null!;
        public static Task<Update[]> GetUpdatesAsync(this ITelegramBotClient botClient, int? offset = default, int? limit = default, int? timeout = default, CancellationToken cancellationToken = default) => throw null!;
        public static Task SendChatActionAsync(this ITelegramBotClient botClient, ChatId chatId, ChatAction action, int? messageThreadId = default, string? businessConnectionId = default, CancellationToken cancellationToken = default) => throw null!;
        public static Task DeleteMessageAsync(this ITelegramBotClient botClient, ChatId chatId, int messageId, CancellationToken cancellationToken = default) => throw null!;
    }
}
