using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Presence.Analyzers.Model;
using Presence.Analyzers.Rules;

namespace Presence.Analyzers.CodeFixes
{
    /// <summary>
    /// PRES001: "Ask for confirmation first" — where a [HumanConfirmation] method that answers yes or no is in scope
    /// (on a local, a parameter, a field, a property, or the type itself) and takes nothing or the text being
    /// published, wraps the publishing statement: <c>if (await review.AskAsync(text)) { ... }</c>, or for an enum
    /// answer <c>if (await review.AskEditorAsync(text) == ReviewOutcome.Approved) { ... }</c>.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AskForConfirmationCodeFix)), Shared]
    public sealed class AskForConfirmationCodeFix : CodeFixProvider
    {
        /// <summary>The fix's name in the README and docs/configuration.md.</summary>
        public const string Title = "Ask for confirmation first";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.UnconfirmedPublish);

        public override FixAllProvider GetFixAllProvider() => FixAll.For(nameof(AskForConfirmationCodeFix));

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null
                || root.FindNode(context.Span, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } publish
                || publish.FirstAncestorOrSelf<StatementSyntax>() is not ExpressionStatementSyntax { Parent: BlockSyntax or SwitchSectionSyntax } statement)
            {
                return;
            }

            var shape = FunctionShape.Of(statement, model);
            var confirmations = new Confirmations(PresenceSymbols.Create(model.Compilation));
            var text = publish.ArgumentList.Arguments.Select(a => a.Expression)
                .FirstOrDefault(e => e is IdentifierNameSyntax or MemberAccessExpressionSyntax or LiteralExpressionSyntax
                                     && model.GetTypeInfo(e, context.CancellationToken).Type?.SpecialType == SpecialType.System_String);

            foreach (var (receiver, method) in Candidates(model, statement.SpanStart))
            {
                var confirmation = confirmations.Classify(method);
                if (AnswerCheck.For(confirmation) is not { } check
                    || (confirmation!.IsAsync && !shape.IsAsync)
                    || Arguments(method, text) is not { } arguments
                    || IsRubberStamp(method, confirmation, model.Compilation, context.CancellationToken))
                {
                    continue;
                }

                ExpressionSyntax call = SyntaxFactory.InvocationExpression(
                    receiver is null
                        ? SyntaxFactory.IdentifierName(method.Name)
                        : SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(receiver), SyntaxFactory.IdentifierName(method.Name)),
                    arguments);
                if (confirmation.IsAsync)
                {
                    call = SyntaxFactory.AwaitExpression(call);
                }

                var guarded = SyntaxFactory.IfStatement(check.Approved(call), SyntaxFactory.Block(statement.WithoutTrivia()))
                    .WithTriviaFrom(statement)
                    .WithAdditionalAnnotations(Formatter.Annotation);
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"{Title} ({(receiver is null ? string.Empty : receiver + ".")}{method.Name})",
                        cancellationToken => check.TidyAsync(context.Document.WithSyntaxRoot(root.ReplaceNode(statement, guarded)), cancellationToken),
                        equivalenceKey: nameof(AskForConfirmationCodeFix)),
                    context.Diagnostics);
                return;
            }
        }

        // A confirmation PRES005 reports (it always says yes, or says yes when nobody answers) would make the post look reviewed: not offered. Only a
        // body in this compilation can be read; an interface's method is trusted, as the analyzers trust it.
        private static bool IsRubberStamp(IMethodSymbol method, Confirmation confirmation, Compilation compilation, System.Threading.CancellationToken cancellationToken)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (compilation.ContainsSyntaxTree(reference.SyntaxTree)
                    && compilation.GetSemanticModel(reference.SyntaxTree).GetOperation(reference.GetSyntax(cancellationToken), cancellationToken) is { } body
                    && (RubberStampConfirmationAnalyzer.Stamp(ImmutableArray.Create(body), confirmation) is not null
                        || SilentApproval.Find(ImmutableArray.Create(body), confirmation) is not null))
                {
                    return true;
                }
            }

            return false;
        }

        // Confirmations reachable from here: methods of the type itself, and of the types of locals, parameters,
        // fields and properties in scope, in a stable order.
        private static IEnumerable<(string? Receiver, IMethodSymbol Method)> Candidates(SemanticModel model, int position)
        {
            var inScope = model.LookupSymbols(position).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
            foreach (var symbol in inScope)
            {
                if (symbol is IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
                {
                    yield return (null, method);
                }
            }

            foreach (var symbol in inScope)
            {
                var type = ScopeSymbols.TypeOfValue(symbol);

                if (type is null || type.SpecialType != SpecialType.None)
                {
                    continue;
                }

                foreach (var member in type.GetMembers().Concat(type.AllInterfaces.SelectMany(i => i.GetMembers())).OfType<IMethodSymbol>())
                {
                    if (!member.IsStatic && member.MethodKind == MethodKind.Ordinary)
                    {
                        yield return (symbol.Name, member);
                    }
                }
            }
        }

        // Nothing, or the published text for a single string parameter.
        private static ArgumentListSyntax? Arguments(IMethodSymbol method, ExpressionSyntax? text)
        {
            var required = method.Parameters.Where(p => !p.IsOptional && !p.IsParams).ToList();
            if (required.Count == 0)
            {
                return SyntaxFactory.ArgumentList();
            }

            return required.Count == 1 && required[0].Type.SpecialType == SpecialType.System_String && text is not null
                ? SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(text.WithoutTrivia())))
                : null;
        }
    }
}
