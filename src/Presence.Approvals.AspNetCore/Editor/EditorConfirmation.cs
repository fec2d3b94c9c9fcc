using System;

namespace Presence
{
    /// <summary>Why <see cref="EditorDecision.ConfirmAsync{T}(Microsoft.AspNetCore.Http.HttpContext, T, System.Threading.CancellationToken)"/> did not take a request as the editor's decision.</summary>
    public enum EditorRefusal
    {
        /// <summary>Confirmed: nothing was refused.</summary>
        None = 0,

        /// <summary>Nobody is signed in.</summary>
        NotSignedIn = 1,

        /// <summary>Signed in, but as a machine (an API key, a client-credentials token), not as a person.</summary>
        NotAPerson = 2,

        /// <summary>The antiforgery token is missing or invalid: the request may come from another site.</summary>
        AntiforgeryFailed = 3,

        /// <summary>The form does not say what the editor was shown (the field rendered by <see cref="EditorDecision.FormFields{T}"/> is missing).</summary>
        NothingShown = 4,

        /// <summary>The record of what was shown is forged, damaged, too old, or was issued to another user.</summary>
        ShownRecordInvalid = 5,

        /// <summary>The content about to be published is not the content the editor was shown (edited since, or another post).</summary>
        ContentChanged = 6,
    }

    /// <summary>
    /// The answer of <see cref="EditorDecision.ConfirmAsync{T}(Microsoft.AspNetCore.Http.HttpContext, T, System.Threading.CancellationToken)"/>: whether this request is a person's decision to
    /// publish exactly this content, who made it, and why not when it is not.
    /// </summary>
    public sealed class EditorConfirmation
    {
        private EditorConfirmation(EditorRefusal refusal, string? editor, ContentFingerprint fingerprint, DateTimeOffset? shownAt)
        {
            Refusal = refusal;
            Editor = editor;
            Fingerprint = fingerprint;
            ShownAt = shownAt;
        }

        /// <summary><c>true</c> when a signed-in person clicked, on this site, having been shown exactly this content.</summary>
        public bool IsConfirmed => Refusal == EditorRefusal.None;

        /// <summary>Why the request is not a confirmation; <see cref="EditorRefusal.None"/> when it is.</summary>
        public EditorRefusal Refusal { get; }

        /// <summary>Who decided (the signed-in user's name); null when nobody identifiable is signed in.</summary>
        public string? Editor { get; }

        /// <summary>The fingerprint of the content about to be published.</summary>
        public ContentFingerprint Fingerprint { get; }

        /// <summary>When the page that showed the content was rendered; null when unknown.</summary>
        public DateTimeOffset? ShownAt { get; }

        /// <summary>A sentence for the editor explaining the refusal; empty when confirmed.</summary>
        public string Message => Refusal switch
        {
            EditorRefusal.None => string.Empty,
            EditorRefusal.NotSignedIn => "Sign in to publish.",
            EditorRefusal.NotAPerson => "Publishing needs a person's decision; this request was made with a machine credential.",
            EditorRefusal.AntiforgeryFailed => "The form could not be verified. Reload the page and try again.",
            EditorRefusal.NothingShown => "The form does not say which version you reviewed. Reload the page and try again.",
            EditorRefusal.ShownRecordInvalid => "The page you reviewed is too old or was not shown to you. Reload it and review again.",
            EditorRefusal.ContentChanged => "The post changed since you reviewed it. Review the current version before publishing.",
            _ => "Not confirmed.",
        };

        /// <summary>Describes the answer.</summary>
        /// <returns>"confirmed by …" or the refusal.</returns>
        public override string ToString() => IsConfirmed ? $"confirmed by {Editor}" : $"not confirmed: {Refusal}";

        internal static EditorConfirmation Confirmed(string editor, ContentFingerprint fingerprint, DateTimeOffset shownAt)
            => new EditorConfirmation(EditorRefusal.None, editor, fingerprint, shownAt);

        internal static EditorConfirmation Refused(EditorRefusal refusal, string? editor, ContentFingerprint fingerprint, DateTimeOffset? shownAt = null)
            => new EditorConfirmation(refusal, editor, fingerprint, shownAt);
    }
}
