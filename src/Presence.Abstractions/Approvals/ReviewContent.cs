#nullable enable
using System;

namespace Presence
{
    /// <summary>
    /// Content as reviewers read it, kept with the approval request: the text and what kind of text it is. Untrusted
    /// (machine-written or user input): render it inert.
    /// </summary>
    public sealed class ReviewContent
    {
        /// <summary>
        /// The media type of string content kept exactly as submitted: its fingerprint is the content's, so stores can
        /// check one against the other.
        /// </summary>
        public const string PlainText = "text/plain";

        /// <summary>The media type of a description of the content (its <see cref="object.ToString"/>), not the content itself.</summary>
        public const string Description = "text/x-description";

        /// <summary>The media type of a JSON document (the public properties of a content object).</summary>
        public const string Json = "application/json";

        /// <summary>Describes content as reviewers read it.</summary>
        /// <param name="text">The content.</param>
        /// <param name="mediaType">What kind of text it is, e.g. <see cref="PlainText"/> or <see cref="Json"/>.</param>
        /// <exception cref="ArgumentNullException">The text is null.</exception>
        /// <exception cref="ArgumentException">The media type is empty.</exception>
        public ReviewContent(string text, string mediaType)
        {
            Text = Require.NotNull(text, nameof(text));
            MediaType = Require.Text(mediaType, nameof(mediaType), "The media type");
        }

        /// <summary>The content.</summary>
        public string Text { get; }

        /// <summary>What kind of text it is, e.g. <see cref="PlainText"/> or <see cref="Json"/>.</summary>
        public string MediaType { get; }

        /// <summary>Describes the content without showing it (content stays out of logs).</summary>
        /// <returns>The media type and length.</returns>
        public override string ToString() => $"{MediaType}, {Text.Length} characters";
    }

    /// <summary>
    /// Turns content into the form reviewers read, to keep with the approval request. The durable store registers one
    /// that writes content objects as JSON.
    /// </summary>
    public interface IApprovalContentFormatter
    {
        /// <summary>Formats content for reviewers.</summary>
        /// <param name="content">The content, never null: a string or an <see cref="IApprovalContent"/>.</param>
        /// <returns>The content as reviewers read it; null to keep none.</returns>
        ReviewContent? Format(object content);
    }

    /// <summary>
    /// The formatter a ledger uses when none is given: strings as <see cref="ReviewContent.PlainText"/>; other content
    /// by its own <see cref="object.ToString"/> (<see cref="ReviewContent.Description"/>) when its type overrides it;
    /// otherwise nothing.
    /// </summary>
    public sealed class TextApprovalContentFormatter : IApprovalContentFormatter
    {
        /// <summary>The formatter.</summary>
        public static TextApprovalContentFormatter Instance { get; } = new TextApprovalContentFormatter();

        /// <inheritdoc/>
        public ReviewContent? Format(object content)
        {
            switch (content)
            {
                case null:
                    return null;
                case string text:
                    return new ReviewContent(text, ReviewContent.PlainText);
                default:
                    var toString = content.GetType().GetMethod(nameof(ToString), Type.EmptyTypes);
                    return toString is null || toString.DeclaringType == typeof(object) || toString.DeclaringType == typeof(ValueType)
                        ? null
                        : content.ToString() is { } described ? new ReviewContent(described, ReviewContent.Description) : null;
            }
        }
    }
}
