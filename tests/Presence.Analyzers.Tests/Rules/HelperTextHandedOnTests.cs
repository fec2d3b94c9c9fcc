using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// An orchestrator that takes a writer helper's text (a helper that asks a language model, directly or through further
/// helpers) and hands it to a publishing helper is PRES008 at the hand-off, whatever else the orchestrator does: an
/// unrelated request beside it changes nothing. Text from a helper that asks no model is not machine-written.
/// </summary>
public class HelperTextHandedOnTests
{
    private const string Code = """
        using System;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.AI;
        using Presence;

        [PublishesContent("Mastodon")]
        public interface IMastodonPublisher { Task PublishStatusAsync(string s, CancellationToken ct = default); }

        public sealed class Summarizer(IChatClient chat)
        {
            public async Task<string> SummarizeAsync(string a, CancellationToken ct) => (await chat.GetResponseAsync(a, cancellationToken: ct)).Text;
        }

        public sealed class Editor(Summarizer summarizer)
        {
            public async Task<string> EditAsync(string a, CancellationToken ct) => (await summarizer.SummarizeAsync(a, ct)).Trim();

            public Task<string> HeadlineAsync(string a) => Task.FromResult(a.ToUpperInvariant());
        }

        public sealed class Distributor(IMastodonPublisher m)
        {
            public Task DistributeAsync(string t, CancellationToken ct) => {|PRES001:m.PublishStatusAsync(t + " #dotnet", ct)|};
        }

        public sealed class WithRequest(Summarizer s, Distributor d, HttpClient http)
        {
            public async Task Run(CancellationToken ct)
            {
                _ = await http.GetStringAsync("https://example.com/", ct);
                var summary = await s.SummarizeAsync("feed", ct);
                await {|#0:d.DistributeAsync(summary, ct)|};
            }
        }

        public sealed class WithoutRequest(Summarizer s, Distributor d)
        {
            public async Task Run(CancellationToken ct)
            {
                Console.WriteLine("start");
                var summary = await s.SummarizeAsync("feed", ct);
                await {|#1:d.DistributeAsync(summary, ct)|};
            }
        }

        public sealed class ThroughTwoHelpers(Editor e, Distributor d)
        {
            public async Task Run(CancellationToken ct)
            {
                var text = await e.EditAsync("feed", ct);
                await {|#2:d.DistributeAsync(text, ct)|};
            }

            public async Task Inline(CancellationToken ct) => await {|#3:d.DistributeAsync(await e.EditAsync("feed", ct), ct)|};

            public async Task InlineBlock(CancellationToken ct)
            {
                Console.WriteLine("start");
                await {|#4:d.DistributeAsync(await e.EditAsync("feed", ct), ct)|};
            }

            public async Task ThroughTask(CancellationToken ct)
            {
                var t = e.EditAsync("feed", ct);
                await {|#5:d.DistributeAsync(await t, ct)|};
            }

            // A helper that asks no model: its text is the caller's own.
            public async Task Headline(CancellationToken ct) => await d.DistributeAsync(await e.HeadlineAsync("feed"), ct);
        }
        """;

    [Fact]
    public Task A_writer_helpers_text_handed_to_a_publishing_helper_is_reported_with_or_without_other_calls()
        => PathVerifier.VerifyAsync(Code, [.. PathVerifier.Ai], Handed(0), Handed(1), Handed(2), Handed(3), Handed(4), Handed(5));

    private static DiagnosticResult Handed(int location)
        => PathVerifier.Diagnostic(PresenceDiagnostics.MachineWrittenUnreviewed).WithLocation(location)
            .WithArguments("Machine-written content is handed to 'Distributor.DistributeAsync', which publishes it",
                "no [HumanConfirmation] that sees the generated text comes before this call; show the text to a person (a [HumanConfirmation] method, or AnsiConsole.Confirm with the text in its question) and pass it on only on yes");
}
