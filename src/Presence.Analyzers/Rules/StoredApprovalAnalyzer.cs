using System.Collections.Immutable;
using System.Runtime.CompilerServices;
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
    /// array, a collection or any generic container, or inside an anonymous object or tuple put there), captured by a
    /// lambda that is stored, subscribed to an event or handed to a timer or scheduler, or handed to a serializer —
    /// instead of the request id, which the ledger redeems at publish time with every check made again.
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

                // The assembly that defines the token defines its life too: the redeem result that hands it over holds
                // it by design. The rule is about the code that receives one.
                if (approved is null || SymbolEqualityComparer.Default.Equals(approved.ContainingAssembly, start.Compilation.Assembly))
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

                // A token typed as var names nothing, so where it is kept is looked at wherever a token can exist: each
                // check below first asks something cheap of the operation (what it assigns to, the method's name) that
                // dismisses almost all of them. A token exists only where code names its type, reads one from a
                // redeem (RedeemResult.Approval), or calls a referenced project that can hand one over; a compilation
                // that references the runtime for its attributes alone has none, and these checks would look at every
                // call in it for nothing.
                if (approvedUse.InSource
                    || NameUse.Of(start.Compilation, "Approval", start.CancellationToken).InSource
                    || ReferencesBuiltOn(start.Compilation, approved.ContainingAssembly))
                {
                    start.RegisterOperationAction(context => CheckAssignment(context, approved), OperationKind.SimpleAssignment);
                    start.RegisterOperationAction(context => CheckSubscription(context, approved), OperationKind.EventAssignment);
                    start.RegisterOperationAction(context => CheckHandOff(context, approved), OperationKind.Invocation, OperationKind.ObjectCreation);
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

        /// <summary>Whether a referenced assembly other than the runtime's own is built on it (and so may return a token).</summary>
        private static bool ReferencesBuiltOn(Compilation compilation, IAssemblySymbol runtime)
        {
            var references = ReferenceSet.Of(compilation);
            return references.Derived("StoredApproval.BuiltOn " + runtime.Identity.Name, () =>
            {
                foreach (var assembly in references.Assemblies)
                {
                    if (!SymbolEqualityComparer.Default.Equals(assembly, runtime) && assembly.References(runtime.Identity.Name))
                    {
                        return new StrongBox<bool>(true);
                    }
                }

                return new StrongBox<bool>(false);
            }).Value;
        }

        /// <summary>
        /// <c>_field = value</c>, <c>Property = value</c>, <c>_items[key] = value</c>: a value that holds a token (an
        /// anonymous object or a tuple with one, or the token typed as object), or a lambda that captures one, kept in
        /// a field or property whose own type does not say so (a field typed Approved&lt;T&gt; is reported where it is declared).
        /// </summary>
        private static void CheckAssignment(OperationAnalysisContext context, INamedTypeSymbol approved)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            string? where;
            switch (assignment.Target)
            {
                case IFieldReferenceOperation field when OfKeeper(field.Instance):
                    where = "the field '" + field.Field.Name + "'";
                    break;
                case IPropertyReferenceOperation { Property.IsIndexer: false } property when OfKeeper(property.Instance):
                    where = "the property '" + property.Property.Name + "'";
                    break;
                case IPropertyReferenceOperation { Property.IsIndexer: true } indexer when Kept(indexer.Instance) is { } kept:
                    where = kept;
                    break;
                case IArrayElementReferenceOperation element when Kept(element.ArrayReference) is { } kept:
                    where = kept;
                    break;
                default:
                    return;
            }

            if (assignment.Target.Type is { } targetType && Find(targetType, approved) is not null)
            {
                return;
            }

            Report(context, assignment.Value, approved, "stored in " + where);
        }

        /// <summary><c>timer.Elapsed += (s, e) => …</c>: a handler that captures a token runs whenever the event is raised.</summary>
        private static void CheckSubscription(OperationAnalysisContext context, INamedTypeSymbol approved)
        {
            var subscription = (IEventAssignmentOperation)context.Operation;
            if (subscription.Adds && subscription.EventReference is IEventReferenceOperation reference)
            {
                Report(context, subscription.HandlerValue, approved, "subscribed to the event '" + reference.Event.Name + "'", lambdasOnly: true);
            }
        }

        /// <summary>
        /// <c>_items.Add(value)</c> on a field or property, and a lambda handed to something that runs it later (a
        /// timer, a scheduler, a continuation). Dismissed by the method's or type's name first.
        /// </summary>
        private static void CheckHandOff(OperationAnalysisContext context, INamedTypeSymbol approved)
        {
            ImmutableArray<IArgumentOperation> arguments;
            IOperation? receiver = null;
            string? laterBy = null;
            string? keptIn = null;
            if (context.Operation is IInvocationOperation invocation)
            {
                var method = invocation.TargetMethod;
                switch (method.Name)
                {
                    case "Add":
                    case "AddFirst":
                    case "AddLast":
                    case "Enqueue":
                    case "Push":
                    case "Insert":
                    case "TryAdd":
                    case "TryWrite":
                    case "WriteAsync":
                    case "GetOrAdd":
                    case "AddOrUpdate":
                    case "Set":
                        // An extension method's receiver (IMemoryCache.Set) is its first argument.
                        receiver = invocation.Instance ?? (method.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
                        keptIn = receiver is not null ? Kept(receiver) : null;
                        if (keptIn is null && method.Name is "AddOrUpdate" or "Enqueue" && method.IsStatic)
                        {
                            // Hangfire's BackgroundJob.Enqueue and RecurringJob.AddOrUpdate run the job later.
                            laterBy = method.ContainingType.Name;
                        }

                        break;
                    case "Schedule":
                    case "ScheduleAsync":
                    case "ContinueWith":
                    case "CreateTimer":
                    case "RegisterWaitForSingleObject":
                    case "UnsafeRegisterWaitForSingleObject":
                        laterBy = method.ContainingType.Name + "." + method.Name;
                        break;
                    case "Register":
                    case "UnsafeRegister":
                        if (method.ContainingType is { Name: "CancellationToken" })
                        {
                            laterBy = "CancellationToken." + method.Name;
                        }

                        break;
                }

                if (keptIn is null && laterBy is null)
                {
                    return;
                }

                if (keptIn is not null && receiver!.Type is { } receiverType && Find(receiverType, approved) is not null)
                {
                    return; // a List<Approved<T>> field is reported where it is declared
                }

                arguments = invocation.Arguments;
            }
            else
            {
                var creation = (IObjectCreationOperation)context.Operation;
                if (creation.Type is not { Name: "Timer" } timer)
                {
                    return;
                }

                laterBy = timer.Name;
                arguments = creation.Arguments;
            }

            foreach (var argument in arguments)
            {
                if (argument.Value == receiver)
                {
                    continue;
                }

                if (keptIn is not null)
                {
                    Report(context, argument.Value, approved, "added to " + keptIn);
                }
                else
                {
                    Report(context, argument.Value, approved, "handed to " + laterBy + " to run later", lambdasOnly: true);
                }
            }
        }

        /// <summary>
        /// Whether a member of this instance outlives the method: this object's, a static one, or one reached through a
        /// field or property. A member of a local object, or one set in an object initializer, is as short-lived as the
        /// object may be, and is not reported.
        /// </summary>
        private static bool OfKeeper(IOperation? instance)
            => instance is null or IFieldReferenceOperation or IPropertyReferenceOperation
                or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };

        /// <summary>Where a receiver keeps what is put in it: a field or a property (not a local or a parameter).</summary>
        private static string? Kept(IOperation? receiver)
            => receiver switch
            {
                IFieldReferenceOperation field => "the field '" + field.Field.Name + "'",
                IPropertyReferenceOperation { Property.IsIndexer: false } property => "the property '" + property.Property.Name + "'",
                _ => null,
            };

        private static void Report(OperationAnalysisContext context, IOperation value, INamedTypeSymbol approved, string where, bool lambdasOnly = false)
        {
            while (value is IConversionOperation or IDelegateCreationOperation)
            {
                value = value is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)value).Target;
            }

            if (value is IAnonymousFunctionOperation lambda)
            {
                if (CapturedToken(lambda, approved) is { } captured)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        PresenceDiagnostics.ApprovalKeptForLater, value.Syntax.GetLocation(), "A lambda that captures the token, " + where + ",", captured.TypeArguments[0].Name));
                }

                return;
            }

            if (!lambdasOnly && value.Type is { } type && Find(type, approved) is { } token)
            {
                var holder = SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, approved) ? "The token"
                    : type.IsAnonymousType ? "An anonymous object holding the token"
                    : "A value holding the token";
                context.ReportDiagnostic(Diagnostic.Create(
                    PresenceDiagnostics.ApprovalKeptForLater, value.Syntax.GetLocation(), holder + ", " + where + ",", token.TypeArguments[0].Name));
            }
        }

        /// <summary>A token (or a value holding one) the lambda reads from a local or parameter declared outside it.</summary>
        private static INamedTypeSymbol? CapturedToken(IAnonymousFunctionOperation lambda, INamedTypeSymbol approved)
        {
            var span = lambda.Syntax.Span;
            foreach (var operation in lambda.Body.Descendants())
            {
                ISymbol? symbol = operation switch
                {
                    ILocalReferenceOperation local => local.Local,
                    IParameterReferenceOperation parameter => parameter.Parameter,
                    _ => null,
                };
                if (symbol is null || operation.Type is not { } type || Find(type, approved) is not { } token)
                {
                    continue;
                }

                var declared = symbol.DeclaringSyntaxReferences;
                if (declared.Length == 0 || declared[0].SyntaxTree != lambda.Syntax.SyntaxTree || !span.Contains(declared[0].Span))
                {
                    return token;
                }
            }

            return null;
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
                case INamedTypeSymbol { IsAnonymousType: true } anonymous:
                    // new { id, approval }: what the anonymous object's properties hold.
                    foreach (var member in anonymous.GetMembers())
                    {
                        if (member is IPropertySymbol property && Find(property.Type, approved) is { } found)
                        {
                            return found;
                        }
                    }

                    return null;
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
