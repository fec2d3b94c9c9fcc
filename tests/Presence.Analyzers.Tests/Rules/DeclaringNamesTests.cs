using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Presence.Analyzers.Model;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// UnconfirmedPublishAnalyzer walks a called method's overrides and interfaces only when its name is one an attribute
/// can apply to (<see cref="DeclaringNames"/>). These pin that the names hide no publisher and no confirmation: an
/// attribute on another part of a partial type, in a referenced assembly, applied through a global alias, on a type
/// whose member a class implements under the same name.
/// </summary>
public class DeclaringNamesTests
{
    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);

    private static CSharpCompilation Compile(MetadataReference[] references, params (string Path, string Source)[] files)
        => CSharpCompilation.Create(
            "DeclaringNames",
            files.Select(f => CSharpSyntaxTree.ParseText(f.Source, Parse, path: f.Path)),
            TestReferences.Framework.Add(TestReferences.Abstractions).AddRange(references),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static async Task<ImmutableArray<Diagnostic>> Run(Compilation compilation)
    {
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new UnconfirmedPublishAnalyzer())).GetAnalyzerDiagnosticsAsync();
    }

    private const string Caller = """
        using System.Threading.Tasks;

        public class Announcer(IPoster poster)
        {
            public Task Announce(string text) => poster.Shout(text);
        }
        """;

    [Fact]
    public async Task A_publisher_attribute_on_another_part_of_a_partial_interface_names_its_members()
    {
        var found = await Run(Compile(
            [],
            ("A/Announcer.cs", Caller),
            ("B/IPoster.cs", "using System.Threading.Tasks;\npublic partial interface IPoster { Task Shout(string text); }"),
            ("C/Publishing.cs", "[Presence.PublishesContent(\"Mastodon\")]\npublic partial interface IPoster { }")));
        Assert.Equal("PRES001", Assert.Single(found).Id);
    }

    [Fact]
    public async Task A_publisher_declared_in_a_referenced_assembly_is_found()
    {
        var library = LibraryBuilder.Build("Acme.Publishing", """
            using System.Threading.Tasks;
            [Presence.PublishesContent("Mastodon")]
            public interface IPoster { Task Shout(string text); }
            """, withPresence: false);
        var found = await Run(Compile([library], ("A/Announcer.cs", Caller)));
        Assert.Equal("PRES001", Assert.Single(found).Id);
    }

    [Fact]
    public async Task A_publisher_attribute_applied_through_a_global_alias_is_found()
    {
        var compilation = Compile(
            [],
            ("A/Usings.cs", "global using Loud = Presence.PublishesContentAttribute;"),
            ("B/Announcer.cs", Caller),
            ("C/IPoster.cs", "using System.Threading.Tasks;\n[Loud(\"Mastodon\")]\npublic interface IPoster { Task Shout(string text); }"));
        Assert.Equal("PRES001", Assert.Single(await Run(compilation)).Id);
    }

    [Fact]
    public async Task A_call_of_an_implementation_is_a_publish_when_its_interface_member_is_named()
    {
        // The call's method is the class's, declared in a file that names no attribute: its name is what counts.
        var compilation = Compile(
            [],
            ("A/Poster.cs", """
                using System.Threading.Tasks;
                public class Poster : IPoster
                {
                    public Task Shout(string text) => Task.CompletedTask;
                }

                public class Announcer(Poster poster)
                {
                    public Task Announce(string text) => poster.Shout(text);
                }
                """),
            ("B/IPoster.cs", "using System.Threading.Tasks;\npublic interface IPoster { [Presence.PublishesContent(\"Mastodon\")] Task Shout(string text); }"));
        var model = PresenceModel.TryCreate(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), CancellationToken.None)!;
        var poster = compilation.GetTypeByMetadataName("Poster")!;
        Assert.True(model.MayDeclare((IMethodSymbol)poster.GetMembers("Shout").Single()));
        Assert.False(model.MayDeclare((IMethodSymbol)compilation.GetTypeByMetadataName("Announcer")!.GetMembers("Announce").Single()));
        Assert.Equal("PRES001", Assert.Single(await Run(compilation)).Id);
    }

    [Fact]
    public async Task A_publisher_attribute_added_by_an_edit_is_found()
    {
        // The names read from the files are kept for the compilations with the same files: an edit makes other files.
        const string plain = "using System.Threading.Tasks;\npublic interface IPoster { Task Shout(string text); }";
        var before = Compile([], ("A/Announcer.cs", Caller), ("B/IPoster.cs", plain));
        Assert.Empty(await Run(before));

        var tree = before.SyntaxTrees.Single(t => t.FilePath == "B/IPoster.cs");
        var after = before.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(plain.Replace("public interface", "[Presence.PublishesContent(\"Mastodon\")]\npublic interface"))));
        Assert.Equal("PRES001", Assert.Single(await Run(after)).Id);
    }

    // A local function is judged by its name as a method is: it publishes or confirms only by an attribute written on
    // it, whose name the file that names the attribute gives.
    [Fact]
    public async Task A_local_function_carrying_an_attribute_publishes_or_confirms()
    {
        var compilation = Compile(
            [],
            ("A/Announcer.cs", """
                using System.Threading.Tasks;
                using Presence;

                public class Announcer
                {
                    public async Task Announce(string text)
                    {
                        await Shout(text);
                        if (await Ask(text))
                        {
                            await Shout(text);
                        }

                        await Whisper(text);

                        [PublishesContent("Mastodon")]
                        static Task Shout(string text) => Task.CompletedTask;

                        [HumanConfirmation]
                        static Task<bool> Ask(string text) => Task.FromResult(text.Length > 0);

                        static Task Whisper(string text) => Task.CompletedTask;
                    }
                }
                """));
        var found = await Run(compilation);
        Assert.Equal(new[] { ("PRES001", 8) }, found.Select(d => (d.Id, d.Location.GetLineSpan().StartLinePosition.Line + 1)));
    }
}
