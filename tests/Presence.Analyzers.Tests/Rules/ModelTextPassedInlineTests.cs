using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// A model's answer passed straight as an argument to a helper that publishes it: the model call inside the argument is
/// what makes the body one to analyse, and the finding on the call around it is reported all the same.
/// </summary>
public class ModelTextPassedInlineTests
{
    private const string Code = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.AI;
        using Presence;

        [PublishesContent("Mastodon")]
        public interface IMastodonPublisher { Task PublishStatusAsync(string s, CancellationToken ct = default); }

        public sealed class Distributor(IMastodonPublisher m)
        {
            public Task DistributeAsync(string t, CancellationToken ct) => {|PRES001:m.PublishStatusAsync(t + " #dotnet", ct)|};

            public void Log(string t) => Console.WriteLine(t);
        }

        public sealed class Newsroom(IChatClient chat, Distributor d)
        {
            public async Task Inline(CancellationToken ct)
                => await {|#0:d.DistributeAsync((await chat.GetResponseAsync("news", cancellationToken: ct)).Text, ct)|};

            public async Task InlineInBlock(CancellationToken ct)
            {
                Console.WriteLine("start");
                await {|#1:d.DistributeAsync((await chat.GetResponseAsync("news", cancellationToken: ct)).Text.Trim(), ct)|};
            }

            // Handed to a method that does not publish it: nothing.
            public async Task Logged(CancellationToken ct)
                => d.Log((await chat.GetResponseAsync("news", cancellationToken: ct)).Text);
        }
        """;

    [Fact]
    public Task A_models_answer_passed_straight_to_a_publishing_helper_is_reported_at_that_call()
        => PathVerifier.VerifyAsync(Code, [.. PathVerifier.Ai], Handed(0), Handed(1));

    private static DiagnosticResult Handed(int location)
        => PathVerifier.Diagnostic(PresenceDiagnostics.MachineWrittenUnreviewed).WithLocation(location)
            .WithArguments("Machine-written content is handed to 'Distributor.DistributeAsync', which publishes it",
                "no [HumanConfirmation] that sees the generated text comes before this call; show the text to a person (a [HumanConfirmation] method, or AnsiConsole.Confirm with the text in its question) and pass it on only on yes");
}
