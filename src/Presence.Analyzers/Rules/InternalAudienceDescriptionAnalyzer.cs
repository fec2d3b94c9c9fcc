using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Presence.Analyzers.Rules
{
    /// <summary>PRES012: an [InternalAudience] whose description of who receives the sends is missing, empty or only white space.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class InternalAudienceDescriptionAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }
            = ImmutableArray.Create(PresenceDiagnostics.InternalAudienceWithoutDescription);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            RequiredAttributeText.Register(context, "Presence.InternalAudienceAttribute", PresenceDiagnostics.InternalAudienceWithoutDescription);
        }
    }
}
