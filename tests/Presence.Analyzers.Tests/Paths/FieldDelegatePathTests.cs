using System.Threading.Tasks;
using Presence.Analyzers.Tests.Verifiers;
using static Presence.Analyzers.Tests.Verifiers.PathVerifier;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A delegate a field or property keeps, written in the field's initializer or the constructor, and run unattended
/// elsewhere: given to a timer, or called in a hosted service's loop.
/// </summary>
public class FieldDelegatePathTests
{
    private const string Publisher = PathVerifier.MastodonPublisher;

    [Fact]
    public Task A_lambda_in_a_field_initializer_given_to_a_timer_is_a_timer_callback()
        => PathVerifier.VerifyAsync(Publisher + """
            class Ticker(Poster poster)
            {
                private readonly TimerCallback _tick = _ {|#0:=>|} poster.Post("tick").Wait();
                private Timer? _timer;

                public void Start() => _timer = new Timer(_tick, null, 0, 60_000);
            }

            static class Heartbeat
            {
                public static Poster? Poster;
                private static readonly TimerCallback Beat = _ {|#2:=>|} Poster!.Post("beat").Wait();
                private static Timer? _timer;

                public static void Start() => _timer = new Timer(Beat, null, 0, 60_000);
            }

            class Pinger(Poster poster)
            {
                private readonly Func<Task> _job = () => poster.Post("ping");
                private Timer? _timer;

                public void Start() => _timer = new Timer(_ {|#1:=>|} _job(), null, 0, 60_000);
            }
            """,
            [],
            Unattended(0, "the timer callback in Ticker", "timer callback → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(1, "the timer callback in Pinger.Start", "timer callback → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(2, "the timer callback in Heartbeat", "timer callback → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task A_field_delegate_run_in_a_hosted_services_periodic_loop_is_its_path()
        => PathVerifier.VerifyAsync(Publisher + """
            class Worker : Microsoft.Extensions.Hosting.BackgroundService
            {
                private readonly Func<Task> _work;

                public Worker(Poster poster) => _work = () => poster.Post("hourly");

                protected override async Task {|#0:ExecuteAsync|}(CancellationToken ct)
                {
                    using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
                    while (await timer.WaitForNextTickAsync(ct))
                    {
                        await _work();
                    }
                }
            }
            """,
            PathVerifier.Hosting,
            Unattended(0, "Worker.ExecuteAsync (a hosted service)", "Worker.ExecuteAsync → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task A_lambda_publishing_in_a_field_initializer_given_to_a_timer_is_reported_once_as_the_path()
        => PathVerifier.VerifyAsync(Publisher + """
            class Ticker(IMastodonPublisher mastodon)
            {
                private TimerCallback Tick { get; } = _ {|#0:=>|} mastodon.PublishStatus("tick").Wait();
                private Timer? _timer;

                public void Start() => _timer = new Timer(Tick, null, 0, 60_000);
            }
            """,
            [],
            Unattended(0, "the timer callback in Ticker", "timer callback → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task Field_delegates_set_in_initializers_and_constructors_and_run_in_daemon_loops_are_their_paths()
        => PathVerifier.VerifyAsync(Publisher + """
            class Digest : Microsoft.Extensions.Hosting.BackgroundService
            {
                private readonly Func<Task> _work;
                private readonly IMastodonPublisher _mastodon;

                public Digest(IMastodonPublisher mastodon)
                {
                    _mastodon = mastodon;
                    _work = PublishAsync;
                }

                private Task PublishAsync() => {|PRES001:_mastodon.PublishStatus("digest")|};

                protected override async Task {|#0:ExecuteAsync|}(CancellationToken ct)
                {
                    while (!ct.IsCancellationRequested)
                    {
                        await _work();
                        await Task.Delay(TimeSpan.FromHours(1), ct);
                    }
                }
            }

            class Reminder(IMastodonPublisher mastodon) : Microsoft.Extensions.Hosting.BackgroundService
            {
                private readonly Func<Task> _remind = () => {|PRES001:mastodon.PublishStatus("reminder")|};

                protected override async Task {|#1:ExecuteAsync|}(CancellationToken ct)
                {
                    using var timer = new PeriodicTimer(TimeSpan.FromDays(1));
                    while (await timer.WaitForNextTickAsync(ct))
                    {
                        await _remind.Invoke();
                    }
                }
            }

            class Announcer(Poster poster) : Microsoft.Extensions.Hosting.BackgroundService
            {
                private Func<string, Task>? Announce { get; } = text => poster.Post(text);

                protected override async Task {|#2:ExecuteAsync|}(CancellationToken ct)
                {
                    using var timer = new PeriodicTimer(TimeSpan.FromDays(1));
                    while (await timer.WaitForNextTickAsync(ct))
                    {
                        await (Announce?.Invoke("daily") ?? Task.CompletedTask);
                    }
                }
            }
            """,
            PathVerifier.Hosting,
            Unattended(0, "Digest.ExecuteAsync (a hosted service)", "Digest.ExecuteAsync → Digest.PublishAsync → IMastodonPublisher.PublishStatus"),
            Unattended(1, "Reminder.ExecuteAsync (a hosted service)", "Reminder.ExecuteAsync → IMastodonPublisher.PublishStatus"),
            Unattended(2, "Announcer.ExecuteAsync (a hosted service)", "Announcer.ExecuteAsync → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task Field_delegates_that_do_not_publish_or_ask_a_person_first_are_no_path()
        => PathVerifier.VerifyAsync(Publisher + """
            class Quiet(Poster poster) : Microsoft.Extensions.Hosting.BackgroundService
            {
                private readonly Func<Task> _work = () => Task.Delay(10);
                private readonly Func<Task> _log = LogAsync;
                private readonly Func<Task> _reviewed = async () =>
                {
                    if (Confirm()) await poster.Post("reviewed");
                };
                private readonly Func<Task> _checked;

                public Quiet(Poster poster, bool unused) : this(poster) => _checked = ConfirmAndPost;

                private static Task LogAsync() { Console.WriteLine("tick"); return Task.CompletedTask; }

                [HumanConfirmation]
                private static bool Confirm() => Console.ReadLine() == "y";

                private async Task ConfirmAndPost()
                {
                    if (Confirm()) await poster.Post("checked");
                }

                protected override async Task ExecuteAsync(CancellationToken ct)
                {
                    using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
                    while (await timer.WaitForNextTickAsync(ct))
                    {
                        await _work();
                        await _log();
                        await _reviewed();
                        await _checked();
                    }
                }
            }

            class Timerless
            {
                private readonly TimerCallback _tick = _ => Console.WriteLine("tick");
                private Timer? _timer;

                public void Start() => _timer = new Timer(_tick, null, 0, 60_000);
            }
            """,
            PathVerifier.Hosting);
}
