using System.Threading.Tasks;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// Under a fallback policy that authenticates every caller, a payload type makes an endpoint a webhook only where it
/// is what a machine posts: a bot platform's <c>Update</c> is one, the app's own <c>PrefsUpdate</c> form is not.
/// </summary>
public class UpdatePayloadTests
{
    private const string Code = """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        using Presence;

        [PublishesContent("Mastodon")]
        public interface IMastodonPublisher { Task PublishStatus(string text); }

        public class Poster(IMastodonPublisher mastodon)
        {
            public Task Post(string text) => {|PRES001:mastodon.PublishStatus(text)|};
        }

        public sealed record PrefsUpdate(bool Email);
        public sealed record ProfileUpdate(string Name);
        public sealed record StripeWebhookPayload(string Id);

        public static class App
        {
            public static void Configure(IServiceCollection services)
                => services.AddAuthorization(options => options.FallbackPolicy = options.DefaultPolicy);

            public static void Map(WebApplication app)
            {
                // The app's own forms, for the signed-in users the fallback policy lets in.
                app.MapPost("/notifications/preferences", (PrefsUpdate u, Poster poster) => poster.Post("prefs"));
                app.MapPost("/me", (ProfileUpdate u, Poster poster) => poster.Post(u.Name));

                // Machine senders: Telegram's update, another payload type.
                app.MapPost("/bot", (Telegram.Bot.Types.Update update, Poster poster) {|#0:=>|} poster.Post(update.Message!.Text!));
                app.MapPost("/billing", (StripeWebhookPayload p, Poster poster) {|#1:=>|} poster.Post(p.Id));
            }
        }
        """;

    [Fact]
    public Task A_form_named_like_an_update_is_no_webhook_and_a_bot_update_is()
    {
        const string path = " → Poster.Post → IMastodonPublisher.PublishStatus";
        return PathVerifier.VerifyAsync(Code, [.. PathVerifier.AspNetCore, PathVerifier.Telegram],
            PathVerifier.Reply(0, "the webhook POST /bot in App.Map", "webhook POST /bot" + path),
            PathVerifier.Reply(1, "the webhook POST /billing in App.Map", "webhook POST /billing" + path));
    }
}
