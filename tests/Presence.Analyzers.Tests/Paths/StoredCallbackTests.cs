using System.Threading.Tasks;
using Presence.Analyzers.Tests.Verifiers;
using static Presence.Analyzers.Tests.Verifiers.PathVerifier;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A callback kept in a local or a field before a timer or scheduler is given it (<c>TimerCallback cb = OnTick;
/// new Timer(cb, …)</c>) is that registration's callback, as if written in place; a delegate kept but never registered
/// is not.
/// </summary>
public class StoredCallbackTests
{
    private const string Publisher = PathVerifier.MastodonPublisher;

    [Fact]
    public Task A_method_group_kept_in_a_local_then_given_to_a_timer_is_a_timer_callback_reported_once()
        => PathVerifier.VerifyAsync(Publisher + """
            class DelegateTimer(IMastodonPublisher mastodon)
            {
                private Timer? _timer;

                public void Start()
                {
                    TimerCallback cb = OnTick;
                    _timer = new Timer(cb, null, 0, 60_000);
                }

                private void {|#0:OnTick|}(object? state) => mastodon.PublishStatus("tick").Wait();
            }
            """,
            [],
            Unattended(0, "DelegateTimer.OnTick (a timer callback)", "DelegateTimer.OnTick → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task A_lambda_kept_in_a_local_and_a_method_group_kept_in_a_field_are_timer_callbacks()
        => PathVerifier.VerifyAsync(Publisher + """
            class Timers(Poster poster)
            {
                private readonly TimerCallback _callback;
                private Timer? _a, _b;

                public Timers(Poster poster, bool unused) : this(poster) => _callback = Nightly;

                public void Start()
                {
                    TimerCallback hourly;
                    hourly = _ {|#0:=>|} poster.Post("hourly").Wait();
                    _a = new Timer(hourly, null, 0, 3_600_000);
                    _b = new Timer(_callback, null, 0, 86_400_000);
                }

                private void {|#1:Nightly|}(object? state) => poster.Post("nightly").Wait();
            }
            """,
            [],
            Unattended(0, "the timer callback in Timers.Start", "timer callback → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(1, "Timers.Nightly (a timer callback)", "Timers.Nightly → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task A_delegate_kept_but_never_registered_stays_with_its_caller()
        => PathVerifier.VerifyAsync(Publisher + """
            class Kept(IMastodonPublisher mastodon)
            {
                private Timer? _timer;

                public void Start()
                {
                    TimerCallback cb = OnTick;
                    TimerCallback quiet = _ => { };
                    _timer = new Timer(quiet, null, 0, 60_000);
                    cb(null);
                }

                private void OnTick(object? state) => {|PRES001:mastodon.PublishStatus("tick")|}.Wait();
            }
            """,
            []);
}
