using Microsoft.EntityFrameworkCore;
using Presence.Approvals.EntityFrameworkCore;

namespace Presence
{
    /// <summary>Adds the approval tables to a model.</summary>
    public static class PresenceApprovalsModelBuilderExtensions
    {
        /// <summary>
        /// Adds the approval requests, publishing hold and audit trail tables to your own <see cref="DbContext"/>, so
        /// they live in your database and your migrations. Then register the store with
        /// <c>services.AddPresenceApprovals(o => o.UseDbContext&lt;YourContext&gt;())</c>.
        /// </summary>
        /// <param name="modelBuilder">The model being built.</param>
        /// <returns>The same builder.</returns>
        public static ModelBuilder ApplyPresenceApprovals(this ModelBuilder modelBuilder)
        {
            modelBuilder.ApplyConfiguration(new ApprovalRequestRowConfiguration());
            modelBuilder.ApplyConfiguration(new HoldPeriodRowConfiguration());
            modelBuilder.ApplyConfiguration(new AuditEventRowConfiguration());
            return modelBuilder;
        }
    }
}

namespace Presence.Approvals.EntityFrameworkCore
{
    /// <summary>The package's own context: the approval tables and nothing else.</summary>
    public class ApprovalsDbContext : DbContext
    {
        /// <summary>The table that records which of the package's migrations a database has.</summary>
        public const string MigrationsHistoryTable = "__presence_approvals_migrations";

        /// <summary>Creates the context.</summary>
        /// <param name="options">The provider and connection.</param>
        public ApprovalsDbContext(DbContextOptions options)
            : base(options)
        {
        }

        /// <inheritdoc/>
        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyPresenceApprovals();
    }

    /// <summary>The context whose migrations target SQLite.</summary>
    public sealed class SqliteApprovalsDbContext : ApprovalsDbContext
    {
        /// <summary>Creates the context.</summary>
        /// <param name="options">SQLite options.</param>
        public SqliteApprovalsDbContext(DbContextOptions<SqliteApprovalsDbContext> options)
            : base(options)
        {
        }
    }

    /// <summary>The context whose migrations target PostgreSQL.</summary>
    public sealed class NpgsqlApprovalsDbContext : ApprovalsDbContext
    {
        /// <summary>Creates the context.</summary>
        /// <param name="options">Npgsql options.</param>
        public NpgsqlApprovalsDbContext(DbContextOptions<NpgsqlApprovalsDbContext> options)
            : base(options)
        {
        }
    }
}
