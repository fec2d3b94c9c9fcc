using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Presence.Analyzers.Rules
{
    /// <summary>PRES010: an [AutomatedPresence] exception whose justification is missing, empty or only white space.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class AutomatedPresenceJustificationAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }
            = ImmutableArray.Create(PresenceDiagnostics.AutomatedPresenceWithoutJustification);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            RequiredAttributeText.Register(context, "Presence.AutomatedPresenceAttribute", PresenceDiagnostics.AutomatedPresenceWithoutJustification);
        }
    }
}
