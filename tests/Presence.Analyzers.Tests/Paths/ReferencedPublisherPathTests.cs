using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Presence.Analyzers.Tests.Verifiers;
using static Presence.Analyzers.Tests.Verifiers.PathVerifier;
using Xunit;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A library that calls a publisher another referenced assembly declares by attribute ([PublishesContent] on an
/// interface or a method, an interface inheriting one) is summarised like one that calls a catalogued SDK, so a host
/// two projects away fails on it; what is not a publisher there (a method of the same name on another type, a method
/// of the attributed assembly without the attribute, a call behind a confirmation) is not.
/// </summary>
public class ReferencedPublisherPathTests
{
    private static readonly MetadataReference Outlets = LibraryBuilder.Build("Outlets", """
        using System.Threading.Tasks;
        using Presence;

        namespace Outlets;

        [PublishesContent("LinkedIn")]
        public interface IPublisher { Task PublishAsync(string text); }

        public interface IChannel : IPublisher { Task PingAsync(); }

        public class Notes
        {
            [PublishesContent("Mastodon")]
            public Task Announce(string text) => Task.CompletedTask;

            public Task Draft(string text) => Task.CompletedTask;
        }
        """);

    // No file of the middle library names a send word or a publisher attribute of its own.
    private const string Middle = """
        using System.Threading.Tasks;
        using Outlets;

        namespace Middle;

        public class Relay(IPublisher publisher)
        {
            public Task Forward(string text) => publisher.PublishAsync(text);
        }

        public class NoteRelay(Notes notes)
        {
            public Task Forward(string text) => notes.Announce(text);
        }

        public class ChannelRelay(IChannel channel)
        {
            public Task Forward(string text) => channel.PublishAsync(text);
        }

        public class Archive
        {
            public Task PublishAsync(string text) => Task.CompletedTask;
            public Task Announce(string text) => Task.CompletedTask;
        }

        public class ArchiveRelay(Archive archive)
        {
            public async Task Forward(string text)
            {
                await archive.PublishAsync(text);
                await archive.Announce(text);
            }
        }

        public class DraftRelay(Notes notes, IChannel channel)
        {
            public async Task Forward(string text)
            {
                await notes.Draft(text);
                await channel.PingAsync();
            }
        }
        """;

    private static readonly MetadataReference MiddleLibrary = LibraryBuilder.Build("Middle", Middle, Outlets);

    // Its files name no send and no publisher attribute: only the referenced publishers make its trees worth indexing.
    [Fact]
    public void The_middle_library_summarises_calls_of_the_referenced_publishers_only()
    {
        Assert.Contains("PresenceSummary.g.cs", LibraryBuilder.GeneratedFiles(Middle, Outlets));
        var summary = LibraryBuilder.Summary(LibraryBuilder.Compile("Middle", Middle, withPresence: true, Outlets));
        Assert.Equal(
            string.Join("\n",
                "1",
                "P\tM:Middle.ChannelRelay.Forward(System.String)\tLinkedIn\t\tChannelRelay.Forward → IPublisher.PublishAsync",
                "P\tM:Middle.NoteRelay.Forward(System.String)\tMastodon\t\tNoteRelay.Forward → Notes.Announce",
                "P\tM:Middle.Relay.Forward(System.String)\tLinkedIn\t\tRelay.Forward → IPublisher.PublishAsync"),
            summary);
    }

    [Fact]
    public Task A_job_two_projects_away_from_an_attributed_interface_fails()
        => PathVerifier.VerifyAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            using Middle;
            using Outlets;

            class NightlyJob(Relay relay) : Quartz.IJob
            {
                public ValueTask {|#0:Execute|}(Quartz.IJobExecutionContext context, CancellationToken cancellationToken) => new(relay.Forward("hi"));
            }

            class DirectJob(IPublisher publisher) : Quartz.IJob
            {
                public ValueTask {|#1:Execute|}(Quartz.IJobExecutionContext context, CancellationToken cancellationToken) => new(publisher.PublishAsync("hi"));
            }
            """,
            [PathVerifier.Quartz4, Outlets, MiddleLibrary],
            Unattended(0, "NightlyJob.Execute (a Quartz job)", "NightlyJob.Execute → Relay.Forward → IPublisher.PublishAsync"),
            Unattended(1, "DirectJob.Execute (a Quartz job)", "DirectJob.Execute → IPublisher.PublishAsync"));

    [Fact]
    public Task A_job_two_projects_away_from_an_attributed_method_or_an_inheriting_interface_fails()
        => PathVerifier.VerifyAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            using Middle;

            class NoteJob(NoteRelay relay) : Quartz.IJob
            {
                public ValueTask {|#0:Execute|}(Quartz.IJobExecutionContext context, CancellationToken cancellationToken) => new(relay.Forward("hi"));
            }

            class ChannelJob(ChannelRelay relay) : Quartz.IJob
            {
                public ValueTask {|#1:Execute|}(Quartz.IJobExecutionContext context, CancellationToken cancellationToken) => new(relay.Forward("hi"));
            }
            """,
            [PathVerifier.Quartz4, Outlets, MiddleLibrary],
            Unattended(0, "NoteJob.Execute (a Quartz job)", "NoteJob.Execute → NoteRelay.Forward → Notes.Announce"),
            Unattended(1, "ChannelJob.Execute (a Quartz job)", "ChannelJob.Execute → ChannelRelay.Forward → IPublisher.PublishAsync"));

    [Fact]
    public Task Look_alikes_in_the_middle_library_are_not_reported()
        => PathVerifier.VerifyAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            using Middle;

            class NightlyJob(Relay relay, ArchiveRelay archive, DraftRelay drafts) : Quartz.IJob
            {
                public async ValueTask {|#0:Execute|}(Quartz.IJobExecutionContext context, CancellationToken cancellationToken)
                {
                    await archive.Forward("hi");
                    await drafts.Forward("hi");
                    await relay.Forward("hi");
                }
            }
            """,
            [PathVerifier.Quartz4, Outlets, MiddleLibrary],
            Unattended(0, "NightlyJob.Execute (a Quartz job)", "NightlyJob.Execute → Relay.Forward → IPublisher.PublishAsync"));

    [Fact]
    public Task A_confirmation_in_the_middle_library_guards_the_call()
    {
        var reviewed = LibraryBuilder.Build("Reviewed", """
            using System.Threading.Tasks;
            using Outlets;
            using Presence;

            public interface IReview { [HumanConfirmation] Task<bool> AskAsync(string text); }

            public class ReviewedRelay(IPublisher publisher, IReview review)
            {
                public async Task Forward(string text)
                {
                    if (await review.AskAsync(text))
                    {
                        await publisher.PublishAsync(text);
                    }
                }

                public Task Unreviewed(string text) => publisher.PublishAsync(text);
            }
            """, Outlets);

        return PathVerifier.VerifyAsync("""
            using System.Threading;
            using System.Threading.Tasks;

            class NightlyJob(ReviewedRelay relay) : Quartz.IJob
            {
                public async ValueTask {|#0:Execute|}(Quartz.IJobExecutionContext context, CancellationToken cancellationToken)
                {
                    await relay.Forward("hi");
                    await relay.Unreviewed("hi");
                }
            }
            """,
            [PathVerifier.Quartz4, Outlets, reviewed],
            Unattended(0, "NightlyJob.Execute (a Quartz job)", "NightlyJob.Execute → ReviewedRelay.Unreviewed → IPublisher.PublishAsync"));
    }

    [Fact]
    public Task A_refit_interface_of_another_assembly_is_a_publisher_for_the_middle_library()
    {
        var refit = TestReferences.FromType<Refit.PostAttribute>();
        var api = LibraryBuilder.Build("Social.Api", """
            using System.Threading.Tasks;
            using Refit;

            public interface IXApi
            {
                [Post("/2/tweets")]
                Task<string> CreatePost([Body] object post);

                [Get("/2/tweets/{id}")]
                Task<string> GetPost(string id);
            }
            """, refit);
        var middle = LibraryBuilder.Build("Social.Relay", """
            using System.Threading.Tasks;

            public class XRelay(IXApi api)
            {
                public Task<string> Share(object post) => api.CreatePost(post);
                public Task<string> Read(string id) => api.GetPost(id);
            }
            """, refit, api);

        return PathVerifier.VerifyAsync("""
            using System.Threading;
            using System.Threading.Tasks;

            class NightlyJob(XRelay relay) : Quartz.IJob
            {
                public async ValueTask {|#0:Execute|}(Quartz.IJobExecutionContext context, CancellationToken cancellationToken)
                {
                    await relay.Read("1");
                    await relay.Share(new object());
                }
            }
            """,
            [PathVerifier.Quartz4, refit, api, middle],
            Unattended(0, "NightlyJob.Execute (a Quartz job)", "NightlyJob.Execute → XRelay.Share → IXApi.CreatePost (POST /2/tweets)"));
    }

    [Fact]
    public Task A_gated_interface_or_a_method_requiring_approval_of_another_assembly_crosses_the_middle_library()
    {
        var outlets = LibraryBuilder.Build("Gated.Outlets", """
            using System.Threading.Tasks;
            using Presence;

            [GeneratePublisherGate]
            public interface IBoard { Task Pin(string text); }

            public class Megaphone
            {
                [RequiresHumanApproval]
                public Task Shout(string text) => Task.CompletedTask;

                public Task Whisper(string text) => Task.CompletedTask;
            }
            """);
        var middle = LibraryBuilder.Build("Gated.Middle", """
            using System.Threading.Tasks;

            public class Relay(IBoard board, Megaphone megaphone)
            {
                public Task Pin(string text) => board.Pin(text);
                public Task Shout(string text) => megaphone.Shout(text);
                public Task Whisper(string text) => megaphone.Whisper(text);
            }
            """, outlets);

        return PathVerifier.VerifyAsync("""
            using System.Threading;
            using System.Threading.Tasks;

            class PinJob(Relay relay) : Quartz.IJob
            {
                public async ValueTask {|#0:Execute|}(Quartz.IJobExecutionContext context, CancellationToken cancellationToken)
                {
                    await relay.Whisper("hi");
                    await relay.Pin("hi");
                }
            }

            class ShoutJob(Relay relay) : Quartz.IJob
            {
                public ValueTask {|#1:Execute|}(Quartz.IJobExecutionContext context, CancellationToken cancellationToken) => new(relay.Shout("hi"));
            }
            """,
            [PathVerifier.Quartz4, outlets, middle],
            Unattended(0, "PinJob.Execute (a Quartz job)", "PinJob.Execute → Relay.Pin → IBoard.Pin"),
            Unattended(1, "ShoutJob.Execute (a Quartz job)", "ShoutJob.Execute → Relay.Shout → Megaphone.Shout"));
    }
}
