using System.IO.Compression;
using System.Linq;

namespace Presence.Analyzers.EndToEnd.Tests;

/// <summary>Real consumer projects restore the packed package from a folder feed and build with dotnet build.</summary>
[Collection(PackedPackageCollection.Name)]
public sealed class ConsumerBuildTests(PackedPackage package)
{
    private const string Publisher = """
        using System.Threading.Tasks;
        using Presence;

        [PublishesContent("Mastodon")]
        public interface IMastodonPublisher
        {
            Task PublishStatusAsync(string text);
        }

        public sealed class Review
        {
            [HumanConfirmation]
            public bool Confirm(string text) => System.Console.ReadLine() == "y";
        }

        """;

    private const string Unguarded = Publisher + """
        public sealed class DailyTip
        {
            public Task RunAsync(IMastodonPublisher mastodon) => mastodon.PublishStatusAsync("Tip of the day");
        }
        """;

    private const string Guarded = Publisher + """
        public sealed class Announcement
        {
            public async Task RunAsync(IMastodonPublisher mastodon, Review review, string text)
            {
                if (!review.Confirm(text)) return;
                await mastodon.PublishStatusAsync(text);
            }

            [AutomatedPresence("Status account labelled as a bot")]
            public Task StatusAsync(IMastodonPublisher mastodon) => mastodon.PublishStatusAsync("All systems operational");
        }
        """;

    private const string UnjustifiedException = Publisher + """
        [AutomatedPresence("")]
        public sealed class Bot
        {
            public Task RunAsync(IMastodonPublisher mastodon) => mastodon.PublishStatusAsync("beep");
        }
        """;

    [Fact]
    public void The_package_has_the_documented_layout()
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        var entries = archive.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains("lib/netstandard2.0/Presence.Abstractions.dll", entries);
        Assert.Contains("lib/netstandard2.0/Presence.Abstractions.xml", entries);
        Assert.Contains("analyzers/dotnet/cs/Presence.Analyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/Presence.Analyzers.CodeFixes.dll", entries);
        Assert.Contains("build/Presence.Analyzers.props", entries);
        Assert.Contains("build/Presence.Analyzers.targets", entries);
        Assert.Contains("build/config/strict.globalconfig", entries);
        Assert.Contains("build/config/audit.globalconfig", entries);
        Assert.Contains("buildTransitive/Presence.Analyzers.props", entries);
        Assert.Contains("buildTransitive/Presence.Analyzers.targets", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", System.StringComparison.Ordinal) && e.EndsWith("Presence.Analyzers.dll", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Default_mode_warns_and_the_build_succeeds()
    {
        var build = package.BuildConsumer("DefaultMode", Unguarded);
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains(("warning", "PRES001"), build.Diagnostics);
        Assert.DoesNotContain(build.Diagnostics, d => d.Id == "AD0001" || d.Id == "CS8032");
    }

    [Fact]
    public void Strict_mode_fails_the_build()
    {
        var build = package.BuildConsumer("StrictMode", Unguarded, "<PresenceEnforcement>strict</PresenceEnforcement>");
        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Contains(("error", "PRES001"), build.Diagnostics);
    }

    [Fact]
    public void Default_mode_fails_an_unjustified_exception_and_audit_mode_only_warns()
    {
        var byDefault = package.BuildConsumer("UnjustifiedDefault", UnjustifiedException);
        Assert.True(byDefault.ExitCode != 0, byDefault.ToString());
        Assert.Contains(("error", "PRES010"), byDefault.Diagnostics);

        var audit = package.BuildConsumer("UnjustifiedAudit", UnjustifiedException, "<PresenceEnforcement>audit</PresenceEnforcement>");
        Assert.True(audit.ExitCode == 0, audit.ToString());
        Assert.Contains(("warning", "PRES010"), audit.Diagnostics);
    }

    [Fact]
    public void A_guarded_project_builds_without_findings()
    {
        var build = package.BuildConsumer("Guarded", Guarded, "<PresenceEnforcement>strict</PresenceEnforcement>");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Empty(build.Ids("PRES"));
        Assert.Empty(build.Ids("AD"));
    }

    [Fact]
    public void An_unknown_mode_is_reported()
    {
        var build = package.BuildConsumer("UnknownMode", Guarded, "<PresenceEnforcement>strickt</PresenceEnforcement>");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains(("warning", "PRES100"), build.Diagnostics);
    }

    [Fact]
    public void The_analyzer_loads_and_works_on_the_4_14_compiler()
    {
        var build = package.BuildConsumer(
            "Compiler414",
            Unguarded,
            // Since .NET 9 the SDK uses its own compiler unless told that a toolset package provides it.
            extraProperties: "<RoslynCompilerType>Package</RoslynCompilerType>",
            extraItems: """<PackageReference Include="Microsoft.Net.Compilers.Toolset" Version="4.14.0" PrivateAssets="all" />""");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains(("warning", "PRES001"), build.Diagnostics);
        Assert.DoesNotContain(build.Diagnostics, d => d.Id == "AD0001" || d.Id == "CS8032" || d.Id == "CS9057");
        var compiler = build.Output.Split('\n').Single(line => line.Contains("presence-e2e-compiler:", System.StringComparison.Ordinal));
        Assert.Contains("microsoft.net.compilers.toolset/4.14.0/", compiler.Replace('\\', '/').ToLowerInvariant());
    }
}
