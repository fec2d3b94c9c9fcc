using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Catalog;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// PRES008 for an AI tool over a method of a library built with Presence whose summary says it publishes (to a fixed
/// URL, or to a configured one the host's settings resolve), as for the same method in the project; a tool over a
/// library method that only reads is not.
/// </summary>
public class MachineTextLibraryToolTests
{
    private const string Library = """
        using System.Net.Http;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Configuration;

        namespace Lib;

        public sealed class Toots(HttpClient http)
        {
            public Task TootAsync(string text) => http.PostAsync("https://fosstodon.org/api/v1/statuses", new StringContent(text));

            public Task<string> TagAsync(string tag) => http.GetStringAsync("https://fosstodon.org/api/v1/tags/" + tag);
        }

        public sealed class Slack(HttpClient http, IConfiguration config)
        {
            public Task PostAsync(string text) => http.PostAsync(config["Slack:WebhookUrl"], new StringContent(text));
        }
        """;

    private const string Settings = """
        { "Slack": { "WebhookUrl": "https://hooks.slack.com/services/T0001/B0001/SECRETTOKEN" } }
        """;

    private static readonly MetadataReference LibraryReference = LibraryBuilder.Build("Lib", Library, ConfiguredUrlTests.Configuration);

    private static DiagnosticResult Tool(int location, string name, string what)
        => PathVerifier.Diagnostic(PresenceDiagnostics.MachineWrittenUnreviewed).WithLocation(location)
            .WithArguments("An AI agent is given " + name + " as a tool, which publishes: " + what, "wrap it in ApprovalRequiredAIFunction so that a person approves each call (around the Create call, around a local that holds it, or in a helper or a Select that returns every tool wrapped)");

    [Fact]
    public Task A_tool_over_a_library_method_that_publishes_is_reported_and_one_over_a_read_is_not()
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test
        {
            TestCode = """
                using System.Collections.Generic;
                using Lib;
                using Microsoft.Extensions.AI;

                public sealed class Agent(Toots toots, Slack slack)
                {
                    public IList<AITool> Tools() =>
                    [
                        {|#0:AIFunctionFactory.Create(toots.TootAsync, "toot")|},
                        {|#1:AIFunctionFactory.Create((string t) => toots.TootAsync(t), "toot2")|},
                        {|#2:AIFunctionFactory.Create(slack.PostAsync, "slack")|},
                        AIFunctionFactory.Create(toots.TagAsync, "tag"),
                        AIFunctionFactory.Create((string t) => toots.TagAsync(t), "tag2"),
                        new ApprovalRequiredAIFunction(AIFunctionFactory.Create(toots.TootAsync, "approved")),
                    ];
                }
                """,
        };
        test.TestState.AdditionalReferences.AddRange([LibraryReference, .. ConfiguredUrlTests.Configuration, .. PathVerifier.Ai]);
        test.TestState.AdditionalFiles.Add(("/src/appsettings.json", Settings));
        test.ExpectedDiagnostics.AddRange([
            Tool(0, "'Toots.TootAsync'", "Toots.TootAsync → HttpClient.PostAsync (POST https://fosstodon.org/api/v1/statuses)"),
            Tool(1, "a lambda", "Toots.TootAsync → HttpClient.PostAsync (POST https://fosstodon.org/api/v1/statuses)"),
            Tool(2, "'Slack.PostAsync'", "Slack.PostAsync → HttpClient.PostAsync (POST to the URL from configuration 'Slack:WebhookUrl' (appsettings.json: hooks.slack.com))")]);
        return test.RunAsync();
    }
}
