namespace Presence.Analyzers.EndToEnd.Tests;

/// <summary>
/// A consumer whose Hangfire job posts to a Slack webhook configured in appsettings.json: the package adds the file,
/// the analyzers resolve the URL, the build fails with the path, and the webhook's secret never reaches the output.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class ConfiguredWebhookTests(PackedPackage package)
{
    private const string Secret = "SECRETTOKEN123";

    private const string References = """
        <PackageReference Include="Hangfire.Core" Version="1.8.25" />
        <PackageReference Include="Microsoft.Extensions.Configuration.Abstractions" Version="10.0.10" />
        """;

    private static string Digest(string key) => $$"""
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;
        using Hangfire;
        using Microsoft.Extensions.Configuration;

        public sealed class WeeklyDigest(HttpClient http, IConfiguration config)
        {
            public Task SendAsync() => http.PostAsJsonAsync(config["{{key}}"], new { text = "This week in the newsroom" });
        }

        public static class Jobs
        {
            public static void Register() => RecurringJob.AddOrUpdate<WeeklyDigest>("weekly-digest", d => d.SendAsync(), Cron.Weekly());
        }
        """;

    private static (string, string) AppSettings(string section) => ("appsettings.json", $$"""
        {
          // The team's webhook; production overrides it from a secret store.
          "{{section}}": { "Url": "https://hooks.slack.com/services/T0000/B0000/{{Secret}}", },
        }
        """);

    [Fact]
    public void A_hangfire_job_posting_to_a_configured_slack_webhook_fails_the_build_without_showing_the_secret()
    {
        var build = package.BuildConsumer("ConfiguredWebhook", Digest("Digest:Url"), extraItems: References, files: AppSettings("Digest"));
        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Contains(("error", "PRES002"), build.Diagnostics);
        Assert.Contains("URL from configuration 'Digest:Url' (appsettings.json: hooks.slack.com)", build.Output, System.StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, build.Output, System.StringComparison.Ordinal);
        Assert.DoesNotContain("/services/", build.Output, System.StringComparison.Ordinal);
        Assert.DoesNotContain(build.Diagnostics, d => d.Id == "AD0001");
    }

    [Fact]
    public void PresenceReadAppSettings_false_keeps_the_settings_away_from_the_analyzers()
    {
        var build = package.BuildConsumer(
            "ConfiguredWebhookOff", Digest("Digest:Url"), "<PresenceReadAppSettings>false</PresenceReadAppSettings>", References, AppSettings("Digest"));
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain(("error", "PRES002"), build.Diagnostics);
    }

    [Fact]
    public void A_settings_file_that_cannot_be_read_is_named_in_a_warning()
    {
        var build = package.BuildConsumer(
            "BrokenSettings", Digest("Digest:Url"), extraItems: References,
            files: [AppSettings("Digest"), ("appsettings.Development.json", "{ \"Digest\": { Url: 1 } }")]);
        Assert.Contains(("warning", "PRES108"), build.Diagnostics);
        Assert.Contains("appsettings.Development.json(1,15) is not valid JSON", build.Output, System.StringComparison.Ordinal);
        Assert.Contains(("error", "PRES002"), build.Diagnostics);
        Assert.DoesNotContain(build.Diagnostics, d => d.Id == "AD0001");
    }
}
