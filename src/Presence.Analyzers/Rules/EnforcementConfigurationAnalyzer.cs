using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis;
using Presence.Analyzers.Catalog;
using Presence.Analyzers.Configuration;

namespace Presence.Analyzers.Rules
{
    /// <summary>
    /// PRES100: a configuration value the package cannot read, which would otherwise leave the defaults in force
    /// without a word: the MSBuild property PresenceEnforcement, and the presence_* .editorconfig switches.
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
            context.RegisterCompilationStartAction(start =>
            {
                // One report per distinct bad value, however many files the .editorconfig section covers.
                var invalid = new ConcurrentDictionary<(string Key, string Value), string>();
                start.RegisterSyntaxTreeAction(tree =>
                {
                    foreach (var (key, value, expected) in PresenceOptions.Read(tree.Options.AnalyzerConfigOptionsProvider.GetOptions(tree.Tree)).Invalid)
                    {
                        invalid.TryAdd((key, value), expected);
                    }
                });

                start.RegisterCompilationEndAction(end =>
                {
                    if (end.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(PropertyKey, out var mode)
                        && !string.IsNullOrWhiteSpace(mode)
                        && !KnownModes.Contains(mode.Trim(), StringComparer.OrdinalIgnoreCase))
                    {
                        end.ReportDiagnostic(Diagnostic.Create(
                            PresenceDiagnostics.InvalidEnforcementSetting, Location.None,
                            "PresenceEnforcement", mode, "one of 'default', 'strict' or 'audit'", "the documented default severities apply"));
                    }

                    foreach (var entry in invalid.OrderBy(e => e.Key.Key, StringComparer.Ordinal).ThenBy(e => e.Key.Value, StringComparer.Ordinal))
                    {
                        end.ReportDiagnostic(Diagnostic.Create(
                            PresenceDiagnostics.InvalidEnforcementSetting, Location.None,
                            entry.Key.Key, entry.Key.Value, entry.Value, "the value is ignored"));
                    }
                });
            });
        }
    }
}
