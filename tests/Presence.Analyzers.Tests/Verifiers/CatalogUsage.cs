using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Presence.Analyzers.Tests.Verifiers;

/// <summary>
/// A file of Catalog/Usage: SDK calls as real code writes them, with the assemblies it compiles against (the real
/// package where one is served here, otherwise its API shape from Catalog/Shapes, compiled once as the assembly it
/// stands for) and the .editorconfig line it needs, read from its '// uses:', '// shape:' and '// options:' header.
/// </summary>
internal sealed record CatalogUsage(string Path, string Text, MetadataReference[] References, string? Options)
{
    public static readonly string Folder = System.IO.Path.Combine(RepoFiles.Root, "tests", "Presence.Analyzers.Tests", "Catalog");

    // Served packages: usage files compile against the real assemblies (and what their public API exposes).
    private static readonly Dictionary<string, string[]> RealPackages = new()
    {
        ["Telegram.Bot"] = ["Telegram.Bot"],
        ["SendGrid"] = ["SendGrid", "Newtonsoft.Json"],
        ["Twilio"] = ["Twilio", "Newtonsoft.Json"],
        ["MailKit"] = ["MailKit", "MimeKit"],
        ["Microsoft.Graph"] = ["Microsoft.Graph", "Microsoft.Graph.Core", "Microsoft.Kiota.Abstractions"],
        ["System.Net.Mail"] = [],
    };

    private static readonly Lazy<Dictionary<string, Shape>> Shapes = new(LoadShapes);

    private static readonly ConcurrentDictionary<string, MetadataReference> BuiltShapes = new();

    public static IEnumerable<string> Files()
        => Directory.GetFiles(System.IO.Path.Combine(Folder, "Usage"), "*.cs").Order(StringComparer.Ordinal);

    public static CatalogUsage Load(string file)
    {
        var text = File.ReadAllText(file);
        var uses = Header(text, "uses") ?? throw new InvalidOperationException(file + " has no '// uses:' line");
        var shape = Header(text, "shape");
        MetadataReference[] references = shape is not null ? ShapeWithDependencies(shape).ToArray()
            : RealPackages.TryGetValue(uses, out var assemblies)
                ? assemblies.Select(name => (MetadataReference)MetadataReference.CreateFromFile(System.IO.Path.Combine(AppContext.BaseDirectory, name + ".dll"))).ToArray()
                : ShapeWithDependencies(Shapes.Value.Values.Single(s => s.Assembly == uses).Stem).ToArray();
        return new CatalogUsage(file, text, references, Header(text, "options"));
    }

    /// <summary>The text without the {|PRES001:...|} markup of the expected diagnostics.</summary>
    public string Unmarked => Markup.Remove(Text);

    private sealed record Shape(string Stem, string Assembly, string[] References, string Text);

    private static Dictionary<string, Shape> LoadShapes()
        => Directory.GetFiles(System.IO.Path.Combine(Folder, "Shapes"), "*.cs").Select(file =>
        {
            var text = File.ReadAllText(file);
            return new Shape(
                System.IO.Path.GetFileNameWithoutExtension(file),
                Header(text, "assembly") ?? throw new InvalidOperationException(file + " has no '// assembly:' line"),
                (Header(text, "references") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                text);
        }).ToDictionary(shape => shape.Stem);

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
}

/// <summary>The markup of Microsoft.CodeAnalysis.Testing: {|PRES001:...|}, {|#0:...|}, [|...|].</summary>
internal static class Markup
{
    public static string Remove(string text) => Regex.Replace(text, @"\{\|[A-Za-z0-9#]+:|\|\}|\[\||\|\]", string.Empty);
}
