using System.Threading.Tasks;
using Presence.Analyzers.Tests.Verifiers;
using static Presence.Analyzers.Tests.Verifiers.PathVerifier;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// Unattended paths through the code's own helpers and stored callbacks: a Hangfire job expression handed on by a
/// helper, and what one PRES002 per entry point means for inherited triggers.
/// </summary>
public class UnattendedPathGapsTests
{
    private const string Publisher = PathVerifier.MastodonPublisher;

    private const string JobHelpers = """
        static class Jobs
        {
            public static void Recurring<TJob>(string id, System.Linq.Expressions.Expression<Func<TJob, Task>> call, string cron)
                => Hangfire.RecurringJob.AddOrUpdate(id, call, cron);

            public static string Now<TJob>(System.Linq.Expressions.Expression<Func<TJob, Task>> call)
                => Hangfire.BackgroundJob.Enqueue(call);

            public static string Later(System.Linq.Expressions.Expression<Func<Task>> call, TimeSpan delay)
                => Hangfire.BackgroundJob.Schedule(call, delay);

            public static string Tomorrow(System.Linq.Expressions.Expression<Func<Task>> call)
                => Hangfire.BackgroundJob.Schedule(call, TimeSpan.FromDays(1));

            public static async Task Every(TimeSpan period, Func<Task> work, CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    await work();
                    await Task.Delay(period, ct);
                }
            }

            // Reads the expression only: what it does is shown, nothing runs.
            public static void Describe<TJob>(System.Linq.Expressions.Expression<Func<TJob, Task>> call)
                => Console.WriteLine(call.Body);

            public static IQueryable<T> Filter<T>(IQueryable<T> items, System.Linq.Expressions.Expression<Func<T, bool>> predicate)
                => items.Where(predicate);

            // Runs it once, after a person said yes.
            public static async Task RunIfConfirmed<TJob>(TJob job, System.Linq.Expressions.Expression<Func<TJob, Task>> call)
            {
                if (Confirm()) await call.Compile()(job);
            }

            [HumanConfirmation]
            public static bool Confirm() => Console.ReadLine() == "y";
        }

        public class NewsletterJob(Poster poster)
        {
            public Task SendAsync() => poster.Post("Weekly newsletter");
        }

        """;

    [Fact]
    public Task A_job_expression_handed_to_Hangfire_by_a_helper_is_an_entry_point()
        => PathVerifier.VerifyAsync("using System.Linq;\n" + Publisher + JobHelpers + """
            class Scheduling
            {
                void Register(Poster poster)
                {
                    Jobs.Recurring<NewsletterJob>("newsletter", j {|#0:=>|} j.SendAsync(), "0 9 * * 1");
                    Jobs.Now<NewsletterJob>(j {|#1:=>|} j.SendAsync());
                    Jobs.Later(() {|#2:=>|} poster.Post("later"), TimeSpan.FromDays(1));
                }
            }
            """,
            [PathVerifier.Hangfire],
            Unattended(0, "the Jobs.Recurring callback in Scheduling.Register", "Jobs.Recurring callback → NewsletterJob.SendAsync → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(1, "the Jobs.Now callback in Scheduling.Register", "Jobs.Now callback → NewsletterJob.SendAsync → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(2, "the Jobs.Later callback in Scheduling.Register", "Jobs.Later callback → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task A_yes_before_a_helper_covers_a_job_it_enqueues_but_not_one_it_runs_later()
        => PathVerifier.VerifyAsync("using System.Linq;\n" + Publisher + JobHelpers + """
            class Admin
            {
                async Task Approve(Poster poster, CancellationToken ct)
                {
                    if (!Jobs.Confirm()) return;
                    Jobs.Now<NewsletterJob>(j => j.SendAsync());
                    Jobs.Later(() => poster.Post("in a while"), TimeSpan.FromMinutes(5));
                    Jobs.Recurring<NewsletterJob>("newsletter", j {|#0:=>|} j.SendAsync(), "0 9 * * 1");
                    Jobs.Tomorrow(() {|#1:=>|} poster.Post("tomorrow"));
                    await Jobs.Every(TimeSpan.FromHours(1), () {|#2:=>|} poster.Post("hourly"), ct);
                }
            }
            """,
            [PathVerifier.Hangfire],
            Unattended(0, "the Jobs.Recurring callback in Admin.Approve", "Jobs.Recurring callback → NewsletterJob.SendAsync → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(1, "the Jobs.Tomorrow callback in Admin.Approve", "Jobs.Tomorrow callback → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(2, "the Jobs.Every callback in Admin.Approve", "Jobs.Every callback → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task A_helper_that_only_reads_its_expression_runs_nothing_unattended()
        => PathVerifier.VerifyAsync("using System.Linq;\n" + Publisher + JobHelpers + """
            class Admin
            {
                async Task Run(NewsletterJob job, IQueryable<string> drafts)
                {
                    Jobs.Describe<NewsletterJob>(j => j.SendAsync());
                    _ = Jobs.Filter(drafts, d => d.Length > 0).ToList();
                    await Jobs.RunIfConfirmed(job, j => j.SendAsync());
                }
            }
            """,
            [PathVerifier.Hangfire]);

    private const string TimedWorker = """
        public abstract class TimedWorker : Microsoft.Extensions.Hosting.BackgroundService
        {
            protected abstract Task TickAsync(CancellationToken ct);

            // Not called by ExecuteAsync: an override of it is no step of the job's path.
            public virtual Task PreviewAsync() => Task.CompletedTask;

            protected override async Task ExecuteAsync(CancellationToken stoppingToken)
            {
                using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
                while (await timer.WaitForNextTickAsync(stoppingToken))
                {
                    try { await TickAsync(stoppingToken); }
                    catch (Exception) when (!stoppingToken.IsCancellationRequested) { }
                }
            }
        }

        """;

    [Fact]
    public Task An_abstract_hosted_service_base_is_reported_once_per_concrete_job_at_its_override()
        => PathVerifier.VerifyAsync(Publisher + TimedWorker + """
            public sealed class QuoteOfTheHour(IMastodonPublisher mastodon) : TimedWorker
            {
                protected override Task {|#0:TickAsync|}(CancellationToken ct) => mastodon.PublishStatus("quote");

                public override Task PreviewAsync() => {|PRES001:mastodon.PublishStatus("preview")|};
            }

            public sealed class HealthCheck : TimedWorker
            {
                protected override Task TickAsync(CancellationToken ct) => Task.CompletedTask;
            }
            """,
            PathVerifier.Hosting,
            Unattended(0, "QuoteOfTheHour.TickAsync (a hosted service, run by TimedWorker.ExecuteAsync)", "TimedWorker.ExecuteAsync → QuoteOfTheHour.TickAsync → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task A_publish_written_in_an_override_a_delay_loop_base_calls_is_reported_only_as_the_path()
        => PathVerifier.VerifyAsync(Publisher + """
            public abstract class Loop : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected abstract Task Tick(CancellationToken ct);

                protected override async Task ExecuteAsync(CancellationToken ct)
                {
                    while (!ct.IsCancellationRequested) { await Tick(ct); await Task.Delay(60_000, ct); }
                }
            }

            public sealed class ReleaseNotes(IMastodonPublisher mastodon) : Loop
            {
                protected override Task {|#0:Tick|}(CancellationToken ct) => mastodon.PublishStatus("released");
            }
            """,
            PathVerifier.Hosting,
            Unattended(0, "ReleaseNotes.Tick (a hosted service, run by Loop.ExecuteAsync)", "Loop.ExecuteAsync → ReleaseNotes.Tick → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task An_abstract_base_that_publishes_itself_with_no_job_in_its_project_keeps_its_report()
        => PathVerifier.VerifyAsync(Publisher + """
            public abstract class AnnouncingWorker(IMastodonPublisher mastodon) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected abstract string Text { get; }

                protected override async Task {|#0:ExecuteAsync|}(CancellationToken stoppingToken)
                {
                    using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
                    while (await timer.WaitForNextTickAsync(stoppingToken))
                    {
                        await mastodon.PublishStatus(Text);
                    }
                }
            }
            """,
            PathVerifier.Hosting,
            Unattended(0, "AnnouncingWorker.ExecuteAsync (a hosted service)", "AnnouncingWorker.ExecuteAsync → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task A_publish_written_in_an_override_of_another_project_s_base_is_reported_only_as_the_path()
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Jobs.Core",
            [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("""
                namespace Jobs.Core;
                public abstract class LoopingWorker : Microsoft.Extensions.Hosting.BackgroundService
                {
                    protected override async System.Threading.Tasks.Task ExecuteAsync(System.Threading.CancellationToken ct)
                    {
                        while (!ct.IsCancellationRequested)
                        {
                            await RunOnce(ct);
                            await System.Threading.Tasks.Task.Delay(System.TimeSpan.FromHours(1), ct);
                        }
                    }

                    protected abstract System.Threading.Tasks.Task RunOnce(System.Threading.CancellationToken ct);
                }
                """, new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest))],
            TestReferences.Framework.AddRange(PathVerifier.Hosting),
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
        using var image = new System.IO.MemoryStream();
        Assert.True(compilation.Emit(image).Success);
        return PathVerifier.VerifyAsync(Publisher + """
            class TipWorker(IMastodonPublisher mastodon) : Jobs.Core.LoopingWorker
            {
                protected override Task {|#0:RunOnce|}(CancellationToken ct) => mastodon.PublishStatus("tip");
            }
            """,
            [.. PathVerifier.Hosting, Microsoft.CodeAnalysis.MetadataReference.CreateFromImage(image.ToArray())],
            Unattended(0, "TipWorker.RunOnce (a hosted service, run by LoopingWorker.ExecuteAsync)", "LoopingWorker.ExecuteAsync → TipWorker.RunOnce → IMastodonPublisher.PublishStatus"));
    }

    [Fact]
    public Task A_lambda_kept_in_a_field_or_property_and_given_to_a_timer_elsewhere_is_a_timer_callback()
        => PathVerifier.VerifyAsync(Publisher + """
            class Ticker
            {
                private readonly TimerCallback _tick;
                private readonly IMastodonPublisher _mastodon;
                private Timer? _timer, _other;
                private ITimer? _third;

                public Ticker(Poster poster, IMastodonPublisher mastodon)
                {
                    _mastodon = mastodon;
                    _tick = async _ {|#0:=>|} await poster.Post("tick");
                    Callback = _ {|#1:=>|} _mastodon.PublishStatus("direct").Wait();
                }

                private TimerCallback Callback { get; set; }

                public void Start(TimeProvider time)
                {
                    _timer = new Timer(_tick, null, 0, 60_000);
                    _third = time.CreateTimer(Callback, null, TimeSpan.Zero, TimeSpan.FromHours(1));
                }
            }
            """,
            [],
            Unattended(0, "the timer callback in Ticker", "timer callback → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(1, "the timer callback in Ticker", "timer callback → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task A_lambda_kept_in_a_field_and_run_only_after_a_confirmation_stays_with_its_caller()
        => PathVerifier.VerifyAsync(Publisher + """
            class Composer
            {
                private readonly Func<Task> _send;

                public Composer(IMastodonPublisher mastodon) => _send = () => {|PRES001:mastodon.PublishStatus("draft")|};

                [HumanConfirmation]
                private static bool Confirm() => Console.ReadLine() == "y";

                public async Task Run()
                {
                    if (Confirm()) await _send();
                }
            }
            """,
            []);
}
