using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// Code being typed: the answer tested with calls, helpers and decision properties that do not bind yet. Nothing
/// throws, and nothing broken counts as a yes.
/// </summary>
public class AnswerTestsInBrokenCodeTests
{
    [Fact]
    public Task Unbound_tests_of_the_answer_do_not_guard_and_do_not_throw()
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test
        {
            CompilerDiagnostics = CompilerDiagnostics.None,
            TestCode = """
                using System;
                using System.Threading.Tasks;
                using Presence;

                [PublishesContent("Mastodon")]
                public interface IClient { Task PostAsync(string text); }
                public enum ReviewOutcome { Rejected, Approved }
                public sealed class Verdict { public Missing Outcome { get; init; } public ReviewOutcome Result { get; init; } }

                public interface IEditor
                {
                    [HumanConfirmation] Task<ReviewOutcome> AskAsync(string text);
                    [HumanConfirmation] Task<Verdict> JudgeAsync(string text);
                }

                public static class Answers
                {
                    public static bool Broken(ReviewOutcome o) => o == ReviewOutcome.Nothing;
                    public static bool Recursive(ReviewOutcome o) => Recursive(o);
                    public static bool Unfinished(ReviewOutcome o) =>
                }

                public sealed class Poster(IEditor editor, IClient client)
                {
                    public async Task Run(string text, ReviewOutcome flag)
                    {
                        var outcome = await editor.AskAsync(text);
                        if (outcome.HasFlag()) await {|PRES004:client.PostAsync(text)|};
                        if (outcome.HasFlag(flag)) await {|PRES004:client.PostAsync(text)|};
                        if (outcome.Equals()) await {|PRES004:client.PostAsync(text)|};
                        if (Equals(outcome)) await {|PRES004:client.PostAsync(text)|};
                        if (outcome.Equals(ReviewOutcome.Nothing)) await {|PRES004:client.PostAsync(text)|};
                        if (Answers.Broken(outcome)) await {|PRES004:client.PostAsync(text)|};
                        if (Answers.Recursive(outcome)) await {|PRES004:client.PostAsync(text)|};
                        if (Answers.Unfinished(outcome)) await {|PRES004:client.PostAsync(text)|};
                        if (Answers.Unknown(outcome)) await {|PRES004:client.PostAsync(text)|};
                        if (outcome >= ) await {|PRES004:client.PostAsync(text)|};
                        if ((Missing)outcome == 1) await {|PRES004:client.PostAsync(text)|};
                    }

                    public async Task Judged(string text)
                    {
                        var verdict = await editor.JudgeAsync(text);
                        if (verdict.Outcome == Missing.Approved) await {|PRES004:client.PostAsync(text)|};
                        if (verdict.Result == ReviewOutcome.Approved) await client.PostAsync(text);
                    }
                }
                """,
        };
        return test.RunAsync();
    }
}
