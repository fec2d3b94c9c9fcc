using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// A method that only passes a writer helper's text (a helper that asks a language model, directly or through further
/// helpers) to a publishing helper is PRES008 at the hand-off, as one that also publishes, asks a model or sends a request
/// of its own is: through a local, straight as an argument, across two helpers. A draft a person confirms first, a model's
/// answer that is only logged, and a helper that returns fixed text under a writer's name are not.
/// </summary>
public class WriterTextHandedOnTests
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

        public interface IReview { [HumanConfirmation] Task<bool> ApproveAsync(string draft); }

        public sealed class Writer(IChatClient chat)
        {
            public async Task<string> DraftAsync(CancellationToken ct) => (await chat.GetResponseAsync("Write today's post", cancellationToken: ct)).Text;
        }

        public sealed class Editor(Writer writer)
        {
            public async Task<string> EditAsync(CancellationToken ct) => (await writer.DraftAsync(ct)).Trim();
        }

        // The same name as the writer's, and fixed text.
        public sealed class Templates
        {
            public Task<string> DraftAsync(CancellationToken ct) => Task.FromResult("We are closed today.");
        }

        public sealed class Publisher(IMastodonPublisher m)
        {
            public Task PostAsync(string text, CancellationToken ct) => {|PRES001:m.PublishStatusAsync(text + " #dotnet", ct)|};

            public void Log(string text) => Console.WriteLine(text);
        }

        """;

    private const string Advice = "no [HumanConfirmation] that sees the generated text comes before this call; show the text to a person (a [HumanConfirmation] method, or AnsiConsole.Confirm with the text in its question) and pass it on only on yes";

    [Fact]
    public Task A_writers_text_handed_to_a_publishing_helper_by_a_method_that_does_nothing_else_is_reported()
        => PathVerifier.VerifyAsync(Code + """
            public sealed class Orchestrator(Writer writer, Editor editor, Publisher publisher)
            {
                public async Task Run(CancellationToken ct)
                {
                    var text = await writer.DraftAsync(ct);
                    await {|#0:publisher.PostAsync(text, ct)|};
                }

                public async Task Inline(CancellationToken ct) => await {|#1:publisher.PostAsync(await writer.DraftAsync(ct), ct)|};

                public async Task TwoHops(CancellationToken ct)
                {
                    var text = await editor.EditAsync(ct);
                    await {|#2:publisher.PostAsync(text, ct)|};
                }
            }
            """,
            [.. PathVerifier.Ai],
            Handed(0), Handed(1), Handed(2));

    [Fact]
    public Task Fields_holding_the_writer_and_the_publisher_change_nothing()
        => PathVerifier.VerifyAsync(Code + """
            public sealed class Orchestrator
            {
                private readonly Writer _writer;
                private readonly Publisher _publisher;

                public Orchestrator(Writer writer, Publisher publisher)
                {
                    _writer = writer;
                    _publisher = publisher;
                }

                public async Task Run()
                {
                    var text = await _writer.DraftAsync(default);
                    await {|#0:_publisher.PostAsync(text, default)|};
                }
            }
            """,
            [.. PathVerifier.Ai],
            Handed(0));

    [Fact]
    public Task A_method_that_also_sends_a_request_of_its_own_is_reported_as_before()
        => PathVerifier.VerifyAsync(Code + """
            public sealed class Orchestrator(Writer writer, Publisher publisher, HttpClient http)
            {
                public async Task Run(CancellationToken ct)
                {
                    _ = await http.GetStringAsync("https://example.com/", ct);
                    var text = await writer.DraftAsync(ct);
                    await {|#0:publisher.PostAsync(text, ct)|};
                }
            }
            """,
            [.. PathVerifier.Ai],
            PathVerifier.Diagnostic(PresenceDiagnostics.MachineWrittenUnreviewed).WithLocation(0)
                .WithArguments("Machine-written content is handed to 'Publisher.PostAsync', which publishes it", Advice));

    [Fact]
    public Task A_draft_a_person_confirms_a_logged_answer_and_fixed_text_under_a_writers_name_are_not_reported()
        => PathVerifier.VerifyAsync(Code + """
            public sealed class Orchestrator(Writer writer, Templates templates, Publisher publisher, IReview review)
            {
                public async Task Reviewed(CancellationToken ct)
                {
                    var text = await writer.DraftAsync(ct);
                    if (await review.ApproveAsync(text))
                    {
                        await publisher.PostAsync(text, ct);
                    }
                }

                public async Task Logged(CancellationToken ct)
                {
                    var text = await writer.DraftAsync(ct);
                    publisher.Log(text);
                    await publisher.PostAsync("Our daily update is out.", ct);
                }

                public async Task Fixed(CancellationToken ct)
                {
                    var text = await templates.DraftAsync(ct);
                    await publisher.PostAsync(text, ct);
                }
            }
            """,
            [.. PathVerifier.Ai]);

    private static DiagnosticResult Handed(int location)
        => PathVerifier.Diagnostic(PresenceDiagnostics.MachineWrittenUnreviewedAtEnd).WithLocation(location)
            .WithArguments("Machine-written content is handed to 'Publisher.PostAsync', which publishes it", Advice);
}
