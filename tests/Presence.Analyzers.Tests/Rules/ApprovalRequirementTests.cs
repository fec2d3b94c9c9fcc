using System.Threading.Tasks;
using Verify = Presence.Analyzers.Tests.Verifiers.AnalyzerVerifier<Presence.Analyzers.Rules.ApprovalRequirementAnalyzer>;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>PRES104 and PRES105: [RequiresHumanApproval] must hold however a method is reached.</summary>
public class ApprovalRequirementTests
{
    [Fact]
    public Task Overrides_and_implementations_must_agree()
        => Verify.VerifyAsync("""
            using System.Threading.Tasks;
            using Presence;

            public interface IPoster
            {
                [RequiresHumanApproval] Task Post(string text);
                Task Preview(string text);
            }

            public class Poster : IPoster
            {
                public Task {|#0:Post|}(string text) => Task.CompletedTask;
                [RequiresHumanApproval] public Task {|#1:Preview|}(string text) => Task.CompletedTask;
            }

            public class Agreeing : IPoster
            {
                [RequiresHumanApproval] public Task Post(string text) => Task.CompletedTask;
                public Task Preview(string text) => Task.CompletedTask;
            }

            public abstract class Channel
            {
                [RequiresHumanApproval] public abstract Task Send(string text);
            }

            public class News : Channel
            {
                public override Task {|#2:Send|}(string text) => Task.CompletedTask;
            }
            """,
            Verify.Diagnostic(PresenceDiagnostics.ApprovalRequirementMismatch).WithLocation(0).WithArguments("Poster.Post", "does not declare", "IPoster.Post", "implements", "does"),
            Verify.Diagnostic(PresenceDiagnostics.ApprovalRequirementMismatch).WithLocation(1).WithArguments("Poster.Preview", "declares", "IPoster.Preview", "implements", "does not"),
            Verify.Diagnostic(PresenceDiagnostics.ApprovalRequirementMismatch).WithLocation(2).WithArguments("News.Send", "does not declare", "Channel.Send", "overrides", "does"));

    [Fact]
    public Task An_unattended_entry_point_cannot_require_approval()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Threading;
                using System.Threading.Tasks;
                using Presence;

                class Worker : Microsoft.Extensions.Hosting.BackgroundService
                {
                    [RequiresHumanApproval]
                    protected override Task {|#0:ExecuteAsync|}(CancellationToken ct) => Task.CompletedTask;
                }

                class Jobs
                {
                    [UnattendedEntryPoint, RequiresHumanApproval]
                    public void {|#1:Nightly|}() { }

                    [RequiresHumanApproval]
                    public void ByAPerson() { }
                }

                // Entry points by what their bodies do: each tick or round runs with nobody present, whoever started it.
                class NewsPump
                {
                    [RequiresHumanApproval]
                    public async Task {|#2:RunAsync|}(CancellationToken ct)
                    {
                        using var timer = new PeriodicTimer(System.TimeSpan.FromMinutes(5));
                        while (await timer.WaitForNextTickAsync(ct)) { System.Console.WriteLine("tick"); }
                    }

                    // A retry's back-off and a timer in a lambda make no loop of this method's own.
                    [RequiresHumanApproval]
                    public async Task Retry()
                    {
                        for (var i = 0; i < 3; i++) { await Task.Delay(100); }
                        System.Func<Task> later = async () => { using var t = new PeriodicTimer(System.TimeSpan.FromSeconds(1)); await t.WaitForNextTickAsync(); };
                        await later();
                    }
                }

                static class Program
                {
                    [RequiresHumanApproval]
                    static async Task {|#3:Main|}()
                    {
                        while (true) { System.Console.WriteLine("round"); await Task.Delay(1000); }
                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.AddRange(Verifiers.PathVerifier.Hosting);
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(PresenceDiagnostics.ApprovalRequiredOnUnattendedEntryPoint).WithLocation(2).WithArguments("NewsPump.RunAsync", "a periodic timer loop"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(PresenceDiagnostics.ApprovalRequiredOnUnattendedEntryPoint).WithLocation(3).WithArguments("Program.Main", "a daemon loop"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(PresenceDiagnostics.ApprovalRequiredOnUnattendedEntryPoint).WithLocation(0).WithArguments("Worker.ExecuteAsync", "a hosted service"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(PresenceDiagnostics.ApprovalRequiredOnUnattendedEntryPoint).WithLocation(1).WithArguments("Jobs.Nightly", "an unattended entry point"));
        return test.RunAsync();
    }
}
