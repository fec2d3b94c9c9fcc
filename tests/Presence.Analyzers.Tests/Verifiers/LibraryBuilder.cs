using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Presence.Analyzers.Summaries;
using Xunit;

namespace Presence.Analyzers.Tests.Verifiers;

/// <summary>
/// Builds a referenced project as the compiler would: the source, Presence's generators run over it, emitted to a
/// metadata-only reference (what a referencing project compiles against).
/// </summary>
internal static class LibraryBuilder
{
    public static MetadataReference Build(string assemblyName, string source, params MetadataReference[] references)
        => Build(assemblyName, source, withPresence: true, references);

    public static MetadataReference Build(string assemblyName, string source, bool withPresence, params MetadataReference[] references)
        => Emit(Compile(assemblyName, source, withPresence, references));

    /// <summary>As <see cref="Build(string, string, MetadataReference[])"/>, with one .editorconfig line ("key = value") for the project.</summary>
    public static MetadataReference Build(string assemblyName, string source, string options, params MetadataReference[] references)
        => Emit(Compile(assemblyName, source, withPresence: true, options, references));

    private static MetadataReference Emit(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream, options: new Microsoft.CodeAnalysis.Emit.EmitOptions(metadataOnly: true));
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    /// <summary>The compilation after the generators ran (with the summary attribute when anything publishes).</summary>
    public static Compilation Compile(string assemblyName, string source, bool withPresence, params MetadataReference[] references)
        => Compile(assemblyName, source, withPresence, options: null, references);

    /// <summary>As <see cref="Compile(string, string, bool, MetadataReference[])"/>, with one .editorconfig line ("key = value") for the project.</summary>
    public static Compilation Compile(string assemblyName, string source, bool withPresence, string? options, params MetadataReference[] references)
    {
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: assemblyName + "/Library.cs")],
            TestReferences.Framework.Add(TestReferences.Abstractions).AddRange(references),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        if (!withPresence)
        {
            return compilation;
        }

        var driver = CSharpGeneratorDriver.Create([new PathSummaryGenerator().AsSourceGenerator()], optionsProvider: TestConfigOptions.FromLine(options));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var diagnostics);
        Assert.Empty(diagnostics);
        return generated;
    }

    /// <summary>The summary text written into the assembly, or null.</summary>
    public static string? Summary(Compilation compilation)
        => compilation.Assembly.GetAttributes()
            .Where(a => a.AttributeClass?.Name == "AssemblyMetadataAttribute" && (string?)a.ConstructorArguments[0].Value == "Presence.Summary")
            .Select(a => (string?)a.ConstructorArguments[1].Value)
            .SingleOrDefault();

    /// <summary>The names of the files the generators add to a compilation of <paramref name="source"/>.</summary>
    public static ImmutableArray<string> GeneratedFiles(string source, params MetadataReference[] references)
    {
        var compilation = Compile("Generated", source, withPresence: false, references);
        var driver = CSharpGeneratorDriver.Create(new PathSummaryGenerator()).RunGenerators(compilation);
        return driver.GetRunResult().GeneratedTrees.Select(t => Path.GetFileName(t.FilePath)).Order(System.StringComparer.Ordinal).ToImmutableArray();
    }
}
