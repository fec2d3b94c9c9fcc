using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Presence.Analyzers.Catalog;

namespace Presence.Analyzers.Rules
{
    /// <summary>
    /// PRES102 and PRES103: lines of PresenceApis.txt that cannot be read, are repeated, or name nothing, reported
    /// where the user wrote them.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DeclaredApiFileAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }
            = ImmutableArray.Create(PresenceDiagnostics.MalformedDeclaredApi, PresenceDiagnostics.UnresolvedDeclaredApi);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationAction(compilation =>
            {
                var declared = DeclaredApis.Load(compilation.Compilation, compilation.Options.AdditionalFiles, compilation.CancellationToken);
                foreach (var (line, kind, message) in declared.Problems)
                {
                    var text = line.File.GetText(compilation.CancellationToken);
                    if (text is null)
                    {
                        continue;
                    }

                    // Each descriptor named at its Diagnostic.Create, so that RS1037 checks its CompilationEnd tag.
                    compilation.ReportDiagnostic(kind == DeclaredApiProblem.Unresolved
                        ? Diagnostic.Create(PresenceDiagnostics.UnresolvedDeclaredApi, line.Location(text), message)
                        : Diagnostic.Create(PresenceDiagnostics.MalformedDeclaredApi, line.Location(text), message));
                }
            });
        }
    }
}
