// uses: Telegram.Bot
// shape: TelegramBot21
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Telegram.Bot;
using Telegram.Bot.Requests;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace UsageSamples.TelegramBot21
{
    // Telegram.Bot 18.x - 21.x: extension methods with the Async suffix.
    public class LegacyTelegramPublisher
    {
        private readonly ITelegramBotClient _bot = new TelegramBotClient("123:token");

        public async Task TextAsync(long chatId, string text)
        {
            await {|PRES001:_bot.SendTextMessageAsync(chatId, text, parseMode: ParseMode.Html)|};
            await {|PRES001:TelegramBotClientExtensions.SendTextMessageAsync(_bot, "@my_channel", text)|};
        }

        public async Task MediaAsync(ChatId chat, Stream photo)
        {
            await {|PRES001:_bot.SendPhotoAsync(chat, InputFile.FromStream(photo), caption: "photo")|};
            await {|PRES001:_bot.SendVideoAsync(chat, InputFile.FromUri("https://example.com/v.mp4"))|};
            await {|PRES001:_bot.SendAudioAsync(chat, InputFile.FromFileId("id"))|};
            await {|PRES001:_bot.SendDocumentAsync(chat, InputFile.FromFileId("id"))|};
            await {|PRES001:_bot.SendAnimationAsync(chat, InputFile.FromFileId("id"))|};
            await {|PRES001:_bot.SendVoiceAsync(chat, InputFile.FromFileId("id"))|};
            await {|PRES001:_bot.SendVideoNoteAsync(chat, InputFile.FromFileId("id"))|};
            await {|PRES001:_bot.SendStickerAsync(chat, InputFile.FromFileId("id"))|};
            await {|PRES001:_bot.SendMediaGroupAsync(chat, new IAlbumInputMedia[] { new InputMediaPhoto(InputFile.FromFileId("a")) })|};
        }

        public async Task OtherKindsAsync(ChatId chat, IEnumerable<LabeledPrice> prices)
        {
            await {|PRES001:_bot.SendPollAsync(chat, "Lunch?", new[] { new InputPollOption("Pizza"), new InputPollOption("Sushi") })|};
            await {|PRES001:_bot.SendLocationAsync(chat, 48.85, 2.35)|};
            await {|PRES001:_bot.SendVenueAsync(chat, 48.85, 2.35, "Cafe", "1 rue de Rivoli")|};
            await {|PRES001:_bot.SendContactAsync(chat, "+100000000", "Ada")|};
            await {|PRES001:_bot.SendDiceAsync(chat)|};
            await {|PRES001:_bot.SendInvoiceAsync(chat, "Ticket", "Conference", "payload", "provider-token", "EUR", prices)|};
            await {|PRES001:_bot.SendGameAsync(42, "tetris")|};
        }

        public async Task ForwardCopyEditAsync(ChatId to, ChatId from, int id, InputMedia media)
        {
            await {|PRES001:_bot.ForwardMessageAsync(to, from, id)|};
            await {|PRES001:_bot.ForwardMessagesAsync(to, from, new[] { id })|};
            await {|PRES001:_bot.CopyMessageAsync(to, from, id)|};
            await {|PRES001:_bot.CopyMessagesAsync(to, from, new[] { id })|};
            await {|PRES001:_bot.EditMessageTextAsync(to, id, "corrected")|};
            await {|PRES001:_bot.EditMessageCaptionAsync(to, id, "corrected")|};
            await {|PRES001:_bot.EditMessageMediaAsync(to, id, media)|};
            await {|PRES001:_bot.EditMessageLiveLocationAsync(to, id, 48.85, 2.35)|};
        }

        public async Task RawAsync(ChatId chat, TelegramBotClient concrete)
        {
            await {|PRES001:_bot.MakeRequestAsync(new SendMessageRequest(chat, "raw"))|};
            await {|PRES001:concrete.MakeRequestAsync(new SendMessageRequest(chat, "raw"))|};
        }

        // ---- not publishes ----
        public async Task NotPublishingAsync(ChatId chat, int id)
        {
            await _bot.SendChatActionAsync(chat, ChatAction.Typing);
            await _bot.EditMessageReplyMarkupAsync(chat, id);
            await _bot.DeleteMessageAsync(chat, id);
            await _bot.GetMeAsync();
            await _bot.GetUpdatesAsync();
            await _bot.TestApiAsync();
        }
    }
}
