using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Tests.Verifiers;
using static Presence.Analyzers.Tests.Verifiers.PathVerifier;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// PRES002 for jobs that inherit their trigger from a base class (of the same project or another): reported on the
/// concrete job, at its override on the path, or at the class when the path passes through none.
/// </summary>
public class InheritedTriggerTests
{
    private const string Publisher = PathVerifier.MastodonPublisher;

    /// <summary>Another project's assembly, compiled here and referenced as metadata, as a ProjectReference is.</summary>
    private static MetadataReference Library(string source, params MetadataReference[] references)
    {
        var compilation = CSharpCompilation.Create(
            "Jobs.Core",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            TestReferences.Framework.AddRange(references),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    [Fact]
    public Task A_Quartz_job_that_overrides_its_base_s_abstract_step_is_reported_at_the_override()
        => PathVerifier.VerifyAsync(Publisher + """
            public abstract class JobBase : Quartz.IJob
            {
                public async ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken ct)
                {
                    Console.WriteLine("starting " + GetType().Name);
                    await Run(ct);
                }

                protected abstract Task Run(CancellationToken ct);
            }

            class NightlyJob(Poster poster) : JobBase
            {
                protected override Task {|#0:Run|}(CancellationToken ct) => poster.Post("nightly");
            }

            class CleanupJob : JobBase
            {
                protected override Task Run(CancellationToken ct) => Task.CompletedTask;
            }
            """,
            [PathVerifier.Quartz4],
            Unattended(0, "NightlyJob.Run (a Quartz job, run by JobBase.Execute)", "JobBase.Execute → NightlyJob.Run → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task A_job_that_overrides_nothing_is_reported_at_its_class()
        => PathVerifier.VerifyAsync(Publisher + """
            public abstract class PostingJob(IMastodonPublisher mastodon, string text) : Quartz.IJob
            {
                public Task Execute(Quartz.IJobExecutionContext context) => {|PRES001:mastodon.PublishStatus(text)|};
            }

            class {|#0:TipJob|}(IMastodonPublisher mastodon) : PostingJob(mastodon, "Tip of the day");
            """,
            [PathVerifier.Quartz3],
            Unattended(0, "TipJob (a Quartz job, run by PostingJob.Execute)", "PostingJob.Execute → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task A_hosted_service_whose_base_lives_in_another_project()
    {
        var core = Library("""
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
                protected virtual string Name => GetType().Name;
            }
            """, PathVerifier.Hosting);
        return PathVerifier.VerifyAsync(Publisher + """
            class TipWorker(Poster poster) : Jobs.Core.LoopingWorker
            {
                protected override Task {|#0:RunOnce|}(CancellationToken ct) => poster.Post("tip");
            }

            class HealthWorker : Jobs.Core.LoopingWorker
            {
                protected override Task RunOnce(CancellationToken ct) => Task.CompletedTask;
            }
            """,
            [.. PathVerifier.Hosting, core],
            Unattended(0, "TipWorker.RunOnce (a hosted service, run by LoopingWorker.ExecuteAsync)", "LoopingWorker.ExecuteAsync → TipWorker.RunOnce → Poster.Post → IMastodonPublisher.PublishStatus"));
    }

    [Fact]
    public Task A_Quartz_job_base_in_another_project()
    {
        var core = Library("""
            namespace Jobs.Core;
            public abstract class TracedJob : Quartz.IJob
            {
                public System.Threading.Tasks.ValueTask Execute(Quartz.IJobExecutionContext context, System.Threading.CancellationToken ct) => Run(ct);
                protected abstract System.Threading.Tasks.ValueTask Run(System.Threading.CancellationToken ct);
            }
            """, PathVerifier.Quartz4);
        return PathVerifier.VerifyAsync(Publisher + """
            class DigestJob(Poster poster) : Jobs.Core.TracedJob
            {
                protected override async ValueTask {|#0:Run|}(CancellationToken ct) => await poster.Post("digest");
            }
            """,
            [PathVerifier.Quartz4, core],
            Unattended(0, "DigestJob.Run (a Quartz job, run by TracedJob.Execute)", "TracedJob.Execute → DigestJob.Run → Poster.Post → IMastodonPublisher.PublishStatus"));
    }

    [Fact]
    public Task A_Quartz_job_base_in_another_project_that_posts_in_its_own_Execute()
    {
        var kit = LibraryBuilder.Build("JobKit", """
            namespace JobKit;
            public abstract class ChannelPostJob(Telegram.Bot.ITelegramBotClient bot) : Quartz.IJob
            {
                protected abstract System.Threading.Tasks.Task<string?> BuildPostAsync(System.Threading.CancellationToken ct);

                public async System.Threading.Tasks.ValueTask Execute(Quartz.IJobExecutionContext context, System.Threading.CancellationToken ct)
                {
                    var text = await BuildPostAsync(ct);
                    if (text is not null)
                    {
                        await Telegram.Bot.TelegramBotClientExtensions.SendMessage(bot, "@news", text, cancellationToken: ct);
                    }
                }
            }

            public abstract class QuietJob : Quartz.IJob
            {
                public System.Threading.Tasks.ValueTask Execute(Quartz.IJobExecutionContext context, System.Threading.CancellationToken ct) => default;
            }
            """, PathVerifier.Quartz4, PathVerifier.Telegram);
        return PathVerifier.VerifyAsync("""
            using System.Threading;
            using System.Threading.Tasks;

            class {|#0:WeatherJob|}(Telegram.Bot.ITelegramBotClient bot) : JobKit.ChannelPostJob(bot)
            {
                protected override Task<string?> BuildPostAsync(CancellationToken ct) => Task.FromResult<string?>("Sunny all day");
            }

            class CleanupJob : JobKit.QuietJob;
            """,
            [PathVerifier.Quartz4, PathVerifier.Telegram, kit],
            Unattended(0, "WeatherJob (a Quartz job, run by ChannelPostJob.Execute)", "ChannelPostJob.Execute → ITelegramBotClient.SendMessage"));
    }

    [Fact]
    public Task A_Hangfire_job_base_class_marked_by_its_filters()
        => PathVerifier.VerifyAsync("using Hangfire;\n" + Publisher + """
            public abstract class RecurringJobBase
            {
                [AutomaticRetry(Attempts = 0)]
                public async Task Perform() => await Work();

                protected abstract Task Work();
            }

            class WeeklyDigest(Poster poster) : RecurringJobBase
            {
                protected override Task {|#0:Work|}() => poster.Post("weekly digest");
            }

            class Reindex : RecurringJobBase
            {
                protected override Task Work() => Task.CompletedTask;
            }

            class StandaloneJob(Poster poster)
            {
                [Queue("social")]
                public Task {|#1:Send|}(string note) => poster.Post("queued: " + note);
            }

            """,
            [PathVerifier.Hangfire],
            Unattended(0, "WeeklyDigest.Work (a Hangfire job, run by RecurringJobBase.Perform)", "RecurringJobBase.Perform → WeeklyDigest.Work → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(1, "StandaloneJob.Send (a Hangfire job)", "StandaloneJob.Send → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task Look_alikes_stay_clean()
        => PathVerifier.VerifyAsync(Publisher + """
            // A plain class hierarchy is no trigger, whatever its overrides do.
            public abstract class Formatter
            {
                public Task Render() => Write();
                protected abstract Task Write();
            }

            class PostingFormatter(Poster poster) : Formatter
            {
                protected override Task Write() => poster.Post("formatted");
            }

            // A job whose base asks a person before the step that posts.
            public interface IApprovals { [HumanConfirmation] Task<bool> RedeemAsync(string text); }

            public abstract class ReviewedJob(IApprovals approvals) : Quartz.IJob
            {
                public async ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken ct)
                {
                    if (await approvals.RedeemAsync(Draft())) await Publish();
                }

                protected abstract string Draft();
                protected abstract Task Publish();
            }

            class ReviewedTip(IApprovals approvals, Poster poster) : ReviewedJob(approvals)
            {
                protected override string Draft() => "tip";
                protected override Task Publish() => poster.Post("tip");
            }
            """,
            [PathVerifier.Quartz4]);
}
