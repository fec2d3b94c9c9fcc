using System.Threading.Tasks;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// Telegram's raw <c>SendRequest</c> publishes only with a send-type request object: the message names the Bot API
/// method it sends, and says no more than "raw" where the request's type is not known.
/// </summary>
public class TelegramRawRequestMessageTests
{
    [Fact]
    public Task A_raw_request_is_named_by_the_method_its_request_object_sends()
        => PathVerifier.VerifyAsync("""
            using System.Threading.Tasks;
            using Telegram.Bot;
            using Telegram.Bot.Requests;
            using Telegram.Bot.Requests.Abstractions;

            class News(ITelegramBotClient bot)
            {
                public async Task Post(string text, IRequest<Telegram.Bot.Types.Message> built)
                {
                    await {|#0:bot.SendRequest(new SendMessageRequest { ChatId = "@acme_news", Text = text })|};
                    var photo = new SendPhotoRequest { ChatId = "@acme_news", Photo = Telegram.Bot.Types.InputFile.FromUri("https://acme.example/p.png") };
                    await {|#1:bot.SendRequest(photo)|};
                    await {|#2:bot.SendRequest(built)|};
                    await bot.SendRequest(new GetMeRequest());
                }
            }
            """,
            [PathVerifier.Telegram],
            PathVerifier.Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithLocation(0).WithArguments("Posts to Telegram through 'ITelegramBotClient.SendRequest' (raw Bot API request: sendMessage)", "Post"),
            PathVerifier.Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithLocation(1).WithArguments("Posts to Telegram through 'ITelegramBotClient.SendRequest' (raw Bot API request: sendPhoto)", "Post"),
            PathVerifier.Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithLocation(2).WithArguments("Posts to Telegram through 'ITelegramBotClient.SendRequest' (raw Bot API request: any method, including reads; prefer the typed calls)", "Post"));
}
