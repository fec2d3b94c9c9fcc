using System.Threading.Tasks;
using Presence.Analyzers.CodeFixes;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.CodeFixes;

/// <summary>Each code fix, and Fix All over several findings (the testing library runs both).</summary>
public class CodeFixTests
{
    private const string Api = """
        using System.Threading;
        using System.Threading.Tasks;
        using Presence;

        [PublishesContent("Mastodon")]
        public interface IPublisher { Task PublishAsync(string text); void Publish(string text); }

        public interface IReview
        {
            [HumanConfirmation] Task<bool> AskAsync(string text);
            [HumanConfirmation] bool Ask(string text);
        }

        """;

    [Fact]
    public Task Require_approval_from_callers_declares_the_requirement()
        => CodeFixVerifier<UnconfirmedPublishAnalyzer, RequireApprovalFromCallersCodeFix>.VerifyAsync(
            """
            using System.Threading.Tasks;

            [Presence.PublishesContent]
            public interface IPublisher { Task PublishAsync(string text); }

            class Poster
            {
                public Task Post(IPublisher publisher, string text) => {|PRES001:publisher.PublishAsync(text)|};

                public async Task PostTwice(IPublisher publisher, string text)
                {
                    await {|PRES001:publisher.PublishAsync(text)|};
                    await {|PRES001:publisher.PublishAsync(text + "!")|};
                }
            }
            """,
            """
            using System.Threading.Tasks;
            using Presence;

            [Presence.PublishesContent]
            public interface IPublisher { Task PublishAsync(string text); }

            class Poster
            {
                [RequiresHumanApproval]
                public Task Post(IPublisher publisher, string text) => publisher.PublishAsync(text);

                [RequiresHumanApproval]
                public async Task PostTwice(IPublisher publisher, string text)
                {
                    await publisher.PublishAsync(text);
                    await publisher.PublishAsync(text + "!");
                }
            }
            """);

    [Fact]
    public Task Require_approval_from_callers_is_not_offered_where_no_caller_can_confirm()
    {
        // Main has no caller that could ask a person: the requirement cannot move there.
        const string source = """
            using System.Threading.Tasks;

            [Presence.PublishesContent]
            public interface IPublisher { Task PublishAsync(string text); }

            static class Program
            {
                static IPublisher Publisher = null!;

                static Task Main() => {|PRES001:Publisher.PublishAsync("hello")|};
            }
            """;
        return CodeFixVerifier<UnconfirmedPublishAnalyzer, RequireApprovalFromCallersCodeFix>.VerifyAsync(source, source);
    }

    [Fact]
    public Task Ask_for_confirmation_first_wraps_the_statement_with_a_confirmation_in_scope()
        => CodeFixVerifier<UnconfirmedPublishAnalyzer, AskForConfirmationCodeFix>.VerifyAsync(
            Api + """
            class Poster(IPublisher publisher, IReview review)
            {
                public async Task Announce(string text)
                {
                    // Goes out to every follower.
                    await {|PRES001:publisher.PublishAsync(text)|};
                }

                public void Quick(string text)
                {
                    {|PRES001:publisher.Publish(text)|};
                }
            }
            """,
            Api + """
            class Poster(IPublisher publisher, IReview review)
            {
                public async Task Announce(string text)
                {
                    // Goes out to every follower.
                    if (await review.AskAsync(text))
                    {
                        await publisher.PublishAsync(text);
                    }
                }

                public void Quick(string text)
                {
                    if (review.Ask(text))
                    {
                        publisher.Publish(text);
                    }
                }
            }
            """);

    [Fact]
    public Task Check_the_confirmation_result_stops_on_no()
        => CodeFixVerifier<UnconfirmedPublishAnalyzer, CheckConfirmationResultCodeFix>.VerifyAsync(
            Api + """
            class Poster(IPublisher publisher, IReview review)
            {
                public async Task Discarded(string draft)
                {
                    await review.AskAsync(draft);
                    await {|PRES004:publisher.PublishAsync(draft)|};
                }

                public void Stored(string draft)
                {
                    var approved = review.Ask(draft);
                    {|PRES004:publisher.Publish(draft)|};
                }
            }
            """,
            Api + """
            class Poster(IPublisher publisher, IReview review)
            {
                public async Task Discarded(string draft)
                {
                    if (!await review.AskAsync(draft))
                    {
                        return;
                    }
                    await publisher.PublishAsync(draft);
                }

                public void Stored(string draft)
                {
                    var approved = review.Ask(draft);
                    if (!approved)
                    {
                        return;
                    }

                    publisher.Publish(draft);
                }
            }
            """);

    [Fact]
    public Task Mark_as_deliberate_automation_adds_an_exception_that_PRES010_then_asks_to_justify()
        => CodeFixVerifier<UnconfirmedPublishAnalyzer, MarkAsDeliberateAutomationCodeFix>.VerifyAsync(
            Api + """
            class StatusJob(IPublisher publisher) : Quartz.IJob
            {
                public async ValueTask {|PRES002:Execute|}(Quartz.IJobExecutionContext context, CancellationToken ct) => await publisher.PublishAsync("up");
            }
            """,
            Api + """
            class StatusJob(IPublisher publisher) : Quartz.IJob
            {
                [AutomatedPresence("")]
                public async ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken ct) => await publisher.PublishAsync("up");
            }
            """,
            codeActionIndex: null,
            PathVerifier.Quartz4);
}

/// <summary>PRES009's fix, with the real generator producing the gate it routes through.</summary>
public class RouteThroughGateCodeFixTests
{
    private const string Gated = """
        using System.Threading;
        using System.Threading.Tasks;
        using Presence;

        namespace Contoso.Social
        {
            public sealed class LinkedInPost : IApprovalContent
            {
                public string Text { get; set; } = "";
                public ContentFingerprint GetApprovalFingerprint() => ContentFingerprint.Of(Text);
            }

            [GeneratePublisherGate]
            public interface ILinkedInPublisher { Task<string> PostAsync(LinkedInPost post, CancellationToken ct); }

        """;

    // What the generator writes for ILinkedInPublisher, reduced to what the fix relies on (the full output is
    // pinned by the generator's snapshot tests); generated code is not analysed, like the real gate.
    private const string GeneratedGate = """
        // <auto-generated/>
        namespace Contoso.Social
        {
            [global::System.CodeDom.Compiler.GeneratedCode("Presence.Generators", "0.1.0")]
            public sealed partial class LinkedInPublisherGate
            {
                private readonly ILinkedInPublisher _inner;
                private readonly global::Presence.ApprovalLedger _ledger;

                public LinkedInPublisherGate(ILinkedInPublisher inner, global::Presence.ApprovalLedger ledger) { _inner = inner; _ledger = ledger; }

                public global::System.Threading.Tasks.Task<string> PostAsync(global::Presence.Approved<LinkedInPost> post, global::System.Threading.CancellationToken ct)
                    => _inner.PostAsync(_ledger.ConsumeForPublish(post, "LinkedInPublisherGate.PostAsync"), ct);
            }
        }
        """;

    private static Task Verify(string source, string fixedSource)
    {
        var test = new CodeFixVerifier<Presence.Analyzers.Rules.GateBypassAnalyzer, RouteThroughGateCodeFix>.Test();
        test.TestState.Sources.Add(("/0/Test0.cs", source));
        test.TestState.Sources.Add(("/0/LinkedInPublisherGate.g.cs", GeneratedGate));
        test.FixedState.Sources.Add(("/0/Test0.cs", fixedSource));
        test.FixedState.Sources.Add(("/0/LinkedInPublisherGate.g.cs", GeneratedGate));
        return test.RunAsync();
    }

    [Fact]
    public Task A_call_with_a_gate_and_an_approval_in_scope_is_routed_through_the_gate()
        => Verify(
            Gated + """
                class Scheduler(ILinkedInPublisher linkedIn, LinkedInPublisherGate gate)
                {
                    public async Task PublishAsync(LinkedInPost post, Approved<LinkedInPost> approval, CancellationToken ct)
                        => await {|PRES009:linkedIn.PostAsync(post, ct)|};
                }
            }
            """,
            Gated + """
                class Scheduler(ILinkedInPublisher linkedIn, LinkedInPublisherGate gate)
                {
                    public async Task PublishAsync(LinkedInPost post, Approved<LinkedInPost> approval, CancellationToken ct)
                        => await gate.PostAsync(approval, ct);
                }
            }
            """);

    [Fact]
    public Task Without_an_approval_in_hand_no_fix_is_offered()
        => Verify(
            Gated + """
                class Scheduler(ILinkedInPublisher linkedIn, LinkedInPublisherGate gate)
                {
                    public async Task PublishAsync(LinkedInPost post, CancellationToken ct)
                        => await {|PRES009:linkedIn.PostAsync(post, ct)|};
                }
            }
            """,
            Gated + """
                class Scheduler(ILinkedInPublisher linkedIn, LinkedInPublisherGate gate)
                {
                    public async Task PublishAsync(LinkedInPost post, CancellationToken ct)
                        => await {|PRES009:linkedIn.PostAsync(post, ct)|};
                }
            }
            """);
}
