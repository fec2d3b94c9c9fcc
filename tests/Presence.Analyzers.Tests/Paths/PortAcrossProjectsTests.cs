using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Presence.Analyzers.Tests.Verifiers;
using static Presence.Analyzers.Tests.Verifiers.PathVerifier;
using Xunit;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// The Clean Architecture shape across projects: a Ports library declares a port and the service that calls it, an
/// Adapter library implements the port with a publish, and a worker that references both runs the service. Ports'
/// summary says which of its methods call the port unguarded; the worker's compilation continues that call into the
/// implementations it can see (its own, and the adapters whose summaries say theirs publishes).
/// </summary>
public class PortAcrossProjectsTests
{
    private const string PortsSource = """
        using System.Threading.Tasks;
        using Presence;

        namespace Ports;

        public interface IStatusPoster { Task PostAsync(string text); }

        public interface IApprovals { [HumanConfirmation] Task<bool> RedeemAsync(string text); }

        public sealed class Campaign(IStatusPoster poster)
        {
            public async Task RunAsync(string[] toots) { foreach (var t in toots) await poster.PostAsync(t); }
        }

        public sealed class ReviewedCampaign(IStatusPoster poster, IApprovals approvals)
        {
            public async Task RunAsync(string[] toots)
            {
                foreach (var t in toots)
                {
                    if (await approvals.RedeemAsync(t))
                    {
                        await poster.PostAsync(t);
                    }
                }
            }
        }

        public sealed record Announce(string Text);
        public sealed record Count(int Value);

        public interface IHandler<T> { Task Handle(T message); }

        public sealed class Announcer(IHandler<Announce> handler)
        {
            public Task Run(string text) => handler.Handle(new Announce(text));
        }

        public sealed class Counter(IHandler<Count> handler)
        {
            public Task Run(int value) => handler.Handle(new Count(value));
        }
        """;

    private static readonly MetadataReference Ports = LibraryBuilder.Build("Ports", PortsSource);

    private static readonly MetadataReference Adapter = LibraryBuilder.Build("Adapter", """
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;
        using Telegram.Bot;

        namespace Adapter;

        public sealed class MastodonPoster(HttpClient http) : Ports.IStatusPoster
        {
            public Task PostAsync(string text) => http.PostAsJsonAsync("https://mastodon.social/api/v1/statuses", new { status = text });
        }

        public sealed class AnnounceHandler(ITelegramBotClient bot) : Ports.IHandler<Ports.Announce>
        {
            public Task Handle(Ports.Announce message) => bot.SendMessage("@news", message.Text);
        }

        public sealed class CountHandler : Ports.IHandler<Ports.Count>
        {
            public Task Handle(Ports.Count message) => Task.CompletedTask;
        }
        """, Ports, PathVerifier.Telegram);

    // An adapter that implements the port without publishing: it keeps the statuses in a list.
    private static readonly MetadataReference Recorder = LibraryBuilder.Build("Recorder", """
        using System.Collections.Generic;
        using System.Threading.Tasks;

        namespace Recorder;

        public sealed class RecordingPoster : Ports.IStatusPoster
        {
            public List<string> Posted { get; } = new();
            public Task PostAsync(string text) { Posted.Add(text); return Task.CompletedTask; }
        }
        """, Ports);

    // A worker that runs the campaign every time it starts, with nobody deciding.
    private const string CampaignWorker = """
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class CampaignWorker(Ports.Campaign campaign) : Microsoft.Extensions.Hosting.BackgroundService
        {
            protected override Task {|#0:ExecuteAsync|}(CancellationToken ct) => campaign.RunAsync(new[] { "Spring sale" });
        }
        """;

    // Workers that run the services calling the closed generic port, one per type argument.
    private const string GenericWorkers = """
        using System.Threading;
        using Telegram.Bot;
        using System.Threading.Tasks;

        public sealed class AnnounceWorker(Ports.Announcer announcer) : Microsoft.Extensions.Hosting.BackgroundService
        {
            protected override Task {|#0:ExecuteAsync|}(CancellationToken ct) => announcer.Run("hello");
        }

        public sealed class CountWorker(Ports.Counter counter) : Microsoft.Extensions.Hosting.BackgroundService
        {
            protected override Task ExecuteAsync(CancellationToken ct) => counter.Run(1);
        }
        """;

    [Fact]
    public void The_ports_summary_says_which_methods_call_a_port_unguarded()
    {
        var summary = LibraryBuilder.Summary(LibraryBuilder.Compile("Ports", PortsSource, withPresence: true));

        Assert.NotNull(summary);
        Assert.Equal(
            [
                "1",
                "D\tM:Ports.Announcer.Run(System.String)\tM:Ports.IHandler`1.Handle(`0)|global::Ports.IHandler<global::Ports.Announce>\tAnnouncer.Run → IHandler.Handle",
                "D\tM:Ports.Campaign.RunAsync(System.String[])\tM:Ports.IStatusPoster.PostAsync(System.String)\tCampaign.RunAsync → IStatusPoster.PostAsync",
                "D\tM:Ports.Counter.Run(System.Int32)\tM:Ports.IHandler`1.Handle(`0)|global::Ports.IHandler<global::Ports.Count>\tCounter.Run → IHandler.Handle",
            ],
            summary.Split('\n'));
    }

    [Fact]
    public Task A_worker_running_a_service_of_the_ports_project_reaches_the_adapter_that_publishes()
        => PathVerifier.VerifyAsync(
            CampaignWorker,
            [.. PathVerifier.Hosting, PathVerifier.Telegram, Ports, Adapter],
            Unattended(0, "CampaignWorker.ExecuteAsync (a hosted service)", "CampaignWorker.ExecuteAsync → Campaign.RunAsync → MastodonPoster.PostAsync → HttpClient.PostAsJsonAsync (POST https://mastodon.social/api/v1/statuses)"));

    [Fact]
    public Task A_confirmation_in_the_ports_project_before_the_port_call_keeps_it_guarded()
        => PathVerifier.VerifyAsync("""
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class ReviewedWorker(Ports.ReviewedCampaign campaign) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override Task ExecuteAsync(CancellationToken ct) => campaign.RunAsync(new[] { "Spring sale" });
            }
            """,
            [.. PathVerifier.Hosting, PathVerifier.Telegram, Ports, Adapter]);

    [Fact]
    public Task An_implementation_that_does_not_publish_is_not_reported()
        => PathVerifier.VerifyAsync(CampaignWorker + """

            public sealed class LocalPoster : Ports.IStatusPoster
            {
                public Task PostAsync(string text) => Task.CompletedTask;
            }
            """,
            [.. PathVerifier.Hosting, Ports, Recorder]);

    [Fact]
    public Task The_worker_s_own_implementation_of_the_port_continues_the_path()
        => PathVerifier.VerifyAsync("using Telegram.Bot;\n" + CampaignWorker + """

            public sealed class ChannelPoster(ITelegramBotClient bot) : Ports.IStatusPoster
            {
                public Task PostAsync(string text) => {|PRES001:bot.SendMessage("@news", text)|};
            }
            """,
            [.. PathVerifier.Hosting, PathVerifier.Telegram, Ports],
            Unattended(0, "CampaignWorker.ExecuteAsync (a hosted service)", "CampaignWorker.ExecuteAsync → Campaign.RunAsync → ChannelPoster.PostAsync → ITelegramBotClient.SendMessage"));

    [Fact]
    public Task A_closed_generic_port_lands_only_in_the_adapter_s_handler_of_its_own_type_argument()
        => PathVerifier.VerifyAsync(
            GenericWorkers,
            [.. PathVerifier.Hosting, PathVerifier.Telegram, Ports, Adapter],
            Unattended(0, "AnnounceWorker.ExecuteAsync (a hosted service)", "AnnounceWorker.ExecuteAsync → Announcer.Run → AnnounceHandler.Handle → ITelegramBotClient.SendMessage"));

    [Fact]
    public Task A_closed_generic_port_lands_only_in_the_worker_s_own_handler_of_its_own_type_argument()
        => PathVerifier.VerifyAsync(GenericWorkers + """

            public sealed class LocalAnnounce(ITelegramBotClient bot) : Ports.IHandler<Ports.Announce>
            {
                public Task Handle(Ports.Announce message) => {|PRES001:bot.SendMessage("@news", message.Text)|};
            }

            public sealed class LocalCount : Ports.IHandler<Ports.Count>
            {
                public Task Handle(Ports.Count message) => Task.CompletedTask;
            }
            """,
            [.. PathVerifier.Hosting, PathVerifier.Telegram, Ports],
            Unattended(0, "AnnounceWorker.ExecuteAsync (a hosted service)", "AnnounceWorker.ExecuteAsync → Announcer.Run → LocalAnnounce.Handle → ITelegramBotClient.SendMessage"));
}
