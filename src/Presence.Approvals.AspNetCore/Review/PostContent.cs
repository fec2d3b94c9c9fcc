using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Presence
{
    /// <summary>
    /// A post's content as reviewers read it: plain text as it is; a JSON content object (the durable store's default
    /// formatter) as its text property, with the other properties listed beside it.
    /// </summary>
    internal sealed class PostContent
    {
        private static readonly string[] TextProperties = { "text", "body", "content", "message", "caption", "status" };

        private PostContent(string text, IReadOnlyList<KeyValuePair<string, string>> details)
        {
            Text = text;
            Details = details;
        }

        /// <summary>The text as it will appear.</summary>
        public string Text { get; }

        /// <summary>The content object's other properties (channel, media, link…), in document order.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Details { get; }

        public static PostContent Of(ApprovalRecord record)
        {
            var content = record.Content;
            if (content is null)
            {
                return new PostContent(record.Summary ?? (record.IsOpen ? "(the content was not kept for reviewers; only its fingerprint is)" : "(the content is no longer kept; its fingerprint is)"), Array.Empty<KeyValuePair<string, string>>());
            }

            if (!string.Equals(content.MediaType, ReviewContent.Json, StringComparison.OrdinalIgnoreCase))
            {
                return new PostContent(content.Text, Array.Empty<KeyValuePair<string, string>>());
            }

            try
            {
                using var document = JsonDocument.Parse(content.Text, new JsonDocumentOptions { MaxDepth = 32 });
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return new PostContent(content.Text, Array.Empty<KeyValuePair<string, string>>());
                }

                string? text = null;
                var details = new List<KeyValuePair<string, string>>();
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (text is null && property.Value.ValueKind == JsonValueKind.String && Array.IndexOf(TextProperties, property.Name.ToLowerInvariant()) >= 0)
                    {
                        text = property.Value.GetString();
                        continue;
                    }

                    details.Add(new KeyValuePair<string, string>(property.Name, property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText()));
                }

                return text is null ? new PostContent(content.Text, Array.Empty<KeyValuePair<string, string>>()) : new PostContent(text, details);
            }
            catch (JsonException)
            {
                return new PostContent(content.Text, Array.Empty<KeyValuePair<string, string>>());
            }
        }
    }
}
