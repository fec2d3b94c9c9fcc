using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Presence
{
    /// <summary>The dashboard's endpoints. Every state change is a form post with an antiforgery token, decided as the signed-in user.</summary>
    internal static class ReviewEndpoints
    {
        internal const int MaxReasonLength = 2000;
        internal const int HistoryPageSize = 200;
        private const int MaxFormIdLength = 1024;
        internal const string StylesheetPath = "/assets/review.css";

        public static void Map(RouteGroupBuilder group, ReviewMapping mapping)
        {
            group.MapGet("/", Run(mapping, QueueAsync));
            group.MapGet("/posts/{id}", Run(mapping, request => PostAsync(request, Id(request))));
            group.MapPost("/posts/{id}/approve", Run(mapping, request => DecideAsync(request, Id(request), ReviewerVerdict.Approved)));
            group.MapPost("/posts/{id}/reject", Run(mapping, request => DecideAsync(request, Id(request), ReviewerVerdict.Rejected)));
            group.MapPost("/posts/{id}/request-changes", Run(mapping, request => DecideAsync(request, Id(request), ReviewerVerdict.ChangesRequested)));
            group.MapPost("/untrusted/cancel", Run(mapping, request => CancelUntrustedAsync(request, id: null)));
            group.MapPost("/untrusted/{id}/cancel", Run(mapping, request => CancelUntrustedAsync(request, Id(request))));
            group.MapGet("/hold", Run(mapping, HoldAsync));
            group.MapPost("/hold/engage", Run(mapping, request => ChangeHoldAsync(request, engage: true)));
            group.MapPost("/hold/release", Run(mapping, request => ChangeHoldAsync(request, engage: false)));
            group.MapGet("/history", Run(mapping, request => HistoryAsync(request, HistoryFormat.Page)));
            group.MapGet("/history.csv", Run(mapping, request => HistoryAsync(request, HistoryFormat.Csv)));
            group.MapGet("/history.jsonl", Run(mapping, request => HistoryAsync(request, HistoryFormat.JsonLines)));
            group.MapGet(StylesheetPath, Run(mapping, _ => Task.FromResult(Results.Text(ReviewPages.Stylesheet, "text/css; charset=utf-8"))))
                .WithMetadata(new ReviewSuffix(StylesheetPath));
        }

        private enum HistoryFormat
        {
            Page,
            Csv,
            JsonLines,
        }

        private static RequestDelegate Run(ReviewMapping mapping, Func<ReviewRequest, Task<IResult>> handler)
            => async http =>
            {
                var request = await new ReviewRequest(http, http.Request.PathBase.Add(mapping.Prefix)).LoadAsync().ConfigureAwait(false);
                IResult result;
                try
                {
                    result = await handler(request).ConfigureAwait(false);
                }
                catch (ApprovalRecordCorruptException e) when (e.RequestId is not null)
                {
                    // A post page or a decision on a request whose row cannot be trusted: say so, naming it, and nothing else.
                    result = Page(ReviewPages.Untrusted(request, e.RequestId, e.Problem ?? "it cannot be read"), StatusCodes.Status409Conflict);
                }

                await result.ExecuteAsync(http).ConfigureAwait(false);
            };

        private static string Id(ReviewRequest request) => request.Http.Request.RouteValues["id"] as string ?? string.Empty;

        private static async Task<IResult> QueueAsync(ReviewRequest request)
        {
            var pending = await VisibleAsync(request, await request.Data.PendingAsync(request.Http.RequestAborted).ConfigureAwait(false)).ConfigureAwait(false);
            // Shown to every reviewer: the channel of an untrusted row cannot be trusted either, and only its id is shown.
            var untrusted = await request.Data.UntrustedAsync(request.Http.RequestAborted).ConfigureAwait(false);
            var mayCancel = untrusted.Count > 0 && request.Reviewer is not null && await request.AdmitsAsync(request.Options.Untrusted).ConfigureAwait(false);
            var sentBack = await VisibleAsync(request, await request.Data.SentBackAsync(request.Http.RequestAborted).ConfigureAwait(false)).ConfigureAwait(false);
            var ordered = pending.OrderBy(r => r.DueAt ?? DateTimeOffset.MaxValue).ThenBy(r => r.SubmittedAt).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
            var waiting = sentBack.OrderByDescending(r => r.Decisions.Count > 0 ? r.Decisions[r.Decisions.Count - 1].At : r.SubmittedAt).Take(50).ToList();
            return Page(ReviewPages.Queue(request, ordered, waiting, untrusted, mayCancel, ReviewMessages.From(request.Http.Request.Query["outcome"])));
        }

        private static async Task<IResult> PostAsync(ReviewRequest request, string id)
        {
            var record = await FindVisibleAsync(request, id).ConfigureAwait(false);
            if (record is null)
            {
                return NotFound(request);
            }

            // The previous revision, shown as a diff, only if it is visible under the same rules.
            var previous = record.Supersedes is { } earlier ? await FindVisibleAsync(request, earlier).ConfigureAwait(false) : null;
            return Page(ReviewPages.Post(request, record, previous, ReviewMessages.From(request.Http.Request.Query["outcome"])));
        }

        private static async Task<IResult> DecideAsync(ReviewRequest request, string id, ReviewerVerdict verdict)
        {
            if (await RefuseChangeAsync(request).ConfigureAwait(false) is { } refusal)
            {
                return refusal;
            }

            var record = await FindVisibleAsync(request, id).ConfigureAwait(false);
            if (record is null)
            {
                return NotFound(request);
            }

            if (verdict == ReviewerVerdict.Approved && record.Content is null)
            {
                return SeeOther(PostUrl(request, record.Id, ReviewMessages.ContentNotKept));
            }

            var (reason, tooLong) = await ReadTextAsync(request, "reason").ConfigureAwait(false);
            if (tooLong || (verdict != ReviewerVerdict.Approved && reason is null))
            {
                return SeeOther(PostUrl(request, record.Id, tooLong ? ReviewMessages.ReasonTooLong : ReviewMessages.ReasonRequired));
            }

            var ledger = request.Data.Ledger;
            var cancellation = request.Http.RequestAborted;
            var result = verdict switch
            {
                ReviewerVerdict.Approved => await ledger.DecideAsync(record.Id, request.Reviewer!, approve: true, reason, cancellation).ConfigureAwait(false),
                ReviewerVerdict.Rejected => await ledger.DecideAsync(record.Id, request.Reviewer!, approve: false, reason, cancellation).ConfigureAwait(false),
                _ => await ledger.RequestChangesAsync(record.Id, request.Reviewer!, reason!, cancellation).ConfigureAwait(false),
            };
            if (!result.IsRecorded)
            {
                return SeeOther(PostUrl(request, record.Id, result.Outcome.ToString()));
            }

            var outcome = verdict switch
            {
                ReviewerVerdict.Approved => ReviewMessages.Approved,
                ReviewerVerdict.Rejected => ReviewMessages.Rejected,
                _ => ReviewMessages.ChangesRequested,
            };
            return SeeOther(request.Url("/") + "?outcome=" + outcome);
        }

        /// <summary>
        /// Cancels a request whose row cannot be trusted, and only such a request: an id typed in for a request that is
        /// fine (of any channel) cancels nothing and is answered as if it did not exist.
        /// </summary>
        /// <remarks>
        /// The queue's Cancel button posts the id in the form (<c>/untrusted/cancel</c>), so that any id the store holds
        /// can be cancelled, one with <c>/</c>, <c>&lt;</c> or spaces included; the id in the path is kept for links
        /// and scripts, for ids of letters, digits and <c>-_.:</c>.
        /// </remarks>
        private static async Task<IResult> CancelUntrustedAsync(ReviewRequest request, string? id)
        {
            if (await RefuseChangeAsync(request).ConfigureAwait(false) is { } refusal)
            {
                return refusal;
            }

            if (!await request.AdmitsAsync(request.Options.Untrusted).ConfigureAwait(false))
            {
                return Page(ReviewPages.Refusal(request, "Not allowed", "You may not cancel requests that cannot be trusted."), StatusCodes.Status403Forbidden);
            }

            if (id is null)
            {
                var form = request.Http.Request.HasFormContentType ? await request.Http.Request.ReadFormAsync(request.Http.RequestAborted).ConfigureAwait(false) : null;
                id = form?["id"].ToString() ?? string.Empty;
            }
            else if (!IsWellFormedId(id))
            {
                id = string.Empty;
            }

            if (id.Length is 0 or > MaxFormIdLength || string.IsNullOrWhiteSpace(id)
                || !await request.Data.Ledger.CancelUntrustedAsync(id, request.Reviewer!, "cancelled from the review dashboard", request.Http.RequestAborted).ConfigureAwait(false))
            {
                return Page(ReviewPages.Refusal(request, "Not found", "There is no request that cannot be trusted with this id still waiting to be cancelled."), StatusCodes.Status404NotFound);
            }

            return SeeOther(request.Url("/") + "?outcome=" + ReviewMessages.UntrustedCancelled);
        }

        private static async Task<IResult> HoldAsync(ReviewRequest request)
        {
            IReadOnlyList<HoldPeriod>? history = null;
            try
            {
                history = request.HoldUnreadable ? null : await request.Data.Hold.GetHistoryAsync(request.Http.RequestAborted).ConfigureAwait(false);
            }
            catch (ApprovalRecordCorruptException e) when (e.RequestId is null)
            {
                // A damaged row of the history, active or not.
            }

            var mayChange = request.Reviewer is not null && await request.AdmitsAsync(request.Options.Hold).ConfigureAwait(false);
            if (history is null)
            {
                // Redeems and gates refuse while the history cannot be read; engaging still works, so the stop stays at hand.
                return Page(ReviewPages.UnreadableHold(request, mayChange, ReviewMessages.From(request.Http.Request.Query["outcome"])), StatusCodes.Status409Conflict);
            }

            return Page(ReviewPages.Hold(request, history, mayChange, ReviewMessages.From(request.Http.Request.Query["outcome"])));
        }

        private static async Task<IResult> ChangeHoldAsync(ReviewRequest request, bool engage)
        {
            if (await RefuseChangeAsync(request).ConfigureAwait(false) is { } refusal)
            {
                return refusal;
            }

            if (!await request.AdmitsAsync(request.Options.Hold).ConfigureAwait(false))
            {
                return Page(ReviewPages.Refusal(request, "Not allowed", "You may not engage or release the publishing hold."), StatusCodes.Status403Forbidden);
            }

            var hold = request.Data.Hold;
            string outcome;
            if (engage)
            {
                var (reason, tooLong) = await ReadTextAsync(request, "reason").ConfigureAwait(false);
                outcome = tooLong ? ReviewMessages.ReasonTooLong
                    : reason is null ? ReviewMessages.ReasonRequired
                    : await hold.EngageAsync(reason, request.Reviewer!, request.Http.RequestAborted).ConfigureAwait(false) ? ReviewMessages.HoldEngaged
                    : ReviewMessages.HoldAlreadyEngaged;
            }
            else
            {
                try
                {
                    outcome = await hold.ReleaseAsync(request.Reviewer!, request.Http.RequestAborted).ConfigureAwait(false) ? ReviewMessages.HoldReleased : ReviewMessages.HoldNotEngaged;
                }
                catch (ApprovalRecordCorruptException e) when (e.RequestId is null)
                {
                    outcome = ReviewMessages.HoldUnreadable;
                }
            }

            return SeeOther(request.Url("/hold") + "?outcome=" + outcome);
        }

        private static async Task<IResult> HistoryAsync(ReviewRequest request, HistoryFormat format)
        {
            if (!await request.AdmitsAsync(request.Options.History).ConfigureAwait(false))
            {
                return Page(ReviewPages.Refusal(request, "Not allowed", "You may not read the history."), StatusCodes.Status403Forbidden);
            }

            var filter = HistoryFilter.Read(request.Http.Request.Query);
            if (request.Data.Audit is null)
            {
                return format == HistoryFormat.Page
                    ? Page(ReviewPages.History(request, filter, Array.Empty<ApprovalAuditEvent>(), available: false, truncated: false))
                    : Page(ReviewPages.Refusal(request, "No history", "This app does not keep an audit trail that can be read back."), StatusCodes.Status404NotFound);
            }

            var events = await request.Data.Audit.ReadAsync(filter.ToQuery(), request.Http.RequestAborted).ConfigureAwait(false);
            var visible = new List<ApprovalAuditEvent>(events.Count);
            foreach (var auditEvent in events)
            {
                // Events of a channel the user may not review stay as hidden as its posts; hold changes have no channel.
                if (auditEvent.Channel is null ? auditEvent.RequestId is null || await MaySeeRequestAsync(request, auditEvent.RequestId).ConfigureAwait(false)
                    : await request.AdmitsAsync(request.Options.RuleFor(auditEvent.Channel)).ConfigureAwait(false))
                {
                    visible.Add(auditEvent);
                }
            }

            switch (format)
            {
                case HistoryFormat.Csv:
                    return Export(visible, "text/csv; charset=utf-8", "approval-history.csv", ApprovalAuditExport.WriteCsv);
                case HistoryFormat.JsonLines:
                    return Export(visible, "application/x-ndjson; charset=utf-8", "approval-history.jsonl", ApprovalAuditExport.WriteJsonLines);
                default:
                    var newest = visible.AsEnumerable().Reverse().Take(HistoryPageSize).ToList();
                    return Page(ReviewPages.History(request, filter, newest, available: true, truncated: visible.Count > HistoryPageSize));
            }
        }

        private static IResult Export(IReadOnlyList<ApprovalAuditEvent> events, string contentType, string fileName, Action<TextWriter, IEnumerable<ApprovalAuditEvent>> write)
        {
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            write(writer, events);
            return Results.File(Encoding.UTF8.GetBytes(writer.ToString()), contentType, fileName);
        }

        private static async Task<bool> MaySeeRequestAsync(ReviewRequest request, string requestId)
        {
            ApprovalRecord? record;
            try
            {
                record = await request.Data.FindAsync(requestId, request.Http.RequestAborted).ConfigureAwait(false);
            }
            catch (ApprovalRecordCorruptException)
            {
                // Its events name no content; the queue shows its id to every reviewer too.
                return true;
            }

            return record is null || await request.MaySeeAsync(record).ConfigureAwait(false);
        }

        /// <summary>Refuses a state change without a valid antiforgery token or without a signed-in reviewer.</summary>
        private static async Task<IResult?> RefuseChangeAsync(ReviewRequest request)
        {
            var antiforgery = request.Http.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(request.Http).ConfigureAwait(false))
            {
                return Page(ReviewPages.Refusal(request, "Form expired", "The form could not be verified. Go back, reload the page and try again."), StatusCodes.Status400BadRequest);
            }

            if (request.Reviewer is null)
            {
                return Page(ReviewPages.Refusal(request, "Sign in to decide", "Decisions are recorded in the name of a signed-in person. Sign in and try again."), StatusCodes.Status403Forbidden);
            }

            return null;
        }

        private static async Task<List<ApprovalRecord>> VisibleAsync(ReviewRequest request, IEnumerable<ApprovalRecord> records)
        {
            var visible = new List<ApprovalRecord>();
            foreach (var record in records)
            {
                if (await request.MaySeeAsync(record).ConfigureAwait(false))
                {
                    visible.Add(record);
                }
            }

            return visible;
        }

        /// <summary>The record, if it exists and the user may see its channel; otherwise null, so another channel's ids reveal nothing.</summary>
        private static async Task<ApprovalRecord?> FindVisibleAsync(ReviewRequest request, string id)
        {
            if (!IsWellFormedId(id))
            {
                return null;
            }

            var record = await request.Data.FindAsync(id, request.Http.RequestAborted).ConfigureAwait(false);
            return record is not null && await request.MaySeeAsync(record).ConfigureAwait(false) ? record : null;
        }

        internal static bool IsWellFormedId(string id)
            => id.Length is > 0 and <= 128 && id.All(c => (char.IsLetterOrDigit(c) && c < 128) || c is '-' or '_' or '.' or ':');

        /// <summary>A reason or note from the form: null when empty; refused (not cut) when longer than the page's maxlength, which only a browser enforces.</summary>
        private static async Task<(string? Text, bool TooLong)> ReadTextAsync(ReviewRequest request, string field)
        {
            if (!request.Http.Request.HasFormContentType)
            {
                return (null, false);
            }

            var form = await request.Http.Request.ReadFormAsync(request.Http.RequestAborted).ConfigureAwait(false);
            var text = form[field].ToString().Trim();
            return text.Length == 0 ? (null, false) : text.Length > MaxReasonLength ? (null, true) : (text, false);
        }

        private static string PostUrl(ReviewRequest request, string id, string outcome)
            => request.Url("/posts/" + Uri.EscapeDataString(id)) + "?outcome=" + Uri.EscapeDataString(outcome);

        private static IResult SeeOther(string url) => new SeeOtherResult(url);

        private static IResult NotFound(ReviewRequest request)
            => Page(ReviewPages.Refusal(request, "Not found", "There is no post with this id that you may review."), StatusCodes.Status404NotFound);

        private static IResult Page(string html, int status = StatusCodes.Status200OK) => Results.Content(html, "text/html; charset=utf-8", statusCode: status);

        /// <summary>303 See Other: the answer to a form post, so a reload does not post again.</summary>
        private sealed class SeeOtherResult(string location) : IResult
        {
            public Task ExecuteAsync(HttpContext httpContext)
            {
                httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
                httpContext.Response.Headers.Location = location;
                return Task.CompletedTask;
            }
        }
    }
}
