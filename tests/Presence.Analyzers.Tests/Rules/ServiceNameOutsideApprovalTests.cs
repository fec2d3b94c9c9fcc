using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Tests.Verifiers;
using RubberStamp = Presence.Analyzers.Tests.Verifiers.AnalyzerVerifier<Presence.Analyzers.Rules.RubberStampConfirmationAnalyzer>;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// A service's name written into the code is not an approval written into the code when it is not the approving
/// reviewer: the name on a rejection (an expiry sweep saying no), an audit note in the reason, a reviewer field set in
/// a constructor of another part of a partial class, and a fixture-like constant of a non-test project that only
/// rejects. PRES005 stays quiet.
/// </summary>
public class ServiceNameOutsideApprovalTests
{
    [Fact]
    public Task A_service_name_on_a_rejection_or_in_an_audit_note_is_clean()
    {
        var test = new RubberStamp.Test
        {
            TestCode = """
                using System;
                using System.Threading.Tasks;
                using Presence;

                public static class TestReviewers { public const string Fixture = "test-reviewer"; }

                public sealed class ExpirySweep(ApprovalLedger ledger)
                {
                    private const string System = "system";
                    private static readonly string Sweeper = "expiry-sweeper";
                    private string Auditor { get; } = "audit-bot";

                    public async Task ExpireAsync(string id, string reviewer)
                    {
                        await ledger.DecideAsync(id, System, approve: false, reason: "expired");
                        await ledger.DecideAsync(id, Sweeper, false, "no answer within 48 hours");
                        await ledger.DecideAsync(id, TestReviewers.Fixture, approve: false);
                        await ledger.DecideAsync(id, reviewer, true, reason: "recorded by " + Auditor);
                    }
                }

                public sealed partial class ConfiguredSweep
                {
                    private readonly string _reviewer = "default";
                }

                public sealed partial class ConfiguredSweep
                {
                    private readonly ApprovalLedger _ledger;

                    public ConfiguredSweep(ApprovalLedger ledger, string reviewer)
                    {
                        _ledger = ledger;
                        _reviewer = reviewer;
                    }

                    public Task ApproveAsync(string id) => _ledger.DecideAsync(id, _reviewer, true);
                }
                """,
        };
        return test.RunAsync();
    }
}
