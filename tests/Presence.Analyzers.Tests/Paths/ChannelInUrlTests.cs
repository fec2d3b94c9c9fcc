using System.Threading.Tasks;
using Presence.Analyzers.Tests.Verifiers;
using Presence.Analyzers.Tests;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A raw REST request whose URL names the channel (Discord's <c>channels/{id}/messages</c>) goes where that part of
/// the URL says: a channel id read from an <c>[InternalAudience]</c> setting (inline, or through a helper's parameter)
/// is the team's channel. An internal value anywhere else in the request (the text) says nothing of where it goes.
/// </summary>
public class ChannelInUrlTests
{
    private const string Usings = """
        using System;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Options;
        using Quartz;

        public sealed class DiscordOptions
        {
            [Presence.InternalAudience("the moderators' private #mod-log channel")]
            public string ModLogChannelId { get; set; } = "";

            public string AnnouncementChannelId { get; set; } = "";
        }

        public sealed class DiscordRest(HttpClient http)
        {
            public async Task CreateMessageAsync(string channelId, string content)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"https://discord.com/api/v10/channels/{channelId}/messages")
                {
                    Content = JsonContent.Create(new { content }),
                };
                (await http.SendAsync(request)).EnsureSuccessStatusCode();
            }
        }

        """;

    private static Task Check(string code, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
        => PathVerifier.VerifyAsync(Usings + code, [.. PathVerifier.Hosting, PathVerifier.Quartz4, TestReferences.FromType<Microsoft.Extensions.Options.IOptions<object>>()], expected);

    [Fact]
    public Task A_send_to_the_internal_channel_named_in_the_url_is_not_a_publish()
        => Check("""
            public sealed class ModLogJob(DiscordRest discord, IOptions<DiscordOptions> options) : IJob
            {
                public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
                    => await discord.CreateMessageAsync(options.Value.ModLogChannelId, "3 reports waiting");
            }

            public sealed class InlineModLogJob(HttpClient http, IOptions<DiscordOptions> options) : IJob
            {
                public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
                    => await http.PostAsJsonAsync($"https://discord.com/api/v10/channels/{options.Value.ModLogChannelId}/messages", new { content = "3 reports waiting" }, ct);
            }

            public sealed class ConcatModLogJob(HttpClient http, IOptions<DiscordOptions> options) : IJob
            {
                public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
                {
                    var url = "https://discord.com/api/v10/channels/" + options.Value.ModLogChannelId + "/messages";
                    await http.PostAsJsonAsync(url, new { content = "3 reports waiting" }, ct);
                }
            }
            """);

    [Fact]
    public Task A_public_channel_or_an_internal_value_only_in_the_text_is_still_a_publish()
        => Check("""
            public sealed class AnnounceJob(DiscordRest discord, IOptions<DiscordOptions> options) : IJob
            {
                public async ValueTask {|#0:Execute|}(IJobExecutionContext context, CancellationToken ct)
                    => await discord.CreateMessageAsync(options.Value.AnnouncementChannelId, "We are back");
            }

            public sealed class MentionJob(HttpClient http, IOptions<DiscordOptions> options) : IJob
            {
                public async ValueTask {|#1:Execute|}(IJobExecutionContext context, CancellationToken ct)
                    => await http.PostAsJsonAsync($"https://discord.com/api/v10/channels/{options.Value.AnnouncementChannelId}/messages", new { content = $"Questions? Ask in <#{options.Value.ModLogChannelId}>" }, ct);
            }
            """,
            PathVerifier.Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithSpan(25, 16, 25, 39)
                .WithArguments("Posts to Discord through 'HttpClient.SendAsync' (" + Where + ")", "CreateMessageAsync"),
            PathVerifier.Unattended(0, "AnnounceJob.Execute (a Quartz job)", "AnnounceJob.Execute → DiscordRest.CreateMessageAsync → HttpClient.SendAsync (" + Where + ")"),
            PathVerifier.Unattended(1, "MentionJob.Execute (a Quartz job)", "MentionJob.Execute → HttpClient.PostAsJsonAsync (" + Where + ")"));

    private const string Where = "POST https://discord.com/api/v10/channels/…/messages";
}
