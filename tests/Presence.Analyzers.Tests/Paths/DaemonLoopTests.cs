using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;
using static Presence.Analyzers.Tests.Verifiers.PathVerifier;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// Daemon loops: a loop that runs until stopped and sleeps between rounds, in Main, in the top-level program or in
/// what is started in the background, is an unattended entry point; loops that publish nothing, retries and one-shot
/// programs are not.
/// </summary>
public class DaemonLoopTests
{
    private const string Publisher = PathVerifier.MastodonPublisher;

    private static Task VerifyProgramAsync(string program, string library, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test();
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.TestState.Sources.Add(("/0/Program.cs", program));
        test.TestState.Sources.Add(("/0/Library.cs", library));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task A_top_level_program_that_posts_in_a_sleeping_loop_is_reported_at_the_loop()
        => VerifyProgramAsync("""
            using System;
            using System.Threading.Tasks;

            var poster = new Poster(null!);
            Console.WriteLine("starting");
            {|#0:while|} (true)
            {
                await poster.Post("Tip of the day");
                await Task.Delay(TimeSpan.FromDays(1));
            }
            """,
            Publisher,
            Unattended(0, "the top-level program (a daemon loop)", "the top-level program → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task A_top_level_loop_that_posts_through_a_library_is_a_daemon_loop_reported_at_the_loop()
    {
        var channelKit = LibraryBuilder.Build("ChannelKit", """
            namespace ChannelKit;
            public sealed class ChannelPublisher(Telegram.Bot.ITelegramBotClient bot)
            {
                public System.Threading.Tasks.Task PublishAsync(string text) => Telegram.Bot.TelegramBotClientExtensions.SendMessage(bot, "@news", text);
            }
            """, PathVerifier.Telegram);
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test();
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.TestState.Sources.Add(("/0/Program.cs", """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            var publisher = new ChannelKit.ChannelPublisher(null!);
            using var timer = new PeriodicTimer(TimeSpan.FromHours(6));
            {|#0:while|} (await timer.WaitForNextTickAsync())
            {
                await publisher.PublishAsync("Uptime check: all systems normal");
            }
            """));
        test.TestState.AdditionalReferences.AddRange([PathVerifier.Telegram, channelKit]);
        test.ExpectedDiagnostics.Add(Unattended(0, "the top-level program (a daemon loop)", "the top-level program → ChannelPublisher.PublishAsync → ITelegramBotClient.SendMessage"));
        return test.RunAsync();
    }

    [Fact]
    public Task Main_with_a_loop_until_cancelled_publishing_in_its_own_body_is_reported_once()
        => VerifyProgramAsync("""
            using System;
            using System.Threading;

            static class Program
            {
                static void {|#0:Main|}()
                {
                    using var stop = new CancellationTokenSource();
                    IMastodonPublisher mastodon = null!;
                    while (!stop.Token.IsCancellationRequested)
                    {
                        mastodon.PublishStatus("still here").Wait();
                        Thread.Sleep(TimeSpan.FromHours(1));
                    }
                }
            }
            """,
            Publisher,
            Unattended(0, "Program.Main (a daemon loop)", "Program.Main → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task Loops_started_in_the_background()
        => PathVerifier.VerifyAsync(Publisher + """
            class Watcher(Poster poster)
            {
                public void Start(CancellationToken ct)
                {
                    _ = Task.Run(() => PollLoop(ct));
                    _ = Task.Run(async () {|#1:=>|}
                    {
                        while (!ct.IsCancellationRequested)
                        {
                            await poster.Post("heartbeat");
                            await Task.Delay(TimeSpan.FromMinutes(30), ct);
                        }
                    });
                    new Thread(SpinForever).Start();
                }

                private async Task {|#0:PollLoop|}(CancellationToken ct)
                {
                    for (;;)
                    {
                        await poster.Post("new items");
                        await Task.Delay(TimeSpan.FromMinutes(5), ct);
                    }
                }

                private void {|#2:SpinForever|}()
                {
                    while (true)
                    {
                        poster.Post("spin").Wait();
                        Thread.Sleep(1000);
                    }
                }
            }
            """,
            [],
            Unattended(0, "Watcher.PollLoop (a background loop)", "Watcher.PollLoop → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(1, "the background loop in Watcher.Start", "background loop → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(2, "Watcher.SpinForever (a background loop)", "Watcher.SpinForever → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task A_loop_that_polls_without_publishing_and_a_one_shot_program_stay_clean_of_PRES002()
        => VerifyProgramAsync("""
            using System;
            using System.Threading.Tasks;

            var poster = new Poster(null!);
            await poster.Post("hello once");
            while (true)
            {
                Console.WriteLine(DateTime.UtcNow);
                await Task.Delay(TimeSpan.FromMinutes(1));
            }
            """,
            Publisher + """
            class Retrying(Poster poster)
            {
                // A retry loop in code a person runs, never started in the background: not a daemon.
                public async Task PostWithRetry(string text)
                {
                    while (true)
                    {
                        try { await poster.Post(text); return; }
                        catch (Exception) { await Task.Delay(1000); }
                    }
                }

                // Sleeps in a loop, but the loop ends.
                public async Task Countdown()
                {
                    for (var i = 0; i < 3; i++) await Task.Delay(1000);
                    await poster.Post("lift-off");
                }
            }
            """);

    [Fact]
    public Task A_loop_started_in_the_background_that_publishes_in_its_own_body_is_reported_once_at_the_loop()
        => PathVerifier.VerifyAsync(Publisher + """
            class Heartbeat(IMastodonPublisher mastodon)
            {
                public void Start(CancellationToken ct) => _ = Task.Run(() => RunAsync(ct));

                private async Task {|#0:RunAsync|}(CancellationToken token)
                {
                    while (!token.IsCancellationRequested)
                    {
                        await mastodon.PublishStatus("still here");
                        await Task.Delay(TimeSpan.FromHours(1), token);
                    }
                }
            }
            """,
            [],
            Unattended(0, "Heartbeat.RunAsync (a background loop)", "Heartbeat.RunAsync → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task The_same_loop_never_started_in_the_background_keeps_its_own_diagnostic()
        => PathVerifier.VerifyAsync(Publisher + """
            class Heartbeat(IMastodonPublisher mastodon)
            {
                // Run by whoever calls it, who can confirm: PRES001 at the publish, no entry point.
                public async Task RunAsync(CancellationToken token)
                {
                    while (!token.IsCancellationRequested)
                    {
                        await {|PRES001:mastodon.PublishStatus("still here")|};
                        await Task.Delay(TimeSpan.FromHours(1), token);
                    }
                }

                [AutomatedPresence("Status page heartbeat on a disclosed bot account")]
                public void StartExempt(CancellationToken ct) => _ = Task.Run(() => Other(ct));

                private async Task Other(CancellationToken token)
                {
                    while (!token.IsCancellationRequested)
                    {
                        await {|PRES001:mastodon.PublishStatus("other")|};
                        await Task.Delay(TimeSpan.FromHours(1), token);
                    }
                }
            }
            """,
            []);
}
