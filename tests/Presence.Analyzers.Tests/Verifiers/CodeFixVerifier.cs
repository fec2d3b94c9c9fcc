using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Presence.Analyzers.Tests.Verifiers;

/// <summary>Verifies a code fix (and its Fix All) against the framework and Presence.Abstractions.</summary>
public static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static Task VerifyAsync(string source, string fixedSource, int? codeActionIndex = null, params MetadataReference[] references)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource, CodeActionIndex = codeActionIndex };

        // Compilation-end diagnostics (PRES002/PRES003): the IDE offers their fix from the error list and in
        // full-solution analysis, which the library's "local diagnostic" check does not model. Every other fix
        // is checked as the IDE offers it while typing.
        if (FixesCompilationEndDiagnostics())
        {
            test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        }

        test.TestState.AdditionalReferences.AddRange(references);
        test.FixedState.AdditionalReferences.AddRange(references);
        return test.RunAsync();
    }

    private static bool FixesCompilationEndDiagnostics()
    {
        var fixable = new TCodeFix().FixableDiagnosticIds;
        return new TAnalyzer().SupportedDiagnostics.Any(
            d => fixable.Contains(d.Id) && d.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd));
    }

    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.None;
            TestState.AdditionalReferences.AddRange(TestReferences.Framework);
            TestState.AdditionalReferences.Add(TestReferences.Abstractions);

            // PRES001 and PRES008 each have a second descriptor (other advice, compilation end): markup means the first.
            MarkupOptions = MarkupOptions.UseFirstDescriptor;
            FixedState.AdditionalReferences.AddRange(TestReferences.Framework);
            FixedState.AdditionalReferences.Add(TestReferences.Abstractions);
        }
    }
}
