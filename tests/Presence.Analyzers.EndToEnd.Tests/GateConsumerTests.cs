using System.IO.Compression;
using System.Linq;

namespace Presence.Analyzers.EndToEnd.Tests;

/// <summary>
/// A consumer with a [GeneratePublisherGate] interface, built from the packed package: the generated gate compiles
/// under strict settings, and a direct call of the publisher fails the build with PRES009, on the SDK's compiler
/// and on Microsoft.Net.Compilers.Toolset 4.14.0.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class GateConsumerTests(PackedPackage package)
{
    private const string Gated = """
        using System.Threading;
        using System.Threading.Tasks;
        using Presence;

        namespace Consumer
        {
            /// <summary>A LinkedIn post.</summary>
            public sealed class LinkedInPost : IApprovalContent
            {
                /// <summary>Creates a post.</summary>
                /// <param name="text">The text.</param>
                public LinkedInPost(string text) { Text = text; }

                /// <summary>The text.</summary>
                public string Text { get; }

                /// <inheritdoc/>
                public ContentFingerprint GetApprovalFingerprint() => ContentFingerprint.Of("linkedin", Text);
            }

            /// <summary>Publishes to LinkedIn.</summary>
            [GeneratePublisherGate]
            public interface ILinkedInPublisher
            {
                /// <summary>Posts.</summary>
                /// <param name="post">The post.</param>
                /// <param name="ct">Cancels.</param>
                /// <returns>The URN.</returns>
                Task<string> PostAsync(LinkedInPost post, CancellationToken ct);

                /// <summary>Shares a link.</summary>
                /// <param name="url">The link.</param>
                /// <param name="comment">What we say about it.</param>
                /// <returns>When shared.</returns>
                Task ShareAsync(System.Uri url, string? comment);
            }

            /// <summary>Publishes what a reviewer approved, when it falls due.</summary>
            public sealed class ScheduledPublisher
            {
                private readonly LinkedInPublisherGate _gate;

                /// <summary>Creates the publisher.</summary>
                /// <param name="gate">The gate.</param>
                public ScheduledPublisher(LinkedInPublisherGate gate) { _gate = gate; }

                /// <summary>Publishes a post if its approval redeems.</summary>
                /// <param name="requestId">The approval request.</param>
                /// <param name="post">The post.</param>
                /// <param name="ct">Cancels.</param>
                /// <returns>The URN, or null when nothing was published.</returns>
                public async Task<string?> PublishAsync(string requestId, LinkedInPost post, CancellationToken ct)
                {
                    var redeemed = await _gate.RedeemPostAsync(requestId, post, ct);
                    if (redeemed.Approval is null) return null;
                    return await _gate.PostAsync(redeemed.Approval, ct);
                }
            }
        }

        """;

    private const string Bypassed = Gated + """
        namespace Consumer
        {
            /// <summary>Posts every day, with nobody deciding.</summary>
            public sealed class DailyTip
            {
                /// <summary>Posts.</summary>
                /// <param name="linkedIn">The publisher.</param>
                /// <returns>The URN.</returns>
                public Task<string> RunAsync(ILinkedInPublisher linkedIn) => linkedIn.PostAsync(new LinkedInPost("Tip of the day"), CancellationToken.None);
            }
        }
        """;

    private const string Strict = "<PresenceEnforcement>strict</PresenceEnforcement><TreatWarningsAsErrors>true</TreatWarningsAsErrors><GenerateDocumentationFile>true</GenerateDocumentationFile>";

    [Fact]
    public void The_package_carries_the_generator_beside_the_analyzers()
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        var entries = archive.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains("analyzers/dotnet/cs/Presence.Generators.dll", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", System.StringComparison.Ordinal) && e.EndsWith("Presence.Generators.dll", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_gated_publisher_builds_through_its_gate_and_a_direct_call_fails_the_build()
    {
        var gated = package.BuildConsumer("GatedStrict", Gated, Strict);
        Assert.True(gated.ExitCode == 0, gated.ToString());
        Assert.Empty(gated.Diagnostics);

        var bypassed = package.BuildConsumer("GateBypassed", Bypassed);
        Assert.True(bypassed.ExitCode != 0, bypassed.ToString());
        Assert.Equal(new[] { ("error", "PRES009") }, bypassed.Diagnostics);
    }

    [Fact]
    public void The_generator_and_PRES009_work_on_the_4_14_compiler()
    {
        var build = package.BuildConsumer(
            "GateCompiler414",
            Bypassed,
            // Since .NET 9 the SDK uses its own compiler unless told that a toolset package provides it.
            extraProperties: "<RoslynCompilerType>Package</RoslynCompilerType>",
            extraItems: """<PackageReference Include="Microsoft.Net.Compilers.Toolset" Version="4.14.0" PrivateAssets="all" />""");

        // The gate the consumer uses compiled (no CS0246), and the one finding is the direct call.
        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Equal(new[] { ("error", "PRES009") }, build.Diagnostics);
        var compiler = build.Output.Split('\n').Single(line => line.Contains("presence-e2e-compiler:", System.StringComparison.Ordinal));
        Assert.Contains("microsoft.net.compilers.toolset/4.14.0/", compiler.Replace('\\', '/').ToLowerInvariant());
    }
}
