using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Tests.Verifiers;
using static Presence.Analyzers.Tests.Verifiers.PathVerifier;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// A yes given now does not guard what runs days later: a job scheduled for later or on a schedule, a timer's callback,
/// a publish after a wait of hours or days. What runs now (an enqueued job, a short pause) stays guarded, and a job that
/// redeems the recorded approval when it runs is clean.
/// </summary>
public class DeferredPublishTests
{
    private const string Scheduling = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Hangfire;
        using Presence;

        [PublishesContent("Mastodon")]
        public interface IMastodonPublisher { Task PublishStatus(string text); }

        public interface IApprovals { [HumanConfirmation] Task<bool> RedeemAsync(string text); }

        public interface IReview { [HumanConfirmation] bool Ask(string text); }

        public class Desk(IMastodonPublisher mastodon, IReview review, IApprovals approvals)
        {
            [RequiresHumanApproval] public Task Post(string text) => mastodon.PublishStatus(text);

            public async Task PublishApproved(string text)
            {
                if (await approvals.RedeemAsync(text)) await Post(text);
            }

        """;

    [Fact]
    public Task A_confirmation_before_scheduling_does_not_guard_the_job_that_runs_days_later()
        => PathVerifier.VerifyAsync(Scheduling + """
                public void Later(string text, int days)
                {
                    if (!review.Ask(text)) return;
                    BackgroundJob.Schedule(() {|#0:=>|} Post(text), TimeSpan.FromDays(days));
                    RecurringJob.AddOrUpdate("again", () {|#1:=>|} Post(text), Cron.Daily());
                    var timer = new Timer(_ {|#2:=>|} Post(text).Wait(), null, TimeSpan.FromDays(days), Timeout.InfiniteTimeSpan);
                    var ticker = new System.Timers.Timer(TimeSpan.FromHours(1));
                    ticker.Elapsed += (_, _) {|#3:=>|} Post(text).Wait();
                }
            }
            """,
            [PathVerifier.Hangfire],
            Unattended(0, "the Hangfire job in Desk.Later", "Hangfire job → Desk.Post"),
            Unattended(1, "the recurring Hangfire job in Desk.Later", "recurring Hangfire job → Desk.Post"),
            Unattended(2, "the timer callback in Desk.Later", "timer callback → Desk.Post"),
            Unattended(3, "the timer callback in Desk.Later", "timer callback → Desk.Post"));

    [Fact]
    public Task What_runs_now_after_a_confirmation_and_a_job_that_redeems_when_it_runs_are_clean()
        => PathVerifier.VerifyAsync(Scheduling + """
                public void Now(string text, int days)
                {
                    if (!review.Ask(text)) return;
                    BackgroundJob.Enqueue(() => Post(text));
                    _ = Task.Run(async () => { await Task.Delay(TimeSpan.FromSeconds(2)); await Post(text); });
                    _ = Task.Run(async () => { await Task.Delay(1500); await Post(text); });
                    BackgroundJob.Schedule(() => PublishApproved(text), TimeSpan.FromDays(days));
                    // An undo window: the person who said yes is still around when it runs.
                    BackgroundJob.Schedule(() => Post(text), TimeSpan.FromMinutes(5));
                    BackgroundJob.Schedule(() => Post(text), DateTimeOffset.UtcNow.AddSeconds(30));
                }

                public async Task Race(string text)
                {
                    if (!review.Ask(text)) return;
                    // A timeout raced against the post, and a cleanup continued later: nothing waits before the post.
                    var timeout = Task.Delay(TimeSpan.FromHours(1));
                    _ = Task.Delay(TimeSpan.FromHours(1)).ContinueWith(_ => Console.WriteLine("cleanup"));
                    var post = Post(text);
                    if (await Task.WhenAny(post, timeout) == timeout) throw new TimeoutException();
                }
            }
            """,
            [PathVerifier.Hangfire]);

    [Fact]
    public Task A_publish_after_waiting_days_past_the_confirmation_is_a_stale_approval()
        => PathVerifier.VerifyAsync(Scheduling + """
                public async Task Wait(string text, int days, DateTimeOffset when, CancellationToken ct)
                {
                    if (!review.Ask(text)) return;
                    _ = Task.Run(async () => { await {|#1:Task.Delay(TimeSpan.FromDays(days))|}; await {|#0:Post(text)|}; });
                    await {|#3:Task.Delay(when - DateTimeOffset.UtcNow, ct)|};
                    await {|#2:mastodon.PublishStatus(text)|};
                    if (review.Ask(text)) await mastodon.PublishStatus(text);
                }
            }
            """,
            [PathVerifier.Hangfire],
            Diagnostic(PresenceDiagnostics.ApprovalStaleAfterWait).WithLocation(0).WithLocation(1)
                .WithArguments("Calls 'Desk.Post', which publishes and requires a person's approval,", "Task.Delay(TimeSpan.FromDays(days))"),
            Diagnostic(PresenceDiagnostics.ApprovalStaleAfterWait).WithLocation(2).WithLocation(3)
                .WithArguments("Posts to Mastodon through 'IMastodonPublisher.PublishStatus'", "Task.Delay(when - DateTimeOffset.UtcNow, ct)"));
}
