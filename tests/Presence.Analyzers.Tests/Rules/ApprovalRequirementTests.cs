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
                """,
        };
        test.TestState.AdditionalReferences.AddRange(Verifiers.PathVerifier.Hosting);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(PresenceDiagnostics.ApprovalRequiredOnUnattendedEntryPoint).WithLocation(0).WithArguments("Worker.ExecuteAsync", "a hosted service"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(PresenceDiagnostics.ApprovalRequiredOnUnattendedEntryPoint).WithLocation(1).WithArguments("Jobs.Nightly", "an unattended entry point"));
        return test.RunAsync();
    }
}
