using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Presence.Analyzers.Model;
using Presence.Compilations;

namespace Presence.Analyzers.Rules
{
    /// <summary>
    /// One check for the attributes whose text is what reviewers and reports read ([AutomatedPresence]'s
    /// justification, [InternalAudience]'s description): reported on the argument when it is null, empty or only
    /// white space, wherever the attribute stands.
    /// </summary>
    internal static class RequiredAttributeText
    {
        public static void Register(AnalysisContext context, string attributeMetadataName, DiagnosticDescriptor descriptor)
        {
            context.RegisterCompilationStartAction(start =>
            {
                var attributeType = start.Compilation.GetBestTypeByMetadataName(attributeMetadataName);
                // Reported only where the attribute stands in source: with no file that names it, nothing to look at.
                if (attributeType is null || !NameUse.Of(start.Compilation, attributeType, references: false, start.CancellationToken).InSource)
                {
                    return;
                }

                // Attributes of the assembly, types, members and parameters arrive as attribute operations.
                start.RegisterOperationAction(context =>
                {
                    var attribute = (IAttributeOperation)context.Operation;
                    if (attribute.Operation is IObjectCreationOperation { Constructor: { } constructor } creation
                        && SymbolEqualityComparer.Default.Equals(constructor.ContainingType, attributeType)
                        && creation.Arguments.Length > 0
                        && !HasText(creation.Arguments[0].Value.ConstantValue))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(descriptor, creation.Arguments[0].Syntax.GetLocation(), DisplayName(context.ContainingSymbol)));
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
                        if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType)
                            && attribute.ConstructorArguments.Length == 1
                            && !HasText(new Optional<object?>(attribute.ConstructorArguments[0].Value))
                            && attribute.ApplicationSyntaxReference is { } syntax)
                        {
                            context.ReportDiagnostic(Diagnostic.Create(descriptor, TextLocation(syntax.GetSyntax(context.CancellationToken)), DisplayName(function!)));
                        }
                    }
                }, OperationKind.LocalFunction, OperationKind.AnonymousFunction);
            });
        }

        // A non-constant argument is already a compiler error: do not pile on.
        private static bool HasText(Optional<object?> value)
            => !value.HasValue || value.Value is string text && !string.IsNullOrWhiteSpace(text);

        private static Location TextLocation(SyntaxNode attribute)
            => attribute is AttributeSyntax { ArgumentList.Arguments: { Count: > 0 } arguments }
                ? arguments[0].GetLocation()
                : attribute.GetLocation();

        private static string DisplayName(ISymbol symbol)
            => symbol is IAssemblySymbol or INamespaceSymbol ? "the assembly" : symbol.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
    }
}
