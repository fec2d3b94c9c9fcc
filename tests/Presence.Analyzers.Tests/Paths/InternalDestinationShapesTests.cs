using System.Threading.Tasks;
using Presence.Analyzers.Tests.Verifiers;
using Presence.Analyzers.Tests;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// More places an <c>[InternalAudience]</c> destination is read from: the <c>channel</c> of a raw Slack
/// <c>chat.postMessage</c> body, and each element of an internal list a loop sends to. A public channel, or a loop over
/// a list without the attribute, is still an audience.
/// </summary>
public class InternalDestinationShapesTests
{
    private const string Usings = """
        using System;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Options;
        using Quartz;
        using Telegram.Bot;

        public sealed class TeamOptions
        {
            [Presence.InternalAudience("the editors' #review channel")]
            public string ReviewChannel { get; set; } = "";

            public string NewsChannel { get; set; } = "";

            [Presence.InternalAudience("the bot's admins, in their private chats")]
            public long[] AdminIds { get; set; } = [];

            public long[] SubscriberIds { get; set; } = [];
        }

        """;

    private static Task Check(string code, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
        => PathVerifier.VerifyAsync(Usings + code, [.. PathVerifier.Hosting, PathVerifier.Quartz4, PathVerifier.Telegram, TestReferences.FromType<Microsoft.Extensions.Options.IOptions<object>>()], expected);

    [Fact]
    public Task A_raw_slack_post_to_the_internal_channel_and_a_loop_over_the_internal_admins_are_not_publishes()
        => Check("""
            public sealed class ReviewReminder(HttpClient http, IOptions<TeamOptions> team) : IJob
            {
                public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
                    => await http.PostAsJsonAsync("https://slack.com/api/chat.postMessage", new { channel = team.Value.ReviewChannel, text = "3 drafts wait for review" }, ct);
            }

            public sealed class AdminStats(ITelegramBotClient bot, IOptions<TeamOptions> team) : IJob
            {
                public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
                {
                    var options = team.Value;
                    foreach (var admin in options.AdminIds)
                    {
                        await bot.SendMessage(admin, "Nightly stats: 12 new subscribers", cancellationToken: ct);
                    }
                }
            }
            """);

    [Fact]
    public Task A_public_channel_or_a_loop_over_subscribers_is_still_a_publish()
        => Check("""
            public sealed class NewsJob(HttpClient http, IOptions<TeamOptions> team) : IJob
            {
                public async ValueTask {|#0:Execute|}(IJobExecutionContext context, CancellationToken ct)
                    => await http.PostAsJsonAsync("https://slack.com/api/chat.postMessage", new { channel = team.Value.NewsChannel, text = $"see {team.Value.ReviewChannel}" }, ct);
            }

            public sealed class Digest(ITelegramBotClient bot, IOptions<TeamOptions> team) : IJob
            {
                public async ValueTask {|#1:Execute|}(IJobExecutionContext context, CancellationToken ct)
                {
                    foreach (var subscriber in team.Value.SubscriberIds)
                    {
                        await bot.SendMessage(subscriber, "Today's digest", cancellationToken: ct);
                    }
                }
            }
            """,
            PathVerifier.Unattended(0, "NewsJob.Execute (a Quartz job)", "NewsJob.Execute → HttpClient.PostAsJsonAsync (POST https://slack.com/api/chat.postMessage)"),
            PathVerifier.Unattended(1, "Digest.Execute (a Quartz job)", "Digest.Execute → ITelegramBotClient.SendMessage"));
}
