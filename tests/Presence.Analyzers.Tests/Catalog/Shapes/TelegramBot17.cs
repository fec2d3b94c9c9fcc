// Shape of Telegram.Bot 15.x - 17.x (Telegram.Bot): public API only, for tests.
// assembly: Telegram.Bot
// Up to 17.x the Bot API methods were instance members of the interface ITelegramBotClient (implemented by
// TelegramBotClient), named with an Async suffix; 18.0 moved them to extension methods (see TelegramBot21.cs).
// Source: TelegramBots/Telegram.Bot src/Telegram.Bot/ITelegramBotClient.cs (pre-18 line: SendTextMessageAsync(ChatId chatId,
// string text, ParseMode parseMode = default, bool disableWebPagePreview = default, bool disableNotification = default,
// int replyToMessageId = default, IReplyMarkup replyMarkup = default, CancellationToken cancellationToken = default),
// ForwardMessageAsync, SendPhotoAsync, ..., MakeRequestAsync<TResponse>). Only the catalogued members and a few
// look-alikes are reproduced; file parameters use InputOnlineFile (Telegram.Bot.Types.InputFiles) as in 15-17.
// Same assembly name as the real package and TelegramBot21.cs: usage files select this shape with `// shape: TelegramBot17`.
#nullable enable
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Telegram.Bot.Types.Enums
{
    public enum ParseMode { Default = 0, Markdown, Html, MarkdownV2 }
    public enum ChatAction { Typing, UploadPhoto }
}

namespace Telegram.Bot.Types.InputFiles
{
    public class InputOnlineFile { public InputOnlineFile(string value) { } public InputOnlineFile(System.IO.Stream content, string? fileName = default) { } }
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
    public interface IAlbumInputMedia { }
    public abstract class InputMediaBase { }
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

namespace Telegram.Bot
{
    using Telegram.Bot.Requests.Abstractions;
    using Telegram.Bot.Types;
    using Telegram.Bot.Types.Enums;
    using Telegram.Bot.Types.InputFiles;
    using Telegram.Bot.Types.ReplyMarkups;

    public interface ITelegramBotClient
    {
        Task<TResponse> MakeRequestAsync<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default);
        Task<User> GetMeAsync(CancellationToken cancellationToken = default);
        Task<Message> SendTextMessageAsync(ChatId chatId, string text, ParseMode parseMode = default, bool disableWebPagePreview = default, bool disableNotification = default, int replyToMessageId = default, IReplyMarkup? replyMarkup = default, CancellationToken cancellationToken = default);
        Task<Message> ForwardMessageAsync(ChatId chatId, ChatId fromChatId, int messageId, bool disableNotification = default, CancellationToken cancellationToken = default);
        Task<MessageId> CopyMessageAsync(ChatId chatId, ChatId fromChatId, int messageId, string? caption = default, ParseMode parseMode = default, int replyToMessageId = default, IReplyMarkup? replyMarkup = default, CancellationToken cancellationToken = default);
        Task<Message> SendPhotoAsync(ChatId chatId, InputOnlineFile photo, string? caption = default, ParseMode parseMode = default, bool disableNotification = default, int replyToMessageId = default, IReplyMarkup? replyMarkup = default, CancellationToken cancellationToken = default);
        Task<Message> SendAudioAsync(ChatId chatId, InputOnlineFile audio, string? caption = default, ParseMode parseMode = default, CancellationToken cancellationToken = default);
        Task<Message> SendDocumentAsync(ChatId chatId, InputOnlineFile document, string? caption = default, ParseMode parseMode = default, CancellationToken cancellationToken = default);
        Task<Message> SendVideoAsync(ChatId chatId, InputOnlineFile video, int duration = default, string? caption = default, ParseMode parseMode = default, CancellationToken cancellationToken = default);
        Task<Message> SendAnimationAsync(ChatId chatId, InputOnlineFile animation, string? caption = default, ParseMode parseMode = default, CancellationToken cancellationToken = default);
        Task<Message> SendVoiceAsync(ChatId chatId, InputOnlineFile voice, string? caption = default, ParseMode parseMode = default, CancellationToken cancellationToken = default);
        Task<Message[]> SendMediaGroupAsync(IEnumerable<IAlbumInputMedia> inputMedia, ChatId chatId, bool disableNotification = default, int replyToMessageId = default, CancellationToken cancellationToken = default);
        Task<Message> SendLocationAsync(ChatId chatId, float latitude, float longitude, CancellationToken cancellationToken = default);
        Task<Message> SendContactAsync(ChatId chatId, string phoneNumber, string firstName, string? lastName = default, CancellationToken cancellationToken = default);
        Task<Message> SendPollAsync(ChatId chatId, string question, IEnumerable<string> options, bool disableNotification = default, CancellationToken cancellationToken = default);
        Task<Message> SendStickerAsync(ChatId chatId, InputOnlineFile sticker, bool disableNotification = default, CancellationToken cancellationToken = default);
        Task<Message> SendDiceAsync(ChatId chatId, bool disableNotification = default, CancellationToken cancellationToken = default);
        Task SendChatActionAsync(ChatId chatId, ChatAction chatAction, CancellationToken cancellationToken = default);
        Task<Message> EditMessageTextAsync(ChatId chatId, int messageId, string text, ParseMode parseMode = default, bool disableWebPagePreview = default, InlineKeyboardMarkup? replyMarkup = default, CancellationToken cancellationToken = default);
        Task<Message> EditMessageCaptionAsync(ChatId chatId, int messageId, string caption, InlineKeyboardMarkup? replyMarkup = default, CancellationToken cancellationToken = default);
        Task<Message> EditMessageMediaAsync(ChatId chatId, int messageId, InputMediaBase media, InlineKeyboardMarkup? replyMarkup = default, CancellationToken cancellationToken = default);
        Task<Message> EditMessageReplyMarkupAsync(ChatId chatId, int messageId, InlineKeyboardMarkup? replyMarkup = default, CancellationToken cancellationToken = default);
        Task DeleteMessageAsync(ChatId chatId, int messageId, CancellationToken cancellationToken = default);
    }

    public class TelegramBotClient : ITelegramBotClient
    {
        public TelegramBotClient(string token, System.Net.Http.HttpClient? httpClient = null) { }
        public virtual Task<TResponse> MakeRequestAsync<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<User> GetMeAsync(CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Message> SendTextMessageAsync(ChatId chatId, string text, ParseMode parseMode = default, bool disableWebPagePreview = default, bool disableNotification = default, int replyToMessageId = default, IReplyMarkup? replyMarkup = default, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Message> ForwardMessageAsync(ChatId chatId, ChatId fromChatId, int messageId, bool disableNotification = default, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<MessageId> CopyMessageAsync(ChatId chatId, ChatId fromChatId, int messageId, string? caption = default, ParseMode parseMode = default, int replyToMessageId = default, IReplyMarkup? replyMarkup = default, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Message> SendPhotoAsync(ChatId chatId, InputOnlineFile photo, string? caption = default, ParseMode parseMode = default, bool disableNotification = default, int replyToMessageId = default, IReplyMarkup? replyMarkup = default, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Message> SendAudioAsync(ChatId chatId, InputOnlineFile audio, string? caption = default, ParseMode parseMode = default, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Message> SendDocumentAsync(ChatId chatId, InputOnlineFile document, string? caption = default, ParseMode parseMode = default, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Message> SendVideoAsync(ChatId chatId, InputOnlineFile video, int duration = default, string? caption = default, ParseMode parseMode = default, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Message> SendAnimationAsync(ChatId chatId, InputOnlineFile animation, string? caption = default, ParseMode parseMode = default, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Message> SendVoiceAsync(ChatId chatId, InputOnlineFile voice, string? caption = default, ParseMode parseMode = default, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Message[]> SendMediaGroupAsync(IEnumerable<IAlbumInputMedia> inputMedia, ChatId chatId, bool disableNotification = default, int replyToMessageId = default, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Message> SendLocationAsync(ChatId chatId, float latitude, float longitude, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Message> SendContactAsync(ChatId chatId, string phoneNumber, string firstName, string? lastName = default, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Message> SendPollAsync(ChatId chatId, string question, IEnumerable<string> options, bool disableNotification = default, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Message> SendStickerAsync(ChatId chatId, InputOnlineFile sticker, bool disableNotification = default, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Message> SendDiceAsync(ChatId chatId, bool disableNotification = default, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task SendChatActionAsync(ChatId chatId, ChatAction chatAction, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Message> EditMessageTextAsync(ChatId chatId, int messageId, string text, ParseMode parseMode = default, bool disableWebPagePreview = default, InlineKeyboardMarkup? replyMarkup = default, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Message> EditMessageCaptionAsync(ChatId chatId, int messageId, string caption, InlineKeyboardMarkup? replyMarkup = default, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Message> EditMessageMediaAsync(ChatId chatId, int messageId, InputMediaBase media, InlineKeyboardMarkup? replyMarkup = default, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Message> EditMessageReplyMarkupAsync(ChatId chatId, int messageId, InlineKeyboardMarkup? replyMarkup = default, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task DeleteMessageAsync(ChatId chatId, int messageId, CancellationToken cancellationToken = default) => throw null!;
    }
}
