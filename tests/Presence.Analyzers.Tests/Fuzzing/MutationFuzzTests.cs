using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Presence.Analyzers.Tests.Verifiers;
using Xunit.Abstractions;

namespace Presence.Analyzers.Tests.Fuzzing;

/// <summary>
/// Mutates every source the tests have (see <see cref="FuzzInputs"/>) and runs every Presence analyzer over the
/// result, sometimes without Presence.Abstractions or the SDKs (error types everywhere), with a broken
/// PresenceApis.txt or odd configuration values: no analyzer may throw. The suite runs a fixed seed and count;
/// PRESENCE_FUZZ_ITERATIONS (and PRESENCE_FUZZ_SEED) run longer campaigns. A failure prints its seed, iteration,
/// mutation and the mutated source reduced to the lines it needs: fix the analyzer, and keep that source as a
/// regression test in this folder.
/// </summary>
public class MutationFuzzTests(ITestOutputHelper output)
{
    private const int DefaultSeed = 5;
    private const int DefaultIterations = 400;

    [Fact]
    public async Task No_mutated_input_makes_an_analyzer_throw()
    {
        var iterations = EnvironmentNumber("PRESENCE_FUZZ_ITERATIONS") ?? DefaultIterations;
        var seed = EnvironmentNumber("PRESENCE_FUZZ_SEED") ?? DefaultSeed;
        var inputs = FuzzInputs.All;
        var failures = new List<string>();
        var reporting = 0;
        var watch = Stopwatch.StartNew();
        for (var iteration = 0; iteration < iterations && failures.Count < 3; iteration++)
        {
            var @case = FuzzCase.Create(inputs, seed, iteration);
            var (diagnostics, errors) = await @case.RunAsync();
            reporting += diagnostics.Any(d => d.Id.StartsWith("PRES", StringComparison.Ordinal)) ? 1 : 0;
            if (errors.Length > 0)
            {
                var reduced = await @case.ReduceAsync();
                failures.Add($"{@case.Describe()}\n{errors[0]}\nreduced source:\n{reduced}");
            }
        }

        output.WriteLine($"{iterations} mutations of {inputs.Length} inputs (seed {seed}) in {watch.Elapsed.TotalSeconds:F1} s, {reporting} with Presence diagnostics");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));

        // Mutants still reach the rules: a fuzzer whose inputs all fail to bind would prove nothing.
        Assert.True(reporting > iterations / 10, $"only {reporting} of {iterations} mutants gave a Presence diagnostic");
    }

    [Fact]
    public async Task The_harness_sees_an_analyzer_that_throws()
    {
        var compilation = AllAnalyzers.Compilation(["class C { void M() { M(); } }"], []);
        var (_, failures) = await AllAnalyzers.RunAsync(compilation, analyzers: [new ThrowingAnalyzer()]);
        Assert.Contains(failures, failure => failure.Contains("thrown on purpose", StringComparison.Ordinal));
    }

    [Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class ThrowingAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            [new DiagnosticDescriptor("THROW001", "title", "message", "test", DiagnosticSeverity.Warning, isEnabledByDefault: true)];

        public override void Initialize(Microsoft.CodeAnalysis.Diagnostics.AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(Microsoft.CodeAnalysis.Diagnostics.GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(_ => throw new InvalidOperationException("thrown on purpose"), OperationKind.Invocation);
        }
    }

    private static int? EnvironmentNumber(string name)
        => int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : null;
}

/// <summary>One mutation of one input, reproducible from (seed, iteration).</summary>
internal sealed record FuzzCase(
    FuzzInput Input,
    int Seed,
    int Iteration,
    int SourceIndex,
    string Mutated,
    string Mutation,
    ImmutableArray<MetadataReference> References,
    string ReferencesNote,
    Dictionary<string, string>? Options,
    string? DeclaredApis)
{
    public static FuzzCase Create(ImmutableArray<FuzzInput> inputs, int seed, int iteration)
    {
        var random = new Random(unchecked(seed * 7919 + iteration));
        var input = inputs[iteration % inputs.Length];
        var sourceIndex = random.Next(input.Sources.Length);
        var donor = inputs[random.Next(inputs.Length)];
        var (mutated, mutation) = Mutator.Mutate(input.Sources[sourceIndex], random, donor.Sources[random.Next(donor.Sources.Length)]);
        var (references, note) = random.Next(6) switch
        {
            0 => (input.References.Remove(TestReferences.Abstractions), "without Presence.Abstractions"),
            1 => (ImmutableArray<MetadataReference>.Empty, "framework only"),
            2 => (input.References.RemoveAll(r => r != TestReferences.Abstractions), "without SDKs"),
            _ => (input.References, "all references"),
        };
        var options = random.Next(4) == 0 ? Mutator.Options(random) : null;
        var declared = random.Next(4) == 0 ? Mutator.DeclaredApis(mutated, random) : null;
        return new FuzzCase(input, seed, iteration, sourceIndex, mutated, mutation, references, note, options, declared);
    }

    public Task<(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<string> Failures)> RunAsync() => RunAsync(Mutated);

    public string Describe()
        => $"seed {Seed}, iteration {Iteration}: {Input.Name} (source {SourceIndex}), {Mutation}; {ReferencesNote}"
           + (Options is null ? string.Empty : "; options " + string.Join(", ", Options.Select(o => $"{o.Key}='{o.Value}'")))
           + (DeclaredApis is null ? string.Empty : "; PresenceApis.txt:\n" + DeclaredApis);

    /// <summary>The mutated source with every line removed that the failure does not need (greedy, bounded).</summary>
    public async Task<string> ReduceAsync()
    {
        var lines = Mutated.Split('\n').ToList();
        for (var chunk = Math.Max(1, lines.Count / 2); chunk >= 1; chunk /= 2)
        {
            for (var start = 0; start < lines.Count;)
            {
                var candidate = lines.Take(start).Concat(lines.Skip(start + chunk)).ToList();
                if ((await RunAsync(string.Join('\n', candidate))).Failures.Length > 0)
                {
                    lines = candidate;
                }
                else
                {
                    start += chunk;
                }
            }
        }

        return string.Join('\n', lines);
    }

    private Task<(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<string> Failures)> RunAsync(string mutated)
    {
        var compilation = AllAnalyzers.Compilation(Input.Sources.SetItem(SourceIndex, mutated), References);
        var options = Options ?? TestConfigOptions.Parse(Input.Options);
        return AllAnalyzers.RunAsync(compilation, options, DeclaredApis);
    }
}
