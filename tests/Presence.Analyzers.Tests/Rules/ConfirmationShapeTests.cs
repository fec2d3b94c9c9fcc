using System.Threading.Tasks;
using Verify = Presence.Analyzers.Tests.Verifiers.AnalyzerVerifier<Presence.Analyzers.Rules.ConfirmationShapeAnalyzer>;

namespace Presence.Analyzers.Tests.Rules;

public class ConfirmationShapeTests
{
    [Fact]
    public Task Answers_that_do_not_say_approved_are_reported()
        => Verify.VerifyAsync("""
            using System.Threading.Tasks;
            using Presence;

            public enum Outcome { Keep, Drop }
            public struct Score { public int Value; }
            public sealed class Review { public bool Done { get; set; } }

            public class Prompts
            {
                [{|#0:HumanConfirmation|}]
                public int AskScore(string text) => 0;

                [{|#1:HumanConfirmation|}]
                public Task<Outcome> AskOutcomeAsync(string text) => Task.FromResult(Outcome.Keep);

                [{|#2:HumanConfirmation(ApprovalProperty = "Approved")|}]
                public Review AskReview(string text) => new Review();

                [{|#3:HumanConfirmation|}]
                public Score AskStruct(string text) => default;
            }
            """,
            Verify.Diagnostic(PresenceDiagnostics.UnreadableConfirmationResult).WithLocation(0).WithArguments("AskScore", "int", "return bool, a decision with a bool IsApproved property (or name one with ApprovalProperty), a nullable token, or nothing and throw when denied"),
            Verify.Diagnostic(PresenceDiagnostics.UnreadableConfirmationResult).WithLocation(1).WithArguments("AskOutcomeAsync", "Outcome", "none of its members is named Approved, Approve, Yes, Confirmed, Confirm, Accepted or Accept: name the member that means yes with [HumanConfirmation(ApprovalMember = nameof(Outcome.…))]"),
            Verify.Diagnostic(PresenceDiagnostics.UnreadableConfirmationResult).WithLocation(2).WithArguments("AskReview", "Review", "it has no readable bool or enum property 'Approved' (named by ApprovalProperty)"),
            Verify.Diagnostic(PresenceDiagnostics.UnreadableConfirmationResult).WithLocation(3).WithArguments("AskStruct", "Score", "return bool, a decision with a bool IsApproved property (or name one with ApprovalProperty), a nullable token, or nothing and throw when denied"));

    [Fact]
    public Task Every_documented_shape_is_clean()
        => Verify.VerifyAsync("""
            using System.Threading.Tasks;
            using Presence;

            public sealed class Decision { public bool IsApproved { get; init; } }
            public sealed class Verdict { public bool Accepted { get; init; } }
            public interface IVote { bool Confirmed { get; } }
            public sealed class Vote : IVote { public bool Confirmed => true; }
            public readonly struct Ticket { public bool Approved { get; init; } }
            public sealed class Token { }

            public class Prompts
            {
                [HumanConfirmation] public bool Ask(string text) => false;
                [HumanConfirmation] public bool? MaybeAsk(string text) => null;
                [HumanConfirmation] public Task<bool> AskAsync(string text) => Task.FromResult(false);
                [HumanConfirmation] public ValueTask<bool> AskValueAsync(string text) => default;
                [HumanConfirmation] public Task<Decision> DecideAsync(string text) => Task.FromResult(new Decision());
                [HumanConfirmation(ApprovalProperty = nameof(Verdict.Accepted))] public Verdict Judge(string text) => new Verdict();
                [HumanConfirmation] public Vote VoteOn(string text) => new Vote();
                [HumanConfirmation] public Ticket Issue(string text) => default;
                [HumanConfirmation] public Task<Token?> RequestAsync(string text) => Task.FromResult<Token?>(null);
                [HumanConfirmation] public int? MaybeNumber(string text) => null;
                [HumanConfirmation] public void EnsureApproved(string text) { }
                [HumanConfirmation] public Task EnsureApprovedAsync(string text) => Task.CompletedTask;
                public int NotAConfirmation(string text) => 0;
            }
            """);
}
