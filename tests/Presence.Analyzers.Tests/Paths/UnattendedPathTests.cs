using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Tests.Verifiers;
using static Presence.Analyzers.Tests.Verifiers.PathVerifier;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>PRES002: every kind of unattended entry point, against the real hosting, Quartz, Hangfire and Functions packages.</summary>
public class UnattendedPathTests
{
    internal const string Publisher = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Presence;

        [PublishesContent("Mastodon")]
        public interface IMastodonPublisher { Task PublishStatus(string text); }

        public interface IApprovals { [HumanConfirmation] Task<bool> RedeemAsync(string text); }

        public class Poster
        {
            private readonly IMastodonPublisher _mastodon;
            public Poster(IMastodonPublisher mastodon) => _mastodon = mastodon;
            public Task Post(string text) => {|PRES001:_mastodon.PublishStatus(text)|};
        }

        """;

    private static MetadataReference[] With(params MetadataReference[] references) => references;

    [Fact]
    public Task A_hosted_service_that_posts_every_day_fails_with_the_path()
        => PathVerifier.VerifyAsync(Publisher + """
            class DailyTipWorker(IMastodonPublisher mastodon) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override async Task {|#0:ExecuteAsync|}(CancellationToken ct)
                {
                    while (!ct.IsCancellationRequested)
                    {
                        await mastodon.PublishStatus("Tip of the day: ...");
                        await Task.Delay(TimeSpan.FromDays(1), ct);
                    }
                }
            }
            """,
            PathVerifier.Hosting,
            Unattended(0, "DailyTipWorker.ExecuteAsync (a hosted service)", "DailyTipWorker.ExecuteAsync → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task The_path_is_in_the_message_and_in_the_additional_locations()
        => PathVerifier.VerifyAsync(Publisher + """
            class NightlyJob(Poster poster) : Quartz.IJob
            {
                public async ValueTask {|#0:Execute|}(Quartz.IJobExecutionContext context, CancellationToken cancellationToken)
                    => await {|#1:poster.Post("hi")|};
            }
            """,
            With(PathVerifier.Quartz4),
            PathVerifier.Diagnostic(PresenceDiagnostics.UnattendedPublish)
                .WithLocation(0).WithLocation(1).WithLocation(15, 38)
                .WithArguments("NightlyJob.Execute (a Quartz job)", "NightlyJob.Execute → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task Quartz_3_jobs_are_entry_points_too()
        => PathVerifier.VerifyAsync(Publisher + """
            class NightlyJob(Poster poster) : Quartz.IJob
            {
                public Task {|#0:Execute|}(Quartz.IJobExecutionContext context) => poster.Post("hi");
            }
            """,
            With(PathVerifier.Quartz3),
            Unattended(0, "NightlyJob.Execute (a Quartz job)", "NightlyJob.Execute → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task Hosted_service_start_and_lifecycle_callbacks()
        => PathVerifier.VerifyAsync(Publisher + """
            class Announcer(Poster poster) : Microsoft.Extensions.Hosting.IHostedLifecycleService
            {
                public Task {|#0:StartAsync|}(CancellationToken ct) => poster.Post("starting");
                public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
                public Task StartingAsync(CancellationToken ct) => Task.CompletedTask;
                public Task {|#1:StartedAsync|}(CancellationToken ct) => poster.Post("started");
                public Task StoppingAsync(CancellationToken ct) => Task.CompletedTask;
                public Task StoppedAsync(CancellationToken ct) => Task.CompletedTask;
            }
            """,
            PathVerifier.Hosting,
            Unattended(0, "Announcer.StartAsync (a hosted service)", "Announcer.StartAsync → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(1, "Announcer.StartedAsync (a hosted service)", "Announcer.StartedAsync → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task A_requires_approval_helper_is_a_publish_target_for_the_job()
        => PathVerifier.VerifyAsync(Publisher + """
            class Campaign(IMastodonPublisher mastodon)
            {
                [RequiresHumanApproval]
                public Task Launch(string text) => mastodon.PublishStatus(text);
            }

            class LaunchJob(Campaign campaign) : Quartz.IJob
            {
                public async ValueTask {|#0:Execute|}(Quartz.IJobExecutionContext context, CancellationToken ct) => await campaign.Launch("go");
            }
            """,
            With(PathVerifier.Quartz4),
            Unattended(0, "LaunchJob.Execute (a Quartz job)", "LaunchJob.Execute → Campaign.Launch"));

    [Fact]
    public Task Redeeming_a_recorded_approval_on_the_path_is_clean()
        => PathVerifier.VerifyAsync(Publisher + """
            class ScheduledPost(IApprovals approvals, Poster poster, IMastodonPublisher mastodon) : Quartz.IJob
            {
                public async ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken ct)
                {
                    if (!await approvals.RedeemAsync("spring sale")) return;
                    await mastodon.PublishStatus("spring sale");
                    await poster.Post("spring sale");
                }
            }
            """,
            With(PathVerifier.Quartz4));

    [Fact]
    public Task AutomatedPresence_on_the_entry_point_or_on_the_path_breaks_the_chain()
        => PathVerifier.VerifyAsync(Publisher + """
            class StatusJob(IMastodonPublisher mastodon) : Quartz.IJob
            {
                [AutomatedPresence("Status account labelled as a bot")]
                public async ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken ct) => await mastodon.PublishStatus("up");
            }

            class StatusReporter(IMastodonPublisher mastodon)
            {
                [AutomatedPresence("Status account labelled as a bot")]
                public Task Report() => mastodon.PublishStatus("up");
            }

            class HeartbeatJob(StatusReporter reporter) : Quartz.IJob
            {
                public async ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken ct) => await reporter.Report();
            }
            """,
            With(PathVerifier.Quartz4));

    [Fact]
    public Task Hangfire_job_expressions_are_entry_points()
        => PathVerifier.VerifyAsync("using Hangfire;\n" + Publisher + """
            class Scheduling
            {
                void Register(Poster poster, IRecurringJobManager manager, IBackgroundJobClient client)
                {
                    RecurringJob.AddOrUpdate("daily-tip", () {|#0:=>|} poster.Post("tip"), Cron.Daily());
                    RecurringJob.AddOrUpdate<Poster>("daily-tip-2", p {|#1:=>|} p.Post("tip"), Cron.Daily());
                    BackgroundJob.Enqueue<Poster>(p {|#2:=>|} p.Post("now"));
                    BackgroundJob.Schedule(() {|#3:=>|} poster.Post("later"), TimeSpan.FromHours(1));
                    manager.AddOrUpdate("via-manager", () {|#4:=>|} poster.Post("tip"), Cron.Daily());
                    client.Enqueue(() {|#5:=>|} poster.Post("via client"));
                    RecurringJob.AddOrUpdate("harmless", () => Console.WriteLine("tick"), Cron.Daily());
                }
            }
            """,
            With(PathVerifier.Hangfire),
            Unattended(0, "the recurring Hangfire job in Scheduling.Register", "recurring Hangfire job → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(1, "the recurring Hangfire job in Scheduling.Register", "recurring Hangfire job → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(2, "the Hangfire job in Scheduling.Register", "Hangfire job → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(3, "the Hangfire job in Scheduling.Register", "Hangfire job → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(4, "the recurring Hangfire job in Scheduling.Register", "recurring Hangfire job → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(5, "the Hangfire job in Scheduling.Register", "Hangfire job → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task A_job_scheduled_from_inside_a_lambda_is_named_after_the_member_around_it()
        => PathVerifier.VerifyAsync("using Hangfire;\n" + Publisher + """
            class Admin
            {
                public Func<Task> Map(Poster poster, IBackgroundJobClient jobs)
                    => () =>
                    {
                        jobs.Schedule(() {|#0:=>|} poster.Post("announcement"), TimeSpan.FromHours(1));
                        return Task.CompletedTask;
                    };
            }
            """,
            With(PathVerifier.Hangfire),
            Unattended(0, "the Hangfire job in a lambda in Admin.Map", "Hangfire job → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task A_Hangfire_job_expression_on_a_job_class_follows_that_class_s_overrides_only()
        => PathVerifier.VerifyAsync("using Hangfire;\n" + Publisher + """
            public abstract class JobBase
            {
                public abstract Task Run();
            }

            public class CleanupJob : JobBase
            {
                public override Task Run() => Task.CompletedTask;
            }

            public class TipJob(Poster poster) : JobBase
            {
                public override Task Run() => poster.Post("tip");
            }

            class Scheduling
            {
                void Register()
                {
                    // Hangfire activates CleanupJob itself: TipJob's override never runs here.
                    RecurringJob.AddOrUpdate<CleanupJob>("cleanup", job => job.Run(), Cron.Daily());
                    RecurringJob.AddOrUpdate<TipJob>("tip", job {|#0:=>|} job.Run(), Cron.Daily());
                    // Any job class may be registered for the base: every override counts.
                    RecurringJob.AddOrUpdate<JobBase>("any", job {|#1:=>|} job.Run(), Cron.Daily());
                }
            }
            """,
            With(PathVerifier.Hangfire),
            Unattended(0, "the recurring Hangfire job in Scheduling.Register", "recurring Hangfire job → TipJob.Run → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(1, "the recurring Hangfire job in Scheduling.Register", "recurring Hangfire job → TipJob.Run → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task A_hosted_service_that_starts_a_posting_timer_is_reported_once_at_the_callback()
        => PathVerifier.VerifyAsync(Publisher + """
            class PhotoOfTheDay(Poster poster) : Microsoft.Extensions.Hosting.IHostedService
            {
                private Timer? _timer;

                public Task StartAsync(CancellationToken ct)
                {
                    _timer = new Timer(DoWork, null, TimeSpan.Zero, TimeSpan.FromDays(1));
                    return Task.CompletedTask;
                }

                private void {|#0:DoWork|}(object? state) => poster.Post("photo of the day");

                public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
            }

            class Greeter(Poster poster, IMastodonPublisher mastodon) : Microsoft.Extensions.Hosting.IHostedService
            {
                private Timer? _timer;

                public async Task {|#1:StartAsync|}(CancellationToken ct)
                {
                    _timer = new Timer(Remind, null, TimeSpan.Zero, TimeSpan.FromDays(1));
                    await mastodon.PublishStatus("we are back");
                }

                private void {|#2:Remind|}(object? state) => poster.Post("reminder");

                public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
            }
            """,
            With(PathVerifier.Hosting),
            Unattended(0, "PhotoOfTheDay.DoWork (a timer callback)", "PhotoOfTheDay.DoWork → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(1, "Greeter.StartAsync (a hosted service)", "Greeter.StartAsync → IMastodonPublisher.PublishStatus"),
            Unattended(2, "Greeter.Remind (a timer callback)", "Greeter.Remind → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task Quartz_typed_jobs_and_Coravel_invocables_and_scheduled_tasks_run_with_nobody_present()
        => PathVerifier.VerifyAsync(Publisher + """
            public sealed record Reminder(string Text);

            class ReminderJob(Poster poster) : Quartz.IJob<Reminder>
            {
                public async ValueTask {|#0:Execute|}(Quartz.IJobExecutionContext context, Reminder input, CancellationToken ct = default) => await poster.Post(input.Text);
            }

            class WeeklyStats(Poster poster) : Coravel.Invocable.IInvocable
            {
                public Task {|#1:Invoke|}() => poster.Post("weekly stats");
            }

            class Scheduling(Poster poster)
            {
                public void Configure(Coravel.Scheduling.Schedule.Interfaces.IScheduler scheduler, Coravel.Queuing.Interfaces.IQueue queue)
                {
                    scheduler.Schedule<WeeklyStats>().Weekly();
                    scheduler.ScheduleAsync(async () {|#2:=>|} await poster.Post("good morning")).DailyAtHour(7);
                    queue.QueueAsyncTask(async () {|#3:=>|} await poster.Post("queued"));
                    scheduler.Schedule(() => Console.WriteLine("tick")).EveryMinute();
                }
            }

            // A class with a method named Invoke that Coravel does not run.
            class Command(Poster poster)
            {
                public Task Invoke() => poster.Post("asked for");
            }
            """,
            With(PathVerifier.Quartz4, PathVerifier.Coravel),
            Unattended(0, "ReminderJob.Execute (a Quartz job)", "ReminderJob.Execute → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(1, "WeeklyStats.Invoke (a Coravel invocable)", "WeeklyStats.Invoke → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(2, "the scheduled Coravel task in Scheduling.Configure", "scheduled Coravel task → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(3, "the queued Coravel task in Scheduling.Configure", "queued Coravel task → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task A_publish_in_a_periodic_timer_loop_is_reported_once_at_the_loop()
        => PathVerifier.VerifyAsync(Publisher + """
            class NewsPump(IMastodonPublisher mastodon)
            {
                public async Task {|#0:RunAsync|}(CancellationToken ct)
                {
                    using var timer = new PeriodicTimer(TimeSpan.FromMinutes(5));
                    while (await timer.WaitForNextTickAsync(ct))
                    {
                        await mastodon.PublishStatus("tick");
                    }
                }
            }
            """,
            [],
            Unattended(0, "NewsPump.RunAsync (a periodic timer loop)", "NewsPump.RunAsync → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task Shutdown_hooks_lifetime_callbacks_file_watchers_and_testable_timers_run_with_nobody_present()
        => PathVerifier.VerifyAsync(Publisher + """
            class Farewell(Poster poster) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override Task ExecuteAsync(CancellationToken ct) => Task.CompletedTask;
                public override async Task {|#0:StopAsync|}(CancellationToken ct) { await poster.Post("Going offline for maintenance"); await base.StopAsync(ct); }
            }

            class Goodbye(Poster poster) : Microsoft.Extensions.Hosting.IHostedService
            {
                public Task StartAsync(CancellationToken ct) => Task.CompletedTask;
                Task Microsoft.Extensions.Hosting.IHostedService.{|#1:StopAsync|}(CancellationToken ct) => poster.Post("bye");
            }

            class Wiring(Poster poster, TimeProvider time, Microsoft.Extensions.Hosting.IHostApplicationLifetime lifetime)
            {
                private ITimer? _timer;

                public void Start(CancellationToken ct)
                {
                    _timer = time.CreateTimer(_ {|#2:=>|} poster.Post("tick").Wait(), null, TimeSpan.Zero, TimeSpan.FromHours(1));
                    lifetime.ApplicationStarted.Register(() {|#3:=>|} poster.Post("we're live").Wait());
                    var watcher = new System.IO.FileSystemWatcher("/srv/photos");
                    watcher.Created += (_, e) {|#4:=>|} poster.Post("new photo: " + e.Name).Wait();

                    // Cancellation of one request, and an event of the application's own: nothing runs unattended.
                    ct.Register(() => poster.Post("cancelled").Wait());
                    var album = new Album();
                    album.Created += (_, name) => poster.Post(name).Wait();
                }
            }

            class Album { public event EventHandler<string>? Created; }
            """,
            PathVerifier.Hosting,
            Unattended(0, "Farewell.StopAsync (a hosted service)", "Farewell.StopAsync → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(1, "Goodbye.Microsoft.Extensions.Hosting.IHostedService.StopAsync (a hosted service)", "Goodbye.Microsoft.Extensions.Hosting.IHostedService.StopAsync → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(2, "the timer callback in Wiring.Start", "timer callback → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(3, "the application lifetime callback in Wiring.Start", "application lifetime callback → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(4, "the file watcher handler in Wiring.Start", "file watcher handler → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task A_hangfire_job_built_with_FromExpression_and_a_task_marked_on_its_interface_run_with_nobody_present()
        => PathVerifier.VerifyAsync(Publisher + """
            public class DigestJob(Poster poster) { public Task RunAsync() => poster.Post("digest"); }

            class Registry
            {
                public void Register(Hangfire.IRecurringJobManager manager)
                    => manager.AddOrUpdate("digest", Hangfire.Common.Job.FromExpression<DigestJob>(j {|#0:=>|} j.RunAsync()), Hangfire.Cron.Daily(), new Hangfire.RecurringJobOptions());
            }

            public interface IScheduledTask { [UnattendedEntryPoint] Task RunAsync(CancellationToken ct); }

            public sealed class PromoTask(Poster poster) : IScheduledTask
            {
                public Task {|#1:RunAsync|}(CancellationToken ct) => poster.Post("Lunch deal");
            }
            """,
            With(PathVerifier.Hangfire),
            Unattended(0, "the Hangfire job in Registry.Register", "Hangfire job → DigestJob.RunAsync → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(1, "PromoTask.RunAsync (an unattended entry point)", "PromoTask.RunAsync → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task A_call_of_a_partial_method_goes_on_into_its_implementation()
        => PathVerifier.VerifyAsync(Publisher + """
            public sealed partial class DigestWorker(Poster poster) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override Task {|#0:ExecuteAsync|}(CancellationToken ct) { OnTick(); return SendDigestAsync("daily digest"); }
                private partial Task SendDigestAsync(string text);
                partial void OnTick();
            }

            public sealed partial class DigestWorker
            {
                private partial Task SendDigestAsync(string text) => poster.Post(text);
            }
            """,
            PathVerifier.Hosting,
            Unattended(0, "DigestWorker.ExecuteAsync (a hosted service)", "DigestWorker.ExecuteAsync → DigestWorker.SendDigestAsync → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task Message_consumers_run_for_whatever_reaches_their_queue()
        => PathVerifier.VerifyAsync(Publisher + """
            public sealed record Announcement(string Text);

            class AnnouncementConsumer(Poster poster) : MassTransit.IConsumer<Announcement>
            {
                public Task {|#0:Consume|}(MassTransit.ConsumeContext<Announcement> context) => poster.Post(context.Message.Text);
            }

            class AnnouncementJob(Poster poster) : MassTransit.IJobConsumer<Announcement>
            {
                public Task {|#1:Run|}(MassTransit.JobContext<Announcement> context) => poster.Post(context.Job.Text);
            }

            class AnnouncementHandler(Poster poster) : Rebus.Handlers.IHandleMessages<Announcement>
            {
                public Task {|#2:Handle|}(Announcement message) => poster.Post(message.Text);
            }

            class QueueListener(Poster poster, RabbitMQ.Client.IChannel channel, Azure.Messaging.ServiceBus.ServiceBusProcessor processor)
            {
                public void Listen()
                {
                    var consumer = new RabbitMQ.Client.Events.AsyncEventingBasicConsumer(channel);
                    consumer.ReceivedAsync += async (_, delivery) {|#3:=>|} await poster.Post(System.Text.Encoding.UTF8.GetString(delivery.Body.Span));
                    processor.ProcessMessageAsync += OnMessage;
                }

                private Task {|#4:OnMessage|}(Azure.Messaging.ServiceBus.ProcessMessageEventArgs args) => poster.Post(args.Message.Body.ToString());
            }

            class DeliveryConsumer(RabbitMQ.Client.IChannel channel, Poster poster) : RabbitMQ.Client.AsyncDefaultBasicConsumer(channel)
            {
                public override Task {|#5:HandleBasicDeliverAsync|}(string consumerTag, ulong deliveryTag, bool redelivered, string exchange, string routingKey,
                    RabbitMQ.Client.IReadOnlyBasicProperties properties, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
                    => poster.Post(System.Text.Encoding.UTF8.GetString(body.Span));
            }

            class CapSubscriber(Poster poster) : DotNetCore.CAP.ICapSubscribe
            {
                [DotNetCore.CAP.CapSubscribe("announcements")]
                public Task {|#6:OnAnnouncement|}(Announcement announcement) => poster.Post(announcement.Text);
            }

            // A consumer that redeems the approval its message refers to.
            class ApprovedAnnouncementConsumer(Poster poster, IApprovals approvals) : MassTransit.IConsumer<Announcement>
            {
                public async Task Consume(MassTransit.ConsumeContext<Announcement> context)
                {
                    if (await approvals.RedeemAsync(context.Message.Text))
                    {
                        await poster.Post(context.Message.Text);
                    }
                }
            }

            // Consumers that publish nothing; a Consume and an event of the application's own.
            class AuditConsumer : MassTransit.IConsumer<Announcement>, Rebus.Handlers.IHandleMessages<Announcement>
            {
                public Task Consume(MassTransit.ConsumeContext<Announcement> context) { Console.WriteLine(context.Message.Text); return Task.CompletedTask; }
                public Task Handle(Announcement message) { Console.WriteLine(message.Text); return Task.CompletedTask; }
            }

            // NServiceBus is not served here: its handler interface, as NServiceBus 9 declares it.
            namespace NServiceBus
            {
                public interface IMessageHandlerContext { }
                public interface IHandleMessages<T> { Task Handle(T message, IMessageHandlerContext context); }
            }

            class NServiceBusHandler(Poster poster) : NServiceBus.IHandleMessages<Announcement>
            {
                public Task {|#7:Handle|}(Announcement message, NServiceBus.IMessageHandlerContext context) => poster.Post(message.Text);
            }

            class Inbox(Poster poster)
            {
                public event Func<string, Task>? ProcessMessageAsync;
                public Task Consume(string text) => poster.Post(text);
                public void Wire() => ProcessMessageAsync += text => poster.Post(text);
            }
            """,
            With(PathVerifier.MessageBuses),
            Unattended(0, "AnnouncementConsumer.Consume (a MassTransit consumer)", "AnnouncementConsumer.Consume → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(1, "AnnouncementJob.Run (a MassTransit job consumer)", "AnnouncementJob.Run → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(2, "AnnouncementHandler.Handle (a Rebus message handler)", "AnnouncementHandler.Handle → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(3, "the RabbitMQ consumer in QueueListener.Listen", "RabbitMQ consumer → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(4, "QueueListener.OnMessage (a Service Bus message handler)", "QueueListener.OnMessage → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(5, "DeliveryConsumer.HandleBasicDeliverAsync (a RabbitMQ consumer)", "DeliveryConsumer.HandleBasicDeliverAsync → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(6, "CapSubscriber.OnAnnouncement (a CAP subscriber)", "CapSubscriber.OnAnnouncement → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(7, "NServiceBusHandler.Handle (an NServiceBus message handler)", "NServiceBusHandler.Handle → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task A_timer_created_in_a_field_initializer_is_named_after_the_field()
        => PathVerifier.VerifyAsync(Publisher + """
            class TimerHost(Poster poster)
            {
                private readonly Timer _timer = new(_ {|#0:=>|} poster.Post("tick"), null, TimeSpan.Zero, TimeSpan.FromHours(1));
            }
            """,
            [],
            Unattended(0, "the timer callback in the initializer of TimerHost._timer", "timer callback → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task Timer_callbacks_and_periodic_timer_loops()
        => PathVerifier.VerifyAsync(Publisher + """
            class Timers(Poster poster)
            {
                private Timer? _timer;
                private System.Timers.Timer? _legacy;

                public void Start()
                {
                    _timer = new Timer(_ {|#0:=>|} poster.Post("tick"), null, TimeSpan.Zero, TimeSpan.FromHours(1));
                    _legacy = new System.Timers.Timer(60_000);
                    _legacy.Elapsed += OnElapsed;
                }

                private void {|#1:OnElapsed|}(object? sender, System.Timers.ElapsedEventArgs e) => poster.Post("elapsed");

                public async Task {|#2:RunAsync|}(CancellationToken ct)
                {
                    using var timer = new PeriodicTimer(TimeSpan.FromMinutes(5));
                    while (await timer.WaitForNextTickAsync(ct))
                    {
                        await poster.Post("every five minutes");
                    }
                }
            }
            """,
            [],
            Unattended(0, "the timer callback in Timers.Start", "timer callback → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(1, "Timers.OnElapsed (a timer callback)", "Timers.OnElapsed → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(2, "Timers.RunAsync (a periodic timer loop)", "Timers.RunAsync → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task Azure_Functions_triggers_in_both_models_and_marked_methods()
        => PathVerifier.VerifyAsync(Publisher + """
            class Functions(Poster poster)
            {
                [Microsoft.Azure.Functions.Worker.Function("DailyTip")]
                public Task {|#0:Isolated|}([Microsoft.Azure.Functions.Worker.TimerTrigger("0 0 9 * * *")] Microsoft.Azure.Functions.Worker.TimerInfo timer) => poster.Post("tip");

                [Microsoft.Azure.Functions.Worker.Function("FromQueue")]
                public Task {|#1:Queued|}([Microsoft.Azure.Functions.Worker.QueueTrigger("posts")] string text) => poster.Post(text);

                [Microsoft.Azure.WebJobs.FunctionName("InProcess")]
                public Task {|#2:InProcess|}([Microsoft.Azure.WebJobs.TimerTrigger("0 0 9 * * *")] Microsoft.Azure.WebJobs.TimerInfo timer) => poster.Post("tip");

                [UnattendedEntryPoint]
                public Task {|#3:FromOurScheduler|}() => poster.Post("tip");

                public Task FromAButton() => poster.Post("clicked by a person");
            }
            """,
            PathVerifier.AzureFunctions,
            Unattended(0, "Functions.Isolated (a timer-triggered function)", "Functions.Isolated → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(1, "Functions.Queued (a queue-triggered function)", "Functions.Queued → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(2, "Functions.InProcess (a timer-triggered function)", "Functions.InProcess → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(3, "Functions.FromOurScheduler (an unattended entry point)", "Functions.FromOurScheduler → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task Calls_through_interfaces_reach_their_implementations_in_the_compilation()
        => PathVerifier.VerifyAsync(Publisher + """
            public interface IDigest { Task Send(); }
            public class EmailDigest : IDigest { public Task Send() => Task.CompletedTask; }
            public class SocialDigest(Poster poster) : IDigest { public Task Send() => poster.Post("digest"); }

            class DigestJob(IDigest digest) : Quartz.IJob
            {
                public async ValueTask {|#0:Execute|}(Quartz.IJobExecutionContext context, CancellationToken ct) => await digest.Send();
            }
            """,
            With(PathVerifier.Quartz4),
            Unattended(0, "DigestJob.Execute (a Quartz job)", "DigestJob.Execute → SocialDigest.Send → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task Recursion_and_lambdas_on_the_path()
        => PathVerifier.VerifyAsync(Publisher + """
            class Crawler(Poster poster)
            {
                public async Task Visit(int depth)
                {
                    if (depth > 3) { await poster.Post("done"); return; }
                    await Task.Run(() => Visit(depth + 1));
                }
            }

            class CrawlJob(Crawler crawler) : Quartz.IJob
            {
                public async ValueTask {|#0:Execute|}(Quartz.IJobExecutionContext context, CancellationToken ct) => await crawler.Visit(0);
            }
            """,
            With(PathVerifier.Quartz4),
            Unattended(0, "CrawlJob.Execute (a Quartz job)", "CrawlJob.Execute → Crawler.Visit → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task A_publish_reachable_from_a_person_and_from_a_job_is_reported_for_the_job_only()
        => PathVerifier.VerifyAsync(Publisher + """
            class Commands(Poster poster)
            {
                public Task OnPostButton(string text) => poster.Post(text);
            }

            class Job(Poster poster) : Quartz.IJob
            {
                public async ValueTask {|#0:Execute|}(Quartz.IJobExecutionContext context, CancellationToken ct) => await poster.Post("auto");
            }
            """,
            With(PathVerifier.Quartz4),
            Unattended(0, "Job.Execute (a Quartz job)", "Job.Execute → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task Paths_longer_than_the_configured_depth_are_not_followed()
    {
        const string Chain = """
            class A(B b) { public Task Run() => b.Run(); }
            class B(Poster poster) { public Task Run() => poster.Post("deep"); }

            class Job(A a) : Quartz.IJob
            {
                public async ValueTask {|#0:Execute|}(Quartz.IJobExecutionContext context, CancellationToken ct) => await a.Run();
            }
            """;
        return Task.WhenAll(
            PathVerifier.VerifyAsync(Publisher + Chain, With(PathVerifier.Quartz4), "presence_max_path_depth = 2"),
            PathVerifier.VerifyAsync(Publisher + Chain, With(PathVerifier.Quartz4), "presence_max_path_depth = 3",
                Unattended(0, "Job.Execute (a Quartz job)", "Job.Execute → A.Run → B.Run → Poster.Post → IMastodonPublisher.PublishStatus")));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("two")]
    public Task An_unreadable_depth_keeps_the_default_and_is_reported_as_PRES100_elsewhere(string depth)
        => PathVerifier.VerifyAsync(Publisher + """
            class A(Poster poster) { public Task Run() => poster.Post("deep"); }

            class Job(A a) : Quartz.IJob
            {
                public async ValueTask {|#0:Execute|}(Quartz.IJobExecutionContext context, CancellationToken ct) => await a.Run();
            }
            """,
            With(PathVerifier.Quartz4),
            "presence_max_path_depth = " + depth,
            Unattended(0, "Job.Execute (a Quartz job)", "Job.Execute → A.Run → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task One_error_per_entry_point_with_the_shortest_path_and_the_count_of_other_targets()
        => PathVerifier.VerifyAsync(Publisher + """
            [PublishesContent("Bluesky")]
            public interface IBlueskyPublisher { Task CreatePost(string text); }

            public class Fanout(Poster poster, IBlueskyPublisher bluesky)
            {
                public async Task Everywhere(string text, bool mode)
                {
                    if (mode) await poster.Post(text);
                    await {|PRES001:bluesky.CreatePost(text)|};
                }
            }

            class Job(Fanout fanout, IMastodonPublisher mastodon) : Quartz.IJob
            {
                public async ValueTask {|#0:Execute|}(Quartz.IJobExecutionContext context, CancellationToken ct)
                {
                    await fanout.Everywhere("twice", false);
                    await mastodon.PublishStatus("direct");
                }
            }
            """,
            With(PathVerifier.Quartz4),
            Unattended(0, "Job.Execute (a Quartz job)", "Job.Execute → IMastodonPublisher.PublishStatus and 1 more publish target"));

    [Fact]
    public Task Each_entry_point_gets_its_own_error()
        => PathVerifier.VerifyAsync(Publisher + """
            class Job(Poster poster) : Quartz.IJob
            {
                public ValueTask {|#0:Execute|}(Quartz.IJobExecutionContext context, CancellationToken ct) => new(poster.Post("a"));
            }

            class OtherJob(Poster poster) : Quartz.IJob
            {
                public ValueTask {|#1:Execute|}(Quartz.IJobExecutionContext context, CancellationToken ct) => new(poster.Post("b"));
            }
            """,
            With(PathVerifier.Quartz4),
            Unattended(0, "Job.Execute (a Quartz job)", "Job.Execute → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(1, "OtherJob.Execute (a Quartz job)", "OtherJob.Execute → Poster.Post → IMastodonPublisher.PublishStatus"));
}
