using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Presence.Abstractions.Tests.Support;

namespace Presence.Abstractions.Tests.Ledger
{
    /// <summary>The synchronous flow: ask a person now, publish only on their yes.</summary>
    public class AskNowTests
    {
        [Fact]
        public async Task A_yes_from_a_person_gives_a_token_for_exactly_this_content()
        {
            var bench = new Workbench();
            var prompt = new ScriptedPrompt(ApprovalPromptAnswer.Approve("alice"));

            var token = await bench.Ledger.AskNowAsync("Hello", Workbench.Author, prompt, channel: "x:acme");

            Assert.NotNull(token);
            Assert.Equal(new[] { "alice" }, token!.Reviewers);
            Assert.True(token.Covers("Hello"));
            var asked = Assert.Single(prompt.Requests);
            Assert.Equal(("Hello", "review", Workbench.Author, "x:acme"), (asked.Content, asked.Step.Name, asked.Record.Author, asked.Record.Channel));
            Assert.Equal(ApprovalStatus.Redeemed, await bench.StatusAsync(token.RequestId));
        }

        [Fact]
        public async Task A_no_gives_nothing()
        {
            var bench = new Workbench();

            var token = await bench.Ledger.AskNowAsync("Hello", Workbench.Author, new ScriptedPrompt(ApprovalPromptAnswer.Reject("alice", "Typo")));

            Assert.Null(token);
            var record = Assert.Single(await bench.Store.ListAsync(ApprovalStatus.Rejected, default));
            Assert.Equal("Typo", record.Decisions.Single().Reason);
        }

        [Fact]
        public async Task The_author_answering_their_own_prompt_gives_nothing_and_leaves_nothing_pending()
        {
            var bench = new Workbench();

            var token = await bench.Ledger.AskNowAsync("Hello", "bob", new ScriptedPrompt(ApprovalPromptAnswer.Approve("bob")));

            Assert.Null(token);
            Assert.Empty(await bench.Ledger.ListPendingAsync());
            Assert.Single(await bench.Store.ListAsync(ApprovalStatus.Cancelled, default));
        }

        [Fact]
        public async Task No_answer_gives_nothing()
        {
            var bench = new Workbench();

            Assert.Null(await bench.Ledger.AskNowAsync("Hello", Workbench.Author, new ScriptedPrompt((ApprovalPromptAnswer?)null)));
            Assert.Empty(await bench.Ledger.ListPendingAsync());
        }

        [Fact]
        public async Task Every_decision_the_policy_needs_is_asked_for()
        {
            var policy = ApprovalPolicy.Default.WithSteps(ApprovalStep.AnyOf("legal", "lena"), ApprovalStep.AllOf("brand", "bea", "ben"));
            var bench = new Workbench(policy);
            var prompt = new ScriptedPrompt(ApprovalPromptAnswer.Approve("lena"), ApprovalPromptAnswer.Approve("ben"), ApprovalPromptAnswer.Approve("bea"));

            var token = await bench.Ledger.AskNowAsync("Hello", Workbench.Author, prompt);

            Assert.Equal(new[] { "lena", "ben", "bea" }, token!.Reviewers);
            Assert.Equal(new[] { "legal", "brand", "brand" }, prompt.Requests.Select(r => r.Step.Name));
            Assert.Equal(new[] { "ben" }, prompt.Requests[2].ApprovedInStep);
        }

        [Fact]
        public async Task Nobody_is_asked_during_a_hold()
        {
            var bench = new Workbench();
            bench.Hold.Engage("Crisis", "maria");
            var prompt = new ScriptedPrompt(ApprovalPromptAnswer.Approve("alice"));

            Assert.Null(await bench.Ledger.AskNowAsync("Hello", Workbench.Author, prompt));
            Assert.Empty(prompt.Requests);
            Assert.Empty(await bench.Ledger.ListPendingAsync());
        }

        [Fact]
        public async Task A_failed_or_cancelled_question_withdraws_the_request()
        {
            var bench = new Workbench();
            using var cancel = new CancellationTokenSource();

            // The person walks away: the caller cancels while the question is open.
            await Assert.ThrowsAnyAsync<OperationCanceledException>(
                () => bench.Ledger.AskNowAsync("Hello", Workbench.Author, new ThrowingPrompt(cancel.Cancel), cancellationToken: cancel.Token));
            await Assert.ThrowsAsync<InvalidOperationException>(
                () => bench.Ledger.AskNowAsync("Hello", Workbench.Author, new ThrowingPrompt(() => throw new InvalidOperationException("The dialog crashed."))));

            Assert.Empty(await bench.Ledger.ListPendingAsync());
            Assert.Equal(2, (await bench.Store.ListAsync(ApprovalStatus.Cancelled, default)).Count);
        }

        private sealed class ScriptedPrompt : IApprovalPrompt
        {
            private readonly Queue<ApprovalPromptAnswer?> _answers;

            public ScriptedPrompt(params ApprovalPromptAnswer?[] answers) => _answers = new Queue<ApprovalPromptAnswer?>(answers);

            public List<ApprovalPromptRequest> Requests { get; } = new List<ApprovalPromptRequest>();

            public Task<ApprovalPromptAnswer?> AskAsync(ApprovalPromptRequest request, CancellationToken cancellationToken)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Requests.Add(request);
                return Task.FromResult(_answers.Dequeue());
            }
        }

        private sealed class ThrowingPrompt : IApprovalPrompt
        {
            private readonly Action _whileAsking;

            public ThrowingPrompt(Action whileAsking) => _whileAsking = whileAsking;

            public async Task<ApprovalPromptAnswer?> AskAsync(ApprovalPromptRequest request, CancellationToken cancellationToken)
            {
                await Task.Yield();
                _whileAsking();
                cancellationToken.ThrowIfCancellationRequested();
                throw new InvalidOperationException("The prompt returned without an answer or an exception.");
            }
        }
    }
}
