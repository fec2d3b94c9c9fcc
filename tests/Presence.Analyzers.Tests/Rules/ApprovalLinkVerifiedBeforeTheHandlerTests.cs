using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Tests.Verifiers;
using RubberStamp = Presence.Analyzers.Tests.Verifiers.AnalyzerVerifier<Presence.Analyzers.Rules.RubberStampConfirmationAnalyzer>;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// PRES005 at an anonymous approval link leaves alone a link whose request is verified before the handler runs: an
/// endpoint filter (a class, a generic <c>AddEndpointFilter&lt;T&gt;</c>, a lambda, on the endpoint or its group), an MVC
/// filter on the action or its controller (<c>[ServiceFilter]</c>, <c>[TypeFilter]</c>, a filter attribute), or
/// middleware for every request or for the link's path (<c>UseMiddleware</c>, <c>Use</c>, <c>UseWhen</c>) whose code checks
/// a signature or token (or unprotects one) and answers without calling the rest of the pipeline when the check fails.
/// A filter or middleware that only logs, checks that a token is present, or lets a failed check through, and
/// middleware for other paths, leave the link reported; an authorization policy of its own (RequireAuthorization("SignedLink"))
/// is authorization.
/// </summary>
public class ApprovalLinkVerifiedBeforeTheHandlerTests
{
    private const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.DataProtection;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.Filters;
        using Microsoft.Extensions.Logging;
        using Presence;

        public interface ILinkSigner
        {
            bool IsValid(string path, string signature);
            Task<bool> VerifyAsync(string token);
        }

        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => ApprovalFromAnonymousRequestTests.VerifyEndpointsAsync(Usings + source, expected);

    private static DiagnosticResult FromRequest(int location, string reviewer, string endpoint)
        => ApprovalFromAnonymousRequestTests.FromRequest(location, reviewer, endpoint);

    [Fact]
    public Task An_endpoint_filter_that_verifies_the_link_and_answers_on_failure_is_clean()
        => VerifyAsync("""
            public sealed class SignedLinkFilter(ILinkSigner signer) : IEndpointFilter
            {
                public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
                {
                    var sig = context.HttpContext.Request.Query["sig"].ToString();
                    if (!signer.IsValid(context.HttpContext.Request.Path, sig))
                    {
                        return Results.Unauthorized();
                    }

                    return await next(context);
                }
            }

            public sealed class ThrowingFilter(ILinkSigner signer) : IEndpointFilter
            {
                public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
                {
                    if (!await signer.VerifyAsync(context.HttpContext.Request.Query["token"].ToString()))
                    {
                        throw new UnauthorizedAccessException("The approval link is not signed.");
                    }

                    return await next(context);
                }
            }

            public sealed class TokenFilter(IDataProtectionProvider provider) : IEndpointFilter
            {
                public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
                {
                    try
                    {
                        provider.CreateProtector("links").Unprotect(context.HttpContext.Request.Query["t"].ToString());
                    }
                    catch (System.Security.Cryptography.CryptographicException)
                    {
                        return Results.Unauthorized();
                    }

                    return await next(context);
                }
            }

            // The check in a method of its own.
            public sealed class CheckedLinkFilter(ILinkSigner signer) : IEndpointFilter
            {
                public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
                    => IsSigned(context.HttpContext) ? await next(context) : Results.Unauthorized();

                private bool IsSigned(HttpContext http) => signer.IsValid(http.Request.Path, http.Request.Headers["X-Link-Signature"].ToString());
            }

            public static class ApprovalLinks
            {
                public static void Map(WebApplication app, ILinkSigner signer)
                {
                    app.MapGet("/checked/{id}", Approve).AllowAnonymous().AddEndpointFilter<CheckedLinkFilter>();
                    app.MapGet("/thrown/{id}", Approve).AllowAnonymous().AddEndpointFilter<ThrowingFilter>();

                    app.MapGet("/approve/{id}", async (string id, string reviewer, ApprovalLedger ledger) =>
                        await ledger.DecideAsync(id, reviewer, true)).AllowAnonymous().AddEndpointFilter<SignedLinkFilter>();

                    app.MapGet("/yes/{id}", async (string id, string reviewer, ApprovalLedger ledger) =>
                        await ledger.DecideAsync(id, reviewer, true)).AddEndpointFilter(async (context, next) =>
                        {
                            var token = context.HttpContext.Request.Query["token"].ToString();
                            return await signer.VerifyAsync(token) ? await next(context) : Results.Unauthorized();
                        });

                    var links = app.MapGroup("/links").AllowAnonymous();
                    links.AddEndpointFilter<TokenFilter>();
                    links.MapGet("/{id}/yes", async (string id, string reviewer, ApprovalLedger ledger) => await ledger.DecideAsync(id, reviewer, true));

                    var endpoint = app.MapGet("/ok/{id}", async (string id, string reviewer, ApprovalLedger ledger) => await ledger.DecideAsync(id, reviewer, true));
                    endpoint.AddEndpointFilter(new SignedLinkFilter(signer));

                    // An authorization policy of the app's own (one that checks the link, say) is authorization.
                    app.MapGet("/policy/{id}", async (string id, string reviewer, ApprovalLedger ledger) =>
                        await ledger.DecideAsync(id, reviewer, true)).RequireAuthorization("SignedLink");
                }

                private static async Task Approve(string id, string reviewer, ApprovalLedger ledger) => await ledger.DecideAsync(id, reviewer, true);
            }
            """);

    [Fact]
    public Task A_filter_that_only_logs_checks_presence_or_lets_a_failed_check_through_leaves_the_link_reported()
        => VerifyAsync("""
            public sealed class LoggingFilter(ILogger<LoggingFilter> logger) : IEndpointFilter
            {
                public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
                {
                    logger.LogInformation("Approval link {Token}", context.HttpContext.Request.Query["token"].ToString());
                    return await next(context);
                }
            }

            public sealed class LenientFilter(ILinkSigner signer, ILogger<LenientFilter> logger) : IEndpointFilter
            {
                public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
                {
                    var token = context.HttpContext.Request.Query["token"].ToString();
                    if (!await signer.VerifyAsync(token))
                    {
                        logger.LogWarning("Unsigned approval link");
                    }

                    return await next(context);
                }
            }

            // A forged token is only logged.
            public sealed class SwallowingFilter(IDataProtectionProvider provider, ILogger<SwallowingFilter> logger) : IEndpointFilter
            {
                public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
                {
                    try
                    {
                        provider.CreateProtector("links").Unprotect(context.HttpContext.Request.Query["token"].ToString());
                    }
                    catch (System.Security.Cryptography.CryptographicException exception)
                    {
                        logger.LogWarning(exception, "Bad approval link");
                    }

                    return await next(context);
                }
            }

            public static class ApprovalLinks
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/approve/{id}", async (string id, string reviewer, ApprovalLedger ledger) =>
                        await {|#0:ledger.DecideAsync(id, reviewer, true)|}).AllowAnonymous().AddEndpointFilter<LoggingFilter>();

                    app.MapGet("/swallowed/{id}", async (string id, string reviewer, ApprovalLedger ledger) =>
                        await {|#3:ledger.DecideAsync(id, reviewer, true)|}).AllowAnonymous().AddEndpointFilter<SwallowingFilter>();

                    app.MapGet("/lenient/{id}", async (string id, string reviewer, ApprovalLedger ledger) =>
                        await {|#1:ledger.DecideAsync(id, reviewer, true)|}).AllowAnonymous().AddEndpointFilter<LenientFilter>();

                    // Only checks that a token is there.
                    app.MapGet("/present/{id}", async (string id, string reviewer, ApprovalLedger ledger) =>
                        await {|#2:ledger.DecideAsync(id, reviewer, true)|}).AllowAnonymous().AddEndpointFilter(async (context, next) =>
                        {
                            var token = context.HttpContext.Request.Query["token"].ToString();
                            if (string.IsNullOrEmpty(token)) return Results.Unauthorized();
                            return await next(context);
                        });
                }
            }
            """,
            FromRequest(0, "'reviewer'", "anonymous GET /approve/{id}"),
            FromRequest(1, "'reviewer'", "anonymous GET /lenient/{id}"),
            FromRequest(2, "'reviewer'", "anonymous GET /present/{id}"),
            FromRequest(3, "'reviewer'", "anonymous GET /swallowed/{id}"));

    [Fact]
    public Task An_mvc_filter_that_verifies_the_link_is_clean_and_one_that_only_logs_is_not()
        => VerifyAsync("""
            public sealed class SignedLinkAttribute : Attribute, IAuthorizationFilter
            {
                public void OnAuthorization(AuthorizationFilterContext context)
                {
                    var signer = (ILinkSigner)context.HttpContext.RequestServices.GetService(typeof(ILinkSigner))!;
                    var signature = context.HttpContext.Request.Query["signature"].ToString();
                    if (!signer.IsValid(context.HttpContext.Request.Path, signature))
                    {
                        context.Result = new UnauthorizedResult();
                    }
                }
            }

            public sealed class SignedLinkActionFilter(ILinkSigner signer) : IAsyncActionFilter
            {
                public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
                {
                    if (!await signer.VerifyAsync(context.HttpContext.Request.Query["token"].ToString()))
                    {
                        context.Result = new UnauthorizedResult();
                        return;
                    }

                    await next();
                }
            }

            public sealed class AuditFilter(ILogger<AuditFilter> logger) : IAsyncActionFilter
            {
                public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
                {
                    logger.LogInformation("Approval link {Token}", context.HttpContext.Request.Query["token"].ToString());
                    await next();
                }
            }

            [AllowAnonymous]
            [Route("signed")]
            [SignedLink]
            public sealed class SignedController(ApprovalLedger ledger) : ControllerBase
            {
                [HttpGet("{id}/approve")]
                public async Task<IActionResult> Approve(string id, [FromQuery] string reviewer)
                {
                    await ledger.DecideAsync(id, reviewer, approve: true);
                    return Ok();
                }
            }

            [AllowAnonymous]
            [Route("links")]
            public sealed class LinksController(ApprovalLedger ledger) : ControllerBase
            {
                [HttpGet("{id}/approve")]
                [ServiceFilter(typeof(SignedLinkActionFilter))]
                public async Task<IActionResult> Approve(string id, [FromQuery] string reviewer)
                {
                    await ledger.DecideAsync(id, reviewer, approve: true);
                    return Ok();
                }

                [HttpGet("{id}/yes")]
                [TypeFilter(typeof(SignedLinkActionFilter))]
                public async Task<IActionResult> Yes(string id, [FromQuery] string reviewer)
                {
                    await ledger.DecideAsync(id, reviewer, approve: true);
                    return Ok();
                }

                [HttpGet("{id}/audited")]
                [ServiceFilter(typeof(AuditFilter))]
                public async Task<IActionResult> Audited(string id, [FromQuery] string reviewer)
                {
                    await {|#0:ledger.DecideAsync(id, reviewer, approve: true)|};
                    return Ok();
                }
            }
            """,
            FromRequest(0, "'reviewer'", "anonymous GET /links/{id}/audited"));

    [Fact]
    public Task Middleware_that_verifies_every_request_or_the_link_path_is_clean()
        => VerifyAsync("""
            public sealed class SignedLinkMiddleware(RequestDelegate next, ILinkSigner signer)
            {
                public async Task InvokeAsync(HttpContext context)
                {
                    if (!signer.IsValid(context.Request.Path, context.Request.Query["sig"].ToString()))
                    {
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        return;
                    }

                    await next(context);
                }
            }

            public static class Program
            {
                public static void Main(string[] args)
                {
                    var app = WebApplication.Create(args);
                    app.UseWhen(context => context.Request.Path.StartsWithSegments("/approve"), branch => branch.UseMiddleware<SignedLinkMiddleware>());
                    app.MapGet("/approve/{id}", async (string id, string reviewer, ApprovalLedger ledger) =>
                        await ledger.DecideAsync(id, reviewer, true)).AllowAnonymous();
                    app.Run();
                }
            }

            public static class Links
            {
                public static void Map(WebApplication app, ILinkSigner signer)
                {
                    app.Use(async (context, next) =>
                    {
                        if (context.Request.Path.StartsWithSegments("/links") && !await signer.VerifyAsync(context.Request.Query["token"].ToString()))
                        {
                            context.Response.StatusCode = 401;
                            return;
                        }

                        await next(context);
                    });
                    app.MapGet("/links/{id}/yes", async (string id, string reviewer, ApprovalLedger ledger) =>
                        await ledger.DecideAsync(id, reviewer, true)).AllowAnonymous();
                }
            }
            """);

    [Fact]
    public Task Middleware_for_other_paths_or_that_lets_a_failed_check_through_leaves_the_link_reported()
        => VerifyAsync("""
            public sealed class SignedLinkMiddleware(RequestDelegate next, ILinkSigner signer)
            {
                public async Task InvokeAsync(HttpContext context)
                {
                    if (!signer.IsValid(context.Request.Path, context.Request.Query["sig"].ToString()))
                    {
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        return;
                    }

                    await next(context);
                }
            }

            // A failed check is logged, and the request goes on.
            public sealed class LenientMiddleware(RequestDelegate next, ILinkSigner signer, ILogger<LenientMiddleware> logger)
            {
                public async Task InvokeAsync(HttpContext context)
                {
                    if (signer.IsValid(context.Request.Path, context.Request.Query["sig"].ToString()))
                    {
                        await next(context);
                        return;
                    }

                    logger.LogWarning("Unsigned request");
                    await next(context);
                }
            }

            public sealed class TimingMiddleware(RequestDelegate next, ILogger<TimingMiddleware> logger)
            {
                public async Task InvokeAsync(HttpContext context)
                {
                    var token = context.Request.Query["token"].ToString();
                    logger.LogInformation("Request with {Token}", token);
                    await next(context);
                }
            }

            public static class Program
            {
                public static void Main(string[] args)
                {
                    var app = WebApplication.Create(args);
                    app.UseWhen(context => context.Request.Path.StartsWithSegments("/admin"), branch => branch.UseMiddleware<SignedLinkMiddleware>());
                    // Which requests this picks is not written as a path.
                    app.UseWhen(context => context.Request.Query.ContainsKey("sig"), branch => branch.UseMiddleware<SignedLinkMiddleware>());
                    app.UseMiddleware<TimingMiddleware>();
                    app.UseMiddleware<LenientMiddleware>();
                    app.MapGet("/approve/{id}", async (string id, string reviewer, ApprovalLedger ledger) =>
                        await {|#0:ledger.DecideAsync(id, reviewer, true)|}).AllowAnonymous();
                    app.Run();
                }
            }
            """,
            FromRequest(0, "'reviewer'", "anonymous GET /approve/{id}"));

    [Fact]
    public Task Middleware_that_verifies_every_request_is_clean_for_every_link()
        => VerifyAsync("""
            public sealed class SignedRequestMiddleware(ILinkSigner signer) : IMiddleware
            {
                public async Task InvokeAsync(HttpContext context, RequestDelegate next)
                {
                    var signature = context.Request.Headers["X-Signature"].ToString();
                    if (signer.IsValid(context.Request.Path, signature))
                    {
                        await next(context);
                        return;
                    }

                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                }
            }

            public static class Program
            {
                public static void Main(string[] args)
                {
                    var app = WebApplication.Create(args);
                    app.UseMiddleware(typeof(SignedRequestMiddleware));
                    app.MapGet("/approve/{id}", async (string id, string reviewer, ApprovalLedger ledger) =>
                        await ledger.DecideAsync(id, reviewer, true)).AllowAnonymous();
                    app.Run();
                }
            }
            """);
}
