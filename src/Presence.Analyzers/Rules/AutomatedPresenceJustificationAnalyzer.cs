using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Presence.Compilations;

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
                var automatedPresence = start.Compilation.GetBestTypeByMetadataName("Presence.AutomatedPresenceAttribute");
                if (automatedPresence is null)
                {
                    return;
                }

                // Attributes of the assembly, types and members arrive as attribute operations.
                start.RegisterOperationAction(context =>
                {
                    var attribute = (IAttributeOperation)context.Operation;
                    if (attribute.Operation is IObjectCreationOperation { Constructor: { } constructor } creation
                        && SymbolEqualityComparer.Default.Equals(constructor.ContainingType, automatedPresence)
                        && creation.Arguments.Length > 0
                        && !IsJustification(creation.Arguments[0].Value.ConstantValue))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            PresenceDiagnostics.AutomatedPresenceWithoutJustification,
                            creation.Arguments[0].Syntax.GetLocation(),
                            DisplayName(context.ContainingSymbol)));
                    }
                }, OperationKind.Attribute);

                // Those of local functions and lambdas do not: read them from the symbol, when the syntax has any
                // (binding the attributes of every LINQ lambda would cost more than all the rest of this rule).
                start.RegisterOperationAction(context =>
                {
                    var function = context.Operation switch
                    {
                        ILocalFunctionOperation { Syntax: LocalFunctionStatementSyntax { AttributeLists.Count: > 0 } } local => local.Symbol,
                        IAnonymousFunctionOperation { Syntax: LambdaExpressionSyntax { AttributeLists.Count: > 0 } } lambda => lambda.Symbol,
                        _ => null,
                    };

                    foreach (var attribute in function?.GetAttributes() ?? ImmutableArray<AttributeData>.Empty)
                    {
                        if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, automatedPresence)
                            && attribute.ConstructorArguments.Length == 1
                            && !IsJustification(new Optional<object?>(attribute.ConstructorArguments[0].Value))
                            && attribute.ApplicationSyntaxReference is { } syntax)
                        {
                            context.ReportDiagnostic(Diagnostic.Create(
                                PresenceDiagnostics.AutomatedPresenceWithoutJustification,
                                JustificationLocation(syntax.GetSyntax(context.CancellationToken)),
                                DisplayName(function!)));
                        }
                    }
                }, OperationKind.LocalFunction, OperationKind.AnonymousFunction);
            });
        }

        // A non-constant argument is already a compiler error: do not pile on.
        private static bool IsJustification(Optional<object?> value)
            => !value.HasValue || value.Value is string justification && !string.IsNullOrWhiteSpace(justification);

        private static Location JustificationLocation(SyntaxNode attribute)
            => attribute is AttributeSyntax { ArgumentList.Arguments: { Count: > 0 } arguments }
                ? arguments[0].GetLocation()
                : attribute.GetLocation();

        private static string DisplayName(ISymbol symbol)
            => symbol is IAssemblySymbol or INamespaceSymbol ? "the assembly" : symbol.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
    }
}
