using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Presence
{
    /// <summary>Every prefix the dashboard is mapped at, so the headers middleware and the start-up check know them.</summary>
    internal sealed class ReviewMappings
    {
        private readonly List<ReviewMapping> _mappings = new List<ReviewMapping>();
        private readonly object _gate = new object();

        public IReadOnlyList<ReviewMapping> All
        {
            get
            {
                lock (_gate)
                {
                    return _mappings.ToArray();
                }
            }
        }

        public ReviewMapping Add(PathString prefix, IEndpointRouteBuilder endpoints)
        {
            var mapping = new ReviewMapping(prefix, endpoints);
            lock (_gate)
            {
                _mappings.Add(mapping);
            }

            return mapping;
        }
    }

    /// <summary>One MapPresenceReview call; endpoint metadata that marks its endpoints.</summary>
    internal sealed class ReviewMapping(PathString prefix, IEndpointRouteBuilder endpoints)
    {
        /// <summary>
        /// Where the pages are served: the prefix given, or, once the app starts, the full path when the dashboard
        /// was mapped inside a route group (<c>app.MapGroup("/admin").MapPresenceReview("/review")</c>).
        /// </summary>
        public PathString Prefix { get; private set; } = prefix;

        /// <summary>Reads the full prefix back from the built endpoints (see <see cref="ReviewSuffix"/>).</summary>
        public void ResolvePrefix(IServiceProvider services)
        {
            foreach (var endpoint in MappedEndpoints(services).OfType<RouteEndpoint>())
            {
                var suffix = endpoint.Metadata.GetMetadata<ReviewSuffix>()?.Value;
                var raw = endpoint.RoutePattern.RawText;
                if (suffix is null || raw is null || !raw.EndsWith(suffix, StringComparison.Ordinal))
                {
                    continue;
                }

                var full = "/" + raw.Substring(0, raw.Length - suffix.Length).Trim('/');
                if (full.IndexOf('{') >= 0)
                {
                    throw new InvalidOperationException(
                        $"The review dashboard is mapped under a route with parameters ('{raw}'). Map it at a fixed path, so that its security headers can cover every response under it.");
                }

                Prefix = new PathString(full);
                return;
            }
        }

        public IEndpointRouteBuilder Endpoints { get; } = endpoints;

        /// <summary>
        /// This mapping's endpoints as the app serves them, with every convention applied (the group's data source seen
        /// from inside a nested group lacks the outer groups' prefixes and policies).
        /// </summary>
        public IEnumerable<Endpoint> MappedEndpoints(IServiceProvider services)
        {
            var all = services.GetService<EndpointDataSource>()?.Endpoints ?? Array.Empty<Endpoint>();
            var mine = all.Where(e => ReferenceEquals(e.Metadata.GetMetadata<ReviewMapping>(), this)).ToList();
            return mine.Count > 0 ? mine : Endpoints.DataSources.SelectMany(source => source.Endpoints).Where(e => ReferenceEquals(e.Metadata.GetMetadata<ReviewMapping>(), this));
        }
    }

    /// <summary>The path an endpoint was mapped at inside the dashboard's group, to read the group's full prefix back.</summary>
    internal sealed class ReviewSuffix(string value)
    {
        public string Value { get; } = value;
    }

    /// <summary>
    /// Puts the security headers first in the pipeline for every mapped prefix, and refuses to start an app whose
    /// dashboard would be served to anonymous visitors.
    /// </summary>
    internal sealed class ReviewStartupFilter(ReviewMappings mappings) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next)
            => app =>
            {
                app.Use(inner => ReviewSecurityHeaders.Middleware(inner, context => ReviewSecurityHeaders.IsUnder(context, mappings.All.Select(m => m.Prefix))));
                next(app);
                Validate(app.ApplicationServices);
            };

        private void Validate(IServiceProvider services)
        {
            var options = services.GetRequiredService<IOptions<PresenceReviewOptions>>().Value;
            var environment = services.GetService<IHostEnvironment>();
            var development = environment?.IsDevelopment() == true;
            if (options.AllowAnonymousAccessInDevelopment && !development)
            {
                throw new InvalidOperationException(
                    $"The review dashboard allows anonymous access, which is for the Development environment only, and this is '{environment?.EnvironmentName ?? "unknown"}'. "
                    + "Remove AllowAnonymousAccessInDevelopment and map it with .RequireAuthorization(\"YourReviewersPolicy\").");
            }

            foreach (var mapping in mappings.All)
            {
                mapping.ResolvePrefix(services);
                var endpoints = mapping.MappedEndpoints(services).ToList();
                if (endpoints.Count == 0)
                {
                    throw new InvalidOperationException($"The review dashboard mapped at '{mapping.Prefix}' has no endpoints in the app: map it on the app's route builder.");
                }

                foreach (var endpoint in endpoints)
                {
                    var authorized = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0
                        || endpoint.Metadata.GetMetadata<AuthorizationPolicy>() is not null;
                    var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
                    if ((!authorized || anonymous) && !options.AllowAnonymousAccessInDevelopment)
                    {
                        throw new InvalidOperationException(
                            $"The review dashboard at '{mapping.Prefix}' {(anonymous ? "allows anonymous access" : "has no authorization policy")} "
                            + $"({endpoint.DisplayName}). Reviewers decide what is published in your name: map it with "
                            + $"app.MapPresenceReview(\"{mapping.Prefix}\").RequireAuthorization(\"YourReviewersPolicy\"). "
                            + "For a local demo without sign-in, set AllowAnonymousAccessInDevelopment in AddPresenceReview (Development environment only).");
                    }
                }
            }
        }
    }
}
