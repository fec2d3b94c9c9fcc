using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Tests.Verifiers;
using static Presence.Analyzers.Tests.Verifiers.PathVerifier;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// PRES003 for HTTP endpoints that receive machine calls, against the real ASP.NET Core shared framework and the
/// isolated worker's HTTP trigger: controller actions, minimal-API handlers in route groups, HTTP-triggered functions;
/// and the editor's own endpoints, which stay PRES001.
/// </summary>
public class WebhookEndpointTests
{
    private const string Publisher = """
        using System;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.DependencyInjection;
        using Presence;

        [PublishesContent("Mastodon")]
        public interface IMastodonPublisher { Task PublishStatus(string text); }

        public class Poster(IMastodonPublisher mastodon)
        {
            public Task Post(string text) => {|PRES001:mastodon.PublishStatus(text)|};
        }

        public interface IEditorReview { [HumanConfirmation] Task<bool> ConfirmAsync(HttpContext http, string text); }

        public sealed record DealEvent(string Text);

        """;

    private const string Path = " → Poster.Post → IMastodonPublisher.PublishStatus";

    [Fact]
    public Task Minimal_API_handlers_in_groups_lambdas_method_groups_and_local_functions()
        => PathVerifier.VerifyAsync(Publisher + """
            public static class Hooks
            {
                public static void Map(WebApplication app)
                {
                    var hooks = app.MapGroup("/hooks");
                    hooks.MapPost("/deals", async (DealEvent deal, Poster poster) {|#0:=>|} await poster.Post(deal.Text));
                    app.MapGroup("api").MapGroup("/v1").MapPut("relay/{id}", async (string id, Poster poster) {|#1:=>|} await poster.Post(id));
                    app.MapMethods("/websub/youtube", new[] { "GET", "POST" }, OnVideo);
                    app.MapPost("/stripe", OnPayment);
                    app.MapPost("/mentions", OnMention);

                    async Task<IResult> {|#2:OnPayment|}(HttpRequest request, Poster poster)
                    {
                        await poster.Post(request.Headers["Stripe-Signature"].ToString());
                        return Results.Ok();
                    }
                }

                public static Task {|#3:OnVideo|}(JsonElement feed, Poster poster) => poster.Post(feed.ToString());

                // Its own send is reported once, here, as the webhook's path.
                private static Task {|#4:OnMention|}(DealEvent mention, IMastodonPublisher mastodon) => mastodon.PublishStatus("Thanks! " + mention.Text);
            }
            """,
            PathVerifier.AspNetCore,
            Reply(0, "the webhook POST /hooks/deals in Hooks.Map", "webhook POST /hooks/deals" + Path),
            AnyCaller(1, "the anonymous endpoint PUT /api/v1/relay/{id} in Hooks.Map", "anonymous endpoint PUT /api/v1/relay/{id}" + Path),
            Reply(2, "OnPayment in Hooks.Map (a webhook POST /stripe)", "OnPayment" + Path),
            Reply(3, "Hooks.OnVideo (a webhook POST /websub/youtube)", "Hooks.OnVideo" + Path),
            Reply(4, "Hooks.OnMention (a webhook POST /mentions)", "Hooks.OnMention → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task Endpoints_that_require_a_signed_in_user_read_or_publish_nothing_are_no_webhooks()
        => PathVerifier.VerifyAsync(Publisher + """
            public static class Pages
            {
                public static void Map(WebApplication app)
                {
                    // A read, and a POST that publishes nothing.
                    app.MapGet("/hooks/status", (Poster poster) => poster.Post("status"));
                    app.MapPost("/hooks/ping", () => Results.Ok());

                    // The editors' group: every endpoint in it requires a signed-in user.
                    var editors = app.MapGroup("/editor").RequireAuthorization();
                    editors.MapPost("/publish", (string text, Poster poster) => poster.Post(text));
                    var desk = app.MapGroup("/desk");
                    desk.RequireAuthorization("Editors");
                    desk.MapPost("/publish", (string text, Poster poster) => poster.Post(text));
                    app.MapPost("/publish", (string text, Poster poster) => poster.Post(text)).RequireAuthorization();
                    app.MapPost("/publish-now", [Authorize] (string text, Poster poster) => poster.Post(text));
                    var later = app.MapPost("/publish-later", (string text, Poster poster) => poster.Post(text));
                    later.RequireAuthorization();
                }
            }
            """,
            PathVerifier.AspNetCore);

    // The route in the message is the one a request uses: with the prefixes of the groups it is mapped on.
    [Fact]
    public Task An_endpoint_in_a_route_group_is_named_by_its_whole_route()
        => PathVerifier.VerifyAsync(Publisher + """
            public static class Desk
            {
                public static void Map(WebApplication app, IMastodonPublisher mastodon)
                {
                    app.MapGroup("/admin").RequireAuthorization().MapPost("/quick-post", (string text) => {|#0:mastodon.PublishStatus(text)|});
                    var api = app.MapGroup("/api/");
                    var social = api.MapGroup("social").RequireAuthorization();
                    social.MapPost("/toot", (string text) => {|#1:mastodon.PublishStatus(text)|});
                }
            }
            """,
            PathVerifier.AspNetCore,
            Diagnostic(PresenceDiagnostics.UnconfirmedPublishWithoutCallers).WithLocation(0)
                .WithArguments("Posts to Mastodon through 'IMastodonPublisher.PublishStatus'", "the POST /admin/quick-post endpoint's handler in Desk.Map"),
            Diagnostic(PresenceDiagnostics.UnconfirmedPublishWithoutCallers).WithLocation(1)
                .WithArguments("Posts to Mastodon through 'IMastodonPublisher.PublishStatus'", "the POST /api/social/toot endpoint's handler in Desk.Map"));

    [Fact]
    public Task A_publish_in_an_editor_endpoint_s_lambda_is_not_advised_to_ask_the_mapping_method_s_callers()
        => PathVerifier.VerifyAsync(Publisher + """
            public static class Desk
            {
                public static void Map(WebApplication app, IMastodonPublisher mastodon)
                {
                    app.MapPost("/desk/publish", (string text) => {|#0:mastodon.PublishStatus(text)|}).RequireAuthorization();
                }

                public static void Each(string[] drafts, IMastodonPublisher mastodon)
                    => Array.ForEach(drafts, draft => {|#1:mastodon.PublishStatus(draft)|});
            }
            """,
            PathVerifier.AspNetCore,
            Diagnostic(PresenceDiagnostics.UnconfirmedPublishWithoutCallers).WithLocation(0)
                .WithArguments("Posts to Mastodon through 'IMastodonPublisher.PublishStatus'", "the POST /desk/publish endpoint's handler in Desk.Map"),
            Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithLocation(1)
                .WithArguments("Posts to Mastodon through 'IMastodonPublisher.PublishStatus'", "Each"));

    [Fact]
    public Task AllowAnonymous_wins_over_the_group_s_authorization()
        => PathVerifier.VerifyAsync(Publisher + """
            public static class Hooks
            {
                public static void Map(WebApplication app)
                {
                    var secured = app.MapGroup("/secured").RequireAuthorization();
                    secured.MapPost("/github", (string text, Poster poster) {|#0:=>|} poster.Post(text)).AllowAnonymous();
                    secured.MapPost("/slack", [AllowAnonymous] (string text, Poster poster) {|#1:=>|} poster.Post(text));
                }
            }
            """,
            PathVerifier.AspNetCore,
            AnyCaller(0, "the anonymous endpoint POST /secured/github in Hooks.Map", "anonymous endpoint POST /secured/github" + Path),
            AnyCaller(1, "the anonymous endpoint POST /secured/slack in Hooks.Map", "anonymous endpoint POST /secured/slack" + Path));

    [Fact]
    public Task Controller_actions_that_take_machine_calls()
        => PathVerifier.VerifyAsync(Publisher + """
            [ApiController]
            [Route("hooks/[controller]")]
            public class GitHubController(Poster poster) : ControllerBase
            {
                [HttpPost]
                public async Task<IActionResult> {|#0:Receive|}([FromBody] JsonElement payload)
                {
                    await poster.Post(payload.GetProperty("action").GetString()!);
                    return Ok();
                }

                [HttpGet]
                public Task Status() => poster.Post("status");
            }

            [Authorize]
            [Route("api/payments")]
            public class PaymentsController(Poster poster) : ControllerBase
            {
                [AllowAnonymous]
                [HttpPost("stripe")]
                public async Task<IActionResult> {|#1:Stripe|}()
                {
                    var signature = Request.Headers["Stripe-Signature"];
                    await poster.Post("paid " + signature);
                    return Ok();
                }

                [HttpPost("/refunds")]
                public Task Refund(string id) => poster.Post("refund " + id);
            }

            public class ContactController(Poster poster) : Controller
            {
                [AcceptVerbs("GET", "PUT")]
                [Route("contact/{name}")]
                public Task {|#2:Send|}(string name, string text) => poster.Post(name + ": " + text);

                [NonAction]
                [HttpPost]
                public Task Helper(string text) => poster.Post(text);
            }

            // A webhook base class: the action is inherited, the route and the handling are the subclass's.
            [ApiController]
            public abstract class WebhookControllerBase : ControllerBase
            {
                [HttpPost]
                public async Task<IActionResult> Receive([FromBody] JsonElement payload) { await HandleAsync(payload); return Ok(); }
                protected abstract Task HandleAsync(JsonElement payload);
            }

            [Route("hooks/gitlab")]
            public sealed class GitLabHookController(Poster poster) : WebhookControllerBase
            {
                protected override Task {|#4:HandleAsync|}(JsonElement payload) => poster.Post(payload.GetProperty("tag").GetString()!);
            }

            [Route("hooks/audit")]
            public sealed class AuditHookController : WebhookControllerBase
            {
                protected override Task HandleAsync(JsonElement payload) { Console.WriteLine(payload); return Task.CompletedTask; }
            }

            // No attribute route: the conventional {controller}/{action}.
            public class InboxController(Poster poster) : Controller
            {
                [HttpPost]
                public Task {|#3:Inbound|}(JsonElement message) => poster.Post(message.ToString());
            }
            """,
            PathVerifier.AspNetCore,
            Reply(0, "GitHubController.Receive (a webhook POST /hooks/GitHub)", "GitHubController.Receive" + Path),
            Reply(1, "PaymentsController.Stripe (a webhook POST /api/payments/stripe)", "PaymentsController.Stripe" + Path),
            AnyCaller(2, "ContactController.Send (an anonymous endpoint PUT /contact/{name})", "ContactController.Send" + Path),
            Reply(3, "InboxController.Inbound (a webhook POST /Inbox/Inbound)", "InboxController.Inbound" + Path),
            Reply(4, "GitLabHookController.HandleAsync (a webhook POST /hooks/gitlab, run by WebhookControllerBase.Receive)", "WebhookControllerBase.Receive → GitLabHookController.HandleAsync" + Path));

    [Fact]
    public Task An_editor_s_Publish_action_stays_PRES001_and_a_confirmed_one_is_clean()
        => PathVerifier.VerifyAsync(Publisher + """
            [ApiController]
            [Authorize(Roles = "Editors")]
            [Route("drafts")]
            public class DraftsController(IMastodonPublisher mastodon, IEditorReview review) : ControllerBase
            {
                [HttpPost("{id}/publish")]
                public async Task<IActionResult> Publish(string id)
                {
                    await {|PRES001:mastodon.PublishStatus("draft " + id)|};
                    return Ok();
                }
            }

            // A disclosed bot account, reviewed: the justification stands for the webhook too.
            [ApiController]
            [AutomatedPresence("The deals account is labelled as a bot and only relays the shop's own feed")]
            public class DealFeedController(IMastodonPublisher mastodon) : ControllerBase
            {
                [HttpPost("hooks/feed")]
                public Task Relay(DealEvent deal) => mastodon.PublishStatus(deal.Text);
            }

            [ApiController]
            [Route("hooks/drafts")]
            public class ConfirmedController(IMastodonPublisher mastodon, IEditorReview review) : ControllerBase
            {
                [HttpPost]
                public async Task<IActionResult> Publish(DealEvent deal)
                {
                    if (await review.ConfirmAsync(HttpContext, deal.Text))
                    {
                        await mastodon.PublishStatus(deal.Text);
                    }

                    return Ok();
                }
            }
            """,
            PathVerifier.AspNetCore);

    [Fact]
    public Task A_fallback_policy_makes_endpoints_that_state_nothing_an_editor_s_unless_they_show_a_machine_caller()
        => PathVerifier.VerifyAsync(Publisher + """
            public static class App
            {
                public static void Configure(IServiceCollection services)
                    => services.AddAuthorization(options => options.FallbackPolicy = options.DefaultPolicy);

                public static void Map(WebApplication app)
                {
                    app.MapPost("/posts", (string text, Poster poster) => poster.Post(text));
                    app.MapPost("/hooks/deals", (DealEvent deal, Poster poster) {|#0:=>|} poster.Post(deal.Text));
                }
            }

            public class PostsController(Poster poster) : ControllerBase
            {
                [HttpPost("posts/{id}")]
                public Task Publish(string id) => poster.Post(id);
            }
            """,
            PathVerifier.AspNetCore,
            Reply(0, "the webhook POST /hooks/deals in App.Map", "webhook POST /hooks/deals" + Path));

    [Fact]
    public Task A_global_authorize_filter_covers_controllers_not_minimal_APIs()
        => PathVerifier.VerifyAsync(Publisher + """
            public static class App
            {
                public static void Configure(IServiceCollection services)
                    => services.AddControllers(options => options.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter()));

                public static void Map(WebApplication app)
                    => app.MapPost("/posts", (string text, Poster poster) {|#0:=>|} poster.Post(text));
            }

            public class PostsController(Poster poster) : ControllerBase
            {
                [HttpPost("posts/{id}")]
                public Task Publish(string id) => poster.Post(id);
            }
            """,
            PathVerifier.AspNetCore,
            AnyCaller(0, "the anonymous endpoint POST /posts in App.Map", "anonymous endpoint POST /posts" + Path));

    [Fact]
    public Task HTTP_triggered_functions_with_keys_or_anonymous_access_take_machine_calls()
        => PathVerifier.VerifyAsync(Publisher + """
            namespace Microsoft.Azure.WebJobs.Extensions.Http
            {
                public enum AuthorizationLevel { Anonymous = 0, User, Function, System, Admin }
            }

            namespace Microsoft.Azure.WebJobs
            {
                // The in-process model's trigger, as Microsoft.Azure.WebJobs.Extensions.Http has it.
                [AttributeUsage(AttributeTargets.Parameter)]
                public sealed class HttpTriggerAttribute : Attribute
                {
                    public HttpTriggerAttribute(params string[] methods) { }
                    public HttpTriggerAttribute(Microsoft.Azure.WebJobs.Extensions.Http.AuthorizationLevel authLevel, params string[] methods) { }
                    public string? Route { get; set; }
                }
            }

            class Functions(Poster poster)
            {
                [Microsoft.Azure.Functions.Worker.Function("DealHook")]
                public Task {|#0:OnDeal|}([Microsoft.Azure.Functions.Worker.HttpTrigger(Microsoft.Azure.Functions.Worker.AuthorizationLevel.Function, "post", Route = "hooks/deals")] string body)
                    => poster.Post(body);

                [Microsoft.Azure.Functions.Worker.Function("Relay")]
                public Task {|#1:Relay|}([Microsoft.Azure.Functions.Worker.HttpTrigger(Microsoft.Azure.Functions.Worker.AuthorizationLevel.Anonymous)] string body)
                    => poster.Post(body);

                [Microsoft.Azure.WebJobs.FunctionName("Legacy")]
                public Task {|#2:Legacy|}([Microsoft.Azure.WebJobs.HttpTrigger("put")] string body) => poster.Post(body);

                // A read, and a function only signed-in users can call.
                [Microsoft.Azure.Functions.Worker.Function("Status")]
                public Task Status([Microsoft.Azure.Functions.Worker.HttpTrigger(Microsoft.Azure.Functions.Worker.AuthorizationLevel.Anonymous, "get")] string body) => poster.Post(body);

                [Microsoft.Azure.Functions.Worker.Function("Publish")]
                public Task Publish([Microsoft.Azure.Functions.Worker.HttpTrigger(Microsoft.Azure.Functions.Worker.AuthorizationLevel.User, "post")] string body) => poster.Post(body);

                [Microsoft.Azure.WebJobs.FunctionName("LegacyPublish")]
                public Task LegacyPublish([Microsoft.Azure.WebJobs.HttpTrigger(Microsoft.Azure.WebJobs.Extensions.Http.AuthorizationLevel.User, "post")] string body) => poster.Post(body);
            }
            """,
            [.. PathVerifier.AzureFunctionsHttp, .. PathVerifier.AspNetCore],
            AnyCaller(0, "Functions.OnDeal (an HTTP-triggered function POST /api/hooks/deals)", "Functions.OnDeal" + Path),
            AnyCaller(1, "Functions.Relay (an HTTP-triggered function /api/Relay)", "Functions.Relay" + Path),
            AnyCaller(2, "Functions.Legacy (an HTTP-triggered function PUT /api/Legacy)", "Functions.Legacy" + Path));

    [Theory]
    [InlineData("app.MapPost(")]
    [InlineData("app.MapPost(\"/hooks/x\", )")]
    [InlineData("app.MapMethods(\"/hooks/x\", null, (Poster p) => p.Post(\"x\"))")]
    [InlineData("app.MapMethods(\"/hooks/x\", methods, (Poster p) => p.Post(\"x\"))")]
    [InlineData("app.MapPost(route, Missing)")]
    [InlineData("app.MapGroup(route).MapGroup(g).MapPost(\"x\", (Poster p) => p.Post(\"x\"))")]
    [InlineData("var g = g.MapGroup(\"/a\"); g.MapPost(\"x\", (Poster p) => p.Post(\"x\"))")]
    [InlineData("app.MapPost(\"/x\", (Poster p) => p.Post(\"x\")).RequireAuthorization(")]
    public async Task Half_typed_endpoints_never_crash_an_analyzer(string statement)
    {
        var source = Publisher.Replace("{|PRES001:", string.Empty).Replace(")|};", ");") + $$"""
            public static class Broken
            {
                public static void Map(WebApplication app, string route, string[] methods)
                {
                    {{statement}};
                }
            }

            public class BrokenController(Poster poster) : ControllerBase
            {
                [HttpPost(]
                [Route(null)]
                public Task Receive(string text) => poster.Post(text);

                [AcceptVerbs()]
                public Task Other([FromBody] DealEvent e) => poster.Post(e.Text);
            }
            """;
        var (_, failures) = await AllAnalyzers.RunAsync(AllAnalyzers.Compilation([source], [TestReferences.Abstractions, .. PathVerifier.AspNetCore]));
        Assert.True(failures.IsEmpty, string.Join(System.Environment.NewLine, failures));
    }
}
