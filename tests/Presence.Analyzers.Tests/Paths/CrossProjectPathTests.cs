using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;
using static Presence.Analyzers.Tests.Verifiers.PathVerifier;
using Xunit;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// PRES002 across project boundaries: a worker that calls a library built with Presence fails on the library's
/// summary, with the library's steps by name; what the library guards or exempts stays quiet.
/// </summary>
public class CrossProjectPathTests
{
    private const string Core = """
        using System.Threading.Tasks;
        using Telegram.Bot;

        namespace Deals;

        public interface IDealPoster { Task Post(string text); }

        internal sealed class TelegramDealPoster(ITelegramBotClient bot) : IDealPoster
        {
            public Task Post(string text) => bot.SendMessage("@deals", text);
        }

        public class DealFacade(ChannelSender sender)
        {
            public Task Announce(string text) => sender.Send(text);
        }

        public class ChannelSender(ITelegramBotClient bot)
        {
            public async Task Send(string text) => await bot.SendMessage("@deals", text);
            internal Task Hidden(string text) => bot.SendMessage("@deals", text);
        }
        """;

    private static readonly MetadataReference CoreLibrary = LibraryBuilder.Build("Deals.Core", Core, PathVerifier.Telegram);

    [Fact]
    public Task A_job_calling_a_library_method_that_posts_fails_with_the_library_steps_by_name()
        => PathVerifier.VerifyAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            using Deals;

            class NightlyJob(ChannelSender sender) : Quartz.IJob
            {
                public async ValueTask {|#0:Execute|}(Quartz.IJobExecutionContext context, CancellationToken cancellationToken)
                    => await sender.Send("hi");
            }
            """,
            [PathVerifier.Quartz4, PathVerifier.Telegram, CoreLibrary],
            Unattended(0, "NightlyJob.Execute (a Quartz job)", "NightlyJob.Execute → ChannelSender.Send → ITelegramBotClient.SendMessage"));

    [Fact]
    public Task The_additional_locations_stay_in_this_compilation()
        => PathVerifier.VerifyAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            using Deals;

            class Worker(DealFacade deals) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override Task {|#0:ExecuteAsync|}(CancellationToken ct) => Relay();
                private Task Relay() => {|#2:deals.Announce("daily")|};
            }
            """,
            [.. PathVerifier.Hosting, PathVerifier.Telegram, CoreLibrary],
            PathVerifier.Diagnostic(PresenceDiagnostics.UnattendedPublish).WithLocation(0).WithLocation(7, 67).WithLocation(2)
                .WithArguments("Worker.ExecuteAsync (a hosted service)", "Worker.ExecuteAsync → Worker.Relay → DealFacade.Announce → ChannelSender.Send → ITelegramBotClient.SendMessage"));

    [Fact]
    public Task A_call_through_an_interface_the_library_implements_crosses_too()
        => PathVerifier.VerifyAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            using Deals;

            class DealJob(IDealPoster poster) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override async Task {|#0:ExecuteAsync|}(CancellationToken ct)
                {
                    while (!ct.IsCancellationRequested)
                    {
                        await poster.Post("deal of the day");
                        await Task.Delay(1000, ct);
                    }
                }
            }
            """,
            [.. PathVerifier.Hosting, PathVerifier.Telegram, CoreLibrary],
            Unattended(0, "DealJob.ExecuteAsync (a hosted service)", "DealJob.ExecuteAsync → TelegramDealPoster.Post → ITelegramBotClient.SendMessage"));

    [Fact]
    public Task A_confirmation_in_the_worker_before_the_library_call_is_honoured()
        => PathVerifier.VerifyAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            using Deals;
            using Presence;

            public interface IApprovals { [HumanConfirmation] Task<bool> RedeemAsync(string text); }

            class NightlyJob(ChannelSender sender, IApprovals approvals) : Quartz.IJob
            {
                public async ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken cancellationToken)
                {
                    if (await approvals.RedeemAsync("hi"))
                    {
                        await sender.Send("hi");
                    }
                }
            }
            """,
            [PathVerifier.Quartz4, PathVerifier.Telegram, CoreLibrary]);

    [Fact]
    public Task What_the_library_guards_or_exempts_is_not_reported_again()
    {
        var guarded = LibraryBuilder.Build("Guarded.Core", """
            using System.Threading.Tasks;
            using Presence;
            using Telegram.Bot;

            public interface IApprovals { [HumanConfirmation] Task<bool> RedeemAsync(string text); }

            public class ReviewedSender(ITelegramBotClient bot, IApprovals approvals)
            {
                public async Task Send(string text)
                {
                    if (await approvals.RedeemAsync(text))
                    {
                        await bot.SendMessage("@deals", text);
                    }
                }
            }

            public class StatusPage(ITelegramBotClient bot)
            {
                [AutomatedPresence("The status channel is a disclosed bot that only relays uptime checks.")]
                public Task Report(string text) => bot.SendMessage("@status", text);
            }
            """, PathVerifier.Telegram);

        return PathVerifier.VerifyAsync("""
            using System.Threading;
            using System.Threading.Tasks;

            class NightlyJob(ReviewedSender sender, StatusPage status) : Quartz.IJob
            {
                public async ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken cancellationToken)
                {
                    await sender.Send("hi");
                    await status.Report("up");
                }
            }
            """,
            [PathVerifier.Quartz4, PathVerifier.Telegram, guarded]);
    }

    [Fact]
    public Task A_library_method_that_requires_approval_is_reported_at_the_caller()
    {
        var library = LibraryBuilder.Build("Approval.Core", """
            using System.Threading.Tasks;
            using Presence;
            using Telegram.Bot;

            public class Poster(ITelegramBotClient bot)
            {
                [RequiresHumanApproval]
                public Task Post(string text) => bot.SendMessage("@deals", text);
            }
            """, PathVerifier.Telegram);

        return PathVerifier.VerifyAsync("""
            using System.Threading;
            using System.Threading.Tasks;

            class NightlyJob(Poster poster) : Quartz.IJob
            {
                public ValueTask {|#0:Execute|}(Quartz.IJobExecutionContext context, CancellationToken cancellationToken)
                    => new(poster.Post("hi"));
            }
            """,
            [PathVerifier.Quartz4, PathVerifier.Telegram, library],
            Unattended(0, "NightlyJob.Execute (a Quartz job)", "NightlyJob.Execute → Poster.Post"));
    }

    [Fact]
    public Task A_path_crosses_two_libraries()
    {
        var outer = LibraryBuilder.Build("Deals.Campaigns", """
            using System.Threading.Tasks;
            using Deals;

            public class Campaign(DealFacade deals)
            {
                public Task Launch() => deals.Announce("launch");
            }
            """, PathVerifier.Telegram, CoreLibrary);

        return PathVerifier.VerifyAsync("""
            using System.Threading;
            using System.Threading.Tasks;

            class LaunchJob(Campaign campaign) : Quartz.IJob
            {
                public ValueTask {|#0:Execute|}(Quartz.IJobExecutionContext context, CancellationToken cancellationToken) => new(campaign.Launch());
            }
            """,
            [PathVerifier.Quartz4, PathVerifier.Telegram, CoreLibrary, outer],
            Unattended(0, "LaunchJob.Execute (a Quartz job)", "LaunchJob.Execute → Campaign.Launch → DealFacade.Announce → ChannelSender.Send → ITelegramBotClient.SendMessage"));
    }

    [Fact]
    public Task A_library_built_without_Presence_is_opaque()
    {
        var opaque = LibraryBuilder.Build("Plain.Core", Core, withPresence: false, PathVerifier.Telegram);
        return PathVerifier.VerifyAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            using Deals;

            class NightlyJob(ChannelSender sender) : Quartz.IJob
            {
                public async ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken cancellationToken) => await sender.Send("hi");
            }
            """,
            [PathVerifier.Quartz4, PathVerifier.Telegram, opaque]);
    }

    [Fact]
    public void The_summary_names_only_what_callers_outside_can_reach_and_is_deterministic()
    {
        var first = LibraryBuilder.Summary(LibraryBuilder.Compile("Deals.Core", Core, withPresence: true, PathVerifier.Telegram));
        var second = LibraryBuilder.Summary(LibraryBuilder.Compile("Deals.Core", Core, withPresence: true, PathVerifier.Telegram));
        Assert.Equal(first, second);
        Assert.Equal(
            string.Join("\n",
                "1",
                "P\tM:Deals.ChannelSender.Send(System.String)\tTelegram\tM:Telegram.Bot.TelegramBotClientExtensions.SendMessage\tChannelSender.Send → ITelegramBotClient.SendMessage",
                "P\tM:Deals.DealFacade.Announce(System.String)\tTelegram\tM:Telegram.Bot.TelegramBotClientExtensions.SendMessage\tDealFacade.Announce → ChannelSender.Send → ITelegramBotClient.SendMessage",
                "P\tM:Deals.IDealPoster.Post(System.String)\tTelegram\tM:Telegram.Bot.TelegramBotClientExtensions.SendMessage\tTelegramDealPoster.Post → ITelegramBotClient.SendMessage"),
            first);
    }

    [Fact]
    public void A_compilation_that_cannot_publish_carries_only_the_marker()
    {
        Assert.Equal(["PresenceSummary.Version.g.cs"], LibraryBuilder.GeneratedFiles("public class Calculator { public int Add(int a, int b) => a + b; }").ToList());
        Assert.Equal(["PresenceSummary.Version.g.cs", "PresenceSummary.g.cs"], LibraryBuilder.GeneratedFiles(Core, PathVerifier.Telegram).ToList());
    }

    [Fact]
    public Task Text_a_library_helper_generates_is_machine_written_in_the_caller()
    {
        var writers = LibraryBuilder.Build("Deals.Writing", """
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;

            public interface IDraftWriter { Task<string> Draft(string topic); }

            internal sealed class ChatDraftWriter(IChatClient chat) : IDraftWriter
            {
                public async Task<string> Draft(string topic) => (await chat.GetResponseAsync("Write about " + topic)).Text;
            }

            public class Templates
            {
                public Task<string> Greeting(string name) => Task.FromResult("Hello " + name);
            }
            """, PathVerifier.Ai);

        return PathVerifier.VerifyAsync("""
            using System.Threading.Tasks;
            using Presence;

            [PublishesContent("LinkedIn")]
            public interface IPublisher { Task PublishAsync(string text); }

            public interface IReview { [HumanConfirmation] Task<bool> AskAsync(string text); }

            class Writer(IDraftWriter writer, Templates templates, IPublisher publisher, IReview review)
            {
                async Task Unreviewed(string topic)
                {
                    var text = await writer.Draft(topic);
                    await {|#0:publisher.PublishAsync(text)|};
                }

                async Task Reviewed(string topic)
                {
                    var text = await writer.Draft(topic);
                    if (await review.AskAsync(text)) await publisher.PublishAsync(text);
                }

                async Task NotGenerated(string name)
                {
                    var text = await templates.Greeting(name);
                    if (await review.AskAsync(text)) await publisher.PublishAsync(text);
                }
            }
            """,
            [.. PathVerifier.Ai, writers],
            PathVerifier.Diagnostic(PresenceDiagnostics.MachineWrittenUnreviewed).WithLocation(0).WithArguments(
                "Posts to LinkedIn through 'IPublisher.PublishAsync' with machine-written content",
                "no [HumanConfirmation] that sees the generated text guards this publish; show the text to a person (a [HumanConfirmation] method, or AnsiConsole.Confirm with the text in its question; a Console.ReadLine() check is not one) and publish on yes"));
    }

    // The usual split: the Domain project declares the interface, Infrastructure implements it, the host calls it.
    private static readonly MetadataReference Contracts = LibraryBuilder.Build("News.Contracts", """
        namespace News.Contracts;
        public interface IPublisher { System.Threading.Tasks.Task Post(string text); }
        public interface IHandler<TRequest, TResponse> { System.Threading.Tasks.Task<TResponse> Handle(TRequest request); }
        public sealed record Announce(string Text);
        public sealed record Count(int N);
        """, withPresence: false);

    private const string Infrastructure = """
        using System.Threading.Tasks;
        using News.Contracts;
        using Telegram.Bot;

        namespace News.Infrastructure;

        public sealed class TelegramPublisher(ITelegramBotClient bot) : IPublisher
        {
            public Task Post(string text) => {|PRES001:bot.SendMessage("@news", text)|};
        }

        public sealed class Facade(IPublisher publisher)
        {
            public Task Go() => publisher.Post("x");
        }

        public sealed class AnnounceHandler(ITelegramBotClient bot) : IHandler<Announce, bool>
        {
            public async Task<bool> Handle(Announce request) { await {|PRES001:bot.SendMessage("@news", request.Text)|}; return true; }
        }

        public sealed class CountHandler : IHandler<Count, int>
        {
            public Task<int> Handle(Count request) => Task.FromResult(request.N);
        }
        """;

    private const string Host = """
        using System.Threading;
        using System.Threading.Tasks;
        using News.Contracts;

        class Direct(IPublisher publisher) : Microsoft.Extensions.Hosting.BackgroundService
        {
            protected override Task {|#0:ExecuteAsync|}(CancellationToken ct) => publisher.Post("daily");
        }

        class ThroughFacade(News.Infrastructure.Facade facade) : Microsoft.Extensions.Hosting.BackgroundService
        {
            protected override Task {|#1:ExecuteAsync|}(CancellationToken ct) => facade.Go();
        }

        class Announcing(IHandler<Announce, bool> handler) : Microsoft.Extensions.Hosting.BackgroundService
        {
            protected override Task {|#2:ExecuteAsync|}(CancellationToken ct) => handler.Handle(new Announce("hi"));
        }

        class Counting(IHandler<Count, int> handler) : Microsoft.Extensions.Hosting.BackgroundService
        {
            protected override Task ExecuteAsync(CancellationToken ct) => handler.Handle(new Count(1));
        }
        """;

    [Fact]
    public Task An_interface_of_another_assembly_is_followed_into_its_implementations_here()
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test();
        test.TestState.Sources.Add(("/0/Infrastructure.cs", Infrastructure));
        test.TestState.Sources.Add(("/0/Host.cs", Host.Replace("using System.Threading;", "using System.Threading;\nusing News.Infrastructure;")));
        test.TestState.AdditionalReferences.AddRange([.. PathVerifier.Hosting, PathVerifier.Telegram, Contracts]);
        test.ExpectedDiagnostics.AddRange(
        [
            Unattended(0, "Direct.ExecuteAsync (a hosted service)", "Direct.ExecuteAsync → TelegramPublisher.Post → ITelegramBotClient.SendMessage"),
            Unattended(1, "ThroughFacade.ExecuteAsync (a hosted service)", "ThroughFacade.ExecuteAsync → Facade.Go → TelegramPublisher.Post → ITelegramBotClient.SendMessage"),
            Unattended(2, "Announcing.ExecuteAsync (a hosted service)", "Announcing.ExecuteAsync → AnnounceHandler.Handle → ITelegramBotClient.SendMessage"),
        ]);
        return test.RunAsync();
    }

    [Fact]
    public Task A_library_that_implements_another_assembly_s_interface_says_so_in_its_summary()
    {
        var infrastructure = LibraryBuilder.Build("News.Infrastructure", Infrastructure.Replace("{|PRES001:", "").Replace(")|};", ");"), PathVerifier.Telegram, Contracts);
        return PathVerifier.VerifyAsync(Host,
            [.. PathVerifier.Hosting, PathVerifier.Telegram, Contracts, infrastructure],
            Unattended(0, "Direct.ExecuteAsync (a hosted service)", "Direct.ExecuteAsync → TelegramPublisher.Post → ITelegramBotClient.SendMessage"),
            Unattended(1, "ThroughFacade.ExecuteAsync (a hosted service)", "ThroughFacade.ExecuteAsync → Facade.Go → TelegramPublisher.Post → ITelegramBotClient.SendMessage"),
            Unattended(2, "Announcing.ExecuteAsync (a hosted service)", "Announcing.ExecuteAsync → AnnounceHandler.Handle → ITelegramBotClient.SendMessage"));
    }

    private static readonly MetadataReference DigestLibrary = LibraryBuilder.Build("Digest.Core", """
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Telegram.Bot;

        namespace Lib;

        public sealed class Digest(ITelegramBotClient bot)
        {
            public Task PostAll(IEnumerable<string> items) => Task.WhenAll(items.Select(PostOne));
            public Task PostOne(string text) => bot.SendMessage("@acme_news", text);
        }

        public sealed class Preview
        {
            public Task ShowAll(IEnumerable<string> items) => Task.WhenAll(items.Select(Show));
            public Task Show(string text) => Task.CompletedTask;
        }
        """, PathVerifier.Telegram);

    [Fact]
    public Task A_library_method_that_publishes_through_a_method_group_is_followed()
        => PathVerifier.VerifyAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            using Lib;

            class GroupWorker(Digest d) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override Task {|#0:ExecuteAsync|}(CancellationToken ct) => d.PostAll(["a", "b"]);
            }
            """,
            [.. PathVerifier.Hosting, PathVerifier.Telegram, DigestLibrary],
            Unattended(0, "GroupWorker.ExecuteAsync (a hosted service)", "GroupWorker.ExecuteAsync → Digest.PostAll → Digest.PostOne → ITelegramBotClient.SendMessage"));

    [Fact]
    public Task A_method_group_of_a_method_that_does_not_publish_is_not_reported()
        => PathVerifier.VerifyAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            using Lib;

            class PreviewWorker(Preview p) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override Task ExecuteAsync(CancellationToken ct) => p.ShowAll(["a", "b"]);
            }
            """,
            [.. PathVerifier.Hosting, PathVerifier.Telegram, DigestLibrary]);
}
