using System;
using System.Linq;
using System.Net;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Presence.Approvals.AspNetCore.Tests.Support;

/// <summary>How a test app is put together; the defaults are the secure, documented set-up.</summary>
public sealed class ReviewAppOptions
{
    public string Environment { get; set; } = Environments.Production;

    /// <summary>Maps the dashboard; the default requires the "Reviewers" policy.</summary>
    public Action<IEndpointRouteBuilder> Map { get; set; } = app => app.MapPresenceReview("/review").RequireAuthorization("Reviewers");

    public Action<PresenceReviewOptions> Review { get; set; } = o =>
    {
        o.Channel("linkedin:acme").RequirePolicy("Brand");
        o.Channel("x:support").RequirePolicy("Support");
    };

    public Action<EditorDecisionOptions>? Editor { get; set; }

    /// <summary>The ledger's services; the default is the in-memory store.</summary>
    public Action<IServiceCollection> Approvals { get; set; } = ApprovalStores.InMemory;

    /// <summary>The app's own endpoints (an editor's "Publish now", say).</summary>
    public Action<WebApplication>? Endpoints { get; set; }
}

/// <summary>
/// A real app on Kestrel at a free loopback port: cookie sign-in (GET /test/signin/{user} signs in as one of
/// <see cref="Users"/>), policies Reviewers/Brand/Support, the dashboard at /review.
/// </summary>
public sealed class ReviewApp : IAsyncDisposable
{
    private ReviewApp(WebApplication app, Uri address)
    {
        App = app;
        Address = address;
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    public IServiceProvider Services => App.Services;

    public ApprovalLedger Ledger => Services.GetRequiredService<ApprovalLedger>();

    public static WebApplication Build(ReviewAppOptions options)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = options.Environment,
            ApplicationName = typeof(ReviewApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/signin";
                o.Cookie.Name = "review-test";
            });
        builder.Services.AddAuthorization(o =>
        {
            o.AddPolicy("Reviewers", p => p.RequireClaim("role", "reviewer"));
            o.AddPolicy("Brand", p => p.RequireClaim("team", "brand"));
            o.AddPolicy("Support", p => p.RequireClaim("team", "support"));
        });
        options.Approvals(builder.Services);
        builder.Services.AddPresenceReview(options.Review);
        if (options.Editor is not null)
        {
            builder.Services.AddPresenceEditorDecisions(options.Editor);
        }

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/signin", () => Results.Content("<!DOCTYPE html><title>Sign in</title><p>Sign in</p>", "text/html"));
        app.MapGet("/test/signin/{user}", async (HttpContext http, string user) =>
        {
            var identity = new ClaimsIdentity(Users.ClaimsOf(user), CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, "role");
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
            return Results.Redirect("/review/");
        });
        options.Endpoints?.Invoke(app);
        options.Map(app);
        return app;
    }

    public static async Task<ReviewApp> StartAsync(ReviewAppOptions? options = null)
    {
        var app = Build(options ?? new ReviewAppOptions());
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ReviewApp(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public static Task<ReviewApp> StartAsync(Action<ReviewAppOptions> configure)
    {
        var options = new ReviewAppOptions();
        configure(options);
        return StartAsync(options);
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (tests look at them).</summary>
    public ReviewClient Client() => new(Address);

    public async Task<ReviewClient> SignedInAsync(string user)
    {
        var client = Client();
        var response = await client.Http.GetAsync($"test/signin/{user}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
