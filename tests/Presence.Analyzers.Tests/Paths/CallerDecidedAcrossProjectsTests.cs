using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Catalog;
using Presence.Analyzers.Tests.Verifiers;
using Xunit;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A library's send to the URL its caller passes (<c>Notifier.Send(string url, string text)</c>, the shape of most
/// company notification packages): the library cannot say where it posts, so its summary names the parameter, and each
/// call in the referencing project is read by the URL it passes there.
/// </summary>
public class CallerDecidedAcrossProjectsTests
{
    private const string Kit = """
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;
        using Presence;

        namespace Kit;

        public interface IWebhookClient
        {
            Task Post(string webhookUrl, string text);
        }

        internal sealed class WebhookClient(HttpClient http) : IWebhookClient
        {
            public Task Post(string webhookUrl, string text) => http.PostAsJsonAsync(webhookUrl, new { text });
        }

        public interface IReview { [HumanConfirmation] Task<bool> ApproveAsync(string text); }

        public class SlackClient(HttpClient http)
        {
            public Task PostMessage(string webhookUrl, string text) => Send(webhookUrl, new { text });

            public async Task PostConfirmed(string webhookUrl, string text, IReview review)
            {
                if (await review.ApproveAsync(text))
                {
                    await Send(webhookUrl, new { text });
                }
            }

            private async Task Send(string url, object payload)
            {
                var response = await http.PostAsJsonAsync(url, payload);
                response.EnsureSuccessStatusCode();
            }
        }

        public class Notifier(HttpClient http)
        {
            public Task Send(string url, string body) => http.PostAsync(url, new StringContent(body));

            // The library's own call gives the team's service: callers outside still decide theirs.
            public Task Heartbeat() => Send("https://status.internal.example/beat", "up");

            public Task Toot(string instance, string status) => http.PostAsync($"{instance}/api/v1/statuses", new StringContent(status));

            public Task<string> Fetch(string url) => http.GetStringAsync(url);

            public Task Ping(string path) => http.PostAsync("https://status.example.com/" + path, null);
        }
        """;

    private static readonly MetadataReference KitLibrary = LibraryBuilder.Build("Kit", Kit);

    [Fact]
    public void The_summary_names_the_parameter_the_url_comes_from()
    {
        var summary = LibraryBuilder.Summary(LibraryBuilder.Compile("Kit", Kit, withPresence: true));
        Assert.Equal(
            string.Join("\n",
                "1",
                // The body's shape travels too: a caller's URL read under a Slack-named setting without a value is then a Slack post.
                "A\tM:Kit.IWebhookClient.Post(System.String,System.String)\t0\tPOST\tWebhookClient.Post → HttpClient.PostAsJsonAsync\t\tSlack:text",
                "A\tM:Kit.Notifier.Send(System.String,System.String)\t0\tPOST\tNotifier.Send → HttpClient.PostAsync\t",
                "A\tM:Kit.SlackClient.PostMessage(System.String,System.String)\t0\tPOST\tSlackClient.PostMessage → SlackClient.Send → HttpClient.PostAsJsonAsync\t",
                // A Mastodon status on any instance: the library knows it publishes, whatever the caller passes.
                "P\tM:Kit.Notifier.Toot(System.String,System.String)\tMastodon\tPOST * /api/v1/statuses\tNotifier.Toot → HttpClient.PostAsync (POST …/api/v1/statuses)"),
            summary);
    }

    private static Task Check(string source, string? settings, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test { TestCode = source };
        test.TestState.AdditionalReferences.AddRange([PathVerifier.Quartz4, KitLibrary, .. ConfiguredUrlTests.Configuration]);
        if (settings is not null)
        {
            test.TestState.AdditionalFiles.Add(("/src/appsettings.json", settings));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task A_job_passing_a_webhook_publishes_and_one_passing_its_own_service_does_not()
        => Check("""
            using System.Threading;
            using System.Threading.Tasks;
            using Kit;

            class AnnounceJob(Notifier notifier) : Quartz.IJob
            {
                public ValueTask {|#0:Execute|}(Quartz.IJobExecutionContext context, CancellationToken cancellationToken)
                    => new(notifier.Send("https://hooks.slack.com/services/T0001/B0001/SECRETTOKEN", "Sale starts now"));
            }

            class MetricsJob(Notifier notifier) : Quartz.IJob
            {
                public async ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken cancellationToken)
                {
                    await notifier.Send("https://metrics.internal.example/ingest", "cpu=3");
                    await notifier.Ping("up");
                    await notifier.Heartbeat();
                    _ = await notifier.Fetch("https://discord.com/api/webhooks/1/abc");
                }
            }
            """,
            null,
            PathVerifier.Unattended(0, "AnnounceJob.Execute (a Quartz job)", "AnnounceJob.Execute → Notifier.Send → HttpClient.PostAsync (POST https://hooks.slack.com/services/…)"));

    [Fact]
    public Task Through_the_interface()
        => Check("""
            using System.Threading;
            using System.Threading.Tasks;
            using Kit;

            class TootJob(Notifier notifier, IWebhookClient hooks) : Quartz.IJob
            {
                public async ValueTask {|#0:Execute|}(Quartz.IJobExecutionContext context, CancellationToken cancellationToken)
                    => await notifier.Toot("https://mastodon.social", "Hello");
            }

            class DiscordJob(IWebhookClient hooks) : Quartz.IJob
            {
                public async ValueTask {|#1:Execute|}(Quartz.IJobExecutionContext context, CancellationToken cancellationToken)
                    => await hooks.Post("https://discord.com/api/webhooks/123/TOKEN", "Hello");
            }

            class RelayJob(IWebhookClient hooks) : Quartz.IJob
            {
                public async ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken cancellationToken)
                    => await hooks.Post("https://relay.internal.example/queue", "Hello");
            }
            """,
            null,
            PathVerifier.Unattended(0, "TootJob.Execute (a Quartz job)", "TootJob.Execute → Notifier.Toot → HttpClient.PostAsync (POST …/api/v1/statuses)"),
            PathVerifier.Unattended(1, "DiscordJob.Execute (a Quartz job)", "DiscordJob.Execute → WebhookClient.Post → HttpClient.PostAsJsonAsync (POST https://discord.com/api/webhooks/123/…)"));

    [Fact]
    public Task The_url_from_the_hosts_settings_decides()
        => Check("""
            using System.Threading;
            using System.Threading.Tasks;
            using Kit;
            using Microsoft.Extensions.Configuration;

            class DigestJob(Notifier notifier, IConfiguration config) : Quartz.IJob
            {
                public async ValueTask {|#0:Execute|}(Quartz.IJobExecutionContext context, CancellationToken cancellationToken)
                    => await notifier.Send(config["Slack:WebhookUrl"]!, "This week");
            }

            class SyncJob(Notifier notifier, IConfiguration config) : Quartz.IJob
            {
                public async ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken cancellationToken)
                    => await notifier.Send(config["Backend:Url"]!, "items");
            }
            """,
            """
            {
              "Slack": { "WebhookUrl": "https://hooks.slack.com/services/T0001/B0001/SECRETTOKEN" },
              "Backend": { "Url": "https://api.example.com/items" }
            }
            """,
            PathVerifier.Unattended(0, "DigestJob.Execute (a Quartz job)", "DigestJob.Execute → Notifier.Send → HttpClient.PostAsync (POST to the URL from configuration 'Slack:WebhookUrl' (appsettings.json: hooks.slack.com))"));

    // A helper of the host's own that passes its parameter on: each of its callers decides, as in one project (and the
    // helper's send is PRES001 where a caller passes a webhook, as a request of the host's own would be).
    [Fact]
    public Task A_helper_of_the_host_is_decided_per_caller()
        => Check("""
            using System.Threading;
            using System.Threading.Tasks;
            using Kit;

            class Relay(Notifier notifier)
            {
                public Task Forward(string url, string text) => {|#1:notifier.Send(url, text)|};
            }

            class AnnounceJob(Relay relay) : Quartz.IJob
            {
                public ValueTask {|#0:Execute|}(Quartz.IJobExecutionContext context, CancellationToken cancellationToken)
                    => new(relay.Forward("https://hooks.slack.com/services/T0001/B0001/SECRETTOKEN", "Sale"));
            }

            class MetricsJob(Relay relay) : Quartz.IJob
            {
                public ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken cancellationToken)
                    => new(relay.Forward("https://metrics.internal.example/ingest", "cpu=3"));
            }
            """,
            null,
            PathVerifier.Unattended(0, "AnnounceJob.Execute (a Quartz job)", "AnnounceJob.Execute → Relay.Forward → Notifier.Send → HttpClient.PostAsync (POST https://hooks.slack.com/services/…)"),
            new DiagnosticResult(PresenceDiagnostics.UnconfirmedPublish).WithLocation(1)
                .WithArguments("Posts to Slack through 'Notifier.Send' (POST https://hooks.slack.com/services/…)", "Forward"));

    // Outside an entry point the call is a publish of the host's, as a request of its own would be.
    [Fact]
    public Task An_unguarded_call_outside_an_entry_point_is_PRES001()
        => Check("""
            using System.Threading.Tasks;
            using Kit;

            class Campaign(Notifier notifier)
            {
                public Task Launch() => {|#0:notifier.Send("https://hooks.slack.com/services/T0001/B0001/SECRETTOKEN", "Launch")|};

                public Task Log() => notifier.Send("https://logs.internal.example/", "launched");
            }
            """,
            null,
            new DiagnosticResult(PresenceDiagnostics.UnconfirmedPublish).WithLocation(0)
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations | DiagnosticOptions.IgnoreSeverity)
                .WithMessage(null));

    [Fact]
    public Task A_public_method_that_passes_its_url_to_a_private_helper()
        => Check("""
            using System.Threading;
            using System.Threading.Tasks;
            using Kit;

            class PromoJob(SlackClient slack, IReview review) : Quartz.IJob
            {
                public async ValueTask {|#0:Execute|}(Quartz.IJobExecutionContext context, CancellationToken cancellationToken)
                {
                    await slack.PostConfirmed("https://hooks.slack.com/services/T0001/B0001/SECRETTOKEN", "Reviewed", review);
                    await slack.PostMessage("https://hooks.slack.com/services/T0001/B0001/SECRETTOKEN", "Promo");
                }
            }

            class OpsJob(SlackClient slack) : Quartz.IJob
            {
                public ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken cancellationToken)
                    => new(slack.PostMessage("https://chat.internal.example/hooks/ops", "Disk at 80%"));
            }
            """,
            null,
            PathVerifier.Unattended(0, "PromoJob.Execute (a Quartz job)", "PromoJob.Execute → SlackClient.PostMessage → SlackClient.Send → HttpClient.PostAsJsonAsync (POST https://hooks.slack.com/services/…)"));

    // A summary is read from an assembly anyone may have built: a record that does not fit is skipped, never thrown on.
    [Fact]
    public Task Records_that_do_not_fit_are_skipped()
    {
        var forged = LibraryBuilder.Build("Forged", """
            using System.Net.Http;
            using System.Threading.Tasks;

            [assembly: System.Reflection.AssemblyMetadata("Presence.Summary", "1\nA\tM:Forged.Hooks.Send(System.String)\tzero\tPOST\tHooks.Send → HttpClient.PostAsync\t\nA\tM:Forged.Hooks.Post(System.String)\t7\tPOST\tHooks.Post → HttpClient.PostAsync\t\nA\tM:Forged.Hooks.Put(System.String)\t0\nA\tM:Forged.Hooks.Relay(System.String)\t0\tPOST\tHooks.Relay → HttpClient.PostAsync")]

            namespace Forged;

            public class Hooks
            {
                public Task Send(string url) => Task.CompletedTask;
                public Task Post(string url) => Task.CompletedTask;
                public Task Put(string url) => Task.CompletedTask;
                public Task Relay(string url) => Task.CompletedTask;
            }
            """, withPresence: false);
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test
        {
            TestCode = """
                using System.Threading;
                using System.Threading.Tasks;
                using Forged;

                class Job(Hooks hooks) : Quartz.IJob
                {
                    public async ValueTask {|#0:Execute|}(Quartz.IJobExecutionContext context, CancellationToken cancellationToken)
                    {
                        const string Slack = "https://hooks.slack.com/services/T0001/B0001/SECRETTOKEN";
                        await hooks.Send(Slack);
                        await hooks.Post(Slack);
                        await hooks.Put(Slack);
                        await hooks.Relay(Slack);
                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.AddRange([PathVerifier.Quartz4, forged]);
        // Only the last record is whole (its sixth field, the rest of the URL, may be left out).
        test.ExpectedDiagnostics.Add(PathVerifier.Unattended(0, "Job.Execute (a Quartz job)", "Job.Execute → Hooks.Relay → HttpClient.PostAsync (POST https://hooks.slack.com/services/…)"));
        return test.RunAsync();
    }

    // A library between the host and Kit that passes its own parameter on: its summary names that parameter in turn.
    [Fact]
    public void A_library_that_passes_its_parameter_on_to_another_says_so()
    {
        var summary = LibraryBuilder.Summary(LibraryBuilder.Compile("Middle", """
            using System.Threading.Tasks;
            using Kit;

            namespace Middle;

            public class Announcer(Notifier notifier)
            {
                public Task Announce(string channelUrl, string text) => notifier.Send(channelUrl, "📣 " + text);

                public Task Heartbeat() => notifier.Send("https://status.internal.example/beat", "up");
            }
            """, withPresence: true, KitLibrary));
        Assert.Equal(
            "1\nA\tM:Middle.Announcer.Announce(System.String,System.String)\t0\tPOST\tAnnouncer.Announce → Notifier.Send → HttpClient.PostAsync\t",
            summary);
    }
}
