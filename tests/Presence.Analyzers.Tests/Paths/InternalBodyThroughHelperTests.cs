using System.Threading.Tasks;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A Slack <c>chat.postMessage</c> body built by the caller and sent by a shared helper (<c>Send(object body)</c>):
/// where every caller's body names an <c>[InternalAudience]</c> channel, or the helper's URL is the team's own, the
/// helper reaches the team; a caller that gives it a public channel makes it a publish on that caller's path.
/// </summary>
public class InternalBodyThroughHelperTests
{
    private const string Usings = """
        using System;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Options;

        public sealed class SlackOptions
        {
            [Presence.InternalAudience("the #marketing-review Slack channel (team only)")]
            public string ReviewChannel { get; set; } = "";

            [Presence.InternalAudience("the #marketing-review incoming webhook")]
            public string ReviewWebhook { get; set; } = "";

            public string NewsChannel { get; set; } = "";
        }

        """;

    private static Task Check(string code, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
        => PathVerifier.VerifyAsync(Usings + code, [.. PathVerifier.Hosting, TestReferences.FromType<Microsoft.Extensions.Options.IOptions<object>>()], expected);

    [Fact]
    public Task A_review_ask_whose_body_names_the_internal_channel_is_not_a_publish_through_a_shared_helper()
        => Check("""
            public sealed class SlackApi(HttpClient http, IOptions<SlackOptions> options)
            {
                public Task AskDirectAsync(string text) =>
                    http.PostAsJsonAsync("https://slack.com/api/chat.postMessage", new { channel = options.Value.ReviewChannel, text });

                public Task AskViaHelperAsync(string text) => Send(new { channel = options.Value.ReviewChannel, text });

                public Task RemindAsync(int count)
                {
                    var body = new { channel = options.Value.ReviewChannel, text = $"{count} drafts wait" };
                    return Send(body);
                }

                private Task Send(object body) => http.PostAsJsonAsync("https://slack.com/api/chat.postMessage", body);
            }

            public sealed class Hooks(HttpClient http, IOptions<SlackOptions> options)
            {
                public Task AskAsync(string text) => Send(new { text });

                private Task Send(object body) => http.PostAsJsonAsync(options.Value.ReviewWebhook, body);
            }

            public sealed class Worker(SlackApi slack, Hooks hooks) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken ct)
                {
                    while (!ct.IsCancellationRequested)
                    {
                        await slack.AskDirectAsync("draft");
                        await slack.AskViaHelperAsync("draft");
                        await slack.RemindAsync(3);
                        await hooks.AskAsync("draft");
                        await Task.Delay(60000, ct);
                    }
                }
            }
            """);

    [Fact]
    public Task The_same_helper_given_a_public_channel_publishes_on_that_callers_path()
        => Check("""
            public sealed class SlackApi(HttpClient http, IOptions<SlackOptions> options)
            {
                public Task AskViaHelperAsync(string text) => Send(new { channel = options.Value.ReviewChannel, text });

                public Task AnnounceAsync(string text) => Send(new { channel = options.Value.NewsChannel, text });

                private Task Send(object body) => {|PRES001:http.PostAsJsonAsync("https://slack.com/api/chat.postMessage", body)|};
            }

            public sealed class AskWorker(SlackApi slack) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override Task ExecuteAsync(CancellationToken ct) => slack.AskViaHelperAsync("draft");
            }

            public sealed class NewsWorker(SlackApi slack) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override Task {|#0:ExecuteAsync|}(CancellationToken ct) => slack.AnnounceAsync("news");
            }
            """,
            PathVerifier.Unattended(0, "NewsWorker.ExecuteAsync (a hosted service)", "NewsWorker.ExecuteAsync → SlackApi.AnnounceAsync → SlackApi.Send → HttpClient.PostAsJsonAsync (POST https://slack.com/api/chat.postMessage)"));
}
