using System.Threading.Tasks;
using Presence.Analyzers.CodeFixes;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;
using RubberStamp = Presence.Analyzers.Tests.Verifiers.AnalyzerVerifier<Presence.Analyzers.Rules.RubberStampConfirmationAnalyzer>;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// PRES005 for a confirmation that can say no but approves when nobody answers: on a timeout or a cancellation, when
/// the delay wins the race with the answer, when the answer is null. The look-alikes answer no, rethrow, or approve
/// only after reading a person's answer.
/// </summary>
public class SilenceTakenAsApprovalTests
{
    private const string Usings = """
        using System;
        using System.Collections.Concurrent;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using Presence;

        """;

    [Fact]
    public Task A_confirmation_that_says_yes_when_nobody_answers_is_reported()
        => RubberStamp.VerifyAsync(Usings + """
            public sealed class ChatConfirm
            {
                private readonly TaskCompletionSource<bool> _tcs = new();
                private readonly SemaphoreSlim _pressed = new(0);
                private bool _answer;

                [HumanConfirmation]
                public async Task<bool> {|#0:AskOrDefaultYesAsync|}(string draft, CancellationToken ct)
                {
                    try { return await _tcs.Task.WaitAsync(TimeSpan.FromMinutes(10), ct); }
                    catch (TimeoutException) { return true; }
                }

                // It can say no elsewhere (it throws on a bad draft), but a cancelled wait is a yes.
                [HumanConfirmation]
                public async Task<bool> {|#1:CancelledMeansYesAsync|}(string draft, CancellationToken ct)
                {
                    if (draft.Length == 0) throw new ArgumentException("empty", nameof(draft));
                    try
                    {
                        return await _tcs.Task.WaitAsync(ct);
                    }
                    catch (OperationCanceledException)
                    {
                        Console.WriteLine("nobody answered, publishing");
                        return true;
                    }
                }

                [HumanConfirmation]
                public async Task<bool> {|#2:DelayWinsAsync|}(string draft)
                {
                    var answer = _tcs.Task;
                    var winner = await Task.WhenAny(answer, Task.Delay(TimeSpan.FromMinutes(10)));
                    if (winner != answer)
                    {
                        return true;
                    }

                    return await answer;
                }

                [HumanConfirmation]
                public async Task<bool> {|#3:AnswerOrElseYesAsync|}(string draft)
                {
                    var delay = Task.Delay(TimeSpan.FromMinutes(10));
                    if (await Task.WhenAny(_tcs.Task, delay) == _tcs.Task)
                        return await _tcs.Task;
                    Console.WriteLine("no answer in ten minutes");
                    return true;
                }

                [HumanConfirmation]
                public async Task<bool> {|#4:TernaryAsync|}(string draft)
                {
                    var timeout = Task.Delay(600_000);
                    var first = await Task.WhenAny(_tcs.Task, timeout);
                    return first == timeout ? true : await _tcs.Task;
                }

                [HumanConfirmation]
                public async Task<bool> {|#5:NullMeansYesAsync|}(string draft)
                {
                    bool? answer = await WaitForPressAsync();
                    return answer ?? true;
                }

                [HumanConfirmation]
                public async Task<bool> {|#6:SignalOrYesAsync|}(string draft)
                {
                    if (!await _pressed.WaitAsync(TimeSpan.FromMinutes(10)))
                        return true;
                    return _answer;
                }

                [HumanConfirmation]
                public async Task {|#7:EnsureApprovedAsync|}(string draft)
                {
                    try
                    {
                        if (!await _tcs.Task.WaitAsync(TimeSpan.FromMinutes(10))) throw new InvalidOperationException("declined");
                    }
                    catch (TimeoutException)
                    {
                        return;
                    }
                }

                private Task<bool?> WaitForPressAsync() => Task.FromResult<bool?>(null);
            }

            public sealed class TimedPrompt : IApprovalPrompt
            {
                private readonly TaskCompletionSource<ApprovalPromptAnswer?> _tcs = new();

                public async Task<ApprovalPromptAnswer?> {|#8:AskAsync|}(ApprovalPromptRequest request, CancellationToken cancellationToken)
                {
                    try { return await _tcs.Task.WaitAsync(TimeSpan.FromHours(1), cancellationToken); }
                    catch (TaskCanceledException) { return ApprovalPromptAnswer.Approve("timeout"); }
                }
            }
            """,
            RubberStamp.Diagnostic(PresenceDiagnostics.SilenceTakenAsApproval).WithLocation(0).WithArguments("ChatConfirm.AskOrDefaultYesAsync", "returns true in catch (TimeoutException)"),
            RubberStamp.Diagnostic(PresenceDiagnostics.SilenceTakenAsApproval).WithLocation(1).WithArguments("ChatConfirm.CancelledMeansYesAsync", "returns true in catch (OperationCanceledException)"),
            RubberStamp.Diagnostic(PresenceDiagnostics.SilenceTakenAsApproval).WithLocation(2).WithArguments("ChatConfirm.DelayWinsAsync", "returns true when the delay finishes before the answer (Task.WhenAny)"),
            RubberStamp.Diagnostic(PresenceDiagnostics.SilenceTakenAsApproval).WithLocation(3).WithArguments("ChatConfirm.AnswerOrElseYesAsync", "returns true when the delay finishes before the answer (Task.WhenAny)"),
            RubberStamp.Diagnostic(PresenceDiagnostics.SilenceTakenAsApproval).WithLocation(4).WithArguments("ChatConfirm.TernaryAsync", "returns true when the delay finishes before the answer (Task.WhenAny)"),
            RubberStamp.Diagnostic(PresenceDiagnostics.SilenceTakenAsApproval).WithLocation(5).WithArguments("ChatConfirm.NullMeansYesAsync", "returns true when the answer is null (?? true)"),
            RubberStamp.Diagnostic(PresenceDiagnostics.SilenceTakenAsApproval).WithLocation(6).WithArguments("ChatConfirm.SignalOrYesAsync", "returns true when WaitAsync times out"),
            RubberStamp.Diagnostic(PresenceDiagnostics.SilenceTakenAsApproval).WithLocation(7).WithArguments("ChatConfirm.EnsureApprovedAsync", "returns normally in catch (TimeoutException)"),
            RubberStamp.Diagnostic(PresenceDiagnostics.SilenceTakenAsApproval).WithLocation(8).WithArguments("TimedPrompt.AskAsync", "returns an approved decision in catch (TaskCanceledException)"));

    [Fact]
    public Task A_confirmation_that_says_no_or_asks_again_when_nobody_answers_is_clean()
        => RubberStamp.VerifyAsync(Usings + """
            public sealed class ChatConfirm
            {
                private readonly TaskCompletionSource<bool> _tcs = new();
                private readonly SemaphoreSlim _pressed = new(0);
                private bool _answer;

                [HumanConfirmation]
                public async Task<bool> TimeoutIsNoAsync(string draft, CancellationToken ct)
                {
                    try { return await _tcs.Task.WaitAsync(TimeSpan.FromMinutes(10), ct); }
                    catch (TimeoutException) { return false; }
                }

                [HumanConfirmation]
                public async Task<bool> TimeoutRethrowsAsync(string draft)
                {
                    try { return await _tcs.Task.WaitAsync(TimeSpan.FromMinutes(10)); }
                    catch (TimeoutException) { Console.WriteLine("nobody answered"); throw; }
                }

                // A timeout that asks again: the yes is a person's answer.
                [HumanConfirmation]
                public async Task<bool> TimeoutAsksAgainAsync(string draft)
                {
                    try { return await _tcs.Task.WaitAsync(TimeSpan.FromMinutes(10)); }
                    catch (TimeoutException)
                    {
                        Console.WriteLine("Nobody answered in the chat. Publish anyway? [y/N]");
                        if (Console.ReadLine() == "y") return true;
                        return false;
                    }
                }

                // Another failure, a person's answer read before the yes.
                [HumanConfirmation]
                public async Task<bool> ChatDownAsksHereAsync(string draft)
                {
                    try
                    {
                        var pressed = await _tcs.Task;
                        if (pressed) return true;
                        return false;
                    }
                    catch (IOException)
                    {
                        return Console.ReadLine() == "y";
                    }
                }

                [HumanConfirmation]
                public async Task<bool> AnswerWinsAsync(string draft)
                {
                    var answer = _tcs.Task;
                    var winner = await Task.WhenAny(answer, Task.Delay(TimeSpan.FromMinutes(10)));
                    if (winner == answer)
                    {
                        return await answer;
                    }

                    return false;
                }

                [HumanConfirmation]
                public async Task<bool> RaceGuardAsync(string draft)
                {
                    var first = await Task.WhenAny(_tcs.Task, Task.Delay(600_000));
                    return first == _tcs.Task && await _tcs.Task;
                }

                [HumanConfirmation]
                public async Task<bool> DelayIsNoAsync(string draft)
                {
                    var delay = Task.Delay(600_000);
                    return await Task.WhenAny(_tcs.Task, delay) == delay ? false : await _tcs.Task;
                }

                [HumanConfirmation]
                public async Task<bool> NullMeansNoAsync(string draft)
                {
                    bool? answer = await WaitForPressAsync();
                    return answer ?? false;
                }

                [HumanConfirmation]
                public async Task<bool> SignalOrNoAsync(string draft)
                {
                    if (!await _pressed.WaitAsync(TimeSpan.FromMinutes(10)))
                        return false;
                    return _answer;
                }

                [HumanConfirmation]
                public async Task<bool> SignalThenAnswerAsync(string draft)
                {
                    if (await _pressed.WaitAsync(TimeSpan.FromMinutes(10)))
                        return _answer;
                    return false;
                }

                [HumanConfirmation]
                public async Task EnsureApprovedAsync(string draft)
                {
                    try
                    {
                        if (!await _tcs.Task.WaitAsync(TimeSpan.FromMinutes(10))) throw new InvalidOperationException("declined");
                    }
                    catch (TimeoutException)
                    {
                        throw new InvalidOperationException("nobody answered");
                    }
                }

                private Task<bool?> WaitForPressAsync() => Task.FromResult<bool?>(null);
            }

            public sealed class TimedPrompt : IApprovalPrompt
            {
                private readonly TaskCompletionSource<ApprovalPromptAnswer?> _tcs = new();

                public async Task<ApprovalPromptAnswer?> AskAsync(ApprovalPromptRequest request, CancellationToken cancellationToken)
                {
                    try { return await _tcs.Task.WaitAsync(TimeSpan.FromHours(1), cancellationToken); }
                    catch (OperationCanceledException) { return null; }
                    catch (TimeoutException) { return ApprovalPromptAnswer.Reject("timeout", "nobody answered"); }
                }
            }

            // Not a confirmation: a helper may default as it likes.
            public sealed class Helpers
            {
                public async Task<bool> WaitOrYesAsync(Task<bool> answer)
                {
                    try { return await answer.WaitAsync(TimeSpan.FromMinutes(1)); }
                    catch (TimeoutException) { return true; }
                }
            }
            """);

    // The fix that wraps a publish in a confirmation passes over one that says yes when nobody answers.
    [Fact]
    public Task Ask_for_confirmation_first_is_not_offered_with_a_confirmation_that_says_yes_on_a_timeout()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Presence;

            [PublishesContent("Mastodon")]
            public interface IPublisher { Task PublishAsync(string text); }

            public class Review
            {
                private readonly TaskCompletionSource<bool> _pressed = new();

                [HumanConfirmation]
                public async Task<bool> ApproveAsync(string text)
                {
                    try { return await _pressed.Task.WaitAsync(TimeSpan.FromMinutes(10)); }
                    catch (TimeoutException) { return true; }
                }
            }

            public class Poster(IPublisher publisher, Review review)
            {
                public async Task Unconfirmed(string draft)
                {
                    await {|PRES001:publisher.PublishAsync(draft)|};
                }
            }
            """;
        return CodeFixVerifier<UnconfirmedPublishAnalyzer, AskForConfirmationCodeFix>.VerifyAsync(source, source);
    }
}
