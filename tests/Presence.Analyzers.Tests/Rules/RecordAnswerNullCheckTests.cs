using System.Threading.Tasks;
using Verify = Presence.Analyzers.Tests.Verifiers.AnalyzerVerifier<Presence.Analyzers.Rules.UnconfirmedPublishAnalyzer>;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// A confirmation that answers with a record (a non-null answer means yes): <c>answer != null</c> and
/// <c>answer == null</c> call the record's own equality operator, which the compiler writes to compare with null as a
/// reference does, so they guard as <c>is not null</c> and <c>is null</c> do. An equality operator the code writes
/// itself may say anything, and a comparison with something other than null says nothing about the answer.
/// </summary>
public class RecordAnswerNullCheckTests
{
    private const string Api = """
        using System;
        using System.Threading.Tasks;
        using Presence;

        [PublishesContent("Mastodon")]
        public interface IClient { Task PostAsync(string text); }

        public sealed record Decision(string Reviewer, string Note);
        public sealed class Handmade
        {
            public static bool operator ==(Handmade? a, Handmade? b) => true;
            public static bool operator !=(Handmade? a, Handmade? b) => false;
            public override bool Equals(object? o) => true;
            public override int GetHashCode() => 0;
        }

        public interface IEditor
        {
            [HumanConfirmation] Task<Decision?> DecideAsync(string text);
            [HumanConfirmation] Task<Handmade?> HandmadeAsync(string text);
        }

        """;

    [Fact]
    public Task A_record_answer_compared_with_null_guards()
        => Verify.VerifyAsync(Api + """
            public sealed class Poster(IEditor editor, IClient client)
            {
                public async Task NotNull(string text)
                {
                    var decision = await editor.DecideAsync(text);
                    if (decision != null) await client.PostAsync(text);
                }

                public async Task NullReversed(string text)
                {
                    var decision = await editor.DecideAsync(text);
                    if (null == decision) return;
                    await client.PostAsync(text);
                }

                public async Task IsNotNull(string text)
                {
                    if (await editor.DecideAsync(text) is not null) await client.PostAsync(text);
                }
            }
            """);

    [Fact]
    public Task A_record_answer_tested_otherwise_does_not_guard()
        => Verify.VerifyAsync(Api + """
            public sealed class Poster(IEditor editor, IClient client)
            {
                public async Task IsNull(string text)
                {
                    var decision = await editor.DecideAsync(text);
                    if (decision == null) await {|PRES004:client.PostAsync(text)|};
                }

                public async Task ComparedWithAnother(string text, Decision other)
                {
                    var decision = await editor.DecideAsync(text);
                    if (decision != other) await {|PRES004:client.PostAsync(text)|};
                }

                public async Task HandwrittenOperator(string text)
                {
                    var answer = await editor.HandmadeAsync(text);
                    if (answer != null) await {|PRES004:client.PostAsync(text)|};
                }
            }
            """);
}
