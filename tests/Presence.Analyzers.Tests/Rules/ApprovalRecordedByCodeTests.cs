using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using RubberStamp = Presence.Analyzers.Tests.Verifiers.AnalyzerVerifier<Presence.Analyzers.Rules.RubberStampConfirmationAnalyzer>;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// PRES005 at a ledger decision that code records in its own name: <c>DecideAsync</c> approving, with a reviewer
/// written into the code. A reviewer read from the signed-in user or from the person who pressed a button, a
/// rejection, an answer that varies, and test code are quiet.
/// </summary>
public class ApprovalRecordedByCodeTests
{
    private const string Usings = """
        using System;
        using System.Security.Claims;
        using System.Threading;
        using System.Threading.Tasks;
        using Presence;

        """;

    [Fact]
    public Task An_approval_recorded_in_a_fixed_reviewers_name_is_reported()
        => RubberStamp.VerifyAsync(Usings + """
            public interface ILinkedIn { Task ShareAsync(string text, CancellationToken ct); }

            public sealed class AutoApprovingJob(ApprovalLedger ledger, ILinkedIn linkedIn)
            {
                private const string Bot = "auto-approver";

                public async Task RunAsync(CancellationToken ct)
                {
                    var text = "Happy Monday from the Acme team!";
                    var request = await ledger.SubmitAsync(text, author: "scheduler", dueAt: DateTimeOffset.UtcNow, channel: "linkedin:acme");
                    await {|#0:ledger.DecideAsync(request.Id, reviewer: "marketing-bot", approve: true, reason: "auto", cancellationToken: ct)|};
                    if (await ledger.TryRedeemAsync(request.Id, text, ct) is { } approval)
                        await linkedIn.ShareAsync(approval.Content, ct);
                }

                public async Task ApproveEverythingAsync(CancellationToken ct)
                {
                    foreach (var pending in await ledger.ListPendingAsync(ct))
                        await {|#1:ledger.DecideAsync(pending.Id, Bot, true)|};
                }
            }
            """,
            RubberStamp.Diagnostic(PresenceDiagnostics.ApprovalRecordedByCode).WithLocation(0).WithArguments("marketing-bot"),
            RubberStamp.Diagnostic(PresenceDiagnostics.ApprovalRecordedByCode).WithLocation(1).WithArguments("auto-approver"));

    [Fact]
    public Task A_decision_of_the_person_who_decided_a_rejection_or_a_varying_answer_is_clean()
        => RubberStamp.VerifyAsync(Usings + """
            public sealed class Press { public User From { get; } = new(); public string Data { get; } = ""; }
            public sealed class User { public string Username { get; } = ""; }

            public sealed class Decisions(ApprovalLedger ledger)
            {
                public Task SignedIn(string id, ClaimsPrincipal user)
                    => ledger.DecideAsync(id, reviewer: user.Identity!.Name!, approve: true);

                public Task Button(string id, Press press)
                    => ledger.DecideAsync(id, press.From.Username, press.Data == "approve", reason: null);

                public Task ButtonApproves(string id, Press press)
                    => ledger.DecideAsync(id, press.From.Username, approve: true);

                // An automatic rejection approves nothing.
                public Task TooLate(string id)
                    => ledger.DecideAsync(id, reviewer: "expiry-bot", approve: false, reason: "too late");

                public Task Relayed(string id, bool approve)
                    => ledger.DecideAsync(id, "console", approve);
            }
            """);

    [Fact]
    public Task Test_code_that_plays_the_reviewer_is_clean()
    {
        var test = new RubberStamp.Test
        {
            TestCode = Usings + """
                using Xunit;

                public sealed class LedgerTests
                {
                    private readonly ApprovalLedger _ledger = null!;

                    [Fact]
                    public async Task Approved_requests_redeem()
                    {
                        var request = await _ledger.SubmitAsync("hello", author: "agent", dueAt: DateTimeOffset.UtcNow);
                        await ApproveAsync(request.Id);
                    }

                    private Task ApproveAsync(string id) => _ledger.DecideAsync(id, "bea", approve: true);
                }
                """,
        };
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location));
        return test.RunAsync();
    }
}
