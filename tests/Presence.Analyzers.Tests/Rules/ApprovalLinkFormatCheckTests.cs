using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Tests.Verifiers;
using RubberStamp = Presence.Analyzers.Tests.Verifiers.AnalyzerVerifier<Presence.Analyzers.Rules.RubberStampConfirmationAnalyzer>;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// A filter or middleware that only checks the shape of a link's token (<c>Guid.TryParse(token, out _)</c>,
/// <c>int.TryParse(otp, out _)</c>, <c>Regex.IsMatch(sig, "^[0-9a-f]{64}$")</c>) verifies nothing: anyone can write a
/// token of the right shape, so the approval link stays reported (PRES005). A check that compares the signature with
/// one the app computes (<c>CryptographicOperations.FixedTimeEquals</c>) does verify it.
/// </summary>
public class ApprovalLinkFormatCheckTests
{
    private const string Usings = """
        using System;
        using System.Security.Cryptography;
        using System.Text;
        using System.Text.RegularExpressions;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Presence;

        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => ApprovalFromAnonymousRequestTests.VerifyEndpointsAsync(Usings + source, expected);

    private static DiagnosticResult FromRequest(int location, string endpoint)
        => ApprovalFromAnonymousRequestTests.FromRequest(location, "'reviewer'", endpoint);

    [Fact]
    public Task A_filter_that_only_checks_the_shape_of_the_token_leaves_the_link_reported()
        => VerifyAsync("""
            public sealed class GuidTokenFilter : IEndpointFilter
            {
                public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
                {
                    var token = context.HttpContext.Request.Query["token"].ToString();
                    if (!Guid.TryParse(token, out _))
                    {
                        return Results.BadRequest();
                    }

                    return await next(context);
                }
            }

            public sealed class OtpDigitsFilter : IEndpointFilter
            {
                public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
                    => int.TryParse(context.HttpContext.Request.Query["otp"].ToString(), out _) ? await next(context) : Results.BadRequest();
            }

            public sealed class HexSignatureFilter : IEndpointFilter
            {
                public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
                {
                    var sig = context.HttpContext.Request.Query["sig"].ToString();
                    if (!Regex.IsMatch(sig, "^[0-9a-f]{64}$")) return Results.BadRequest();
                    return await next(context);
                }
            }

            public static class ApprovalLinks
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/guid/{id}", async (string id, string reviewer, ApprovalLedger ledger) =>
                        await {|#0:ledger.DecideAsync(id, reviewer, true)|}).AllowAnonymous().AddEndpointFilter<GuidTokenFilter>();
                    app.MapGet("/otp/{id}", async (string id, string reviewer, ApprovalLedger ledger) =>
                        await {|#1:ledger.DecideAsync(id, reviewer, true)|}).AllowAnonymous().AddEndpointFilter<OtpDigitsFilter>();
                    app.MapGet("/hex/{id}", async (string id, string reviewer, ApprovalLedger ledger) =>
                        await {|#2:ledger.DecideAsync(id, reviewer, true)|}).AllowAnonymous().AddEndpointFilter<HexSignatureFilter>();
                }
            }
            """,
            FromRequest(0, "anonymous GET /guid/{id}"),
            FromRequest(1, "anonymous GET /otp/{id}"),
            FromRequest(2, "anonymous GET /hex/{id}"));

    [Fact]
    public Task A_filter_that_compares_the_signature_with_the_one_it_computes_is_clean()
        => VerifyAsync("""
            public sealed class HmacFilter(byte[] key) : IEndpointFilter
            {
                public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
                {
                    var sig = context.HttpContext.Request.Query["sig"].ToString();
                    using var hmac = new HMACSHA256(key);
                    var expected = hmac.ComputeHash(Encoding.UTF8.GetBytes(context.HttpContext.Request.Path.ToString()));
                    if (!CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(sig)))
                    {
                        return Results.Unauthorized();
                    }

                    return await next(context);
                }
            }

            public sealed class GuidThenLookupFilter(ITokens tokens) : IEndpointFilter
            {
                public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
                {
                    var token = context.HttpContext.Request.Query["token"].ToString();
                    if (!Guid.TryParse(token, out var id) || !await tokens.IsIssuedAsync(id, token))
                    {
                        return Results.Unauthorized();
                    }

                    return await next(context);
                }
            }

            public interface ITokens { Task<bool> IsIssuedAsync(Guid id, string token); }

            public static class ApprovalLinks
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/hmac/{id}", async (string id, string reviewer, ApprovalLedger ledger) =>
                        await ledger.DecideAsync(id, reviewer, true)).AllowAnonymous().AddEndpointFilter<HmacFilter>();
                    app.MapGet("/issued/{id}", async (string id, string reviewer, ApprovalLedger ledger) =>
                        await ledger.DecideAsync(id, reviewer, true)).AllowAnonymous().AddEndpointFilter<GuidThenLookupFilter>();
                }
            }
            """);
}
