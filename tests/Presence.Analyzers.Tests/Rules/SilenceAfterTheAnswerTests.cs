using System.Threading.Tasks;
using RubberStamp = Presence.Analyzers.Tests.Verifiers.AnalyzerVerifier<Presence.Analyzers.Rules.RubberStampConfirmationAnalyzer>;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// PRES005's silence-as-approval reads a catch that approves only where nobody's answer can have decided the yes. A
/// try after the person already answered (an audit write, a notification whose failure must not undo the decision)
/// swallows an error of that step, not the person's silence; so does a catch that asks again and returns that answer,
/// a catch that logs and says no, and a flag that holds a validation result rather than the answer. The same catch
/// around the ask itself is still reported.
/// </summary>
public class SilenceAfterTheAnswerTests
{
    private const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Presence;

        public interface IChat
        {
            Task<bool> AskAsync(string text);
            Task RequireAsync(string text);
            bool Ask(string text);
        }

        public interface IAudit { Task WriteAsync(string text); }

        """;

    [Fact]
    public Task A_catch_around_a_step_after_the_answer_is_clean()
        => RubberStamp.VerifyAsync(Usings + """
            public sealed class Prompts(IChat chat, IAudit audit)
            {
                // The ask throws on a no; the audit write after it may fail without undoing the decision.
                [HumanConfirmation]
                public async Task RequireThenAuditAsync(string t)
                {
                    await chat.RequireAsync(t);
                    try { await audit.WriteAsync(t); }
                    catch (Exception ex) { Console.WriteLine(ex); }
                }

                // A no has already left; an audit failure after a person's yes keeps the yes.
                [HumanConfirmation]
                public async Task<bool> AnswerThenAuditAsync(string t)
                {
                    if (!await chat.AskAsync(t)) return false;
                    try { await audit.WriteAsync(t); }
                    catch (Exception) { return true; }
                    return true;
                }

                [HumanConfirmation]
                public async Task<bool> AnswerInLocalThenAuditAsync(string t)
                {
                    var approved = chat.Ask(t);
                    if (!approved)
                    {
                        return false;
                    }

                    var written = true;
                    try { await audit.WriteAsync(t); written = true; }
                    catch (TimeoutException) { }
                    return written;
                }

                // Asks again in the catch: that answer is the person's.
                [HumanConfirmation]
                public async Task<bool> RetriesAsync(string t)
                {
                    try { return await chat.AskAsync(t); }
                    catch (TimeoutException) { return await chat.AskAsync("Reminder: " + t); }
                }

                [HumanConfirmation]
                public async Task<bool> LogsAndSaysNoAsync(string t)
                {
                    try
                    {
                        var answer = await chat.AskAsync(t);
                        return answer;
                    }
                    catch (Exception ex)
                    {
                        Console.Error.WriteLine(ex);
                        return false;
                    }
                }

                // The flag is a validation result; the answer is what is returned.
                [HumanConfirmation]
                public async Task<bool> ValidatesThenAsksAsync(string t)
                {
                    bool ok = true;
                    try { ok = t.Length < 500; } catch (Exception) { }
                    if (!ok) return false;
                    return await chat.AskAsync(t);
                }
            }
            """);

    [Fact]
    public Task A_catch_around_the_ask_after_a_guard_is_still_reported()
        => RubberStamp.VerifyAsync(Usings + """
            public sealed class Prompts(IChat chat)
            {
                [HumanConfirmation]
                public async Task<bool> {|#0:GuardThenAskAsync|}(string t)
                {
                    if (string.IsNullOrWhiteSpace(t)) return false;
                    if (t is null) throw new ArgumentNullException(nameof(t));
                    try { return await chat.AskAsync(t); }
                    catch (Exception) { return true; }
                }

                [HumanConfirmation]
                public async Task {|#1:LogThenRequireAsync|}(string t)
                {
                    Console.WriteLine("asking");
                    try { await chat.RequireAsync(t); }
                    catch (TimeoutException) { Console.WriteLine("no answer"); }
                }
            }
            """,
            RubberStamp.Diagnostic(PresenceDiagnostics.SilenceTakenAsApproval).WithLocation(0).WithArguments("Prompts.GuardThenAskAsync", "returns true in catch (Exception)"),
            RubberStamp.Diagnostic(PresenceDiagnostics.SilenceTakenAsApproval).WithLocation(1).WithArguments("Prompts.LogThenRequireAsync", "returns normally in catch (TimeoutException)"));
}
