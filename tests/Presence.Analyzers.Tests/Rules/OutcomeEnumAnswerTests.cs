using System;
using System.Linq;
using System.Threading.Tasks;
using Presence.Analyzers.Tests.Verifiers;
using RubberStamp = Presence.Analyzers.Tests.Verifiers.AnalyzerVerifier<Presence.Analyzers.Rules.RubberStampConfirmationAnalyzer>;
using Shape = Presence.Analyzers.Tests.Verifiers.AnalyzerVerifier<Presence.Analyzers.Rules.ConfirmationShapeAnalyzer>;
using Verify = Presence.Analyzers.Tests.Verifiers.AnalyzerVerifier<Presence.Analyzers.Rules.UnconfirmedPublishAnalyzer>;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// A confirmation that answers with an enum (<c>Task&lt;ReviewOutcome&gt;</c>): the member that means yes is the one
/// named by ApprovalMember, or the one well-known name among its members. A test for equality with it guards
/// (==, is, a switch case or arm, an early return on !=); a test that lets another member through is loose (PRES004).
/// </summary>
public class OutcomeEnumAnswerTests
{
    private const string Api = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Presence;

        [PublishesContent("Mastodon")]
        public interface IClient { Task PostAsync(string text); }

        public enum ReviewOutcome { Approved, Rejected, TimedOut }
        public enum Verdict { Hold, Publish, Discard }

        public interface IEditor
        {
            [HumanConfirmation] Task<ReviewOutcome> AskEditorAsync(string text);
            [HumanConfirmation] ValueTask<ReviewOutcome> AskEditorValueAsync(string text);
            [HumanConfirmation] ReviewOutcome AskNow(string text);
            [HumanConfirmation] ReviewOutcome? MaybeAsk(string text);
            [HumanConfirmation(ApprovalMember = nameof(Verdict.Publish))] Task<Verdict> JudgeAsync(string text);
        }

        """;

    [Fact]
    public Task A_test_for_the_approving_member_guards()
        => Verify.VerifyAsync(Api + """
            public sealed class Poster(IEditor editor, IClient client)
            {
                public async Task Equal(string text)
                {
                    if (await editor.AskEditorAsync(text) == ReviewOutcome.Approved) await client.PostAsync(text);
                }

                public async Task EqualReversed(string text)
                {
                    var outcome = await editor.AskEditorValueAsync(text);
                    if (ReviewOutcome.Approved == outcome) await client.PostAsync(text);
                }

                public async Task Pattern(string text)
                {
                    if (editor.AskNow(text) is ReviewOutcome.Approved) await client.PostAsync(text);
                }

                public async Task EarlyReturn(string text)
                {
                    var outcome = await editor.AskEditorAsync(text);
                    if (outcome != ReviewOutcome.Approved) return;
                    await client.PostAsync(text);
                }

                public async Task EarlyReturnOnIsNot(string text)
                {
                    if (await editor.AskEditorAsync(text) is not ReviewOutcome.Approved) return;
                    await client.PostAsync(text);
                }

                public async Task SwitchCase(string text)
                {
                    switch (await editor.AskEditorAsync(text))
                    {
                        case ReviewOutcome.Approved: await client.PostAsync(text); break;
                        case ReviewOutcome.Rejected: Console.WriteLine("no"); break;
                    }
                }

                public async Task SwitchArm(string text)
                {
                    var outcome = await editor.AskEditorAsync(text);
                    await (outcome switch { ReviewOutcome.Approved => client.PostAsync(text), _ => Task.CompletedTask });
                }

                public async Task Nullable(string text)
                {
                    var outcome = editor.MaybeAsk(text);
                    if (outcome == ReviewOutcome.Approved) await client.PostAsync(text);
                    if (outcome is ReviewOutcome.Approved) await client.PostAsync(text);
                }

                public async Task NamedMember(string text)
                {
                    if (await editor.JudgeAsync(text) == Verdict.Publish) await client.PostAsync(text);
                }
            }
            """);

    [Fact]
    public Task A_test_that_lets_another_member_through_is_loose()
        => Verify.VerifyAsync(Api + """
            public sealed class Poster(IEditor editor, IClient client)
            {
                public async Task NotRejected(string text)
                {
                    if (await editor.AskEditorAsync(text) != ReviewOutcome.Rejected) await {|PRES004:client.PostAsync(text)|};
                }

                public async Task IsNotRejected(string text)
                {
                    var outcome = await editor.AskEditorAsync(text);
                    if (outcome is not ReviewOutcome.Rejected) await {|PRES004:client.PostAsync(text)|};
                }

                public async Task ReturnOnRejectedOnly(string text)
                {
                    var outcome = await editor.AskEditorAsync(text);
                    if (outcome == ReviewOutcome.Rejected) return;
                    await {|PRES004:client.PostAsync(text)|};
                }

                public async Task WrongCaseAndDefault(string text)
                {
                    switch (await editor.AskEditorAsync(text))
                    {
                        case ReviewOutcome.TimedOut: await {|PRES004:client.PostAsync(text)|}; break;
                        default: await {|PRES004:client.PostAsync(text)|}; break;
                    }
                }

                public async Task WrongArm(string text)
                {
                    var outcome = await editor.AskEditorAsync(text);
                    await (outcome switch { ReviewOutcome.Approved => Task.CompletedTask, _ => {|PRES004:client.PostAsync(text)|} });
                }

                public async Task NullableNotNull(string text)
                {
                    var outcome = editor.MaybeAsk(text);
                    if (outcome != null) await {|PRES004:client.PostAsync(text)|};
                    if ((outcome ?? ReviewOutcome.Approved) == ReviewOutcome.Approved) await {|PRES004:client.PostAsync(text)|};
                    if (outcome.HasValue) await {|PRES004:client.PostAsync(text)|};
                    if (outcome.Value == ReviewOutcome.Approved) await client.PostAsync(text);
                }

                public async Task NamedMemberIsTheOnlyYes(string text)
                {
                    if (await editor.JudgeAsync(text) != Verdict.Discard) await {|PRES004:client.PostAsync(text)|};
                }

                public async Task Ignored(string text)
                {
                    await editor.AskEditorAsync(text);
                    await {|PRES004:client.PostAsync(text)|};
                }
            }
            """);

    [Fact]
    public Task An_enum_whose_yes_cannot_be_told_is_unreadable_and_says_how_to_name_it()
        => Shape.VerifyAsync("""
            using System.Threading.Tasks;
            using Presence;

            public enum Score { Low, High }
            public enum Mixed { Yes, No, Approved }
            public enum Aliased { Approved = 1, Yes = 1, No = 0 }
            public enum Outcome { Approved, Rejected, TimedOut }
            public enum Verdict { Hold, Publish }

            public class Prompts
            {
                [{|#0:HumanConfirmation|}]
                public Task<Score> RateAsync(string text) => Task.FromResult(Score.Low);

                [{|#1:HumanConfirmation|}]
                public Mixed AskMixed(string text) => Mixed.No;

                [{|#2:HumanConfirmation(ApprovalMember = "Publish")|}]
                public Outcome AskOutcome(string text) => Outcome.Rejected;

                [HumanConfirmation] public Task<Outcome> AskAsync(string text) => Task.FromResult(Outcome.Rejected);
                [HumanConfirmation] public Aliased AskAliased(string text) => Aliased.No;
                [HumanConfirmation] public Outcome? MaybeAsk(string text) => null;
                [HumanConfirmation(ApprovalMember = nameof(Verdict.Publish))] public Verdict Judge(string text) => Verdict.Hold;
                [HumanConfirmation(ApprovalMember = nameof(Score.High))] public ValueTask<Score> RateValueAsync(string text) => default;
                [HumanConfirmation(ApprovalMember = "Publish")] public bool AskBool(string text) => false;
            }
            """,
            Shape.Diagnostic(PresenceDiagnostics.UnreadableConfirmationResult).WithLocation(0).WithArguments("RateAsync", "Score",
                "none of its members is named Approved, Approve, Yes, Confirmed, Confirm, Accepted or Accept: name the member that means yes with [HumanConfirmation(ApprovalMember = nameof(Score.…))]"),
            Shape.Diagnostic(PresenceDiagnostics.UnreadableConfirmationResult).WithLocation(1).WithArguments("AskMixed", "Mixed",
                "its members Approved and Yes both could mean yes: name the one that does with [HumanConfirmation(ApprovalMember = nameof(Mixed.…))]"),
            Shape.Diagnostic(PresenceDiagnostics.UnreadableConfirmationResult).WithLocation(2).WithArguments("AskOutcome", "Outcome",
                "it has no member 'Publish' (named by ApprovalMember)"));

    [Fact]
    public Task An_enum_confirmation_that_always_or_silently_says_yes_is_a_rubber_stamp()
        => RubberStamp.VerifyAsync("""
            using System;
            using System.Threading.Tasks;
            using Presence;

            public enum ReviewOutcome { Approved, Rejected, TimedOut }

            public class Prompts
            {
                private readonly TaskCompletionSource<ReviewOutcome> _answer = new();

                [HumanConfirmation] public ReviewOutcome {|#0:Always|}(string text) => ReviewOutcome.Approved;

                [HumanConfirmation]
                public async Task<ReviewOutcome> {|#1:YesOnTimeoutAsync|}(string text)
                {
                    try { return await _answer.Task.WaitAsync(TimeSpan.FromMinutes(5)); }
                    catch (TimeoutException) { return ReviewOutcome.Approved; }
                }

                [HumanConfirmation]
                public async Task<ReviewOutcome> TimedOutOnTimeoutAsync(string text)
                {
                    try { return await _answer.Task.WaitAsync(TimeSpan.FromMinutes(5)); }
                    catch (TimeoutException) { return ReviewOutcome.TimedOut; }
                }

                [HumanConfirmation]
                public ReviewOutcome? {|#2:NullIsYes|}(string text)
                {
                    ReviewOutcome? answer = _answer.Task.IsCompleted ? _answer.Task.Result : null;
                    return answer ?? ReviewOutcome.Approved;
                }

                [HumanConfirmation]
                public ReviewOutcome? NullIsNo(string text)
                {
                    ReviewOutcome? answer = _answer.Task.IsCompleted ? _answer.Task.Result : null;
                    return answer ?? ReviewOutcome.TimedOut;
                }

                [HumanConfirmation] public ReviewOutcome Never(string text) => ReviewOutcome.Rejected;
            }
            """,
            RubberStamp.Diagnostic(PresenceDiagnostics.RubberStampConfirmation).WithLocation(0).WithArguments("Prompts.Always", "always returns ReviewOutcome.Approved"),
            RubberStamp.Diagnostic(PresenceDiagnostics.SilenceTakenAsApproval).WithLocation(1).WithArguments("Prompts.YesOnTimeoutAsync", "returns ReviewOutcome.Approved in catch (TimeoutException)"),
            RubberStamp.Diagnostic(PresenceDiagnostics.SilenceTakenAsApproval).WithLocation(2).WithArguments("Prompts.NullIsYes", "returns ReviewOutcome.Approved when the answer is null (?? ReviewOutcome.Approved)"));

    [Theory]
    [InlineData("public enum Outcome { Rejected } class P { [HumanConfirmation] Outcome Ask() => Outcome.Rejected; async Task M(IClient c) { if (Ask() == Outcome.Approved) await c.PostAsync(\"x\"); } }")]
    [InlineData("class P { [HumanConfirmation] Task<MissingOutcome> AskAsync() => null!; async Task M(IClient c) { if (await AskAsync() == MissingOutcome.Approved) await c.PostAsync(\"x\"); } }")]
    [InlineData("class P { [HumanConfirmation(ApprovalMember = nameof(MissingOutcome.Yes))] MissingOutcome Ask() => default; async Task M(IClient c) { if (Ask() is MissingOutcome.Yes) await c.PostAsync(\"x\"); } }")]
    [InlineData("public enum Outcome { Approved } class P { [HumanConfirmation(ApprovalMember = null)] Outcome Ask() => Outcome.Approved; [HumanConfirmation(ApprovalMember = 3)] Outcome Ask2() => 0; async Task M(IClient c) { switch (Ask()) { case Outcome.Approved: await c.PostAsync(\"x\"); break; } } }")]
    [InlineData("public enum Outcome { Approved } class P { [HumanConfirmation] Outcome Ask() { try { return Outcome.Approved; } catch (Exception) { return (Outcome)7; } } async Task M(IClient c) { if (Ask() == (Outcome)0) await c.PostAsync(\"x\"); } }")]
    public async Task Broken_enum_answers_do_not_throw(string code)
    {
        var source = "using System; using System.Threading.Tasks; using Presence; [PublishesContent(\"Mastodon\")] public interface IClient { Task PostAsync(string text); }\n" + code;
        var compilation = AllAnalyzers.Compilation([source], [TestReferences.Abstractions]);
        var (_, failures) = await AllAnalyzers.RunAsync(compilation);
        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures));
    }
}
