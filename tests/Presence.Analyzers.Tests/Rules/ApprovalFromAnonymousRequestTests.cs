using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Tests.Verifiers;
using RubberStamp = Presence.Analyzers.Tests.Verifiers.AnalyzerVerifier<Presence.Analyzers.Rules.RubberStampConfirmationAnalyzer>;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// PRES005 at a ledger approval an endpoint anyone may call records in the name the request gives ("approve by
/// e-mail link": <c>GET /approve/{id}?reviewer=bea</c>, <c>[AllowAnonymous]</c> actions): whoever holds or guesses the
/// link approves under any name. The same endpoint behind authorization with the reviewer from the signed-in user, a
/// reviewer read from a signed token (data protection), a platform's signed webhook, a rejection, and an endpoint that
/// only reads are quiet; so is an
/// endpoint that states nothing where a fallback policy authenticates every caller.
/// </summary>
public class ApprovalFromAnonymousRequestTests
{
    private const string Usings = """
        using System;
        using System.Security.Claims;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.DataProtection;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.DependencyInjection;
        using Presence;

        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => VerifyEndpointsAsync(Usings + source, expected);

    /// <summary>PRES005's analyzer on <paramref name="code"/> with ASP.NET Core referenced (the approval-link tests beside this one share it).</summary>
    internal static Task VerifyEndpointsAsync(string code, params DiagnosticResult[] expected)
    {
        var test = new RubberStamp.Test { TestCode = code };
        test.TestState.AdditionalReferences.AddRange(PathVerifier.AspNetCore);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    internal static DiagnosticResult FromRequest(int location, string reviewer, string endpoint)
        => RubberStamp.Diagnostic(PresenceDiagnostics.ApprovalRecordedFromRequest).WithLocation(location).WithArguments(reviewer, endpoint);

    [Fact]
    public Task An_anonymous_endpoint_approving_in_the_name_the_request_gives_is_reported()
        => VerifyAsync("""
            public sealed record Decision(string Reviewer, bool Approve);

            public static class ApprovalLinks
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/approve/{id}", async (string id, string reviewer, ApprovalLedger ledger) =>
                        await {|#0:ledger.DecideAsync(id, reviewer, true)|}).AllowAnonymous();

                    // Stated nowhere, and nothing authenticates by default: anyone may call it.
                    app.MapPost("/decide/{id}", async (string id, Decision decision, ApprovalLedger ledger, CancellationToken ct) =>
                    {
                        var result = await {|#1:ledger.DecideAsync(id, decision.Reviewer, decision.Approve, cancellationToken: ct)|};
                        return Results.Ok(result);
                    });

                    var links = app.MapGroup("/links").AllowAnonymous();
                    links.MapGet("/{id}/yes", async (string id, HttpRequest request, ApprovalLedger ledger) =>
                    {
                        var who = request.Query["reviewer"].ToString().Trim();
                        await {|#2:ledger.DecideAsync(id, reviewer: who, approve: true)|};
                    });
                }
            }

            [ApiController]
            [Route("approvals")]
            public sealed class ApprovalsController(ApprovalLedger ledger) : ControllerBase
            {
                [AllowAnonymous]
                [HttpGet("{id}/approve")]
                public async Task<IActionResult> Approve(string id, [FromQuery] string reviewer)
                {
                    await {|#3:ledger.DecideAsync(id, reviewer, approve: true)|};
                    return Ok();
                }
            }
            """,
            FromRequest(0, "'reviewer'", "anonymous GET /approve/{id}"),
            FromRequest(1, "'decision.Reviewer'", "anonymous POST /decide/{id}"),
            FromRequest(2, "'request.Query[\"reviewer\"]'", "anonymous GET /links/{id}/yes"),
            FromRequest(3, "'reviewer'", "anonymous GET /approvals/{id}/approve"));

    [Fact]
    public Task A_signed_in_reviewer_a_signed_token_a_rejection_or_a_status_read_is_clean()
        => VerifyAsync("""
            public sealed record Press(string RequestId, string UserName, bool Approve);

            public static class ApprovalLinks
            {
                public static void Map(WebApplication app)
                {
                    // Signed-in users only, the reviewer from the user.
                    app.MapGet("/approve/{id}", async (string id, ClaimsPrincipal user, ApprovalLedger ledger) =>
                        await ledger.DecideAsync(id, user.Identity!.Name!, true)).RequireAuthorization();

                    // A signed one-time token names the reviewer.
                    app.MapGet("/link/{token}", async (string token, IDataProtectionProvider provider, ApprovalLedger ledger) =>
                    {
                        var protector = provider.CreateProtector("approval-links").ToTimeLimitedDataProtector();
                        var parts = protector.Unprotect(token).Split('|');
                        var reviewer = parts[1];
                        await ledger.DecideAsync(parts[0], reviewer, true);
                    }).AllowAnonymous();

                    // Anyone may say no: a rejection approves nothing.
                    app.MapGet("/reject/{id}", async (string id, string reviewer, ApprovalLedger ledger) =>
                        await ledger.DecideAsync(id, reviewer, approve: false, reason: "rejected by link")).AllowAnonymous();

                    // Only reads the status.
                    app.MapGet("/status/{id}", async (string id, ApprovalLedger ledger) => await ledger.FindAsync(id)).AllowAnonymous();

                    // Signed-in callers only: which name one may decide under (an editor recording a phone decision) is the app's rule.
                    app.MapPost("/record/{id}", async (string id, string reviewer, ApprovalLedger ledger) =>
                        await ledger.DecideAsync(id, reviewer, true)).RequireAuthorization("editors");

                    MapLinks(app.MapGroup("/links").RequireAuthorization());

                    // A chat platform's signed button press: the platform vouches for the person who pressed.
                    app.MapPost("/slack/interactions", async (HttpRequest request, Press press, ApprovalLedger ledger) =>
                    {
                        if (request.Headers["X-Slack-Signature"].ToString().Length == 0) return Results.Unauthorized();
                        await ledger.DecideAsync(press.RequestId, press.UserName, press.Approve);
                        return Results.Ok();
                    }).AllowAnonymous();
                }

                // A group given from elsewhere: its conventions are the caller's.
                private static void MapLinks(Microsoft.AspNetCore.Routing.RouteGroupBuilder links)
                    => links.MapGet("/{id}/yes", async (string id, string reviewer, ApprovalLedger ledger) => await ledger.DecideAsync(id, reviewer, true));
            }

            [Authorize]
            [Route("approvals")]
            public sealed class ApprovalsController(ApprovalLedger ledger) : ControllerBase
            {
                [HttpPost("{id}/approve")]
                public async Task<IActionResult> Approve(string id)
                {
                    await ledger.DecideAsync(id, User.Identity!.Name!, approve: true);
                    return Ok();
                }
            }
            """);

    [Fact]
    public Task An_endpoint_that_states_nothing_under_a_fallback_policy_is_clean()
        => VerifyAsync("""
            public static class Program
            {
                public static void Main(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    builder.Services.AddAuthorization(options =>
                        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
                    var app = builder.Build();
                    // Every caller is signed in; which name a signed-in user may decide under is the app's rule.
                    app.MapGet("/approve/{id}", async (string id, string reviewer, ApprovalLedger ledger) =>
                        await ledger.DecideAsync(id, reviewer, true));
                    app.Run();
                }
            }
            """);
}
