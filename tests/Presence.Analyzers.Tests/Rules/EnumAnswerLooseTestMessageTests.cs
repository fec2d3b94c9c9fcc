using System.Threading.Tasks;
using Presence.Analyzers;
using Verify = Presence.Analyzers.Tests.Verifiers.AnalyzerVerifier<Presence.Analyzers.Rules.UnconfirmedPublishAnalyzer>;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// An enum answer tested as a range (<c>outcome &gt;= ReviewOutcome.Approved</c>) or as a number (<c>(int)outcome == 1</c>)
/// does not single out the member that means yes: PRES004, with a message that says why and what to write instead.
/// </summary>
public class EnumAnswerLooseTestMessageTests
{
    private const string Api = """
        using System;
        using System.Threading.Tasks;
        using Presence;

        [PublishesContent("Mastodon")]
        public interface IClient { Task PostAsync(string text); }

        public enum ReviewOutcome { Rejected, Approved, AutoApproved, TimedOut }

        public interface IEditor
        {
            [HumanConfirmation] Task<ReviewOutcome> AskAsync(string text);
        }

        """;

    private const string Target = "Posts to Mastodon through 'IClient.PostAsync'";

    [Fact]
    public Task A_range_test_says_that_it_lets_other_members_through()
        => Verify.VerifyAsync(Api + """
            public sealed class Poster(IEditor editor, IClient client)
            {
                public async Task Range(string text)
                {
                    var outcome = await {|#1:editor.AskAsync(text)|};
                    if (outcome >= ReviewOutcome.Approved) await {|#0:client.PostAsync(text)|};
                }
            }
            """,
            Verify.Diagnostic(PresenceDiagnostics.ConfirmationIgnored).WithLocation(0).WithLocation(1).WithArguments(
                Target, "AskAsync",
                "'outcome >= ReviewOutcome.Approved' tests the order of the members, which lets other members than ReviewOutcome.Approved through: publish only where the answer == ReviewOutcome.Approved"));

    [Fact]
    public Task A_range_pattern_on_the_call_says_the_same()
        => Verify.VerifyAsync(Api + """
            public sealed class Poster(IEditor editor, IClient client)
            {
                public async Task Range(string text)
                {
                    if (await {|#1:editor.AskAsync(text)|} is >= ReviewOutcome.Approved and < ReviewOutcome.TimedOut) await {|#0:client.PostAsync(text)|};
                }
            }
            """,
            Verify.Diagnostic(PresenceDiagnostics.ConfirmationIgnored).WithLocation(0).WithLocation(1).WithArguments(
                Target, "AskAsync",
                "'await editor.AskAsync(text) is >= ReviewOutcome.Approved and < ReviewOutcome.TimedOut' tests the order of the members, which lets other members than ReviewOutcome.Approved through: publish only where the answer == ReviewOutcome.Approved"));

    [Fact]
    public Task A_number_test_says_that_it_does_not_name_the_yes_member()
        => Verify.VerifyAsync(Api + """
            public sealed class Poster(IEditor editor, IClient client)
            {
                public async Task Number(string text)
                {
                    var outcome = await {|#1:editor.AskAsync(text)|};
                    if ((int)outcome == 1) await {|#0:client.PostAsync(text)|};
                }
            }
            """,
            Verify.Diagnostic(PresenceDiagnostics.ConfirmationIgnored).WithLocation(0).WithLocation(1).WithArguments(
                Target, "AskAsync",
                "'(int)outcome' tests the answer as a number, which does not say which member it is: publish only where the answer == ReviewOutcome.Approved"));

    [Fact]
    public Task A_discarded_answer_keeps_the_plain_advice()
        => Verify.VerifyAsync(Api + """
            public sealed class Poster(IEditor editor, IClient client)
            {
                public async Task Discarded(string text)
                {
                    await {|#1:editor.AskAsync(text)|};
                    await {|#0:client.PostAsync(text)|};
                }
            }
            """,
            Verify.Diagnostic(PresenceDiagnostics.ConfirmationIgnored).WithLocation(0).WithLocation(1).WithArguments(
                Target, "AskAsync", "publish only on the path where 'AskAsync' returned approval"));
}
