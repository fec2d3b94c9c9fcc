using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// PRES006's advice where nobody can be asked again: in an unattended job, or after a redeem of a recorded approval,
/// the way out is to redeem an approval of exactly the content that goes out. Code a person runs keeps "ask again".
/// </summary>
public class UnattendedCoverageAdviceTests
{
    private const string Api = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Presence;

        [PublishesContent("LinkedIn")]
        public interface IPublisher { Task PublishAsync(string text); }

        public interface IReview { [HumanConfirmation] Task<bool> AskAsync(string text); }

        public sealed record Entry(string RequestId, string Text, string Teaser);

        """;

    private static DiagnosticResult Gap(DiagnosticDescriptor descriptor, int location, string gap)
        => AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Diagnostic(descriptor)
            .WithLocation(location).WithArguments("Posts to LinkedIn through 'IPublisher.PublishAsync'", gap).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    [Fact]
    public Task Where_nobody_can_be_asked_again_the_advice_is_to_redeem_an_approval_of_what_goes_out()
        => AnalyzerVerifier<UnconfirmedPublishAnalyzer>.VerifyAsync(Api + """
            public sealed class TeaserJob(ApprovalLedger ledger, IPublisher publisher)
            {
                [UnattendedEntryPoint]
                public async Task RunAsync(Entry entry, CancellationToken ct)
                {
                    var text = entry.Text;
                    var teaser = entry.Teaser;
                    if (await ledger.TryRedeemAsync(entry.RequestId, text, ct) is null) return;
                    await {|#0:publisher.PublishAsync(teaser)|};
                }
            }

            public sealed class ChatAskingJob(IReview review, IPublisher publisher)
            {
                [UnattendedEntryPoint]
                public async Task RunAsync(string draft)
                {
                    if (!await review.AskAsync(draft)) return;
                    draft += " #ad";
                    await {|#1:publisher.PublishAsync(draft)|};
                }
            }

            // Not an entry point itself, but a redeem: the approval was recorded earlier, nobody is asked here.
            public sealed class Redeemer(ApprovalLedger ledger, IPublisher publisher)
            {
                public async Task PublishAsync(string requestId, string text, string final, CancellationToken ct)
                {
                    var redeemed = await ledger.RedeemAsync(requestId, text, ct);
                    if (redeemed.Approval is null) return;
                    await {|#2:publisher.PublishAsync(final)|};
                }
            }
            """,
            Gap(PresenceDiagnostics.ApprovalDoesNotCoverContentUnattended, 0, "'TryRedeemAsync' approved 'text', not 'teaser'"),
            Gap(PresenceDiagnostics.ApprovalDoesNotCoverContentUnattended, 1, "'draft' changed after 'AskAsync' approved it"),
            Gap(PresenceDiagnostics.ApprovalDoesNotCoverContentUnattended, 2, "'RedeemAsync' approved 'text', not 'final'"));

    [Fact]
    public Task Where_a_person_runs_the_code_the_advice_is_to_ask_again()
        => AnalyzerVerifier<UnconfirmedPublishAnalyzer>.VerifyAsync(Api + """
            public sealed class Editor(IReview review, IPublisher publisher)
            {
                public async Task PostAsync(string draft, string final)
                {
                    if (await review.AskAsync(draft)) await {|#0:publisher.PublishAsync(final)|};
                }
            }
            """,
            Gap(PresenceDiagnostics.ApprovalDoesNotCoverContent, 0, "'AskAsync' approved 'draft', not 'final'"));
}
