using System;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Presence.Approvals.EntityFrameworkCore;

namespace Presence
{
    /// <summary>
    /// How <see cref="PresenceApprovalsServiceCollectionExtensions.AddPresenceApprovals"/> stores approvals: pick one
    /// of <see cref="UseSqlite"/>, <see cref="UseNpgsql"/>, <see cref="UseDbContext{TContext}"/>, <see cref="UseDatabase"/>
    /// or <see cref="UseInMemory"/>, and optionally the policy, notifier and retention.
    /// </summary>
    public sealed class PresenceApprovalsOptions
    {
        internal Func<IServiceProvider, StoreChoice>? Store { get; private set; }

        internal string? StoreName { get; private set; }

        /// <summary>The approval rules; <see cref="ApprovalPolicy.Default"/> unless set (the content retention is part of it).</summary>
        public ApprovalPolicy Policy { get; set; } = ApprovalPolicy.Default;

        /// <summary>
        /// Whether to apply the package's migrations when the app starts (or at first use without a host). Default: on
        /// for SQLite, off for PostgreSQL (several instances share the database: apply migrations once, from a
        /// deployment step, and let instances only verify).
        /// </summary>
        public bool? MigrateOnStartup { get; set; }

        /// <summary>
        /// Whether a host checks the database when it starts (reachable, schema current) and fails start-up with a
        /// clear message otherwise, rather than at the first post. Default on.
        /// </summary>
        public bool ValidateOnStartup { get; set; } = true;

        /// <summary>How often the host drops content past its retention and expires stale requests; default daily, <see cref="TimeSpan.Zero"/> for never.</summary>
        public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromDays(1);

        /// <summary>
        /// Turns content into what reviewers read; default: strings as text, other content as JSON of its public
        /// properties (<see cref="JsonApprovalContentFormatter"/>).
        /// </summary>
        public IApprovalContentFormatter? ContentFormatter { get; set; }

        /// <summary>Keeps approvals in an SQLite file (the embedded default: zero set-up, one machine). The schema is created or migrated at first use.</summary>
        /// <param name="connectionString">For example <c>Data Source=approvals.db</c>.</param>
        /// <returns>These options.</returns>
        public PresenceApprovalsOptions UseSqlite(string connectionString)
        {
            Require(connectionString, nameof(connectionString));
            return Choose("SQLite", _ =>
            {
                var options = new DbContextOptionsBuilder<SqliteApprovalsDbContext>()
                    .UseSqlite(connectionString, sql => sql.MigrationsHistoryTable(ApprovalsDbContext.MigrationsHistoryTable))
                    .Options;
                var source = ApprovalsContextSource.FromFactory(() => new SqliteApprovalsDbContext(options), "SQLite " + Describe(connectionString, "Data Source"));
                return new StoreChoice(source, MigrateOnStartup ?? true ? ApprovalSchemaMode.Migrate : ApprovalSchemaMode.Verify);
            });
        }

        /// <summary>
        /// Keeps approvals in PostgreSQL, shared by every instance (web app and workers). Instances verify the schema;
        /// apply migrations once with <c>MigratePresenceApprovalsAsync</c>, the package's SQL script, or <see cref="MigrateOnStartup"/>.
        /// </summary>
        /// <param name="connectionString">An Npgsql connection string.</param>
        /// <returns>These options.</returns>
        public PresenceApprovalsOptions UseNpgsql(string connectionString)
        {
            Require(connectionString, nameof(connectionString));
            return Choose("PostgreSQL", _ =>
            {
                var options = new DbContextOptionsBuilder<NpgsqlApprovalsDbContext>()
                    .UseNpgsql(connectionString, sql => sql.MigrationsHistoryTable(ApprovalsDbContext.MigrationsHistoryTable))
                    .Options;
                var source = ApprovalsContextSource.FromFactory(() => new NpgsqlApprovalsDbContext(options), "PostgreSQL " + Describe(connectionString, "Host") + "/" + Describe(connectionString, "Database"));
                return new StoreChoice(source, MigrateOnStartup ?? false ? ApprovalSchemaMode.Migrate : ApprovalSchemaMode.Verify);
            });
        }

        /// <summary>
        /// Keeps the approval tables in your own context, whose <c>OnModelCreating</c> calls
        /// <c>modelBuilder.ApplyPresenceApprovals()</c> and whose migrations create them. Register the context
        /// (<c>AddDbContext</c>) yourself.
        /// </summary>
        /// <typeparam name="TContext">Your context.</typeparam>
        /// <returns>These options.</returns>
        public PresenceApprovalsOptions UseDbContext<TContext>()
            where TContext : DbContext
            => Choose(typeof(TContext).Name, services => new StoreChoice(
                ApprovalsContextSource.FromServices<TContext>(services.GetRequiredService<IServiceScopeFactory>()),
                ApprovalSchemaMode.External));

        /// <summary>
        /// Keeps approvals in another database EF Core supports (SQL Server, say), configured by
        /// <paramref name="configure"/>. The package ships no migrations for it: create the tables from your own
        /// migrations (<c>ApplyPresenceApprovals</c>), or with <c>EnsureCreated</c> in a test.
        /// </summary>
        /// <param name="configure">Chooses the provider, e.g. <c>b =&gt; b.UseSqlServer(...)</c>.</param>
        /// <returns>These options.</returns>
        public PresenceApprovalsOptions UseDatabase(Action<DbContextOptionsBuilder> configure)
        {
            if (configure is null)
            {
                throw new ArgumentNullException(nameof(configure));
            }

            return Choose("database", _ =>
            {
                var builder = new DbContextOptionsBuilder<ApprovalsDbContext>();
                configure(builder);
                var options = builder.Options;
                return new StoreChoice(ApprovalsContextSource.FromFactory(() => new ApprovalsDbContext(options), "the configured database"), ApprovalSchemaMode.External);
            });
        }

        /// <summary>Keeps everything in process memory (tests, demos): lost when the process ends, not shared with other processes.</summary>
        /// <returns>These options.</returns>
        public PresenceApprovalsOptions UseInMemory() => Choose("in memory", _ => StoreChoice.InMemory);

        private PresenceApprovalsOptions Choose(string name, Func<IServiceProvider, StoreChoice> store)
        {
            if (Store is not null)
            {
                throw new InvalidOperationException($"AddPresenceApprovals already stores approvals {(StoreName == "in memory" ? "in memory" : "in " + StoreName)}; choose one store.");
            }

            StoreName = name;
            Store = store;
            return this;
        }

        private static void Require(string value, string parameter)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new ArgumentException("A connection string is required.", parameter);
            }
        }

        /// <summary>One part of a connection string for messages: never the password.</summary>
        private static string Describe(string connectionString, string key)
        {
            try
            {
                var builder = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
                return builder.TryGetValue(key, out var value) ? value?.ToString() ?? "?" : "?";
            }
            catch (ArgumentException)
            {
                return "?";
            }
        }

        internal sealed class StoreChoice
        {
            public static readonly StoreChoice InMemory = new StoreChoice(null, ApprovalSchemaMode.External);

            public StoreChoice(ApprovalsContextSource? source, ApprovalSchemaMode mode)
            {
                Source = source;
                Mode = mode;
            }

            public ApprovalsContextSource? Source { get; }

            public ApprovalSchemaMode Mode { get; }
        }
    }
}
