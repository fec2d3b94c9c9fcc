using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Presence.Analyzers.Model;
using Presence.Compilations;

namespace Presence.Analyzers.Rules
{
    /// <summary>
    /// PRES007: an Approved&lt;T&gt; kept beyond the moment it was redeemed — in a field or property (directly, in an
    /// array, a collection or any generic container), or handed to a serializer — instead of the request id, which
    /// the ledger redeems at publish time with every check made again.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class StoredApprovalAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(PresenceDiagnostics.ApprovalKeptForLater);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var approved = start.Compilation.GetBestTypeByMetadataName("Presence.Approved`1");
                if (approved is null)
                {
                    return;
                }

                // A field or property keeps a token only when its declared type names Approved<T> (or an alias of
                // it) in its own file; a serializer is called by naming its method. With neither written anywhere,
                // nothing is registered.
                var approvedUse = NameUse.Of(start.Compilation, approved, references: false, start.CancellationToken);
                if (approvedUse.InSource)
                {
                    start.RegisterSymbolAction(context =>
                    {
                        var symbol = context.Symbol;
                        if (!approvedUse.MayUseIn(symbol))
                        {
                            return;
                        }

                        // The type first: whether a property stores (a look at its type's fields) is asked only of one that holds a token.
                        var type = symbol switch
                        {
                            IFieldSymbol { IsImplicitlyDeclared: false } field => field.Type,
                            IPropertySymbol property => property.Type,
                            _ => null,
                        };

                        if (type is not null && Find(type, approved) is { } token
                            && (symbol is not IPropertySymbol stored || IsStored(stored)))
                        {
                            var what = (symbol is IFieldSymbol ? "The field '" : "The property '") + symbol.Name + "'";
                            context.ReportDiagnostic(Diagnostic.Create(PresenceDiagnostics.ApprovalKeptForLater, symbol.Locations[0], what, token.TypeArguments[0].Name));
                        }
                    }, SymbolKind.Field, SymbolKind.Property);
                }

                if (!NameUse.Of(start.Compilation, "Serialize", start.CancellationToken).InSource)
                {
                    return;
                }

                start.RegisterOperationAction(context =>
                {
                    var invocation = (IInvocationOperation)context.Operation;
                    if (!IsSerializer(invocation.TargetMethod))
                    {
                        return;
                    }

                    foreach (var argument in invocation.Arguments)
                    {
                        var value = argument.Value is IConversionOperation conversion ? conversion.Operand : argument.Value;
                        if (value.Type is { } type && Find(type, approved) is { } token)
                        {
                            context.ReportDiagnostic(Diagnostic.Create(
                                PresenceDiagnostics.ApprovalKeptForLater, argument.Syntax.GetLocation(), "Serializing it", token.TypeArguments[0].Name));
                        }
                    }
                }, OperationKind.Invocation);
            });
        }

        // An auto-property (a record's positional one included) stores; a computed one does not.
        private static bool IsStored(IPropertySymbol property)
            => !property.IsIndexer
               && property.ContainingType.GetMembers().OfType<IFieldSymbol>().Any(f => SymbolEqualityComparer.Default.Equals(f.AssociatedSymbol, property));

        // Approved<T> itself, in an array, or as a type argument of a container (List<Approved<T>>, Dictionary<K, Approved<T>>...).
        private static INamedTypeSymbol? Find(ITypeSymbol type, INamedTypeSymbol approved)
        {
            switch (type)
            {
                case INamedTypeSymbol named when SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, approved):
                    return named;
                case IArrayTypeSymbol array:
                    return Find(array.ElementType, approved);
                case INamedTypeSymbol { IsGenericType: true } generic:
                    foreach (var argument in generic.TypeArguments)
                    {
                        if (Find(argument, approved) is { } found)
                        {
                            return found;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        private static bool IsSerializer(IMethodSymbol method)
            => method.Name.StartsWith("Serialize", System.StringComparison.Ordinal)
               && method.ContainingType is { Name: "JsonSerializer" or "JsonConvert" or "XmlSerializer" or "MessagePackSerializer" };
    }
}
