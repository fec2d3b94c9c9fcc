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
        public PathString Prefix { get; } = prefix;

        public IEndpointRouteBuilder Endpoints { get; } = endpoints;

        public IEnumerable<Endpoint> MappedEndpoints
            => Endpoints.DataSources.SelectMany(source => source.Endpoints).Where(e => ReferenceEquals(e.Metadata.GetMetadata<ReviewMapping>(), this));
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
                foreach (var endpoint in mapping.MappedEndpoints)
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
