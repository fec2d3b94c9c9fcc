using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Presence.Analyzers.Catalog;
using Presence.Analyzers.Model;
using Presence.Compilations;

namespace Presence.Analyzers.Rules
{
    /// <summary>
    /// PRES107, once per compilation: referenced assemblies built without Presence that reference a catalogued SDK
    /// themselves. Their paths cannot be followed (docs/design/paths.md), so the user learns why a job that calls
    /// them builds green.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class LibraryWithoutPresenceAnalyzer : DiagnosticAnalyzer
    {
        // The social SDKs: an assembly that sends email or SMS only is not named (those categories are opt-in).
        private static readonly ImmutableHashSet<string> SocialSdks = BuiltInCatalog.Index.Entries
            .Where(entry => entry.Category == PublishCategory.Social)
            .Select(entry => entry.Assembly)
            .ToImmutableHashSet(System.StringComparer.OrdinalIgnoreCase);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(PresenceDiagnostics.LibraryWithoutPresence);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationAction(end =>
            {
                // From the references alone: asked once per set of them (an IDE runs this again after every edit).
                var opaque = ReferenceSet.Of(end.Compilation)
                    .Derived("LibraryWithoutPresence", () => new StrongBox<ImmutableArray<IAssemblySymbol>>(LibrarySummaries.Opaque(end.Compilation, SocialSdks)))
                    .Value;
                if (opaque.IsEmpty)
                {
                    return;
                }

                var names = Join(opaque.Select(a => "'" + a.Name + "'").ToList());
                var one = opaque.Length == 1;
                end.ReportDiagnostic(Diagnostic.Create(
                    PresenceDiagnostics.LibraryWithoutPresence, Location.None,
                    one ? "The referenced assembly " + names : "The referenced assemblies " + names,
                    one ? "references" : "reference",
                    one ? "was" : "were",
                    one ? "it" : "them",
                    one ? "that project" : "those projects"));
            });
        }

        private static string Join(System.Collections.Generic.List<string> names)
            => names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[names.Count - 1];
    }
}
