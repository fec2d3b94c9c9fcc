using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Presence.Analyzers.Model;

namespace Presence.Analyzers.CodeFixes
{
    /// <summary>
    /// PRES004: "Check the confirmation result" — where a yes/no answer was discarded
    /// (<c>await review.AskAsync(draft);</c>) or stored and never tested (<c>var ok = review.Ask(draft);</c>),
    /// stop when the answer is no: <c>if (!await review.AskAsync(draft)) { return; }</c>. Where a bare <c>return;</c>
    /// does not compile (a console command returning its exit code), publish only on yes instead:
    /// <c>var approved = await review.AskAsync(draft); ... if (approved) { await publisher.PublishAsync(draft); }</c>.
    /// Where the answer is an enum, the check compares it with the member that means yes:
    /// <c>if (await review.AskAsync(draft) != ReviewOutcome.Approved) { return; }</c>. Offered where the answer is a
    /// bool or such an enum (nullable too).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CheckConfirmationResultCodeFix)), Shared]
    public sealed class CheckConfirmationResultCodeFix : CodeFixProvider
    {
        /// <summary>The fix's name in the README and docs/configuration.md.</summary>
        public const string Title = "Check the confirmation result";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ConfirmationIgnored);

        public override FixAllProvider GetFixAllProvider() => FixAll.For(nameof(CheckConfirmationResultCodeFix));

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var diagnostic = context.Diagnostics[0];
            if (diagnostic.AdditionalLocations.Count == 0)
            {
                return;
            }

            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null
                || root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true) is not { } found
                || found.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } confirmation
                || CheckFor(confirmation, model, context.CancellationToken) is not { } check)
            {
                return;
            }

            var answer = confirmation.Parent is AwaitExpressionSyntax awaited ? (ExpressionSyntax)awaited : confirmation;
            if (!FunctionShape.Of(confirmation, model).AllowsBareReturn)
            {
                RegisterPublishOnYes(context, diagnostic, root, model, answer, check);
                return;
            }

            switch (answer.Parent)
            {
                case ExpressionStatementSyntax discarded:
                    Register(context, diagnostic, root, discarded, Guard(check.Denied(answer.WithoutTrivia())), check, replace: true);
                    break;

                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                    when declarator.Parent is VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax declaration }:
                    Register(context, diagnostic, root, declaration, Guard(check.Denied(SyntaxFactory.IdentifierName(declarator.Identifier.ValueText))), check, replace: false);
                    break;
            }
        }

        private static void Register(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, StatementSyntax statement, IfStatementSyntax guard, AnswerCheck check, bool replace)
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    Title,
                    cancellationToken =>
                    {
                        var formatted = guard.WithAdditionalAnnotations(Formatter.Annotation);
                        var edited = replace
                            ? root.ReplaceNode(statement, formatted.WithTriviaFrom(statement))
                            : root.InsertNodesAfter(statement, new[] { formatted });
                        return check.TidyAsync(context.Document.WithSyntaxRoot(edited), cancellationToken);
                    },
                    equivalenceKey: nameof(CheckConfirmationResultCodeFix)),
                diagnostic);
        }

        // Where the function must return a value, the publish is wrapped instead: in the block that holds the answer
        // (so that its local is in scope), not inside a lambda or local function that could run at another time.
        private static void RegisterPublishOnYes(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel model, ExpressionSyntax answer, AnswerCheck check)
        {
            var answerStatement = answer.Parent switch
            {
                ExpressionStatementSyntax discarded => (StatementSyntax)discarded,
                EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax declaration } } } => declaration,
                _ => null,
            };
            if (answerStatement?.Parent is not BlockSyntax scope
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<StatementSyntax>() is not ExpressionStatementSyntax { Parent: BlockSyntax } publish
                || publish.SpanStart <= answerStatement.Span.End
                || !publish.Ancestors().TakeWhile(a => a != scope).All(a => a is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
                || !publish.Ancestors().Contains(scope))
            {
                return;
            }

            string name;
            var replacements = new System.Collections.Generic.Dictionary<SyntaxNode, SyntaxNode>();
            if (answerStatement is LocalDeclarationStatementSyntax stored)
            {
                name = stored.Declaration.Variables[0].Identifier.ValueText;
            }
            else
            {
                name = FreeName(model, publish.SpanStart, "approved");
                replacements[answerStatement] = SyntaxFactory.LocalDeclarationStatement(
                        SyntaxFactory.VariableDeclaration(
                            SyntaxFactory.IdentifierName("var"),
                            SyntaxFactory.SingletonSeparatedList(SyntaxFactory.VariableDeclarator(name).WithInitializer(SyntaxFactory.EqualsValueClause(answer.WithoutTrivia())))))
                    .WithTriviaFrom(answerStatement)
                    .WithAdditionalAnnotations(Formatter.Annotation);
            }

            replacements[publish] = SyntaxFactory.IfStatement(check.Approved(SyntaxFactory.IdentifierName(name)), SyntaxFactory.Block(publish.WithoutTrivia()))
                .WithTriviaFrom(publish)
                .WithAdditionalAnnotations(Formatter.Annotation);
            context.RegisterCodeFix(
                CodeAction.Create(
                    Title,
                    cancellationToken => check.TidyAsync(context.Document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original])), cancellationToken),
                    equivalenceKey: nameof(CheckConfirmationResultCodeFix)),
                diagnostic);
        }

        private static string FreeName(SemanticModel model, int position, string name)
        {
            var candidate = name;
            for (var i = 2; model.LookupSymbols(position, name: candidate).Length > 0; i++)
            {
                candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return candidate;
        }

        // if (denied) { return; }
        private static IfStatementSyntax Guard(ExpressionSyntax denied)
            => SyntaxFactory.IfStatement(denied, SyntaxFactory.Block(SyntaxFactory.ReturnStatement()));

        private static AnswerCheck? CheckFor(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
            => model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method
                ? AnswerCheck.For(new Confirmations(PresenceSymbols.Create(model.Compilation)).Classify(method))
                : null;
    }
}
