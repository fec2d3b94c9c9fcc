using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;
using static Presence.Analyzers.Tests.Verifiers.PathVerifier;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A helper of the code that takes a delegate and runs it unattended (in a loop that sleeps until stopped, or through a
/// timer) makes what its callers pass a callback of its own, reported as PRES002 naming the helper; a helper that runs
/// its delegate once (a retry, a stopwatch) does not. A loop that never ends in a method the program calls is a daemon
/// loop like one written in Main.
/// </summary>
public class SchedulingHelperTests
{
    private const string Publisher = PathVerifier.MastodonPublisher;

    private static Task VerifyProgramAsync(string program, string library, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test();
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.TestState.Sources.Add(("/0/Program.cs", program));
        test.TestState.Sources.Add(("/0/Library.cs", library));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task What_a_top_level_program_passes_to_a_repeating_helper_is_reported_naming_the_helper()
        => VerifyProgramAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            var poster = new Poster(null!);
            using var cts = new CancellationTokenSource();
            _ = Task.Run(() => Scheduler.Every(TimeSpan.FromHours(1), () {|#0:=>|} poster.Post("Hourly reminder"), cts.Token));
            await Scheduler.Every(TimeSpan.FromDays(1), () {|#1:=>|} poster.Post("Daily digest"), cts.Token);

            static class Scheduler
            {
                public static async Task Every(TimeSpan period, Func<Task> action, CancellationToken ct)
                {
                    while (!ct.IsCancellationRequested)
                    {
                        await action();
                        await Task.Delay(period, ct);
                    }
                }
            }
            """,
            Publisher,
            Unattended(0, "the Scheduler.Every callback in a lambda in the top-level program", "Scheduler.Every callback → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(1, "the Scheduler.Every callback in the top-level program", "Scheduler.Every callback → Poster.Post → IMastodonPublisher.PublishStatus"));

    private const string Jobs = """
        static class Jobs
        {
            public static void RunForever(Func<Task> work, TimeSpan period, CancellationToken ct)
                => _ = Task.Run(async () =>
                {
                    while (true)
                    {
                        await work();
                        await Task.Delay(period, ct);
                    }
                });

            public static Timer OnTimer(TimeSpan period, Action tick) => new Timer(_ => tick(), null, TimeSpan.Zero, period);

            public static Timer OnTimerCallback(TimeSpan period, TimerCallback callback) => new Timer(callback, null, TimeSpan.Zero, period);

            public static void Hourly(Func<Task> work, CancellationToken ct) => RunForever(work, TimeSpan.FromHours(1), ct);
        }

        """;

    [Fact]
    public Task A_helper_that_loops_in_the_background_makes_its_callers_lambda_unattended()
        => PathVerifier.VerifyAsync(Publisher + Jobs + """
            class Bot(Poster poster)
            {
                public void Start(CancellationToken ct) => Jobs.RunForever(() {|#0:=>|} poster.Post("loop"), TimeSpan.FromMinutes(5), ct);
            }
            """,
            [],
            Unattended(0, "the Jobs.RunForever callback in Bot.Start", "Jobs.RunForever callback → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task A_helper_that_starts_a_timer_with_a_lambda_around_its_delegate_makes_its_callers_lambda_unattended()
        => PathVerifier.VerifyAsync(Publisher + Jobs + """
            class Bot(Poster poster)
            {
                public void Start() => Jobs.OnTimer(TimeSpan.FromHours(1), () {|#0:=>|} poster.Post("tick").Wait());
            }
            """,
            [],
            Unattended(0, "the Jobs.OnTimer callback in Bot.Start", "Jobs.OnTimer callback → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task A_helper_that_hands_its_delegate_to_a_timer_makes_a_method_group_unattended()
        => PathVerifier.VerifyAsync(Publisher + Jobs + """
            class Bot(Poster poster)
            {
                public void Start() => Jobs.OnTimerCallback(TimeSpan.FromHours(1), Tick);

                private void {|#0:Tick|}(object? state) => poster.Post("tock").Wait();
            }
            """,
            [],
            Unattended(0, "Bot.Tick (a Jobs.OnTimerCallback callback)", "Bot.Tick → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task A_helper_that_hands_its_delegate_to_another_helper_runs_it_unattended_too()
        => PathVerifier.VerifyAsync(Publisher + Jobs + """
            class Bot(Poster poster)
            {
                public void Start(CancellationToken ct) => Jobs.Hourly(async () {|#0:=>|} await poster.Post("hourly"), ct);
            }
            """,
            [],
            Unattended(0, "the Jobs.Hourly callback in Bot.Start", "Jobs.Hourly callback → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task Helpers_that_run_their_delegate_once_or_retry_it_leave_callers_to_confirm()
        => PathVerifier.VerifyAsync(Publisher + """
            static class Helpers
            {
                public static async Task Measure(Func<Task> work)
                {
                    var started = DateTime.UtcNow;
                    await work();
                    Console.WriteLine(DateTime.UtcNow - started);
                }

                public static async Task Retry(Func<Task> work)
                {
                    while (true)
                    {
                        try { await work(); return; }
                        catch (Exception) { await Task.Delay(1000); }
                    }
                }

                public static async Task RetryThreeTimes(Func<Task> work)
                {
                    for (var i = 0; i < 3; i++)
                    {
                        try { await work(); break; }
                        catch (Exception) { await Task.Delay(1000); }
                    }
                }

                // Loops until stopped, but a person types each command it runs.
                public static void Repl(Action<string> onCommand, CancellationToken ct)
                {
                    while (!ct.IsCancellationRequested) onCommand(Console.ReadLine() ?? "");
                }
            }

            class Bot(IMastodonPublisher mastodon)
            {
                public async Task Run(CancellationToken ct)
                {
                    await Helpers.Measure(() => {|PRES001:mastodon.PublishStatus("once")|});
                    await Helpers.Retry(() => {|PRES001:mastodon.PublishStatus("retried")|});
                    await Helpers.RetryThreeTimes(() => {|PRES001:mastodon.PublishStatus("three times")|});
                    Helpers.Repl(text => {|PRES001:mastodon.PublishStatus(text)|}.Wait(), ct);
                }
            }
            """,
            []);

    [Fact]
    public Task A_loop_that_never_ends_in_a_method_the_program_awaits_is_a_daemon_loop()
        => VerifyProgramAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            using var cts = new CancellationTokenSource();
            var app = new App(new Poller(null!), new Retrying(new Poster(null!)));
            await app.PostOnce();
            await app.RunAsync(cts.Token);
            """,
            Publisher + """
            class App(Poller poller, Retrying retrying)
            {
                public Task PostOnce() => retrying.PostWithRetry("hello once");
                public Task RunAsync(CancellationToken ct) => poller.RunForeverAsync(ct);
            }

            class Poller(IMastodonPublisher mastodon)
            {
                public async Task {|#0:RunForeverAsync|}(CancellationToken ct)
                {
                    while (!ct.IsCancellationRequested)
                    {
                        // Called through App.RunAsync, not by the program itself: the publish keeps its own diagnostic too.
                        await {|PRES001:mastodon.PublishStatus("still here")|};
                        await Task.Delay(TimeSpan.FromHours(6), ct);
                    }
                }
            }

            class Retrying(Poster poster)
            {
                // A retry loop the program runs once: it returns when the post succeeds.
                public async Task PostWithRetry(string text)
                {
                    while (true)
                    {
                        try { await poster.Post(text); return; }
                        catch (Exception) { await Task.Delay(1000); }
                    }
                }
            }
            """,
            Unattended(0, "Poller.RunForeverAsync (a daemon loop)", "Poller.RunForeverAsync → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task A_loop_method_Main_calls_itself_is_reported_once()
        => VerifyProgramAsync("""
            using System.Threading;
            using System.Threading.Tasks;

            static class Program
            {
                static Task Main() => new Poller(null!).RunForeverAsync(CancellationToken.None);
            }
            """,
            Publisher + """
            class Poller(IMastodonPublisher mastodon)
            {
                public async Task {|#0:RunForeverAsync|}(CancellationToken ct)
                {
                    while (!ct.IsCancellationRequested)
                    {
                        await mastodon.PublishStatus("still here");
                        await Task.Delay(TimeSpan.FromHours(6), ct);
                    }
                }
            }
            """,
            Unattended(0, "Poller.RunForeverAsync (a daemon loop)", "Poller.RunForeverAsync → IMastodonPublisher.PublishStatus"));
}
