using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Catalog;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// The PRES008 message for a publishing tool names what the agent is given (a lambda, or the method handed over) and
/// what it publishes to: the destination of the lambda's send, with the configured URL, or the path a library's summary
/// gives for its method.
/// </summary>
public class ToolMessageTargetTests
{
    private const string Advice = "wrap it in ApprovalRequiredAIFunction so that a person approves each call (around the Create call, around a local that holds it, or in a helper or a Select that returns every tool wrapped)";

    [Fact]
    public Task A_lambda_tool_is_named_a_lambda_with_its_destination()
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test
        {
            TestCode = """
                using System.Collections.Generic;
                using System.Net.Http;
                using Microsoft.Extensions.AI;
                using Microsoft.Extensions.Configuration;

                public sealed class Agent(HttpClient http, IConfiguration config)
                {
                    public IList<AITool> Tools() =>
                    [
                        {|#0:AIFunctionFactory.Create((string text) => http.PostAsync(config["Mastodon:StatusesUrl"], new StringContent(text)), "toot")|},
                    ];
                }
                """,
        };
        test.TestState.AdditionalReferences.AddRange([.. ConfiguredUrlTests.Configuration, .. PathVerifier.Ai]);
        test.TestState.AdditionalFiles.Add(("/src/appsettings.json", """{ "Mastodon": { "StatusesUrl": "https://mastodon.social/api/v1/statuses" } }"""));
        test.ExpectedDiagnostics.Add(PathVerifier.Diagnostic(PresenceDiagnostics.MachineWrittenUnreviewed).WithLocation(0)
            .WithArguments("An AI agent is given a lambda as a tool, which publishes: Posts to Mastodon through 'HttpClient.PostAsync' (POST to the URL from configuration 'Mastodon:StatusesUrl' (appsettings.json: mastodon.social))", Advice));
        return test.RunAsync();
    }

    [Fact]
    public Task A_library_methods_tool_says_what_the_library_publishes()
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test
        {
            TestCode = """
                using System.Collections.Generic;
                using Lib;
                using Microsoft.Extensions.AI;

                public sealed class Agent(Toots toots)
                {
                    public IList<AITool> Tools() => [{|#0:AIFunctionFactory.Create(toots.TootAsync, "toot")|}];
                }
                """,
        };
        test.TestState.AdditionalReferences.AddRange([LibraryBuilder.Build("Lib", """
            using System.Net.Http;
            using System.Threading.Tasks;

            namespace Lib;

            public sealed class Toots(HttpClient http)
            {
                public Task TootAsync(string text) => http.PostAsync("https://mastodon.social/api/v1/statuses", new StringContent(text));
            }
            """), .. PathVerifier.Ai]);
        test.ExpectedDiagnostics.Add(PathVerifier.Diagnostic(PresenceDiagnostics.MachineWrittenUnreviewed).WithLocation(0)
            .WithArguments("An AI agent is given 'Toots.TootAsync' as a tool, which publishes: Toots.TootAsync → HttpClient.PostAsync (POST https://mastodon.social/api/v1/statuses)", Advice));
        return test.RunAsync();
    }
}
