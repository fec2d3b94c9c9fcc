using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Tests.Verifiers;
using Presence.Generators.Gates;

namespace Presence.Generators.Tests.Support;

/// <summary>
/// Runs one analyzer over test sources with the gate generator applied first, as in a real build: the generated
/// gates are in the compilation the analyzer sees, and any warning in them fails the test.
/// </summary>
public static class GateRuleVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string id) => new(id, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning);

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.None;
            TestState.AdditionalReferences.AddRange(TestReferences.Framework);
            TestState.AdditionalReferences.Add(TestReferences.Abstractions);

            // The generated sources are checked by the snapshot tests; here they only have to compile cleanly.
            TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        }

        protected override IEnumerable<Type> GetSourceGenerators() => new[] { typeof(PublisherGateGenerator) };
    }
}
