using System.Collections.Generic;
using System.Security.Claims;

namespace Presence.Approvals.AspNetCore.Tests.Support;

/// <summary>The people of the test app: two reviewers of different channels, an author, and a machine.</summary>
public static class Users
{
    public const string Maria = "maria";   // reviewer: brand (linkedin:acme) and support (x:support)
    public const string Omar = "omar";     // reviewer: support (x:support) only
    public const string Alex = "alex";     // author, not a reviewer
    public const string Ci = "ci-bot";     // a client-credentials token

    public static IEnumerable<Claim> ClaimsOf(string user) => user switch
    {
        Maria => [new Claim(ClaimTypes.Name, Maria), new Claim("role", "reviewer"), new Claim("team", "brand"), new Claim("team", "support")],
        Omar => [new Claim(ClaimTypes.Name, Omar), new Claim("role", "reviewer"), new Claim("team", "support")],
        Alex => [new Claim(ClaimTypes.Name, Alex), new Claim("role", "author")],
        Ci => [new Claim(ClaimTypes.Name, Ci), new Claim("client_id", Ci), new Claim("role", "reviewer"), new Claim("team", "brand")],
        _ => [new Claim(ClaimTypes.Name, user)],
    };
}
