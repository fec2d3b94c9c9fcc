using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Catalog;
using Presence.Analyzers.Tests.Verifiers;
using Xunit;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A library binds its options in its own registration method (<c>services.AddSocialPublishing(config)</c>) and the
/// host reads them: the library's summary says which section the type is bound from, so the host's settings decide
/// what the host's own reads of those options hold. A binding of the host's own wins.
/// </summary>
public class LibraryBoundOptionsTests
{
    private const string Social = """
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        namespace Social;

        public sealed class DiscordOptions
        {
            public string AnnouncementsWebhookUrl { get; set; } = "";
            public string StatusWebhookUrl { get; set; } = "";
        }

        public sealed class WebhookPoster(HttpClient http)
        {
            public Task PostAsync(string url, object body) => http.PostAsJsonAsync(url, body);
        }

        public static class SocialServices
        {
            public static IServiceCollection AddSocialPublishing(this IServiceCollection services, IConfiguration config)
                => services.Configure<DiscordOptions>(config.GetSection("Social:Discord"));
        }
        """;

    private static readonly MetadataReference SocialLibrary = LibraryBuilder.Build("Social.Core", Social, ConfiguredUrlTests.Configuration);

    private const string Jobs = """
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Options;
        using Social;

        class ReleaseJob(WebhookPoster poster, IOptions<DiscordOptions> discord) : Quartz.IJob
        {
            public async ValueTask {|#0:Execute|}(Quartz.IJobExecutionContext context, CancellationToken cancellationToken)
                => await poster.PostAsync(discord.Value.AnnouncementsWebhookUrl, new { content = "Release 2.4 is out" });
        }

        class OwnRequestJob(HttpClient http, IOptions<DiscordOptions> discord) : Quartz.IJob
        {
            public async ValueTask {|#1:Execute|}(Quartz.IJobExecutionContext context, CancellationToken cancellationToken)
                => await http.PostAsJsonAsync(discord.Value.AnnouncementsWebhookUrl, new { content = "Release 2.4 is out" }, cancellationToken);
        }

        class StatusJob(WebhookPoster poster, IOptions<DiscordOptions> discord) : Quartz.IJob
        {
            public async ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken cancellationToken)
                => await poster.PostAsync(discord.Value.StatusWebhookUrl, new { content = "up" });
        }
        """;

    private const string Settings = """
        {
          "Social": {
            "Discord": {
              "AnnouncementsWebhookUrl": "https://discord.com/api/webhooks/123456/SECRETTOKEN",
              "StatusWebhookUrl": "https://status.acme.internal/hooks/discord"
            }
          },
          "Ops": {
            "AnnouncementsWebhookUrl": "https://ops.acme.internal/hooks/announcements",
            "StatusWebhookUrl": "https://ops.acme.internal/hooks/status"
          }
        }
        """;

    private static Task Check(string host, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test { TestCode = host };
        test.TestState.AdditionalReferences.AddRange([PathVerifier.Quartz4, SocialLibrary, .. ConfiguredUrlTests.Configuration]);
        test.TestState.AdditionalFiles.Add(("/src/appsettings.json", Settings));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public void The_summary_says_which_section_the_library_binds_its_options_from()
    {
        var summary = LibraryBuilder.Summary(LibraryBuilder.Compile("Social.Core", Social, withPresence: true, ConfiguredUrlTests.Configuration));
        Assert.Contains("\nO\tDiscordOptions\tSocial:Discord\t\n", summary + "\n");
    }

    [Fact]
    public Task The_host_reads_the_options_a_library_binds_under_the_library_s_section()
        => Check(
            Jobs,
            PathVerifier.Diagnostic(PresenceDiagnostics.UnattendedPublish).WithLocation(0)
                .WithArguments("ReleaseJob.Execute (a Quartz job)", "ReleaseJob.Execute → WebhookPoster.PostAsync → HttpClient.PostAsJsonAsync (POST to the URL from configuration 'Social:Discord:AnnouncementsWebhookUrl' (appsettings.json: discord.com))")
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
            PathVerifier.Diagnostic(PresenceDiagnostics.UnattendedPublish).WithLocation(1)
                .WithArguments("OwnRequestJob.Execute (a Quartz job)", "OwnRequestJob.Execute → HttpClient.PostAsJsonAsync (POST to the URL from configuration 'Social:Discord:AnnouncementsWebhookUrl' (appsettings.json: discord.com))")
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    // The host binds the type itself, to a section whose values are internal: its own binding decides.
    [Fact]
    public Task A_binding_of_the_host_s_own_wins_over_the_library_s()
        => Check(Jobs.Replace("{|#0:Execute|}", "Execute").Replace("{|#1:Execute|}", "Execute") + """

            static class Startup
            {
                public static void Configure(IServiceCollection services, IConfiguration config)
                    => services.Configure<DiscordOptions>(config.GetSection("Ops"));
            }
            """);
}
