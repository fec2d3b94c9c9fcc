// uses: Telegram.Bot
// shape: TelegramBot17
using System.Collections.Generic;
using System.Threading.Tasks;
using Telegram.Bot;
using Telegram.Bot.Requests.Abstractions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.InputFiles;

namespace UsageSamples.TelegramBot17
{
    // Telegram.Bot 15.x - 17.x: instance members of ITelegramBotClient.
    public class OldTelegramPublisher
    {
        private readonly ITelegramBotClient _bot = new TelegramBotClient("123:token");

        public async Task SendAsync(ChatId chat, string text, InputOnlineFile file, IEnumerable<IAlbumInputMedia> album, IRequest<Message> raw)
        {
            await {|PRES001:_bot.SendTextMessageAsync(chat, text, ParseMode.Markdown)|};
            await {|PRES001:_bot.SendPhotoAsync(chat, file, "caption")|};
            await {|PRES001:_bot.SendVideoAsync(chat, file)|};
            await {|PRES001:_bot.SendAudioAsync(chat, file)|};
            await {|PRES001:_bot.SendDocumentAsync(chat, file)|};
            await {|PRES001:_bot.SendAnimationAsync(chat, file)|};
            await {|PRES001:_bot.SendVoiceAsync(chat, file)|};
            await {|PRES001:_bot.SendMediaGroupAsync(album, chat)|};
            await {|PRES001:_bot.SendPollAsync(chat, "Lunch?", new[] { "Pizza", "Sushi" })|};
            await {|PRES001:_bot.SendStickerAsync(chat, file)|};
            await {|PRES001:_bot.SendLocationAsync(chat, 48.85f, 2.35f)|};
            await {|PRES001:_bot.SendContactAsync(chat, "+100000000", "Ada")|};
            await {|PRES001:_bot.SendDiceAsync(chat)|};
            await {|PRES001:_bot.MakeRequestAsync(raw)|};
        }

        public async Task ForwardCopyEditAsync(TelegramBotClient concrete, ChatId to, ChatId from, int id, InputMediaBase media)
        {
            await {|PRES001:concrete.ForwardMessageAsync(to, from, id)|};
            await {|PRES001:concrete.CopyMessageAsync(to, from, id)|};
            await {|PRES001:concrete.EditMessageTextAsync(to, id, "corrected")|};
            await {|PRES001:concrete.EditMessageCaptionAsync(to, id, "corrected")|};
            await {|PRES001:concrete.EditMessageMediaAsync(to, id, media)|};
        }

        // ---- not publishes ----
        public async Task NotPublishingAsync(ChatId chat, int id)
        {
            await _bot.SendChatActionAsync(chat, ChatAction.Typing);
            await _bot.EditMessageReplyMarkupAsync(chat, id);
            await _bot.DeleteMessageAsync(chat, id);
            await _bot.GetMeAsync();
        }
    }
}
