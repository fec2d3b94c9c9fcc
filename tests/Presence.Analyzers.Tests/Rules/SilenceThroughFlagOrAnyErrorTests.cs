using System.Threading.Tasks;
using Publish = Presence.Analyzers.Tests.Verifiers.AnalyzerVerifier<Presence.Analyzers.Rules.UnconfirmedPublishAnalyzer>;
using RubberStamp = Presence.Analyzers.Tests.Verifiers.AnalyzerVerifier<Presence.Analyzers.Rules.RubberStampConfirmationAnalyzer>;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// PRES005 for two more ways a confirmation says yes when nobody answers: a flag that starts as yes and keeps it
/// when the ask throws (a timeout, any error), and a catch of any exception that approves. The look-alikes start
/// at no, answer no or rethrow in the catch, or set the flag to yes only after a person's yes.
/// </summary>
public class SilenceThroughFlagOrAnyErrorTests
{
    private const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Presence;

        public enum ReviewOutcome { Approved, Rejected, TimedOut }

        public interface IChat
        {
            Task<bool> AskAsync(string text);
            Task<ReviewOutcome> AskOutcomeAsync(string text);
            Task RequireAsync(string text);
        }

        """;

    [Fact]
    public Task A_flag_that_stays_yes_or_a_catch_of_any_error_that_approves_is_reported()
        => RubberStamp.VerifyAsync(Usings + """
            public sealed class Prompts(IChat chat)
            {
                [HumanConfirmation]
                public async Task<bool> {|#0:FlagOnTimeoutAsync|}(string t)
                {
                    var approved = true;
                    try { approved = await chat.AskAsync(t); } catch (TimeoutException) { }
                    return approved;
                }

                [HumanConfirmation]
                public async Task<bool> {|#1:FlagOnAnyErrorAsync|}(string t)
                {
                    bool approved = true;
                    try
                    {
                        approved = await chat.AskAsync(t);
                    }
                    catch (Exception ex)
                    {
                        Console.WriteLine(ex.Message);
                    }

                    Console.WriteLine("asked");
                    return approved;
                }

                [HumanConfirmation]
                public async Task<ReviewOutcome> {|#2:OutcomeFlagAsync|}(string t)
                {
                    var outcome = ReviewOutcome.Approved;
                    try { outcome = await chat.AskOutcomeAsync(t); } catch (OperationCanceledException) { }
                    return outcome;
                }

                [HumanConfirmation]
                public async Task<bool> {|#3:AnyErrorIsYesAsync|}(string t)
                {
                    try { return await chat.AskAsync(t); }
                    catch (Exception) { return true; }
                }

                [HumanConfirmation]
                public async Task<bool> {|#4:CatchAllIsYesAsync|}(string t)
                {
                    try { return await chat.AskAsync(t); }
                    catch { return true; }
                }

                [HumanConfirmation]
                public async Task {|#5:SwallowsAnyErrorAsync|}(string t)
                {
                    try { await chat.RequireAsync(t); }
                    catch (Exception) { Console.WriteLine("could not ask"); }
                }
            }
            """,
            RubberStamp.Diagnostic(PresenceDiagnostics.SilenceTakenAsApproval).WithLocation(0).WithArguments("Prompts.FlagOnTimeoutAsync", "returns true in catch (TimeoutException): 'approved' starts as true and keeps it"),
            RubberStamp.Diagnostic(PresenceDiagnostics.SilenceTakenAsApproval).WithLocation(1).WithArguments("Prompts.FlagOnAnyErrorAsync", "returns true in catch (Exception): 'approved' starts as true and keeps it"),
            RubberStamp.Diagnostic(PresenceDiagnostics.SilenceTakenAsApproval).WithLocation(2).WithArguments("Prompts.OutcomeFlagAsync", "returns ReviewOutcome.Approved in catch (OperationCanceledException): 'outcome' starts as ReviewOutcome.Approved and keeps it"),
            RubberStamp.Diagnostic(PresenceDiagnostics.SilenceTakenAsApproval).WithLocation(3).WithArguments("Prompts.AnyErrorIsYesAsync", "returns true in catch (Exception)"),
            RubberStamp.Diagnostic(PresenceDiagnostics.SilenceTakenAsApproval).WithLocation(4).WithArguments("Prompts.CatchAllIsYesAsync", "returns true in catch"),
            RubberStamp.Diagnostic(PresenceDiagnostics.SilenceTakenAsApproval).WithLocation(5).WithArguments("Prompts.SwallowsAnyErrorAsync", "returns normally in catch (Exception)"));

    [Fact]
    public Task A_flag_that_starts_no_or_a_catch_that_says_no_is_clean()
        => RubberStamp.VerifyAsync(Usings + """
            public sealed class Prompts(IChat chat)
            {
                [HumanConfirmation]
                public async Task<bool> StartsFalseAsync(string t)
                {
                    var approved = false;
                    try { approved = await chat.AskAsync(t); } catch (TimeoutException) { }
                    return approved;
                }

                [HumanConfirmation]
                public async Task<bool> CatchSaysNoAsync(string t)
                {
                    var approved = true;
                    try { approved = await chat.AskAsync(t); } catch (TimeoutException) { approved = false; }
                    return approved;
                }

                [HumanConfirmation]
                public async Task<bool> CatchReturnsNoAsync(string t)
                {
                    var approved = true;
                    try { approved = await chat.AskAsync(t); } catch (Exception) { return false; }
                    return approved;
                }

                [HumanConfirmation]
                public async Task<bool> CatchRethrowsAsync(string t)
                {
                    var approved = true;
                    try { approved = await chat.AskAsync(t); } catch (Exception) { throw; }
                    return approved;
                }

                [HumanConfirmation]
                public async Task<bool> AnyErrorIsNoAsync(string t)
                {
                    try { return await chat.AskAsync(t); }
                    catch (Exception) { return false; }
                }

                [HumanConfirmation]
                public async Task<bool> AnyErrorRethrowsAsync(string t)
                {
                    try { return await chat.AskAsync(t); }
                    catch (Exception ex) { Console.WriteLine(ex); throw; }
                }

                // Set to yes only after a person's yes.
                [HumanConfirmation]
                public async Task<bool> YesOnlyAfterYesAsync(string t)
                {
                    var approved = false;
                    try
                    {
                        if (await chat.AskAsync(t)) approved = true;
                    }
                    catch (TimeoutException) { }
                    return approved;
                }

                // 'approved = true' in a branch after the ask returned yes.
                [HumanConfirmation]
                public async Task<bool> YesInUnrelatedBranchAsync(string t)
                {
                    bool approved;
                    try { approved = await chat.AskAsync(t); } catch (TimeoutException) { approved = false; }
                    if (approved)
                    {
                        Console.WriteLine("approved");
                        approved = true;
                    }

                    return approved;
                }

                // The flag is checked again before it is returned.
                [HumanConfirmation]
                public async Task<bool> AsksAgainAfterTheCatchAsync(string t)
                {
                    var approved = true;
                    var answered = false;
                    try { approved = await chat.AskAsync(t); answered = true; } catch (TimeoutException) { }
                    if (!answered) return false;
                    return approved;
                }

                [HumanConfirmation]
                public async Task<ReviewOutcome> OutcomeStartsTimedOutAsync(string t)
                {
                    var outcome = ReviewOutcome.TimedOut;
                    try { outcome = await chat.AskOutcomeAsync(t); } catch (Exception) { }
                    return outcome;
                }

                [HumanConfirmation]
                public async Task SwallowsThenThrowsAsync(string t)
                {
                    try { await chat.RequireAsync(t); }
                    catch (Exception) { Console.WriteLine("could not ask"); }
                    throw new InvalidOperationException("not confirmed");
                }
            }
            """);

    [Fact]
    public Task A_flag_that_stays_yes_where_the_publish_is_does_not_guard_it()
        => Publish.VerifyAsync(Usings + """
            [PublishesContent("Mastodon")]
            public interface IClient { Task PostAsync(string text); }

            public interface IEditor { [HumanConfirmation] Task<bool> AskAsync(string text); }

            public sealed class Poster(IEditor editor, IClient client)
            {
                public async Task FlagStaysYes(string t)
                {
                    var approved = true;
                    try { approved = await editor.AskAsync(t); } catch (Exception) { }
                    if (approved) await {|PRES001:client.PostAsync(t)|};
                }

                public async Task FlagStartsNo(string t)
                {
                    var approved = false;
                    try { approved = await editor.AskAsync(t); } catch (TimeoutException) { }
                    if (approved) await client.PostAsync(t);
                }
            }
            """);
}
