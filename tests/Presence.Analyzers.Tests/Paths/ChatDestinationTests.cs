using System.Threading.Tasks;
using Presence.Analyzers.Tests.Verifiers;
using Presence.Analyzers.Tests;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A raw request to Telegram's Bot API goes to the <c>chat_id</c> of its body: read from an <c>[InternalAudience]</c>
/// settings property (directly, or through a helper every caller gives that property), the send reaches the team,
/// as the Telegram.Bot SDK's <c>SendMessage(ops.ChatId, …)</c> does; a channel setting without the attribute or a
/// literal <c>@channel</c> is still an audience.
/// </summary>
public class ChatDestinationTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Hosting;
        using Microsoft.Extensions.Options;
        using Quartz;

        public sealed class OpsOptions
        {
            [Presence.InternalAudience("the on-call engineers' private Telegram group")]
            public string TelegramChatId { get; set; } = "";

            public string AnnouncementsChatId { get; set; } = "";
        }

        """;

    private const string Url = "https://api.telegram.org/bot1234567890:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/sendMessage";

    private const string Send = "HttpClient.PostAsJsonAsync (POST https://api.telegram.org/bot…/sendMessage)";

    private static Task Check(string code, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
        => PathVerifier.VerifyAsync(Usings + code.Replace("URL", Url), [.. PathVerifier.Hosting, PathVerifier.Quartz4, TestReferences.FromType<Microsoft.Extensions.Options.IOptions<object>>()], expected);

    [Fact]
    public Task A_raw_telegram_send_to_the_internal_ops_chat_from_a_job_is_not_a_publish()
        => Check("""
            public sealed class OpsInlineJob(HttpClient http, IOptions<OpsOptions> ops) : IJob
            {
                public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
                    => await http.PostAsJsonAsync("URL", new { chat_id = ops.Value.TelegramChatId, text = "queue depth: 3" }, ct);
            }

            public sealed class OpsFormJob(HttpClient http, IOptions<OpsOptions> ops) : IJob
            {
                public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
                {
                    var body = new Dictionary<string, string> { ["chat_id"] = ops.Value.TelegramChatId, ["text"] = "queue depth: 3" };
                    await http.PostAsync("URL", new FormUrlEncodedContent(body), ct);
                }
            }
            """);

    [Fact]
    public Task A_raw_telegram_helper_whose_every_caller_passes_the_internal_chat_is_not_a_publish()
        => Check("""
            public sealed class TelegramHelper(HttpClient http)
            {
                public Task SendAsync(string chatId, string text) => http.PostAsJsonAsync("URL", new { chat_id = chatId, text });
            }

            public sealed class OpsTelegramJob(TelegramHelper telegram, IOptions<OpsOptions> ops) : IJob
            {
                public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
                    => await telegram.SendAsync(ops.Value.TelegramChatId, "queue depth: 3");
            }
            """);

    [Fact]
    public Task A_channel_setting_without_the_attribute_or_a_literal_channel_is_still_a_publish()
        => Check("""
            public sealed class TelegramHelper(HttpClient http)
            {
                public Task SendAsync(string chatId, string text) => {|PRES001:http.PostAsJsonAsync("URL", new { chat_id = chatId, text })|};
            }

            public sealed class AnnounceJob(TelegramHelper telegram, IOptions<OpsOptions> ops) : IJob
            {
                public async ValueTask {|#0:Execute|}(IJobExecutionContext context, CancellationToken ct)
                    => await telegram.SendAsync(ops.Value.AnnouncementsChatId, "we are back");
            }

            public sealed class ChannelJob(HttpClient http) : IJob
            {
                public async ValueTask {|#1:Execute|}(IJobExecutionContext context, CancellationToken ct)
                    => await http.PostAsJsonAsync("URL", new { chat_id = "@acme_news", text = "we are back" }, ct);
            }

            public sealed class SettingJob(HttpClient http, IOptions<OpsOptions> ops) : IJob
            {
                public async ValueTask {|#2:Execute|}(IJobExecutionContext context, CancellationToken ct)
                    => await http.PostAsJsonAsync("URL", new { chat_id = ops.Value.AnnouncementsChatId, text = "we are back" }, ct);
            }
            """,
            PathVerifier.Unattended(0, "AnnounceJob.Execute (a Quartz job)", "AnnounceJob.Execute → TelegramHelper.SendAsync → " + Send),
            PathVerifier.Unattended(1, "ChannelJob.Execute (a Quartz job)", "ChannelJob.Execute → " + Send),
            PathVerifier.Unattended(2, "SettingJob.Execute (a Quartz job)", "SettingJob.Execute → " + Send));
}
