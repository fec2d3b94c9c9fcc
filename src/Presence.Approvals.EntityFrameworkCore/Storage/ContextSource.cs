using System;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Presence.Approvals.EntityFrameworkCore
{
    /// <summary>Where the stores get a short-lived context for each operation: the package's own, or the app's.</summary>
    public sealed class ApprovalsContextSource
    {
        private readonly Func<IServiceProvider?, DbContext> _create;
        private readonly IServiceScopeFactory? _scopes;

        private ApprovalsContextSource(Func<IServiceProvider?, DbContext> create, IServiceScopeFactory? scopes, string description)
        {
            _create = create;
            _scopes = scopes;
            Description = description;
        }

        /// <summary>What the database is, for messages (never the connection string: it may hold a password).</summary>
        public string Description { get; }

        /// <summary>A source creating the package's own context from options.</summary>
        /// <param name="create">Creates a context.</param>
        /// <param name="description">What the database is, for messages.</param>
        /// <returns>The source.</returns>
        public static ApprovalsContextSource FromFactory(Func<DbContext> create, string description)
            => new ApprovalsContextSource(_ => create(), null, description);

        /// <summary>A source resolving the app's context (which calls <c>ApplyPresenceApprovals</c>) from a new scope each time.</summary>
        /// <typeparam name="TContext">The app's context.</typeparam>
        /// <param name="scopes">The app's services.</param>
        /// <returns>The source.</returns>
        public static ApprovalsContextSource FromServices<TContext>(IServiceScopeFactory scopes)
            where TContext : DbContext
            => new ApprovalsContextSource(services => services!.GetRequiredService<TContext>(), scopes, typeof(TContext).Name);

        /// <summary>Opens a context for one operation; dispose the lease after it.</summary>
        /// <returns>The lease.</returns>
        public Lease Open()
        {
            var scope = _scopes?.CreateScope();
            try
            {
                return new Lease(_create(scope?.ServiceProvider), scope);
            }
            catch
            {
                scope?.Dispose();
                throw;
            }
        }

        /// <summary>A context for one operation.</summary>
        public readonly struct Lease : IDisposable
        {
            private readonly IServiceScope? _scope;

            internal Lease(DbContext context, IServiceScope? scope)
            {
                Context = context;
                _scope = scope;
            }

            /// <summary>The context.</summary>
            public DbContext Context { get; }

            /// <summary>The request rows.</summary>
            public DbSet<ApprovalRequestRow> Requests => Context.Set<ApprovalRequestRow>();

            /// <summary>The hold rows.</summary>
            public DbSet<HoldPeriodRow> Holds => Context.Set<HoldPeriodRow>();

            /// <summary>The audit rows.</summary>
            public DbSet<AuditEventRow> Audit => Context.Set<AuditEventRow>();

            /// <inheritdoc/>
            public void Dispose()
            {
                if (_scope is null)
                {
                    Context.Dispose();
                }
                else
                {
                    _scope.Dispose();
                }
            }
        }
    }
}
