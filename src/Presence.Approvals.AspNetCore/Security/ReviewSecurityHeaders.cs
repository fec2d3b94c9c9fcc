using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Presence
{
    /// <summary>
    /// The response headers of the review pages: no script at all, no framing, no sniffing, no caching of what
    /// reviewers see. The dashboard sets them on every response under its prefix, refusals (401, 403, 302 to sign-in,
    /// 404) and errors included; <see cref="UsePresenceSecurityHeaders"/> sets them on an app's own pages (a sign-in page).
    /// </summary>
    public static class ReviewSecurityHeaders
    {
        /// <summary>
        /// The content security policy: resources from the site itself only, no script of any kind (inline or not),
        /// forms posting only to the site, never framed.
        /// </summary>
        public const string ContentSecurityPolicy =
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

        /// <summary>Sets the headers on a response (overwriting weaker values set earlier).</summary>
        /// <param name="response">The response, before it starts.</param>
        public static void Apply(HttpResponse response)
        {
            if (response is null)
            {
                throw new ArgumentNullException(nameof(response));
            }

            var headers = response.Headers;
            headers["Content-Security-Policy"] = ContentSecurityPolicy;
            headers["X-Content-Type-Options"] = "nosniff";
            headers["X-Frame-Options"] = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cache-Control"] = "no-store";
        }

        /// <summary>
        /// Sets the review pages' security headers on every response of the app from here on in the pipeline (place
        /// it first). Use it for the pages that lead to the dashboard, such as the sign-in page.
        /// </summary>
        /// <param name="app">The application.</param>
        /// <returns>The application.</returns>
        public static IApplicationBuilder UsePresenceSecurityHeaders(this IApplicationBuilder app)
            => (app ?? throw new ArgumentNullException(nameof(app))).Use(next => Middleware(next, _ => true));

        /// <summary>
        /// The middleware: sets the headers when the response starts, for the requests <paramref name="applies"/>
        /// selects. An exception nothing later in the pipeline handled becomes a 500 with the headers here: the server
        /// would otherwise answer it with a bare 500 without them (it skips the response's starting callbacks then).
        /// </summary>
        internal static RequestDelegate Middleware(RequestDelegate next, Func<HttpContext, bool> applies)
            => async context =>
            {
                if (!applies(context))
                {
                    await next(context).ConfigureAwait(false);
                    return;
                }

                context.Response.OnStarting(static state =>
                {
                    Apply((HttpResponse)state);
                    return Task.CompletedTask;
                }, context.Response);
                try
                {
                    await next(context).ConfigureAwait(false);
                }
                catch (Exception e) when (!context.Response.HasStarted && !(e is OperationCanceledException && context.RequestAborted.IsCancellationRequested))
                {
                    context.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger(typeof(ReviewSecurityHeaders).FullName!)
                        .LogError(e, "Unhandled exception answering {Method} {Path}; answered 500.", context.Request.Method, context.Request.Path);
                    context.Response.Clear();
                    context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                    context.Response.ContentType = "text/plain; charset=utf-8";
                    await context.Response.WriteAsync("Something went wrong on the server; it is logged. Try again later.", context.RequestAborted).ConfigureAwait(false);
                }
            };

        internal static bool IsUnder(HttpContext context, IEnumerable<PathString> prefixes)
        {
            foreach (var prefix in prefixes)
            {
                if (context.Request.Path.StartsWithSegments(prefix))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
