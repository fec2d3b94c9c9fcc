using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// PRES006: the content a person was shown is found among the confirmation's arguments whatever else it takes
/// first or after (the request's context, a cancellation token, a request id), as the editor's click in a web app does.
/// </summary>
public class ApprovalCoverageWithContextArgumentsTests
{
    private const string Api = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Presence;

        [PublishesContent("Slack")]
        public interface IPoster { Task PostAsync(string text); }

        public sealed record Decision(bool IsConfirmed);

        public static class EditorClick
        {
            // As the approval runtime's EditorDecision.ConfirmAsync(context, content, ct): the editor's verified click.
            [HumanConfirmation] public static Task<Decision> ConfirmAsync<T>(HttpContext context, T content, CancellationToken ct = default) => Task.FromResult(new Decision(true));
            [HumanConfirmation] public static Task<Decision> ConfirmTextAsync(HttpContext context, string content) => Task.FromResult(new Decision(true));
            [HumanConfirmation] public static Task<bool> AskAsync(HttpContext context, int attempt, string content, CancellationToken ct) => Task.FromResult(true);
            [HumanConfirmation] public static bool AskBoth(string title, string body) => true;
        }

        """;

    private static DiagnosticResult Gap(int location, string what, string gap)
        => AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Diagnostic(PresenceDiagnostics.ApprovalDoesNotCoverContent)
            .WithLocation(location).WithArguments(what, gap).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    private static Task Verify(string code, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test { TestCode = Api + code };
        test.TestState.AdditionalReferences.AddRange(PathVerifier.AspNetCore);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task A_different_text_posted_after_a_click_on_the_shown_one_is_reported()
        => Verify("""
            public sealed class Endpoints(IPoster poster)
            {
                public async Task Generic(HttpContext http, string shown, string tracked)
                {
                    var decision = await EditorClick.ConfirmAsync(http, shown);
                    if (!decision.IsConfirmed) return;
                    await {|#0:poster.PostAsync(tracked)|};
                }

                public async Task Text(HttpContext http, string shown, string tracked)
                {
                    if ((await EditorClick.ConfirmTextAsync(http, shown)).IsConfirmed) await {|#1:poster.PostAsync(tracked)|};
                }

                public async Task Derived(HttpContext http, string shown, CancellationToken ct)
                {
                    var tracked = shown + "?utm_source=slack";
                    if (!(await EditorClick.ConfirmAsync(http, shown, ct)).IsConfirmed) return;
                    await {|#2:poster.PostAsync(tracked)|};
                }

                public async Task ContentAfterOtherArguments(HttpContext http, string shown, string tracked, CancellationToken ct)
                {
                    if (await EditorClick.AskAsync(http, 1, shown, ct)) await {|#3:poster.PostAsync(tracked)|};
                }
            }
            """,
            Gap(0, "Posts to Slack through 'IPoster.PostAsync'", "'ConfirmAsync' approved 'shown', not 'tracked'"),
            Gap(1, "Posts to Slack through 'IPoster.PostAsync'", "'ConfirmTextAsync' approved 'shown', not 'tracked'"),
            Gap(2, "Posts to Slack through 'IPoster.PostAsync'", "'ConfirmAsync' approved 'shown', not 'tracked'"),
            Gap(3, "Posts to Slack through 'IPoster.PostAsync'", "'AskAsync' approved 'shown', not 'tracked'"));

    [Fact]
    public Task The_shown_text_posted_as_it_is_or_an_ambiguous_question_stays_quiet()
        => Verify("""
            public sealed class Endpoints(IPoster poster)
            {
                public async Task Same(HttpContext http, string shown, CancellationToken ct)
                {
                    var decision = await EditorClick.ConfirmAsync(http, shown, ct);
                    if (!decision.IsConfirmed) return;
                    await poster.PostAsync(shown);
                    await poster.PostAsync(shown + " #launch");
                }

                public async Task SameAfterOtherArguments(HttpContext http, string shown, CancellationToken ct)
                {
                    if (await EditorClick.AskAsync(http, 1, shown, ct)) await poster.PostAsync(shown);
                }

                // Two texts shown: which one a third stands for cannot be told.
                public async Task TwoShown(string title, string body, string other)
                {
                    if (EditorClick.AskBoth(title, body)) await poster.PostAsync(other);
                }
            }
            """);
}
