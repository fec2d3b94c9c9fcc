using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Presence.Analyzers.Tests.Verifiers;
using static Presence.Analyzers.Tests.Verifiers.PathVerifier;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// PRES002 for message handlers written as lambdas where a bus is configured (Rebus's <c>BuiltinHandlerActivator.Handle</c>,
/// MassTransit's <c>Handler&lt;T&gt;</c> on a receive endpoint), for a MassTransit state machine's <c>Then</c>/<c>ThenAsync</c>
/// callbacks, which run for each message of their event, and for the Durable Task SDK's class-based activities.
/// </summary>
public class MessageHandlerRegistrationTests
{
    private const string Publisher = "using MassTransit;\n" + PathVerifier.MastodonPublisher + """
        public sealed record Announcement(Guid Id, string Text);

        """;

    private static MetadataReference[] Buses => PathVerifier.MassTransit;

    [Fact]
    public Task Rebus_handlers_given_to_the_builtin_activator_are_reported_at_the_lambda()
        => PathVerifier.VerifyAsync(Publisher + """
            public static class Buses
            {
                public static IDisposable StartRebus(Poster poster)
                {
                    var activator = new Rebus.Activation.BuiltinHandlerActivator();
                    activator.Handle<Announcement>(async m {|#0:=>|} await poster.Post(m.Text));
                    activator.Handle<Announcement>((bus, m) {|#1:=>|} poster.Post(m.Text));
                    activator.Handle<Announcement>(async (bus, context, m) {|#2:=>|}
                    {
                        Console.WriteLine(context.Headers.Count);
                        await poster.Post(m.Text);
                    });
                    return activator;
                }
            }
            """,
            Buses,
            Unattended(0, "the Rebus message handler in Buses.StartRebus", "Rebus message handler → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(1, "the Rebus message handler in Buses.StartRebus", "Rebus message handler → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(2, "the Rebus message handler in Buses.StartRebus", "Rebus message handler → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task A_MassTransit_handler_on_a_receive_endpoint_is_reported_at_the_lambda()
        => PathVerifier.VerifyAsync(Publisher + """
            public static class Buses
            {
                public static void Configure(MassTransit.IReceiveEndpointConfigurator e, Poster poster)
                    => MassTransit.HandlerExtensions.Handler<Announcement>(e, c {|#0:=>|} poster.Post(c.Message.Text));

                public static void AddBus(MassTransit.IInMemoryBusFactoryConfigurator cfg, Poster poster)
                    => cfg.ReceiveEndpoint("announcements", e => e.Handler<Announcement>(async c {|#1:=>|} await poster.Post(c.Message.Text)));
            }
            """,
            Buses,
            Unattended(0, "the MassTransit message handler in Buses.Configure", "MassTransit message handler → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(1, "the MassTransit message handler in a lambda in Buses.AddBus", "MassTransit message handler → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task A_state_machine_s_Then_callbacks_run_for_each_message_not_in_the_constructor()
        => PathVerifier.VerifyAsync(Publisher + """
            public interface IApprovals { [HumanConfirmation] bool Confirm(string what); }

            public sealed class PostState : MassTransit.SagaStateMachineInstance
            {
                public Guid CorrelationId { get; set; }
                public string CurrentState { get; set; } = "";
            }

            public sealed class PostStateMachine : MassTransit.MassTransitStateMachine<PostState>
            {
                public MassTransit.State Done { get; private set; } = null!;
                public MassTransit.Event<Announcement> Received { get; private set; } = null!;
                public MassTransit.Event<Announcement> Edited { get; private set; } = null!;

                public PostStateMachine(IMastodonPublisher mastodon, Poster poster, IApprovals approvals)
                {
                    InstanceState(x => x.CurrentState);
                    Event(() => Received, x => x.CorrelateById(c => c.Message.Id));
                    Event(() => Edited, x => x.CorrelateById(c => c.Message.Id));

                    // A yes given when the state machine is built is no yes for the messages it handles later.
                    if (!approvals.Confirm("start")) return;

                    Initially(When(Received)
                        .ThenAsync(c {|#0:=>|} mastodon.PublishStatus(c.Message.Text))
                        .TransitionTo(Done));
                    During(Done, When(Edited).Then(c {|#1:=>|} poster.Post(c.Message.Text)));
                }
            }
            """,
            Buses,
            Unattended(0, "the ThenAsync callback in PostStateMachine", "ThenAsync callback → IMastodonPublisher.PublishStatus"),
            Unattended(1, "the Then callback in PostStateMachine", "Then callback → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task A_class_based_durable_activity_is_reported_at_RunAsync()
        => PathVerifier.VerifyAsync(Publisher + """
            [Microsoft.DurableTask.DurableTask(nameof(PostActivity))]
            public sealed class PostActivity(Poster poster) : Microsoft.DurableTask.TaskActivity<string, bool>
            {
                public override async Task<bool> {|#0:RunAsync|}(Microsoft.DurableTask.TaskActivityContext context, string text)
                {
                    await poster.Post(text);
                    return true;
                }
            }

            public abstract class TracedActivity<TIn> : Microsoft.DurableTask.TaskActivity<TIn, bool>
            {
                public override async Task<bool> RunAsync(Microsoft.DurableTask.TaskActivityContext context, TIn input)
                {
                    Console.WriteLine(context.Name);
                    await Run(input);
                    return true;
                }

                protected abstract Task Run(TIn input);
            }

            public sealed class TracedPost(Poster poster) : TracedActivity<string>
            {
                protected override Task {|#1:Run|}(string text) => poster.Post(text);
            }

            // Reads only.
            public sealed class LookupActivity : Microsoft.DurableTask.TaskActivity<string, int>
            {
                public override Task<int> RunAsync(Microsoft.DurableTask.TaskActivityContext context, string text) => Task.FromResult(text.Length);
            }
            """,
            [PathVerifier.DurableTask, .. Buses],
            Unattended(0, "PostActivity.RunAsync (a durable activity)", "PostActivity.RunAsync → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(1, "TracedPost.Run (a durable activity, run by TracedActivity.RunAsync)", "TracedActivity.RunAsync → TracedPost.Run → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task Handlers_that_read_post_internally_or_redeem_an_approval_and_look_alike_methods_stay_quiet()
        => PathVerifier.VerifyAsync(Publisher + """
            public interface IApprovals { [HumanConfirmation] Task<bool> RedeemAsync(string text); }

            [PublishesContent("Slack")]
            public interface IOpsAlerts { Task Alert(string text); }

            public sealed class PostState : MassTransit.SagaStateMachineInstance
            {
                public Guid CorrelationId { get; set; }
                public string CurrentState { get; set; } = "";
            }

            public sealed class QuietStateMachine : MassTransit.MassTransitStateMachine<PostState>
            {
                public MassTransit.Event<Announcement> Received { get; private set; } = null!;

                public QuietStateMachine(IApprovals approvals, Poster poster)
                {
                    InstanceState(x => x.CurrentState);
                    Event(() => Received, x => x.CorrelateById(c => c.Message.Id));
                    Initially(When(Received)
                        .Then(c => Console.WriteLine(c.Message.Text))
                        .ThenAsync(async c =>
                        {
                            if (await approvals.RedeemAsync(c.Message.Text)) await poster.Post(c.Message.Text);
                        }));
                }
            }

            // The application's own methods named like the registrations.
            public sealed class Workflow
            {
                public Workflow Handle<T>(Func<T, Task> handler) => this;
                public Workflow Handler<T>(Func<T, Task> handler) => this;
                public Workflow ThenAsync(Func<Task> next) => this;
            }

            public static class Buses
            {
                public static void Start(Rebus.Activation.BuiltinHandlerActivator activator, MassTransit.IReceiveEndpointConfigurator e, IApprovals approvals, Poster poster,
                    [InternalAudience("the on-call engineers' private channel")] IOpsAlerts ops, Workflow workflow)
                {
                    activator.Handle<Announcement>(m => { Console.WriteLine(m.Text); return Task.CompletedTask; });
                    activator.Handle<Announcement>(m => ops.Alert(m.Text));
                    activator.Handle<Announcement>(async m =>
                    {
                        if (await approvals.RedeemAsync(m.Text)) await poster.Post(m.Text);
                    });
                    MassTransit.HandlerExtensions.Handler<Announcement>(e, c => ops.Alert(c.Message.Text));
                    MassTransit.HandlerExtensions.Handler<Announcement>(e, c => c.Publish(new Announcement(c.Message.Id, "seen")));
                }

                // A person runs this: the lambdas run now, inside the call.
                [RequiresHumanApproval]
                public static void Compose(Workflow workflow, Poster poster)
                    => workflow.Handle<Announcement>(m => poster.Post(m.Text)).Handler<Announcement>(m => poster.Post(m.Text)).ThenAsync(() => poster.Post("done"));
            }
            """,
            Buses);
}
