using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Tests.Verifiers;
using RubberStamp = Presence.Analyzers.Tests.Verifiers.AnalyzerVerifier<Presence.Analyzers.Rules.RubberStampConfirmationAnalyzer>;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// A filter verifies an approval link only when it stops the requests whose check fails. One that stops the requests
/// whose check holds (a link already used, <c>if (await links.IsUsedAsync(token)) return Results.Conflict();</c>) and lets
/// the others through leaves the link reported (PRES005); a check named for its failure
/// (<c>if (signer.IsInvalid(path, sig)) return Results.Unauthorized();</c>) stops the right ones.
/// </summary>
public class ApprovalLinkCheckThatStopsTheWrongRequestsTests
{
    private const string Usings = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Presence;

        public interface ILinks
        {
            Task<bool> IsUsedAsync(string token);
            bool IsValid(string path, string sig);
            bool IsInvalid(string path, string sig);
        }

        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => ApprovalFromAnonymousRequestTests.VerifyEndpointsAsync(Usings + source, expected);

    private static DiagnosticResult FromRequest(int location, string endpoint)
        => ApprovalFromAnonymousRequestTests.FromRequest(location, "'reviewer'", endpoint);

    [Fact]
    public Task A_filter_that_stops_only_requests_whose_check_holds_leaves_the_link_reported()
        => VerifyAsync("""
            public sealed class ReplayFilter(ILinks links) : IEndpointFilter
            {
                public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
                {
                    var token = context.HttpContext.Request.Query["token"].ToString();
                    if (await links.IsUsedAsync(token))
                    {
                        return Results.Conflict("This link was already used.");
                    }

                    return await next(context);
                }
            }

            public sealed class BackwardsFilter(ILinks links) : IEndpointFilter
            {
                public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
                    => links.IsValid(context.HttpContext.Request.Path, context.HttpContext.Request.Query["sig"].ToString()) ? Results.Ok() : await next(context);
            }

            public static class ApprovalLinks
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/once/{id}", async (string id, string reviewer, ApprovalLedger ledger) =>
                        await {|#0:ledger.DecideAsync(id, reviewer, true)|}).AllowAnonymous().AddEndpointFilter<ReplayFilter>();
                    app.MapGet("/back/{id}", async (string id, string reviewer, ApprovalLedger ledger) =>
                        await {|#1:ledger.DecideAsync(id, reviewer, true)|}).AllowAnonymous().AddEndpointFilter<BackwardsFilter>();
                }
            }
            """,
            FromRequest(0, "anonymous GET /once/{id}"),
            FromRequest(1, "anonymous GET /back/{id}"));

    [Fact]
    public Task A_filter_that_stops_requests_whose_check_fails_is_clean()
        => VerifyAsync("""
            public sealed class InvalidFilter(ILinks links) : IEndpointFilter
            {
                public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
                {
                    if (links.IsInvalid(context.HttpContext.Request.Path, context.HttpContext.Request.Query["sig"].ToString()))
                    {
                        return Results.Unauthorized();
                    }

                    return await next(context);
                }
            }

            public sealed class NegatedFilter(ILinks links) : IEndpointFilter
            {
                public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
                {
                    var valid = links.IsValid(context.HttpContext.Request.Path, context.HttpContext.Request.Query["sig"].ToString());
                    if (valid == false) return Results.Unauthorized();
                    if (!(await links.IsUsedAsync(context.HttpContext.Request.Query["token"].ToString()) is false)) return Results.Conflict();
                    return await next(context);
                }
            }

            public static class ApprovalLinks
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/invalid/{id}", async (string id, string reviewer, ApprovalLedger ledger) =>
                        await ledger.DecideAsync(id, reviewer, true)).AllowAnonymous().AddEndpointFilter<InvalidFilter>();
                    app.MapGet("/negated/{id}", async (string id, string reviewer, ApprovalLedger ledger) =>
                        await ledger.DecideAsync(id, reviewer, true)).AllowAnonymous().AddEndpointFilter<NegatedFilter>();
                }
            }
            """);
}
