using System.Threading.Tasks;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;
using Verify = Presence.Analyzers.Tests.Verifiers.AnalyzerVerifier<Presence.Analyzers.Rules.UnconfirmedPublishAnalyzer>;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// PRES004 says a person's answer was ignored for this publish, and advises publishing where it said yes. A publish of
/// other content after a checked answer asked nobody: it is PRES001, not an invitation to put unreviewed text under
/// another text's approval. An answer discarded, inverted, or checked before the same content goes out again stays PRES004.
/// </summary>
public class UnrelatedPublishAfterCheckTests
{
    private const string Desk = """
        using System.Threading.Tasks;
        using Presence;

        [PublishesContent("LinkedIn")] public interface IPage { Task PostAsync(string text); }
        public interface IReview { [HumanConfirmation] Task<bool> ApproveAsync(string text); }

        """;

    [Fact]
    public Task Other_content_published_after_a_checked_answer_is_unconfirmed_not_an_ignored_answer()
        => Verify.VerifyAsync(Desk + """
            public static class Desk
            {
                public static async Task Run(IPage page, IReview review, string hiring, string statement)
                {
                    if (await review.ApproveAsync(hiring))
                        await page.PostAsync(hiring);

                    await {|#0:page.PostAsync("Unreviewed statement")|};
                    await {|#1:page.PostAsync(statement)|};
                }
            }
            """,
            Verify.Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithLocation(0).WithArguments("Posts to LinkedIn through 'IPage.PostAsync'", "Run"),
            Verify.Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithLocation(1).WithArguments("Posts to LinkedIn through 'IPage.PostAsync'", "Run"));

    [Fact]
    public Task An_answer_ignored_for_the_content_it_was_asked_about_stays_PRES004()
        => Verify.VerifyAsync(Desk + """
            public static class Desk
            {
                public static async Task Again(IPage page, IReview review, string hiring)
                {
                    if (await review.ApproveAsync(hiring))
                        await page.PostAsync(hiring);

                    await {|#0:page.PostAsync(hiring)|};
                }

                public static async Task Discarded(IPage page, IReview review, string draft, string other)
                {
                    await {|#2:review.ApproveAsync(draft)|};
                    await {|#1:page.PostAsync(other)|};
                }

                public static async Task Inverted(IPage page, IReview review, string draft)
                {
                    if (await {|#4:review.ApproveAsync(draft)|}) return;
                    await {|#3:page.PostAsync("Unreviewed statement")|};
                }
            }
            """,
            Verify.Diagnostic(PresenceDiagnostics.ConfirmationIgnored).WithLocation(0).WithArguments("Posts to LinkedIn through 'IPage.PostAsync'", "ApproveAsync", "publish only on the path where 'ApproveAsync' returned approval")
                .WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations),
            Verify.Diagnostic(PresenceDiagnostics.ConfirmationIgnored).WithLocation(1).WithLocation(2).WithArguments("Posts to LinkedIn through 'IPage.PostAsync'", "ApproveAsync", "publish only on the path where 'ApproveAsync' returned approval"),
            Verify.Diagnostic(PresenceDiagnostics.ConfirmationIgnored).WithLocation(3).WithLocation(4).WithArguments("Posts to LinkedIn through 'IPage.PostAsync'", "ApproveAsync", "publish only on the path where 'ApproveAsync' returned approval"));
}
