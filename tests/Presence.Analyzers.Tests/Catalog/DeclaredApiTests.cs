using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Catalog;

/// <summary>PresenceApis.txt: the user's own publish APIs, and the PRES102/PRES103 diagnostics for its mistakes.</summary>
public class DeclaredApiTests
{
    private const string Code = """
        using System.Threading.Tasks;

        namespace Contoso.Social
        {
            public class Cms
            {
                public Task PublishAsync(string text) => Task.CompletedTask;
                public Task PublishAsync(string text, int priority) => Task.CompletedTask;
                public Task PreviewAsync(string text) => Task.CompletedTask;
            }

            public class Newsletter
            {
                public void Send(string text) { }
                public void Schedule(string text) { }
            }

            public class Wiki
            {
                public void Save(string text) { }
                public void Save(string text, bool minor) { }
            }
        }

        class Caller
        {
            async Task Run(Contoso.Social.Cms cms, Contoso.Social.Newsletter newsletter, Contoso.Social.Wiki wiki)
            {
                await {|#0:cms.PublishAsync("hi")|};
                await {|#1:cms.PublishAsync("hi", 1)|};
                await cms.PreviewAsync("hi");
                {|#2:newsletter.Send("hi")|};
                {|#3:newsletter.Schedule("hi")|};
                {|#4:wiki.Save("hi")|};
                wiki.Save("hi", minor: true);
            }
        }
        """;

    private const string ApiFile = """
        // Our own channels. Each line: a documentation id, then an optional note.
        M:Contoso.Social.Cms.PublishAsync ; company blog, public
        T:Contoso.Social.Newsletter;newsletter to 40k subscribers
        M:Contoso.Social.Wiki.Save(System.String)
        """;

    [Fact]
    public Task Declared_apis_are_publish_calls_and_their_note_is_shown()
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test { TestCode = Code };
        test.TestState.AdditionalFiles.Add(("/0/PresenceApis.txt", ApiFile));
        test.ExpectedDiagnostics.AddRange(new[]
        {
            Expect(0, "Publishes through 'Cms.PublishAsync' (company blog, public)"),
            Expect(1, "Publishes through 'Cms.PublishAsync' (company blog, public)"),
            Expect(2, "Publishes through 'Newsletter.Send' (newsletter to 40k subscribers)"),
            Expect(3, "Publishes through 'Newsletter.Schedule' (newsletter to 40k subscribers)"),
            Expect(4, "Publishes through 'Wiki.Save'"),
        });
        return test.RunAsync();

        static DiagnosticResult Expect(int location, string what)
            => AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithLocation(location).WithArguments(what, "Run");
    }

    [Fact]
    public Task A_file_with_another_name_is_not_read()
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test { TestCode = Code.Replace("{|#0:", "").Replace("{|#1:", "").Replace("{|#2:", "").Replace("{|#3:", "").Replace("{|#4:", "").Replace("|}", "") };
        test.TestState.AdditionalFiles.Add(("/0/BannedSymbols.txt", ApiFile));
        return test.RunAsync();
    }

    [Fact]
    public Task Mistakes_in_the_file_are_reported_where_they_are()
    {
        var test = new AnalyzerVerifier<DeclaredApiFileAnalyzer>.Test { TestCode = Code.Replace("{|#0:", "").Replace("{|#1:", "").Replace("{|#2:", "").Replace("{|#3:", "").Replace("{|#4:", "").Replace("|}", "") };
        test.TestState.AdditionalFiles.Add(("/0/PresenceApis.txt", """
            M:Contoso.Social.Cms.PublishAsync ; fine
            Contoso.Social.Cms.PreviewAsync
            M:Contoso.Social.Cms.PublishAsync ; again
            M:Contoso.Social.Cms.Publishh
            T:Contoso.Social.Missing
            M:Contoso.Social.Wiki.Save(System.Int32)
            M:Contoso.Social.Wiki.Save(System.String
            // M:Commented.Out.Line

            M:
            M:Contoso.Social.Cms.Publish Async
            ; a note for nothing
            T:Contoso.Social.Newsletter ; note ; with a second semicolon
            """));
        test.ExpectedDiagnostics.AddRange(new[]
        {
            Malformed(2, "Contoso.Social.Cms.PreviewAsync", "'Contoso.Social.Cms.PreviewAsync' is not a documentation id: start it with M: (a method) or T: (every method of a type)"),
            Malformed(3, "M:Contoso.Social.Cms.PublishAsync", "'M:Contoso.Social.Cms.PublishAsync' is already declared at PresenceApis.txt line 1"),
            Unresolved(4, "M:Contoso.Social.Cms.Publishh", "'M:Contoso.Social.Cms.Publishh' does not name any method or type of this compilation or its references"),
            Unresolved(5, "T:Contoso.Social.Missing", "'T:Contoso.Social.Missing' does not name any method or type of this compilation or its references"),
            Unresolved(6, "M:Contoso.Social.Wiki.Save(System.Int32)", "'M:Contoso.Social.Wiki.Save(System.Int32)' does not name any method or type of this compilation or its references"),
            Malformed(7, "M:Contoso.Social.Wiki.Save(System.String", "'M:Contoso.Social.Wiki.Save(System.String' is not a well-formed documentation id, such as M:Contoso.Social.IPublisher.PostAsync(System.String)"),
            Malformed(10, "M:", "'M:' is not a well-formed documentation id, such as M:Contoso.Social.IPublisher.PostAsync(System.String)"),
            Malformed(11, "M:Contoso.Social.Cms.Publish Async", "'M:Contoso.Social.Cms.Publish Async' is not a well-formed documentation id, such as M:Contoso.Social.IPublisher.PostAsync(System.String)"),
            Malformed(12, "; a note for nothing", "'; a note for nothing' has a note but no documentation id before the ';'"),
        });
        return test.RunAsync();

        // Each id stands at the start of its line; the diagnostic covers the id.
        static DiagnosticResult Malformed(int line, string id, string message)
            => AnalyzerVerifier<DeclaredApiFileAnalyzer>.Diagnostic(PresenceDiagnostics.MalformedDeclaredApi).WithSpan("/0/PresenceApis.txt", line, 1, line, 1 + id.Length).WithArguments(message);

        static DiagnosticResult Unresolved(int line, string id, string message)
            => AnalyzerVerifier<DeclaredApiFileAnalyzer>.Diagnostic(PresenceDiagnostics.UnresolvedDeclaredApi).WithSpan("/0/PresenceApis.txt", line, 1, line, 1 + id.Length).WithArguments(message);
    }
}
