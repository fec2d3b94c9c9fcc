using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Presence.Analyzers.Tests.Verifiers;
using static Presence.Analyzers.Tests.Verifiers.PathVerifier;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// Coravel 6 (the package): an event an invocable broadcasts (<c>IDispatcher.Broadcast</c>) runs the
/// <c>IListener&lt;TEvent&gt;</c> of its type, a step like a mediator's publish; a listener of another event is not.
/// </summary>
public class CoravelBroadcastPathTests
{
    private const string Publisher = UnattendedPathTests.Publisher;

    [Fact]
    public Task An_invocable_that_broadcasts_an_event_whose_listener_posts_is_reported_through_the_listener()
        => PathVerifier.VerifyAsync(Publisher + """
            public sealed class DigestReady(string text) : Coravel.Events.Interfaces.IEvent { public string Text { get; } = text; }
            public sealed class DigestArchived : Coravel.Events.Interfaces.IEvent { }

            public sealed class CrossPost(Poster poster) : Coravel.Events.Interfaces.IListener<DigestReady>
            {
                public Task HandleAsync(DigestReady broadcasted) => poster.Post(broadcasted.Text);
            }

            public sealed class ArchiveLog : Coravel.Events.Interfaces.IListener<DigestArchived>
            {
                public Task HandleAsync(DigestArchived broadcasted) => Task.CompletedTask;
            }

            public sealed class DigestJob(Coravel.Events.Interfaces.IDispatcher dispatcher) : Coravel.Invocable.IInvocable
            {
                public Task {|#0:Invoke|}() => dispatcher.Broadcast(new DigestReady("daily digest"));
            }

            public sealed class ArchiveJob(Coravel.Events.Interfaces.IDispatcher dispatcher) : Coravel.Invocable.IInvocable
            {
                public Task Invoke() => dispatcher.Broadcast(new DigestArchived());
            }
            """,
            [PathVerifier.Coravel],
            Unattended(0, "DigestJob.Invoke (a Coravel invocable)", "DigestJob.Invoke → CrossPost.HandleAsync → Poster.Post → IMastodonPublisher.PublishStatus"));
}
