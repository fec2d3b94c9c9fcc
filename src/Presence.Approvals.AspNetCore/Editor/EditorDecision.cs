using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Presence
{
    /// <summary>
    /// The editor's click as a confirmation: an endpoint that publishes when an editor presses "Publish" asks
    /// <see cref="ConfirmAsync{T}(HttpContext, T, CancellationToken)"/> first, and it answers yes only when the click
    /// is verifiably a person's decision about exactly this content.
    /// </summary>
    /// <remarks>
    /// <para>Yes requires all of: a signed-in user who is a person (not an API key or a client-credentials token,
    /// see <see cref="EditorDecisionOptions"/>); a state-changing request (POST, PUT, PATCH, DELETE) with a valid
    /// antiforgery token, so another site cannot click for them; and a record, rendered into the form by
    /// <see cref="FormFields{T}"/> when the page was shown, that this user was shown content with the same
    /// fingerprint as the content about to be published, recently (<see cref="EditorDecisionOptions.ShownLifetime"/>).
    /// The record is signed with ASP.NET Core data protection and bound to the user: it cannot be forged, edited, or
    /// replayed by someone else.</para>
    /// <para>Register it with <c>services.AddPresenceEditorDecisions()</c> (which adds antiforgery and data
    /// protection). The analyzers treat the method as a confirmation: a publish guarded by <c>IsConfirmed</c> is
    /// clean under PRES001.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// app.MapPost("/drafts/{id}/publish", async (string id, HttpContext http, Drafts drafts, IMastodonPublisher mastodon) =>
    /// {
    ///     var draft = await drafts.FindAsync(id);
    ///     var decision = await EditorDecision.ConfirmAsync(http, draft.Text);
    ///     if (!decision.IsConfirmed) return Results.Problem(decision.Message, statusCode: 403);
    ///     await mastodon.PublishStatusAsync(draft.Text);
    ///     return Results.Redirect($"/drafts/{id}");
    /// });
    /// </code>
    /// </example>
    public static class EditorDecision
    {
        /// <summary>The form field that carries the record of what the editor was shown.</summary>
        public const string ShownFieldName = "presence-shown";

        private const string Purpose = "Presence.EditorDecision.Shown.v1";

        /// <summary>
        /// The hidden form fields a "Publish" form needs: the antiforgery token and the signed record that the signed-in
        /// user is being shown <paramref name="content"/> now. Render them inside the form, from the same content the
        /// page displays.
        /// </summary>
        /// <typeparam name="T"><see cref="string"/>, or a type implementing <see cref="IApprovalContent"/>.</typeparam>
        /// <param name="context">The request rendering the page.</param>
        /// <param name="content">The content the page shows the editor.</param>
        /// <returns>Two hidden inputs, HTML-encoded (use <c>@EditorDecision.FormFields(Context, draft)</c> in Razor).</returns>
        /// <exception cref="InvalidOperationException">Antiforgery or data protection is not registered.</exception>
        public static IHtmlContent FormFields<T>(HttpContext context, T content)
        {
            Services.Require(context);
            var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
            var html = new StringBuilder();
            html.Append("<input type=\"hidden\" name=\"").Append(HtmlEncoder.Default.Encode(tokens.FormFieldName))
                .Append("\" value=\"").Append(HtmlEncoder.Default.Encode(tokens.RequestToken ?? string.Empty)).Append("\">");
            html.Append("<input type=\"hidden\" name=\"").Append(ShownFieldName)
                .Append("\" value=\"").Append(HtmlEncoder.Default.Encode(ShownToken(context, content))).Append("\">");
            return new HtmlString(html.ToString());
        }

        /// <summary>
        /// The signed record that the signed-in user is being shown <paramref name="content"/> now, for a form field
        /// named <see cref="ShownFieldName"/> when you render forms yourself. <see cref="FormFields{T}"/> includes it.
        /// </summary>
        /// <typeparam name="T"><see cref="string"/>, or a type implementing <see cref="IApprovalContent"/>.</typeparam>
        /// <param name="context">The request rendering the page.</param>
        /// <param name="content">The content the page shows the editor.</param>
        /// <returns>An opaque, URL-safe string.</returns>
        public static string ShownToken<T>(HttpContext context, T content)
        {
            Services.Require(context);
            var options = Options(context);
            var editor = options.EditorName(context.User) ?? string.Empty;
            var shownAt = Clock(context).GetUtcNow().UtcTicks;
            var payload = string.Join("\n", "1", editor, ContentFingerprint.For(content).Value, shownAt.ToString(CultureInfo.InvariantCulture));
            return Protector(context).Protect(payload);
        }

        /// <summary>
        /// Whether this request is the signed-in editor's decision to publish exactly <paramref name="content"/> (see
        /// the remarks of <see cref="EditorDecision"/>). Publish only when <see cref="EditorConfirmation.IsConfirmed"/>.
        /// </summary>
        /// <typeparam name="T"><see cref="string"/>, or a type implementing <see cref="IApprovalContent"/>.</typeparam>
        /// <param name="context">The request of the click (a form post).</param>
        /// <param name="content">The content about to be published, exactly as it will go out.</param>
        /// <param name="cancellationToken">Cancels reading the form.</param>
        /// <returns>The decision: confirmed with the editor's name, or the refusal and a message for the editor.</returns>
        /// <exception cref="InvalidOperationException">Antiforgery or data protection is not registered.</exception>
        [HumanConfirmation]
        public static async Task<EditorConfirmation> ConfirmAsync<T>(HttpContext context, T content, CancellationToken cancellationToken = default)
        {
            Services.Require(context);
            var fingerprint = ContentFingerprint.For(content);
            var confirmation = await VerifyAsync(context, fingerprint, cancellationToken).ConfigureAwait(false);
            if (!confirmation.IsConfirmed)
            {
                context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger(typeof(EditorDecision).FullName!)
                    .LogInformation("An editor's click was not taken as a decision to publish: {Refusal}.", confirmation.Refusal);
            }

            return confirmation;
        }

        /// <summary>
        /// An <see cref="IApprovalPrompt"/> whose answer is this request's verified click: the editor approves when
        /// <see cref="ConfirmAsync{T}(HttpContext, T, CancellationToken)"/> confirms, and nobody answers otherwise. Use
        /// it with <see cref="ApprovalLedger.AskNowAsync{T}"/> to get an <see cref="Approved{T}"/> token for a generated
        /// gate, with the ledger's rules (no self-approval, the publishing hold) and its audit trail.
        /// </summary>
        /// <param name="context">The request of the click.</param>
        /// <returns>A prompt that answers once per question from this request.</returns>
        public static IApprovalPrompt AsPrompt(HttpContext context)
        {
            Services.Require(context);
            return new ClickPrompt(context);
        }

        internal static async Task<EditorConfirmation> VerifyAsync(HttpContext context, ContentFingerprint fingerprint, CancellationToken cancellationToken)
        {
            var options = Options(context);
            var user = context.User;
            if (user?.Identity is not { IsAuthenticated: true })
            {
                return EditorConfirmation.Refused(EditorRefusal.NotSignedIn, null, fingerprint);
            }

            var editor = options.EditorName(user);
            if (editor is null)
            {
                return EditorConfirmation.Refused(EditorRefusal.NotSignedIn, null, fingerprint);
            }

            if (!options.IsPerson(user) || !await IsInteractiveAsync(context, options, editor).ConfigureAwait(false))
            {
                return EditorConfirmation.Refused(EditorRefusal.NotAPerson, editor, fingerprint);
            }

            // Antiforgery counts GET and HEAD as valid; a click that publishes is never one of them.
            if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                || HttpMethods.IsOptions(context.Request.Method) || HttpMethods.IsTrace(context.Request.Method)
                || !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context).ConfigureAwait(false))
            {
                return EditorConfirmation.Refused(EditorRefusal.AntiforgeryFailed, editor, fingerprint);
            }

            string? shown = null;
            if (context.Request.HasFormContentType)
            {
                var form = await context.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
                shown = form[ShownFieldName].ToString();
            }

            if (string.IsNullOrEmpty(shown))
            {
                return EditorConfirmation.Refused(EditorRefusal.NothingShown, editor, fingerprint);
            }

            if (!TryRead(context, shown!, out var shownTo, out var shownFingerprint, out var shownAt))
            {
                return EditorConfirmation.Refused(EditorRefusal.ShownRecordInvalid, editor, fingerprint);
            }

            var now = Clock(context).GetUtcNow();
            if (!string.Equals(shownTo, editor, StringComparison.Ordinal) || shownAt > now + TimeSpan.FromMinutes(5) || now - shownAt > options.ShownLifetime)
            {
                return EditorConfirmation.Refused(EditorRefusal.ShownRecordInvalid, editor, fingerprint, shownAt);
            }

            return shownFingerprint == fingerprint
                ? EditorConfirmation.Confirmed(editor, fingerprint, shownAt)
                : EditorConfirmation.Refused(EditorRefusal.ContentChanged, editor, fingerprint, shownAt);
        }

        private static async Task<bool> IsInteractiveAsync(HttpContext context, EditorDecisionOptions options, string editor)
        {
            if (options.InteractiveSchemes.Count == 0)
            {
                return true;
            }

            foreach (var scheme in options.InteractiveSchemes)
            {
                var result = await context.AuthenticateAsync(scheme).ConfigureAwait(false);
                if (result.Succeeded && string.Equals(options.EditorName(result.Principal!), editor, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool TryRead(HttpContext context, string token, out string editor, out ContentFingerprint fingerprint, out DateTimeOffset shownAt)
        {
            editor = string.Empty;
            fingerprint = default;
            shownAt = default;
            string payload;
            try
            {
                payload = Protector(context).Unprotect(token);
            }
            catch (CryptographicException)
            {
                return false;
            }

            var parts = payload.Split('\n');
            if (parts.Length != 4 || parts[0] != "1" || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
            {
                return false;
            }

            try
            {
                fingerprint = ContentFingerprint.Parse(parts[2]);
            }
            catch (FormatException)
            {
                return false;
            }

            editor = parts[1];
            shownAt = new DateTimeOffset(ticks, TimeSpan.Zero);
            return true;
        }

        private static EditorDecisionOptions Options(HttpContext context)
            => context.RequestServices.GetService<IOptions<EditorDecisionOptions>>()?.Value ?? new EditorDecisionOptions();

        private static TimeProvider Clock(HttpContext context) => context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;

        private static IDataProtector Protector(HttpContext context)
            => context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);

        private static class Services
        {
            public static void Require(HttpContext context)
            {
                if (context is null)
                {
                    throw new ArgumentNullException(nameof(context));
                }

                if (context.RequestServices.GetService<IAntiforgery>() is null || context.RequestServices.GetService<IDataProtectionProvider>() is null)
                {
                    throw new InvalidOperationException(
                        "EditorDecision needs antiforgery and data protection: call services.AddPresenceEditorDecisions() (or services.AddPresenceReview()).");
                }
            }
        }

        private sealed class ClickPrompt(HttpContext context) : IApprovalPrompt
        {
            private int _asked;

            [HumanConfirmation]
            public async Task<ApprovalPromptAnswer?> AskAsync(ApprovalPromptRequest request, CancellationToken cancellationToken)
            {
                // One click is one decision: a policy that needs a second reviewer does not get it from the same click.
                if (Interlocked.Exchange(ref _asked, 1) != 0)
                {
                    return null;
                }

                var confirmation = await VerifyAsync(context, request.Record.Fingerprint, cancellationToken).ConfigureAwait(false);
                return confirmation.IsConfirmed ? ApprovalPromptAnswer.Approve(confirmation.Editor!, "published from the editor") : null;
            }
        }
    }
}
