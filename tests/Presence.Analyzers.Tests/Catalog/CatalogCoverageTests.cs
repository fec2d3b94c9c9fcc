using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Catalog;
using Presence.Analyzers.Configuration;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Catalog;

/// <summary>
/// Every SDK in the built-in catalog, compiled as its own assembly (the real package where one is served here,
/// otherwise a shape of its public API in Catalog/Shapes), used as real code would in Catalog/Usage: each marked
/// call must be reported and nothing else; and every catalog row must be exercised by some usage.
/// </summary>
public class CatalogCoverageTests
{
    public static TheoryData<string> UsageFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in CatalogUsage.Files())
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(UsageFiles))]
    public Task Each_usage_file_is_reported_exactly_at_its_marked_calls(string file)
    {
        var usage = CatalogUsage.Load(Path.Combine(CatalogUsage.Folder, "Usage", file));
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test { TestCode = usage.Text };
        test.TestState.AdditionalReferences.AddRange(usage.References);
        if (usage.Options is { } options)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\n" + options));
        }

        return test.RunAsync();
    }

    [Fact]
    public async Task Every_catalog_row_is_exercised_by_a_usage_file()
    {
        var matched = new ConcurrentDictionary<string, byte>();
        foreach (var file in CatalogUsage.Files())
        {
            var usage = CatalogUsage.Load(file);
            var tree = CSharpSyntaxTree.ParseText(usage.Unmarked, new CSharpParseOptions(LanguageVersion.Latest), path: file);
            var compilation = CSharpCompilation.Create(
                Path.GetFileNameWithoutExtension(file), [tree],
                TestReferences.Framework.Add(TestReferences.Abstractions).AddRange(usage.References),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var options = new AnalyzerOptions([], TestConfigOptions.FromLine(usage.Options));
            var diagnostics = await compilation.WithAnalyzers([new UnconfirmedPublishAnalyzer()], options).GetAnalyzerDiagnosticsAsync();
            foreach (var diagnostic in diagnostics)
            {
                if (diagnostic.Properties.TryGetValue("CatalogId", out var id) && id is not null)
                {
                    matched.TryAdd(id, 0);
                }
            }
        }

        var missing = BuiltInCatalog.Index.Entries.Where(entry => !matched.ContainsKey(entry.Id)).Select(entry => $"line {entry.Line}: {entry.Id}").ToList();
        Assert.True(missing.Count == 0, "Catalog rows no usage file exercises:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void The_catalogs_parse_and_name_known_platforms()
    {
        Assert.NotEmpty(BuiltInCatalog.Index.Entries);
        Assert.All(BuiltInCatalog.Index.Entries, entry => Assert.Contains(entry.Platform, PresenceOptions.KnownPlatforms));
        Assert.All(EndpointCatalog.Entries, entry => Assert.Contains(entry.Platform, PresenceOptions.KnownPlatforms));
        Assert.Equal(BuiltInCatalog.Index.Entries.Length, BuiltInCatalog.Index.Entries.Select(e => e.Id).Distinct().Count());
    }
}
