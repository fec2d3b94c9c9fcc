using System.Threading.Tasks;
using Verify = Presence.Analyzers.Tests.Verifiers.AnalyzerVerifier<Presence.Analyzers.Rules.UnconfirmedPublishAnalyzer>;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// An enum answer tested the ways code really tests it: <c>Equals</c> in its three spellings, <c>HasFlag</c>, a switch
/// expression kept in a bool, a local. Each guards when it tests the member that means yes, and the look-alikes (another
/// member, another variable, a flag that every value has, a range, a number) stay reported.
/// </summary>
public class EnumAnswerTestedAsWrittenTests
{
    private const string Api = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Presence;

        [PublishesContent("Mastodon")]
        public interface IClient { Task PostAsync(string text); }

        public enum ReviewOutcome { Rejected, Approved, AutoApproved, TimedOut }
        [Flags] public enum ReviewFlags { None = 0, Approved = 1, Escalated = 2 }
        [Flags] public enum Combined { None = 0, Approved = 1, Escalated = 2, ApprovedAndEscalated = 3 }
        public enum Overlapping { Pending, Approved, Rejected, TimedOut }
        public enum ZeroYes { Approved, Rejected }
        public enum Distinct { Rejected = 1, Approved = 2, TimedOut = 4 }

        public interface IEditor
        {
            [HumanConfirmation] Task<ReviewOutcome> AskAsync(string text);
            [HumanConfirmation] Task<ReviewFlags> FlagsAsync(string text);
            [HumanConfirmation] Task<Overlapping> OverlappingAsync(string text);
            [HumanConfirmation] Task<ZeroYes> ZeroAsync(string text);
            [HumanConfirmation] Task<Distinct> DistinctAsync(string text);
            [HumanConfirmation] Task<Combined> CombinedAsync(string text);
            [HumanConfirmation] Task<ReviewOutcome?> MaybeAsync(string text);
        }

        """;

    [Fact]
    public Task Equals_in_its_usual_spellings_guards_with_the_yes_member()
        => Verify.VerifyAsync(Api + """
            public sealed class Poster(IEditor editor, IClient client)
            {
                public async Task Instance(string text)
                {
                    var outcome = await editor.AskAsync(text);
                    if (outcome.Equals(ReviewOutcome.Approved)) await client.PostAsync(text);
                }

                public async Task InstanceStopsOnNo(string text)
                {
                    if (!(await editor.AskAsync(text)).Equals(ReviewOutcome.Approved)) return;
                    await client.PostAsync(text);
                }

                public async Task StaticObjectEquals(string text)
                {
                    var outcome = await editor.AskAsync(text);
                    if (Equals(outcome, ReviewOutcome.Approved)) await client.PostAsync(text);
                    if (object.Equals(ReviewOutcome.Approved, outcome)) await client.PostAsync(text);
                }

                public async Task Comparer(string text)
                {
                    var outcome = await editor.AskAsync(text);
                    if (EqualityComparer<ReviewOutcome>.Default.Equals(outcome, ReviewOutcome.Approved)) await client.PostAsync(text);
                }

                public async Task Nullable(string text)
                {
                    var outcome = await editor.MaybeAsync(text);
                    if (outcome.Equals(ReviewOutcome.Approved)) await client.PostAsync(text);
                }
            }
            """);

    [Fact]
    public Task Equals_with_another_member_or_another_value_stays_reported()
        => Verify.VerifyAsync(Api + """
            public sealed class Poster(IEditor editor, IClient client)
            {
                public async Task WrongMember(string text)
                {
                    var outcome = await editor.AskAsync(text);
                    if (outcome.Equals(ReviewOutcome.AutoApproved)) await {|PRES004:client.PostAsync(text)|};
                }

                public async Task NotRejected(string text)
                {
                    var outcome = await editor.AskAsync(text);
                    if (!outcome.Equals(ReviewOutcome.Rejected)) await {|PRES004:client.PostAsync(text)|};
                    if (!Equals(outcome, ReviewOutcome.Rejected)) await {|PRES004:client.PostAsync(text)|};
                    if (!EqualityComparer<ReviewOutcome>.Default.Equals(outcome, ReviewOutcome.Rejected)) await {|PRES004:client.PostAsync(text)|};
                }

                public async Task AnotherVariable(string text, ReviewOutcome previous)
                {
                    var outcome = await editor.AskAsync(text);
                    if (previous.Equals(ReviewOutcome.Approved)) await {|PRES004:client.PostAsync(text)|};
                    if (Equals(previous, ReviewOutcome.Approved)) await {|PRES004:client.PostAsync(text)|};
                    if (EqualityComparer<ReviewOutcome>.Default.Equals(previous, ReviewOutcome.Approved)) await {|PRES004:client.PostAsync(text)|};
                }

                public async Task TwoAnswersComparedWithEachOther(string text)
                {
                    var outcome = await editor.AskAsync(text);
                    var other = await editor.AskAsync(text);
                    if (outcome.Equals(other)) await {|PRES004:client.PostAsync(text)|};
                }
            }
            """);

    [Fact]
    public Task HasFlag_guards_only_where_the_flag_singles_out_a_yes()
        => Verify.VerifyAsync(Api + """
            public sealed class Poster(IEditor editor, IClient client)
            {
                public async Task SingleFlag(string text)
                {
                    var flags = await editor.FlagsAsync(text);
                    if (flags.HasFlag(ReviewFlags.Approved)) await client.PostAsync(text);
                    if (!flags.HasFlag(ReviewFlags.Approved)) return;
                    await client.PostAsync(text);
                }

                public async Task CombinedFlagsStillApprove(string text)
                {
                    var flags = await editor.CombinedAsync(text);
                    if (flags.HasFlag(Combined.Approved)) await client.PostAsync(text);
                    if (flags.HasFlag(Combined.ApprovedAndEscalated)) await client.PostAsync(text);
                    if (flags.HasFlag(Combined.Escalated)) await {|PRES004:client.PostAsync(text)|};
                }

                public async Task NoneIsAlwaysThere(string text)
                {
                    var flags = await editor.FlagsAsync(text);
                    if (flags.HasFlag(ReviewFlags.None)) await {|PRES004:client.PostAsync(text)|};
                }

                public async Task AnotherFlag(string text)
                {
                    var flags = await editor.FlagsAsync(text);
                    if (flags.HasFlag(ReviewFlags.Escalated)) await {|PRES004:client.PostAsync(text)|};
                    if (!flags.HasFlag(ReviewFlags.Escalated)) await {|PRES004:client.PostAsync(text)|};
                }

                public async Task NotAFlagsEnum(string text)
                {
                    // Approved = 2 is a bit of no other member: only Approved has it.
                    var outcome = await editor.DistinctAsync(text);
                    if (outcome.HasFlag(Distinct.Approved)) await client.PostAsync(text);
                    if (outcome.HasFlag(Distinct.Rejected)) await {|PRES004:client.PostAsync(text)|};
                }

                public async Task BitsSharedWithAnotherMember(string text)
                {
                    // TimedOut = 3 has the bit of Approved = 1.
                    var outcome = await editor.OverlappingAsync(text);
                    if (outcome.HasFlag(Overlapping.Approved)) await {|PRES004:client.PostAsync(text)|};
                    var answer = await editor.AskAsync(text);
                    if (answer.HasFlag(ReviewOutcome.Approved)) await {|PRES004:client.PostAsync(text)|};
                }

                public async Task YesIsZero(string text)
                {
                    var outcome = await editor.ZeroAsync(text);
                    if (outcome.HasFlag(ZeroYes.Approved)) await {|PRES004:client.PostAsync(text)|};
                }
            }
            """);

    [Fact]
    public Task A_switch_expression_kept_in_a_bool_guards_when_only_yes_maps_to_true()
        => Verify.VerifyAsync(Api + """
            public sealed class Poster(IEditor editor, IClient client)
            {
                public async Task OnlyApproved(string text)
                {
                    var outcome = await editor.AskAsync(text);
                    var publish = outcome switch { ReviewOutcome.Approved => true, _ => false };
                    if (publish) await client.PostAsync(text);
                }

                public async Task DirectlyOnTheAnswer(string text)
                {
                    bool publish = await editor.AskAsync(text) switch { ReviewOutcome.Approved => true, _ => false };
                    if (!publish) return;
                    await client.PostAsync(text);
                }

                public async Task AlsoAutoApproved(string text)
                {
                    var outcome = await editor.AskAsync(text);
                    var publish = outcome switch { ReviewOutcome.Approved => true, ReviewOutcome.AutoApproved => true, _ => false };
                    if (publish) await {|PRES004:client.PostAsync(text)|};
                }

                public async Task RejectedOnly(string text)
                {
                    var outcome = await editor.AskAsync(text);
                    var publish = outcome switch { ReviewOutcome.Rejected => false, _ => true };
                    if (publish) await {|PRES004:client.PostAsync(text)|};
                }
            }
            """);

    [Fact]
    public Task An_is_pattern_and_a_local_guard_with_the_yes_member_only()
        => Verify.VerifyAsync(Api + """
            public sealed class Poster(IEditor editor, IClient client)
            {
                public async Task Local(string text)
                {
                    var outcome = await editor.AskAsync(text);
                    var approved = outcome == ReviewOutcome.Approved;
                    if (approved) await client.PostAsync(text);
                }

                public async Task Pattern(string text)
                {
                    var outcome = await editor.AskAsync(text);
                    if (outcome is ReviewOutcome.Approved) await client.PostAsync(text);
                    if (outcome is ReviewOutcome.Approved or ReviewOutcome.AutoApproved) await {|PRES004:client.PostAsync(text)|};
                }
            }
            """);
}
