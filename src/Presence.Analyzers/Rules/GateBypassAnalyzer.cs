using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Presence.Analyzers.Gates;
using Presence.Analyzers.Model;
using Presence.Compilations;
using Presence.Gates;

namespace Presence.Analyzers.Rules
{
    /// <summary>
    /// PRES009: a method a generated approval gate covers, called (or taken as a delegate) anywhere but in generated
    /// code, which is where the gate lives, and in the publisher itself (the gated interface and the types that
    /// implement it, decorators included).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class GateBypassAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(PresenceDiagnostics.GateBypassed);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                // Most compilations have no gate: then nothing is registered, and no call is looked at. The generator
                // writes a gate for an interface of a file that names the attribute.
                if (start.Compilation.GetBestTypeByMetadataName(GateShape.AttributeMetadataName) is not { } attribute
                    || !GatedInterfaces.MayExist(
                        start.Compilation,
                        sourceMayDeclare: NameUse.Of(start.Compilation, attribute, references: false, start.CancellationToken).InSource,
                        start.CancellationToken))
                {
                    return;
                }

                var catalog = new GateCatalog(start.CancellationToken);
                start.RegisterOperationAction(
                    operation =>
                    {
                        var (target, receiver) = operation.Operation switch
                        {
                            IInvocationOperation invocation => (invocation.TargetMethod, invocation.Instance?.Type),
                            IMethodReferenceOperation reference => (reference.Method, reference.Instance?.Type),
                            _ => (null, null),
                        };

                        if (target is null
                            || catalog.Find(target, receiver) is not { } route
                            || GateCatalog.IsInsidePublisher(operation.ContainingSymbol, route.Plan))
                        {
                            return;
                        }

                        operation.ReportDiagnostic(Diagnostic.Create(
                            PresenceDiagnostics.GateBypassed,
                            operation.Operation.Syntax.GetLocation(),
                            target.ContainingType.Name + "." + target.Name,
                            route.Plan.Interface.Name,
                            route.GateMethod));
                    },
                    OperationKind.Invocation,
                    OperationKind.MethodReference);
            });
        }
    }
}
