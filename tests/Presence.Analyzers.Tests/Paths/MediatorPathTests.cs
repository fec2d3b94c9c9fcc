using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Presence.Analyzers.Tests.Verifiers;
using static Presence.Analyzers.Tests.Verifiers.PathVerifier;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>A mediator's Send and Publish go on into the handler of the message's type (MediatR 5.1, Mediator 3.0, as packages).</summary>
public class MediatorPathTests
{
    private const string Publisher = UnattendedPathTests.Publisher;

    private static readonly MetadataReference[] MediatR = [.. PathVerifier.Hosting, TestReferences.FromType<global::MediatR.IMediator>()];

    [Fact]
    public Task A_job_that_sends_a_command_whose_handler_posts_fails_with_the_path_through_the_handler()
        => PathVerifier.VerifyAsync(Publisher + """
            public sealed record PostDigest(string Text) : MediatR.IRequest<bool>;
            public sealed record CountFollowers(string Account) : MediatR.IRequest<int>;
            public sealed record Published(string Text) : MediatR.INotification;
            public sealed record Archived(string Text) : MediatR.INotification;

            public sealed class PostDigestHandler(Poster poster) : MediatR.IRequestHandler<PostDigest, bool>
            {
                public async Task<bool> Handle(PostDigest request, CancellationToken ct) { await poster.Post(request.Text); return true; }
            }

            // Same response type, reads only: a send of CountFollowers lands here, not in PostDigestHandler.
            public sealed class CountFollowersHandler : MediatR.IRequestHandler<CountFollowers, int>
            {
                public Task<int> Handle(CountFollowers request, CancellationToken ct) => Task.FromResult(request.Account.Length);
            }

            public sealed class CrossPost(Poster poster) : MediatR.INotificationHandler<Published>
            {
                public Task Handle(Published notification, CancellationToken ct) => poster.Post(notification.Text);
            }

            public sealed class ArchiveLog : MediatR.INotificationHandler<Archived>
            {
                public Task Handle(Archived notification, CancellationToken ct) { Console.WriteLine(notification.Text); return Task.CompletedTask; }
            }

            class DigestWorker(MediatR.IMediator mediator) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override async Task {|#0:ExecuteAsync|}(CancellationToken ct) => await mediator.Send(new PostDigest("daily digest"), ct);
            }

            class AnnounceWorker(MediatR.IMediator mediator) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override Task {|#1:ExecuteAsync|}(CancellationToken ct)
                {
                    var published = new Published("we shipped");
                    return mediator.Publish(published, ct);
                }
            }

            // Reads, archives, and a send the approval guards: nothing to report.
            class StatsWorker(MediatR.IMediator mediator) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken ct)
                {
                    Console.WriteLine(await mediator.Send(new CountFollowers("@brand"), ct));
                    await mediator.Publish(new Archived("old post"), ct);
                }
            }

            class ApprovedDigestWorker(MediatR.IMediator mediator, IApprovals approvals) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken ct)
                {
                    if (await approvals.RedeemAsync("daily digest"))
                    {
                        await mediator.Send(new PostDigest("daily digest"), ct);
                    }
                }
            }

            // A body that asks, then sends once more without the answer.
            class CarelessWorker(MediatR.IMediator mediator, IApprovals approvals) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override async Task {|#2:ExecuteAsync|}(CancellationToken ct)
                {
                    if (await approvals.RedeemAsync("digest"))
                    {
                        await mediator.Send(new PostDigest("digest"), ct);
                    }

                    await mediator.Send(new PostDigest("digest, again"), ct);
                }
            }
            """,
            MediatR,
            Unattended(0, "DigestWorker.ExecuteAsync (a hosted service)", "DigestWorker.ExecuteAsync → PostDigestHandler.Handle → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(1, "AnnounceWorker.ExecuteAsync (a hosted service)", "AnnounceWorker.ExecuteAsync → CrossPost.Handle → Poster.Post → IMastodonPublisher.PublishStatus"),
            Unattended(2, "CarelessWorker.ExecuteAsync (a hosted service)", "CarelessWorker.ExecuteAsync → PostDigestHandler.Handle → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task Mediator_commands_and_queries_reach_their_handlers()
        => PathVerifier.VerifyAsync(Publisher + """
            public sealed record PostTip(string Text) : Mediator.ICommand<bool>;
            public sealed record TipCount : Mediator.IQuery<int>;

            public sealed class PostTipHandler(Poster poster) : Mediator.ICommandHandler<PostTip, bool>
            {
                public async ValueTask<bool> Handle(PostTip command, CancellationToken ct) { await poster.Post(command.Text); return true; }
            }

            public sealed class TipCountHandler : Mediator.IQueryHandler<TipCount, int>
            {
                public ValueTask<int> Handle(TipCount query, CancellationToken ct) => ValueTask.FromResult(3);
            }

            class TipWorker(Mediator.ISender sender) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override async Task {|#0:ExecuteAsync|}(CancellationToken ct)
                {
                    if (await sender.Send(new TipCount(), ct) > 0)
                    {
                        await sender.Send(new PostTip("tip of the day"), ct);
                    }
                }
            }
            """,
            [.. PathVerifier.Hosting, TestReferences.FromType<global::Mediator.ISender>()],
            Unattended(0, "TipWorker.ExecuteAsync (a hosted service)", "TipWorker.ExecuteAsync → PostTipHandler.Handle → Poster.Post → IMastodonPublisher.PublishStatus"));
}
