using System;
using System.Text.Json;

namespace Presence
{
    /// <summary>
    /// Keeps content for reviewers: strings as they are (<see cref="ReviewContent.PlainText"/>), other content as a JSON
    /// document of its public properties (<see cref="ReviewContent.Json"/>), with characters that matter to HTML escaped.
    /// Content JSON cannot write (a cycle, say) falls back to its own description.
    /// </summary>
    public sealed class JsonApprovalContentFormatter : IApprovalContentFormatter
    {
        private static readonly JsonSerializerOptions Options = new JsonSerializerOptions { WriteIndented = true };

        /// <summary>The formatter.</summary>
        public static JsonApprovalContentFormatter Instance { get; } = new JsonApprovalContentFormatter();

        /// <inheritdoc/>
        public ReviewContent? Format(object content)
        {
            if (content is null || content is string)
            {
                return TextApprovalContentFormatter.Instance.Format(content!);
            }

            try
            {
                return new ReviewContent(JsonSerializer.Serialize(content, content.GetType(), Options), ReviewContent.Json);
            }
            catch (Exception e) when (e is JsonException || e is NotSupportedException || e is InvalidOperationException)
            {
                return TextApprovalContentFormatter.Instance.Format(content);
            }
        }
    }
}
