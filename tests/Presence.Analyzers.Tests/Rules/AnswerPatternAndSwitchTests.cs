using System.Threading.Tasks;
using Presence.Analyzers.Tests.Verifiers;
using Verify = Presence.Analyzers.Tests.Verifiers.AnalyzerVerifier<Presence.Analyzers.Rules.UnconfirmedPublishAnalyzer>;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// PRES001, PRES002 and PRES004: an answer tested with a pattern or a switch guards as the same test written with
/// == does: the ledger's redeem outcome, a yes/no answer, a decision's approval property.
/// </summary>
public class AnswerPatternAndSwitchTests
{
    private const string Api = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Presence;

        [PublishesContent("Mastodon")]
        public interface IToots { Task TootAsync(string text, CancellationToken ct = default); }

        public sealed class Decision { public bool IsApproved { get; set; } }

        public interface IReview
        {
            [HumanConfirmation] Task<bool> AskAsync(string text);
            [HumanConfirmation] bool? MaybeAsk(string text);
            [HumanConfirmation] Task<Decision> DecideAsync(string text);
        }

        """;

    [Fact]
    public Task The_redeem_outcome_tested_with_is_or_a_switch_guards()
        => Verify.VerifyAsync(Api + """
            public sealed class OutcomeVariants(ApprovalLedger ledger, IToots toots)
            {
                public async Task IsPattern(string id, string text)
                {
                    var r = await ledger.RedeemAsync(id, text);
                    if (r.Outcome is RedeemOutcome.Redeemed) await toots.TootAsync(text);
                    if (RedeemOutcome.Redeemed == r.Outcome) await toots.TootAsync(text);
                    if (r.Outcome is RedeemOutcome.Redeemed && text.Length > 0) await toots.TootAsync(text);
                    if (r is { Outcome: RedeemOutcome.Redeemed }) await toots.TootAsync(text);
                }

                public async Task IsNotThenReturn(string id, string text)
                {
                    var r = await ledger.RedeemAsync(id, text);
                    if (r.Outcome is not RedeemOutcome.Redeemed) return;
                    await toots.TootAsync(text);
                }

                public async Task SwitchStatement(string id, string text)
                {
                    var r = await ledger.RedeemAsync(id, text);
                    switch (r.Outcome)
                    {
                        case RedeemOutcome.Redeemed: await toots.TootAsync(text); break;
                        case RedeemOutcome.Expired: Console.WriteLine("expired"); break;
                        default: Console.WriteLine(r.Outcome); break;
                    }
                }

                public async Task SwitchStatementWithPatternCase(string id, string text)
                {
                    var r = await ledger.RedeemAsync(id, text);
                    switch (r.Outcome)
                    {
                        case RedeemOutcome.Redeemed when text.Length > 0: await toots.TootAsync(text); break;
                        case var other: Console.WriteLine(other); break;
                    }
                }

                public async Task SwitchExpression(string id, string text)
                {
                    var r = await ledger.RedeemAsync(id, text);
                    await (r.Outcome switch { RedeemOutcome.Redeemed => toots.TootAsync(text), _ => Task.CompletedTask });
                }

                public async Task SwitchOnTheResult(string id, string text)
                {
                    switch ((await ledger.RedeemAsync(id, text)).Outcome)
                    {
                        case RedeemOutcome.Redeemed: await toots.TootAsync(text); return;
                    }
                }
            }
            """);

    [Fact]
    public Task Other_outcomes_tested_with_is_or_a_switch_do_not_guard()
        => Verify.VerifyAsync(Api + """
            public sealed class OutcomeLookAlikes(ApprovalLedger ledger, IToots toots)
            {
                public async Task IsNot(string id, string text)
                {
                    var r = await ledger.RedeemAsync(id, text);
                    if (r.Outcome is not RedeemOutcome.Redeemed) { await {|PRES004:toots.TootAsync(text)|}; }
                    if (r.Outcome is RedeemOutcome.Redeemed or RedeemOutcome.Held) await {|PRES004:toots.TootAsync(text)|};
                    if (r.Outcome is RedeemOutcome.Expired) await {|PRES004:toots.TootAsync(text)|};
                    if (r is { Outcome: RedeemOutcome.Held }) await {|PRES004:toots.TootAsync(text)|};
                }

                public async Task WrongCase(string id, string text)
                {
                    var r = await ledger.RedeemAsync(id, text);
                    switch (r.Outcome)
                    {
                        case RedeemOutcome.Redeemed: Console.WriteLine("ok"); break;
                        case RedeemOutcome.Expired: await {|PRES004:toots.TootAsync(text)|}; break;
                        default: await {|PRES004:toots.TootAsync(text)|}; break;
                    }
                }

                public async Task SharedSection(string id, string text)
                {
                    var r = await ledger.RedeemAsync(id, text);
                    switch (r.Outcome)
                    {
                        case RedeemOutcome.Redeemed:
                        case RedeemOutcome.Held:
                            await {|PRES004:toots.TootAsync(text)|};
                            break;
                    }
                }

                public async Task WrongArm(string id, string text)
                {
                    var r = await ledger.RedeemAsync(id, text);
                    await (r.Outcome switch { RedeemOutcome.Redeemed => Task.CompletedTask, _ => {|PRES004:toots.TootAsync(text)|} });
                }

                public async Task AfterTheSwitch(string id, string text)
                {
                    var r = await ledger.RedeemAsync(id, text);
                    switch (r.Outcome)
                    {
                        case RedeemOutcome.Redeemed: Console.WriteLine("ok"); break;
                    }

                    await {|PRES004:toots.TootAsync(text)|};
                }
            }
            """);

    [Fact]
    public Task A_yes_no_answer_and_a_decision_tested_with_is_or_a_switch_guard()
        => Verify.VerifyAsync(Api + """
            public sealed class Answers(IReview review, IToots toots)
            {
                public async Task Bool(string text)
                {
                    var ok = await review.AskAsync(text);
                    if (ok is true) await toots.TootAsync(text);
                    if (ok is not false) await toots.TootAsync(text);
                    switch (ok) { case true: await toots.TootAsync(text); break; }
                    await (ok switch { true => toots.TootAsync(text), false => Task.CompletedTask });
                    switch (ok) { case false: await {|PRES004:toots.TootAsync(text)|}; break; }
                    if (ok is false) await {|PRES004:toots.TootAsync(text)|};
                }

                public async Task NullableBool(string text)
                {
                    var maybe = review.MaybeAsk(text);
                    if (maybe is true) await toots.TootAsync(text);
                    switch (maybe) { case true: await toots.TootAsync(text); break; }
                    if (maybe is not false) await {|PRES004:toots.TootAsync(text)|};
                    switch (maybe) { case null: await {|PRES004:toots.TootAsync(text)|}; break; }
                    if (maybe ?? false) await toots.TootAsync(text);
                    if (maybe ?? true) await {|PRES004:toots.TootAsync(text)|};
                }

                public async Task DecisionProperty(string text)
                {
                    var decision = await review.DecideAsync(text);
                    if (decision.IsApproved is true) await toots.TootAsync(text);
                    switch (decision.IsApproved) { case true: await toots.TootAsync(text); break; }
                    switch (decision) { case { IsApproved: true }: await toots.TootAsync(text); break; }
                    switch (decision.IsApproved) { case false: await {|PRES004:toots.TootAsync(text)|}; break; }
                }
            }
            """);

    [Fact]
    public Task A_worker_that_switches_on_the_redeem_outcome_is_not_unattended_publishing()
        => PathVerifier.VerifyAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Presence;

            [PublishesContent("Mastodon")]
            public interface IToots { Task TootAsync(string text, CancellationToken ct = default); }

            public sealed class Worker(ApprovalLedger ledger, IToots toots) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken ct)
                {
                    var r = await ledger.RedeemAsync("id", "text", ct);
                    switch (r.Outcome)
                    {
                        case RedeemOutcome.Redeemed: await toots.TootAsync("text", ct); break;
                        default: Console.WriteLine(r.Outcome); break;
                    }
                }
            }

            public sealed class WrongArmWorker(ApprovalLedger ledger, IToots toots) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override async Task {|#0:ExecuteAsync|}(CancellationToken ct)
                {
                    var r = await ledger.RedeemAsync("id", "text", ct);
                    switch (r.Outcome)
                    {
                        case RedeemOutcome.Expired: await toots.TootAsync("text", ct); break;
                        default: Console.WriteLine(r.Outcome); break;
                    }
                }
            }
            """,
            PathVerifier.Hosting,
            PathVerifier.Unattended(0, "WrongArmWorker.ExecuteAsync (a hosted service)", "WrongArmWorker.ExecuteAsync → IToots.TootAsync"));
}
