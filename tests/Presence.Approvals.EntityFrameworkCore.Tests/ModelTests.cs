using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Presence.Approvals.EntityFrameworkCore.Tests;

/// <summary>The model has no provider-specific code, and the shipped migrations match it.</summary>
public class ModelTests
{
    [Fact]
    public void The_model_builds_for_SQL_Server_without_a_server()
    {
        using var context = new ApprovalsDbContext(new DbContextOptionsBuilder<ApprovalsDbContext>().UseSqlServer("Server=nowhere;Database=approvals").Options);

        var script = context.Database.GenerateCreateScript();

        Assert.Contains("CREATE TABLE [presence_approval_requests]", script);
        Assert.Contains("[submitted_at] datetime2 NOT NULL", script);
        Assert.Contains("CREATE TABLE [presence_publishing_holds]", script);
        Assert.Contains("CREATE TABLE [presence_approval_audit]", script);
        Assert.Contains("[id] bigint NOT NULL IDENTITY", script);
    }

    [Fact]
    public void The_shipped_SQLite_migrations_match_the_model()
    {
        using var context = new SqliteApprovalsDbContext(new DbContextOptionsBuilder<SqliteApprovalsDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.False(context.Database.HasPendingModelChanges());
        Assert.Contains(context.Database.GetMigrations(), m => m.EndsWith("_InitialSchema"));
    }

    [Fact]
    public void The_shipped_PostgreSQL_migrations_match_the_model()
    {
        using var context = new NpgsqlApprovalsDbContext(new DbContextOptionsBuilder<NpgsqlApprovalsDbContext>().UseNpgsql("Host=nowhere", s => s.MigrationsHistoryTable(ApprovalsDbContext.MigrationsHistoryTable)).Options);

        Assert.False(context.Database.HasPendingModelChanges());
        var sql = context.GetService<IMigrator>().GenerateScript();
        Assert.Contains("timestamp with time zone", sql);
        Assert.Contains("__presence_approvals_migrations", sql);
    }
}
