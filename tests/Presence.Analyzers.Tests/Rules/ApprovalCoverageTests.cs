using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>PRES006: the approval must cover exactly what goes out.</summary>
public class ApprovalCoverageTests
{
    private const string Api = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Presence;

        [PublishesContent("LinkedIn")]
        public interface IPublisher { Task PublishAsync(string text); Task PublishToAsync(string channel, string text); }

        public sealed class Post { public string Text { get; set; } = ""; }

        [PublishesContent("LinkedIn")]
        public interface IPostPublisher { Task PublishAsync(Post post); }

        public interface IReview
        {
            [HumanConfirmation] Task<bool> AskAsync(string text);
            [HumanConfirmation] bool Ask(string text);
            [HumanConfirmation] bool AskPost(Post post);
        }

        """;

    private static DiagnosticResult Gap(int location, string what, string gap)
        => AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Diagnostic(PresenceDiagnostics.ApprovalDoesNotCoverContent)
            .WithLocation(location).WithArguments(what, gap).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    [Fact]
    public Task A_different_variable_a_changed_one_and_a_loop_after_one_approval_are_reported()
        => AnalyzerVerifier<UnconfirmedPublishAnalyzer>.VerifyAsync(Api + """
            class Poster(IPublisher publisher, IPostPublisher posts, IReview review)
            {
                async Task DifferentVariable(string draft, string final)
                {
                    if (await review.AskAsync(draft)) await {|#0:publisher.PublishAsync(final)|};
                }

                async Task ChangedAfterApproval(string text)
                {
                    if (!review.Ask(text)) return;
                    text += " #ad";
                    await {|#1:publisher.PublishAsync(text)|};
                }

                async Task ObjectChangedAfterApproval(Post post)
                {
                    if (!review.AskPost(post)) return;
                    post.Text = post.Text.ToUpperInvariant();
                    await {|#2:posts.PublishAsync(post)|};
                }

                async Task OneApprovalForTheWholeLoop(List<string> drafts)
                {
                    if (!review.Ask("all of this week's posts")) return;
                    foreach (var draft in drafts)
                    {
                        await {|#3:publisher.PublishAsync(draft)|};
                    }
                }

                async Task IndexedLoop(string[] drafts)
                {
                    if (!await review.AskAsync("everything")) return;
                    for (var i = 0; i < drafts.Length; i++)
                    {
                        await {|#4:publisher.PublishAsync(drafts[i])|};
                    }
                }
            }
            """,
            Gap(0, "Posts to LinkedIn through 'IPublisher.PublishAsync'", "'AskAsync' approved 'draft', not 'final'"),
            Gap(1, "Posts to LinkedIn through 'IPublisher.PublishAsync'", "'text' changed after 'Ask' approved it"),
            Gap(2, "Posts to LinkedIn through 'IPostPublisher.PublishAsync'", "'post' changed after 'AskPost' approved it"),
            Gap(3, "Posts to LinkedIn through 'IPublisher.PublishAsync'", "one approval from 'Ask', asked before the loop, covers every item it publishes"),
            Gap(4, "Posts to LinkedIn through 'IPublisher.PublishAsync'", "one approval from 'AskAsync', asked before the loop, covers every item it publishes"));

    [Fact]
    public Task Exactly_the_approved_content_is_clean_and_unclear_cases_are_left_alone()
        => AnalyzerVerifier<UnconfirmedPublishAnalyzer>.VerifyAsync(Api + """
            class Poster(IPublisher publisher, IPostPublisher posts, IReview review)
            {
                async Task Same(string text, string channel)
                {
                    if (await review.AskAsync(text)) await publisher.PublishToAsync(channel, text);
                }

                async Task ChangedBeforeApproval(string text)
                {
                    text = text.Trim();
                    if (!review.Ask(text)) return;
                    await publisher.PublishAsync(text);
                }

                async Task EachItemApproved(List<string> drafts)
                {
                    foreach (var draft in drafts)
                    {
                        if (!review.Ask(draft)) continue;
                        await publisher.PublishAsync(draft);
                    }
                }

                async Task Derived(Post post)
                {
                    // The compiler cannot tell whether the title covers the post: no finding.
                    if (review.Ask(post.Text)) await posts.PublishAsync(post);
                    if (review.Ask(post.Text)) await publisher.PublishAsync(post.Text + "!");
                }

                async Task ApprovedInsideTheLoop(string[] drafts)
                {
                    for (var i = 0; i < drafts.Length; i++)
                    {
                        if (await review.AskAsync(drafts[i])) await publisher.PublishAsync(drafts[i]);
                    }
                }
            }
            """);

    private const string Http = """
        using System;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Text.Json;
        using System.Threading.Tasks;
        using Presence;

        public interface IReview { [HumanConfirmation] bool Ask(string text); }

        public sealed class SlackMessage { public string Text { get; set; } = ""; }

        """;

    [Fact]
    public Task Text_changed_after_the_approval_and_put_into_a_request_body_is_reported()
        => AnalyzerVerifier<UnconfirmedPublishAnalyzer>.VerifyAsync(Http + """
            class Poster(HttpClient http, IReview review)
            {
                const string Hook = "https://hooks.slack.com/services/T1/B1/X";

                async Task Anonymous(string text)
                {
                    if (!review.Ask(text)) return;
                    text += " #ad";
                    await {|#0:http.PostAsJsonAsync(Hook, new { text })|};
                }

                async Task Dto(string text)
                {
                    if (!review.Ask(text)) return;
                    text = text.ToUpperInvariant();
                    await {|#1:http.PostAsync(Hook, JsonContent.Create(new SlackMessage { Text = text }))|};
                }

                async Task StringContentBody(string text)
                {
                    if (!review.Ask(text)) return;
                    text += " (sponsored)";
                    await {|#2:http.PostAsync(Hook, new StringContent(JsonSerializer.Serialize(new { text = text })))|};
                }
            }
            """,
            Gap(0, "Posts to Slack through 'HttpClient.PostAsJsonAsync' (POST https://hooks.slack.com/services/…)", "'text' changed after 'Ask' approved it, and goes out in the request"),
            Gap(1, "Posts to Slack through 'HttpClient.PostAsync' (POST https://hooks.slack.com/services/…)", "'text' changed after 'Ask' approved it, and goes out in the request"),
            Gap(2, "Posts to Slack through 'HttpClient.PostAsync' (POST https://hooks.slack.com/services/…)", "'text' changed after 'Ask' approved it, and goes out in the request"));

    [Fact]
    public Task An_unchanged_approved_body_or_a_changed_name_that_is_only_a_member_is_clean()
        => AnalyzerVerifier<UnconfirmedPublishAnalyzer>.VerifyAsync(Http + """
            class Poster(HttpClient http, IReview review)
            {
                const string Hook = "https://hooks.slack.com/services/T1/B1/X";

                async Task Unchanged(string text)
                {
                    if (!review.Ask(text)) return;
                    await http.PostAsJsonAsync(Hook, new { text });
                }

                async Task ChangedBeforeAsking(string text)
                {
                    text += " #ad";
                    if (!review.Ask(text)) return;
                    await http.PostAsync(Hook, JsonContent.Create(new SlackMessage { Text = text }));
                }

                async Task OtherVariableChanged(string text, string footer)
                {
                    if (!review.Ask(text)) return;
                    footer += "!";
                    await http.PostAsJsonAsync(Hook, new { text, channel = footer.Length });
                }
            }
            """);

    [Fact]
    public Task The_gap_names_the_content_sent_not_where_it_goes()
        => AnalyzerVerifier<UnconfirmedPublishAnalyzer>.VerifyAsync(Api + """
            class Channel(IPublisher publisher, IReview review)
            {
                async Task Run(string draft, string final)
                {
                    var channel = Environment.GetEnvironmentVariable("CHANNEL")!;
                    if (!review.Ask(draft)) return;
                    await {|#0:publisher.PublishToAsync(channel, final)|};
                }
            }
            """,
            Gap(0, "Posts to LinkedIn through 'IPublisher.PublishToAsync'", "'Ask' approved 'draft', not 'final'"));

    [Fact]
    public Task A_redeemed_approval_covers_the_content_it_was_given_not_another()
        => AnalyzerVerifier<UnconfirmedPublishAnalyzer>.VerifyAsync(Api + """
            class Scheduled(ApprovalLedger ledger, IPublisher publisher)
            {
                async Task Run(string requestId, string draft, string final, System.Threading.CancellationToken ct)
                {
                    var redeemed = await ledger.RedeemAsync(requestId, draft, ct);
                    if (redeemed.Approval is null) return;
                    await {|#0:publisher.PublishAsync(final)|};
                    await publisher.PublishAsync(draft);
                }
            }
            """,
            // Nobody can be asked again after a redeem: the advice is to redeem an approval of what goes out.
            AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Diagnostic(PresenceDiagnostics.ApprovalDoesNotCoverContentUnattended)
                .WithLocation(0).WithArguments("Posts to LinkedIn through 'IPublisher.PublishAsync'", "'RedeemAsync' approved 'draft', not 'final'")
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
}
