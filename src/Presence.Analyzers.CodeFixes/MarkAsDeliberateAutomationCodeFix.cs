using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Presence.Analyzers.CodeFixes
{
    /// <summary>
    /// PRES002, PRES003: "Mark as deliberate automation (write the justification)" — adds [AutomatedPresence("")] to the entry point (for a
    /// callback written in place, to the method that registers it). The empty justification is on purpose: PRES010
    /// then asks the author to write down why publishing without a person is acceptable here.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MarkAsDeliberateAutomationCodeFix)), Shared]
    public sealed class MarkAsDeliberateAutomationCodeFix : CodeFixProvider
    {
        /// <summary>The fix's name in the README and docs/configuration.md.</summary>
        public const string Title = "Mark as deliberate automation (write the justification)";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.UnattendedPublish, RuleIds.AutomatedReply);

        public override FixAllProvider GetFixAllProvider() => FixAll.For(nameof(MarkAsDeliberateAutomationCodeFix));

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var member = root?.FindNode(context.Span, getInnermostNodeForTie: true) is { } node ? AttributeEditing.EnclosingMember(node) : null;
            if (member is not (MethodDeclarationSyntax or LocalFunctionStatementSyntax or ConstructorDeclarationSyntax))
            {
                return;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    // The title says what is left to do: the build fails (PRES010) until a person writes the why.
                    Title,
                    cancellationToken => AttributeEditing.AddAttributeAsync(context.Document, member, "AutomatedPresence", string.Empty, cancellationToken),
                    equivalenceKey: nameof(MarkAsDeliberateAutomationCodeFix)),
                context.Diagnostics);
        }
    }
}
