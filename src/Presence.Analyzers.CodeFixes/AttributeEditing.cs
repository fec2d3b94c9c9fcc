using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace Presence.Analyzers.CodeFixes
{
    /// <summary>Adds a Presence attribute to a declaration, importing the namespace the way the IDE would.</summary>
    internal static class AttributeEditing
    {
        public static async Task<Document> AddAttributeAsync(Document document, SyntaxNode declaration, string attributeName, string? argument, CancellationToken cancellationToken)
        {
            var name = SyntaxFactory.QualifiedName(SyntaxFactory.IdentifierName("Presence"), SyntaxFactory.IdentifierName(attributeName))
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
            var attribute = SyntaxFactory.Attribute(name);
            if (argument is not null)
            {
                attribute = attribute.WithArgumentList(SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(
                    SyntaxFactory.AttributeArgument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(argument))))));
            }

            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            editor.AddAttribute(declaration, attribute);
            var edited = editor.GetChangedDocument();
            edited = await ImportAdder.AddImportsAsync(edited, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            return await Simplifier.ReduceAsync(edited, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The method or local function a node is written in (lambdas belong to the member around them).</summary>
        public static SyntaxNode? EnclosingMember(SyntaxNode node)
            => node.AncestorsAndSelf().FirstOrDefault(n => n is LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or PropertyDeclarationSyntax);
    }
}
