using System;
using System.Data.Common;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Presence.Approvals.EntityFrameworkCore
{
    /// <summary>What to do about the approval tables before first use.</summary>
    public enum ApprovalSchemaMode
    {
        /// <summary>Apply the package's migrations (the SQLite default; opt-in for PostgreSQL with <c>MigrateOnStartup</c>).</summary>
        Migrate = 0,

        /// <summary>Check that the database is reachable and every migration is applied; fail with what to run otherwise (the PostgreSQL default).</summary>
        Verify = 1,

        /// <summary>The app owns the tables (its own context and migrations, or another provider): only check the database is reachable.</summary>
        External = 2,
    }

    /// <summary>
    /// Makes sure the approval tables exist and are current before the first operation, once per process: migrates,
    /// verifies, or trusts the app, and fails with a message that says what to do.
    /// </summary>
    public sealed class ApprovalSchema
    {
        private readonly ApprovalsContextSource _contexts;
        private readonly SemaphoreSlim _once = new SemaphoreSlim(1, 1);
        private volatile bool _ready;

        /// <summary>Creates the check.</summary>
        /// <param name="contexts">Where contexts come from.</param>
        /// <param name="mode">What to do about the tables.</param>
        public ApprovalSchema(ApprovalsContextSource contexts, ApprovalSchemaMode mode)
        {
            _contexts = contexts ?? throw new ArgumentNullException(nameof(contexts));
            Mode = mode;
        }

        /// <summary>What this check does.</summary>
        public ApprovalSchemaMode Mode { get; }

        /// <summary>Migrates or verifies now, if not done yet in this process.</summary>
        /// <param name="cancellationToken">Cancels the check.</param>
        /// <returns>A task that completes when the tables are ready.</returns>
        /// <exception cref="InvalidOperationException">The database cannot be reached, or its tables are too old (or too new) for this version.</exception>
        public async Task EnsureAsync(CancellationToken cancellationToken = default)
        {
            if (_ready)
            {
                return;
            }

            await _once.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (!_ready)
                {
                    using var lease = _contexts.Open();
                    await RunAsync(lease.Context, cancellationToken).ConfigureAwait(false);
                    _ready = true;
                }
            }
            finally
            {
                _once.Release();
            }
        }

        /// <summary>Migrates or verifies now, synchronously (for the synchronous audit write and gate check), if not done yet.</summary>
        public void Ensure()
        {
            if (_ready)
            {
                return;
            }

            // Only ever blocks on the first call in a process, before anything else has touched the tables.
            EnsureAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        private async Task RunAsync(DbContext context, CancellationToken cancellationToken)
        {
            var database = context.Database;
            try
            {
                if (Mode == ApprovalSchemaMode.Migrate)
                {
                    await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
                    if (database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
                    {
                        // Readers do not wait for the writer, and the file survives a crash mid-write; set once, kept in the file.
                        await database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
                    }

                    return;
                }

                if (Mode == ApprovalSchemaMode.External)
                {
                    if (!await database.CanConnectAsync(cancellationToken).ConfigureAwait(false))
                    {
                        throw Unreachable(null);
                    }
                }
                else
                {
                    // Reading the migration history connects (an unreachable server throws here) and reports an
                    // empty database as missing every migration.
                    var pending = (await database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
                    if (pending.Count > 0)
                    {
                        throw new InvalidOperationException(
                            $"The approval tables in {_contexts.Description} are missing or older than this version of Presence.Approvals.EntityFrameworkCore "
                            + $"(migrations not applied: {string.Join(", ", pending)}). Apply them before starting: run the package's tools/sql script for your "
                            + "database, call services.MigratePresenceApprovalsAsync() once from a deployment step, or set o.MigrateOnStartup = true.");
                    }

                    var known = database.GetMigrations().ToHashSet(StringComparer.Ordinal);
                    var unknown = (await database.GetAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false)).Where(m => !known.Contains(m)).ToList();
                    if (unknown.Count > 0)
                    {
                        throw new InvalidOperationException(
                            $"The approval tables in {_contexts.Description} were migrated by a newer version of Presence.Approvals.EntityFrameworkCore "
                            + $"({string.Join(", ", unknown)}); update the package in this app rather than run an older one against them.");
                    }
                }
            }
            catch (Exception e) when (e is DbException || (e is InvalidOperationException && !e.Message.Contains("approval tables", StringComparison.Ordinal)))
            {
                throw Unreachable(e);
            }
        }

        private InvalidOperationException Unreachable(Exception? inner)
            => new InvalidOperationException(
                $"Cannot use the approval database ({_contexts.Description}): {inner?.Message ?? "it cannot be reached"}. "
                + "Approvals, the publishing hold and the audit trail live there, so nothing is published until it is reachable.", inner);
    }
}
