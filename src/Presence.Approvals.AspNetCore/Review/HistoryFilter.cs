using System;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace Presence
{
    /// <summary>The history page's filters, read from its query string (a GET form) and handed to the audit reader.</summary>
    internal sealed class HistoryFilter
    {
        public string? RequestId { get; private set; }

        public ApprovalAuditEventKind? Kind { get; private set; }

        public string? Actor { get; private set; }

        public string? Channel { get; private set; }

        public DateTimeOffset? From { get; private set; }

        public DateTimeOffset? Until { get; private set; }

        /// <summary>The same filters as a query string (without '?'), for the export links.</summary>
        public string QueryString { get; private set; } = string.Empty;

        public static HistoryFilter Read(IQueryCollection query)
        {
            var filter = new HistoryFilter
            {
                RequestId = Text(query, "request", 128),
                Actor = Text(query, "actor", 200),
                Channel = Text(query, "channel", 200),
                From = Date(query, "from"),
                Until = Date(query, "until")?.AddDays(1),
            };
            if (Enum.TryParse<ApprovalAuditEventKind>(Text(query, "kind", 40), ignoreCase: false, out var kind) && Enum.IsDefined(typeof(ApprovalAuditEventKind), kind)
                && !int.TryParse(Text(query, "kind", 40), out _))
            {
                filter.Kind = kind;
            }

            var builder = new QueryBuilder();
            Add(builder, "request", filter.RequestId);
            Add(builder, "kind", filter.Kind?.ToString());
            Add(builder, "actor", filter.Actor);
            Add(builder, "channel", filter.Channel);
            Add(builder, "from", filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Add(builder, "until", filter.Until?.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            filter.QueryString = builder.ToQueryString().Value?.TrimStart('?') ?? string.Empty;
            return filter;
        }

        public ApprovalAuditQuery ToQuery() => new ApprovalAuditQuery
        {
            RequestId = RequestId,
            Kind = Kind,
            Actor = Actor,
            Channel = Channel,
            From = From,
            Until = Until,
        };

        private static string? Text(IQueryCollection query, string name, int maxLength)
        {
            var value = query[name].ToString().Trim();
            return value.Length == 0 || value.Length > maxLength ? null : value;
        }

        private static DateTimeOffset? Date(IQueryCollection query, string name)
            => DateTime.TryParseExact(Text(query, name, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var day)
                ? new DateTimeOffset(day, TimeSpan.Zero)
                : null;

        private static void Add(QueryBuilder builder, string name, string? value)
        {
            if (value is not null)
            {
                builder.Add(name, value);
            }
        }
    }
}
