using System.Collections.Generic;
using System.Linq;
using System.Security.Claims;

namespace ReviewDesk;

/// <summary>The demo's people (Development only): two reviewers with different channels, and an author.</summary>
public static class DemoUsers
{
    public sealed record Person(string Name, string Description, string[] Roles, string[] Teams);

    public static readonly IReadOnlyList<Person> All =
    [
        new("maria", "reviewer of every channel; may hold publishing", ["reviewer"], ["brand", "social"]),
        new("sam", "reviewer of the social channels (not linkedin:acme)", ["reviewer"], ["social"]),
        new("alex", "author: writes posts, reviews nothing", ["author"], []),
    ];

    public static Person? Find(string? name) => All.FirstOrDefault(p => p.Name == name);

    public static ClaimsPrincipal Principal(Person person)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, person.Name) };
        claims.AddRange(person.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        claims.AddRange(person.Teams.Select(t => new Claim("team", t)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Cookies"));
    }
}
