using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// A method marked as a test (xUnit, NUnit, MSTest, by the attribute's name and namespace) is run by a person and
/// called by no code that could confirm: a publish in it is not PRES001 (no [RequiresHumanApproval] advice on a
/// [Fact]). A helper of the test class, and a method with a look-alike attribute of another namespace, still are.
/// </summary>
public class TestMethodPublishTests
{
    private const string Publisher = """
        using System;
        using System.Net;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading;
        using System.Threading.Tasks;

        sealed class RecordingHandler : HttpMessageHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
                => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }

        """;

    // NUnit's and MSTest's attributes, by the names and namespaces the real packages declare.
    private const string FrameworkAttributes = """

        namespace NUnit.Framework
        {
            public class TestAttribute : System.Attribute { }
            public class TestCaseAttribute : System.Attribute { public TestCaseAttribute(params object[] args) { } }
        }

        namespace Microsoft.VisualStudio.TestTools.UnitTesting
        {
            public class TestMethodAttribute : System.Attribute { }
            public class DataTestMethodAttribute : TestMethodAttribute { }
        }

        namespace Acme.Docs
        {
            public class FactAttribute : System.Attribute { }
        }
        """;

    private static Task Check(string code, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test { TestCode = Publisher + code + FrameworkAttributes };
        test.TestState.AdditionalReferences.Add(TestReferences.FromType<Xunit.FactAttribute>());
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task A_publish_in_a_test_method_is_not_reported_and_one_in_a_helper_is()
        => Check("""
            public class PublisherTests
            {
                private readonly HttpClient _http = new HttpClient(new RecordingHandler());

                [Xunit.Fact]
                public async Task Xunit_fact() => await _http.PostAsJsonAsync("https://mastodon.example/api/v1/statuses", new { status = "hello" });

                [Xunit.Theory]
                [Xunit.InlineData("hello")]
                public async Task Xunit_theory(string text)
                {
                    async Task Post() => await _http.PostAsJsonAsync("https://mastodon.example/api/v1/statuses", new { status = text });
                    await Post();
                }

                [NUnit.Framework.Test]
                public Task Nunit_test() => _http.PostAsJsonAsync("https://mastodon.example/api/v1/statuses", new { status = "hello" });

                [NUnit.Framework.TestCase("hello")]
                public Task Nunit_test_case(string text) => _http.PostAsJsonAsync("https://mastodon.example/api/v1/statuses", new { status = text });

                [Microsoft.VisualStudio.TestTools.UnitTesting.TestMethod]
                public Task Mstest_method() => _http.PostAsJsonAsync("https://mastodon.example/api/v1/statuses", new { status = "hello" });

                [Microsoft.VisualStudio.TestTools.UnitTesting.DataTestMethod]
                public Task Mstest_data_method() => _http.PostAsJsonAsync("https://mastodon.example/api/v1/statuses", new { status = "hello" });

                public Task Helper(string text) => {|#0:_http.PostAsJsonAsync("https://mastodon.example/api/v1/statuses", new { status = text })|};

                [Acme.Docs.Fact]
                public Task Documented(string text) => {|#1:_http.PostAsJsonAsync("https://mastodon.example/api/v1/statuses", new { status = text })|};
            }
            """,
            AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithLocation(0)
                .WithArguments("Posts to Mastodon through 'HttpClient.PostAsJsonAsync' (POST https://mastodon.example/api/v1/statuses)", "Helper"),
            AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithLocation(1)
                .WithArguments("Posts to Mastodon through 'HttpClient.PostAsJsonAsync' (POST https://mastodon.example/api/v1/statuses)", "Documented"));
}
