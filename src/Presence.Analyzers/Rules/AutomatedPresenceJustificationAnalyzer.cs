using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

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
            context.RegisterCompilationStartAction(start =>
            {
                var automatedPresence = start.Compilation.GetTypeByMetadataName("Presence.AutomatedPresenceAttribute");
                if (automatedPresence is null)
                {
                    return;
                }

                // Attribute operations cover every place an attribute can stand: assembly, types, members, local functions, lambdas.
                start.RegisterOperationAction(context =>
                {
                    var attribute = (IAttributeOperation)context.Operation;
                    if (attribute.Operation is IObjectCreationOperation { Constructor: { } constructor } creation
                        && SymbolEqualityComparer.Default.Equals(constructor.ContainingType, automatedPresence)
                        && !HasJustification(creation))
                    {
                        var target = creation.Arguments.Length > 0 ? creation.Arguments[0].Syntax : attribute.Syntax;
                        context.ReportDiagnostic(Diagnostic.Create(
                            PresenceDiagnostics.AutomatedPresenceWithoutJustification, target.GetLocation(), DisplayName(context.ContainingSymbol)));
                    }
                }, OperationKind.Attribute);
            });
        }

        // A missing or non-constant argument is already a compiler error: do not pile on.
        private static bool HasJustification(IObjectCreationOperation creation)
        {
            if (creation.Arguments.Length == 0)
            {
                return true;
            }

            var value = creation.Arguments[0].Value.ConstantValue;
            return !value.HasValue || value.Value is string justification && !string.IsNullOrWhiteSpace(justification);
        }

        private static string DisplayName(ISymbol symbol)
            => symbol is IAssemblySymbol ? "the assembly" : symbol.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
    }
}
