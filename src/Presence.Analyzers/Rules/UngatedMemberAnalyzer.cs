using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Presence.Analyzers.Model;
using Presence.Compilations;
using Presence.Gates;

namespace Presence.Analyzers.Rules
{
    /// <summary>
    /// PRES106: a member of a [GeneratePublisherGate] interface that its gate does not cover, or an interface that gets
    /// no gate at all, with the reason, from the same plan the generator follows.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UngatedMemberAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(PresenceDiagnostics.UngatedMember);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                // Reported on source interfaces that carry the attribute: only types of files that name it are read.
                if (start.Compilation.GetBestTypeByMetadataName(GateShape.AttributeMetadataName) is not { } attribute
                    || NameUse.Of(start.Compilation, attribute, references: false, start.CancellationToken) is not { InSource: true } use)
                {
                    return;
                }

                start.RegisterSymbolAction(context =>
                {
                    if (use.MayUseIn(context.Symbol))
                    {
                        Analyze(context);
                    }
                }, SymbolKind.NamedType);
            });
        }

        private static void Analyze(SymbolAnalysisContext context)
        {
            var gated = (INamedTypeSymbol)context.Symbol;
            if (!GateShape.IsGatedInterface(gated) || gated.Locations.FirstOrDefault(l => l.IsInSource) is not { } interfaceLocation)
            {
                return;
            }

            var plan = GateShape.Read(gated, context.CancellationToken);
            if (plan.IsIncomplete)
            {
                return;
            }

            if (plan.Problem is { } problem)
            {
                context.ReportDiagnostic(Diagnostic.Create(PresenceDiagnostics.UngatedMember, interfaceLocation, gated.Name, "gets no approval gate", problem));
                return;
            }

            foreach (var skipped in plan.Skipped)
            {
                // An inherited member is reported on the gated interface (its base may be shared, or in a reference).
                var memberLocation = skipped.Member.Locations.FirstOrDefault(l => l.IsInSource);
                var location = !skipped.IsInherited && memberLocation is not null ? memberLocation : interfaceLocation;
                context.ReportDiagnostic(Diagnostic.Create(
                    PresenceDiagnostics.UngatedMember,
                    location,
                    skipped.IsInherited && memberLocation is not null ? new[] { memberLocation } : null,
                    GateShape.Display(skipped.Member),
                    $"is not covered by the approval gate '{plan.GateName}'",
                    skipped.Reason + "; calls of it are not reported as bypassing the gate (PRES009)"));
            }
        }
    }
}
