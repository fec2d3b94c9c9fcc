using System.Threading.Tasks;
using RubberStamp = Presence.Analyzers.Tests.Verifiers.AnalyzerVerifier<Presence.Analyzers.Rules.RubberStampConfirmationAnalyzer>;
using Stored = Presence.Analyzers.Tests.Verifiers.AnalyzerVerifier<Presence.Analyzers.Rules.StoredApprovalAnalyzer>;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>PRES005 (confirmations that cannot say no) and PRES007 (approvals kept for later), with the real runtime types.</summary>
public class RubberStampAndStoredApprovalTests
{
    [Fact]
    public Task Confirmations_that_approve_on_every_path_are_rubber_stamps()
        => RubberStamp.VerifyAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Presence;

            public sealed class Decision { public bool IsApproved { get; init; } public static Decision Approve() => new() { IsApproved = true }; }
            public sealed class Token { }

            public class Stamps
            {
                [HumanConfirmation] public bool {|#0:Always|}(string text) => true;

                [HumanConfirmation] public Task<bool> {|#1:AlwaysAsync|}(string text) => Task.FromResult(true);

                [HumanConfirmation]
                public async Task<bool> {|#2:ReadsButIgnores|}(string text)
                {
                    var answer = Console.ReadLine();
                    Console.WriteLine($"Got {answer}, posting anyway");
                    await Task.Yield();
                    return true;
                }

                [HumanConfirmation] public Decision {|#3:AutoDecision|}(string text) => new Decision { IsApproved = true };

                [HumanConfirmation] public Decision {|#4:Factory|}(string text) => Decision.Approve();

                [HumanConfirmation] public Token {|#5:Mint|}(string text) => new Token();

                [HumanConfirmation] public void {|#6:EnsureApproved|}(string text) { }
            }

            public sealed class AutoPrompt : IApprovalPrompt
            {
                public Task<ApprovalPromptAnswer> {|#7:AskAsync|}(ApprovalPromptRequest request, CancellationToken cancellationToken)
                    => Task.FromResult(ApprovalPromptAnswer.Approve("auto"));
            }
            """,
            RubberStamp.Diagnostic(PresenceDiagnostics.RubberStampConfirmation).WithLocation(0).WithArguments("Stamps.Always", "always returns true"),
            RubberStamp.Diagnostic(PresenceDiagnostics.RubberStampConfirmation).WithLocation(1).WithArguments("Stamps.AlwaysAsync", "always returns true"),
            RubberStamp.Diagnostic(PresenceDiagnostics.RubberStampConfirmation).WithLocation(2).WithArguments("Stamps.ReadsButIgnores", "always returns true"),
            RubberStamp.Diagnostic(PresenceDiagnostics.RubberStampConfirmation).WithLocation(3).WithArguments("Stamps.AutoDecision", "always returns an approved decision"),
            RubberStamp.Diagnostic(PresenceDiagnostics.RubberStampConfirmation).WithLocation(4).WithArguments("Stamps.Factory", "always returns an approved decision"),
            RubberStamp.Diagnostic(PresenceDiagnostics.RubberStampConfirmation).WithLocation(5).WithArguments("Stamps.Mint", "always returns a token, never null"),
            RubberStamp.Diagnostic(PresenceDiagnostics.RubberStampConfirmation).WithLocation(6).WithArguments("Stamps.EnsureApproved", "returns normally on every path and never throws"),
            RubberStamp.Diagnostic(PresenceDiagnostics.RubberStampConfirmation).WithLocation(7).WithArguments("AutoPrompt.AskAsync", "always returns an approved decision"));

    // A body is dismissed by its name before its type is read: a confirmation reached by overriding, by implementing
    // implicitly (the same name) or explicitly (another name), in another file, is still read.
    [Fact]
    public Task Rubber_stamps_that_override_or_implement_a_confirmation_are_found_by_any_name()
    {
        var test = new RubberStamp.Test
        {
            TestCode = """
                public sealed class AutoReview : Review, IReview
                {
                    public override bool {|#0:Ask|}(string text) => true;

                    bool IReview.{|#1:Check|}(string text) => true;

                    // The name of a confirmation, in a type that implements nothing: not one.
                    public bool Approve(string text) => true;
                }

                public sealed class Unrelated
                {
                    public bool Ask(string text) => true;
                }
                """,
        };
        test.TestState.Sources.Add(("Review.cs", """
            using Presence;

            public abstract class Review
            {
                [HumanConfirmation] public abstract bool Ask(string text);
            }

            public interface IReview
            {
                [HumanConfirmation] bool Check(string text);
            }

            public interface IApprover
            {
                [HumanConfirmation] bool Approve(string text);
            }
            """));
        test.ExpectedDiagnostics.Add(RubberStamp.Diagnostic(PresenceDiagnostics.RubberStampConfirmation).WithLocation(0).WithArguments("AutoReview.Ask", "always returns true"));
        test.ExpectedDiagnostics.Add(RubberStamp.Diagnostic(PresenceDiagnostics.RubberStampConfirmation).WithLocation(1).WithArguments("AutoReview.IReview.Check", "always returns true"));
        return test.RunAsync();
    }

    [Fact]
    public Task Confirmations_that_ask_and_can_say_no_are_clean()
        => RubberStamp.VerifyAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Presence;

            public sealed class Decision { public bool IsApproved { get; init; } }
            public sealed class Token { }

            public class RealOnes
            {
                private readonly Func<string, bool> _ui = _ => false;
                private bool _autoApprove;

                [HumanConfirmation] public bool Console(string text) => System.Console.ReadLine() == "y";
                // Beside confirmations, but not one: its type is read, the method is not a confirmation.
                public bool IsLongEnough(string text) => true;
                [HumanConfirmation] public bool Ui(string text) => _ui(text);
                [HumanConfirmation] public bool Configured(string text) => _autoApprove;
                [HumanConfirmation] public Decision Decide(string text) => new Decision { IsApproved = System.Console.ReadLine() == "y" };
                [HumanConfirmation] public Token? Redeem(string text) => System.Console.ReadLine() == "y" ? new Token() : null;

                [HumanConfirmation]
                public bool TrueOrThrow(string text)
                {
                    if (System.Console.ReadLine() != "y") throw new OperationCanceledException("declined");
                    return true;
                }

                [HumanConfirmation]
                public void EnsureApproved(string text)
                {
                    if (System.Console.ReadLine() != "y") throw new InvalidOperationException("declined");
                }

                [HumanConfirmation] public Task EnsureApprovedAsync(string text) => Task.Run(() => EnsureApproved(text));
            }

            public sealed class ConsolePrompt : IApprovalPrompt
            {
                public Task<ApprovalPromptAnswer> AskAsync(ApprovalPromptRequest request, CancellationToken cancellationToken)
                    => Task.FromResult(System.Console.ReadLine() == "y" ? ApprovalPromptAnswer.Approve("console") : ApprovalPromptAnswer.Reject("console"));
            }

            public class NotConfirmations
            {
                public bool Always(string text) => true;
            }
            """);

    [Fact]
    public Task Approvals_kept_in_fields_collections_or_serialized_are_reported()
        => Stored.VerifyAsync("""
            using System.Collections.Generic;
            using System.Text.Json;
            using Presence;

            public sealed class Post { public string Text { get; set; } = ""; }

            public class Scheduler
            {
                private Approved<Post>? {|#0:_next|};
                private readonly List<Approved<Post>> {|#1:_queue|} = new();
                private static Approved<Post>[] {|#2:s_all|} = [];
                public Approved<Post>? {|#3:Last|} { get; set; }
                public Dictionary<string, Approved<Post>> {|#4:ByChannel|} { get; } = new();

                public string Save(Approved<Post> approval) => JsonSerializer.Serialize({|#5:approval|});

                // Computed, a parameter, a local: nothing kept.
                public Approved<Post>? First => _queue.Count > 0 ? _queue[0] : null;
                public void Use(Approved<Post> approval) { var local = approval; }
                private readonly List<string> _requestIds = new();
            }

            public record ScheduledPost(string RequestId, Approved<Post> {|#6:Approval|});
            """,
            Stored.Diagnostic(PresenceDiagnostics.ApprovalKeptForLater).WithLocation(0).WithArguments("The field '_next'", "Post"),
            Stored.Diagnostic(PresenceDiagnostics.ApprovalKeptForLater).WithLocation(1).WithArguments("The field '_queue'", "Post"),
            Stored.Diagnostic(PresenceDiagnostics.ApprovalKeptForLater).WithLocation(2).WithArguments("The field 's_all'", "Post"),
            Stored.Diagnostic(PresenceDiagnostics.ApprovalKeptForLater).WithLocation(3).WithArguments("The property 'Last'", "Post"),
            Stored.Diagnostic(PresenceDiagnostics.ApprovalKeptForLater).WithLocation(4).WithArguments("The property 'ByChannel'", "Post"),
            Stored.Diagnostic(PresenceDiagnostics.ApprovalKeptForLater).WithLocation(5).WithArguments("Serializing it", "Post"),
            Stored.Diagnostic(PresenceDiagnostics.ApprovalKeptForLater).WithLocation(6).WithArguments("The property 'Approval'", "Post"));
}
