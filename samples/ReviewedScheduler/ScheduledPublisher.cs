using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Presence;

namespace ReviewedScheduler;

/// <summary>A post waiting for its time: the request id of its review, never an approval token (PRES007).</summary>
public sealed record ScheduledPost(string RequestId, LinkedInPost Post, DateTimeOffset DueAt);

/// <summary>
/// Runs with nobody present. It cannot call ILinkedInPublisher directly (PRES009); it redeems each post's recorded
/// decision at publish time, and the ledger says no when the decision is missing, stale, used, or held.
/// </summary>
public sealed class ScheduledPublisher(LinkedInPublisherGate gate, ApprovalLedger ledger, TimeProvider time)
{
    private readonly List<ScheduledPost> _queue = new();

    /// <summary>
    /// Rebuilds the queue after a start: the week's posts (the app's own data) matched to their open review
    /// requests in the ledger by fingerprint.
    /// </summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        _queue.Clear();
        var open = (await ledger.ListAsync(ApprovalStatus.Pending, cancellationToken))
            .Concat(await ledger.ListAsync(ApprovalStatus.Approved, cancellationToken));
        foreach (var request in open)
        {
            var day = Enumerable.Range(1, Week.Drafts.Length - 1).FirstOrDefault(d => Week.Post(d).GetApprovalFingerprint() == request.Fingerprint);
            if (day > 0 && request.DueAt is { } due)
            {
                _queue.Add(new ScheduledPost(request.Id, Week.Post(day), due));
            }
        }
    }

    [UnattendedEntryPoint]
    public async Task PublishDueAsync(CancellationToken cancellationToken)
    {
        foreach (var scheduled in _queue.OrderBy(p => p.DueAt).ToArray())
        {
            if (scheduled.DueAt > time.GetUtcNow())
            {
                continue;
            }

            var redeemed = await gate.RedeemPostAsync(scheduled.RequestId, scheduled.Post, cancellationToken);
            if (redeemed.Outcome != RedeemOutcome.Held)
            {
                _queue.Remove(scheduled);
            }

            if (redeemed.Approval is not { } approval)
            {
                Console.WriteLine($"    not published: \"{scheduled.Post.Text}\" ({redeemed.Outcome})");
                continue;
            }

            var postId = await gate.PostAsync(approval, cancellationToken);
            await ledger.ReportPublishedAsync(approval.RequestId, "urn:li:share:" + postId, cancellationToken);
        }
    }
}
