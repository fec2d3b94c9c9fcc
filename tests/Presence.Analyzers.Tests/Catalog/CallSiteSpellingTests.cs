using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;
using Xunit;

namespace Presence.Analyzers.Tests.Catalog;

/// <summary>
/// The call sites of a helper whose URL is its parameter are found from the files' text first (the names written
/// before a '(' or a '<'), then walked in the files that name the helper: every way a call can be spelled must still
/// be found, or the helper's send would go unreported.
/// </summary>
public class CallSiteSpellingTests
{
    private const string Helper = """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        public class Hooks(HttpClient http)
        {
            public Task Post(string url, string text) => {|#0:http.PostAsync(url, new StringContent(text))|};

            public Task PostAs<T>(string url, T body) => {|#1:http.PostAsync(url, new StringContent(body!.ToString()!))|};
        }

        public class Relay
        {
            public Relay(Hooks hooks, string url) { Hooks = hooks; Url = url; }
            public Hooks Hooks { get; }
            public string Url { get; }
            public Task Send(string text) => Hooks.Post(Url, text);
        }

        """;

    private const string Slack = "\"https://hooks.slack.com/services/T0001/B0001/SECRETTOKEN\"";

    private static Task Check(string caller, params int[] flagged)
    {
        // The caller in a file of its own: the helper's file names the helper anyway (its declaration).
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test { TestCode = Helper };
        test.TestState.Sources.Add(("/0/Caller.cs", "using System.Threading.Tasks;\n" + caller));
        foreach (var location in flagged)
        {
            test.ExpectedDiagnostics.Add(AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Diagnostic(PresenceDiagnostics.UnconfirmedPublish)
                .WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithMessage(null));
        }

        return test.RunAsync();
    }

    [Theory]
    [InlineData("hooks.Post(" + Slack + ", \"Sale\")")]
    [InlineData("hooks.Post\n        (" + Slack + ", \"Sale\")")]
    [InlineData("hooks.Post /* the team's channel */ (" + Slack + ", \"Sale\")")]
    [InlineData("hooks.P\\u006Fst(" + Slack + ", \"Sale\")")]
    [InlineData("hooks?.Post(" + Slack + ", \"Sale\")!")]
    [InlineData("hooks.@Post(" + Slack + ", \"Sale\")")]
    public Task A_call_passing_a_webhook_is_found_however_it_is_spelled(string call)
        => Check("""
            public class Campaign(Hooks hooks)
            {
                public Task Launch() => CALL;
            }
            """.Replace("CALL", call), 0);

    // The construction passes the webhook to Relay, whose property Post is given: the helper's own send is reported.
    [Fact]
    public Task A_generic_call_and_a_construction_passing_a_webhook_are_found()
        => Check("""
            public class Campaign(Hooks hooks)
            {
                public Task Launch() => hooks.PostAs<string>(SLACK, "Sale");
                public Task Relayed() => new Relay(hooks, SLACK).Send("Sale");
            }
            """.Replace("SLACK", Slack), 1, 0);

    [Fact]
    public Task Calls_passing_the_teams_own_service_leave_the_helper_alone()
        => Check("""
            public class Metrics(Hooks hooks)
            {
                // Post("https://hooks.slack.com/services/T0001/B0001/SECRETTOKEN", "not a call: a comment")
                public Task Push() => hooks.Post("https://metrics.internal.example/ingest", "cpu=3");
                public string Describe() => "hooks.Post(\"https://hooks.slack.com/services/T0001/B0001/SECRETTOKEN\", \"a string\")";
            }
            """);
}
