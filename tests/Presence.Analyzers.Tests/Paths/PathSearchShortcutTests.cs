using System;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// The path search's shortcuts hide no path: whether anything can end a path is decided at compilation end, after
/// every file (the publish may be in the last one), and a call's landings (implementations, overrides) are looked up
/// only for the callees a search reaches, through every kind of dispatch.
/// </summary>
public class PathSearchShortcutTests
{
    private const string Worker = """
        using System.Threading;
        using System.Threading.Tasks;

        public interface IStep { Task Run(string text); }

        class DailyWorker(IStep step) : Microsoft.Extensions.Hosting.BackgroundService
        {
            protected override Task {|#0:ExecuteAsync|}(CancellationToken ct) => step.Run("tip of the day");
        }
        """;

    private static AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test Files(params string[] sources)
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test();
        for (var i = 0; i < sources.Length; i++)
        {
            test.TestState.Sources.Add(("/src/File" + i + ".cs", sources[i]));
        }

        test.TestState.AdditionalReferences.AddRange(PathVerifier.Hosting);
        return test;
    }

    [Fact]
    public Task A_publish_in_the_last_file_ends_a_path_from_an_entry_point_in_the_first()
    {
        var test = Files(
            Worker,
            """
            using System.Threading.Tasks;

            // An explicit implementation calling an abstract member: the landing is an override in another file.
            public class Step(Composer composer) : IStep
            {
                Task IStep.Run(string text) => composer.Compose(text);
            }

            public abstract class Composer
            {
                public abstract Task Compose(string text);
            }
            """,
            """
            using System.Threading.Tasks;
            using Presence;

            [PublishesContent("Mastodon")]
            public interface IMastodonPublisher { Task PublishStatus(string text); }

            public sealed class MastodonComposer(IMastodonPublisher mastodon) : Composer
            {
                public override Task Compose(string text) => {|PRES001:mastodon.PublishStatus(text)|};
            }
            """);
        test.ExpectedDiagnostics.Add(PathVerifier.Unattended(
            0, "DailyWorker.ExecuteAsync (a hosted service)", "DailyWorker.ExecuteAsync → Step.IStep.Run → MastodonComposer.Compose → IMastodonPublisher.PublishStatus"));
        return test.RunAsync();
    }

    [Fact]
    public Task A_generic_interface_lands_in_the_implementation_for_its_type_argument()
    {
        var test = Files(
            Worker,
            """
            using System.Threading.Tasks;

            public interface IHandler<T> { Task Handle(T item); }

            public sealed record Tip(string Text);

            public class Step(IHandler<Tip> handler) : IStep
            {
                public Task Run(string text) => handler.Handle(new Tip(text));
            }
            """,
            """
            using System.Threading.Tasks;
            using Presence;

            [PublishesContent("Mastodon")]
            public interface IMastodonPublisher { Task PublishStatus(string text); }

            public sealed class TipHandler(IMastodonPublisher mastodon) : IHandler<Tip>
            {
                public Task Handle(Tip item) => {|PRES001:mastodon.PublishStatus(item.Text)|};
            }
            """);
        test.ExpectedDiagnostics.Add(PathVerifier.Unattended(
            0, "DailyWorker.ExecuteAsync (a hosted service)", "DailyWorker.ExecuteAsync → Step.Run → TipHandler.Handle → IMastodonPublisher.PublishStatus"));
        return test.RunAsync();
    }

    [Fact]
    public Task A_send_nobody_can_resolve_in_the_last_file_is_still_noted_on_the_path()
    {
        var test = Files(
            Worker,
            """
            using System.Net.Http;
            using System.Threading.Tasks;

            public class Step(HttpClient http, string endpoint) : IStep
            {
                public Task Run(string text) => {|#1:http.PostAsync(endpoint, new StringContent(text))|};
            }
            """);
        test.ExpectedDiagnostics.Add(PathVerifier.Diagnostic(PresenceDiagnostics.UnresolvedSend).WithLocation(1)
            .WithArguments("Sends through 'HttpClient.PostAsync' (POST to a URL computed at run time)", "DailyWorker.ExecuteAsync → Step.Run → HttpClient.PostAsync")
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
        return test.RunAsync();
    }

    // The search follows only calls toward a function that can reach a publish, found backwards by the called
    // method's name, and asks only such owners whether they are entry points: every kind of call that lands in a
    // function of another name or shape is still followed (each publisher is a target of its own, so a chain cut
    // off lowers the count; the shortest path goes through an explicit implementation).
    [Fact]
    public Task Every_kind_of_call_toward_a_publish_is_followed_backwards()
    {
        var test = Files(
            """
            using System.Threading;
            using System.Threading.Tasks;

            class NightlyWorker(Chains chains) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override Task {|#0:ExecuteAsync|}(CancellationToken ct) => chains.RunAll("tip of the day");
            }
            """,
            """
            using System;
            using System.Threading.Tasks;

            public interface IStep { Task Run(string text); }

            public interface IHandler<T> { Task Handle(T item); }

            public sealed record Tip(string Text);

            public abstract class Composer
            {
                public abstract Task Compose(string text);
            }

            public partial class Chains(IStep step, Composer composer, IHandler<Tip> handler, ISlack slack)
            {
                public async Task RunAll(string text)
                {
                    await step.Run(text);
                    await composer.Compose(text);
                    await Relay<string>(text);
                    _ = new Announcement(slack, text);
                    Func<string, Task> forward = Forward;
                    await forward(text);
                    await Local();

                    async Task Local() => await handler.Handle(new Tip(text));
                }
            }
            """,
            """
            using System.Threading.Tasks;
            using Presence;

            [PublishesContent("Mastodon")]
            public interface IMastodon { Task PublishStatus(string text); }

            [PublishesContent("Bluesky")]
            public interface IBluesky { Task Post(string text); }

            [PublishesContent("LinkedIn")]
            public interface ILinkedIn { Task Share(string text); }

            [PublishesContent("Threads")]
            public interface IThreads { Task Thread(string text); }

            [PublishesContent("Discord")]
            public interface IDiscord { Task Send(string text); }

            [PublishesContent("Slack")]
            public interface ISlack { Task Say(string text); }

            public class Step(IMastodon mastodon) : IStep
            {
                Task IStep.Run(string text) => {|PRES001:mastodon.PublishStatus(text)|};
            }

            public sealed class BlueskyComposer(IBluesky bluesky) : Composer
            {
                public override Task Compose(string text) => {|PRES001:bluesky.Post(text)|};
            }

            public sealed class TipHandler(IDiscord discord) : IHandler<Tip>
            {
                public Task Handle(Tip item) => {|PRES001:discord.Send(item.Text)|};
            }

            public sealed class Announcement
            {
                public Announcement(ISlack slack, string text) => _ = {|PRES001:slack.Say(text)|};
            }

            public partial class Chains
            {
                private ILinkedIn _linkedIn = null!;
                private IThreads _threads = null!;

                private Task Relay<T>(T item) => {|PRES001:_linkedIn.Share(item!.ToString()!)|};

                private Task Forward(string text) => {|PRES001:_threads.Thread(text)|};
            }
            """);
        test.ExpectedDiagnostics.Add(PathVerifier.Unattended(
            0, "NightlyWorker.ExecuteAsync (a hosted service)", "NightlyWorker.ExecuteAsync → Chains.RunAll → Step.IStep.Run → IMastodon.PublishStatus and 5 more publish targets"));
        return test.RunAsync();
    }

    [Fact]
    public Task Nothing_that_publishes_or_sends_means_no_path_from_any_entry_point()
        => Files(
            Worker,
            """
            using System.Threading.Tasks;

            public class Step : IStep
            {
                public Task Run(string text) => Task.Delay(text.Length);
            }
            """).RunAsync();

    [Fact]
    public Task A_plain_body_where_a_publishing_body_starts_in_another_file_keeps_its_calls()
    {
        // Compilation end tells the bodies that decided something by where they start before comparing them: a plain
        // body at the same place in another file must still be a step of the path.
        const string plain = """
            using System.Threading.Tasks;

            public class PlainStep(Composer composer) : IStep
            {
                public Task Run(string text) => composer.Compose(text);
            }
            """;
        const string publishing = """
            using System.Threading.Tasks;

            public class Decided(IMastodonPublisher mastodon)
            {
                public Task Run(string text) => {|PRES001:mastodon.PublishStatus(text)|};
            }
            """;
        Assert.Equal(plain.IndexOf("public Task Run", StringComparison.Ordinal), publishing.IndexOf("public Task Run", StringComparison.Ordinal));
        var test = Files(
            Worker,
            plain,
            publishing,
            """
            using System.Threading.Tasks;
            using Presence;

            [PublishesContent("Mastodon")]
            public interface IMastodonPublisher { Task PublishStatus(string text); }

            public abstract class Composer
            {
                public abstract Task Compose(string text);
            }

            public sealed class MastodonComposer(IMastodonPublisher mastodon) : Composer
            {
                public override Task Compose(string text) => {|PRES001:mastodon.PublishStatus(text)|};
            }
            """);
        test.ExpectedDiagnostics.Add(PathVerifier.Unattended(
            0, "DailyWorker.ExecuteAsync (a hosted service)", "DailyWorker.ExecuteAsync → PlainStep.Run → MastodonComposer.Compose → IMastodonPublisher.PublishStatus"));
        return test.RunAsync();
    }
}
