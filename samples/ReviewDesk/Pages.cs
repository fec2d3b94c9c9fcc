using System;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Presence;

namespace ReviewDesk;

/// <summary>The sample's own pages: the demo sign-in and the authors' desk. Plain HTML forms, every value encoded.</summary>
public static class Pages
{
    public static readonly string[] Channels = ["linkedin:acme", "x:acme", "mastodon:acme"];

    public static void MapDemoSignIn(this WebApplication app)
    {
        app.MapGet("/signin", (HttpContext http) =>
        {
            var body = new StringBuilder("<h1>Sign in</h1>");
            if (!app.Environment.IsDevelopment())
            {
                body.Append("<p>The demo sign-in exists in the Development environment only. Connect a real identity provider to run ReviewDesk elsewhere.</p>");
                return Html(http, "Sign in", body.ToString(), StatusCodes.Status404NotFound);
            }

            if (http.Request.Query.ContainsKey("denied"))
            {
                body.Append("<p class=\"refusal\" role=\"alert\">That page is for reviewers. Sign in as one of them.</p>");
            }

            body.Append("<p>Demo accounts (Development only, no password):</p>");
            foreach (var person in DemoUsers.All)
            {
                body.Append("<form method=\"post\" action=\"/signin\">").Append(Antiforgery(http))
                    .Append("<input type=\"hidden\" name=\"user\" value=\"").Append(Encode(person.Name)).Append("\">")
                    .Append("<button type=\"submit\">Sign in as ").Append(Encode(person.Name)).Append("</button> <span>")
                    .Append(Encode(person.Description)).Append("</span></form>");
            }

            return Html(http, "Sign in", body.ToString());
        }).AllowAnonymous();

        app.MapPost("/signin", async (HttpContext http) =>
        {
            if (!app.Environment.IsDevelopment() || !await Valid(http))
            {
                return Results.BadRequest();
            }

            var person = DemoUsers.Find((await http.Request.ReadFormAsync())["user"].ToString());
            if (person is null)
            {
                return Results.BadRequest();
            }

            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, DemoUsers.Principal(person));
            return Results.Redirect(person.Roles.Contains("reviewer") ? "/review/" : "/desk");
        }).AllowAnonymous();

        app.MapPost("/signout", async (HttpContext http) =>
        {
            if (!await Valid(http))
            {
                return Results.BadRequest();
            }

            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/signin");
        });
    }

    public static void MapDesk(this WebApplication app)
    {
        app.MapGet("/", () => Results.Redirect("/desk"));

        // The authors' desk: write a post for review, see what became of your posts, revise one sent back.
        app.MapGet("/desk", async (HttpContext http, ApprovalLedger ledger) =>
        {
            var me = http.User.Identity!.Name!;
            var body = new StringBuilder("<nav><a href=\"/desk\">Desk</a> · <a href=\"/review/\">Review</a> · <form class=\"inline\" method=\"post\" action=\"/signout\">")
                .Append(Antiforgery(http)).Append("<button type=\"submit\">Sign out ").Append(Encode(me)).Append("</button></form></nav>");
            body.Append("<h1>Write a post</h1><form method=\"post\" action=\"/desk\">").Append(Antiforgery(http))
                .Append("<label for=\"channel\">Channel</label><select id=\"channel\" name=\"channel\">");
            foreach (var channel in Channels)
            {
                body.Append("<option>").Append(Encode(channel)).Append("</option>");
            }

            body.Append("</select><label for=\"text\">Text</label><textarea id=\"text\" name=\"text\" rows=\"5\" required maxlength=\"3000\"></textarea>")
                .Append("<label for=\"due\">Goes out</label><select id=\"due\" name=\"due\"><option value=\"2\">in 2 minutes</option><option value=\"60\">in an hour</option><option value=\"1440\">tomorrow</option></select>")
                .Append("<button type=\"submit\">Submit for review</button></form>");

            body.Append("<h2>My posts</h2><table><thead><tr><th>Channel</th><th>Post</th><th>Status</th><th>Note</th></tr></thead><tbody>");
            foreach (var status in new[] { ApprovalStatus.ChangesRequested, ApprovalStatus.Pending, ApprovalStatus.Approved, ApprovalStatus.Redeemed, ApprovalStatus.Rejected })
            {
                foreach (var record in (await ledger.ListAsync(status, http.RequestAborted)).Where(r => r.Author == me))
                {
                    var note = record.Decisions.LastOrDefault(d => !d.Approved)?.Reason;
                    body.Append("<tr><td>").Append(Encode(record.Channel)).Append("</td><td class=\"content\">").Append(Encode(record.Content?.Text))
                        .Append("</td><td>").Append(Encode(status.ToString())).Append("</td><td>").Append(Encode(note));
                    if (status == ApprovalStatus.ChangesRequested)
                    {
                        body.Append("<form method=\"post\" action=\"/desk/").Append(Encode(record.Id)).Append("/revise\">").Append(Antiforgery(http))
                            .Append("<textarea name=\"text\" rows=\"4\" required maxlength=\"3000\">").Append(Encode(record.Content?.Text)).Append("</textarea>")
                            .Append("<button type=\"submit\">Submit the revision</button></form>");
                    }

                    body.Append("</td></tr>");
                }
            }

            return Html(http, "Desk", body.Append("</tbody></table>").ToString());
        }).RequireAuthorization();

        app.MapPost("/desk", async (HttpContext http, ApprovalLedger ledger, TimeProvider clock) =>
        {
            if (!await Valid(http))
            {
                return Results.BadRequest();
            }

            var form = await http.Request.ReadFormAsync();
            var channel = form["channel"].ToString();
            var text = form["text"].ToString().Trim();
            if (!Channels.Contains(channel) || text.Length is 0 or > 3000 || !int.TryParse(form["due"], out var minutes) || minutes is < 1 or > 10080)
            {
                return Results.BadRequest();
            }

            await ledger.SubmitAsync(new DeskPost(channel, text), new ApprovalSubmission(http.User.Identity!.Name!)
            {
                Channel = channel,
                DueAt = clock.GetUtcNow().AddMinutes(minutes),
            }, http.RequestAborted);
            return Results.Redirect("/desk");
        }).RequireAuthorization();

        app.MapPost("/desk/{id}/revise", async (HttpContext http, string id, ApprovalLedger ledger, TimeProvider clock) =>
        {
            if (!await Valid(http))
            {
                return Results.BadRequest();
            }

            var me = http.User.Identity!.Name!;
            var previous = await ledger.FindAsync(id, http.RequestAborted);
            var text = (await http.Request.ReadFormAsync())["text"].ToString().Trim();
            if (previous is null || previous.Author != me || previous.Channel is null || text.Length is 0 or > 3000)
            {
                return Results.NotFound();
            }

            await ledger.SubmitAsync(new DeskPost(previous.Channel, text), new ApprovalSubmission(me)
            {
                Supersedes = previous.Id,
                DueAt = previous.DueAt > clock.GetUtcNow() ? previous.DueAt : clock.GetUtcNow().AddMinutes(5),
            }, http.RequestAborted);
            return Results.Redirect("/desk");
        }).RequireAuthorization();
    }

    private static async Task<bool> Valid(HttpContext http) => await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http);

    private static string Antiforgery(HttpContext http)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return $"<input type=\"hidden\" name=\"{Encode(tokens.FormFieldName)}\" value=\"{Encode(tokens.RequestToken)}\">";
    }

    private static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    private static IResult Html(HttpContext http, string title, string body, int status = StatusCodes.Status200OK)
        => Results.Content(
            $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{Encode(title)} · ReviewDesk</title><link rel=\"stylesheet\" href=\"/desk.css\"></head><body><main>{body}</main></body></html>",
            "text/html; charset=utf-8",
            statusCode: status);

    public static void MapDeskStyles(this WebApplication app)
        => app.MapGet("/desk.css", () => Results.Text(
            "body{font:15px/1.5 system-ui,sans-serif;margin:0;background:#f6f7fb;color:#1d2330}main{max-width:60rem;margin:2rem auto;padding:0 1rem}"
            + "form{display:flex;flex-direction:column;gap:.4rem;margin:.6rem 0}form.inline{display:inline}textarea,select,button{font:inherit;padding:.3rem}"
            + "table{width:100%;border-collapse:collapse;background:#fff}td,th{text-align:left;padding:.4rem;border-bottom:1px solid #d9dee8;vertical-align:top}"
            + ".content{white-space:pre-wrap}.refusal{color:#a3261b}",
            "text/css")).AllowAnonymous();
}
