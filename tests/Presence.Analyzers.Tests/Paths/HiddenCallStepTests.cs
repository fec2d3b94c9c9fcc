using System.Threading.Tasks;
using Presence.Analyzers.Tests.Verifiers;
using static Presence.Analyzers.Tests.Verifiers.PathVerifier;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// Calls the code does not write as calls are steps of a path too: a property getter that returns a task, the Dispose
/// a <c>using</c> runs and the DisposeAsync of an <c>await using</c>. A property that only reads, and a using of a
/// resource whose Dispose posts nothing, are not. PRES001 in a property's getter says what a person can do there.
/// </summary>
public class HiddenCallStepTests
{
    private const string Publisher = PathVerifier.MastodonPublisher;

    [Fact]
    public Task A_getter_a_using_and_an_await_using_that_post_are_steps_from_a_hosted_service()
        => PathVerifier.VerifyAsync(Publisher + """
            public sealed class Status(IMastodonPublisher mastodon)
            {
                public Task Announced => {|#10:mastodon.PublishStatus("status: green")|};
                public Task Idle => Task.CompletedTask;
            }

            public sealed class PropertyWorker(Status s) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override Task {|#0:ExecuteAsync|}(CancellationToken ct) => s.Announced;
            }

            public sealed class IdleWorker(Status s) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override Task ExecuteAsync(CancellationToken ct) => s.Idle;
            }

            public sealed class LiveSession(Poster poster) : IAsyncDisposable
            {
                public ValueTask DisposeAsync() => new(poster.Post("The live stream has ended."));
            }

            public sealed class LiveWorker(Poster poster) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override async Task {|#1:ExecuteAsync|}(CancellationToken ct)
                {
                    await using var session = new LiveSession(poster);
                    await Task.Delay(TimeSpan.FromHours(1), ct);
                }
            }

            public sealed class ShiftLog(Poster poster) : IDisposable
            {
                public void Dispose() => poster.Post("Shift over").Wait();
            }

            public sealed class Quiet : IDisposable { public void Dispose() { } }

            public sealed class ShiftWorker(Poster poster) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override Task {|#2:ExecuteAsync|}(CancellationToken ct)
                {
                    using (new ShiftLog(poster)) { Console.WriteLine("working"); }
                    return Task.CompletedTask;
                }
            }

            public sealed class QuietWorker : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override Task ExecuteAsync(CancellationToken ct)
                {
                    using var quiet = new Quiet();
                    return Task.CompletedTask;
                }
            }
            """,
            PathVerifier.Hosting,
            Diagnostic(PresenceDiagnostics.UnconfirmedPublishInProperty).WithLocation(10)
                .WithArguments("Posts to Mastodon through 'IMastodonPublisher.PublishStatus'", "Announced"),
            Unattended(0, "PropertyWorker.ExecuteAsync (a hosted service)", "PropertyWorker.ExecuteAsync → Status.Announced → IMastodonPublisher.PublishStatus"),
            Unattended(1, "LiveWorker.ExecuteAsync (a hosted service)", "LiveWorker.ExecuteAsync → LiveSession.DisposeAsync → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(2, "ShiftWorker.ExecuteAsync (a hosted service)", "ShiftWorker.ExecuteAsync → ShiftLog.Dispose → Poster.Post → IMastodonPublisher.PublishStatus"));

    // The reads are found by name: a getter that reaches a post through a method of the project, read in a lambda of a
    // body with nothing else to decide, is a step; a same-named property of another type that posts nothing is not.
    [Fact]
    public Task A_getter_that_reaches_a_post_through_a_call_is_a_step_where_it_is_read_and_a_namesake_is_not()
        => PathVerifier.VerifyAsync(Publisher + """
            public sealed class Digest(Poster poster)
            {
                public Task Sent { get { return poster.Post("weekly digest"); } }
            }

            public sealed class Probe
            {
                public Task Sent => Task.CompletedTask;
                public Task Other { get; set; } = Task.CompletedTask;
            }

            public sealed class DigestWorker(Digest digest) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override Task {|#0:ExecuteAsync|}(CancellationToken ct) => Task.Run(() => digest.Sent, ct);
            }

            public sealed class ProbeWorker(Probe probe) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override Task ExecuteAsync(CancellationToken ct)
                {
                    probe.Other = probe.Sent;
                    return probe.Other;
                }
            }
            """,
            PathVerifier.Hosting,
            Unattended(0, "DigestWorker.ExecuteAsync (a hosted service)", "DigestWorker.ExecuteAsync → Digest.Sent → Poster.Post → IMastodonPublisher.PublishStatus"));
}
