using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Fuzzing;

/// <summary>One compilation's worth of input: its sources, what it references beyond the framework, and its options line.</summary>
internal sealed record FuzzInput(string Name, ImmutableArray<string> Sources, ImmutableArray<MetadataReference> References, string? Options);

/// <summary>
/// Every source the tests already have, gathered without listing them: the Catalog/Usage files with their SDKs, the
/// sample, and each C# source string written in a test file (raw string literals, read with the parser), with the
/// markup of expected diagnostics removed.
/// </summary>
internal static class FuzzInputs
{
    private static readonly Lazy<ImmutableArray<FuzzInput>> LazyAll = new(Load);

    public static ImmutableArray<FuzzInput> All => LazyAll.Value;

    /// <summary>Every package a rule test compiles against: inputs from tests get them all (an unused reference is harmless).</summary>
    public static ImmutableArray<MetadataReference> TestPackages { get; } =
    [
        TestReferences.Abstractions,
        .. PathVerifier.Hosting,
        PathVerifier.Quartz4,
        PathVerifier.Hangfire,
        .. PathVerifier.AzureFunctions,
        PathVerifier.Telegram,
        .. PathVerifier.Ai,
        TestReferences.FromType<Flurl.Http.IFlurlClient>(),
        TestReferences.FromType<RestSharp.RestClient>(),
        TestReferences.FromType<Refit.PostAttribute>(),
    ];

    private static ImmutableArray<FuzzInput> Load()
    {
        var inputs = ImmutableArray.CreateBuilder<FuzzInput>();
        foreach (var file in CatalogUsage.Files())
        {
            var usage = CatalogUsage.Load(file);
            inputs.Add(new FuzzInput(
                "Catalog/Usage/" + Path.GetFileName(file), [usage.Unmarked], [TestReferences.Abstractions, .. usage.References], usage.Options));
        }

        var sample = Path.Combine(RepoFiles.Root, "samples", "SocialScheduler");
        inputs.Add(new FuzzInput(
            "samples/SocialScheduler",
            Directory.GetFiles(sample, "*.cs").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToImmutableArray(),
            [TestReferences.Abstractions],
            null));

        var tests = Path.Combine(RepoFiles.Root, "tests", "Presence.Analyzers.Tests");
        foreach (var file in Directory.GetFiles(tests, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(tests, file).Replace('\\', '/');
            if (relative.Split('/')[0] is "bin" or "obj" || relative.StartsWith("Catalog/Usage/", StringComparison.Ordinal) || relative.StartsWith("Catalog/Shapes/", StringComparison.Ordinal))
            {
                continue; // build output, the usage files above, the SDK shapes they compile against
            }

            var index = 0;
            foreach (var source in CSharpSources(File.ReadAllText(file)))
            {
                inputs.Add(new FuzzInput($"{relative}#{index++}", [source], TestPackages, null));
            }
        }

        return inputs.ToImmutable();
    }

    // String literals that read as C# declarations: what the rule tests hand to the analyzers.
    private static IEnumerable<string> CSharpSources(string testFile)
    {
        var root = CSharpSyntaxTree.ParseText(testFile, new CSharpParseOptions(LanguageVersion.Latest)).GetRoot();
        foreach (var literal in root.DescendantNodes().OfType<LiteralExpressionSyntax>())
        {
            if (literal.IsKind(SyntaxKind.StringLiteralExpression)
                && literal.Token.ValueText is { Length: > 20 } text
                && (text.Contains("class ", StringComparison.Ordinal) || text.Contains("interface ", StringComparison.Ordinal)))
            {
                yield return Markup.Remove(text);
            }
        }
    }
}
