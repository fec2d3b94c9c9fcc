using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Tests.Verifiers;
using RubberStamp = Presence.Analyzers.Tests.Verifiers.AnalyzerVerifier<Presence.Analyzers.Rules.RubberStampConfirmationAnalyzer>;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// PRES005 at an anonymous approval link follows the handler where it is written: a method group given to <c>Map*</c>
/// (<c>app.MapGet("/approve/{id}", ApproveLink)</c>), and a method of the app the handler calls with the request's name
/// (<c>RecordAsync(ledger, id, reviewer)</c>) that records the decision. The same shapes with the reviewer from the
/// signed-in user, behind authorization, signed for the reviewer, or with a helper no endpoint calls with a request's
/// name, are quiet.
/// </summary>
public class ApprovalLinkThroughMethodsTests
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
        }

        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => ApprovalFromAnonymousRequestTests.VerifyEndpointsAsync(Usings + source, expected);

    private static DiagnosticResult FromRequest(int location, string reviewer, string endpoint)
        => ApprovalFromAnonymousRequestTests.FromRequest(location, reviewer, endpoint);

    [Fact]
    public Task A_method_group_handler_approving_in_the_name_the_request_gives_is_reported()
        => VerifyAsync("""
            public static class ApprovalLinks
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/approve/{id}", ApproveLink).AllowAnonymous();
                    app.MapPost("/links/{id}/yes", ApprovalLinks.Yes);
                }

                static async Task<IResult> ApproveLink(string id, string reviewer, ApprovalLedger ledger)
                {
                    await {|#0:ledger.DecideAsync(id, reviewer, true)|};
                    return Results.Ok();
                }

                private static async Task Yes(string id, HttpRequest request, ApprovalLedger ledger)
                {
                    var who = request.Query["reviewer"].ToString();
                    await {|#1:ledger.DecideAsync(id, reviewer: who, approve: true)|};
                }
            }
            """,
            FromRequest(0, "'reviewer'", "anonymous GET /approve/{id}"),
            FromRequest(1, "'request.Query[\"reviewer\"]'", "anonymous POST /links/{id}/yes"));

    [Fact]
    public Task A_method_group_handler_with_the_signed_in_reviewer_behind_authorization_or_signed_is_clean()
        => VerifyAsync("""
            public static class ApprovalLinks
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/approve/{id}", ApproveAsUser).AllowAnonymous();
                    app.MapGet("/editor/{id}", ApproveLink).RequireAuthorization();
                    app.MapGet("/signed/{id}", ApproveSigned).AllowAnonymous();
                }

                static async Task ApproveAsUser(string id, ClaimsPrincipal user, ApprovalLedger ledger)
                    => await ledger.DecideAsync(id, user.Identity!.Name!, true);

                static async Task ApproveLink(string id, string reviewer, ApprovalLedger ledger)
                    => await ledger.DecideAsync(id, reviewer, true);

                static async Task<IResult> ApproveSigned(string id, string reviewer, string sig, ILinkSigner signer, ApprovalLedger ledger)
                {
                    if (!signer.IsValid(id, reviewer, sig)) return Results.Unauthorized();
                    await ledger.DecideAsync(id, reviewer, true);
                    return Results.Ok();
                }

                // Mapped nowhere: an ordinary method, not an endpoint.
                static async Task Unmapped(string id, string reviewer, ApprovalLedger ledger)
                    => await ledger.DecideAsync(id, reviewer, true);
            }
            """);

    [Fact]
    public Task A_decision_recorded_in_a_method_the_handler_calls_with_the_request_name_is_reported()
        => VerifyAsync("""
            public static class Approvals
            {
                public static async Task RecordAsync(ApprovalLedger ledger, string id, string reviewer)
                    => await {|#0:ledger.DecideAsync(id, reviewer.Trim(), approve: true)|};
            }

            public static class ApprovalLinks
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/approve/{id}", async (string id, string who, ApprovalLedger ledger) =>
                    {
                        await Approvals.RecordAsync(ledger, id, who);
                        return Results.Ok();
                    }).AllowAnonymous();
                }
            }

            [AllowAnonymous]
            [Route("links")]
            public sealed class LinksController(ApprovalLedger ledger) : ControllerBase
            {
                [HttpGet("{id}/approve")]
                public async Task<IActionResult> Approve(string id, [FromQuery] string reviewer)
                {
                    await Record(id, reviewer);
                    return Ok();
                }

                private Task Record(string id, string name) => {|#1:ledger.DecideAsync(id, name, true)|};
            }
            """,
            FromRequest(0, "'reviewer' (given 'who' by the endpoint's handler)", "anonymous GET /approve/{id}"),
            FromRequest(1, "'name' (given 'reviewer' by the endpoint's handler)", "anonymous GET /links/{id}/approve"));

    [Fact]
    public Task A_method_the_handler_calls_with_the_signed_in_user_or_after_checking_the_link_is_clean()
        => VerifyAsync("""
            public static class Approvals
            {
                public static async Task RecordAsync(ApprovalLedger ledger, string id, string reviewer)
                    => await ledger.DecideAsync(id, reviewer, approve: true);

                // Checks the link itself before it records the decision.
                public static async Task<bool> RecordSignedAsync(ApprovalLedger ledger, ILinkSigner signer, string id, string reviewer, string signature)
                {
                    if (!signer.IsValid(id, reviewer, signature)) return false;
                    await ledger.DecideAsync(id, reviewer, approve: true);
                    return true;
                }
            }

            public static class ApprovalLinks
            {
                public static void Map(WebApplication app)
                {
                    // The reviewer is the signed-in user.
                    app.MapGet("/approve/{id}", async (string id, ClaimsPrincipal user, ApprovalLedger ledger) =>
                        await Approvals.RecordAsync(ledger, id, user.Identity!.Name!)).AllowAnonymous();

                    // Behind authorization.
                    app.MapGet("/editor/{id}", async (string id, string reviewer, ApprovalLedger ledger) =>
                        await Approvals.RecordAsync(ledger, id, reviewer)).RequireAuthorization();

                    // The handler checks the link's signature for the reviewer first.
                    app.MapGet("/signed/{id}", async (string id, string reviewer, string sig, ILinkSigner signer, ApprovalLedger ledger) =>
                    {
                        if (!signer.IsValid(id, reviewer, sig)) return Results.Unauthorized();
                        await Approvals.RecordAsync(ledger, id, reviewer);
                        return Results.Ok();
                    }).AllowAnonymous();

                    // The method checks it.
                    app.MapGet("/checked/{id}", async (string id, string reviewer, string sig, ILinkSigner signer, ApprovalLedger ledger) =>
                        await Approvals.RecordSignedAsync(ledger, signer, id, reviewer, sig)).AllowAnonymous();
                }
            }
            """);

    [Fact]
    public Task Code_that_does_not_compile_yet_is_read_without_failing()
    {
        var test = new RubberStamp.Test
        {
            TestCode = Usings + """
                public static class ApprovalLinks
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapGet("/missing/{id}", Missing).AllowAnonymous().AddEndpointFilter<NotThere>();
                        app.MapGet("/approve/{id}", ApproveLink).AllowAnonymous().AddEndpointFilter(async (context, next) =>
                        {
                            if (!Nope(context, token)) return Results.Unauthorized();
                            return await next(context);
                        });
                        app.MapGet("/yes/{id}", async (string id, ApprovalLedger ledger) => await Record(id, undefined, ledger)).AllowAnonymous();
                    }

                    static async Task ApproveLink(string id, string reviewer, ApprovalLedger ledger)
                        => await {|#0:ledger.DecideAsync(id, reviewer, true)|};

                    static Task Record(string id, string reviewer, ApprovalLedger ledger) => ledger.DecideAsync(id, reviewer, true);
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        test.TestState.AdditionalReferences.AddRange(PathVerifier.AspNetCore);
        test.ExpectedDiagnostics.Add(FromRequest(0, "'reviewer'", "anonymous GET /approve/{id}"));
        return test.RunAsync();
    }
}
