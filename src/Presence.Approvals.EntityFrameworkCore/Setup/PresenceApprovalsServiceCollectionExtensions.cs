using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Presence.Approvals.EntityFrameworkCore;

namespace Presence
{
    /// <summary>The one-call setup of approvals.</summary>
    public static class PresenceApprovalsServiceCollectionExtensions
    {
        /// <summary>
        /// Registers the approval ledger with its store, publishing hold, audit trail, clock and telemetry:
        /// <c>services.AddPresenceApprovals(o =&gt; o.UseSqlite("Data Source=approvals.db"))</c>. Then
        /// <c>GetRequiredService&lt;ApprovalLedger&gt;()</c> works in a console app, and a host checks the database when
        /// it starts.
        /// </summary>
        /// <param name="services">The app's services.</param>
        /// <param name="configure">Chooses the store (required) and the policy.</param>
        /// <returns>The same services.</returns>
        /// <remarks>
        /// Registers, as singletons: <see cref="ApprovalLedger"/>, <see cref="IApprovalStore"/>, <see cref="IPublishingHold"/>,
        /// <see cref="IApprovalAuditSink"/> and <see cref="IApprovalAuditReader"/>, <see cref="ApprovalTelemetry"/>, and
        /// <see cref="TimeProvider.System"/> unless a <see cref="TimeProvider"/> is registered. An
        /// <see cref="IApprovalNotifier"/> registered by the app is used to tell authors about decisions.
        /// </remarks>
        /// <exception cref="InvalidOperationException">No store was chosen, or two were.</exception>
        public static IServiceCollection AddPresenceApprovals(this IServiceCollection services, Action<PresenceApprovalsOptions> configure)
        {
            if (services is null)
            {
                throw new ArgumentNullException(nameof(services));
            }

            if (configure is null)
            {
                throw new ArgumentNullException(nameof(configure));
            }

            var options = new PresenceApprovalsOptions();
            configure(options);
            var choose = options.Store ?? throw new InvalidOperationException(
                "AddPresenceApprovals needs a store: o.UseSqlite(\"Data Source=approvals.db\") on one machine, o.UseNpgsql(...) for several instances, "
                + "o.UseDbContext<YourContext>() for your own database, or o.UseInMemory() in tests.");

            services.TryAddSingleton(TimeProvider.System);
            services.TryAddSingleton<ApprovalTelemetry>();
            services.AddSingleton(options);
            services.AddSingleton(provider => choose(provider));
            services.AddSingleton(provider => provider.GetRequiredService<PresenceApprovalsOptions.StoreChoice>().Source
                ?? throw new InvalidOperationException("Approvals are kept in memory: there is no approval database."));
            services.AddSingleton(provider => new ApprovalSchema(provider.GetRequiredService<ApprovalsContextSource>(), provider.GetRequiredService<PresenceApprovalsOptions.StoreChoice>().Mode));
            services.AddSingleton<IApprovalStore>(provider => IsDurable(provider)
                ? new EntityFrameworkApprovalStore(
                    provider.GetRequiredService<ApprovalsContextSource>(),
                    provider.GetRequiredService<ApprovalSchema>(),
                    provider.GetService<ILogger<EntityFrameworkApprovalStore>>())
                : new InMemoryApprovalStore());
            services.AddSingleton(provider => new TelemetryAuditSink(IsDurable(provider)
                ? new EntityFrameworkApprovalAuditSink(provider.GetRequiredService<ApprovalsContextSource>(), provider.GetRequiredService<ApprovalSchema>())
                : new InMemoryApprovalAuditSink()));
            services.AddSingleton<IApprovalAuditSink>(provider => provider.GetRequiredService<TelemetryAuditSink>());
            services.AddSingleton<IApprovalAuditReader>(provider => provider.GetRequiredService<TelemetryAuditSink>());
            services.AddSingleton<IPublishingHold>(provider =>
            {
                var clock = Clock(provider);
                var audit = provider.GetRequiredService<IApprovalAuditSink>();
                return IsDurable(provider)
                    ? new EntityFrameworkPublishingHold(provider.GetRequiredService<ApprovalsContextSource>(), provider.GetRequiredService<ApprovalSchema>(), audit, clock)
                    : new PublishingHold(audit, clock);
            });
            services.AddSingleton(provider => new ApprovalLedger(
                provider.GetRequiredService<IApprovalStore>(),
                provider.GetRequiredService<IPublishingHold>(),
                new ApprovalLedgerOptions
                {
                    Policy = options.Policy,
                    Audit = provider.GetRequiredService<IApprovalAuditSink>(),
                    Clock = Clock(provider),
                    Notifier = provider.GetService<IApprovalNotifier>(),
                    ContentFormatter = options.ContentFormatter ?? JsonApprovalContentFormatter.Instance,
                    Instrumentation = provider.GetRequiredService<ApprovalTelemetry>(),
                }));
            services.AddHostedService<PresenceApprovalsHostedService>();
            return services;
        }

        /// <summary>
        /// Applies the package's migrations to the approval database now: for a deployment step, before the instances
        /// that share a PostgreSQL ledger start (they only verify).
        /// </summary>
        /// <param name="services">The app's built services.</param>
        /// <param name="cancellationToken">Cancels the migration.</param>
        /// <returns>A task that completes when the schema is current.</returns>
        /// <exception cref="InvalidOperationException">Approvals are kept in memory, or in tables the app's own migrations own.</exception>
        public static async Task MigratePresenceApprovalsAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
        {
            if (services is null)
            {
                throw new ArgumentNullException(nameof(services));
            }

            var choice = services.GetRequiredService<PresenceApprovalsOptions.StoreChoice>();
            if (choice.Source is null || choice.Mode == ApprovalSchemaMode.External)
            {
                throw new InvalidOperationException("These approvals have no package migrations to apply: they are kept in memory, or in tables your own migrations create.");
            }

            using var lease = choice.Source.Open();
            await lease.Context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        private static bool IsDurable(IServiceProvider provider) => provider.GetRequiredService<PresenceApprovalsOptions.StoreChoice>().Source is not null;

        private static Func<DateTimeOffset> Clock(IServiceProvider provider)
        {
            var time = provider.GetRequiredService<TimeProvider>();
            return time.GetUtcNow;
        }
    }

    /// <summary>Checks the approval database when a host starts, then keeps it tidy (expiry, content retention).</summary>
    internal sealed class PresenceApprovalsHostedService : IHostedService, IDisposable
    {
        private readonly IServiceProvider _services;
        private readonly PresenceApprovalsOptions _options;
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private Task? _maintenance;

        public PresenceApprovalsHostedService(IServiceProvider services, PresenceApprovalsOptions options)
        {
            _services = services;
            _options = options;
        }

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            var choice = _services.GetRequiredService<PresenceApprovalsOptions.StoreChoice>();
            if (choice.Source is not null && _options.ValidateOnStartup)
            {
                // Fails the host's start with the schema's message: an unreachable database or a schema too old.
                await _services.GetRequiredService<ApprovalSchema>().EnsureAsync(cancellationToken).ConfigureAwait(false);
            }

            if (_options.MaintenanceInterval > TimeSpan.Zero)
            {
                _maintenance = MaintainAsync(_services.GetRequiredService<ApprovalLedger>(), _services.GetRequiredService<TimeProvider>(), _stopping.Token);
            }
        }

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            _stopping.Cancel();
            if (_maintenance is not null)
            {
                await Task.WhenAny(_maintenance, Task.Delay(Timeout.Infinite, cancellationToken)).ConfigureAwait(false);
            }
        }

        public void Dispose() => _stopping.Dispose();

        private async Task MaintainAsync(ApprovalLedger ledger, TimeProvider time, CancellationToken stopping)
        {
            while (!stopping.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(_options.MaintenanceInterval, time, stopping).ConfigureAwait(false);
                    await ledger.ExpireStaleAsync(stopping).ConfigureAwait(false);
                    await ledger.PurgeContentAsync(stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception)
                {
                    // The database may be briefly away; the next round tries again, and redeems never depend on this.
                }
            }
        }
    }
}
