using System;
using System.Threading;
using System.Threading.Tasks;
using Presence;
using ReviewedScheduler;

// A week of posts, reviewed by a person, published by a job, stopped by a hold when the world changes.
var sunday = new DateTimeOffset(2026, 11, 22, 18, 0, 0, TimeSpan.Zero);
var now = sunday;
DateTimeOffset Clock() => now;
DateTimeOffset NineOn(int day) => sunday.Date.AddDays(day).AddHours(9);

var audit = new InMemoryApprovalAuditSink();
var hold = new PublishingHold(audit, Clock);
var ledger = new ApprovalLedger(new InMemoryApprovalStore(), hold, ApprovalPolicy.Default, audit, Clock);
var gate = new LinkedInPublisherGate(new ConsoleLinkedInPublisher(), ledger);
var job = new ScheduledPublisher(gate, Clock);

async Task<string> Draft(string text, int day)
{
    var post = new LinkedInPost("acme", text);
    var request = await gate.SubmitPostAsync(post, author: "agent:drafts", dueAt: NineOn(day), channel: "linkedin:acme");
    job.Schedule(new ScheduledPost(request.Id, post, NineOn(day)));
    return request.Id;
}

async Task At(int day, int hour, string what)
{
    now = sunday.Date.AddDays(day).AddHours(hour);
    Console.WriteLine($"{now:ddd HH:mm}  {what}");
    await job.PublishDueAsync(CancellationToken.None);
}

Console.WriteLine("Sun 18:00  An agent drafts the week's posts; the author tries to approve its own; Maria reviews.");
var monday = await Draft("Our spring release is out: faster exports, calmer notifications.", 1);
var tuesday = await Draft("Flash sale! 40% off everything, today only!", 2);
var wednesday = await Draft("Meet the team behind the release on Thursday.", 3);
await Draft("Thank you to everyone who joined us this week.", 4);
Console.WriteLine($"    self-approval: {(await ledger.DecideAsync(monday, "agent:drafts", approve: true)).Outcome}");
foreach (var id in new[] { monday, tuesday, wednesday })
{
    await ledger.DecideAsync(id, "maria", approve: true, reason: "on brand");
}

await At(1, 9, "The job runs: Monday's post goes out.");

now = NineOn(2).AddHours(-1);
hold.Engage("National day of mourning: no promotional posts", by: "maria");
Console.WriteLine($"{now:ddd HH:mm}  News of a tragedy. Maria engages the publishing hold.");
await At(2, 9, "The job runs: the flash sale is held.");

now = NineOn(2).AddHours(9);
hold.Release(by: "maria");
Console.WriteLine($"{now:ddd HH:mm}  Maria lifts the hold.");
await At(2, 18, "The job runs: the flash sale fell due during the hold; it needs a fresh decision and does not burst out.");
await At(3, 9, "The job runs: Wednesday's post goes out.");

await At(4, 9, "The job runs: nobody reviewed Thursday's post, so it does not go out.");

Console.WriteLine($"Audit trail: {audit.Events.Count} events, the record that a person reviewed what went out.");
