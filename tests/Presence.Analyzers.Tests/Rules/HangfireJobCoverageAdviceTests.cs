using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// PRES006's advice in a method a Hangfire job expression runs (<c>BackgroundJob.Enqueue(() =&gt; svc.PostAsync(…))</c>,
/// <c>RecurringJob.AddOrUpdate("id", () =&gt; …, Cron.Daily())</c>): nobody is there to be asked again when the job
/// runs, so the advice is to redeem an approval of what goes out, as for a hosted service. A method only code a person
/// runs calls keeps "ask again".
/// </summary>
public class HangfireJobCoverageAdviceTests
{
    private const string Api = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Hangfire;
        using Presence;

        [PublishesContent("LinkedIn")]
        public interface IPublisher { Task PublishAsync(string text); }

        public interface IReview { [HumanConfirmation] Task<bool> AskAsync(string text); }

        """;

    private static DiagnosticResult Gap(DiagnosticDescriptor descriptor, int location, string gap)
        => AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Diagnostic(descriptor)
            .WithLocation(location).WithArguments("Posts to LinkedIn through 'IPublisher.PublishAsync'", gap).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test { TestCode = Api + source };
        test.TestState.AdditionalReferences.Add(PathVerifier.Hangfire);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task A_method_a_Hangfire_job_expression_runs_is_told_to_redeem_an_approval()
        => VerifyAsync("""
            public sealed class Poster(IReview review, IPublisher publisher)
            {
                public async Task PostAsync(string draft)
                {
                    if (!await review.AskAsync(draft)) return;
                    draft += " #ad";
                    await {|#0:publisher.PublishAsync(draft)|};
                }
            }

            public sealed class Digest(IReview review, IPublisher publisher)
            {
                public async Task SendAsync(string text, string final)
                {
                    if (await review.AskAsync(text)) await {|#1:publisher.PublishAsync(final)|};
                }
            }

            public static class Jobs
            {
                public static void Register(Poster poster, Digest digest, IBackgroundJobClient client)
                {
                    BackgroundJob.Enqueue(() => poster.PostAsync("hello"));
                    RecurringJob.AddOrUpdate("digest", () => digest.SendAsync("a", "b"), Cron.Daily());
                }
            }
            """,
            Gap(PresenceDiagnostics.ApprovalDoesNotCoverContentUnattended, 0, "'draft' changed after 'AskAsync' approved it"),
            Gap(PresenceDiagnostics.ApprovalDoesNotCoverContentUnattended, 1, "'AskAsync' approved 'text', not 'final'"));

    [Fact]
    public Task A_job_type_given_to_a_job_expression_is_told_to_redeem_too()
        => VerifyAsync("""
            public sealed class DigestJob(IReview review, IPublisher publisher)
            {
                public async Task RunAsync(string text, string final)
                {
                    if (await review.AskAsync(text)) await {|#0:publisher.PublishAsync(final)|};
                }
            }

            public static class Jobs
            {
                public static void Register() => RecurringJob.AddOrUpdate<DigestJob>("digest", j => j.RunAsync("a", "b"), Cron.Daily());
            }
            """,
            Gap(PresenceDiagnostics.ApprovalDoesNotCoverContentUnattended, 0, "'AskAsync' approved 'text', not 'final'"));

    [Fact]
    public Task A_method_no_job_runs_keeps_the_advice_to_ask_again()
        => VerifyAsync("""
            public sealed class Editor(IReview review, IPublisher publisher)
            {
                public async Task PostAsync(string draft, string final)
                {
                    if (await review.AskAsync(draft)) await {|#0:publisher.PublishAsync(final)|};
                }

                // A job that runs something else does not make this method unattended.
                public void Schedule() => BackgroundJob.Enqueue(() => Console.WriteLine("tick"));
            }
            """,
            Gap(PresenceDiagnostics.ApprovalDoesNotCoverContent, 0, "'AskAsync' approved 'draft', not 'final'"));
}
