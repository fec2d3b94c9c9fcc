using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Presence.Generators.Tests.Support;

namespace Presence.Generators.Tests;

/// <summary>
/// Generated gates, compiled and run: content goes out only with a token a real ledger minted from a person's
/// decision, once, for exactly that content, and never while a publishing hold is engaged.
/// </summary>
public sealed class RuntimeTests : IDisposable
{
    private const string Consumer = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Presence;

        namespace Acme.Social
        {
            public sealed class LinkedInPost : IApprovalContent
            {
                public LinkedInPost(string page, string text) { Page = page; Text = text; }
                public string Page { get; }
                public string Text { get; set; }
                public ContentFingerprint GetApprovalFingerprint() => ContentFingerprint.Of("linkedin", Page, Text);
            }

            [GeneratePublisherGate]
            public interface ILinkedInPublisher
            {
                Task<string> PostAsync(LinkedInPost post, CancellationToken ct);
                Task ShareAsync(string comment, IReadOnlyList<string> tags, DateTimeOffset at);
            }

            public sealed class RecordingPublisher : ILinkedInPublisher
            {
                public List<string> Published { get; } = new List<string>();

                public Task<string> PostAsync(LinkedInPost post, CancellationToken ct)
                {
                    Published.Add(post.Page + ": " + post.Text);
                    return Task.FromResult("urn:li:share:" + Published.Count);
                }

                public Task ShareAsync(string comment, IReadOnlyList<string> tags, DateTimeOffset at)
                {
                    Published.Add(comment + " " + string.Join(" ", tags) + " at " + at.ToString("O"));
                    return Task.CompletedTask;
                }
            }
        }
        """;

    private readonly LoadedGates _gates = new(GateCompilation.Run(Consumer, withServices: true));
    private readonly InMemoryApprovalAuditSink _audit = new();
    private readonly PublishingHold _hold;
    private readonly ApprovalLedger _ledger;
    private readonly dynamic _publisher;
    private readonly dynamic _gate;

    public RuntimeTests()
    {
        _hold = new PublishingHold(_audit);
        _ledger = new ApprovalLedger(new InMemoryApprovalStore(), _hold, audit: _audit);
        _publisher = _gates.Create("Acme.Social.RecordingPublisher");
        _gate = _gates.Create("Acme.Social.LinkedInPublisherGate", _publisher, _ledger);
    }

    [Fact]
    public async Task Approved_content_is_published_once_through_the_gate_and_audited_with_its_name()
    {
        dynamic post = Post("Launch day!");
        var approval = await ApproveAsync(post);

        string urn = await _gate.PostAsync(approval, CancellationToken.None);

        Assert.Equal("urn:li:share:1", urn);
        Assert.Equal(new[] { "acme: Launch day!" }, (IEnumerable<string>)_publisher.Published);
        var published = Assert.Single(_audit.Events, e => e.Kind == ApprovalAuditEventKind.Published);
        Assert.Equal("LinkedInPublisherGate.PostAsync", published.Gate);
        Assert.Equal(new[] { "bea" }, published.Reviewers);
    }

    [Fact]
    public async Task A_used_token_is_refused_and_nothing_is_published_again()
    {
        var approval = await ApproveAsync(Post("Once"));
        await _gate.PostAsync(approval, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<ApprovalRefusedException>(() => (Task)_gate.PostAsync(approval, CancellationToken.None));

        Assert.Equal(RedeemOutcome.AlreadyRedeemed, refused.Reason);
        Assert.Single((IEnumerable<string>)_publisher.Published);
    }

    [Fact]
    public async Task Content_edited_after_approval_is_refused()
    {
        dynamic post = Post("Approved text");
        var approval = await ApproveAsync(post);
        post.Text = "Edited after the review";

        var refused = await Assert.ThrowsAsync<ApprovalRefusedException>(() => (Task)_gate.PostAsync(approval, CancellationToken.None));

        Assert.Equal(RedeemOutcome.ContentChanged, refused.Reason);
        Assert.Empty((IEnumerable<string>)_publisher.Published);
    }

    [Fact]
    public async Task A_publishing_hold_stops_the_gate()
    {
        var approval = await ApproveAsync(Post("Cheerful news"));
        _hold.Engage("National day of mourning", by: "maria");

        var refused = await Assert.ThrowsAsync<ApprovalRefusedException>(() => (Task)_gate.PostAsync(approval, CancellationToken.None));

        Assert.Equal(RedeemOutcome.Held, refused.Reason);
        Assert.Empty((IEnumerable<string>)_publisher.Published);
    }

    [Fact]
    public async Task Nothing_is_minted_for_other_content_or_an_undecided_or_rejected_request()
    {
        dynamic post = Post("What the reviewer saw");
        ApprovalRecord request = await _gate.SubmitPostAsync(post, "agent:drafts");

        dynamic undecided = await _gate.RedeemPostAsync(request.Id, post);
        Assert.Equal(RedeemOutcome.Undecided, (RedeemOutcome)undecided.Outcome);

        await _ledger.DecideAsync(request.Id, "bea", approve: true);
        dynamic forged = await _gate.RedeemPostAsync(request.Id, Post("Something else entirely"));
        Assert.Equal(RedeemOutcome.ContentChanged, (RedeemOutcome)forged.Outcome);
        Assert.Null(forged.Approval);

        ApprovalRecord rejectedRequest = await _gate.SubmitPostAsync(Post("Rejected"), "agent:drafts");
        await _ledger.DecideAsync(rejectedRequest.Id, "bea", approve: false, reason: "Off brand");
        dynamic rejected = await _gate.RedeemPostAsync(rejectedRequest.Id, Post("Rejected"));
        Assert.Equal(RedeemOutcome.Rejected, (RedeemOutcome)rejected.Outcome);
    }

    [Fact]
    public async Task A_generated_content_type_binds_the_approval_to_its_arguments_but_not_to_the_schedule()
    {
        var contentType = _gates.Type("Acme.Social.LinkedInPublisherGate+ShareContent");
        var tags = new List<string> { "#launch" };
        dynamic Share(string comment, DateTimeOffset at) => Activator.CreateInstance(contentType, comment, tags, at)!;
        var monday = new DateTimeOffset(2030, 1, 7, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal(Fingerprint(Share("Read this", monday)), Fingerprint(Share("Read this", monday.AddDays(1))));
        Assert.NotEqual(Fingerprint(Share("Read this", monday)), Fingerprint(Share("Read that", monday)));

        dynamic approved = Share("Read this", monday);
        ApprovalRecord request = await _gate.SubmitShareAsync(approved, "agent:drafts");
        await _ledger.DecideAsync(request.Id, "bea", approve: true);
        dynamic rescheduled = Share("Read this", monday.AddDays(1));
        dynamic redeemed = await _gate.RedeemShareAsync(request.Id, rescheduled);
        await _gate.ShareAsync(redeemed.Approval);

        Assert.Equal(new[] { "Read this #launch at 2030-01-08T09:00:00.0000000+00:00" }, (IEnumerable<string>)_publisher.Published);
    }

    [Fact]
    public void The_registration_resolves_a_gate_over_the_registered_publisher_and_ledger()
    {
        var services = new ServiceCollection();
        services.AddSingleton(_ledger);
        services.AddSingleton(_gates.Type("Acme.Social.ILinkedInPublisher"), (object)_publisher);
        var register = _gates.Type("Acme.Social.LinkedInPublisherGateServiceCollectionExtensions").GetMethod("AddLinkedInPublisherGate")!;

        Assert.Same(services, register.Invoke(null, new object[] { services }));
        register.Invoke(null, new object[] { services });

        var descriptor = Assert.Single(services, d => d.ServiceType.Name == "LinkedInPublisherGate");
        Assert.Equal(ServiceLifetime.Transient, descriptor.Lifetime);
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Assert.NotNull(provider.GetRequiredService(descriptor.ServiceType));
    }

    public void Dispose() => _gates.Dispose();

    private dynamic Post(string text) => _gates.Create("Acme.Social.LinkedInPost", "acme", text);

    private async Task<dynamic> ApproveAsync(dynamic post)
    {
        ApprovalRecord request = await _gate.SubmitPostAsync(post, "agent:drafts");
        var decided = await _ledger.DecideAsync(request.Id, "bea", approve: true);
        Assert.True(decided.IsRecorded);
        dynamic redeemed = await _gate.RedeemPostAsync(request.Id, post);
        Assert.True((bool)redeemed.IsRedeemed);
        return redeemed.Approval;
    }

    private static string Fingerprint(dynamic content) => ((IApprovalContent)content).GetApprovalFingerprint().Value;
}
