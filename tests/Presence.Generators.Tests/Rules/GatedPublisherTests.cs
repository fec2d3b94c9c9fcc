using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = Presence.Generators.Tests.Support.GateRuleVerifier<Presence.Analyzers.Rules.UnconfirmedPublishAnalyzer>;

namespace Presence.Generators.Tests.Rules;

/// <summary>
/// A [GeneratePublisherGate] interface is a publisher by itself, without [PublishesContent]: what its
/// implementations send is what the gate lets through, and a call that goes around the gate is PRES009 (not a
/// second report here). A member the gate skips (PRES106) is an ordinary publish.
/// </summary>
public class GatedPublisherTests
{
    private const string Publisher = """
        using System.Threading;
        using System.Threading.Tasks;
        using Presence;

        public sealed class LinkedInPost : IApprovalContent
        {
            public string Text { get; set; }
            public ContentFingerprint GetApprovalFingerprint() => ContentFingerprint.Of("linkedin", Text);
        }

        [PublishesContent("LinkedIn")]
        public interface ILinkedInApi { Task<string> CreatePostAsync(string text, CancellationToken ct); }

        [GeneratePublisherGate]
        public interface ILinkedInPublisher
        {
            Task<string> PostAsync(LinkedInPost post, CancellationToken ct);
            void Rename(ref string name);
        }

        // The real sender below the gate: its own send is the gate's business.
        public sealed class LinkedInPublisher(ILinkedInApi api) : ILinkedInPublisher
        {
            public Task<string> PostAsync(LinkedInPost post, CancellationToken ct) => api.CreatePostAsync(post.Text, ct);
            public void Rename(ref string name) => api.CreatePostAsync("renamed to " + name, default);
        }

        """;

    [Fact]
    public Task The_implementation_below_the_gate_and_the_gate_itself_are_clean()
        => Verify.VerifyAsync(Publisher + """
            class ScheduledPost
            {
                [UnattendedEntryPoint]
                async Task Run(LinkedInPublisherGate gate, string requestId, LinkedInPost post, CancellationToken ct)
                {
                    var redeemed = await gate.RedeemPostAsync(requestId, post, ct);
                    if (redeemed.Approval is { } approval) await gate.PostAsync(approval, ct);
                }
            }
            """);

    [Fact]
    public Task A_call_around_the_gate_is_left_to_PRES009_even_on_an_unattended_path()
        => Verify.VerifyAsync(Publisher + """
            class DailyTip
            {
                [UnattendedEntryPoint]
                Task Run(ILinkedInPublisher linkedIn, LinkedInPost post) => linkedIn.PostAsync(post, default);

                Task Direct(LinkedInPublisher concrete, LinkedInPost post) => concrete.PostAsync(post, default);
            }
            """);

    [Fact]
    public Task A_member_the_gate_skips_publishes_like_any_other()
        => Verify.VerifyAsync(Publisher + """
            class Renamer
            {
                void Run(ILinkedInPublisher linkedIn, string name) => {|#0:linkedIn.Rename(ref name)|};
            }
            """,
            Verify.Diagnostic("PRES001").WithLocation(0)
                .WithArguments("Publishes through 'ILinkedInPublisher.Rename'", "Run"));

    [Fact]
    public Task The_same_send_outside_an_implementation_is_still_reported()
        => Verify.VerifyAsync(Publisher + """
            class Shortcut
            {
                Task Run(ILinkedInApi api) => {|#0:api.CreatePostAsync("unreviewed", default)|};
            }
            """,
            Verify.Diagnostic("PRES001").WithLocation(0)
                .WithArguments("Posts to LinkedIn through 'ILinkedInApi.CreatePostAsync'", "Run"));
}
