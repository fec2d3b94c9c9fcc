using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Presence.Benchmarks;

/// <summary>What the synthetic codebases compile against: the running framework, and the packages copied beside the benchmark.</summary>
internal static class References
{
    /// <summary>The framework assemblies of the running runtime, as the tests read them.</summary>
    public static ImmutableArray<MetadataReference> Framework { get; } = LoadFramework();

    /// <summary>Presence.Abstractions, Telegram.Bot, hosting, Quartz and the AI abstractions: what the publishing codebase references.</summary>
    public static ImmutableArray<MetadataReference> Publishing { get; } = new[]
        {
            "Presence.Abstractions", "Telegram.Bot", "Microsoft.Extensions.Hosting.Abstractions", "Quartz",
            "Microsoft.Extensions.AI.Abstractions",
        }
        .Select(name => (MetadataReference)MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, name + ".dll")))
        .ToImmutableArray();

    private static ImmutableArray<MetadataReference> LoadFramework()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trusted
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
            .Where(path => !Path.GetFileName(path).StartsWith("Microsoft.VisualBasic", StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
