using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = Presence.Generators.Tests.Support.GateRuleVerifier<Presence.Analyzers.Rules.UnconfirmedPublishAnalyzer>;

namespace Presence.Generators.Tests.Rules;

/// <summary>A generated redeem wrapper is a confirmation to PRES001/PRES004, as the ledger's own RedeemAsync is.</summary>
public class GatedConfirmationTests
{
    private const string Code = """
        using System.Threading.Tasks;
        using Presence;

        public sealed class Post : IApprovalContent
        {
            public string Text { get; set; }
            public ContentFingerprint GetApprovalFingerprint() => ContentFingerprint.Of("post", Text);
        }

        [GeneratePublisherGate]
        public interface IBlog
        {
            Task PublishAsync(Post post);
        }

        [PublishesContent("Mastodon")]
        public interface IMastodon
        {
            Task TootAsync(string text);
        }

        class CrossPoster
        {
            async Task Run(BlogGate gate, IMastodon mastodon, string requestId, Post post)
            {
                var redeemed = await gate.RedeemPublishAsync(requestId, post);
                if (redeemed.IsRedeemed)
                {
                    await mastodon.TootAsync(post.Text);
                }

                await {|#0:mastodon.TootAsync("unreviewed")|};
            }
        }
        """;

    [Fact]
    // Other content posted after the checked redeem was never asked about: unconfirmed (PRES001), not an ignored answer.
    public Task A_publish_guarded_by_a_redeemed_approval_is_clean_and_one_it_does_not_guard_is_reported()
        => Verify.VerifyAsync(
            Code,
            Verify.Diagnostic("PRES001").WithLocation(0).WithArguments("Posts to Mastodon through 'IMastodon.TootAsync'", "Run"));
}
