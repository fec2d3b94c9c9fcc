using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;
using Presence.Analyzers.Model;

namespace Presence.Analyzers.CodeFixes
{
    /// <summary>
    /// How a fix tests a confirmation's answer: a bool as it is (<c>if (approved)</c>), an enum against the member
    /// the analyzers read as yes (<c>if (outcome == ReviewOutcome.Approved)</c>; a nullable one too, null is not yes).
    /// </summary>
    internal sealed class AnswerCheck
    {
        private readonly IFieldSymbol? _approvingMember;

        private AnswerCheck(IFieldSymbol? approvingMember)
        {
            _approvingMember = approvingMember;
        }

        /// <summary>The check for a confirmation, or null when no check can be written (a nullable bool, a decision object, PRES101's cases).</summary>
        public static AnswerCheck? For(Confirmation? confirmation)
            => confirmation switch
            {
                { Shape: ConfirmationShape.Boolean, AnswerType.SpecialType: SpecialType.System_Boolean } => new AnswerCheck(null),
                { Shape: ConfirmationShape.Outcome, ApprovingMember: { ContainingType: not null } member } => new AnswerCheck(member),
                _ => null,
            };

        /// <summary>True when the check names a type that may need an import and simplification (<see cref="TidyAsync"/>).</summary>
        public bool NamesAType => _approvingMember is not null;

        /// <summary><c>answer</c>, or <c>answer == Outcome.Approved</c>.</summary>
        public ExpressionSyntax Approved(ExpressionSyntax answer)
            => _approvingMember is null
                ? answer
                : SyntaxFactory.BinaryExpression(SyntaxKind.EqualsExpression, answer, Member(_approvingMember));

        /// <summary><c>!answer</c>, or <c>answer != Outcome.Approved</c>.</summary>
        public ExpressionSyntax Denied(ExpressionSyntax answer)
            => _approvingMember is null
                ? SyntaxFactory.PrefixUnaryExpression(
                    SyntaxKind.LogicalNotExpression,
                    answer is IdentifierNameSyntax ? answer : SyntaxFactory.ParenthesizedExpression(answer).WithAdditionalAnnotations(Simplifier.Annotation))
                : SyntaxFactory.BinaryExpression(SyntaxKind.NotEqualsExpression, answer, Member(_approvingMember));

        /// <summary>Imports the enum's namespace and shortens its name, the way the IDE writes a type it adds.</summary>
        public async Task<Document> TidyAsync(Document document, CancellationToken cancellationToken)
        {
            if (!NamesAType)
            {
                return document;
            }

            document = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            return await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        // global::Reviews.ReviewOutcome.Approved, left for the simplifier to shorten.
        private static ExpressionSyntax Member(IFieldSymbol member)
            => SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    SyntaxFactory.ParseTypeName(member.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)),
                    SyntaxFactory.IdentifierName(SyntaxFacts.GetKeywordKind(member.Name) == SyntaxKind.None ? member.Name : "@" + member.Name))
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
    }
}
