using System;
using System.Collections.Generic;
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
public sealed class ScheduledPublisher(LinkedInPublisherGate gate, Func<DateTimeOffset> clock)
{
    private readonly List<ScheduledPost> _queue = new();

    public void Schedule(ScheduledPost post) => _queue.Add(post);

    [UnattendedEntryPoint]
    public async Task PublishDueAsync(CancellationToken cancellationToken)
    {
        foreach (var scheduled in _queue.ToArray())
        {
            if (scheduled.DueAt > clock())
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

            await gate.PostAsync(approval, cancellationToken);
        }
    }
}
