using System.IO;
using System.Linq;

namespace Presence.Analyzers.EndToEnd.Tests;

/// <summary>
/// A real solution: a Core library that posts to a Telegram channel, a Worker host whose hosted service calls it, and
/// a Web host whose webhook endpoint (ASP.NET Core minimal API) calls it. Nothing is marked in any project: the path
/// crosses the project (or package) boundary through the summary Core's build writes.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class CrossProjectBuildTests(PackedPackage package)
{
    private const string CoreSource = """
        using System.Threading.Tasks;
        using Telegram.Bot;

        namespace Deals;

        public interface IDealPoster { Task Post(string text); }

        internal sealed class TelegramDealPoster(ITelegramBotClient bot) : IDealPoster
        {
            public Task Post(string text) => ChannelSender.Send(bot, text);
        }

        public static class ChannelSender
        {
            public static Task Send(ITelegramBotClient bot, string text) => bot.SendMessage("@deals", text);
        }
        """;

    private const string WorkerSource = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Deals;
        using Microsoft.Extensions.Hosting;

        namespace Worker;

        public sealed class DealOfTheDay(IDealPoster poster) : BackgroundService
        {
            protected override async Task ExecuteAsync(CancellationToken stoppingToken)
            {
                while (!stoppingToken.IsCancellationRequested)
                {
                    await poster.Post("Deal of the day");
                    await Task.Delay(TimeSpan.FromDays(1), stoppingToken);
                }
            }
        }
        """;

    private const string HooksSource = """
        using Deals;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = WebApplication.CreateBuilder(args).Build();
        var hooks = app.MapGroup("/hooks");
        hooks.MapPost("/deals", async (DealNotification deal, IDealPoster poster) =>
        {
            await poster.Post(deal.Title);
            return Results.Accepted();
        });
        app.MapGet("/hooks/status", () => "ok");
        app.Run();

        public sealed record DealNotification(string Title);
        """;

    private const string WorkerPath = "DealOfTheDay.ExecuteAsync → TelegramDealPoster.Post → ChannelSender.Send → ITelegramBotClient.SendMessage";

    [Fact]
    public void A_worker_that_references_the_posting_project_fails_with_the_path_through_it()
    {
        var root = Solution("ProjectReference");
        Project(root, "Core", CoreSource, Telegram);
        Project(root, "Worker", WorkerSource, Hosting + """<ProjectReference Include="../Core/Core.csproj" />""");
        Project(root, "Hooks", HooksSource, """<ProjectReference Include="../Core/Core.csproj" />""", sdk: "Microsoft.NET.Sdk.Web");

        var worker = Build(root, "Worker");
        Assert.True(worker.ExitCode != 0, worker.ToString());
        Assert.Contains(("error", "PRES002"), worker.Diagnostics);
        Assert.Contains("DealOfTheDay.ExecuteAsync (a hosted service) runs with nobody present and publishes without a person confirming it: " + WorkerPath, worker.Output);
        Assert.DoesNotContain(worker.Diagnostics, d => d.Id is "AD0001" or "CS8785" or "PRES107");

        var hooks = Build(root, "Hooks");
        Assert.True(hooks.ExitCode == 0, hooks.ToString());
        Assert.Contains(("warning", "PRES003"), hooks.Diagnostics);
        Assert.Contains("the webhook POST /hooks/deals in the top-level program answers incoming messages and publishes with nobody there: "
            + "webhook POST /hooks/deals → TelegramDealPoster.Post → ChannelSender.Send → ITelegramBotClient.SendMessage", hooks.Output);
        Assert.DoesNotContain(hooks.Diagnostics, d => d.Id is "AD0001" or "CS8785" or "PRES107" or "PRES001");
    }

    [Fact]
    public void The_same_path_crosses_into_a_package_built_with_Presence()
    {
        var root = Solution("PackageReference");
        Project(root, "Deals.Core", CoreSource, Telegram, "<PackageId>Deals.Core</PackageId><Version>1.0.0</Version>");
        var pack = DotNet.Run(Path.Combine(root, "Deals.Core"), "pack", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-o", Path.Combine(root, "feed"));
        Assert.True(pack.ExitCode == 0, pack.ToString());

        Project(root, "Worker", WorkerSource, Hosting + """<PackageReference Include="Deals.Core" Version="1.0.0" />""");
        var worker = Build(root, "Worker");
        Assert.True(worker.ExitCode != 0, worker.ToString());
        Assert.Contains(("error", "PRES002"), worker.Diagnostics);
        Assert.Contains(WorkerPath, worker.Output);
    }

    [Fact]
    public void A_project_built_without_Presence_is_named_once()
    {
        // PRES107 is information (the IDE lists it; dotnet build prints it at detailed verbosity): audit mode makes it a warning.
        var root = Solution("WithoutPresence");
        Project(root, "Core", CoreSource, Telegram, withPresence: false);
        Project(root, "Worker", WorkerSource, Hosting + """<ProjectReference Include="../Core/Core.csproj" />""", "<PresenceEnforcement>audit</PresenceEnforcement>");

        var worker = Build(root, "Worker");
        Assert.True(worker.ExitCode == 0, worker.ToString());
        Assert.DoesNotContain(worker.Diagnostics, d => d.Id == "PRES002");
        Assert.Contains(("warning", "PRES107"), worker.Diagnostics);
        Assert.Contains("The referenced assembly 'Core' references a social SDK but was built without Presence.Analyzers", worker.Output);
    }

    [Fact]
    public void A_library_posting_to_a_configured_url_publishes_in_the_host_whose_appsettings_set_it()
    {
        // The library has no settings of its own: its summary carries the key, the host's appsettings.json decides.
        var root = Solution("ConfiguredKey");
        Project(root, "Alerts", """
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Configuration;

            namespace Alerts;

            public class SlackNotifier(HttpClient http, IConfiguration config)
            {
                public Task Notify(string text) => http.PostAsync(config["Slack:WebhookUrl"], new StringContent(text));
            }
            """,
            """<PackageReference Include="Microsoft.Extensions.Configuration.Abstractions" Version="10.0.10" />""");
        Project(root, "Digest", """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Alerts;
            using Microsoft.Extensions.Hosting;

            namespace Digest;

            public sealed class WeeklyDigest(SlackNotifier slack) : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        await slack.Notify("This week");
                        await Task.Delay(TimeSpan.FromDays(7), stoppingToken);
                    }
                }
            }
            """,
            Hosting + """<ProjectReference Include="../Alerts/Alerts.csproj" />""");
        File.WriteAllText(Path.Combine(root, "Digest", "appsettings.json"), """{ "Slack": { "WebhookUrl": "https://hooks.slack.com/services/T0001/B0001/SECRETTOKEN" } }""");

        var digest = Build(root, "Digest");
        Assert.True(digest.ExitCode != 0, digest.ToString());
        Assert.Contains(("error", "PRES002"), digest.Diagnostics);
        Assert.Contains("WeeklyDigest.ExecuteAsync → SlackNotifier.Notify → HttpClient.PostAsync", digest.Output);
        Assert.DoesNotContain("SECRETTOKEN", digest.Output);
        Assert.DoesNotContain(digest.Diagnostics, d => d.Id is "AD0001" or "CS8785");
    }

    private const string Telegram = """<PackageReference Include="Telegram.Bot" Version="22.10.3.3" />""";

    private const string Hosting = """<PackageReference Include="Microsoft.Extensions.Hosting.Abstractions" Version="10.0.10" />""";

    // A folder with a feed of its own beside the packed Presence.Analyzers (for the package variant).
    private string Solution(string name)
    {
        var root = Path.Combine(package.Root, "solution-" + name);
        Directory.CreateDirectory(Path.Combine(root, "feed"));
        File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="presence-e2e" value="{package.Feed}" />
                <add key="solution" value="{Path.Combine(root, "feed")}" />
              </packageSources>
            </configuration>
            """);
        return root;
    }

    private void Project(string root, string name, string source, string items, string properties = "", bool withPresence = true, string sdk = "Microsoft.NET.Sdk")
    {
        var directory = Path.Combine(root, name);
        Directory.CreateDirectory(directory);
        var presence = withPresence ? $"""<PackageReference Include="Presence.Analyzers" Version="{package.Version}" />""" : string.Empty;
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="{sdk}">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <RestorePackagesPath>{package.Packages}</RestorePackagesPath>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                {presence}
                {items}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Code.cs"), source);
    }

    private static BuildResult Build(string root, string project)
        => DotNet.Run(Path.Combine(root, project), "build", "-nodeReuse:false", "-p:UseSharedCompilation=false");
}
