#nullable enable
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace Presence
{
    /// <summary>
    /// Writes the audit trail as evidence of human review (for example of AI-written text under EU AI Act art. 50(4)):
    /// every submission, decision, redeem, publish and refusal with its time (UTC), request, people, channel and content
    /// fingerprint. Content itself is never exported.
    /// </summary>
    /// <remarks>
    /// Both formats have the same fields, in this order: <c>at</c> (ISO 8601, UTC), <c>kind</c>, <c>requestId</c>,
    /// <c>actor</c>, <c>fingerprint</c>, <c>channel</c>, <c>gate</c>, <c>reviewers</c> (a JSON array; in CSV joined by
    /// <c>;</c>), <c>outcome</c>, <c>detail</c>.
    /// </remarks>
    public static class ApprovalAuditExport
    {
        private static readonly string[] Header = { "at", "kind", "requestId", "actor", "fingerprint", "channel", "gate", "reviewers", "outcome", "detail" };

        /// <summary>Writes one JSON object per line (JSON Lines), UTF-16 safe, with no trailing comma or wrapper.</summary>
        /// <param name="writer">Where to write.</param>
        /// <param name="events">The events, in the order to write them.</param>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        public static void WriteJsonLines(TextWriter writer, IEnumerable<ApprovalAuditEvent> events)
        {
            Require.NotNull(writer, nameof(writer));
            foreach (var e in Require.NotNull(events, nameof(events)))
            {
                var line = new StringBuilder("{");
                var values = Values(e);
                for (var i = 0; i < Header.Length; i++)
                {
                    if (i > 0)
                    {
                        line.Append(',');
                    }

                    Json(line, Header[i]);
                    line.Append(':');
                    if (Header[i] == "reviewers")
                    {
                        line.Append('[');
                        for (var r = 0; r < e.Reviewers.Count; r++)
                        {
                            if (r > 0)
                            {
                                line.Append(',');
                            }

                            Json(line, e.Reviewers[r]);
                        }

                        line.Append(']');
                    }
                    else if (values[i] is null)
                    {
                        line.Append("null");
                    }
                    else
                    {
                        Json(line, values[i]!);
                    }
                }

                writer.Write(line.Append('}').Append('\n').ToString());
            }
        }

        /// <summary>
        /// Writes RFC 4180 CSV with a header row. Cells that a spreadsheet would run as a formula (starting with
        /// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return) are prefixed with <c>'</c>.
        /// </summary>
        /// <param name="writer">Where to write.</param>
        /// <param name="events">The events, in the order to write them.</param>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        public static void WriteCsv(TextWriter writer, IEnumerable<ApprovalAuditEvent> events)
        {
            Require.NotNull(writer, nameof(writer));
            writer.Write(string.Join(",", Header) + "\r\n");
            foreach (var e in Require.NotNull(events, nameof(events)))
            {
                var values = Values(e);
                values[Array.IndexOf(Header, "reviewers")] = string.Join(";", e.Reviewers);
                var cells = new string[values.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    cells[i] = Csv(values[i]);
                }

                writer.Write(string.Join(",", cells) + "\r\n");
            }
        }

        private static string?[] Values(ApprovalAuditEvent e) => new[]
        {
            e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            e.Kind.ToString(),
            e.RequestId,
            e.Actor,
            e.Fingerprint.IsEmpty ? null : e.Fingerprint.Value,
            e.Channel,
            e.Gate,
            null,
            e.Outcome,
            e.Detail,
        };

        private static string Csv(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return string.Empty;
            }

            var text = value!;
            if ("=+-@\t\r".IndexOf(text[0]) >= 0)
            {
                text = "'" + text;
            }

            return text.IndexOfAny(new[] { ',', '"', '\r', '\n' }) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
        }

        private static void Json(StringBuilder into, string value)
        {
            into.Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': into.Append("\\\""); break;
                    case '\\': into.Append("\\\\"); break;
                    case '\n': into.Append("\\n"); break;
                    case '\r': into.Append("\\r"); break;
                    case '\t': into.Append("\\t"); break;
                    default:
                        // Control characters, and the characters HTML and JavaScript treat specially, escaped so a line is inert anywhere.
                        if (c < ' ' || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029')
                        {
                            into.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            into.Append(c);
                        }

                        break;
                }
            }

            into.Append('"');
        }
    }
}
