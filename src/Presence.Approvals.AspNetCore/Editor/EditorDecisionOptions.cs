using System;
using System.Collections.Generic;
using System.Security.Claims;

namespace Presence
{
    /// <summary>What <see cref="EditorDecision"/> accepts as an editor's decision.</summary>
    /// <example>
    /// <code>
    /// builder.Services.AddPresenceEditorDecisions(o =>
    /// {
    ///     o.InteractiveSchemes.Add(CookieAuthenticationDefaults.AuthenticationScheme); // people sign in with cookies
    ///     o.ShownLifetime = TimeSpan.FromMinutes(30);
    /// });
    /// </code>
    /// </example>
    public sealed class EditorDecisionOptions
    {
        /// <summary>
        /// How long a rendered page stays good for publishing from (default 2 hours): after that the editor reviews
        /// the content again. Keeps a tab left open overnight from publishing yesterday's view of the world.
        /// </summary>
        public TimeSpan ShownLifetime { get; set; } = TimeSpan.FromHours(2);

        /// <summary>
        /// The authentication schemes people sign in with (cookies, OpenID Connect). When not empty, the request's user
        /// must be authenticated by one of them: a bearer token or API key accepted by another scheme is then never an
        /// editor. Empty (the default): <see cref="IsPerson"/> alone decides.
        /// </summary>
        public IList<string> InteractiveSchemes { get; } = new List<string>();

        /// <summary>
        /// Whether a signed-in principal is a person rather than a machine. The default refuses the usual shapes of
        /// machine credentials: an app-only token (<c>idtyp=app</c>), a client-credentials token (a <c>client_id</c>,
        /// <c>azp</c> or <c>appid</c> claim and no subject other than the client itself), and identities whose
        /// authentication type names an API key. Replace it when your machine credentials look different.
        /// </summary>
        public Func<ClaimsPrincipal, bool> IsPerson { get; set; } = PersonClaims.LooksLikePerson;

        /// <summary>
        /// The name recorded as the editor: by default the identity's name, else its name identifier or <c>sub</c>
        /// claim. Return null for principals that are not editors.
        /// </summary>
        public Func<ClaimsPrincipal, string?> EditorName { get; set; } = PersonClaims.NameOf;
    }
}
