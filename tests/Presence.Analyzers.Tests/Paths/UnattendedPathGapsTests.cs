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
}
