using System.Threading.Tasks;
using Presence.Analyzers.Tests.Verifiers;
using static Presence.Analyzers.Tests.Verifiers.PathVerifier;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A call of a static abstract interface member through a type parameter (<c>T.AnnounceAsync(...)</c> where
/// <c>T : IAnnouncer</c>) goes on into the static implementations of the member; other static methods of the same
/// name are not landings.
/// </summary>
public class StaticAbstractPathTests
{
    [Fact]
    public Task A_static_abstract_call_through_a_type_parameter_continues_into_the_implementation()
        => PathVerifier.VerifyAsync(PathVerifier.MastodonPublisher + """
            public interface IAnnouncer { static abstract Task AnnounceAsync(IMastodonPublisher mastodon, string text); }
            public interface IArchiver { static abstract Task ArchiveAsync(IMastodonPublisher mastodon, string text); }

            public sealed class NewsAnnouncer : IAnnouncer
            {
                public static Task AnnounceAsync(IMastodonPublisher mastodon, string text) => {|PRES001:mastodon.PublishStatus(text)|};
            }

            public sealed class QuietArchiver : IArchiver
            {
                public static Task ArchiveAsync(IMastodonPublisher mastodon, string text) => Task.CompletedTask;
                // Not the interface's member: a static method of the same name as a publishing one elsewhere.
                public static Task AnnounceAsync(IMastodonPublisher mastodon, string text) => Task.CompletedTask;
            }

            public sealed class StaticAbstractWorker(IMastodonPublisher mastodon) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override Task {|#0:ExecuteAsync|}(CancellationToken ct) => Run<NewsAnnouncer>(mastodon);
                private static Task Run<T>(IMastodonPublisher mastodon) where T : IAnnouncer => T.AnnounceAsync(mastodon, "static abstract");
            }

            public sealed class ArchiveWorker(IMastodonPublisher mastodon) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override Task ExecuteAsync(CancellationToken ct) => Run<QuietArchiver>(mastodon);
                private static Task Run<T>(IMastodonPublisher mastodon) where T : IArchiver => T.ArchiveAsync(mastodon, "archived");
            }
            """,
            PathVerifier.Hosting,
            Unattended(0, "StaticAbstractWorker.ExecuteAsync (a hosted service)", "StaticAbstractWorker.ExecuteAsync → StaticAbstractWorker.Run → NewsAnnouncer.AnnounceAsync → IMastodonPublisher.PublishStatus"));
}
