using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Tests.Verifiers;
using RubberStamp = Presence.Analyzers.Tests.Verifiers.AnalyzerVerifier<Presence.Analyzers.Rules.RubberStampConfirmationAnalyzer>;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// PRES005 at an anonymous approval link leaves alone the link that is signed for its reviewer: the handler checks the
/// request's signature or token together with the reviewer it names (<c>if (!signer.IsValid(id, reviewer, sig)) return
/// Results.Unauthorized();</c>) before recording the decision, so only the person the link was sent to can use that name.
/// A token checked without the reviewer, or a reviewer only looked up, still leaves the name to whoever holds the link.
/// Pinned alongside: an [Authorize] controller whose other action allows anonymous callers, a group that requires
/// authorization through a local, an [Authorize] handler lambda, and a reviewer from the signed-in user through a helper.
/// </summary>
public class SignedApprovalLinkTests
{
    private const string Usings = """
        using System;
        using System.Security.Claims;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Presence;

        public interface ILinkSigner
        {
            bool IsValid(string requestId, string reviewer, string signature);
            Task<bool> RedeemAsync(string token, string reviewer);
            bool IsValidToken(string requestId, string token);
        }

        public interface IUsers
        {
            Task<string?> FindAsync(string name, CancellationToken cancellationToken = default);
            bool CanReview(string reviewer, string assignee);
        }

        public static class CurrentUser
        {
            public static string NameOf(HttpContext context) => context.User.Identity?.Name ?? throw new InvalidOperationException();
        }

        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new RubberStamp.Test { TestCode = Usings + source };
        test.TestState.AdditionalReferences.AddRange(PathVerifier.AspNetCore);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task A_link_signed_for_its_reviewer_is_clean()
        => VerifyAsync("""
            public static class ApprovalLinks
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/approve/{id}", async (string id, string reviewer, string sig, ILinkSigner signer, ApprovalLedger ledger) =>
                    {
                        if (!signer.IsValid(id, reviewer, sig)) return Results.Unauthorized();
                        await ledger.DecideAsync(id, reviewer, true);
                        return Results.Ok();
                    }).AllowAnonymous();

                    app.MapGet("/redeem/{id}", async (string id, HttpRequest request, ILinkSigner signer, ApprovalLedger ledger) =>
                    {
                        var who = request.Query["reviewer"].ToString();
                        if (!await signer.RedeemAsync(request.Query["token"].ToString(), who))
                        {
                            throw new UnauthorizedAccessException();
                        }

                        await ledger.DecideAsync(id, who, true);
                    }).AllowAnonymous();
                }
            }

            [Route("links")]
            public sealed class LinksController(ILinkSigner signer, ApprovalLedger ledger) : ControllerBase
            {
                [AllowAnonymous]
                [HttpGet("{id}/approve")]
                public async Task<IActionResult> Approve(string id, [FromQuery] string reviewer, [FromQuery] string token)
                {
                    if (!await signer.RedeemAsync(token, reviewer)) return Unauthorized();
                    await ledger.DecideAsync(id, reviewer, approve: true);
                    return Ok();
                }
            }
            """);

    [Fact]
    public Task A_token_checked_without_the_reviewer_or_a_reviewer_only_looked_up_is_reported()
        => VerifyAsync("""
            public static class ApprovalLinks
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/approve/{id}", async (string id, string reviewer, string token, ILinkSigner signer, ApprovalLedger ledger) =>
                    {
                        if (!signer.IsValidToken(id, token)) return Results.Unauthorized();
                        await {|#0:ledger.DecideAsync(id, reviewer, true)|};
                        return Results.Ok();
                    }).AllowAnonymous();

                    app.MapGet("/yes/{id}", async (string id, string reviewer, IUsers users, ApprovalLedger ledger) =>
                    {
                        if (await users.FindAsync(reviewer) is null) return Results.NotFound();
                        await {|#1:ledger.DecideAsync(id, reviewer, true)|};
                        return Results.Ok();
                    }).AllowAnonymous();

                    app.MapGet("/ok/{id}", async (string id, string reviewer, string assignee, IUsers users, ApprovalLedger ledger, CancellationToken cancellationToken) =>
                    {
                        if (await users.FindAsync(reviewer, cancellationToken) is null || !users.CanReview(reviewer, assignee)) return Results.NotFound();
                        await {|#2:ledger.DecideAsync(id, reviewer, true)|};
                        return Results.Ok();
                    }).AllowAnonymous();
                }
            }
            """,
            RubberStamp.Diagnostic(PresenceDiagnostics.ApprovalRecordedFromRequest).WithLocation(0).WithArguments("'reviewer'", "anonymous GET /approve/{id}"),
            RubberStamp.Diagnostic(PresenceDiagnostics.ApprovalRecordedFromRequest).WithLocation(1).WithArguments("'reviewer'", "anonymous GET /yes/{id}"),
            RubberStamp.Diagnostic(PresenceDiagnostics.ApprovalRecordedFromRequest).WithLocation(2).WithArguments("'reviewer'", "anonymous GET /ok/{id}"));

    [Fact]
    public Task Authorized_endpoints_next_to_anonymous_ones_are_clean()
        => VerifyAsync("""
            [Authorize]
            [Route("approvals")]
            public sealed class ApprovalsController(ApprovalLedger ledger) : Controller
            {
                [AllowAnonymous]
                [HttpGet("{id}/status")]
                public async Task<IActionResult> Status(string id) => Ok(await ledger.FindAsync(id));

                [HttpPost("{id}/approve")]
                public async Task<IActionResult> Approve(string id, [FromForm] string reviewer)
                {
                    await ledger.DecideAsync(id, reviewer, approve: true);
                    return RedirectToAction(nameof(Status), new { id });
                }

                [AllowAnonymous]
                [HttpGet("{id}/reject")]
                public async Task<IActionResult> Reject(string id, [FromQuery] string reviewer)
                {
                    await ledger.DecideAsync(id, reviewer, approve: false, reason: "rejected by link");
                    return Ok();
                }
            }

            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    var reviews = app.MapGroup("/reviews");
                    reviews.RequireAuthorization();
                    reviews.MapPost("/{id}/approve", async (string id, string reviewer, ApprovalLedger ledger) => await ledger.DecideAsync(id, reviewer, true));

                    app.MapPost("/decide/{id}", [Authorize] async (string id, string reviewer, ApprovalLedger ledger) => await ledger.DecideAsync(id, reviewer, true));

                    app.MapGet("/me/approve/{id}", async (string id, HttpContext http, ApprovalLedger ledger) =>
                        await ledger.DecideAsync(id, CurrentUser.NameOf(http), true)).AllowAnonymous();
                }
            }
            """);
}
