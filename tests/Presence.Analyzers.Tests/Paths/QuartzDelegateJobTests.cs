using System.Threading.Tasks;
using Presence.Analyzers.Tests.Verifiers;
using static Presence.Analyzers.Tests.Verifiers.PathVerifier;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// Quartz 4's delegate jobs (<c>q.ScheduleJob(name, handler, trigger)</c>, <c>q.AddJob(name, handler, configure)</c>) run
/// on Quartz's scheduler with nobody present, like an <c>IJob</c>; a delegate the configuration only keeps is not.
/// </summary>
public class QuartzDelegateJobTests
{
    [Fact]
    public Task A_delegate_job_that_posts_is_unattended_and_an_ordinary_lambda_beside_it_is_not()
        => PathVerifier.VerifyAsync("using Quartz;\n" + MastodonPublisher + """
            public static class Jobs
            {
                public static void Configure(IQuartzBuilder q, Poster poster)
                {
                    q.ScheduleJob("monday-hello", async () {|#0:=>|} await poster.Post("Good morning, it's Monday!"), t => t.WithCronSchedule("0 0 8 ? * MON"));
                    q.AddJob("friday-promo", Promo.PostAsync, j => j.StoreDurably());
                    q.ScheduleJob("tidy", () => System.Console.WriteLine("tidy"), t => t.WithCronSchedule("0 0 3 * * ?"));
                    System.Func<Task> later = () => poster.Post("not scheduled");
                }
            }

            public static class Promo
            {
                public static Task {|#1:PostAsync|}(IMastodonPublisher mastodon) => {|PRES001:mastodon.PublishStatus("Friday promo!")|};
            }
            """,
            [.. PathVerifier.Hosting, PathVerifier.Quartz4],
            Unattended(0, "the Quartz job in Jobs.Configure", "Quartz job → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(1, "Promo.PostAsync (a Quartz job)", "Promo.PostAsync → IMastodonPublisher.PublishStatus"));
}
