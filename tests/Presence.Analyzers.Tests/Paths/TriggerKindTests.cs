using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Tests.Verifiers;
using static Presence.Analyzers.Tests.Verifiers.PathVerifier;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// Azure Functions triggers beyond timers and queues (real worker and in-process extensions where served), AWS
/// Lambda handlers and SDK streaming events (API shapes: their packages are not served here), each with look-alikes.
/// </summary>
public class TriggerKindTests
{
    private const string Publisher = PathVerifier.MastodonPublisher;

    // Amazon.Lambda.Core and Amazon.Lambda.RuntimeSupport as their public API has them.
    private const string LambdaShape = """
        namespace Amazon.Lambda.Core
        {
            public interface ILambdaContext { string FunctionName { get; } }
            [AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Method)]
            public sealed class LambdaSerializerAttribute(Type serializerType) : Attribute { }
        }

        namespace Amazon.Lambda.RuntimeSupport
        {
            public sealed class LambdaBootstrapBuilder
            {
                public static LambdaBootstrapBuilder Create<TInput>(Func<TInput, Amazon.Lambda.Core.ILambdaContext, Task> handler, object serializer) => new();
                public Task RunAsync() => Task.CompletedTask;
            }
        }

        """;

    // The streaming APIs of Mastonet, Discord.Net, FishyFlip and idunno.AtProto, as their public API has them.
    private const string StreamingShapes = """
        namespace Mastonet
        {
            public class StreamUpdateEventArgs : EventArgs { public string Content { get; set; } = ""; }
            public class StreamNotificationEventArgs : EventArgs { public string Account { get; set; } = ""; }
            public class StreamDeleteEventArgs : EventArgs { public long StatusId { get; set; } }
            public abstract class TimelineStreaming
            {
                public event EventHandler<StreamUpdateEventArgs>? OnUpdate;
                public event EventHandler<StreamNotificationEventArgs>? OnNotification;
                public event EventHandler<StreamDeleteEventArgs>? OnDelete;
                public Task Start() => Task.CompletedTask;
            }
        }

        namespace Discord.WebSocket
        {
            public class SocketSlashCommand { public string CommandName => ""; }
            public class SocketMessage { public string Content => ""; }
            public abstract class BaseSocketClient
            {
                public event Func<SocketSlashCommand, Task>? SlashCommandExecuted;
                public event Func<Task>? Ready;
                public event Func<SocketMessage, Task>? MessageDeleted;
            }
            public class DiscordSocketClient : BaseSocketClient { }
        }

        namespace FishyFlip
        {
            public class RecordMessageReceivedEventArgs : EventArgs { public string Did => ""; }
            public sealed class ATJetStream
            {
                public event EventHandler<RecordMessageReceivedEventArgs>? OnRecordReceived;
                public event EventHandler<EventArgs>? OnConnectionUpdated;
            }
        }

        namespace idunno.AtProto.Jetstream
        {
            public sealed class RecordReceivedEventArgs : EventArgs { public string Did => ""; }
            public sealed class AtProtoJetstream
            {
                public event EventHandler<RecordReceivedEventArgs>? RecordReceived;
            }
        }

        """;

    [Fact]
    public Task Azure_Functions_event_and_blob_triggers_run_unattended()
        => PathVerifier.VerifyAsync(Publisher + """
            class Functions(Poster poster)
            {
                [Microsoft.Azure.Functions.Worker.Function("OnUpload")]
                public Task {|#0:OnUpload|}([Microsoft.Azure.Functions.Worker.BlobTrigger("drafts/{name}")] string draft, string name) => poster.Post(draft);

                [Microsoft.Azure.WebJobs.FunctionName("OnEvent")]
                public Task {|#1:OnEvent|}([Microsoft.Azure.WebJobs.Extensions.EventGrid.EventGridTrigger] string payload) => poster.Post(payload);

                // Bindings that are not triggers, and a function that only reads: no entry point's path reaches a publish.
                [Microsoft.Azure.Functions.Worker.Function("Archive")]
                public void Archive([Microsoft.Azure.Functions.Worker.BlobTrigger("drafts/{name}")] string draft) => Console.WriteLine(draft.Length);

                public Task Preview([Microsoft.Azure.Functions.Worker.BlobInput("drafts/{name}")] string draft) => poster.Post(draft);
            }
            """,
            PathVerifier.AzureFunctions,
            Unattended(0, "Functions.OnUpload (a blob-triggered function)", "Functions.OnUpload → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(1, "Functions.OnEvent (an Event Grid-triggered function)", "Functions.OnEvent → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task Azure_Functions_triggers_whose_packages_are_not_served_are_known_by_name()
        => PathVerifier.VerifyAsync(Publisher + """
            namespace Microsoft.Azure.Functions.Worker
            {
                public sealed class EventHubTriggerAttribute(string eventHubName) : Attribute { }
                public sealed class CosmosDBTriggerAttribute(string databaseName, string containerName) : Attribute { }
                public sealed class HttpTriggerAttribute(params string[] methods) : Attribute { }
            }

            class Functions(Poster poster)
            {
                public Task {|#0:OnHubEvent|}([Microsoft.Azure.Functions.Worker.EventHubTrigger("mentions")] string[] events) => poster.Post(events[0]);
                public Task {|#1:OnChange|}([Microsoft.Azure.Functions.Worker.CosmosDBTrigger("cms", "posts")] string[] changed) => poster.Post(changed[0]);
                public Task OnRequest([Microsoft.Azure.Functions.Worker.HttpTrigger("get")] string body) => poster.Post(body);
            }
            """,
            [],
            Unattended(0, "Functions.OnHubEvent (an Event Hubs-triggered function)", "Functions.OnHubEvent → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(1, "Functions.OnChange (a Cosmos DB change feed function)", "Functions.OnChange → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task AWS_Lambda_handlers_by_context_parameter_serializer_and_bootstrap()
        => PathVerifier.VerifyAsync(Publisher + LambdaShape + """
            public class Function(Poster poster)
            {
                public Task {|#0:Handler|}(string input, Amazon.Lambda.Core.ILambdaContext context) => poster.Post(input);

                [Amazon.Lambda.Core.LambdaSerializer(typeof(object))]
                public Task {|#1:Serialized|}(string input) => poster.Post(input);

                public Task Helper(string input) => poster.Post(input);

                public static async Task Main()
                {
                    var poster = new Poster(null!);
                    await Amazon.Lambda.RuntimeSupport.LambdaBootstrapBuilder.Create<string>(async (input, context) {|#2:=>|} await poster.Post(input), new object()).RunAsync();
                }
            }
            """,
            [],
            Unattended(0, "Function.Handler (an AWS Lambda handler)", "Function.Handler → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(1, "Function.Serialized (an AWS Lambda handler)", "Function.Serialized → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(2, "the AWS Lambda handler in Function.Main", "AWS Lambda handler → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task The_Lambda_assembly_convention_makes_FunctionHandler_a_handler()
        => PathVerifier.VerifyAsync(Publisher.Replace("using Presence;\n", "using Presence;\n[assembly: Amazon.Lambda.Core.LambdaSerializer(typeof(object))]\n") + LambdaShape + """
            public class Function(Poster poster)
            {
                public Task {|#0:FunctionHandler|}(string input) => poster.Post(input);
                public Task Other(string input) => poster.Post(input);
            }
            """,
            [],
            Unattended(0, "Function.FunctionHandler (an AWS Lambda handler)", "Function.FunctionHandler → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task Streaming_events_are_incoming_message_handlers()
        => PathVerifier.VerifyAsync(Publisher + StreamingShapes + """
            class Listeners(Poster poster)
            {
                public void Listen(Mastonet.TimelineStreaming mastodon, Discord.WebSocket.DiscordSocketClient discord, FishyFlip.ATJetStream firehose, idunno.AtProto.Jetstream.AtProtoJetstream jetstream)
                {
                    mastodon.OnNotification += async (sender, e) {|#0:=>|} await poster.Post("Thanks @" + e.Account);
                    mastodon.OnUpdate += OnUpdate;
                    discord.SlashCommandExecuted += async command {|#1:=>|} await poster.Post("ran " + command.CommandName);
                    discord.Ready += async () {|#2:=>|} await poster.Post("online");
                    firehose.OnRecordReceived += async (sender, e) {|#3:=>|} await poster.Post("welcome " + e.Did);
                    jetstream.RecordReceived += async (sender, e) {|#4:=>|} await poster.Post("hi " + e.Did);

                    // Events that carry no message to answer.
                    mastodon.OnDelete += async (sender, e) => await poster.Post("deleted");
                    discord.MessageDeleted += async message => await poster.Post("deleted");
                    firehose.OnConnectionUpdated += async (sender, e) => await poster.Post("reconnected");
                }

                private async void {|#5:OnUpdate|}(object? sender, Mastonet.StreamUpdateEventArgs e) => await poster.Post("boost: " + e.Content);
            }
            """,
            [],
            Reply(0, "the Mastodon streaming handler in Listeners.Listen", "Mastodon streaming handler → Poster.Post → IMastodonPublisher.PublishStatus"),
            Reply(1, "the Discord gateway event handler in Listeners.Listen", "Discord gateway event handler → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(2, "the Discord gateway event handler in Listeners.Listen", "Discord gateway event handler → Poster.Post → IMastodonPublisher.PublishStatus"),
            Reply(3, "the Bluesky firehose handler in Listeners.Listen", "Bluesky firehose handler → Poster.Post → IMastodonPublisher.PublishStatus"),
            Reply(4, "the Bluesky Jetstream handler in Listeners.Listen", "Bluesky Jetstream handler → Poster.Post → IMastodonPublisher.PublishStatus"),
            Reply(5, "Listeners.OnUpdate (a Mastodon streaming handler)", "Listeners.OnUpdate → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task A_method_group_handler_that_publishes_in_its_own_body_is_reported_once_as_the_handler()
        => PathVerifier.VerifyAsync(Publisher + StreamingShapes + """
            class Listeners(IMastodonPublisher mastodon)
            {
                public void Listen(Mastonet.TimelineStreaming streaming)
                {
                    streaming.OnUpdate += OnUpdate;
                    _ = new Timer(Tick, null, TimeSpan.Zero, TimeSpan.FromHours(1));
                }

                private async void {|#0:OnUpdate|}(object? sender, Mastonet.StreamUpdateEventArgs e) => await mastodon.PublishStatus("boost: " + e.Content);

                private void {|#1:Tick|}(object? state) => mastodon.PublishStatus("hourly").Wait();
            }
            """,
            [],
            Reply(0, "Listeners.OnUpdate (a Mastodon streaming handler)", "Listeners.OnUpdate → IMastodonPublisher.PublishStatus"),
            Unattended(1, "Listeners.Tick (a timer callback)", "Listeners.Tick → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task A_method_that_is_called_not_registered_or_registered_only_by_an_exempt_member_keeps_its_own_diagnostic()
        => PathVerifier.VerifyAsync(Publisher + StreamingShapes + """
            class Listeners(IMastodonPublisher mastodon)
            {
                [AutomatedPresence("Disclosed bot account: boosts are labelled as automated")]
                public void Listen(Mastonet.TimelineStreaming streaming) => streaming.OnUpdate += OnUpdate;

                // Called by a person's code, not registered: its callers can confirm.
                public void Preview(Mastonet.StreamUpdateEventArgs e) => OnDelete(this, e);

                private async void OnUpdate(object? sender, Mastonet.StreamUpdateEventArgs e) => await {|PRES001:mastodon.PublishStatus("boost: " + e.Content)|};

                private async void OnDelete(object? sender, Mastonet.StreamUpdateEventArgs e) => await {|PRES001:mastodon.PublishStatus("deleted: " + e.Content)|};
            }
            """,
            []);
}
