using System.Threading.Tasks;
using Presence.Analyzers.Tests.Verifiers;
using static Presence.Analyzers.Tests.Verifiers.PathVerifier;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A path that ends in a raw HTTP send says where it posts, as PRES001 at the send does: the request, with a token
/// in the URL's path and the query left out. A path that ends in an SDK's or a declared publisher's method needs no request.
/// </summary>
public class HttpPathEndpointTests
{
    [Fact]
    public Task A_path_through_raw_HTTP_names_the_request_without_its_secrets()
        => PathVerifier.VerifyAsync("""
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading;
            using System.Threading.Tasks;
            using Presence;

            [PublishesContent("Mastodon")]
            public interface IMastodonPublisher { Task PublishStatus(string text); }

            public sealed class Toots(HttpClient http)
            {
                public Task TootAsync(string text) => {|#2:http.PostAsJsonAsync("https://mastodon.social/api/v1/statuses", new { status = text })|};
                public Task AlertAsync(string text) => {|#3:http.PostAsync("https://api.telegram.org/bot123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/sendMessage?chat_id=@news&text=" + text, null)|};
            }

            public sealed class DailyWorker(Toots toots) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override Task {|#0:ExecuteAsync|}(CancellationToken ct) => toots.TootAsync("daily");
            }

            public sealed class AlertWorker(Toots toots) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override Task {|#1:ExecuteAsync|}(CancellationToken ct) => toots.AlertAsync("up");
            }

            public sealed class SdkWorker(IMastodonPublisher mastodon) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override Task {|#4:ExecuteAsync|}(CancellationToken ct) => mastodon.PublishStatus("up");
            }
            """,
            PathVerifier.Hosting,
            Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithLocation(2).WithArguments("Posts to Mastodon through 'HttpClient.PostAsJsonAsync' (POST https://mastodon.social/api/v1/statuses)", "TootAsync"),
            Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithLocation(3).WithArguments("Posts to Telegram through 'HttpClient.PostAsync' (POST https://api.telegram.org/bot…/sendMessage?…)", "AlertAsync"),
            Unattended(0, "DailyWorker.ExecuteAsync (a hosted service)", "DailyWorker.ExecuteAsync → Toots.TootAsync → HttpClient.PostAsJsonAsync (POST https://mastodon.social/api/v1/statuses)"),
            Unattended(1, "AlertWorker.ExecuteAsync (a hosted service)", "AlertWorker.ExecuteAsync → Toots.AlertAsync → HttpClient.PostAsync (POST https://api.telegram.org/bot…/sendMessage?…)"),
            Unattended(4, "SdkWorker.ExecuteAsync (a hosted service)", "SdkWorker.ExecuteAsync → IMastodonPublisher.PublishStatus"));
}
