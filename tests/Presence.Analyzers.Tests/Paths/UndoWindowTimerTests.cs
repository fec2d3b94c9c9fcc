using System.Threading.Tasks;
using Presence.Analyzers.Tests.Verifiers;
using static Presence.Analyzers.Tests.Verifiers.PathVerifier;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A timer that fires once, seconds or minutes after a yes, is an undo window (disposing it cancels the post): the
/// person who said yes is still there, as for a Hangfire job scheduled minutes ahead. One that repeats, or fires an
/// hour or more later, starts unconfirmed.
/// </summary>
public class UndoWindowTimerTests
{
    private const string Review = PathVerifier.MastodonPublisher + """
        public interface IReview { [HumanConfirmation] bool Approve(string text); }

        """;

    [Fact]
    public Task A_one_shot_timer_minutes_after_a_yes_keeps_the_guard()
        => PathVerifier.VerifyAsync(Review + """
            class UndoableSend(IMastodonPublisher mastodon, IReview review, TimeProvider clock)
            {
                private Timer? _pending;
                private ITimer? _other;

                public void Publish(string text)
                {
                    if (!review.Approve(text)) return;
                    _pending = new Timer(_ => mastodon.PublishStatus(text).Wait(), null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);
                    _other = clock.CreateTimer(_ => mastodon.PublishStatus(text).Wait(), null, TimeSpan.FromMinutes(5), Timeout.InfiniteTimeSpan);
                }

                public void PublishSoon(string text)
                {
                    if (review.Approve(text))
                    {
                        _pending = new Timer(_ => mastodon.PublishStatus(text).Wait(), null, 30_000, Timeout.Infinite);
                    }
                }

                public void Undo() => _pending?.Dispose();
            }
            """,
            []);

    [Fact]
    public Task A_repeating_timer_or_one_that_fires_hours_later_starts_unconfirmed()
        => PathVerifier.VerifyAsync(Review + """
            class Later(IMastodonPublisher mastodon, IReview review)
            {
                private Timer? _a, _b;

                public void Publish(string text)
                {
                    if (!review.Approve(text)) return;
                    _a = new Timer(_ {|#0:=>|} mastodon.PublishStatus(text).Wait(), null, TimeSpan.FromSeconds(10), TimeSpan.FromHours(1));
                    _b = new Timer(_ {|#1:=>|} mastodon.PublishStatus(text).Wait(), null, TimeSpan.FromHours(6), Timeout.InfiniteTimeSpan);
                }
            }
            """,
            [],
            Unattended(0, "the timer callback in Later.Publish", "timer callback → IMastodonPublisher.PublishStatus"),
            Unattended(1, "the timer callback in Later.Publish", "timer callback → IMastodonPublisher.PublishStatus"));
}
