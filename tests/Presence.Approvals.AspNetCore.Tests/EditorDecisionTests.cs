using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Presence.Approvals.AspNetCore.Tests.Support;

namespace Presence.Approvals.AspNetCore.Tests;

/// <summary>
/// An editor's "Publish now" button guarded by EditorDecision.ConfirmAsync, over real HTTP: it publishes only for a
/// signed-in person, with a valid antiforgery token, who was shown exactly the content about to go out.
/// </summary>
public sealed class EditorDecisionTests : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, string> _drafts = new();
    private readonly ConcurrentQueue<(string Text, string Editor)> _published = new();
    private readonly ManualClock _clock = new();
    private ReviewApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await ReviewApp.StartAsync(o =>
        {
            o.Approvals = services =>
            {
                ApprovalStores.InMemory(services);
                services.AddSingleton<TimeProvider>(_clock);
            };
            o.Editor = e => e.ShownLifetime = TimeSpan.FromMinutes(30);
            o.Endpoints = app =>
            {
                app.MapGet("/drafts/{id}", (HttpContext http, string id) =>
                    Results.Content($"<!DOCTYPE html><main><p>{System.Net.WebUtility.HtmlEncode(_drafts[id])}</p><form class=\"publish\" method=\"post\" action=\"/drafts/{id}/publish\">"
                        + EditorDecision.FormFields(http, _drafts[id]) + "<button>Publish now</button></form></main>", "text/html"));
                app.MapPost("/drafts/{id}/publish", async (HttpContext http, string id) =>
                {
                    var text = _drafts[id];
                    var decision = await EditorDecision.ConfirmAsync(http, text);
                    if (!decision.IsConfirmed)
                    {
                        return Results.Text(decision.Refusal.ToString(), statusCode: StatusCodes.Status403Forbidden);
                    }

                    _published.Enqueue((text, decision.Editor!));
                    return Results.Text("published");
                });
                app.MapPost("/drafts/{id}/publish-gated", async (HttpContext http, string id, ApprovalLedger ledger) =>
                {
                    // The click as the ledger's prompt: the ledger's rules and audit apply, and a gate gets a token.
                    var approval = await ledger.AskNowAsync(_drafts[id], author: Users.Alex, EditorDecision.AsPrompt(http));
                    if (approval is null)
                    {
                        return Results.Text("refused", statusCode: StatusCodes.Status403Forbidden);
                    }

                    _published.Enqueue((approval.Content, string.Join(",", approval.Reviewers)));
                    return Results.Text("published");
                });
            };
        });
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private string Draft(string text)
    {
        var id = Guid.NewGuid().ToString("N");
        _drafts[id] = text;
        return id;
    }

    private static async Task<string> Answer(HttpResponseMessage response) => await response.Content.ReadAsStringAsync();

    [Fact]
    public async Task The_signed_in_editors_click_on_what_they_were_shown_publishes()
    {
        var id = Draft("Launch day! Exports are twice as fast.");
        using var maria = await _app.SignedInAsync(Users.Maria);
        var page = await maria.GetAsync($"drafts/{id}");

        var response = await maria.SubmitAsync(page, "form.publish");

        Assert.Equal("published", await Answer(response));
        Assert.Contains(("Launch day! Exports are twice as fast.", Users.Maria), _published);
    }

    [Fact]
    public async Task As_the_ledgers_prompt_the_click_mints_a_token_and_the_ledgers_rules_apply()
    {
        var id = Draft("Alex's draft, published by Maria.");
        using var maria = await _app.SignedInAsync(Users.Maria);
        var page = await maria.GetAsync($"drafts/{id}");
        var fields = page.Document.QuerySelectorAll("form.publish input[type=hidden]").Select(i => (i.GetAttribute("name")!, i.GetAttribute("value")!)).ToArray();

        Assert.Equal("published", await Answer(await maria.PostAsync($"/drafts/{id}/publish-gated", fields)));
        Assert.Contains(("Alex's draft, published by Maria.", Users.Maria), _published);

        // Alex clicking on his own draft is the author approving himself: the ledger refuses.
        var own = Draft("Alex's draft, clicked by Alex.");
        using var alex = await _app.SignedInAsync(Users.Alex);
        var alexsPage = await alex.GetAsync($"drafts/{own}");
        var alexsFields = alexsPage.Document.QuerySelectorAll("form.publish input[type=hidden]").Select(i => (i.GetAttribute("name")!, i.GetAttribute("value")!)).ToArray();
        Assert.Equal("refused", await Answer(await alex.PostAsync($"/drafts/{own}/publish-gated", alexsFields)));

        // A click without the record of what was shown answers nothing: no token.
        var antiforgery = fields.Where(f => f.Item1 != EditorDecision.ShownFieldName).ToArray();
        Assert.Equal("refused", await Answer(await maria.PostAsync($"/drafts/{id}/publish-gated", antiforgery)));
    }

    [Fact]
    public async Task Content_edited_after_the_editor_saw_it_is_not_confirmed()
    {
        var id = Draft("Version the editor read.");
        using var maria = await _app.SignedInAsync(Users.Maria);
        var page = await maria.GetAsync($"drafts/{id}");
        _drafts[id] = "Version the editor read. #ad #sponsored";

        var response = await maria.SubmitAsync(page, "form.publish");

        Assert.Equal(nameof(EditorRefusal.ContentChanged), await Answer(response));
        Assert.DoesNotContain(_published, p => p.Text.Contains("#sponsored"));
    }

    [Fact]
    public async Task Nobody_signed_in_is_not_an_editor()
    {
        var id = Draft("Anonymous click.");
        using var anonymous = _app.Client();
        var page = await anonymous.GetAsync($"drafts/{id}");

        Assert.Equal(nameof(EditorRefusal.NotSignedIn), await Answer(await anonymous.SubmitAsync(page, "form.publish")));
    }

    [Fact]
    public async Task A_client_credentials_token_is_not_a_person()
    {
        var id = Draft("Machine click.");
        using var ci = await _app.SignedInAsync(Users.Ci);
        var page = await ci.GetAsync($"drafts/{id}");

        Assert.Equal(nameof(EditorRefusal.NotAPerson), await Answer(await ci.SubmitAsync(page, "form.publish")));
    }

    [Fact]
    public async Task Without_the_antiforgery_token_another_site_cannot_click_for_the_editor()
    {
        var id = Draft("Cross-site click.");
        using var maria = await _app.SignedInAsync(Users.Maria);
        var page = await maria.GetAsync($"drafts/{id}");
        var shown = page.Document.QuerySelector($"input[name={EditorDecision.ShownFieldName}]")!.GetAttribute("value")!;

        var response = await maria.PostAsync($"/drafts/{id}/publish", (EditorDecision.ShownFieldName, shown));

        Assert.Equal(nameof(EditorRefusal.AntiforgeryFailed), await Answer(response));
    }

    [Fact]
    public async Task A_form_without_the_record_of_what_was_shown_is_not_confirmed()
    {
        var id = Draft("Nothing shown.");
        using var maria = await _app.SignedInAsync(Users.Maria);
        var page = await maria.GetAsync($"drafts/{id}");
        var antiforgery = page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await maria.PostAsync($"/drafts/{id}/publish", ("__RequestVerificationToken", antiforgery));

        Assert.Equal(nameof(EditorRefusal.NothingShown), await Answer(response));
    }

    [Fact]
    public async Task A_forged_or_borrowed_record_of_what_was_shown_is_refused()
    {
        var id = Draft("Shown to Maria only.");
        using var maria = await _app.SignedInAsync(Users.Maria);
        using var omar = await _app.SignedInAsync(Users.Omar);
        var mariasShown = (await maria.GetAsync($"drafts/{id}")).Document.QuerySelector($"input[name={EditorDecision.ShownFieldName}]")!.GetAttribute("value")!;
        var omarsPage = await omar.GetAsync($"drafts/{id}");
        var omarsAntiforgery = omarsPage.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var borrowed = await omar.PostAsync($"/drafts/{id}/publish", ("__RequestVerificationToken", omarsAntiforgery), (EditorDecision.ShownFieldName, mariasShown));
        Assert.Equal(nameof(EditorRefusal.ShownRecordInvalid), await Answer(borrowed));

        var tampered = await omar.PostAsync($"/drafts/{id}/publish", ("__RequestVerificationToken", omarsAntiforgery), (EditorDecision.ShownFieldName, mariasShown[..^4] + "AAAA"));
        Assert.Equal(nameof(EditorRefusal.ShownRecordInvalid), await Answer(tampered));
    }

    [Fact]
    public async Task A_page_left_open_longer_than_the_shown_lifetime_needs_a_fresh_look()
    {
        var id = Draft("Written before the news.");
        using var maria = await _app.SignedInAsync(Users.Maria);
        var page = await maria.GetAsync($"drafts/{id}");
        _clock.Now += TimeSpan.FromMinutes(31);
        try
        {
            Assert.Equal(nameof(EditorRefusal.ShownRecordInvalid), await Answer(await maria.SubmitAsync(page, "form.publish")));
            var fresh = await maria.GetAsync($"drafts/{id}");
            Assert.Equal("published", await Answer(await maria.SubmitAsync(fresh, "form.publish")));
        }
        finally
        {
            _clock.Now -= TimeSpan.FromMinutes(31);
        }
    }

    [Fact]
    public async Task A_get_request_is_never_a_click()
    {
        var http = new DefaultHttpContext { RequestServices = _app.Services.CreateScope().ServiceProvider };
        http.Request.Method = HttpMethods.Get;
        http.User = new ClaimsPrincipal(new ClaimsIdentity(Users.ClaimsOf(Users.Maria), "Cookies"));

        var decision = await EditorDecision.ConfirmAsync(http, "GET publishes nothing");

        Assert.Equal(EditorRefusal.AntiforgeryFailed, decision.Refusal);
        Assert.False(decision.IsConfirmed);
    }

    [Fact]
    public async Task Without_the_services_it_says_what_to_register()
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().BuildServiceProvider() };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EditorDecision.ConfirmAsync(http, "text"));
        Assert.Contains("AddPresenceEditorDecisions", error.Message);
    }

    public static TheoryData<string, Claim[], bool> Principals => new()
    {
        { "cookie user", [new Claim(ClaimTypes.Name, "maria")], true },
        { "user token with a client", [new Claim("sub", "u-1"), new Claim("azp", "spa-client")], true },
        { "client credentials, no subject", [new Claim("client_id", "ci")], false },
        { "client credentials, subject is the client", [new Claim("sub", "ci"), new Claim("client_id", "ci")], false },
        { "app-only token", [new Claim("sub", "x"), new Claim("idtyp", "app")], false },
    };

    [Theory]
    [MemberData(nameof(Principals))]
    public void The_default_person_check_refuses_machine_credentials(string what, Claim[] claims, bool person)
    {
        Assert.Equal(person, PersonClaims.LooksLikePerson(new ClaimsPrincipal(new ClaimsIdentity(claims, "Bearer"))));
        Assert.False(string.IsNullOrEmpty(what));
    }

    [Theory]
    [InlineData("ApiKey")]
    [InlineData("API-Key")]
    public void An_api_key_identity_is_not_a_person(string scheme)
        => Assert.False(PersonClaims.LooksLikePerson(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "deploy")], scheme))));

    [Fact]
    public void An_anonymous_principal_is_not_a_person()
        => Assert.False(PersonClaims.LooksLikePerson(new ClaimsPrincipal(new ClaimsIdentity())));
}
