using System;
using System.Linq;
using System.Security.Claims;

namespace Presence
{
    /// <summary>The default reading of a principal: who it is, and whether it is a person at all.</summary>
    public static class PersonClaims
    {
        private static readonly string[] ClientIdClaims = { "client_id", "azp", "appid" };

        /// <summary>
        /// The principal's name: <see cref="ClaimsIdentity.Name"/>, else its <see cref="ClaimTypes.NameIdentifier"/> or
        /// <c>sub</c> claim; null when it is not authenticated or has none.
        /// </summary>
        /// <param name="principal">The signed-in user.</param>
        /// <returns>The name, or null.</returns>
        public static string? NameOf(ClaimsPrincipal principal)
        {
            if (principal?.Identity is not { IsAuthenticated: true } identity)
            {
                return null;
            }

            var name = identity.Name ?? principal.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? principal.FindFirst("sub")?.Value;
            return string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        }

        /// <summary>
        /// <c>false</c> for the usual machine credentials: an app-only token (<c>idtyp=app</c>), a client-credentials
        /// token (a client id claim and no subject other than the client), an identity authenticated by an API key;
        /// <c>true</c> for any other authenticated principal.
        /// </summary>
        /// <param name="principal">The signed-in user.</param>
        /// <returns>Whether it looks like a person.</returns>
        public static bool LooksLikePerson(ClaimsPrincipal principal)
        {
            if (principal?.Identity is not { IsAuthenticated: true })
            {
                return false;
            }

            if (principal.Identities.Any(i => i.IsAuthenticated && NamesAnApiKey(i.AuthenticationType)))
            {
                return false;
            }

            if (string.Equals(principal.FindFirst("idtyp")?.Value, "app", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            var client = ClientIdClaims.Select(type => principal.FindFirst(type)?.Value).FirstOrDefault(value => !string.IsNullOrEmpty(value));
            if (client is null)
            {
                return true;
            }

            // A client-credentials token names the client and either no subject or the client itself as the subject.
            var subject = principal.FindFirst("sub")?.Value ?? principal.FindFirst(ClaimTypes.NameIdentifier)?.Value;
            return !string.IsNullOrEmpty(subject) && !string.Equals(subject, client, StringComparison.Ordinal);
        }

        private static bool NamesAnApiKey(string? authenticationType)
        {
            var letters = new string((authenticationType ?? string.Empty).Where(char.IsLetter).ToArray());
            return letters.IndexOf("apikey", StringComparison.OrdinalIgnoreCase) >= 0;
        }
    }
}
