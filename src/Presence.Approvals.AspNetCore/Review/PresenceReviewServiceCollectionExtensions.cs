using System;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Presence
{
    /// <summary>Registers the review dashboard and the editor's-click confirmation.</summary>
    public static class PresenceReviewServiceCollectionExtensions
    {
        /// <summary>
        /// Registers the review dashboard (map it with <c>app.MapPresenceReview("/review").RequireAuthorization(...)</c>):
        /// its options, antiforgery, data protection, authorization, and the security headers on every response under
        /// its prefix. The ledger itself comes from <c>services.AddPresenceApprovals(...)</c>.
        /// </summary>
        /// <param name="services">The app's services.</param>
        /// <param name="configure">Per-channel reviewers, who may hold publishing, how reviewers are named.</param>
        /// <returns>The services.</returns>
        public static IServiceCollection AddPresenceReview(this IServiceCollection services, Action<PresenceReviewOptions>? configure = null)
        {
            if (services is null)
            {
                throw new ArgumentNullException(nameof(services));
            }

            services.AddOptions<PresenceReviewOptions>();
            if (configure is not null)
            {
                services.Configure(configure);
            }

            services.AddPresenceEditorDecisions();
            services.AddAuthorization();
            services.TryAddSingleton<ReviewMappings>();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, ReviewStartupFilter>());
            return services;
        }

        /// <summary>
        /// Registers what <see cref="EditorDecision"/> needs: antiforgery, data protection, and its options.
        /// </summary>
        /// <param name="services">The app's services.</param>
        /// <param name="configure">Which sign-ins count as a person, how long a shown page stays good.</param>
        /// <returns>The services.</returns>
        public static IServiceCollection AddPresenceEditorDecisions(this IServiceCollection services, Action<EditorDecisionOptions>? configure = null)
        {
            if (services is null)
            {
                throw new ArgumentNullException(nameof(services));
            }

            services.AddOptions<EditorDecisionOptions>();
            if (configure is not null)
            {
                services.Configure(configure);
            }

            services.AddAntiforgery();
            services.AddDataProtection();
            services.TryAddSingleton(TimeProvider.System);
            return services;
        }
    }
}
