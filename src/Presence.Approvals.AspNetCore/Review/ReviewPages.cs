using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.DependencyInjection;

namespace Presence
{
    /// <summary>The dashboard's pages: plain HTML forms, one external stylesheet, no script.</summary>
    internal static class ReviewPages
    {
        private const int QueuePreviewLength = 600;

        private const string UntrustedAdvice =
            "Its stored row was changed outside the approval ledger or is damaged, so it is not shown, and nothing can be decided on or published from it. "
            + "Restore the row from a backup, or cancel the request (Cancel, or ApprovalLedger.CancelAsync) and submit the content again.";

        public static string Queue(ReviewRequest request, IReadOnlyList<ApprovalRecord> pending, IReadOnlyList<ApprovalRecord> sentBack, IReadOnlyList<UntrustedApprovalRequest> untrusted, bool mayCancelUntrusted, ReviewMessages? message)
        {
            var html = Begin(request, "Queue", message);
            if (untrusted.Count > 0)
            {
                html.Raw("<section class=\"untrusted\" role=\"alert\">");
                html.Element("h2", $"Cannot be trusted ({untrusted.Count})");
                html.Element("p", UntrustedAdvice);
                html.Raw("<ul>");
                foreach (var entry in untrusted)
                {
                    html.Raw("<li").Attribute("id", "untrusted-" + entry.RequestId).Raw("><code>").Text(entry.RequestId).Raw("</code>: ").Text(entry.Problem);
                    if (mayCancelUntrusted)
                    {
                        // The id goes in the form, not the path: a damaged row's id may hold any character.
                        Form(html, request, request.Url("/untrusted/cancel"), "cancel-untrusted");
                        html.Raw("<input type=\"hidden\" name=\"id\"").Attribute("value", entry.RequestId).Raw(">");
                        html.Raw("<button type=\"submit\" class=\"reject\"").Attribute("aria-label", "Cancel request " + entry.RequestId).Raw(">Cancel</button></form>");
                    }

                    html.Raw("</li>");
                }

                html.Raw("</ul></section>");
            }

            html.Element("h1", $"Waiting for review ({pending.Count})");
            if (pending.Count == 0)
            {
                html.Element("p", "Nothing is waiting for review. Posts submitted for review appear here.", "empty");
            }
            else
            {
                html.Raw("<table class=\"queue\"><thead><tr><th scope=\"col\">Channel</th><th scope=\"col\">Post</th><th scope=\"col\">Author</th>")
                    .Raw("<th scope=\"col\">Submitted</th><th scope=\"col\">Due</th><th scope=\"col\">Steps</th><th scope=\"col\"></th></tr></thead><tbody>");
                foreach (var record in pending)
                {
                    html.Raw("<tr").Attribute("id", "post-" + record.Id).Raw("><td>").Text(record.Channel ?? "—").Raw("</td><td><div class=\"content preview\">")
                        .Text(Preview(ContentOf(record), QueuePreviewLength)).Raw("</div>");
                    if (record.Supersedes is not null)
                    {
                        html.Element("span", "revision", "tag");
                    }

                    html.Raw("</td><td>").Text(record.Author).Raw("</td><td>").Time(record.SubmittedAt).Raw("</td><td>");
                    Due(html, request, record);
                    var (done, needed) = Steps(request, record);
                    html.Raw("</td><td>").Text($"{done} of {needed}").Raw("</td><td>")
                        .Link(PostUrl(request, record), "Review", "button").Raw("</td></tr>");
                }

                html.Raw("</tbody></table>");
            }

            if (sentBack.Count > 0)
            {
                html.Element("h2", $"Sent back to their authors ({sentBack.Count})");
                html.Raw("<table class=\"queue sent-back\"><thead><tr><th scope=\"col\">Channel</th><th scope=\"col\">Post</th><th scope=\"col\">Author</th><th scope=\"col\">Changes asked for</th><th scope=\"col\"></th></tr></thead><tbody>");
                foreach (var record in sentBack)
                {
                    var note = record.Decisions.LastOrDefault(d => d.ChangesRequested);
                    html.Raw("<tr><td>").Text(record.Channel ?? "—").Raw("</td><td><div class=\"content preview\">").Text(Preview(ContentOf(record), 200))
                        .Raw("</div></td><td>").Text(record.Author).Raw("</td><td>").Text(note is null ? string.Empty : $"{note.Reviewer}: {note.Reason}")
                        .Raw("</td><td>").Link(PostUrl(request, record), "Open").Raw("</td></tr>");
                }

                html.Raw("</tbody></table>");
            }

            return End(html);
        }

        public static string Post(ReviewRequest request, ApprovalRecord record, ApprovalRecord? previous, ReviewMessages? message)
        {
            var html = Begin(request, "Post", message);
            html.Raw("<p>").Link(request.Url("/"), "← Queue").Raw("</p>");
            html.Element("h1", $"{record.Channel ?? "Post"} by {record.Author}");
            html.Raw("<dl class=\"facts\">");
            Fact(html, "Status", StatusText(record));
            html.Raw("<dt>Submitted</dt><dd>").Time(record.SubmittedAt).Raw("</dd><dt>Due</dt><dd>");
            Due(html, request, record);
            var (done, needed) = Steps(request, record);
            html.Raw("</dd>");
            Fact(html, "Steps done", $"{done} of {needed}");
            if (record.NotifyTo is not null)
            {
                Fact(html, "Decisions are told to", record.NotifyTo);
            }

            Fact(html, "Fingerprint", record.Fingerprint.Value);
            html.Raw("</dl>");

            html.Element("h2", "As it will appear");
            var content = PostContent.Of(record);
            html.Element("div", content.Text, "content");
            if (content.Details.Count > 0)
            {
                html.Raw("<dl class=\"facts details\">");
                foreach (var detail in content.Details)
                {
                    Fact(html, detail.Key, detail.Value);
                }

                html.Raw("</dl>");
            }

            if (previous is not null)
            {
                html.Element("h2", "Changes since the previous revision");
                var note = previous.Decisions.LastOrDefault(d => d.ChangesRequested);
                if (note is not null)
                {
                    html.Raw("<p class=\"note\">").Text($"{note.Reviewer} asked for changes: ").Raw("<q>").Text(note.Reason).Raw("</q></p>");
                }

                Diff(html, ContentOf(previous), ContentOf(record));
                html.Raw("<p>").Link(PostUrl(request, previous), "Previous revision").Raw("</p>");
            }

            html.Element("h2", "Decisions");
            if (record.Decisions.Count == 0)
            {
                html.Element("p", "No decisions yet.", "empty");
            }
            else
            {
                html.Raw("<ul class=\"decisions\">");
                foreach (var decision in record.Decisions)
                {
                    var verb = decision.Verdict switch
                    {
                        ReviewerVerdict.Approved => "approved",
                        ReviewerVerdict.Rejected => "rejected",
                        _ => "asked for changes",
                    };
                    html.Raw("<li>").Text($"{decision.Reviewer} {verb} in {decision.StepName}, ").Time(decision.At);
                    if (decision.Reason is not null)
                    {
                        html.Raw(": <q>").Text(decision.Reason).Raw("</q>");
                    }

                    html.Raw("</li>");
                }

                html.Raw("</ul>");
            }

            if (record.Status == ApprovalStatus.Pending && request.Reviewer is not null)
            {
                html.Element("h2", "Your decision");
                if (string.Equals(record.Author, request.Reviewer, StringComparison.OrdinalIgnoreCase) && !request.Data.Ledger.Policy.AllowSelfApproval)
                {
                    html.Element("p", "You wrote this post. Someone else must approve it; the ledger refuses your own approval.", "note");
                }

                var postUrl = PostUrl(request, record);
                if (record.Content is null)
                {
                    html.Element("p", ReviewMessages.NoContentToApprove, "note");
                }

                html.Raw("<div class=\"actions\">");
                if (record.Content is not null)
                {
                    Form(html, request, postUrl + "/approve", "approve");
                    html.Raw("<button type=\"submit\" class=\"approve\">Approve</button></form>");
                }

                Form(html, request, postUrl + "/request-changes", "request-changes");
                TextArea(html, "changes-note", "What should change?");
                html.Raw("<button type=\"submit\">Request changes</button></form>");
                Form(html, request, postUrl + "/reject", "reject");
                TextArea(html, "reject-reason", "Reason for rejecting");
                html.Raw("<button type=\"submit\" class=\"reject\">Reject</button></form>");
                html.Raw("</div>");
            }

            return End(html);
        }

        public static string Hold(ReviewRequest request, IReadOnlyList<HoldPeriod> periods, bool mayChange, ReviewMessages? message)
        {
            var html = Begin(request, "Publishing hold", message);
            html.Element("h1", "Publishing hold");
            html.Element("p", "The hold stops every scheduled post at once, when the world changed. Releasing it does not let the backlog out: posts that fell due during the hold need a fresh decision.");
            var current = request.CurrentHold;
            if (current is null)
            {
                html.Element("p", "Publishing is allowed.", "status-ok");
            }

            if (mayChange)
            {
                if (current is null)
                {
                    Form(html, request, request.Url("/hold/engage"), "hold");
                    TextArea(html, "hold-reason", "Why stop publishing?");
                    html.Raw("<button type=\"submit\" class=\"reject\">Put publishing on hold</button></form>");
                }
                else
                {
                    Form(html, request, request.Url("/hold/release"), "hold");
                    html.Raw("<button type=\"submit\">Release the hold</button></form>");
                }
            }

            html.Element("h2", "History");
            if (periods.Count == 0)
            {
                html.Element("p", "Publishing has never been on hold.", "empty");
            }
            else
            {
                html.Raw("<table class=\"history\"><thead><tr><th scope=\"col\">From</th><th scope=\"col\">Engaged by</th><th scope=\"col\">Reason</th><th scope=\"col\">Until</th><th scope=\"col\">Released by</th></tr></thead><tbody>");
                foreach (var period in periods.Reverse())
                {
                    html.Raw("<tr><td>").Time(period.Since).Raw("</td><td>").Text(period.EngagedBy).Raw("</td><td>").Text(period.Reason).Raw("</td><td>");
                    if (period.Until is { } until)
                    {
                        html.Time(until);
                    }
                    else
                    {
                        html.Text("in force");
                    }

                    html.Raw("</td><td>").Text(period.ReleasedBy ?? "—").Raw("</td></tr>");
                }

                html.Raw("</tbody></table>");
            }

            return End(html);
        }

        /// <summary>The hold page when its history cannot be read: says so, and still lets a reviewer engage the hold.</summary>
        public static string UnreadableHold(ReviewRequest request, bool mayChange, ReviewMessages? message)
        {
            var html = Begin(request, "Publishing hold", message);
            html.Element("h1", "Publishing hold");
            html.Raw("<p class=\"refusal\" role=\"alert\">").Text(
                "The publishing hold's history cannot be read, so it cannot be shown here. Until it is repaired, every redeem and every gate refuses: nothing is published. "
                + "Repair or remove the damaged row of presence_publishing_holds.").Raw("</p>");
            if (mayChange)
            {
                html.Element("p", "You can still put publishing on hold, so that it stays stopped after the damaged row is repaired.");
                Form(html, request, request.Url("/hold/engage"), "hold");
                TextArea(html, "hold-reason", "Why stop publishing?");
                html.Raw("<button type=\"submit\" class=\"reject\">Put publishing on hold</button></form>");
            }

            return End(html);
        }

        public static string History(ReviewRequest request, HistoryFilter filter, IReadOnlyList<ApprovalAuditEvent> events, bool available, bool truncated)
        {
            var html = Begin(request, "History", null);
            html.Element("h1", "History");
            if (!available)
            {
                html.Element("p", "This app does not keep an audit trail that can be read back. Register a store with an audit trail (services.AddPresenceApprovals) to see it here.", "empty");
                return End(html);
            }

            html.Raw("<form method=\"get\" class=\"filters\"").Attribute("action", request.Url("/history")).Raw(">");
            Filter(html, "request", "Post id", filter.RequestId);
            html.Raw("<label>Event <select name=\"kind\"><option value=\"\">any</option>");
            foreach (ApprovalAuditEventKind kind in Enum.GetValues(typeof(ApprovalAuditEventKind)))
            {
                html.Raw("<option").Attribute("value", kind.ToString()).Raw(filter.Kind == kind ? " selected>" : ">").Text(kind.ToString()).Raw("</option>");
            }

            html.Raw("</select></label>");
            Filter(html, "actor", "Who", filter.Actor);
            Filter(html, "channel", "Channel", filter.Channel);
            Filter(html, "from", "From (yyyy-mm-dd)", filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "date");
            Filter(html, "until", "Until (yyyy-mm-dd)", filter.Until?.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "date");
            html.Raw("<button type=\"submit\">Filter</button></form>");
            var query = filter.QueryString.Length == 0 ? string.Empty : "?" + filter.QueryString;
            html.Raw("<p class=\"exports\">Export what matches: ").Link(request.Url("/history.csv") + query, "CSV").Text(" · ")
                .Link(request.Url("/history.jsonl") + query, "JSON lines").Raw("</p>");

            if (events.Count == 0)
            {
                html.Element("p", "No events match.", "empty");
                return End(html);
            }

            if (truncated)
            {
                html.Element("p", $"The newest {events.Count} events that match; narrow the filters or export to see all.", "note");
            }

            html.Raw("<table class=\"history\"><thead><tr><th scope=\"col\">When</th><th scope=\"col\">Event</th><th scope=\"col\">Who</th><th scope=\"col\">Post</th><th scope=\"col\">Channel</th><th scope=\"col\">Detail</th></tr></thead><tbody>");
            foreach (var e in events)
            {
                if (e.Kind == ApprovalAuditEventKind.Unreadable)
                {
                    // A damaged row is shown where it is, saying so; the rest of the trail stays readable.
                    html.Raw("<tr class=\"unreadable\"><td>");
                    if (e.At == DateTimeOffset.MinValue)
                    {
                        html.Text("—");
                    }
                    else
                    {
                        html.Time(e.At);
                    }

                    html.Raw("</td><td>Cannot be read</td><td>—</td><td>").Text(e.RequestId is null ? string.Empty : Preview(e.RequestId, 12))
                        .Raw("</td><td>").Text(e.Channel ?? string.Empty).Raw("</td><td>").Text(e.Detail).Raw("</td></tr>");
                    continue;
                }

                html.Raw("<tr><td>").Time(e.At).Raw("</td><td>").Text(e.Kind.ToString());
                if (e.Outcome is not null)
                {
                    html.Text($" ({e.Outcome})");
                }

                html.Raw("</td><td>").Text(e.Actor ?? "—").Raw("</td><td>");
                if (e.RequestId is not null && ReviewEndpoints.IsWellFormedId(e.RequestId))
                {
                    html.Link(request.Url("/posts/" + Uri.EscapeDataString(e.RequestId)), Preview(e.RequestId, 12));
                }

                html.Raw("</td><td>").Text(e.Channel ?? string.Empty).Raw("</td><td>").Text(e.Detail);
                if (e.Reviewers.Count > 0)
                {
                    html.Text($" (approved by {string.Join(", ", e.Reviewers)})");
                }

                html.Raw("</td></tr>");
            }

            html.Raw("</tbody></table>");
            return End(html);
        }

        public static string Untrusted(ReviewRequest request, string requestId, string problem)
        {
            var html = Begin(request, "Cannot be trusted", null);
            html.Element("h1", "Cannot be trusted");
            html.Raw("<p class=\"refusal\" role=\"alert\">").Text($"Request {requestId} cannot be trusted: {problem}.").Raw("</p>");
            html.Element("p", UntrustedAdvice);
            html.Raw("<p><a href=\"").Text(request.Url("/")).Raw("\">Back to the queue</a></p>");
            return End(html);
        }

        public static string Refusal(ReviewRequest request, string title, string text)
        {
            var html = Begin(request, title, null);
            html.Element("h1", title);
            html.Raw("<p class=\"refusal\" role=\"alert\">").Text(text).Raw("</p>");
            html.Raw("<p><a href=\"").Text(request.Url("/")).Raw("\">Back to the queue</a></p>");
            return End(html);
        }

        internal static string ContentOf(ApprovalRecord record) => PostContent.Of(record).Text;

        private static string PostUrl(ReviewRequest request, ApprovalRecord record) => request.Url("/posts/" + Uri.EscapeDataString(record.Id));

        private static void TextArea(Html html, string id, string label)
            => html.Raw("<label").Attribute("for", id).Raw(">").Text(label).Raw("</label><textarea").Attribute("id", id)
                .Raw(" name=\"reason\" required maxlength=\"").Text(ReviewEndpoints.MaxReasonLength).Raw("\" rows=\"3\"></textarea>");

        private static void Filter(Html html, string name, string label, string? value, string type = "text")
            => html.Raw("<label>").Text(label).Raw(" <input").Attribute("type", type).Attribute("name", name).Attribute("value", value).Raw("></label>");

        private static void Diff(Html html, string before, string after)
        {
            var pieces = WordDiff.Compare(before, after);
            if (pieces is null)
            {
                html.Element("p", "Too long to compare word by word; the previous revision was:", "note");
                html.Element("div", before, "content");
                return;
            }

            html.Raw("<div class=\"content diff\">");
            foreach (var (kind, text) in pieces)
            {
                html.Raw(kind == WordDiff.Kind.Added ? "<ins>" : kind == WordDiff.Kind.Removed ? "<del>" : string.Empty).Text(text)
                    .Raw(kind == WordDiff.Kind.Added ? "</ins>" : kind == WordDiff.Kind.Removed ? "</del>" : string.Empty);
            }

            html.Raw("</div>");
        }

        internal static string Preview(string text, int length)
            => text.Length <= length ? text : text.Substring(0, length).TrimEnd() + "…";

        private static Html Begin(ReviewRequest request, string title, ReviewMessages? message)
        {
            var html = new Html();
            html.Raw("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .Raw("<meta name=\"referrer\" content=\"no-referrer\"><title>").Text($"{title} · {request.Options.Title}").Raw("</title>")
                .Raw("<link rel=\"stylesheet\" href=\"").Text(request.Url(ReviewEndpoints.StylesheetPath)).Raw("\"></head><body><header><nav>")
                .Link(request.Url("/"), request.Options.Title, "brand").Link(request.Url("/"), "Queue").Link(request.Url("/hold"), "Publishing hold").Link(request.Url("/history"), "History")
                .Raw("</nav><span class=\"who\">").Text(request.Reviewer is null ? "Not signed in (read-only)" : "Signed in as " + request.Reviewer).Raw("</span></header>");
            if (request.CurrentHold is { } hold)
            {
                html.Raw("<div class=\"hold-banner\" role=\"status\"><strong>Publishing is on hold</strong> since ").Time(hold.Since)
                    .Text($", engaged by {hold.EngagedBy}: ").Raw("<q>").Text(hold.Reason).Raw("</q></div>");
            }
            else if (request.HoldUnreadable)
            {
                html.Raw("<div class=\"hold-banner\" role=\"alert\"><strong>The publishing hold cannot be read</strong>")
                    .Text(": a row of its history (presence_publishing_holds) was changed outside the app or is damaged, so nothing is published until it is repaired.")
                    .Raw("</div>");
            }

            html.Raw("<main>");
            if (message is not null)
            {
                html.Raw(message.IsRefusal ? "<p class=\"refusal\" role=\"alert\">" : "<p class=\"done\" role=\"status\">").Text(message.Text).Raw("</p>");
            }

            return html;
        }

        private static string End(Html html) => html.Raw("</main></body></html>").ToString();

        private static void Form(Html html, ReviewRequest request, string action, string cssClass)
        {
            var tokens = request.Http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(request.Http);
            html.Raw("<form method=\"post\"").Attribute("action", action).Attribute("class", cssClass).Raw("><input type=\"hidden\"")
                .Attribute("name", tokens.FormFieldName).Attribute("value", tokens.RequestToken).Raw(">");
        }

        private static void Fact(Html html, string name, string value) => html.Raw("<dt>").Text(name).Raw("</dt><dd>").Text(value).Raw("</dd>");

        private static void Due(Html html, ReviewRequest request, ApprovalRecord record)
        {
            if (record.DueAt is not { } due)
            {
                html.Text("once approved");
                return;
            }

            html.Time(due).Raw(" <span class=\"left\">(").Text(TimeLeft(due - request.Now)).Raw(")</span>");
        }

        internal static string TimeLeft(TimeSpan left)
        {
            if (left <= TimeSpan.Zero)
            {
                return "overdue";
            }

            if (left.TotalDays >= 1)
            {
                return string.Format(CultureInfo.InvariantCulture, "in {0} d {1} h", (int)left.TotalDays, left.Hours);
            }

            return left.TotalHours >= 1
                ? string.Format(CultureInfo.InvariantCulture, "in {0} h {1} min", (int)left.TotalHours, left.Minutes)
                : string.Format(CultureInfo.InvariantCulture, "in {0} min", Math.Max(1, (int)Math.Ceiling(left.TotalMinutes)));
        }

        /// <summary>How many of the policy's steps the decisions so far complete, and how many there are.</summary>
        internal static (int Done, int Needed) Steps(ReviewRequest request, ApprovalRecord record)
        {
            var steps = request.Data.Ledger.Policy.Steps;
            var done = 0;
            foreach (var step in steps)
            {
                var approvers = record.Decisions.Where(d => d.Approved && d.StepName == step.Name).Select(d => d.Reviewer).ToList();
                var complete = step.Mode == ApprovalMode.All
                    ? step.Reviewers.All(r => approvers.Contains(r, StringComparer.OrdinalIgnoreCase))
                    : approvers.Count > 0;
                if (!complete)
                {
                    break;
                }

                done++;
            }

            return (done, steps.Count);
        }

        private static string StatusText(ApprovalRecord record) => record.Status switch
        {
            ApprovalStatus.Pending => "Waiting for review",
            ApprovalStatus.Approved => record.DueAt is null ? "Approved: goes out when the publisher runs" : "Approved: goes out at its due time",
            ApprovalStatus.Rejected => "Rejected",
            ApprovalStatus.Cancelled => "Withdrawn",
            ApprovalStatus.Expired => "Expired: not published",
            ApprovalStatus.Redeemed => record.PublishOutcome switch
            {
                PublishOutcome.Published => "Published",
                PublishOutcome.Failed => "Publishing failed (the approval is spent)",
                _ => "Handed to the publisher (outcome not reported)",
            },
            ApprovalStatus.ChangesRequested => "Sent back to the author for changes",
            ApprovalStatus.Superseded => "Replaced by a newer revision",
            _ => record.Status.ToString(),
        };

        public const string Stylesheet = """
            :root { color-scheme: light; --ink: #1d2330; --muted: #5b6476; --line: #d9dee8; --ok: #1f7a3d; --bad: #a3261b; --hold: #8a5a00; }
            * { box-sizing: border-box; }
            body { margin: 0; font: 15px/1.5 system-ui, sans-serif; color: var(--ink); background: #f6f7fb; }
            header { display: flex; justify-content: space-between; align-items: center; padding: .6rem 1.2rem; background: #fff; border-bottom: 1px solid var(--line); }
            nav a { margin-right: 1rem; color: var(--ink); text-decoration: none; }
            nav a.brand { font-weight: 700; }
            .who { color: var(--muted); }
            main { max-width: 72rem; margin: 1.2rem auto; padding: 0 1.2rem; }
            table { width: 100%; border-collapse: collapse; background: #fff; }
            th, td { text-align: left; vertical-align: top; padding: .5rem .6rem; border-bottom: 1px solid var(--line); }
            .content { white-space: pre-wrap; overflow-wrap: anywhere; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .8rem 1rem; }
            .content.preview { border: 0; padding: 0; max-height: 9em; overflow: hidden; }
            .details { margin-top: .6rem; }
            .facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
            .facts dt { color: var(--muted); }
            .facts dd { margin: 0; overflow-wrap: anywhere; }
            .actions { display: flex; gap: 2rem; flex-wrap: wrap; align-items: flex-start; }
            form { display: flex; flex-direction: column; gap: .4rem; min-width: 16rem; }
            textarea { font: inherit; padding: .4rem; }
            button, a.button { font: inherit; padding: .4rem .9rem; border-radius: 6px; border: 1px solid var(--ink); background: #fff; color: var(--ink); cursor: pointer; text-decoration: none; display: inline-block; }
            button.approve { background: var(--ok); border-color: var(--ok); color: #fff; }
            button.reject { background: var(--bad); border-color: var(--bad); color: #fff; }
            .refusal { color: var(--bad); background: #fdecea; border: 1px solid #f3c1bb; padding: .6rem .8rem; border-radius: 6px; }
            .done { color: var(--ok); background: #e9f6ee; border: 1px solid #b9e0c6; padding: .6rem .8rem; border-radius: 6px; }
            .note { color: var(--hold); }
            .hold-banner { background: #fff4d6; border-bottom: 1px solid #f0d48a; color: var(--hold); padding: .6rem 1.2rem; }
            .empty, .left { color: var(--muted); }
            time, .left { white-space: nowrap; }
            del { background: #fdecea; color: var(--bad); }
            ins { background: #e9f6ee; color: var(--ok); text-decoration: none; }
            .tag { display: inline-block; margin-top: .3rem; font-size: .8em; color: var(--muted); border: 1px solid var(--line); border-radius: 4px; padding: 0 .3rem; }
            .filters { flex-direction: row; flex-wrap: wrap; align-items: flex-end; gap: .6rem; margin-bottom: 1rem; }
            .filters label { display: flex; flex-direction: column; font-size: .9em; color: var(--muted); }
            tr.unreadable td { color: var(--bad); }
            form.cancel-untrusted { display: inline-flex; min-width: 0; margin-left: .6rem; vertical-align: middle; }
            """;
    }
}
