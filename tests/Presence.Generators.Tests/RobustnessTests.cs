using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Presence.Analyzers.Rules;
using Presence.Generators.Tests.Support;

namespace Presence.Generators.Tests;

/// <summary>Code in the middle of being typed: the generator and the gate rules neither throw nor pile on.</summary>
public class RobustnessTests
{
    public static TheoryData<string> BrokenSources() => new()
    {
        "using Presence; [GeneratePublisherGate] public interface IPublisher { System.Threading.Tasks.Task<Missing> PostAsync(Missing post); void Post(string text); }",
        "using Presence; [GeneratePublisherGate] public interface IPublisher { void Post(string text",
        "using Presence; [GeneratePublisherGate] public interface IPublisher : IMissing { void Post(string text); }",
        "using Presence; [GeneratePublisherGate] public interface IPublisher<T> where T : Missing { void Post(T item, System.Collections.Generic.List<Missing> more); }",
        "using Presence; [GeneratePublisherGate] public class NotAnInterface { public void Post(string text) { } }",
        "using Presence; [GeneratePublisherGate(42)] public interface IPublisher { void Post(string text); } class C { void M(IPublisher p) => p.Post(); }",
        "using Presence; namespace { [GeneratePublisherGate] public interface IPublisher { void Post(string text); } }",
        "using Presence; [GeneratePublisherGate] public interface IPublisher { void Post(string text); void Post(string text); }",
        "using Presence; [GeneratePublisherGate] [GeneratePublisherGate] public partial interface IPublisher { void Post(string text); } public partial interface IPublisher { void Share(string text); }",
        "using Presence; [GeneratePublisherGate] public partial interface IPublisher { void Post(string text); } [GeneratePublisherGate] public partial interface IPublisher { void Share(string text); }",
    };

    [Theory]
    [MemberData(nameof(BrokenSources))]
    public async Task Broken_code_neither_crashes_the_generator_nor_the_rules(string source)
    {
        var run = GateCompilation.Run(source);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CS8784" or "CS8785");

        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new GateBypassAnalyzer(), new UngatedMemberAnalyzer());
        var diagnostics = await run.Output.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        Assert.DoesNotContain(diagnostics, d => d.Id == "PRES106" && d.GetMessage().Contains("Missing", System.StringComparison.Ordinal));

        // Whatever the user's code lacks, the generated files add no error of their own.
        var user = run.Input.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).ToHashSet();
        Assert.DoesNotContain(
            run.Output.GetDiagnostics(),
            d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", System.StringComparison.Ordinal) == true && !user.Contains(d.Id));
    }
}
