using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Presence.Analyzers.CodeFixes
{
    /// <summary>
    /// Fix All for a provider that registers one kind of action under one equivalence key. The batch fixer keeps
    /// only actions whose key equals the context's, and <c>dotnet format</c> takes that key from whatever the
    /// provider offered for the first diagnostic it happened to pick: when that one has no fix (a publish in a
    /// constructor, no confirmation in scope), the key is null, nothing matches, and no Fix All action comes back.
    /// Every Fix All of these providers runs under the provider's own key instead.
    /// </summary>
    internal sealed class FixAll : FixAllProvider
    {
        private readonly string _equivalenceKey;

        private FixAll(string equivalenceKey)
        {
            _equivalenceKey = equivalenceKey;
        }

        public static FixAllProvider For(string equivalenceKey) => new FixAll(equivalenceKey);

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
            => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            if (fixAllContext.CodeActionEquivalenceKey != _equivalenceKey)
            {
                var diagnostics = new Forwarding(fixAllContext);
                fixAllContext = fixAllContext.Document is { } document
                    ? new FixAllContext(document, fixAllContext.CodeFixProvider, fixAllContext.Scope, _equivalenceKey, fixAllContext.DiagnosticIds, diagnostics, fixAllContext.CancellationToken)
                    : new FixAllContext(fixAllContext.Project, fixAllContext.CodeFixProvider, fixAllContext.Scope, _equivalenceKey, fixAllContext.DiagnosticIds, diagnostics, fixAllContext.CancellationToken);
            }

            return WellKnownFixAllProviders.BatchFixer.GetFixAsync(fixAllContext);
        }

        /// <summary>The diagnostics of the original context, unchanged.</summary>
        private sealed class Forwarding : FixAllContext.DiagnosticProvider
        {
            private readonly FixAllContext _original;

            public Forwarding(FixAllContext original)
            {
                _original = original;
            }

            public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
                => Enumerate(_original.GetDocumentDiagnosticsAsync(document));

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => Enumerate(_original.GetProjectDiagnosticsAsync(project));

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => Enumerate(_original.GetAllDiagnosticsAsync(project));

            private static async Task<IEnumerable<Diagnostic>> Enumerate(Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> diagnostics)
                => await diagnostics.ConfigureAwait(false);
        }
    }
}
