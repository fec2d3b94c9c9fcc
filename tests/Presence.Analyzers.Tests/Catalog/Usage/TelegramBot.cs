// uses: Telegram.Bot
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Telegram.Bot;
using Telegram.Bot.Requests;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.Payments;

namespace UsageSamples.TelegramBot
{
    // Telegram.Bot 22.x (the real package, 22.10.3.3): extension methods without the Async suffix.
    public class TelegramPublisher
    {
        private readonly ITelegramBotClient _bot = new TelegramBotClient("123:token");
        private const string Channel = "@my_channel";

        public async Task<Message> PostToChannelAsync(string text, CancellationToken ct)
        {
            return await {|PRES001:_bot.SendMessage(Channel, text, ParseMode.Html, cancellationToken: ct)|};
        }

        public async Task StaticFormAsync(long chatId, string text)
        {
            await {|PRES001:TelegramBotClientExtensions.SendMessage(_bot, chatId, text)|};
        }

        public async Task MediaAsync(ChatId chat, Stream photo, Stream video, string caption)
        {
            await {|PRES001:_bot.SendPhoto(chat, InputFile.FromStream(photo, "photo.jpg"), caption)|};
            await {|PRES001:_bot.SendVideo(chat, InputFile.FromStream(video), caption)|};
            await {|PRES001:_bot.SendAudio(chat, InputFile.FromUri("https://example.com/a.mp3"))|};
            await {|PRES001:_bot.SendDocument(chat, InputFile.FromString("file-id"), caption)|};
            await {|PRES001:_bot.SendAnimation(chat, InputFile.FromString("file-id"))|};
            await {|PRES001:_bot.SendVoice(chat, InputFile.FromString("file-id"))|};
            await {|PRES001:_bot.SendVideoNote(chat, InputFile.FromString("file-id"))|};
            await {|PRES001:_bot.SendSticker(chat, InputFile.FromString("sticker-id"))|};
            await {|PRES001:_bot.SendMediaGroup(chat, new List<IAlbumInputMedia> { new InputMediaPhoto(InputFile.FromString("a")), new InputMediaPhoto(InputFile.FromString("b")) })|};
            await {|PRES001:_bot.SendLivePhoto(chat, InputFile.FromString("live"), InputFile.FromString("still"))|};
        }

        public async Task OtherKindsAsync(ChatId chat, IEnumerable<InputPaidMedia> paid, InputChecklist checklist, InputRichMessage rich, IEnumerable<LabeledPrice> prices)
        {
            await {|PRES001:_bot.SendPaidMedia(chat, 10, paid)|};
            await {|PRES001:_bot.SendPoll(chat, "Lunch?", new InputPollOption[] { new("Pizza"), new("Sushi") })|};
            await {|PRES001:_bot.SendChecklist("business-connection", chat, checklist)|};
            await {|PRES001:_bot.SendLocation(chat, 48.85, 2.35)|};
            await {|PRES001:_bot.SendVenue(chat, 48.85, 2.35, "Cafe", "1 rue de Rivoli")|};
            await {|PRES001:_bot.SendContact(chat, "+100000000", "Ada")|};
            await {|PRES001:_bot.SendDice(chat)|};
            await {|PRES001:_bot.SendInvoice(chat, "Ticket", "Conference ticket", "payload", "EUR", prices)|};
            await {|PRES001:_bot.SendGame(chat, "tetris")|};
            await {|PRES001:_bot.SendRichMessage(chat, rich)|};
            await {|PRES001:_bot.SendMessageDraft(42, 1, "Typing the answer...")|};
            await {|PRES001:_bot.SendRichMessageDraft(42, 1, rich)|};
        }

        public async Task ForwardCopyEditAsync(ChatId to, ChatId from, int messageId, InputMedia media, InputChecklist checklist)
        {
            await {|PRES001:_bot.ForwardMessage(to, from, messageId)|};
            await {|PRES001:_bot.ForwardMessages(to, from, new[] { messageId })|};
            await {|PRES001:_bot.CopyMessage(to, from, messageId)|};
            await {|PRES001:_bot.CopyMessages(to, from, new[] { messageId })|};
            await {|PRES001:_bot.EditMessageText(to, messageId, "corrected")|};
            await {|PRES001:_bot.EditMessageCaption(to, messageId, "corrected caption")|};
            await {|PRES001:_bot.EditMessageMedia(to, messageId, media)|};
            await {|PRES001:_bot.EditMessageLiveLocation(to, messageId, 48.85, 2.35)|};
            await {|PRES001:_bot.EditMessageChecklist("business-connection", to, messageId, checklist)|};
        }

        public async Task StoriesAndWebAppsAsync(InputStoryContent content, Telegram.Bot.Types.InlineQueryResults.InlineQueryResult result)
        {
            var story = await {|PRES001:_bot.PostStory("business-connection", content, 86400, "caption")|};
            await {|PRES001:_bot.RepostStory("business-connection", 42, story.Id, 86400)|};
            await {|PRES001:_bot.EditStory("business-connection", story.Id, content)|};
            await {|PRES001:_bot.AnswerWebAppQuery("query-id", result)|};
        }

        public async Task RawAsync(ChatId chat, TelegramBotClient concrete)
        {
            await {|PRES001:_bot.SendRequest(new SendMessageRequest { ChatId = chat, Text = "raw" })|};
            await {|PRES001:concrete.SendRequest(new SendMessageRequest { ChatId = chat, Text = "raw" })|};
        }

        public async Task RawReadsAsync(ChatId chat)
        {
            await _bot.SendRequest(new GetMeRequest());
            await _bot.SendRequest(new SendChatActionRequest { ChatId = chat, Action = ChatAction.Typing });
            await _bot.SendRequest(new EditMessageReplyMarkupRequest { ChatId = chat, MessageId = 1234 });
            var request = new SendPhotoRequest { ChatId = chat, Photo = InputFile.FromUri("https://example.com/a.png") };
            await {|PRES001:_bot.SendRequest(request)|};
        }

        // ---- not publishes ----
        public async Task NotPublishingAsync(ChatId chat, int messageId, List<string> outbox)
        {
            await _bot.SendChatAction(chat, ChatAction.Typing);
            var me = await _bot.GetMe();
            var updates = await _bot.GetUpdates();
            await _bot.GetChat(chat);
            await _bot.EditMessageReplyMarkup(chat, messageId);
            await _bot.DeleteMessage(chat, messageId);
            await _bot.StopPoll(chat, messageId);
            outbox.Add("https://api.telegram.org/bot123:token/sendMessage");
            var local = new LocalQueue();
            local.SendMessage("not telegram");
            _ = me.Id + updates.Length;
        }
    }

    public class LocalQueue
    {
        public void SendMessage(string text) { }
    }
}
