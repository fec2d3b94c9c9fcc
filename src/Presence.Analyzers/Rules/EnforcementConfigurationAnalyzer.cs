using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Presence.Analyzers.Rules
{
    /// <summary>
    /// PRES100: the MSBuild property PresenceEnforcement holds a value the package's targets do not know, which
    /// would otherwise leave the default severities in force without a word.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EnforcementConfigurationAnalyzer : DiagnosticAnalyzer
    {
        internal const string PropertyKey = "build_property.PresenceEnforcement";
        private static readonly ImmutableArray<string> KnownModes = ImmutableArray.Create("default", "strict", "audit");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }
            = ImmutableArray.Create(PresenceDiagnostics.InvalidEnforcementSetting);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationAction(context =>
            {
                if (context.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(PropertyKey, out var mode)
                    && !string.IsNullOrWhiteSpace(mode)
                    && !KnownModes.Contains(mode.Trim(), StringComparer.OrdinalIgnoreCase))
                {
                    context.ReportDiagnostic(Diagnostic.Create(PresenceDiagnostics.InvalidEnforcementSetting, Location.None, mode));
                }
            });
        }
    }
}
