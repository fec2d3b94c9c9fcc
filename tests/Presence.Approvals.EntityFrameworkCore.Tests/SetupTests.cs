using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Presence.Approvals.EntityFrameworkCore.Tests.Support;

namespace Presence.Approvals.EntityFrameworkCore.Tests;

/// <summary>One call sets everything up, in a console app and in a host, and a host fails fast on a bad database.</summary>
public class SetupTests
{
    [Fact]
    public async Task One_call_registers_the_ledger_for_a_plain_console_app_and_disposes_cleanly_both_ways()
    {
        await using var database = TestDatabase.Sqlite();
        var services = new ServiceCollection().AddPresenceApprovals(o => o.UseSqlite(database.ConnectionString));

        using (var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }))
        {
            var ledger = provider.GetRequiredService<ApprovalLedger>();
            var record = await ledger.SubmitAsync("Hello", "agent:drafts");
            Assert.Equal(ApprovalStatus.Pending, record.Status);
            Assert.IsType<EntityFrameworkApprovalStore>(provider.GetRequiredService<IApprovalStore>());
            Assert.IsType<EntityFrameworkPublishingHold>(provider.GetRequiredService<IPublishingHold>());
            Assert.Same(provider.GetRequiredService<IPublishingHold>(), ledger.Hold);
            Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        }

        await using (var provider = services.BuildServiceProvider())
        {
            Assert.Single(await provider.GetRequiredService<ApprovalLedger>().ListPendingAsync());
        }
    }

    [Fact]
    public async Task In_memory_approvals_need_no_database()
    {
        await using var provider = new ServiceCollection().AddPresenceApprovals(o => o.UseInMemory()).BuildServiceProvider();
        var ledger = provider.GetRequiredService<ApprovalLedger>();

        var record = await ledger.SubmitAsync(new LinkedInPost("acme", "Hello"), "agent:drafts");

        Assert.IsType<InMemoryApprovalStore>(provider.GetRequiredService<IApprovalStore>());
        Assert.IsType<PublishingHold>(provider.GetRequiredService<IPublishingHold>());
        Assert.Equal(ReviewContent.Json, record.Content!.MediaType);
        Assert.Single(await provider.GetRequiredService<IApprovalAuditReader>().ReadAsync(new ApprovalAuditQuery(), default));
        await Assert.ThrowsAsync<InvalidOperationException>(() => provider.MigratePresenceApprovalsAsync());
    }

    [Fact]
    public void A_store_must_be_chosen_once()
    {
        var none = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddPresenceApprovals(o => o.Policy = ApprovalPolicy.Default));
        Assert.Contains("o.UseSqlite(\"Data Source=approvals.db\")", none.Message);

        var two = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddPresenceApprovals(o => o.UseInMemory().UseSqlite("Data Source=x.db")));
        Assert.Contains("choose one store", two.Message);
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddPresenceApprovals(o => o.UseNpgsql(" ")));
    }

    [Fact]
    public async Task The_apps_clock_notifier_and_policy_are_used()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 8, 3, 9, 0, 0, TimeSpan.Zero));
        var notifier = new Notifier();
        await using var provider = new ServiceCollection()
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<IApprovalNotifier>(notifier)
            .AddPresenceApprovals(o =>
            {
                o.UseInMemory();
                o.Policy = ApprovalPolicy.Default.WithLifetime(TimeSpan.FromHours(1));
            })
            .BuildServiceProvider();
        var ledger = provider.GetRequiredService<ApprovalLedger>();
        var record = await ledger.SubmitAsync("Hello", "agent:drafts");

        var decided = await ledger.DecideAsync(record.Id, "maria", true);

        Assert.Equal(time.GetUtcNow().AddHours(1), decided.Record!.ExpiresAt);
        Assert.Equal(ApprovalNotificationKind.Approved, Assert.Single(notifier.Received).Kind);
    }

    [Fact]
    public async Task A_host_fails_to_start_when_the_database_cannot_be_reached_and_says_so_without_the_password()
    {
        using var host = new HostBuilder()
            .ConfigureServices(s => s.AddPresenceApprovals(o => o.UseNpgsql("Host=127.0.0.1;Port=1;Database=approvals;Username=app;Password=hunter2;Timeout=3")))
            .Build();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("Cannot use the approval database (PostgreSQL 127.0.0.1/approvals)", error.Message);
        Assert.Contains("nothing is published until it is reachable", error.Message);
        Assert.DoesNotContain("hunter2", error.ToString());
    }

    [Fact]
    public async Task A_host_fails_to_start_when_the_schema_is_missing_and_migration_is_not_asked_for()
    {
        await using var database = TestDatabase.Sqlite();
        using var host = new HostBuilder()
            .ConfigureServices(s => s.AddPresenceApprovals(o =>
            {
                o.MigrateOnStartup = false;
                o.UseSqlite(database.ConnectionString);
            }))
            .Build();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("are missing or older than this version", error.Message);
        Assert.Contains("InitialSchema", error.Message);
        Assert.Contains("MigratePresenceApprovalsAsync", error.Message);

        await host.Services.MigratePresenceApprovalsAsync();
        using var migrated = new HostBuilder()
            .ConfigureServices(s => s.AddPresenceApprovals(o =>
            {
                o.MigrateOnStartup = false;
                o.UseSqlite(database.ConnectionString);
            }))
            .Build();
        await migrated.StartAsync();
        await migrated.StopAsync();
    }

    [Fact]
    public async Task A_PostgreSQL_ledger_only_verifies_by_default_and_migrates_when_asked()
    {
        await using var database = await TestDatabase.PostgresAsync();
        await using var verifying = new ServiceCollection().AddPresenceApprovals(o => o.UseNpgsql(database.ConnectionString)).BuildServiceProvider();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => verifying.GetRequiredService<ApprovalLedger>().SubmitAsync("x", "agent:drafts"));
        Assert.Contains("missing or older than this version", error.Message);

        await verifying.MigratePresenceApprovalsAsync();
        await using var afterMigration = new ServiceCollection().AddPresenceApprovals(o => o.UseNpgsql(database.ConnectionString)).BuildServiceProvider();
        Assert.Equal(ApprovalStatus.Pending, (await afterMigration.GetRequiredService<ApprovalLedger>().SubmitAsync("x", "agent:drafts")).Status);
    }

    [Fact]
    public async Task The_tables_can_live_in_the_apps_own_context()
    {
        await using var database = TestDatabase.Sqlite();
        var services = new ServiceCollection()
            .AddDbContext<ShopContext>(o => o.UseSqlite(database.ConnectionString))
            .AddPresenceApprovals(o => o.UseDbContext<ShopContext>());
        await using var provider = services.BuildServiceProvider();
        using (var scope = provider.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ShopContext>().Database.EnsureCreatedAsync();
        }

        var ledger = provider.GetRequiredService<ApprovalLedger>();
        var record = await ledger.SubmitAsync("Hello", "agent:drafts");
        await ledger.DecideAsync(record.Id, "maria", true);

        Assert.Equal(RedeemOutcome.Redeemed, (await ledger.RedeemAsync(record.Id, "Hello")).Outcome);
        Assert.Equal(1L, await database.ScalarAsync("SELECT COUNT(*) FROM presence_approval_requests"));
        Assert.Equal(0L, await database.ScalarAsync("SELECT COUNT(*) FROM orders"));
    }

    private sealed class Notifier : IApprovalNotifier
    {
        public System.Collections.Generic.List<ApprovalNotification> Received { get; } = new();

        public Task NotifyAsync(ApprovalNotification notification, CancellationToken cancellationToken)
        {
            Received.Add(notification);
            return Task.CompletedTask;
        }
    }

    private sealed class ShopContext : DbContext
    {
        public ShopContext(DbContextOptions<ShopContext> options)
            : base(options)
        {
        }

        public DbSet<Order> Orders => Set<Order>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Order>().ToTable("orders");
            modelBuilder.ApplyPresenceApprovals();
        }
    }

    private sealed class Order
    {
        public int Id { get; set; }
    }
}
