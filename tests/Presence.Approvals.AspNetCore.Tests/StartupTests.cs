using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Presence.Approvals.AspNetCore.Tests.Support;

namespace Presence.Approvals.AspNetCore.Tests;

/// <summary>The dashboard is never served to anonymous visitors by accident: the app does not start.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task Mapping_without_an_authorization_policy_fails_at_start_up()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ReviewApp.StartAsync(o => o.Map = app => app.MapPresenceReview("/review")));

        Assert.Contains("has no authorization policy", error.Message);
        Assert.Contains(".RequireAuthorization(", error.Message);
    }

    [Fact]
    public async Task Mapping_with_AllowAnonymous_fails_at_start_up_even_after_RequireAuthorization()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => ReviewApp.StartAsync(o => o.Map = app => app.MapPresenceReview("/review").RequireAuthorization("Reviewers").AllowAnonymous()));

        Assert.Contains("allows anonymous access", error.Message);
    }

    [Fact]
    public async Task Mapping_without_AddPresenceReview_says_what_to_call()
    {
        var builder = WebApplication.CreateBuilder();
        await using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapPresenceReview("/review"));
        Assert.Contains("AddPresenceReview", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("review")]
    [InlineData("/review/{id}")]
    public async Task A_prefix_that_is_not_a_plain_path_is_refused(string prefix)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => ReviewApp.StartAsync(o => o.Map = app => app.MapPresenceReview(prefix).RequireAuthorization("Reviewers")));
        Assert.Contains("prefix", error.Message);
    }

    [Fact]
    public async Task The_anonymous_mode_asked_for_by_name_fails_outside_Development()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ReviewApp.StartAsync(o =>
        {
            o.Environment = Environments.Staging;
            o.Map = app => app.MapPresenceReview("/review");
            o.Review = r => r.AllowAnonymousAccessInDevelopment = true;
        }));

        Assert.Contains("Development environment only", error.Message);
    }

    [Fact]
    public async Task The_anonymous_mode_in_Development_is_read_only_and_keeps_the_headers()
    {
        await using var app = await ReviewApp.StartAsync(o =>
        {
            o.Environment = Environments.Development;
            o.Map = endpoints => endpoints.MapPresenceReview("/review");
            o.Review = r => r.AllowAnonymousAccessInDevelopment = true;
        });
        var post = await app.Ledger.SubmitAsync("Visible in the demo.", Users.Alex, channel: "demo");
        using var anonymous = app.Client();

        var queue = await anonymous.GetAsync("review/");
        Assert.Equal(HttpStatusCode.OK, queue.Status);
        Assert.Contains("Visible in the demo.", queue.MainText);
        DashboardSecurityTests.AssertSecurityHeaders(queue.Response);

        var page = await anonymous.GetAsync($"review/posts/{post.Id}");
        Assert.Null(page.Document.QuerySelector("form.approve"));
        Assert.Null((await anonymous.GetAsync("review/hold")).Document.QuerySelector("form"));
        var response = await anonymous.PostAsync($"/review/posts/{post.Id}/approve");
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden, response.StatusCode.ToString());
        Assert.Equal(ApprovalStatus.Pending, (await app.Ledger.FindAsync(post.Id, default))!.Status);
    }

    [Fact]
    public async Task Two_dashboards_each_get_the_headers_and_the_check()
    {
        await using var app = await ReviewApp.StartAsync(o => o.Map = endpoints =>
        {
            endpoints.MapPresenceReview("/review").RequireAuthorization("Reviewers");
            endpoints.MapPresenceReview("/brand-review").RequireAuthorization("Brand");
        });
        using var anonymous = app.Client();

        var response = await anonymous.Http.GetAsync("brand-review/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        DashboardSecurityTests.AssertSecurityHeaders(response);

        var outside = await anonymous.Http.GetAsync("signin");
        Assert.False(outside.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task Inside_a_route_group_the_headers_and_links_follow_the_full_path()
    {
        await using var app = await ReviewApp.StartAsync(o => o.Map = endpoints =>
            endpoints.MapGroup("/admin").RequireAuthorization("Reviewers").MapPresenceReview("/review"));
        using var anonymous = app.Client();

        var refused = await anonymous.Http.GetAsync("admin/review/hold");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        SecurityHeaders.Assert(refused);

        using var maria = await app.SignedInAsync(Users.Maria);
        var queue = await maria.GetAsync("admin/review/");
        Assert.Equal(HttpStatusCode.OK, queue.Status);
        SecurityHeaders.Assert(queue.Response);
        Assert.Equal("/admin/review/assets/review.css", queue.Document.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));
        Assert.Contains("/admin/review/hold", queue.Document.QuerySelectorAll("nav a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task A_group_without_a_policy_around_the_dashboard_still_fails_at_start_up()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ReviewApp.StartAsync(o => o.Map = endpoints =>
            endpoints.MapGroup("/admin").MapPresenceReview("/review")));

        Assert.Contains("'/admin/review'", error.Message);
    }
}
