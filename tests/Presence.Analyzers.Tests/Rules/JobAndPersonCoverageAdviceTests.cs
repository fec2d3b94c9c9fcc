using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;
using Xunit;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// PRES006's advice in a method a job expression runs and other code calls too: "nobody is asked here" is not true for
/// the other callers, and asking again is not enough when the job runs it, so the advice says it runs in a job too and
/// to redeem an approval of what goes out, which fits both uses. A method only job expressions run keeps "nobody is
/// asked here"; a call of another method of the same name is not another use.
/// </summary>
public class JobAndPersonCoverageAdviceTests
{
    private const string Api = """
        using System;
        using System.Threading.Tasks;
        using Hangfire;
        using Presence;

        [PublishesContent("LinkedIn")]
        public interface IPublisher { Task PublishAsync(string text); }

        public interface IReview { [HumanConfirmation] Task<bool> AskAsync(string text); }

        public sealed class Poster(IReview review, IPublisher publisher)
        {
            public async Task PostAsync(string draft, string final)
            {
                if (await review.AskAsync(draft)) await {|#0:publisher.PublishAsync(final)|};
            }

            public Task PostAsync(string draft) => Task.CompletedTask;
        }

        """;

    private static Task VerifyAsync(string source, DiagnosticDescriptor expected)
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test { TestCode = Api + source };
        test.TestState.AdditionalReferences.Add(PathVerifier.Hangfire);
        test.ExpectedDiagnostics.Add(AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Diagnostic(expected)
            .WithLocation(0).WithArguments("Posts to LinkedIn through 'IPublisher.PublishAsync'", "'AskAsync' approved 'draft', not 'final'")
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
        return test.RunAsync();
    }

    [Fact]
    public Task A_method_a_job_runs_and_a_person_s_code_calls_is_told_it_runs_in_a_job_too()
        => VerifyAsync("""
            public static class Jobs
            {
                public static void Register(Poster poster) => BackgroundJob.Enqueue(() => poster.PostAsync("a", "b"));
            }

            public sealed class PostsController(Poster poster)
            {
                public Task Post(string draft, string final) => poster.PostAsync(draft, final);
            }
            """,
            PresenceDiagnostics.ApprovalDoesNotCoverContentAlsoInJob);

    [Fact]
    public Task A_method_given_as_a_method_group_besides_its_job_is_told_it_runs_in_a_job_too()
        => VerifyAsync("""
            public static class Jobs
            {
                public static void Register(Poster poster)
                {
                    RecurringJob.AddOrUpdate("digest", () => poster.PostAsync("a", "b"), Cron.Daily());
                    Func<string, string, Task> post = poster.PostAsync;
                }
            }
            """,
            PresenceDiagnostics.ApprovalDoesNotCoverContentAlsoInJob);

    [Fact]
    public Task A_method_only_job_expressions_run_is_told_nobody_is_asked_there()
        => VerifyAsync("""
            public static class Jobs
            {
                public static void Register(Poster poster)
                {
                    BackgroundJob.Enqueue(() => poster.PostAsync("a", "b"));
                    RecurringJob.AddOrUpdate("digest", () => poster.PostAsync("c", "d"), Cron.Daily());
                }
            }

            public sealed class PostsController(Poster poster)
            {
                // Another overload of the same name, and the method's name as text: not another use.
                public Task Post(string draft) => poster.PostAsync(draft);
                public string Name => nameof(Poster.PostAsync);
            }
            """,
            PresenceDiagnostics.ApprovalDoesNotCoverContentUnattended);
}
