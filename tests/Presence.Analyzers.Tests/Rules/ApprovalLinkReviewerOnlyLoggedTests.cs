using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Tests.Verifiers;
using RubberStamp = Presence.Analyzers.Tests.Verifiers.AnalyzerVerifier<Presence.Analyzers.Rules.RubberStampConfirmationAnalyzer>;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// An approval link whose handler only logs the reviewer together with the link's token (<c>logger.LogInformation(…,
/// reviewer, token)</c>, <c>Console.WriteLine</c>) checks nothing: the name is still whoever holds the link's (PRES005).
/// The same handler that checks them (<c>if (!signer.IsValid(id, reviewer, token)) return Results.Unauthorized();</c>) is clean.
/// </summary>
public class ApprovalLinkReviewerOnlyLoggedTests
{
    private const string Usings = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;
        using Presence;

        public interface ILinkSigner { bool IsValid(string requestId, string reviewer, string token); }

        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => ApprovalFromAnonymousRequestTests.VerifyEndpointsAsync(Usings + source, expected);

    private static DiagnosticResult FromRequest(int location, string endpoint)
        => ApprovalFromAnonymousRequestTests.FromRequest(location, "'reviewer'", endpoint);

    [Fact]
    public Task A_reviewer_only_logged_with_the_token_is_reported_and_one_checked_with_it_is_not()
        => VerifyAsync("""
            public static class ApprovalLinks
            {
                public static void Map(WebApplication app, ILinkSigner signer)
                {
                    app.MapGet("/logged/{id}", async (string id, string reviewer, string token, ApprovalLedger ledger, ILogger<ApprovalLedger> logger) =>
                    {
                        logger.LogInformation("Approval of {Id} by {Reviewer} with {Token}", id, reviewer, token);
                        await {|#0:ledger.DecideAsync(id, reviewer, true)|};
                    }).AllowAnonymous();

                    app.MapGet("/printed/{id}", async (string id, string reviewer, string token, ApprovalLedger ledger) =>
                    {
                        Console.WriteLine($"{reviewer} approves {id} ({token})");
                        await {|#1:ledger.DecideAsync(id, reviewer, true)|};
                    }).AllowAnonymous();

                    app.MapGet("/checked/{id}", async (string id, string reviewer, string token, ApprovalLedger ledger, ILogger<ApprovalLedger> logger) =>
                    {
                        logger.LogInformation("Approval of {Id} by {Reviewer} with {Token}", id, reviewer, token);
                        if (!signer.IsValid(id, reviewer, token)) return Results.Unauthorized();
                        await ledger.DecideAsync(id, reviewer, true);
                        return Results.Ok();
                    }).AllowAnonymous();
                }
            }
            """,
            FromRequest(0, "anonymous GET /logged/{id}"),
            FromRequest(1, "anonymous GET /printed/{id}"));
}
