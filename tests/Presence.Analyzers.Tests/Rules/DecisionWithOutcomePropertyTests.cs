using System.Threading.Tasks;
using Presence.Analyzers;
using Verify = Presence.Analyzers.Tests.Verifiers.AnalyzerVerifier<Presence.Analyzers.Rules.UnconfirmedPublishAnalyzer>;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// A decision object whose answer is in an enum property (<c>decision.Outcome == ReviewOutcome.Approved</c>) or a bool
/// one (<c>decision.IsApproved</c>): testing that property guards, and a decision that merely came back
/// (<c>decision != null</c>) is PRES004 with a message that names the property to test. A decision type without such a
/// property still reads as a token: non-null means yes.
/// </summary>
public class DecisionWithOutcomePropertyTests
{
    private const string Api = """
        using System;
        using System.Threading.Tasks;
        using Presence;

        [PublishesContent("Mastodon")]
        public interface IClient { Task PostAsync(string text); }

        public enum ReviewOutcome { Rejected, Approved, TimedOut }
        public enum Priority { Low, High }
        public sealed record Decision(ReviewOutcome Outcome, string Note);
        public sealed class Verdict { public ReviewOutcome Result { get; init; } public ReviewOutcome Previous { get; init; } }
        public sealed class Flagged { public bool IsApproved { get; init; } public string Note { get; init; } = ""; }
        public sealed record Ticket(Priority Priority, string Id);

        public interface IEditor
        {
            [HumanConfirmation] Task<Decision?> DecideAsync(string text);
            [HumanConfirmation(ApprovalProperty = nameof(Verdict.Result))] Task<Verdict?> JudgeAsync(string text);
            [HumanConfirmation] Task<Flagged?> FlagAsync(string text);
            [HumanConfirmation] Task<Ticket?> TicketAsync(string text);
        }

        """;

    [Fact]
    public Task Testing_the_outcome_property_of_a_decision_guards()
        => Verify.VerifyAsync(Api + """
            public sealed class Poster(IEditor editor, IClient client)
            {
                public async Task Equality(string text)
                {
                    var decision = await editor.DecideAsync(text);
                    if (decision?.Outcome == ReviewOutcome.Approved) await client.PostAsync(text);
                }

                public async Task AfterANullCheck(string text)
                {
                    var decision = await editor.DecideAsync(text);
                    if (decision == null) return;
                    if (decision.Outcome != ReviewOutcome.Approved) return;
                    await client.PostAsync(text);
                }

                public async Task Pattern(string text)
                {
                    if (await editor.DecideAsync(text) is { Outcome: ReviewOutcome.Approved }) await client.PostAsync(text);
                }

                public async Task NamedProperty(string text)
                {
                    var verdict = await editor.JudgeAsync(text);
                    if (verdict is not null && verdict.Result == ReviewOutcome.Approved) await client.PostAsync(text);
                }

                public async Task BoolProperty(string text)
                {
                    var flagged = await editor.FlagAsync(text);
                    if (flagged is { IsApproved: true }) await client.PostAsync(text);
                    if (flagged != null && flagged.IsApproved) await client.PostAsync(text);
                }

                public async Task NoSuchProperty(string text)
                {
                    if (await editor.TicketAsync(text) is not null) await client.PostAsync(text);
                }
            }
            """);

    [Fact]
    public Task Testing_something_else_than_the_outcome_stays_reported()
        => Verify.VerifyAsync(Api + """
            public sealed class Poster(IEditor editor, IClient client)
            {
                public async Task WrongMember(string text)
                {
                    var decision = await editor.DecideAsync(text);
                    if (decision != null && decision.Outcome != ReviewOutcome.Rejected) await {|PRES004:client.PostAsync(text)|};
                }

                public async Task OtherEnumProperty(string text)
                {
                    var verdict = await editor.JudgeAsync(text);
                    if (verdict is { Previous: ReviewOutcome.Approved }) await {|PRES004:client.PostAsync(text)|};
                }

                public async Task OtherVariable(string text, Decision earlier)
                {
                    var decision = await editor.DecideAsync(text);
                    if (decision != null && earlier.Outcome == ReviewOutcome.Approved) await {|PRES004:client.PostAsync(text)|};
                }
            }
            """);

    [Fact]
    public Task A_decision_only_checked_for_null_names_the_property_to_test()
        => Verify.VerifyAsync(Api + """
            public sealed class Poster(IEditor editor, IClient client)
            {
                public async Task Outcome(string text)
                {
                    var decision = await {|#1:editor.DecideAsync(text)|};
                    if (decision != null) await {|#0:client.PostAsync(text)|};
                }

                public async Task Flag(string text)
                {
                    var flagged = await {|#3:editor.FlagAsync(text)|};
                    if (flagged is not null) await {|#2:client.PostAsync(text)|};
                }
            }
            """,
            Verify.Diagnostic(PresenceDiagnostics.ConfirmationIgnored).WithLocation(0).WithLocation(1).WithArguments(
                "Posts to Mastodon through 'IClient.PostAsync'", "DecideAsync",
                "publish only where its Outcome == ReviewOutcome.Approved; a decision that came back is not a yes"),
            Verify.Diagnostic(PresenceDiagnostics.ConfirmationIgnored).WithLocation(2).WithLocation(3).WithArguments(
                "Posts to Mastodon through 'IClient.PostAsync'", "FlagAsync",
                "publish only where its IsApproved is true; a decision that came back is not a yes"));

    [Fact]
    public Task A_decision_with_two_outcome_properties_asks_which_one_answers()
        => Presence.Analyzers.Tests.Verifiers.AnalyzerVerifier<Presence.Analyzers.Rules.ConfirmationShapeAnalyzer>.VerifyAsync("""
            using System.Threading.Tasks;
            using Presence;

            public enum ReviewOutcome { Rejected, Approved }
            public sealed class Verdict { public ReviewOutcome Result { get; init; } public ReviewOutcome Previous { get; init; } }
            public struct Scored { public ReviewOutcome Outcome { get; init; } }

            public interface IEditor
            {
                [{|#0:HumanConfirmation|}] Task<Verdict> JudgeAsync(string text);
                [HumanConfirmation(ApprovalProperty = nameof(Verdict.Result))] Task<Verdict> NamedAsync(string text);
                [HumanConfirmation] Task<Scored> ScoreAsync(string text);
            }
            """,
            Presence.Analyzers.Tests.Verifiers.AnalyzerVerifier<Presence.Analyzers.Rules.ConfirmationShapeAnalyzer>.Diagnostic(PresenceDiagnostics.UnreadableConfirmationResult).WithLocation(0).WithArguments(
                "JudgeAsync", "Verdict", "its properties Result and Previous both could say yes: name the one that does with [HumanConfirmation(ApprovalProperty = nameof(Verdict.…))]"));

    [Fact]
    public Task A_confirmation_that_always_returns_an_approved_outcome_in_a_decision_is_a_rubber_stamp()
        => Presence.Analyzers.Tests.Verifiers.AnalyzerVerifier<Presence.Analyzers.Rules.RubberStampConfirmationAnalyzer>.VerifyAsync("""
            using System.Threading.Tasks;
            using Presence;

            public enum ReviewOutcome { Rejected, Approved }
            public sealed record Decision(ReviewOutcome Outcome, string Note);
            public sealed class Verdict { public ReviewOutcome Outcome { get; init; } }

            public class Stamps
            {
                [HumanConfirmation] public Task<Decision> {|#0:StampAsync|}(string text) => Task.FromResult(new Decision(ReviewOutcome.Approved, "ok"));
                [HumanConfirmation] public Verdict {|#1:Stamp|}(string text) => new Verdict { Outcome = ReviewOutcome.Approved };
                [HumanConfirmation] public Task<Decision> RefuseAsync(string text) => Task.FromResult(new Decision(ReviewOutcome.Rejected, "no"));
                [HumanConfirmation] public Verdict Refuse(string text) => new Verdict { Outcome = ReviewOutcome.Rejected };
            }
            """,
            Presence.Analyzers.Tests.Verifiers.AnalyzerVerifier<Presence.Analyzers.Rules.RubberStampConfirmationAnalyzer>.Diagnostic(PresenceDiagnostics.RubberStampConfirmation).WithLocation(0).WithArguments("Stamps.StampAsync", "always returns an approved decision"),
            Presence.Analyzers.Tests.Verifiers.AnalyzerVerifier<Presence.Analyzers.Rules.RubberStampConfirmationAnalyzer>.Diagnostic(PresenceDiagnostics.RubberStampConfirmation).WithLocation(1).WithArguments("Stamps.Stamp", "always returns an approved decision"));
}
