using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Presence.Analyzers.Tests.Verifiers;

/// <summary>
/// Test compilations reference the framework the tests run on, read from disk once, instead of a reference pack
/// downloaded at test time: the suite then runs offline and fast.
/// </summary>
internal static class TestReferences
{
    /// <summary>No package to resolve: the framework comes in through <see cref="Framework"/>.</summary>
    public static ReferenceAssemblies None { get; } = new("net10.0");

    public static ImmutableArray<MetadataReference> Framework { get; } = LoadFramework();

    public static MetadataReference Abstractions { get; } = MetadataReference.CreateFromFile(typeof(PublishesContentAttribute).Assembly.Location);

    public static MetadataReference FromType<T>() => MetadataReference.CreateFromFile(typeof(T).Assembly.Location);

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
