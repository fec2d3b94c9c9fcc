using System.Threading.Tasks;
using Presence.Analyzers.CodeFixes;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.CodeFixes;

/// <summary>
/// Which confirmation the fixes write, and where they can write one: never a rubber stamp (the post would look
/// reviewed), and in functions that must return a value as well as in those that may just return.
/// </summary>
public class ConfirmationFixChoiceTests
{
    private const string Api = """
        using System;
        using System.Threading.Tasks;
        using Presence;

        [PublishesContent("Mastodon")]
        public interface IPublisher { Task PublishAsync(string text); }

        """;

    [Fact]
    public Task Ask_for_confirmation_first_passes_over_a_confirmation_that_always_says_yes()
        => CodeFixVerifier<UnconfirmedPublishAnalyzer, AskForConfirmationCodeFix>.VerifyAsync(
            Api + """
            public class Review
            {
                [HumanConfirmation] public bool AutoApprove(string text) => true;
                [HumanConfirmation] public bool Ask(string text) => Console.ReadLine() == "y";
            }

            public class Poster(IPublisher publisher, Review review)
            {
                public async Task Unconfirmed(string draft)
                {
                    await {|PRES001:publisher.PublishAsync(draft)|};
                }
            }
            """,
            Api + """
            public class Review
            {
                [HumanConfirmation] public bool AutoApprove(string text) => true;
                [HumanConfirmation] public bool Ask(string text) => Console.ReadLine() == "y";
            }

            public class Poster(IPublisher publisher, Review review)
            {
                public async Task Unconfirmed(string draft)
                {
                    if (review.Ask(draft))
                    {
                        await publisher.PublishAsync(draft);
                    }
                }
            }
            """);

    [Fact]
    public Task Ask_for_confirmation_first_is_not_offered_when_only_a_rubber_stamp_is_in_scope()
    {
        const string source = Api + """
            public class Review
            {
                [HumanConfirmation]
                public Task<bool> ApproveAsync(string text)
                {
                    return Task.FromResult(true);
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

    [Fact]
    public Task Check_the_confirmation_result_publishes_only_on_yes_where_the_function_returns_a_value()
        => CodeFixVerifier<UnconfirmedPublishAnalyzer, CheckConfirmationResultCodeFix>.VerifyAsync(
            Api + """
            public interface IReview { [HumanConfirmation] Task<bool> AskAsync(string text); [HumanConfirmation] bool Ask(string text); }

            public class PostCommand(IPublisher publisher, IReview review)
            {
                public async Task<int> Discarded(string draft)
                {
                    await review.AskAsync(draft);
                    Console.WriteLine("posting");
                    await {|PRES004:publisher.PublishAsync(draft)|};
                    return 0;
                }

                public async Task<int> Stored(string draft)
                {
                    var ok = review.Ask(draft);
                    await {|PRES004:publisher.PublishAsync(draft)|};
                    return 0;
                }
            }
            """,
            Api + """
            public interface IReview { [HumanConfirmation] Task<bool> AskAsync(string text); [HumanConfirmation] bool Ask(string text); }

            public class PostCommand(IPublisher publisher, IReview review)
            {
                public async Task<int> Discarded(string draft)
                {
                    var approved = await review.AskAsync(draft);
                    Console.WriteLine("posting");
                    if (approved)
                    {
                        await publisher.PublishAsync(draft);
                    }
                    return 0;
                }

                public async Task<int> Stored(string draft)
                {
                    var ok = review.Ask(draft);
                    if (ok)
                    {
                        await publisher.PublishAsync(draft);
                    }
                    return 0;
                }
            }
            """);

    [Fact]
    public Task Check_the_confirmation_result_picks_a_name_not_taken()
        => CodeFixVerifier<UnconfirmedPublishAnalyzer, CheckConfirmationResultCodeFix>.VerifyAsync(
            Api + """
            public interface IReview { [HumanConfirmation] bool Ask(string text); }

            public class PostCommand(IPublisher publisher, IReview review)
            {
                public async Task<int> Run(string draft, bool approved)
                {
                    review.Ask(draft);
                    await {|PRES004:publisher.PublishAsync(draft)|};
                    return approved ? 0 : 1;
                }
            }
            """,
            Api + """
            public interface IReview { [HumanConfirmation] bool Ask(string text); }

            public class PostCommand(IPublisher publisher, IReview review)
            {
                public async Task<int> Run(string draft, bool approved)
                {
                    var approved2 = review.Ask(draft);
                    if (approved2)
                    {
                        await publisher.PublishAsync(draft);
                    }
                    return approved ? 0 : 1;
                }
            }
            """);
}
