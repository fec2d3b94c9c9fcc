using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Presence.Analyzers.Gates;

namespace Presence.Analyzers.CodeFixes
{
    /// <summary>
    /// PRES009: "Route the call through the gate" — offered only when the rewrite is meaningful: a gate instance of
    /// the generated type is in scope, and so is exactly one <c>Approved&lt;T&gt;</c> for the method's content. The
    /// call <c>linkedIn.PostAsync(post, ct)</c> becomes <c>gate.PostAsync(approval, ct)</c>; without an approval in
    /// hand there is nothing honest to write, and no fix is offered.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RouteThroughGateCodeFix)), Shared]
    public sealed class RouteThroughGateCodeFix : CodeFixProvider
    {
        /// <summary>The fix's name in the README and docs/configuration.md (the action names the gate method: 'Route the call through LinkedInPublisherGate.PostAsync').</summary>
        public const string Title = "Route the call through the gate";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.GateBypassed);

        public override FixAllProvider GetFixAllProvider() => FixAll.For(nameof(RouteThroughGateCodeFix));

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null
                || root.FindNode(context.Span, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } call
                || model.GetOperation(call, context.CancellationToken) is not Microsoft.CodeAnalysis.Operations.IInvocationOperation invocation
                || new GateCatalog(context.CancellationToken).Find(invocation.TargetMethod, invocation.Instance?.Type) is not { } route)
            {
                return;
            }

            var inScope = model.LookupSymbols(call.SpanStart);
            var gate = inScope.Where(s => ScopeSymbols.TypeOfValue(s) is INamedTypeSymbol t && t.Name == route.Plan.GateName
                                          && SymbolEqualityComparer.Default.Equals(t.ContainingNamespace, route.Plan.Interface.ContainingNamespace)).ToList();
            var approvals = inScope.Where(s => ScopeSymbols.TypeOfValue(s) is INamedTypeSymbol { Name: "Approved", TypeArguments.Length: 1 } approved
                                               && approved.ContainingNamespace?.Name == "Presence"
                                               && Covers(approved.TypeArguments[0], route)).ToList();
            if (gate.Count != 1 || approvals.Count != 1)
            {
                return;
            }

            var cancellation = call.ArgumentList.Arguments
                .Where(a => model.GetTypeInfo(a.Expression, context.CancellationToken).Type is { Name: "CancellationToken" })
                .Select(a => a.WithNameColon(null));
            var arguments = SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(
                new[] { SyntaxFactory.Argument(SyntaxFactory.IdentifierName(approvals[0].Name)) }.Concat(cancellation)));
            var routed = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(gate[0].Name), SyntaxFactory.IdentifierName(route.Method.Method.Name)),
                    arguments)
                .WithTriviaFrom(call);

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Route the call through {gate[0].Name}.{route.Method.Method.Name}",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(call, routed))),
                    equivalenceKey: nameof(RouteThroughGateCodeFix)),
                context.Diagnostics);
        }

        // The content a gate method takes: the single IApprovalContent parameter, or the content type generated in the gate.
        private static bool Covers(ITypeSymbol content, GateRoute route)
            => route.Method.ContentParameter is { } parameter
                ? SymbolEqualityComparer.Default.Equals(content, parameter.Type)
                : content.ContainingType?.Name == route.Plan.GateName;
    }
}
