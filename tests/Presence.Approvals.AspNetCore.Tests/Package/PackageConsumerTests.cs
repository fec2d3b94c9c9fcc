using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using Presence.Analyzers.EndToEnd.Tests;

namespace Presence.Approvals.AspNetCore.Tests.Package;

/// <summary>
/// Presence.Approvals.AspNetCore as users get it: packed with Presence.Analyzers into a fresh folder feed, added to a
/// web app by PackageReference alone, built with dotnet build. The analyzers arrive with it, and read the editor's
/// click as a confirmation.
/// </summary>
public sealed class PackageConsumerTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "presence-aspnet-e2e-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly string _version = "0.0.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may hold a file for a moment; the folder is in the temp directory.
        }
    }

    [Fact]
    public void A_web_app_built_from_the_packages_gets_the_dashboard_and_PRES001_only_on_the_unguarded_endpoint()
    {
        var repo = typeof(PackageConsumerTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;
        var feed = Path.Combine(_root, "feed");
        foreach (var project in new[] { "src/Presence.Analyzers.Package/Presence.Analyzers.Package.csproj", "src/Presence.Approvals.AspNetCore/Presence.Approvals.AspNetCore.csproj" })
        {
            var pack = DotNet.Run(repo, "pack", project, "-c", "Release", "-o", feed, "-p:PackageVersion=" + _version);
            Assert.True(pack.ExitCode == 0, pack.ToString());
        }

        var package = Path.Combine(feed, $"Presence.Approvals.AspNetCore.{_version}.nupkg");
        using (var zip = ZipFile.OpenRead(package))
        {
            Assert.Contains(zip.Entries, e => e.FullName == "lib/net8.0/Presence.Approvals.AspNetCore.dll");
            Assert.Contains(zip.Entries, e => e.FullName == "lib/net10.0/Presence.Approvals.AspNetCore.dll");
            var nuspec = XDocument.Load(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
            var dependencies = nuspec.Descendants().Where(e => e.Name.LocalName == "dependency").ToList();
            Assert.NotEmpty(dependencies);
            Assert.All(dependencies, d =>
            {
                Assert.Equal("Presence.Analyzers", d.Attribute("id")!.Value);
                Assert.Equal(_version, d.Attribute("version")!.Value);
                Assert.Null(d.Attribute("exclude"));
            });
        }

        var app = Path.Combine(_root, "app");
        Directory.CreateDirectory(app);
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><add key="presence-e2e" value="{feed}" /></packageSources></configuration>
            """);
        File.WriteAllText(Path.Combine(app, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <RestorePackagesPath>{Path.Combine(_root, "packages")}</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Presence.Approvals.AspNetCore" Version="{_version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.DependencyInjection;
            using Presence;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSingleton(new ApprovalLedger(new InMemoryApprovalStore(), new PublishingHold()));
            builder.Services.AddPresenceReview(o => o.Channel("linkedin:acme").RequirePolicy("Brand"));
            var app = builder.Build();
            app.MapPresenceReview("/review").RequireAuthorization("Reviewers");

            app.MapPost("/drafts/{id}/publish", async (string id, HttpContext http, IMastodonPublisher mastodon) =>
            {
                var text = "Draft " + id;
                var decision = await EditorDecision.ConfirmAsync(http, text);
                if (!decision.IsConfirmed) return Results.Problem(decision.Message, statusCode: 403);
                await mastodon.PublishStatusAsync(text);
                return Results.Ok();
            });

            app.MapPost("/drafts/{id}/publish-unchecked", async (string id, IMastodonPublisher mastodon) =>
            {
                await mastodon.PublishStatusAsync("Draft " + id);
                return Results.Ok();
            });

            app.Run();

            [PublishesContent("Mastodon")]
            public interface IMastodonPublisher { Task PublishStatusAsync(string text); }
            """);

        var build = DotNet.Run(app, "build", "-nodeReuse:false", "-p:UseSharedCompilation=false");

        Assert.True(build.ExitCode == 0, build.ToString());
        var presence = build.Diagnostics.Where(d => d.Id.StartsWith("PRES", StringComparison.Ordinal)).ToList();
        Assert.True(presence.Count == 1 && presence[0].Id is "PRES001" or "PRES003", build.ToString());
        // Reported on the unchecked endpoint (its publish on line 24, or the handler on line 22), never on the guarded one (line 18).
        Assert.True(build.Output.Contains("Program.cs(24,", StringComparison.Ordinal) || build.Output.Contains("Program.cs(22,", StringComparison.Ordinal), build.ToString());
        Assert.DoesNotContain("Program.cs(18,", build.Output);
    }
}
