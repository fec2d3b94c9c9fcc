using System.Threading.Tasks;
using Presence.Analyzers.CodeFixes;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.CodeFixes;

/// <summary>
/// The fixes that write a check of a confirmation's answer, for an answer that is an enum: they compare it with the
/// member that means yes (<c>== ReviewOutcome.Approved</c>), and are not offered when no member can be said to mean yes.
/// </summary>
public class OutcomeAnswerFixTests
{
    private const string Api = """
        using System;
        using System.Threading.Tasks;
        using Presence;
        using Reviews;

        [PublishesContent("Mastodon")]
        public interface IPublisher { Task PublishAsync(string text); }

        namespace Reviews
        {
            public enum ReviewOutcome { Rejected, Approved, TimedOut }
            public enum Verdict { Hold, Publish, Discard }
            public enum Mood { Good, Bad }

            public interface IEditor
            {
                [HumanConfirmation] Task<ReviewOutcome> AskEditorAsync(string text);
                [HumanConfirmation] ReviewOutcome? MaybeAsk(string text);
                [HumanConfirmation(ApprovalMember = nameof(Verdict.Publish))] Verdict Judge(string text);
            }
        }

        """;

    [Fact]
    public Task Check_the_confirmation_result_stops_unless_the_answer_is_the_approving_member()
        => CodeFixVerifier<UnconfirmedPublishAnalyzer, CheckConfirmationResultCodeFix>.VerifyAsync(
            Api + """
            public class Poster(IPublisher publisher, IEditor editor)
            {
                public async Task Discarded(string text)
                {
                    await editor.AskEditorAsync(text);
                    await {|PRES004:publisher.PublishAsync(text)|};
                }

                public async Task Stored(string text)
                {
                    var outcome = editor.MaybeAsk(text);
                    await {|PRES004:publisher.PublishAsync(text)|};
                }

                public async Task Named(string text)
                {
                    editor.Judge(text);
                    await {|PRES004:publisher.PublishAsync(text)|};
                }
            }
            """,
            Api + """
            public class Poster(IPublisher publisher, IEditor editor)
            {
                public async Task Discarded(string text)
                {
                    if (await editor.AskEditorAsync(text) != ReviewOutcome.Approved)
                    {
                        return;
                    }
                    await publisher.PublishAsync(text);
                }

                public async Task Stored(string text)
                {
                    var outcome = editor.MaybeAsk(text);
                    if (outcome != ReviewOutcome.Approved)
                    {
                        return;
                    }

                    await publisher.PublishAsync(text);
                }

                public async Task Named(string text)
                {
                    if (editor.Judge(text) != Verdict.Publish)
                    {
                        return;
                    }
                    await publisher.PublishAsync(text);
                }
            }
            """);

    [Fact]
    public Task Check_the_confirmation_result_publishes_only_on_the_approving_member_where_the_function_returns_a_value()
        => CodeFixVerifier<UnconfirmedPublishAnalyzer, CheckConfirmationResultCodeFix>.VerifyAsync(
            Api + """
            public class PostCommand(IPublisher publisher, IEditor editor)
            {
                public async Task<int> Discarded(string text)
                {
                    await editor.AskEditorAsync(text);
                    await {|PRES004:publisher.PublishAsync(text)|};
                    return 0;
                }

                public async Task<int> Stored(string text)
                {
                    var outcome = editor.MaybeAsk(text);
                    await {|PRES004:publisher.PublishAsync(text)|};
                    return 0;
                }
            }
            """,
            Api + """
            public class PostCommand(IPublisher publisher, IEditor editor)
            {
                public async Task<int> Discarded(string text)
                {
                    var approved = await editor.AskEditorAsync(text);
                    if (approved == ReviewOutcome.Approved)
                    {
                        await publisher.PublishAsync(text);
                    }
                    return 0;
                }

                public async Task<int> Stored(string text)
                {
                    var outcome = editor.MaybeAsk(text);
                    if (outcome == ReviewOutcome.Approved)
                    {
                        await publisher.PublishAsync(text);
                    }
                    return 0;
                }
            }
            """);

    [Fact]
    public Task Check_the_confirmation_result_names_an_enum_of_another_namespace_with_an_import()
    {
        const string other = """
            using System;
            using System.Threading.Tasks;
            using Presence;

            [PublishesContent("Mastodon")]
            public interface IPublisher { Task PublishAsync(string text); }

            namespace Reviews
            {
                public enum ReviewOutcome { Rejected, Approved }
                public interface IEditor { [HumanConfirmation] Task<ReviewOutcome> AskEditorAsync(string text); }
            }

            namespace App
            {
                public class Poster(IPublisher publisher, Reviews.IEditor editor)
                {
                    public async Task Discarded(string text)
                    {
                        await editor.AskEditorAsync(text);
                        await {|PRES004:publisher.PublishAsync(text)|};
                    }

                    public async Task<int> DiscardedToo(string text)
                    {
                        await editor.AskEditorAsync(text);
                        await {|PRES004:publisher.PublishAsync(text)|};
                        return 0;
                    }
                }
            }
            """;
        return CodeFixVerifier<UnconfirmedPublishAnalyzer, CheckConfirmationResultCodeFix>.VerifyAsync(
            other,
            """
            using System;
            using System.Threading.Tasks;
            using Presence;
            using Reviews;

            [PublishesContent("Mastodon")]
            public interface IPublisher { Task PublishAsync(string text); }

            namespace Reviews
            {
                public enum ReviewOutcome { Rejected, Approved }
                public interface IEditor { [HumanConfirmation] Task<ReviewOutcome> AskEditorAsync(string text); }
            }

            namespace App
            {
                public class Poster(IPublisher publisher, Reviews.IEditor editor)
                {
                    public async Task Discarded(string text)
                    {
                        if (await editor.AskEditorAsync(text) != ReviewOutcome.Approved)
                        {
                            return;
                        }
                        await publisher.PublishAsync(text);
                    }

                    public async Task<int> DiscardedToo(string text)
                    {
                        var approved = await editor.AskEditorAsync(text);
                        if (approved == ReviewOutcome.Approved)
                        {
                            await publisher.PublishAsync(text);
                        }
                        return 0;
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Check_the_confirmation_result_is_not_offered_when_no_member_means_yes()
    {
        // PRES101 reports the confirmation itself; no check can be written for it.
        const string source = Api + """
            public enum Answer { Approved, Yes, No }

            public interface IMoodReader
            {
                [HumanConfirmation] Mood Read(string text);
                [HumanConfirmation] Answer Either(string text);
                [HumanConfirmation(ApprovalMember = "Fine")] Mood Misnamed(string text);
            }

            public class Poster(IPublisher publisher, IMoodReader reader)
            {
                public async Task NoMemberMeansYes(string text)
                {
                    reader.Read(text);
                    await {|PRES001:publisher.PublishAsync(text)|};
                }

                public async Task TwoMembersCouldMeanYes(string text)
                {
                    var answer = reader.Either(text);
                    await {|PRES001:publisher.PublishAsync(text)|};
                }

                public async Task<int> NamedMemberMissing(string text)
                {
                    reader.Misnamed(text);
                    await {|PRES001:publisher.PublishAsync(text)|};
                    return 0;
                }
            }
            """;
        return CodeFixVerifier<UnconfirmedPublishAnalyzer, CheckConfirmationResultCodeFix>.VerifyAsync(source, source);
    }

    [Fact]
    public Task Check_the_confirmation_result_adds_the_check_before_a_loose_test_of_a_stored_outcome()
        => CodeFixVerifier<UnconfirmedPublishAnalyzer, CheckConfirmationResultCodeFix>.VerifyAsync(
            Api + """
            public class Poster(IPublisher publisher, IEditor editor)
            {
                public async Task NotRejected(string text)
                {
                    var outcome = await editor.AskEditorAsync(text);
                    if (outcome != ReviewOutcome.Rejected) await {|PRES004:publisher.PublishAsync(text)|};
                }
            }
            """,
            Api + """
            public class Poster(IPublisher publisher, IEditor editor)
            {
                public async Task NotRejected(string text)
                {
                    var outcome = await editor.AskEditorAsync(text);
                    if (outcome != ReviewOutcome.Approved)
                    {
                        return;
                    }

                    if (outcome != ReviewOutcome.Rejected) await publisher.PublishAsync(text);
                }
            }
            """);

    [Fact]
    public Task Check_the_confirmation_result_leaves_a_loose_test_written_in_the_condition_as_it_does_for_a_nullable_bool()
    {
        // Neither is rewritten in place: the fix adds checks, it does not change a condition someone wrote.
        const string source = Api + """
            public interface IReview { [HumanConfirmation] Task<bool?> AskAsync(string text); }

            public class Poster(IPublisher publisher, IEditor editor, IReview review)
            {
                public async Task NotRejected(string text)
                {
                    if (await editor.AskEditorAsync(text) != ReviewOutcome.Rejected) await {|PRES004:publisher.PublishAsync(text)|};
                }

                public async Task UnansweredIsYes(string text)
                {
                    if (await review.AskAsync(text) ?? true) await {|PRES004:publisher.PublishAsync(text)|};
                }
            }
            """;
        return CodeFixVerifier<UnconfirmedPublishAnalyzer, CheckConfirmationResultCodeFix>.VerifyAsync(source, source);
    }

    [Fact]
    public Task Ask_for_confirmation_first_compares_an_enum_answer_with_the_approving_member()
        => CodeFixVerifier<UnconfirmedPublishAnalyzer, AskForConfirmationCodeFix>.VerifyAsync(
            Api + """
            public class Poster(IPublisher publisher, IEditor editor)
            {
                public async Task Unconfirmed(string draft)
                {
                    await {|PRES001:publisher.PublishAsync(draft)|};
                }
            }
            """,
            Api + """
            public class Poster(IPublisher publisher, IEditor editor)
            {
                public async Task Unconfirmed(string draft)
                {
                    if (await editor.AskEditorAsync(draft) == ReviewOutcome.Approved)
                    {
                        await publisher.PublishAsync(draft);
                    }
                }
            }
            """);

    [Fact]
    public Task Ask_for_confirmation_first_is_not_offered_for_an_enum_answer_without_an_approving_member_or_that_always_says_yes()
    {
        // Mood has no member that means yes (PRES101): nothing can be written for it; Stamp is a rubber stamp (PRES005).
        const string source = Api + """
            public interface IMoodReader { [HumanConfirmation] Mood Read(string text); }

            public class AutoEditor
            {
                [HumanConfirmation] public ReviewOutcome Stamp(string text) => ReviewOutcome.Approved;
            }

            public class Poster(IPublisher publisher, IMoodReader reader, AutoEditor auto)
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
