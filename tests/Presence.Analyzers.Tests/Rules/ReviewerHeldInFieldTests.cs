using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Tests.Verifiers;
using RubberStamp = Presence.Analyzers.Tests.Verifiers.AnalyzerVerifier<Presence.Analyzers.Rules.RubberStampConfirmationAnalyzer>;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// PRES005 at a ledger approval whose reviewer is written into the code but held somewhere first: a
/// <c>static readonly</c> field, a readonly field or a get-only property initialised with a literal, a property that
/// returns one, a constant of another class. A field or property set from configuration or a constructor's
/// parameter names whoever the app is configured with and stays quiet.
/// </summary>
public class ReviewerHeldInFieldTests
{
    private const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Configuration;
        using Presence;

        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new RubberStamp.Test { TestCode = Usings + source };
        test.TestState.AdditionalReferences.AddRange(PathVerifier.AspNetCore);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task A_reviewer_held_in_a_field_or_property_initialised_with_a_literal_is_reported()
        => VerifyAsync("""
            public static class Reviewers { public const string Bot = "const-bot"; }

            public sealed class AutoApprover(ApprovalLedger ledger)
            {
                private static readonly string StaticBot = "static-bot";
                private readonly string _bot = "field-bot";
                private string PropertyBot { get; } = "property-bot";
                private static string ArrowBot => "arrow-bot";

                public async Task ApproveAsync(string id, CancellationToken ct)
                {
                    await {|#0:ledger.DecideAsync(id, StaticBot, approve: true)|};
                    await {|#1:ledger.DecideAsync(id, _bot, true)|};
                    await {|#2:ledger.DecideAsync(id, this.PropertyBot, true)|};
                    await {|#3:ledger.DecideAsync(id, ArrowBot, true, cancellationToken: ct)|};
                    await {|#4:ledger.DecideAsync(id, Reviewers.Bot, true)|};
                }
            }
            """,
            RubberStamp.Diagnostic(PresenceDiagnostics.ApprovalRecordedByCode).WithLocation(0).WithArguments("static-bot"),
            RubberStamp.Diagnostic(PresenceDiagnostics.ApprovalRecordedByCode).WithLocation(1).WithArguments("field-bot"),
            RubberStamp.Diagnostic(PresenceDiagnostics.ApprovalRecordedByCode).WithLocation(2).WithArguments("property-bot"),
            RubberStamp.Diagnostic(PresenceDiagnostics.ApprovalRecordedByCode).WithLocation(3).WithArguments("arrow-bot"),
            RubberStamp.Diagnostic(PresenceDiagnostics.ApprovalRecordedByCode).WithLocation(4).WithArguments("const-bot"));

    [Fact]
    public Task A_reviewer_from_configuration_or_a_constructor_parameter_is_clean()
        => VerifyAsync("""
            public sealed class ConfiguredApprover
            {
                private readonly ApprovalLedger _ledger;
                private readonly string _fromConfig;
                private readonly string _fromParameter;
                private readonly string _overwritten = "default-bot";
                private static readonly string FromEnvironment = Environment.GetEnvironmentVariable("REVIEWER") ?? "nobody";
                private string Settable { get; set; } = "settable-bot";
                private string Initable { get; init; } = "initable-bot";

                public ConfiguredApprover(ApprovalLedger ledger, IConfiguration configuration, string reviewer)
                {
                    _ledger = ledger;
                    _fromConfig = configuration["Approvals:Reviewer"]!;
                    _fromParameter = reviewer;
                    _overwritten = reviewer;
                }

                public async Task ApproveAsync(string id)
                {
                    await _ledger.DecideAsync(id, _fromConfig, true);
                    await _ledger.DecideAsync(id, _fromParameter, true);
                    await _ledger.DecideAsync(id, _overwritten, true);
                    await _ledger.DecideAsync(id, FromEnvironment, true);
                    await _ledger.DecideAsync(id, Settable, true);
                    await _ledger.DecideAsync(id, Initable, true);
                }
            }
            """);
}
