using System.Threading.Tasks;
using Presence.Analyzers.Tests.Verifiers;
using static Presence.Analyzers.Tests.Verifiers.PathVerifier;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// Under a fallback policy that authenticates every caller, a route's words tell a webhook from an editor's endpoint:
/// a segment containing "hook", or with a word callback, pubsub, notify, notifications, incoming or inbound
/// (/sms/incoming-sms, /notify-slack, /twilio/InboundSms), or "events" after its sender's name (/github-events). The
/// app's own records (/events, /calendar/events, /event-log) and words that only contain one (/prevention-tips) are not.
/// </summary>
public class HookRouteWordTests
{
    private const string App = """
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

        public static class App
        {
            public static void Configure(IServiceCollection services)
                => services.AddAuthorization(options => options.FallbackPolicy = options.DefaultPolicy);

            public static void Map(WebApplication app)
            {
                app.MapPost("/sms/incoming-sms", (string text, Poster poster) {|#0:=>|} poster.Post(text));
                app.MapPost("/github-events", (string text, Poster poster) {|#1:=>|} poster.Post(text));
                app.MapPost("/notify-slack", (string text, Poster poster) {|#2:=>|} poster.Post(text));
                app.MapPost("/twilio/InboundSms", (string text, Poster poster) {|#3:=>|} poster.Post(text));
                app.MapPost("/stripeEvents", (string text, Poster poster) {|#4:=>|} poster.Post(text));
                app.MapPost("/events", (string text, Poster poster) => poster.Post(text));
                app.MapPost("/calendar/events/{id}", (string id, string text, Poster poster) => poster.Post(text));
                app.MapPost("/event-log", (string text, Poster poster) => poster.Post(text));
                app.MapPost("/prevention-tips", (string text, Poster poster) => poster.Post(text));
                app.MapPost("/incomings", (string text, Poster poster) => poster.Post(text));
            }
        }
        """;

    private const string Path = " → Poster.Post → IMastodonPublisher.PublishStatus";

    [Fact]
    public Task A_route_word_of_a_hook_makes_a_webhook_and_the_apps_own_records_do_not()
        => PathVerifier.VerifyAsync(App, PathVerifier.AspNetCore,
            Reply(0, "the webhook POST /sms/incoming-sms in App.Map", "webhook POST /sms/incoming-sms" + Path),
            Reply(1, "the webhook POST /github-events in App.Map", "webhook POST /github-events" + Path),
            Reply(2, "the webhook POST /notify-slack in App.Map", "webhook POST /notify-slack" + Path),
            Reply(3, "the webhook POST /twilio/InboundSms in App.Map", "webhook POST /twilio/InboundSms" + Path),
            Reply(4, "the webhook POST /stripeEvents in App.Map", "webhook POST /stripeEvents" + Path));
}
