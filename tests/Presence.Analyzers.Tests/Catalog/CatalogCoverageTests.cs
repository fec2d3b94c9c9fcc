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
    private static readonly string Folder = Path.Combine(RepoFiles.Root, "tests", "Presence.Analyzers.Tests", "Catalog");

    // Served packages: usage files compile against the real assemblies (and what their public API exposes).
    private static readonly Dictionary<string, string[]> RealPackages = new()
    {
        ["Telegram.Bot"] = ["Telegram.Bot"],
        ["SendGrid"] = ["SendGrid", "Newtonsoft.Json"],
        ["Twilio"] = ["Twilio", "Newtonsoft.Json"],
        ["MailKit"] = ["MailKit", "MimeKit"],
        ["System.Net.Mail"] = [],
    };

    private static readonly Lazy<Dictionary<string, Shape>> Shapes = new(LoadShapes);

    public static TheoryData<string> UsageFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Folder, "Usage"), "*.cs").Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            data.Add(file!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(UsageFiles))]
    public Task Each_usage_file_is_reported_exactly_at_its_marked_calls(string file)
    {
        var usage = Usage.Load(Path.Combine(Folder, "Usage", file));
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
        foreach (var file in Directory.GetFiles(Path.Combine(Folder, "Usage"), "*.cs"))
        {
            var usage = Usage.Load(file);
            var tree = CSharpSyntaxTree.ParseText(Unmark(usage.Text), new CSharpParseOptions(LanguageVersion.Latest), path: file);
            var compilation = CSharpCompilation.Create(
                Path.GetFileNameWithoutExtension(file), [tree],
                TestReferences.Framework.Add(TestReferences.Abstractions).AddRange(usage.References),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var options = new AnalyzerOptions([], new TestConfigOptions(usage.Options));
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

    private static string Unmark(string text) => Regex.Replace(text, @"\{\|[A-Z0-9]+:|\|\}", string.Empty);

    private sealed record Shape(string Stem, string Assembly, string[] References, string Text);

    private static Dictionary<string, Shape> LoadShapes()
        => Directory.GetFiles(Path.Combine(Folder, "Shapes"), "*.cs").Select(file =>
        {
            var text = File.ReadAllText(file);
            return new Shape(
                Path.GetFileNameWithoutExtension(file),
                Header(text, "assembly") ?? throw new InvalidOperationException(file + " has no '// assembly:' line"),
                (Header(text, "references") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                text);
        }).ToDictionary(shape => shape.Stem);

    private static readonly ConcurrentDictionary<string, MetadataReference> BuiltShapes = new();

    // Each shape is compiled once, as the assembly it stands for, with the shapes it references.
    private static IEnumerable<MetadataReference> ShapeWithDependencies(string stem)
    {
        var shape = Shapes.Value[stem];
        var dependencies = shape.References
            .SelectMany(assembly => ShapeWithDependencies(Shapes.Value.Values.Single(s => s.Assembly == assembly).Stem))
            .ToList();
        var built = BuiltShapes.GetOrAdd(stem, _ =>
        {
            var compilation = CSharpCompilation.Create(
                shape.Assembly,
                [CSharpSyntaxTree.ParseText(shape.Text, new CSharpParseOptions(LanguageVersion.Latest))],
                TestReferences.Framework.AddRange(dependencies),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            using var image = new MemoryStream();
            var result = compilation.Emit(image);
            Assert.True(result.Success, stem + ": " + string.Join("\n", result.Diagnostics));
            return MetadataReference.CreateFromImage(image.ToArray());
        });
        return dependencies.Append(built).Distinct();
    }

    private static string? Header(string text, string key)
        => text.Split('\n').Take(20).Select(line => Regex.Match(line, @"^//\s*" + key + @":\s*(.+?)\s*$")).FirstOrDefault(m => m.Success)?.Groups[1].Value;

    private sealed record Usage(string Text, MetadataReference[] References, string? Options)
    {
        public static Usage Load(string file)
        {
            var text = File.ReadAllText(file);
            var uses = Header(text, "uses") ?? throw new InvalidOperationException(file + " has no '// uses:' line");
            var shape = Header(text, "shape");
            MetadataReference[] references = shape is not null ? ShapeWithDependencies(shape).ToArray()
                : RealPackages.TryGetValue(uses, out var assemblies)
                    ? assemblies.Select(name => (MetadataReference)MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, name + ".dll"))).ToArray()
                    : ShapeWithDependencies(Shapes.Value.Values.Single(s => s.Assembly == uses).Stem).ToArray();
            return new Usage(text, references, Header(text, "options"));
        }
    }

    private sealed class TestConfigOptions(string? options) : AnalyzerConfigOptionsProvider
    {
        private readonly Options _options = new(options);

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

        private sealed class Options(string? line) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value)
            {
                var parts = line?.Split('=', 2, StringSplitOptions.TrimEntries);
                if (parts is { Length: 2 } && parts[0] == key)
                {
                    value = parts[1];
                    return true;
                }

                value = string.Empty;
                return false;
            }
        }
    }
}
