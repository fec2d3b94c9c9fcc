using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Presence.Analyzers.Tests.Verifiers;
using Xunit;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// PRES008 two projects away: a library that asks a language model (Writing), a library that only calls it and passes
/// the text on (Posts, which references no model SDK and names no model call of its own), and a host that publishes
/// what Posts returns. Posts' summary must say which of its methods return machine-written text, found through the
/// names Writing's summary gives (the writer names of <c>ReferenceFacts</c>); what Posts returns that no model wrote,
/// or that a person reviewed, is not machine-written.
/// </summary>
public class MachineWrittenChainTests
{
    private static readonly MetadataReference Writing = LibraryBuilder.Build("Writing", """
        using System.Threading.Tasks;
        using Microsoft.Extensions.AI;

        namespace Writing;

        public interface IDraftWriter { Task<string> Draft(string topic); }

        internal sealed class ChatDraftWriter(IChatClient chat) : IDraftWriter
        {
            public async Task<string> Draft(string topic) => (await chat.GetResponseAsync("Write about " + topic)).Text;
        }

        public class Templates
        {
            public Task<string> Draft(string name) => Task.FromResult("Hello " + name);
        }
        """, PathVerifier.Ai);

    // No model SDK among its references, and no call of a model by the SDK's names.
    private const string Posts = """
        using System.Threading.Tasks;
        using Presence;
        using Writing;

        namespace Posts;

        public interface IReview { [HumanConfirmation] Task<bool> AskAsync(string text); }

        public class Composer(IDraftWriter writer, Templates templates, IReview review)
        {
            public async Task<string> Compose(string topic) => (await writer.Draft(topic)).Trim() + "\n#news";

            public Task<string> Greeting(string name) => templates.Draft(name);

            public async Task<string?> Reviewed(string topic)
            {
                var text = await writer.Draft(topic);
                return await review.AskAsync(text) ? text : null;
            }
        }
        """;

    [Fact]
    public void The_middle_library_records_what_it_returns_from_the_model_library()
    {
        var summary = LibraryBuilder.Summary(LibraryBuilder.Compile("Posts", Posts, withPresence: true, Writing));
        Assert.NotNull(summary);
        Assert.Contains("W\tM:Posts.Composer.Compose(System.String)", summary);
        Assert.DoesNotContain("Greeting", summary);
        Assert.DoesNotContain("Reviewed", summary);
    }

    [Fact]
    public Task A_host_publishing_what_the_middle_library_returns_is_reported()
        => PathVerifier.VerifyAsync("""
            using System.Threading.Tasks;
            using Presence;
            using Posts;

            [PublishesContent("LinkedIn")]
            public interface IPublisher { Task PublishAsync(string text); }

            public interface IGoAhead { [HumanConfirmation] Task<bool> NowAsync(); }

            // Each publish is confirmed before the text is asked for: enough for text nobody generated, no review of text that was.
            class Host(Composer composer, IPublisher publisher, IGoAhead goAhead)
            {
                async Task Generated(string topic)
                {
                    if (!await goAhead.NowAsync()) return;
                    var text = await composer.Compose(topic);
                    await {|#0:publisher.PublishAsync(text)|};
                }

                async Task NotGenerated(string name)
                {
                    if (!await goAhead.NowAsync()) return;
                    var text = await composer.Greeting(name);
                    await publisher.PublishAsync(text);
                }

                async Task ReviewedInTheLibrary(string topic)
                {
                    if (!await goAhead.NowAsync()) return;
                    if (await composer.Reviewed(topic) is { } text) await publisher.PublishAsync(text);
                }
            }
            """,
            [.. PathVerifier.Ai, Writing, LibraryBuilder.Build("Posts", Posts, Writing)],
            PathVerifier.Diagnostic(PresenceDiagnostics.MachineWrittenUnreviewed).WithLocation(0).WithArguments(
                "Posts to LinkedIn through 'IPublisher.PublishAsync' with machine-written content",
                "it was generated after the last [HumanConfirmation], which cannot have seen it; ask a person about the generated text"));
}
