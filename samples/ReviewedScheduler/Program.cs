using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Presence;
using ReviewedScheduler;

// A week of posts, reviewed by a person, published by a job, stopped by a hold when the world changes. The
// approvals, the hold and the audit trail live in an SQLite file: the week runs over two starts of this program,
// and the second picks up the approvals the first recorded.
var database = Path.Combine(AppContext.BaseDirectory, "reviewed-scheduler.db");
var time = new SimulatedTime(Week.Sunday);
await using var services = new ServiceCollection()
    .AddSingleton<TimeProvider>(time)
    .AddPresenceApprovals(o => o.UseSqlite($"Data Source={database}"))
    .AddSingleton<ILinkedInPublisher, ConsoleLinkedInPublisher>()
    .AddLinkedInPublisherGate()
    .AddSingleton<ScheduledPublisher>()
    .BuildServiceProvider();
var ledger = services.GetRequiredService<ApprovalLedger>();
var hold = services.GetRequiredService<IPublishingHold>();
var job = services.GetRequiredService<ScheduledPublisher>();
var audit = services.GetRequiredService<IApprovalAuditReader>();

async Task At(int day, int hour, string what)
{
    time.Now = Week.Sunday.Date.AddDays(day).AddHours(hour);
    Console.WriteLine($"{time.Now:ddd HH:mm}  {what}");
    await job.PublishDueAsync(CancellationToken.None);
}

var trail = await audit.ReadAsync(new ApprovalAuditQuery(), CancellationToken.None);
if (trail.Any(e => e.Kind == ApprovalAuditEventKind.HoldReleased))
{
    Console.WriteLine($"The week in {database} is over ({trail.Count} audit events). Delete the file to run it again.");
    return;
}

if (trail.Count == 0)
{
    Console.WriteLine($"First start. Approvals are kept in {database}.");
    Console.WriteLine("Sun 18:00  An agent drafts the week's posts; the author tries to approve its own; Maria reviews.");
    var requests = new string[Week.Drafts.Length];
    for (var day = 1; day < Week.Drafts.Length; day++)
    {
        var post = Week.Post(day);
        var request = await ledger.SubmitAsync(post, author: "agent:drafts", dueAt: Week.NineOn(day), channel: "linkedin:acme");
        requests[day] = request.Id;
    }

    // The walkthrough plays the author and Maria; an application records the decision of the person who made it
    // (the signed-in reviewer, the user who pressed the button), and PRES005 reports a reviewer written into the code.
#pragma warning disable PRES005
    Console.WriteLine($"    self-approval: {(await ledger.DecideAsync(requests[1], "agent:drafts", approve: true)).Outcome}");
    foreach (var day in new[] { 1, 2, 3 })
    {
        await ledger.DecideAsync(requests[day], "maria", approve: true, reason: "on brand");
    }
#pragma warning restore PRES005

    await job.LoadAsync(CancellationToken.None);
    await At(1, 9, "The job runs: Monday's post goes out.");
    Console.WriteLine("Mon 09:05  The scheduler is restarted for an upgrade. Run the program again: the approvals are in the database.");
    return;
}

Console.WriteLine($"Started again. The job reads the week's approvals back from {database}.");
await job.LoadAsync(CancellationToken.None);

time.Now = Week.NineOn(2).AddHours(-1);
await hold.EngageAsync("National day of mourning: no promotional posts", by: "maria", CancellationToken.None);
Console.WriteLine($"{time.Now:ddd HH:mm}  News of a tragedy. Maria engages the publishing hold (every instance obeys it).");
await At(2, 9, "The job runs: the flash sale is held.");

time.Now = Week.NineOn(2).AddHours(9);
await hold.ReleaseAsync(by: "maria", CancellationToken.None);
Console.WriteLine($"{time.Now:ddd HH:mm}  Maria lifts the hold.");
await At(2, 18, "The job runs: the flash sale fell due during the hold; it needs a fresh decision and does not burst out.");
await At(3, 9, "The job runs: Wednesday's post goes out.");
await At(4, 9, "The job runs: nobody reviewed Thursday's post, so it does not go out.");

var events = await audit.ReadAsync(new ApprovalAuditQuery(), CancellationToken.None);
Console.WriteLine($"Audit trail: {events.Count} events over both starts, the record that a person reviewed what went out:");
ApprovalAuditExport.WriteCsv(Console.Out, events.Where(e => e.Kind is ApprovalAuditEventKind.Decided or ApprovalAuditEventKind.PublishSucceeded));
