using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Presence.Approvals.EntityFrameworkCore.Tests.Support;

namespace Presence.Approvals.EntityFrameworkCore.Tests;

/// <summary>
/// Several processes over one database, as a web app and its workers run: the single-use guarantee, the hold and
/// at-most-once publishing hold across them, because the database decides, not a lock in one process.
/// </summary>
public abstract class MultiProcessTests
{
    private const int Processes = 4;
    private const int TasksPerProcess = 8;
    private const int Rounds = 50;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    [Fact]
    public async Task Of_4_processes_with_8_tasks_each_redeeming_one_approval_exactly_one_gets_a_token_in_each_of_50_rounds()
    {
        await using var database = await CreateDatabaseAsync();
        await using var services = database.Services();
        var ledger = services.GetRequiredService<ApprovalLedger>();
        await services.GetRequiredService<Approvals.EntityFrameworkCore.ApprovalSchema>().EnsureAsync();
        var workers = await Task.WhenAll(Enumerable.Range(0, Processes).Select(_ => WorkerProcess.StartAsync(database)));
        try
        {
            var redeemedIds = new List<string>();
            for (var round = 0; round < Rounds; round++)
            {
                var content = $"Round {round}: our release is out";
                var record = await ledger.SubmitAsync(content, "agent:drafts");
                Assert.True((await ledger.DecideAsync(record.Id, "maria", true)).IsRecorded);

                // Every task of every process is armed before any fires, so they all race for the same version.
                Assert.All(await Task.WhenAll(workers.Select(w => w.AskAsync($"prepare {record.Id} {TasksPerProcess} {content}"))), ready => Assert.Equal("ready", ready));
                var answers = await Task.WhenAll(workers.Select(w => w.AskAsync("go")));

                var outcomes = answers.SelectMany(a => a.Split(' ').Skip(1)).ToList();
                Assert.Equal(Processes * TasksPerProcess, outcomes.Count);
                Assert.Equal(1, outcomes.Count(o => o == nameof(RedeemOutcome.Redeemed)));
                Assert.Equal(Processes * TasksPerProcess - 1, outcomes.Count(o => o == nameof(RedeemOutcome.AlreadyRedeemed)));
                redeemedIds.Add(record.Id);
            }

            var audit = services.GetRequiredService<IApprovalAuditReader>();
            var redeemed = await audit.ReadAsync(new ApprovalAuditQuery { Kind = ApprovalAuditEventKind.Redeemed }, default);
            Assert.Equal(redeemedIds.OrderBy(id => id), redeemed.Select(e => e.RequestId!).OrderBy(id => id));
            var refused = await audit.ReadAsync(new ApprovalAuditQuery { Kind = ApprovalAuditEventKind.Refused }, default);
            Assert.Equal(Rounds * (Processes * TasksPerProcess - 1), refused.Count);
            Assert.All(refused, e => Assert.Equal(nameof(RedeemOutcome.AlreadyRedeemed), e.Outcome));
        }
        finally
        {
            foreach (var worker in workers)
            {
                worker.Dispose();
            }
        }
    }

    [Fact]
    public async Task A_process_killed_between_redeem_and_publish_never_leads_to_a_second_token_and_the_audit_shows_the_outcome_unknown()
    {
        await using var database = await CreateDatabaseAsync();
        await using var services = database.Services();
        var ledger = services.GetRequiredService<ApprovalLedger>();
        var record = await ledger.SubmitAsync("Launch post", "agent:drafts");
        await ledger.DecideAsync(record.Id, "maria", true);

        using (var doomed = await WorkerProcess.StartAsync(database))
        {
            Assert.Equal("redeemed Redeemed", await doomed.AskAsync($"redeem-and-wait {record.Id} Launch post"));
            doomed.Kill();
            Assert.True(doomed.HasExited);
        }

        using var restarted = await WorkerProcess.StartAsync(database);
        Assert.Equal("outcome AlreadyRedeemed", await restarted.AskAsync($"redeem {record.Id} Launch post"));
        Assert.Equal(RedeemOutcome.AlreadyRedeemed, (await ledger.RedeemAsync(record.Id, "Launch post")).Outcome);

        var stored = (await ledger.FindAsync(record.Id))!;
        Assert.Equal((ApprovalStatus.Redeemed, PublishOutcome.Unknown), (stored.Status, stored.PublishOutcome));
        var trail = await services.GetRequiredService<IApprovalAuditReader>().ReadAsync(new ApprovalAuditQuery { RequestId = record.Id }, default);
        var redeemed = Assert.Single(trail, e => e.Kind == ApprovalAuditEventKind.Redeemed);
        Assert.Contains("outcome unknown", redeemed.Detail);
        Assert.DoesNotContain(trail, e => e.Kind is ApprovalAuditEventKind.PublishSucceeded or ApprovalAuditEventKind.PublishFailed or ApprovalAuditEventKind.Published);

        // When the publisher finds out (it checks the platform after the restart), the outcome is recorded once.
        Assert.True(await ledger.ReportFailedAsync(record.Id, "no post found on the platform"));
        Assert.Equal(PublishOutcome.Failed, (await ledger.FindAsync(record.Id))!.PublishOutcome);
    }

    [Fact]
    public async Task A_hold_engaged_in_one_process_refuses_the_other_processes_next_redeem()
    {
        await using var database = await CreateDatabaseAsync();
        await using var services = database.Services();
        var ledger = services.GetRequiredService<ApprovalLedger>();
        var first = await ledger.SubmitAsync("Promo one", "agent:drafts");
        await ledger.DecideAsync(first.Id, "maria", true);
        using var web = await WorkerProcess.StartAsync(database);
        using var scheduler = await WorkerProcess.StartAsync(database);

        Assert.Equal("engaged True", await web.AskAsync("engage maria National day of mourning"));
        Assert.Equal("outcome Held", await scheduler.AskAsync($"redeem {first.Id} Promo one"));
        Assert.Equal("engaged False", await scheduler.AskAsync("engage tom Another reason"));

        Assert.Equal("released True", await scheduler.AskAsync("release tom"));
        Assert.Equal("outcome FellDueDuringHold", await web.AskAsync($"redeem {first.Id} Promo one"));
        var second = await ledger.SubmitAsync("Promo two", "agent:drafts");
        await ledger.DecideAsync(second.Id, "maria", true);
        Assert.Equal("outcome Redeemed", await web.AskAsync($"redeem {second.Id} Promo two"));

        var history = await services.GetRequiredService<IPublishingHold>().GetHistoryAsync(default);
        Assert.Equal(("National day of mourning", "maria", "tom"), (history.Single().Reason, history.Single().EngagedBy, history.Single().ReleasedBy));
    }
}

public sealed class SqliteMultiProcessTests : MultiProcessTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresMultiProcessTests : MultiProcessTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
