using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Presence.Analyzers.CodeFixes
{
    /// <summary>
    /// PRES001: "Require approval from callers" — declares [RequiresHumanApproval] on the method around the publish
    /// call, so the requirement moves to its callers (the trimming analyzers' fix for RequiresUnreferencedCode).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RequireApprovalFromCallersCodeFix)), Shared]
    public sealed class RequireApprovalFromCallersCodeFix : CodeFixProvider
    {
        /// <summary>The fix's name in the README and docs/configuration.md.</summary>
        public const string Title = "Require approval from callers";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.UnconfirmedPublish);

        public override FixAllProvider GetFixAllProvider() => FixAll.For(nameof(RequireApprovalFromCallersCodeFix));

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var diagnostics = context.Diagnostics.Where(d => !d.Properties.ContainsKey(PresenceDiagnostics.NoCallerCanConfirm)).ToImmutableArray();
            if (diagnostics.IsEmpty)
            {
                return; // the top-level program, Main or an entry point: no caller could confirm instead
            }

            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var member = root?.FindNode(context.Span, getInnermostNodeForTie: true) is { } node ? AttributeEditing.EnclosingMember(node) : null;
            if (member is not (MethodDeclarationSyntax or LocalFunctionStatementSyntax))
            {
                return; // a constructor, accessor or initializer cannot declare the requirement
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    Title,
                    cancellationToken => AttributeEditing.AddAttributeAsync(context.Document, member, "RequiresHumanApproval", null, cancellationToken),
                    equivalenceKey: nameof(RequireApprovalFromCallersCodeFix)),
                diagnostics);
        }
    }
}
