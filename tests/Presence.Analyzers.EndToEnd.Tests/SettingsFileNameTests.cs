namespace Presence.Analyzers.EndToEnd.Tests;

/// <summary>
/// A settings file named in another case than appsettings.json (appSettings.json, AppSettings.Development.json) is
/// added by the package on every operating system, so a Linux build agent and a Windows desktop give the same verdict;
/// other JSON files beside the project are not.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class SettingsFileNameTests(PackedPackage package)
{
    private const string References = """
        <PackageReference Include="Hangfire.Core" Version="1.8.25" />
        <PackageReference Include="Microsoft.Extensions.Configuration.Abstractions" Version="10.0.10" />
        """;

    private const string Digest = """
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;
        using Hangfire;
        using Microsoft.Extensions.Configuration;

        public sealed class WeeklyDigest(HttpClient http, IConfiguration config)
        {
            public Task SendAsync() => http.PostAsJsonAsync(config["Digest:Url"], new { note = "This week in the newsroom" });
        }

        public static class Jobs
        {
            public static void Register() => RecurringJob.AddOrUpdate<WeeklyDigest>("weekly-digest", d => d.SendAsync(), Cron.Weekly());
        }
        """;

    private const string Settings = """{ "Digest": { "Url": "https://discord.com/api/webhooks/1/SECRETTOKEN123" } }""";

    [Fact]
    public void Settings_files_named_in_another_case_are_read()
    {
        var build = package.BuildConsumer(
            "SettingsNameCase", Digest, extraItems: References,
            files: [("appSettings.json", Settings), ("AppSettings.Production.json", "{}")]);
        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Contains(("error", "PRES002"), build.Diagnostics);
        Assert.Contains("(appSettings.json: discord.com)", build.Output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Other_json_files_beside_the_project_are_not()
    {
        var build = package.BuildConsumer(
            "SettingsNameOther", Digest, extraItems: References,
            files: [("appsettingsx.json", Settings), ("hooks.json", Settings)]);
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain(("error", "PRES002"), build.Diagnostics);
    }
}
