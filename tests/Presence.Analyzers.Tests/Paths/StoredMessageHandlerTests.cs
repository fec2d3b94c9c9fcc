using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;
using static Presence.Analyzers.Tests.Verifiers.PathVerifier;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A message handler kept in a local before the bus is given it (<c>Func&lt;IBus, T, Task&gt; handler = async (bus, m) =&gt; …;
/// activator.Handle(handler)</c>, MassTransit's <c>e.Handler(handler)</c>, a state machine's <c>Then(handler)</c>) or given
/// as a method group (<c>activator.Handle&lt;T&gt;(OnMessage)</c>) runs for each message as one written in place does,
/// also where it posts through a local function of the body (a top-level program's <c>async Task Publish(…)</c>). A
/// local that is also given a value the code does not show (a parameter) is not followed.
/// </summary>
public class StoredMessageHandlerTests
{
    private const string Publisher = "using MassTransit;\n" + PathVerifier.MastodonPublisher + """
        public sealed record Announcement(Guid Id, string Text);

        """;

    [Fact]
    public Task A_rebus_handler_kept_in_a_local_or_given_as_a_method_group_is_reported()
        => PathVerifier.VerifyAsync(Publisher + """
            public sealed class Buses(Poster poster)
            {
                public IDisposable StartRebus()
                {
                    var activator = new Rebus.Activation.BuiltinHandlerActivator();
                    Func<Rebus.Bus.IBus, Announcement, Task> handler = async (bus, m) {|#0:=>|} await poster.Post(m.Text);
                    activator.Handle(handler);
                    Func<Announcement, Task> simple = m {|#1:=>|} poster.Post(m.Text);
                    activator.Handle<Announcement>(simple);
                    activator.Handle<Announcement>(OnMessage);
                    return activator;
                }

                private Task {|#2:OnMessage|}(Announcement m) => poster.Post(m.Text);
            }
            """,
            PathVerifier.MassTransit,
            Unattended(0, "the Rebus message handler in Buses.StartRebus", "Rebus message handler → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(1, "the Rebus message handler in Buses.StartRebus", "Rebus message handler → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(2, "Buses.OnMessage (a Rebus message handler)", "Buses.OnMessage → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task A_MassTransit_handler_kept_in_a_local_or_given_as_a_method_group_is_reported()
        => PathVerifier.VerifyAsync(Publisher + """
            public sealed class Buses(Poster poster)
            {
                public void Configure(MassTransit.IReceiveEndpointConfigurator e)
                {
                    MassTransit.MessageHandler<Announcement> handler = c {|#0:=>|} poster.Post(c.Message.Text);
                    e.Handler(handler);
                    e.Handler<Announcement>(OnMessage);
                }

                private Task {|#1:OnMessage|}(MassTransit.ConsumeContext<Announcement> c) => poster.Post(c.Message.Text);
            }
            """,
            PathVerifier.MassTransit,
            Unattended(0, "the MassTransit message handler in Buses.Configure", "MassTransit message handler → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(1, "Buses.OnMessage (a MassTransit message handler)", "Buses.OnMessage → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task A_state_machine_callback_kept_in_a_local_is_reported()
        => PathVerifier.VerifyAsync(Publisher + """
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

                public PostStateMachine(IMastodonPublisher mastodon, Poster poster)
                {
                    InstanceState(x => x.CurrentState);
                    Event(() => Received, x => x.CorrelateById(c => c.Message.Id));
                    Event(() => Edited, x => x.CorrelateById(c => c.Message.Id));

                    Func<MassTransit.BehaviorContext<PostState, Announcement>, Task> publish = c {|#0:=>|} mastodon.PublishStatus(c.Message.Text);
                    Action<MassTransit.BehaviorContext<PostState, Announcement>> repost = c {|#1:=>|} poster.Post(c.Message.Text);
                    Initially(When(Received).ThenAsync(publish).TransitionTo(Done));
                    During(Done, When(Edited).Then(repost));
                }
            }
            """,
            PathVerifier.MassTransit,
            Unattended(0, "the ThenAsync callback in PostStateMachine", "ThenAsync callback → IMastodonPublisher.PublishStatus"),
            Unattended(1, "the Then callback in PostStateMachine", "Then callback → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task A_handler_local_also_given_a_parameter_is_not_followed()
        => PathVerifier.VerifyAsync(Publisher + """
            public sealed class Buses(Poster poster)
            {
                public IDisposable StartRebus(Func<Announcement, Task> given, bool custom)
                {
                    var activator = new Rebus.Activation.BuiltinHandlerActivator();
                    Func<Announcement, Task> handler = m => poster.Post(m.Text);
                    if (custom) handler = given;
                    activator.Handle(handler);
                    Func<Announcement, Task> unset = null!;
                    activator.Handle(unset);
                    activator.Handle(given);
                    return activator;
                }
            }
            """,
            PathVerifier.MassTransit);

    [Fact]
    public Task A_top_level_program_s_handler_that_posts_through_a_local_function_is_reported_at_the_handler()
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test();
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.TestState.AdditionalReferences.AddRange(PathVerifier.MassTransit);
        test.TestState.Sources.Add(("/0/Program.cs", """
            using System;
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading.Tasks;
            using Rebus.Activation;

            var http = new HttpClient();
            using var activator = new BuiltinHandlerActivator();
            Func<Rebus.Bus.IBus, Rebus.Pipeline.IMessageContext, Announcement, Task> handler = async (bus, ctx, m) {|#0:=>|} await Publish(m);
            activator.Handle(handler);
            activator.Handle<Announcement>(async m {|#1:=>|} await Publish(m));
            activator.Handle<Announcement>(OnMessage);
            Console.ReadLine();

            async Task Publish(Announcement m) => await Send(m.Text);
            Task Send(string text) => http.PostAsJsonAsync("https://mastodon.social/api/v1/statuses", new { status = text });
            Task {|#2:OnMessage|}(Announcement m) => Send(m.Text + "!");

            public sealed record Announcement(Guid Id, string Text);
            """));
        const string Post = "HttpClient.PostAsJsonAsync (POST https://mastodon.social/api/v1/statuses)";
        test.ExpectedDiagnostics.AddRange(
        [
            Unattended(0, "the Rebus message handler in the top-level program", "Rebus message handler → " + Post),
            Unattended(1, "the Rebus message handler in the top-level program", "Rebus message handler → " + Post),
            Unattended(2, "OnMessage in the top-level program (a Rebus message handler)", "OnMessage → " + Post),
        ]);
        return test.RunAsync();
    }

    [Fact]
    public Task A_handler_that_posts_through_a_local_function_of_its_method_is_reported_and_a_confirmed_one_is_not()
        => PathVerifier.VerifyAsync(Publisher + """
            public interface IApprovals { [HumanConfirmation] Task<bool> RedeemAsync(string text); }

            public sealed class Buses(Poster poster, IApprovals approvals)
            {
                public IDisposable StartRebus()
                {
                    var activator = new Rebus.Activation.BuiltinHandlerActivator();
                    Func<Announcement, Task> handler = async m {|#0:=>|} await Publish(m);
                    activator.Handle(handler);
                    activator.Handle<Announcement>(async m =>
                    {
                        if (await approvals.RedeemAsync(m.Text)) await Confirmed(m);
                    });
                    return activator;

                    async Task Publish(Announcement m) => await poster.Post(m.Text);
                    async Task Confirmed(Announcement m) => await poster.Post(m.Text);
                }
            }
            """,
            PathVerifier.MassTransit,
            Unattended(0, "the Rebus message handler in Buses.StartRebus", "Rebus message handler → Poster.Post → IMastodonPublisher.PublishStatus"));
}
