using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// Enum answers in further shapes: a switch statement whose other cases return, an or-pattern that adds a member that
/// does not mean yes, an enum and a confirmation from a referenced assembly, a generic confirmation asked for an enum.
/// </summary>
public class OutcomeEnumAnswerShapesTests
{
    [Fact]
    public Task Enum_answers_guard_only_where_the_approving_member_was_returned()
    {
        var library = LibraryBuilder.Build("OutcomeLib", """
            using System.Threading.Tasks;
            using Presence;
            namespace Lib;
            public enum LibOutcome { Hold, Publish, Discard }
            public interface ILibEditor { [HumanConfirmation(ApprovalMember = nameof(LibOutcome.Publish))] Task<LibOutcome> JudgeAsync(string text); }
            """, withPresence: false);
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test
        {
            TestCode = """
                using System;
                using System.Threading.Tasks;
                using Presence;
                using Lib;

                [PublishesContent("Mastodon")]
                public interface IClient { Task PostAsync(string text); }
                public enum ReviewOutcome { Approved, Rejected, TimedOut }
                public enum Both { Approved, Yes, No }

                public interface IEditor
                {
                    [HumanConfirmation] Task<ReviewOutcome> AskAsync(string text);
                    [HumanConfirmation(ApprovalMember = nameof(Both.Approved))] Task<Both> AskBothAsync(string text);
                    [HumanConfirmation] Task<T> AskGenericAsync<T>(string text);
                }

                public sealed class Poster(IEditor editor, IClient client, ILibEditor libEditor)
                {
                    public async Task SwitchDefaultReturns(string text)
                    {
                        switch (await editor.AskAsync(text))
                        {
                            case ReviewOutcome.Approved: await client.PostAsync(text); break;
                            default: return;
                        }
                    }

                    public async Task SwitchOthersReturnThenPublish(string text)
                    {
                        switch (await editor.AskAsync(text))
                        {
                            case ReviewOutcome.Approved: break;
                            default: return;
                        }
                        await client.PostAsync(text);
                    }

                    public async Task SwitchReturnsOnRejectedOnly(string text)
                    {
                        switch (await editor.AskAsync(text))
                        {
                            case ReviewOutcome.Rejected: return;
                        }
                        await {|PRES004:client.PostAsync(text)|};
                    }

                    public async Task OrPatternLetsAnotherMemberThrough(string text)
                    {
                        if (await editor.AskBothAsync(text) is Both.Approved or Both.Yes) await {|PRES004:client.PostAsync(text)|};
                        if (await editor.AskBothAsync(text) is Both.Approved) await client.PostAsync(text);
                    }

                    public async Task FromAReferencedAssembly(string text)
                    {
                        if (await libEditor.JudgeAsync(text) == LibOutcome.Publish) await client.PostAsync(text);
                        if (await libEditor.JudgeAsync(text) != LibOutcome.Discard) await {|PRES004:client.PostAsync(text)|};
                    }

                    public async Task GenericAskedForAnEnum(string text)
                    {
                        if (await editor.AskGenericAsync<ReviewOutcome>(text) == ReviewOutcome.Approved) await client.PostAsync(text);
                        if (await editor.AskGenericAsync<ReviewOutcome>(text) != ReviewOutcome.Rejected) await {|PRES004:client.PostAsync(text)|};
                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.Add(library);
        return test.RunAsync();
    }
}
