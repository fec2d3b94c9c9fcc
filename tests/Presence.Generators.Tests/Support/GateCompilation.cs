using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.DependencyInjection;
using Presence.Analyzers.Tests.Verifiers;
using Presence.Generators.Gates;

namespace Presence.Generators.Tests.Support;

/// <summary>
/// Compiles consumer code against the framework and Presence.Abstractions, runs the gate generator on it, and
/// keeps the driver so incrementality tests can run it again on an edited compilation.
/// </summary>
internal sealed class GateCompilation
{
    private GateCompilation(CSharpCompilation input, GeneratorDriver driver, Compilation output, ImmutableArray<Diagnostic> generatorDiagnostics)
    {
        Input = input;
        Driver = driver;
        Output = output;
        GeneratorDiagnostics = generatorDiagnostics;
    }

    public CSharpCompilation Input { get; }

    public GeneratorDriver Driver { get; }

    /// <summary>The compilation with the generated gates added.</summary>
    public Compilation Output { get; }

    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    public GeneratorDriverRunResult Result => Driver.GetRunResult();

    /// <summary>The generated files by hint name.</summary>
    public IReadOnlyDictionary<string, string> Generated
        => Result.Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    public static CSharpParseOptions ParseOptions(LanguageVersion version)
        => new(version, DocumentationMode.Diagnose);

    public static GateCompilation Run(
        string source,
        LanguageVersion version = LanguageVersion.Latest,
        NullableContextOptions nullable = NullableContextOptions.Enable,
        bool withServices = false,
        string assemblyName = "Consumer")
        => Run(new[] { source }, version, nullable, withServices, assemblyName);

    public static GateCompilation Run(
        string[] sources,
        LanguageVersion version = LanguageVersion.Latest,
        NullableContextOptions nullable = NullableContextOptions.Enable,
        bool withServices = false,
        string assemblyName = "Consumer")
    {
        var parseOptions = ParseOptions(version);
        var references = TestReferences.Framework.Add(TestReferences.Abstractions);
        if (withServices)
        {
            references = references.Add(MetadataReference.CreateFromFile(typeof(IServiceCollection).Assembly.Location));
        }

        var compilation = CSharpCompilation.Create(
            assemblyName,
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, parseOptions, path: $"Source{i}.cs")),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: nullable));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new PublisherGateGenerator().AsSourceGenerator() },
            parseOptions: parseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        return Continue(compilation, driver);
    }

    /// <summary>Runs the same driver again on an edited input, as the IDE does after a keystroke.</summary>
    public GateCompilation Rerun(CSharpCompilation edited) => Continue(edited, Driver);

    public static GateCompilation Continue(CSharpCompilation compilation, GeneratorDriver driver)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GateCompilation(compilation, driver, output, diagnostics);
    }

    /// <summary>Every warning and error of the compilation with the gates, generated files included.</summary>
    public IReadOnlyList<Diagnostic> Problems()
        => GeneratorDiagnostics.Concat(Output.GetDiagnostics())
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .ToList();

    /// <summary>Emits the compilation with the gates; fails with the diagnostics if it does not compile.</summary>
    public byte[] Emit()
    {
        using var stream = new MemoryStream();
        var result = Output.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return stream.ToArray();
    }
}
