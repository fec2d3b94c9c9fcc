using System;
using System.Linq;
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

        public static void Map(RouteGroupBuilder group, PathString prefix)
        {
            group.MapGet("/", Run(prefix, QueueAsync));
            group.MapGet("/posts/{id}", Run(prefix, request => PostAsync(request, Id(request))));
            group.MapPost("/posts/{id}/approve", Run(prefix, request => DecideAsync(request, Id(request), approve: true)));
            group.MapPost("/posts/{id}/reject", Run(prefix, request => DecideAsync(request, Id(request), approve: false)));
            group.MapGet("/hold", Run(prefix, HoldAsync));
            group.MapPost("/hold/engage", Run(prefix, request => ChangeHoldAsync(request, engage: true)));
            group.MapPost("/hold/release", Run(prefix, request => ChangeHoldAsync(request, engage: false)));
            group.MapGet("/assets/review.css", Run(prefix, _ => Task.FromResult(Results.Text(ReviewPages.Stylesheet, "text/css; charset=utf-8"))));
        }

        private static RequestDelegate Run(PathString prefix, Func<ReviewRequest, Task<IResult>> handler)
            => async http =>
            {
                var result = await handler(new ReviewRequest(http, prefix)).ConfigureAwait(false);
                await result.ExecuteAsync(http).ConfigureAwait(false);
            };

        private static string Id(ReviewRequest request) => request.Http.Request.RouteValues["id"] as string ?? string.Empty;

        private static async Task<IResult> QueueAsync(ReviewRequest request)
        {
            var pending = await request.Data.PendingAsync(request.Http.RequestAborted).ConfigureAwait(false);
            var visible = new System.Collections.Generic.List<ApprovalRecord>();
            foreach (var record in pending)
            {
                if (await request.MaySeeAsync(record).ConfigureAwait(false))
                {
                    visible.Add(record);
                }
            }

            var ordered = visible.OrderBy(r => r.DueAt ?? DateTimeOffset.MaxValue).ThenBy(r => r.SubmittedAt).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
            return Page(ReviewPages.Queue(request, ordered, ReviewMessages.From(request.Http.Request.Query["outcome"])));
        }

        private static async Task<IResult> PostAsync(ReviewRequest request, string id)
        {
            var record = await FindVisibleAsync(request, id).ConfigureAwait(false);
            if (record is null)
            {
                return NotFound(request);
            }

            return Page(ReviewPages.Post(request, record, ReviewMessages.From(request.Http.Request.Query["outcome"])));
        }

        private static async Task<IResult> DecideAsync(ReviewRequest request, string id, bool approve)
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

            var reason = await ReadTextAsync(request, "reason").ConfigureAwait(false);
            if (!approve && reason is null)
            {
                return SeeOther(PostUrl(request, record.Id, ReviewMessages.ReasonRequired));
            }

            var result = await request.Data.Ledger.DecideAsync(record.Id, request.Reviewer!, approve, reason, request.Http.RequestAborted).ConfigureAwait(false);
            if (!result.IsRecorded)
            {
                return SeeOther(PostUrl(request, record.Id, result.Outcome.ToString()));
            }

            return SeeOther(request.Url("/") + "?outcome=" + (approve ? ReviewMessages.Approved : ReviewMessages.Rejected));
        }

        private static Task<IResult> HoldAsync(ReviewRequest request)
            => Task.FromResult(Page(ReviewPages.Hold(request, ReviewMessages.From(request.Http.Request.Query["outcome"]))));

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

            string outcome;
            if (engage)
            {
                var reason = await ReadTextAsync(request, "reason").ConfigureAwait(false);
                outcome = reason is null ? ReviewMessages.ReasonRequired
                    : request.Data.Hold.Engage(reason, request.Reviewer!) ? ReviewMessages.HoldEngaged : ReviewMessages.HoldAlreadyEngaged;
            }
            else
            {
                outcome = request.Data.Hold.Release(request.Reviewer!) ? ReviewMessages.HoldReleased : ReviewMessages.HoldNotEngaged;
            }

            return SeeOther(request.Url("/hold") + "?outcome=" + outcome);
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
                return Page(ReviewPages.Refusal(request, "Sign in to decide", "Decisions are recorded in the name of a signed-in reviewer. Sign in and try again."), StatusCodes.Status403Forbidden);
            }

            return null;
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

        private static bool IsWellFormedId(string id)
            => id.Length is > 0 and <= 128 && id.All(c => char.IsLetterOrDigit(c) && c < 128 || c is '-' or '_' or '.' or ':');

        private static async Task<string?> ReadTextAsync(ReviewRequest request, string field)
        {
            if (!request.Http.Request.HasFormContentType)
            {
                return null;
            }

            var form = await request.Http.Request.ReadFormAsync(request.Http.RequestAborted).ConfigureAwait(false);
            var text = form[field].ToString().Trim();
            if (text.Length == 0)
            {
                return null;
            }

            return text.Length > MaxReasonLength ? text.Substring(0, MaxReasonLength) : text;
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
