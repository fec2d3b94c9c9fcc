using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Presence
{
    /// <summary>Maps the review dashboard.</summary>
    public static class PresenceReviewEndpointRouteBuilderExtensions
    {
        /// <summary>
        /// Maps the review dashboard under <paramref name="prefix"/>: the queue of pending posts, each post's page
        /// with approve / reject / request changes, the publishing hold, and the history with its export. Server-rendered
        /// HTML, no script.
        /// </summary>
        /// <param name="endpoints">The app.</param>
        /// <param name="prefix">Where to serve it, e.g. <c>"/review"</c>.</param>
        /// <returns>
        /// The dashboard's endpoints, to chain conventions: <c>.RequireAuthorization("Reviewers")</c> is required (the
        /// app does not start without an authorization policy on the dashboard, see
        /// <see cref="PresenceReviewOptions.AllowAnonymousAccessInDevelopment"/>).
        /// </returns>
        /// <exception cref="InvalidOperationException"><c>services.AddPresenceReview()</c> was not called.</exception>
        public static IEndpointConventionBuilder MapPresenceReview(this IEndpointRouteBuilder endpoints, string prefix = "/review")
        {
            if (endpoints is null)
            {
                throw new ArgumentNullException(nameof(endpoints));
            }

            var mappings = endpoints.ServiceProvider.GetService<ReviewMappings>()
                ?? throw new InvalidOperationException("Call services.AddPresenceReview() before app.MapPresenceReview(...).");
            var path = NormalizePrefix(prefix);
            var group = endpoints.MapGroup(path);
            var mapping = mappings.Add(path, endpoints);
            group.WithMetadata(mapping);
            group.ExcludeFromDescription();
            ReviewEndpoints.Map(group, mapping);
            return group;
        }

        private static PathString NormalizePrefix(string prefix)
        {
            if (string.IsNullOrWhiteSpace(prefix) || !prefix.StartsWith("/", StringComparison.Ordinal) || prefix.IndexOfAny(new[] { '{', '}', '?', '#', '*' }) >= 0)
            {
                throw new ArgumentException("The dashboard's prefix is a path such as \"/review\" (starting with '/', without route parameters).", nameof(prefix));
            }

            return new PathString(prefix.Length > 1 ? prefix.TrimEnd('/') : prefix);
        }
    }
}
