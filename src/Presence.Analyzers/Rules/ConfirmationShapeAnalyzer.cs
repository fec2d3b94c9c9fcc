using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Presence.Analyzers.Model;

namespace Presence.Analyzers.Rules
{
    /// <summary>
    /// PRES101: a [HumanConfirmation] method whose result does not say whether the person approved. Without this,
    /// every publish it was meant to guard would be reported with no hint of the real mistake.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ConfirmationShapeAnalyzer : DiagnosticAnalyzer
    {
        private readonly int _askedOneByOne;

        public ConfirmationShapeAnalyzer()
            : this(NameUse.AskedOneByOne)
        {
        }

        /// <param name="askedOneByOne">How many methods are asked where they are declared before the sets are built (tests).</param>
        internal ConfirmationShapeAnalyzer(int askedOneByOne) => _askedOneByOne = askedOneByOne;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }
            = ImmutableArray.Create(PresenceDiagnostics.UnreadableConfirmationResult);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var symbols = PresenceSymbols.Create(start.Compilation);
                if (symbols.HumanConfirmation is null)
                {
                    return;
                }

                // Reported where the attribute stands in source: only methods of files that name it are read.
                var use = NameUse.Of(start.Compilation, symbols.HumanConfirmation, references: false, start.CancellationToken);
                if (!use.InSource)
                {
                    return;
                }

                // A method declared in such a file is of a type declared there: looking the type up among those is
                // cheaper than asking where it is declared (an open file's few are asked, see NameUse.WhenMany).
                var sets = use.WhenMany(start.Compilation, symbols.HumanConfirmation, _askedOneByOne, start.CancellationToken);
                var confirmations = new Confirmations(symbols);
                // Asked per type, then of its methods (accessors included) only where the type can carry the attribute:
                // a type has several methods, and nearly every type is in no file that names it.
                start.RegisterSymbolAction(context =>
                {
                    var type = (INamedTypeSymbol)context.Symbol;
                    if (!(sets.Get() is { } found ? found.Source.Contains(type) : use.MayUseIn(type)))
                    {
                        return;
                    }

                    foreach (var member in type.GetMembers())
                    {
                        if (member is IMethodSymbol method
                            && PresenceSymbols.FindAttribute(method, symbols.HumanConfirmation) is { } attribute
                            && confirmations.Classify(method) is { Shape: ConfirmationShape.Unreadable } confirmation)
                        {
                            var location = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation()
                                           ?? method.Locations[0];
                            context.ReportDiagnostic(Diagnostic.Create(
                                PresenceDiagnostics.UnreadableConfirmationResult,
                                location,
                                method.Name,
                                confirmation.AnswerType?.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
                                confirmation.Problem));
                        }
                    }
                }, SymbolKind.NamedType);
            });
        }
    }
}
