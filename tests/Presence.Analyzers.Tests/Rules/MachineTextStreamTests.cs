using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// PRES008 through a streaming helper: an iterator (<c>async IAsyncEnumerable&lt;string&gt;</c>) that yields the
/// pieces of a streaming response is a source as a helper returning the whole answer is, in the project and, through
/// the summary, across projects; one that yields only constants, or only after a person saw the text, is not.
/// </summary>
public class MachineTextStreamTests
{
    private const string Writers = """
        using System.Collections.Generic;
        using System.Runtime.CompilerServices;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.AI;
        using Presence;

        namespace Writing
        {
        public interface IReviewer { [HumanConfirmation] Task<bool> ApproveAsync(string text); }

        public sealed class Writer(IChatClient chat, IReviewer reviewer)
        {
            public async IAsyncEnumerable<string> StreamAsync(string topic)
            {
                await foreach (var update in chat.GetStreamingResponseAsync(topic)) yield return update.Text;
            }

            public IEnumerable<string> Lines(ChatResponse response)
            {
                foreach (var line in response.Text.Split('\n')) yield return line;
            }

            public async IAsyncEnumerable<string> CannedAsync(string topic)
            {
                await Task.Yield();
                yield return "Spring is here.";
                yield return "See you at the fair.";
            }

            public async IAsyncEnumerable<string> ReviewedAsync(string topic)
            {
                var text = (await chat.GetResponseAsync(topic)).Text;
                if (await reviewer.ApproveAsync(text)) yield return text;
            }
        }
        }
        """;

    private const string EditorUsings = """
        using System.Linq;
        using System.Text;
        using Writing;

        """;

    private const string Editor = """
        [PublishesContent("LinkedIn")]
        public interface IPublisher { Task PublishAsync(string text); }

        public interface IGoAhead { [HumanConfirmation] Task<bool> NowAsync(); }

        // Each publish is confirmed before the text is asked for: no review of text generated after it.
        public sealed class Editor(Writer writer, IPublisher publisher, IGoAhead goAhead, IChatClient chat)
        {
            public async Task Streamed()
            {
                if (!await goAhead.NowAsync()) return;
                var sb = new StringBuilder();
                await foreach (var part in writer.StreamAsync("spring")) sb.Append(part);
                await {|#0:publisher.PublishAsync(sb.ToString())|};
            }

            public async Task Concatenated()
            {
                if (!await goAhead.NowAsync()) return;
                var text = "";
                await foreach (var part in writer.StreamAsync("spring")) text += part;
                await {|#1:publisher.PublishAsync(text)|};
            }

            public async Task Joined()
            {
                if (!await goAhead.NowAsync()) return;
                var response = await chat.GetResponseAsync("spring");
                await {|#2:publisher.PublishAsync(string.Concat(writer.Lines(response).Take(3)))|};
            }

            public async Task Canned()
            {
                if (!await goAhead.NowAsync()) return;
                var sb = new StringBuilder();
                await foreach (var part in writer.CannedAsync("spring")) sb.Append(part);
                await publisher.PublishAsync(sb.ToString());
            }

            public async Task Reviewed()
            {
                if (!await goAhead.NowAsync()) return;
                var sb = new StringBuilder();
                await foreach (var text in writer.ReviewedAsync("spring")) sb.Append(text);
                await publisher.PublishAsync(sb.ToString());
            }
        }
        """;

    private const string Later = "it was generated after the last [HumanConfirmation], which cannot have seen it; ask a person about the generated text";

    private static DiagnosticResult Generated(int location)
        => PathVerifier.Diagnostic(PresenceDiagnostics.MachineWrittenUnreviewed).WithLocation(location)
            .WithArguments("Posts to LinkedIn through 'IPublisher.PublishAsync' with machine-written content", Later);

    [Fact]
    public Task A_streaming_helper_of_the_project_is_a_source_and_a_canned_or_reviewed_one_is_not()
        => PathVerifier.VerifyAsync(EditorUsings + Writers + "\n" + Editor, PathVerifier.Ai, Generated(0), Generated(1), Generated(2));

    [Fact]
    public void The_summary_says_a_streaming_helper_returns_machine_written_text()
    {
        var summary = LibraryBuilder.Summary(LibraryBuilder.Compile("Writing", Writers, withPresence: true, PathVerifier.Ai));
        Assert.NotNull(summary);
        Assert.Contains("W\tM:Writing.Writer.StreamAsync(System.String)", summary);
        Assert.DoesNotContain("CannedAsync", summary);
        Assert.DoesNotContain("ReviewedAsync", summary);
    }

    [Fact]
    public Task A_streaming_helper_of_a_library_is_a_source_at_the_host()
        => PathVerifier.VerifyAsync(EditorUsings + Writers.Substring(0, Writers.IndexOf("namespace", System.StringComparison.Ordinal)) + Editor, [.. PathVerifier.Ai, LibraryBuilder.Build("Writing", Writers, PathVerifier.Ai)], Generated(0), Generated(1), Generated(2));
}
