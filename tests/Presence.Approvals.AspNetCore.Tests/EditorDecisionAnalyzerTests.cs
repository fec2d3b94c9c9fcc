using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Presence.Approvals.AspNetCore.Tests;

/// <summary>
/// The analyzers read EditorDecision.ConfirmAsync as a confirmation: a "Publish now" endpoint guarded by it is clean
/// under PRES001, and the look-alikes that do not check it are not.
/// </summary>
public sealed class EditorDecisionAnalyzerTests
{
    private const string Prelude = """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Presence;

        [PublishesContent("Mastodon")]
        public interface IMastodonPublisher { Task PublishStatusAsync(string text); }

        public static class Drafts { public static string Text(string id) => "Draft " + id; }

        """;

    [Fact]
    public async Task A_publish_now_endpoint_guarded_by_the_editors_click_is_clean()
    {
        var diagnostics = await AnalyzeAsync(Prelude + """
            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapPost("/drafts/{id}/publish", async (string id, HttpContext http, IMastodonPublisher mastodon) =>
                    {
                        var text = Drafts.Text(id);
                        var decision = await EditorDecision.ConfirmAsync(http, text);
                        if (!decision.IsConfirmed)
                        {
                            return Results.Problem(decision.Message, statusCode: 403);
                        }

                        await mastodon.PublishStatusAsync(text);
                        return Results.Ok();
                    });
                }
            }
            """);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task A_controller_style_method_guarded_by_the_click_is_clean()
    {
        var diagnostics = await AnalyzeAsync(Prelude + """
            public sealed class PublishHandler(IMastodonPublisher mastodon)
            {
                public async Task<IResult> PublishNowAsync(HttpContext http, string id)
                {
                    var text = Drafts.Text(id);
                    if ((await EditorDecision.ConfirmAsync(http, text)).IsConfirmed)
                    {
                        await mastodon.PublishStatusAsync(text);
                        return Results.Ok();
                    }

                    return Results.Forbid();
                }
            }
            """);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task The_same_endpoint_without_the_check_is_reported()
    {
        var diagnostics = await AnalyzeAsync(Prelude + """
            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapPost("/drafts/{id}/publish", async (string id, IMastodonPublisher mastodon) =>
                    {
                        await mastodon.PublishStatusAsync(Drafts.Text(id));
                        return Results.Ok();
                    });
                }
            }
            """);

        // Nobody has to sign in to call it: an anonymous endpoint that publishes (PRES003).
        Assert.Contains(diagnostics, d => d.Id == "PRES003" && d.GetMessage().Contains("anonymous endpoint POST /drafts/{id}/publish", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_controller_action_guarded_by_the_click_is_clean_and_the_same_action_unguarded_is_not()
    {
        const string Controller = """
            [Microsoft.AspNetCore.Mvc.ApiController]
            [Microsoft.AspNetCore.Mvc.Route("drafts")]
            public class DraftsController(IMastodonPublisher mastodon) : Microsoft.AspNetCore.Mvc.ControllerBase
            {
                [Microsoft.AspNetCore.Mvc.HttpPost("{id}/publish")]
                public async Task<Microsoft.AspNetCore.Mvc.IActionResult> Publish(string id)
                {
                    var text = Drafts.Text(id);
                    if ((await EditorDecision.ConfirmAsync(HttpContext, text)).IsConfirmed)
                    {
                        await mastodon.PublishStatusAsync(text);
                        return Ok();
                    }

                    return Forbid();
                }
            }
            """;

        Assert.Empty(await AnalyzeAsync(Prelude + Controller));

        var unguarded = await AnalyzeAsync(Prelude + Controller.Replace("if ((await EditorDecision.ConfirmAsync(HttpContext, text)).IsConfirmed)", "if (text.Length > 0)", StringComparison.Ordinal));
        Assert.Contains(unguarded, d => d.Id == "PRES003" && d.GetMessage().Contains("DraftsController.Publish (an anonymous endpoint POST /drafts/{id}/publish)", StringComparison.Ordinal));

        // Signed-in editors only: their click, not yet verified, stays PRES001.
        var editors = await AnalyzeAsync(Prelude + "[Microsoft.AspNetCore.Authorization.Authorize]\n" + Controller.Replace("if ((await EditorDecision.ConfirmAsync(HttpContext, text)).IsConfirmed)", "if (text.Length > 0)", StringComparison.Ordinal).TrimStart());
        Assert.Contains(editors, d => d.Id == "PRES001");
        Assert.DoesNotContain(editors, d => d.Id == "PRES003");
    }

    [Fact]
    public async Task Asking_and_ignoring_the_answer_is_reported()
    {
        var diagnostics = await AnalyzeAsync(Prelude + """
            public sealed class PublishHandler(IMastodonPublisher mastodon)
            {
                public async Task PublishNowAsync(HttpContext http, string id)
                {
                    var text = Drafts.Text(id);
                    await EditorDecision.ConfirmAsync(http, text);
                    await mastodon.PublishStatusAsync(text);
                }
            }
            """);

        Assert.Contains(diagnostics, d => d.Id == "PRES004");
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path).StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                || Path.GetFileName(path).StartsWith("Microsoft.Extensions", StringComparison.Ordinal) || Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll")
            .Append(typeof(ApprovalLedger).Assembly.Location)
            .Append(typeof(EditorDecision).Assembly.Location)
            .Distinct()
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        var analyzers = Assembly.Load("Presence.Analyzers").GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        Assert.NotEmpty(analyzers);
        var diagnostics = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics.Where(d => d.Id.StartsWith("PRES", StringComparison.Ordinal) && d.Severity >= DiagnosticSeverity.Info).ToImmutableArray();
    }
}
