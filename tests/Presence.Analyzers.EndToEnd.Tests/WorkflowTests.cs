using System.IO;
using System.Linq;

namespace Presence.Analyzers.EndToEnd.Tests;

/// <summary>
/// What a user does after adding the package: lets dotnet format apply the code fixes, declares APIs in
/// PresenceApis.txt next to the project, and references a library that uses the package from an app.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class WorkflowTests(PackedPackage package)
{
    private const string Publisher = """
        using System.Threading.Tasks;
        using Presence;

        [PublishesContent("Mastodon")]
        public interface IMastodonPublisher { Task PublishStatusAsync(string text); }

        """;

    [Fact]
    public void Dotnet_format_applies_a_fix_to_every_finding_it_can_fix()
    {
        // The constructor cannot declare [RequiresHumanApproval]: whichever finding dotnet format starts from, the
        // two methods get the attribute and the constructor keeps its warning.
        var build = package.BuildConsumer("Format", Publisher + """
            public sealed class Startup
            {
                public Startup(IMastodonPublisher mastodon) => mastodon.PublishStatusAsync("booted");
            }

            public sealed class Poster
            {
                public Task Tip(IMastodonPublisher mastodon) => mastodon.PublishStatusAsync("Tip of the day");

                public Task News(IMastodonPublisher mastodon) => mastodon.PublishStatusAsync("News");
            }
            """);
        Assert.True(build.ExitCode == 0, build.ToString());
        var directory = Path.Combine(package.Root, "Format");

        var format = DotNet.Run(directory, "format", "analyzers", "Format.csproj", "--diagnostics", "PRES001", "--severity", "warn", "--no-restore", "-v", "diag");
        Assert.True(format.ExitCode == 0, format.ToString());
        Assert.DoesNotContain("RequireApprovalFromCallersCodeFix didn't return a Fix All action", format.Output);

        var code = File.ReadAllText(Path.Combine(directory, "Code.cs"));
        Assert.True(code.Split("[RequiresHumanApproval]").Length - 1 == 2, format + "\n" + code);

        var rebuilt = DotNet.Run(directory, "build", "-nodeReuse:false", "-p:UseSharedCompilation=false", "--no-restore");
        Assert.True(rebuilt.ExitCode == 0, rebuilt.ToString());
        Assert.Single(rebuilt.Output.Split('\n').Where(line => line.Contains("warning PRES001", System.StringComparison.Ordinal)).Select(line => line.Trim()).Distinct());
    }

    [Fact]
    public void PresenceApis_txt_next_to_the_project_is_read_without_any_setting()
    {
        var build = package.BuildConsumer(
            "DeclaredApis",
            """
            namespace Contoso.Cms
            {
                public sealed class Wiki { public void Publish(string page) { } }
            }

            public sealed class Nightly
            {
                public void Run(Contoso.Cms.Wiki wiki) => wiki.Publish("release notes");
            }
            """,
            files: ("PresenceApis.txt", "M:Contoso.Cms.Wiki.Publish ; public wiki page\nnot a documentation id\n"));
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains(("warning", "PRES001"), build.Diagnostics);
        Assert.Contains("public wiki page", build.Output);
        Assert.Contains(build.Output.Split('\n'), line => line.Contains("PresenceApis.txt(2,", System.StringComparison.Ordinal) && line.Contains("warning PRES102", System.StringComparison.Ordinal));
    }

    [Fact]
    public void An_app_that_references_a_library_using_the_package_gets_its_build_settings_transitively()
    {
        // The library references the package; the app only the library. What flows to the app: the attributes
        // (lib/) and the buildTransitive props and targets, so the app's mode and PresenceApis.txt settings exist.
        var root = Path.Combine(package.Root, "transitive");
        var library = Path.Combine(root, "Posting");
        var app = Path.Combine(root, "App");
        Directory.CreateDirectory(library);
        Directory.CreateDirectory(app);
        File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="presence-e2e" value="{package.Feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(library, "Posting.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <RestorePackagesPath>{package.Packages}</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Presence.Analyzers" Version="{package.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(library, "Code.cs"), Publisher);
        File.WriteAllText(Path.Combine(app, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <RestorePackagesPath>{package.Packages}</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="../Posting/Posting.csproj" />
              </ItemGroup>
              <Target Name="PresenceE2EShowSettings" BeforeTargets="CoreCompile">
                <Message Importance="high" Text="presence-e2e-mode: $(PresenceEnforcement)" />
                <Message Importance="high" Text="presence-e2e-additional: @(AdditionalFiles->'%(Filename)%(Extension)')" />
              </Target>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Code.cs"), """
            using System.Threading.Tasks;
            using Presence;

            public sealed class Review { [HumanConfirmation] public bool Ask(string text) => System.Console.ReadLine() == "y"; }

            public sealed class Poster
            {
                public async Task Post(IMastodonPublisher mastodon, Review review, string text)
                {
                    if (review.Ask(text)) await mastodon.PublishStatusAsync(text);
                }
            }
            """);
        File.WriteAllText(Path.Combine(app, "PresenceApis.txt"), "M:Poster.Post\n");

        var build = DotNet.Run(app, "build", "-nodeReuse:false", "-p:UseSharedCompilation=false");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("presence-e2e-mode: default", build.Output);
        Assert.Contains("presence-e2e-additional: PresenceApis.txt", build.Output);
        Assert.DoesNotContain(build.Diagnostics, d => d.Id is "AD0001" or "CS8032");
    }
}
