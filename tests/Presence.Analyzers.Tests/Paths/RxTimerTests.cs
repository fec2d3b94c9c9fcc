using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Presence.Analyzers.Tests.Verifiers;
using static Presence.Analyzers.Tests.Verifiers.PathVerifier;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// System.Reactive 7 (the package): the callbacks of a subscription to <c>Observable.Interval</c> or
/// <c>Observable.Timer</c>, and of the operators between, run on the timer's ticks; a subscription to another
/// observable (a subject a person's clicks feed) does not.
/// </summary>
public class RxTimerTests
{
    private static readonly MetadataReference[] Rx = [MetadataReference.CreateFromFile(typeof(System.Reactive.Linq.Observable).Assembly.Location)];

    [Fact]
    public Task Subscriptions_to_an_interval_or_a_timer_are_timer_callbacks()
        => PathVerifier.VerifyAsync("using System.Reactive.Linq;\n" + PathVerifier.MastodonPublisher + """
            public sealed class RxJobs(Poster poster)
            {
                public IDisposable Hourly() => System.Reactive.Linq.Observable.Timer(TimeSpan.Zero, TimeSpan.FromHours(1)).Subscribe(_ {|#0:=>|} poster.Post("hourly").Wait());

                public IDisposable Numbered() => System.Reactive.Linq.Observable.Interval(TimeSpan.FromHours(1))
                    .Where(n => n % 2 == 0)
                    .SelectMany(async n {|#1:=>|} { await poster.Post($"#{n}"); return n; })
                    .Subscribe();

                // A person's clicks feed the subject: no entry point (PRES001 stays at the post in Poster.Post).
                public IDisposable OnClick(System.Reactive.Subjects.Subject<string> clicks) => clicks.Subscribe(text => poster.Post(text).Wait());
            }
            """,
            Rx,
            Unattended(0, "the Rx timer subscription in RxJobs.Hourly", "Rx timer subscription → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(1, "the Rx timer subscription in RxJobs.Numbered", "Rx timer subscription → Poster.Post → IMastodonPublisher.PublishStatus"));
}
