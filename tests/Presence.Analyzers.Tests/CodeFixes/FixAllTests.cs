using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Presence.Analyzers.CodeFixes;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.CodeFixes;

/// <summary>
/// Fix All as <c>dotnet format analyzers</c> drives it: the first diagnostic it finds decides the equivalence key,
/// and that diagnostic may be one the fix cannot handle (here a publish in a constructor, which cannot declare
/// [RequiresHumanApproval]). The fix must still come back and apply to every diagnostic it can fix.
/// </summary>
public class FixAllTests
{
    private const string Publisher = """
        using System.Threading.Tasks;
        using Presence;

        [PublishesContent("Mastodon")]
        public interface IPublisher { Task PublishAsync(string text); }
        """;

    private const string InAConstructor = """
        class Startup
        {
            public Startup(IPublisher publisher) => publisher.PublishAsync("booted");
        }
        """;

    private const string InMethods = """
        using System.Threading.Tasks;

        class Poster
        {
            public Task Post(IPublisher publisher) => publisher.PublishAsync("a");
            public Task PostAgain(IPublisher publisher) => publisher.PublishAsync("b");
        }
        """;

    public static TheoryData<string> Providers()
    {
        var data = new TheoryData<string>();
        foreach (var type in typeof(RequireApprovalFromCallersCodeFix).Assembly.GetTypes()
                     .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null))
        {
            data.Add(type.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_code_fix_offers_Fix_All_in_document_project_and_solution(string typeName)
    {
        var type = typeof(RequireApprovalFromCallersCodeFix).Assembly.GetTypes().Single(t => t.Name == typeName);
        var scopes = ((CodeFixProvider)Activator.CreateInstance(type)!).GetFixAllProvider()?.GetSupportedFixAllScopes()?.ToArray() ?? [];
        Assert.Contains(FixAllScope.Document, scopes);
        Assert.Contains(FixAllScope.Project, scopes);
        Assert.Contains(FixAllScope.Solution, scopes);
    }

    [Fact]
    public async Task Fix_All_in_the_solution_starting_from_a_diagnostic_the_fix_cannot_handle_fixes_the_others()
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "Consumer", "Consumer", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
            metadataReferences: TestReferences.Framework.Add(TestReferences.Abstractions)));
        project = project.AddDocument("Publisher.cs", SourceText.From(Publisher)).Project;
        var startup = project.AddDocument("Startup.cs", SourceText.From(InAConstructor));
        project = startup.Project.AddDocument("Poster.cs", SourceText.From(InMethods)).Project;

        var compilation = (await project.GetCompilationAsync())!;
        var diagnostics = (await compilation.WithAnalyzers([new UnconfirmedPublishAnalyzer()]).GetAnalyzerDiagnosticsAsync())
            .Where(d => d.Id == "PRES001").ToImmutableArray();
        Assert.Equal(3, diagnostics.Length);

        // What dotnet format does: register fixes for the first diagnostic, take the first action's key (none here).
        var fix = new RequireApprovalFromCallersCodeFix();
        var first = diagnostics.Single(d => d.Location.SourceTree!.FilePath == "Startup.cs");
        var firstDocument = project.GetDocument(startup.Id)!;
        var offered = new List<CodeAction>();
        await fix.RegisterCodeFixesAsync(new CodeFixContext(firstDocument, first, (action, _) => offered.Add(action), CancellationToken.None));
        Assert.Empty(offered);

        var context = new FixAllContext(firstDocument, fix, FixAllScope.Solution, codeActionEquivalenceKey: null!, ["PRES001"], new Diagnostics(diagnostics), CancellationToken.None);
        var fixAll = await fix.GetFixAllProvider().GetFixAsync(context);
        Assert.NotNull(fixAll);

        var changed = (await fixAll.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution;
        var poster = (await changed.Projects.Single().Documents.Single(d => d.Name == "Poster.cs").GetTextAsync()).ToString();
        Assert.Equal(2, poster.Split("[RequiresHumanApproval]").Length - 1);
        Assert.Equal(InAConstructor, (await changed.GetDocument(startup.Id)!.GetTextAsync()).ToString());
    }

    private sealed class Diagnostics(ImmutableArray<Diagnostic> all) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            => Task.FromResult(all.Where(d => d.Location.SourceTree?.FilePath == document.FilePath || d.Location.SourceTree?.FilePath == document.Name));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(all);

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(all);
    }
}
