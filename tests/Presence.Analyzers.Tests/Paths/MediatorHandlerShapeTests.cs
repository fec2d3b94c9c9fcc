using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Presence.Analyzers.Tests.Verifiers;
using static Presence.Analyzers.Tests.Verifiers.PathVerifier;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// MediatR 5.1 (the package): a request handler written on the <c>AsyncRequestHandler&lt;TRequest&gt;</c> base class,
/// and a notification handler declared for a base type or interface of the notification, are where a send or publish
/// lands; a handler of an unrelated notification is not.
/// </summary>
public class MediatorHandlerShapeTests
{
    private const string Publisher = UnattendedPathTests.Publisher;

    private static readonly MetadataReference[] MediatR = [.. PathVerifier.Hosting, TestReferences.FromType<global::MediatR.IMediator>()];

    [Fact]
    public Task A_command_handled_by_an_AsyncRequestHandler_subclass_is_followed_into_its_Handle()
        => PathVerifier.VerifyAsync(Publisher + """
            public sealed class PostDigest : MediatR.IRequest { public string Text = ""; }
            public sealed class ArchiveDigest : MediatR.IRequest { }

            public sealed class PostDigestHandler(Poster poster) : MediatR.AsyncRequestHandler<PostDigest>
            {
                protected override Task Handle(PostDigest request, CancellationToken ct) => poster.Post(request.Text);
            }

            public sealed class ArchiveDigestHandler : MediatR.AsyncRequestHandler<ArchiveDigest>
            {
                protected override Task Handle(ArchiveDigest request, CancellationToken ct) => Task.CompletedTask;
            }

            class DigestWorker(MediatR.IMediator mediator) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override Task {|#0:ExecuteAsync|}(CancellationToken ct) => mediator.Send(new PostDigest { Text = "daily digest" }, ct);
            }

            class ArchiveWorker(MediatR.IMediator mediator) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override Task ExecuteAsync(CancellationToken ct) => mediator.Send(new ArchiveDigest(), ct);
            }
            """,
            MediatR,
            Unattended(0, "DigestWorker.ExecuteAsync (a hosted service)", "DigestWorker.ExecuteAsync → PostDigestHandler.Handle → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task A_notification_handler_for_an_interface_of_the_notification_receives_its_publish()
        => PathVerifier.VerifyAsync(Publisher + """
            public interface IDomainEvent : MediatR.INotification { string Text { get; } }
            public interface IAuditEvent : MediatR.INotification { }
            public sealed class PostScheduled : IDomainEvent { public string Text => "scheduled"; }
            public sealed class LoginAudited : IAuditEvent { }

            public sealed class CrossPostEveryEvent(Poster poster) : MediatR.INotificationHandler<IDomainEvent>
            {
                public Task Handle(IDomainEvent notification, CancellationToken ct) => poster.Post(notification.Text);
            }

            class ScheduleWorker(MediatR.IMediator mediator) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override Task {|#0:ExecuteAsync|}(CancellationToken ct) => mediator.Publish(new PostScheduled(), ct);
            }

            // LoginAudited is no IDomainEvent: the handler above never receives it.
            class AuditWorker(MediatR.IMediator mediator) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override Task ExecuteAsync(CancellationToken ct) => mediator.Publish(new LoginAudited(), ct);
            }
            """,
            MediatR,
            Unattended(0, "ScheduleWorker.ExecuteAsync (a hosted service)", "ScheduleWorker.ExecuteAsync → CrossPostEveryEvent.Handle → Poster.Post → IMastodonPublisher.PublishStatus"));
}
