using System.Threading.Tasks;
using Verify = Presence.Analyzers.Tests.Verifiers.AnalyzerVerifier<Presence.Analyzers.Rules.UnconfirmedPublishAnalyzer>;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// The answer tested by a small helper of the compilation (<c>static bool IsYes(ReviewOutcome o) =&gt; o == ReviewOutcome.Approved;</c>):
/// a helper whose body is one return of a test of its parameters reads as that test written at the call. A helper that
/// tests the wrong member, does not look at the answer, or does more than one return stays as it was: PRES004.
/// </summary>
public class AnswerTestedInHelperTests
{
    private const string Api = """
        using System;
        using System.Threading.Tasks;
        using Presence;

        [PublishesContent("Mastodon")]
        public interface IClient { Task PostAsync(string text); }

        public enum ReviewOutcome { Rejected, Approved, TimedOut }

        public interface IEditor
        {
            [HumanConfirmation] Task<ReviewOutcome> AskAsync(string text);
            [HumanConfirmation] Task<bool> ApproveAsync(string text);
        }

        public static class Answers
        {
            public static bool IsYes(ReviewOutcome o) => o == ReviewOutcome.Approved;
            public static bool IsNo(ReviewOutcome o) { return o != ReviewOutcome.Approved; }
            public static bool Said(this ReviewOutcome o) => o is ReviewOutcome.Approved;
            public static bool NotRejected(ReviewOutcome o) => o != ReviewOutcome.Rejected;
            public static bool Always(ReviewOutcome o) => true;
            public static bool Ignores(ReviewOutcome o, bool ready) => ready;
            public static bool Either(bool approved, bool force) => approved || force;
            public static bool Both(bool approved, bool ready) => approved && ready;
            public static bool Twice(ReviewOutcome o)
            {
                if (o == ReviewOutcome.TimedOut) return true;
                return o == ReviewOutcome.Approved;
            }
        }

        """;

    [Fact]
    public Task A_one_return_helper_that_tests_the_yes_member_guards()
        => Verify.VerifyAsync(Api + """
            public sealed class Poster(IEditor editor, IClient client)
            {
                private static bool Approved(ReviewOutcome outcome) => outcome.Equals(ReviewOutcome.Approved);

                public async Task Static(string text)
                {
                    if (Answers.IsYes(await editor.AskAsync(text))) await client.PostAsync(text);
                }

                public async Task Negative(string text)
                {
                    if (Answers.IsNo(await editor.AskAsync(text))) return;
                    await client.PostAsync(text);
                }

                public async Task Extension(string text)
                {
                    var outcome = await editor.AskAsync(text);
                    if (outcome.Said()) await client.PostAsync(text);
                }

                public async Task PrivateHelper(string text)
                {
                    if (!Approved(await editor.AskAsync(text))) return;
                    await client.PostAsync(text);
                }

                public async Task LocalFunction(string text)
                {
                    static bool Yes(ReviewOutcome o) => o == ReviewOutcome.Approved;
                    if (Yes(await editor.AskAsync(text))) await client.PostAsync(text);
                }

                public async Task BoolAnswer(string text, bool ready)
                {
                    if (Answers.Both(await editor.ApproveAsync(text), ready)) await client.PostAsync(text);
                    if (Answers.Either(await editor.ApproveAsync(text), false)) await client.PostAsync(text);
                }
            }
            """);

    [Fact]
    public Task A_helper_that_does_not_test_for_yes_stays_reported()
        => Verify.VerifyAsync(Api + """
            public sealed class Poster(IEditor editor, IClient client)
            {
                public async Task WrongMember(string text)
                {
                    if (Answers.NotRejected(await editor.AskAsync(text))) await {|PRES004:client.PostAsync(text)|};
                }

                public async Task AlwaysTrue(string text)
                {
                    if (Answers.Always(await editor.AskAsync(text))) await {|PRES004:client.PostAsync(text)|};
                    if (!Answers.Always(await editor.AskAsync(text))) return;
                    await {|PRES004:client.PostAsync(text)|};
                }

                public async Task LooksAtSomethingElse(string text, bool ready)
                {
                    if (Answers.Ignores(await editor.AskAsync(text), ready)) await {|PRES004:client.PostAsync(text)|};
                }

                public async Task Forced(string text, bool force)
                {
                    if (Answers.Either(await editor.ApproveAsync(text), force)) await {|PRES004:client.PostAsync(text)|};
                }

                public async Task MoreThanOneReturn(string text)
                {
                    if (Answers.Twice(await editor.AskAsync(text))) await {|PRES004:client.PostAsync(text)|};
                }

                public async Task InvertedUse(string text)
                {
                    if (Answers.IsYes(await editor.AskAsync(text))) return;
                    await {|PRES004:client.PostAsync(text)|};
                }
            }
            """);
}
