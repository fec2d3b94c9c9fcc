using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Catalog;

/// <summary>
/// Teams channel and chat messages sent through Microsoft Graph, with the real Microsoft.Graph package and as raw
/// requests: a post to everyone in a channel is publishing, as a Teams incoming webhook is; reading messages is not,
/// nor is a post to a team or chat the code marks as the team's own.
/// </summary>
public class MicrosoftGraphTeamsTests
{
    private static readonly MetadataReference[] Graph =
    [
        .. PathVerifier.Hosting,
        TestReferences.FromType<Microsoft.Graph.GraphServiceClient>(),
        TestReferences.FromType<Microsoft.Graph.BaseGraphServiceClient>(),
        TestReferences.FromType<Microsoft.Kiota.Abstractions.RequestInformation>(),
    ];

    private const string Usings = """
        using System;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Hosting;
        using Microsoft.Graph;
        using Microsoft.Graph.Models;
        using Presence;

        """;

    [Fact]
    public Task A_timer_that_posts_to_a_channel_through_Graph_fails_the_build()
        => PathVerifier.VerifyAsync(
            Usings + """
            public sealed class WeeklyDigest(GraphServiceClient graph) : BackgroundService
            {
                protected override async Task {|#0:ExecuteAsync|}(CancellationToken stoppingToken)
                {
                    using var timer = new PeriodicTimer(TimeSpan.FromDays(7));
                    while (await timer.WaitForNextTickAsync(stoppingToken))
                    {
                        await Announce("This week's highlights", stoppingToken);
                    }
                }

                private Task Announce(string html, CancellationToken ct)
                    => {|PRES001:graph.Teams["team"].Channels["general"].Messages.PostAsync(new ChatMessage { Body = new ItemBody { Content = html } }, cancellationToken: ct)|};
            }
            """,
            Graph,
            PathVerifier.Unattended(0, "WeeklyDigest.ExecuteAsync (a hosted service)", "WeeklyDigest.ExecuteAsync → WeeklyDigest.Announce → MessagesRequestBuilder.PostAsync"));

    [Fact]
    public Task Reading_a_channel_and_posting_to_the_teams_own_channel_are_quiet()
        => PathVerifier.VerifyAsync(
            Usings + """
            public sealed class OpsOptions
            {
                [InternalAudience("the on-call team's Teams team")]
                public string OpsTeamId { get; set; } = "";

                [InternalAudience("the on-call chat")]
                public string OpsChatId { get; set; } = "";
            }

            public sealed class HealthWatcher(GraphServiceClient graph, OpsOptions ops) : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        var recent = await graph.Teams["team"].Channels["general"].Messages.GetAsync(cancellationToken: stoppingToken);
                        var alert = new ChatMessage { Body = new ItemBody { Content = $"{recent?.Value?.Count} messages" } };
                        await graph.Teams[ops.OpsTeamId].Channels["alerts"].Messages.PostAsync(alert, cancellationToken: stoppingToken);
                        await graph.Chats[ops.OpsChatId].Messages.PostAsync(alert, cancellationToken: stoppingToken);
                        await Task.Delay(TimeSpan.FromMinutes(5), stoppingToken);
                    }
                }
            }
            """,
            Graph);

    [Fact]
    public Task Raw_requests_to_Graph_channel_and_chat_messages_are_publish_calls()
        => PathVerifier.VerifyAsync(
            Usings + """
            public sealed class RawGraph(HttpClient http)
            {
                public async Task Run(string team, string channel, string chat, string message, object body)
                {
                    await {|PRES001:http.PostAsJsonAsync($"https://graph.microsoft.com/v1.0/teams/{team}/channels/{channel}/messages", body)|};
                    await {|PRES001:http.PostAsJsonAsync($"https://graph.microsoft.com/beta/teams/{team}/channels/{channel}/messages/{message}/replies", body)|};
                    await {|PRES001:http.PostAsJsonAsync($"https://graph.microsoft.com/v1.0/teams/{team}/primaryChannel/messages", body)|};
                    await {|PRES001:http.PostAsJsonAsync($"https://graph.microsoft.com/v1.0/chats/{chat}/messages", body)|};
                    await {|PRES001:http.PostAsJsonAsync($"https://graph.microsoft.com/v1.0/me/chats/{chat}/messages", body)|};

                    // Reads, reactions and sign-in are not posts.
                    await http.GetAsync($"https://graph.microsoft.com/v1.0/teams/{team}/channels/{channel}/messages");
                    await http.PostAsJsonAsync($"https://graph.microsoft.com/v1.0/teams/{team}/channels/{channel}/messages/{message}/setReaction", body);
                    await http.PostAsJsonAsync($"https://graph.microsoft.com/v1.0/teams/{team}/channels", body);
                    await http.PostAsJsonAsync("https://login.microsoftonline.com/tenant/oauth2/v2.0/token", body);
                }
            }
            """,
            Graph);

    [Fact]
    public Task A_team_key_picks_the_teams_destination_but_not_a_list_keyed_by_it()
        => PathVerifier.VerifyAsync(
            Usings + """
            using System.Collections.Generic;
            using Telegram.Bot;

            public sealed class OpsOptions
            {
                [InternalAudience("the on-call team's Teams team")]
                public string OpsTeamId { get; set; } = "";
            }

            public sealed class Fanout(GraphServiceClient graph, ITelegramBotClient bot, OpsOptions ops, Dictionary<string, List<long>> subscribersByTeam)
            {
                public async Task Run(string customerTeam, ChatMessage message)
                {
                    await graph.Teams[ops.OpsTeamId].Channels["alerts"].Messages.PostAsync(message);
                    await {|PRES001:graph.Teams[customerTeam].Channels["alerts"].Messages.PostAsync(message)|};
                    foreach (var chat in subscribersByTeam[ops.OpsTeamId])
                    {
                        await {|PRES001:bot.SendMessage(chat, "release notes")|};
                    }
                }
            }
            """,
            [.. Graph, PathVerifier.Telegram]);
}
