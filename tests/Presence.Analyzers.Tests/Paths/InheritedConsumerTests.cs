using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Presence.Analyzers.Tests.Verifiers;
using static Presence.Analyzers.Tests.Verifiers.PathVerifier;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// PRES002 for message consumers and handlers that inherit their generic trigger interface (<c>IConsumer&lt;T&gt;</c>,
/// <c>IHandleMessages&lt;T&gt;</c>) from a shared base class, of this project or another, whose Consume or Handle calls
/// the step the concrete class overrides: reported at that override, like a hosted service's base.
/// </summary>
public class InheritedConsumerTests
{
    private const string Publisher = PathVerifier.MastodonPublisher + """
        public sealed record Announcement(string Text);

        """;

    private static MetadataReference[] Buses => [.. PathVerifier.MessageBuses];

    [Fact]
    public Task A_MassTransit_consumer_whose_generic_base_implements_Consume_is_reported_at_the_override()
        => PathVerifier.VerifyAsync(Publisher + """
            public abstract class PostingConsumerBase<T> : MassTransit.IConsumer<T> where T : class
            {
                public Task Consume(MassTransit.ConsumeContext<T> context) => PostAsync(context.Message, context.CancellationToken);
                protected abstract Task PostAsync(T message, CancellationToken ct);
            }

            public sealed class AnnouncementConsumer(Poster poster) : PostingConsumerBase<Announcement>
            {
                protected override Task {|#0:PostAsync|}(Announcement message, CancellationToken ct) => poster.Post(message.Text);
            }
            """,
            Buses,
            Unattended(0, "AnnouncementConsumer.PostAsync (a MassTransit consumer, run by PostingConsumerBase.Consume)",
                "PostingConsumerBase.Consume → AnnouncementConsumer.PostAsync → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task A_non_generic_base_of_one_message_type_and_a_virtual_step()
        => PathVerifier.VerifyAsync(Publisher + """
            public abstract class AnnouncementConsumerBase : MassTransit.IConsumer<Announcement>
            {
                public Task Consume(MassTransit.ConsumeContext<Announcement> context) => PostAsync(context.Message.Text);
                protected virtual Task PostAsync(string text) => Task.CompletedTask;
            }

            public sealed class TelegramAnnouncementConsumer(Poster poster) : AnnouncementConsumerBase
            {
                protected override Task {|#0:PostAsync|}(string text) => poster.Post(text);
            }
            """,
            Buses,
            Unattended(0, "TelegramAnnouncementConsumer.PostAsync (a MassTransit consumer, run by AnnouncementConsumerBase.Consume)",
                "AnnouncementConsumerBase.Consume → TelegramAnnouncementConsumer.PostAsync → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task A_Rebus_handler_and_a_MassTransit_job_consumer_on_generic_bases()
        => PathVerifier.VerifyAsync(Publisher + """
            public abstract class PostingHandlerBase<T> : Rebus.Handlers.IHandleMessages<T>
            {
                public Task Handle(T message) => PostAsync(message);
                protected abstract Task PostAsync(T message);
            }

            public sealed class AnnouncementHandler(Poster poster) : PostingHandlerBase<Announcement>
            {
                protected override Task {|#0:PostAsync|}(Announcement message) => poster.Post(message.Text);
            }

            public abstract class TracedJobConsumer<T> : MassTransit.IJobConsumer<T> where T : class
            {
                public Task Run(MassTransit.JobContext<T> context) => RunJob(context.Job);
                protected abstract Task RunJob(T job);
            }

            public sealed class AnnouncementJob(Poster poster) : TracedJobConsumer<Announcement>
            {
                protected override Task {|#1:RunJob|}(Announcement job) => poster.Post(job.Text);
            }
            """,
            Buses,
            Unattended(0, "AnnouncementHandler.PostAsync (a Rebus message handler, run by PostingHandlerBase.Handle)",
                "PostingHandlerBase.Handle → AnnouncementHandler.PostAsync → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(1, "AnnouncementJob.RunJob (a MassTransit job consumer, run by TracedJobConsumer.Run)",
                "TracedJobConsumer.Run → AnnouncementJob.RunJob → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task A_consumer_base_in_another_project_and_an_override_that_calls_a_library_publisher()
    {
        var kit = LibraryBuilder.Build("Bus.Kit", """
            namespace Bus.Kit;
            public abstract class PostingConsumerBase<T> : MassTransit.IConsumer<T> where T : class
            {
                public System.Threading.Tasks.Task Consume(MassTransit.ConsumeContext<T> context) => PostAsync(context.Message);
                protected abstract System.Threading.Tasks.Task PostAsync(T message);
            }
            """, PathVerifier.MessageBuses);
        var social = LibraryBuilder.Build("Social", """
            namespace Social;
            public sealed class ChannelPoster(Telegram.Bot.ITelegramBotClient bot)
            {
                public System.Threading.Tasks.Task PostAsync(string text) => Telegram.Bot.TelegramBotClientExtensions.SendMessage(bot, "@acme_news", text);
            }
            """, PathVerifier.Telegram);
        return PathVerifier.VerifyAsync("""
            using System.Threading.Tasks;

            public sealed record Announcement(string Text);

            public sealed class AnnouncementConsumer(Social.ChannelPoster channel) : Bus.Kit.PostingConsumerBase<Announcement>
            {
                protected override Task {|#0:PostAsync|}(Announcement message) => channel.PostAsync(message.Text);
            }

            public abstract class LocalHandlerBase<T> : Rebus.Handlers.IHandleMessages<T>
            {
                public Task Handle(T message) => Send(message);
                protected abstract Task Send(T message);
            }

            public sealed class LocalHandler(Social.ChannelPoster channel) : LocalHandlerBase<Announcement>
            {
                protected override Task {|#1:Send|}(Announcement message) => channel.PostAsync(message.Text);
            }
            """,
            [.. Buses, PathVerifier.Telegram, kit, social],
            Unattended(0, "AnnouncementConsumer.PostAsync (a MassTransit consumer, run by PostingConsumerBase.Consume)",
                "PostingConsumerBase.Consume → AnnouncementConsumer.PostAsync → ChannelPoster.PostAsync → ITelegramBotClient.SendMessage"),
            Unattended(1, "LocalHandler.Send (a Rebus message handler, run by LocalHandlerBase.Handle)",
                "LocalHandlerBase.Handle → LocalHandler.Send → ChannelPoster.PostAsync → ITelegramBotClient.SendMessage"));
    }

    [Fact]
    public Task A_library_consumer_base_that_posts_in_its_own_Consume_is_reported_at_the_concrete_consumer()
    {
        var kit = LibraryBuilder.Build("Bus.Kit", """
            namespace Bus.Kit;
            public abstract class ChannelConsumerBase<T>(Telegram.Bot.ITelegramBotClient bot) : MassTransit.IConsumer<T> where T : class
            {
                protected abstract string Format(T message);

                public async System.Threading.Tasks.Task Consume(MassTransit.ConsumeContext<T> context)
                    => await Telegram.Bot.TelegramBotClientExtensions.SendMessage(bot, "@acme_news", Format(context.Message));
            }

            public abstract class AuditConsumerBase<T> : MassTransit.IConsumer<T> where T : class
            {
                public System.Threading.Tasks.Task Consume(MassTransit.ConsumeContext<T> context) => System.Threading.Tasks.Task.CompletedTask;
            }
            """, [.. PathVerifier.MessageBuses, PathVerifier.Telegram]);
        return PathVerifier.VerifyAsync("""
            public sealed record Announcement(string Text);

            public sealed class {|#0:AnnouncementConsumer|}(Telegram.Bot.ITelegramBotClient bot) : Bus.Kit.ChannelConsumerBase<Announcement>(bot)
            {
                protected override string Format(Announcement message) => message.Text;
            }

            public sealed class AuditConsumer : Bus.Kit.AuditConsumerBase<Announcement>;
            """,
            [.. Buses, PathVerifier.Telegram, kit],
            Unattended(0, "AnnouncementConsumer (a MassTransit consumer, run by ChannelConsumerBase.Consume)", "ChannelConsumerBase.Consume → ITelegramBotClient.SendMessage"));
    }

    [Fact]
    public Task Consumers_on_a_base_that_only_read_post_internally_or_redeem_an_approval_stay_quiet()
        => PathVerifier.VerifyAsync(Publisher + """
            public abstract class ConsumerBase<T> : MassTransit.IConsumer<T> where T : class
            {
                public Task Consume(MassTransit.ConsumeContext<T> context) => Process(context.Message);
                protected abstract Task Process(T message);
            }

            // Reads only.
            public sealed class LoggingConsumer : ConsumerBase<Announcement>
            {
                protected override Task Process(Announcement message) { Console.WriteLine(message.Text); return Task.CompletedTask; }
            }

            // The ops channel, declared internal.
            [PublishesContent("Slack")]
            public interface IOpsAlerts { Task Alert(string text); }

            public sealed class OpsConsumer([InternalAudience("the on-call engineers' private channel")] IOpsAlerts ops) : ConsumerBase<Announcement>
            {
                protected override Task Process(Announcement message) => ops.Alert(message.Text);
            }

            // A recorded approval redeemed before the post, in the base or in the override.
            public interface IApprovals { [HumanConfirmation] Task<bool> RedeemAsync(string text); }

            public abstract class ReviewedHandlerBase<T>(IApprovals approvals) : Rebus.Handlers.IHandleMessages<T>
            {
                public async Task Handle(T message)
                {
                    if (await approvals.RedeemAsync(message!.ToString()!)) await Publish(message);
                }

                protected abstract Task Publish(T message);
            }

            public sealed class ReviewedHandler(IApprovals approvals, Poster poster) : ReviewedHandlerBase<Announcement>(approvals)
            {
                protected override Task Publish(Announcement message) => poster.Post(message.Text);
            }

            public sealed class RedeemingConsumer(IApprovals approvals, Poster poster) : ConsumerBase<Announcement>
            {
                protected override async Task Process(Announcement message)
                {
                    if (await approvals.RedeemAsync(message.Text)) await poster.Post(message.Text);
                }
            }

            // A generic base of the application's own, no trigger.
            public interface IStep<T> { Task Consume(T message); }
            public abstract class StepBase<T> : IStep<T> { public Task Consume(T message) => Run(message); protected abstract Task Run(T message); }
            public sealed class PostingStep(Poster poster) : StepBase<Announcement> { protected override Task Run(Announcement message) => poster.Post(message.Text); }
            """,
            Buses);
}
