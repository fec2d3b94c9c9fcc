using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Presence.Analyzers.Tests.Verifiers;
using Presence.Compilations;

namespace Presence.Analyzers.Tests.Model;

/// <summary>
/// Types resolved from a compilation's references are kept for the next compilation with the same referenced
/// assemblies (what an IDE makes after each keystroke), never for one whose references or identity differ, and a
/// type the source declares is never answered from what was kept.
/// </summary>
public class ReferenceSetTests
{
    private const string Ordinary = "class Ordinary { void M() { } }";
    private const string OwnAttribute = "namespace Presence { public sealed class PublishesContentAttribute : System.Attribute { } }";
    private const string AttributeName = "Presence.PublishesContentAttribute";

    private static CSharpCompilation Compilation() => AllAnalyzers.Compilation([Ordinary], [TestReferences.Abstractions]);

    [Fact]
    public void An_edit_keeps_the_references_answers()
    {
        var before = Compilation();
        var edited = before.ReplaceSyntaxTree(before.SyntaxTrees[0], CSharpSyntaxTree.ParseText("class Ordinary { void M() { M(); } }", (CSharpParseOptions)before.SyntaxTrees[0].Options));

        Assert.Same(ReferenceSet.Of(before), ReferenceSet.Of(edited));
        Assert.Same(before.GetBestTypeByMetadataName(AttributeName), edited.GetBestTypeByMetadataName(AttributeName));
        Assert.Equal("Presence.Abstractions", edited.GetBestTypeByMetadataName(AttributeName)?.ContainingAssembly.Name);
    }

    [Fact]
    public void A_type_the_source_declares_after_an_edit_wins_over_what_was_kept()
    {
        var before = Compilation();
        Assert.Equal("Presence.Abstractions", before.GetBestTypeByMetadataName(AttributeName)?.ContainingAssembly.Name);

        var edited = before.AddSyntaxTrees(CSharpSyntaxTree.ParseText(OwnAttribute, (CSharpParseOptions)before.SyntaxTrees[0].Options));
        Assert.Same(ReferenceSet.Of(before), ReferenceSet.Of(edited));
        Assert.Equal(edited.Assembly, edited.GetBestTypeByMetadataName(AttributeName)?.ContainingAssembly, SymbolEqualityComparer.Default);
    }

    [Theory]
    [InlineData("namespace N { public class Job<T> { } }", "N.Job`1")]
    [InlineData("namespace N { public class Outer { public class Inner { } } }", "N.Outer+Inner")]
    [InlineData("public class Global { }", "Global")]
    [InlineData("namespace A.B { public interface IGate { } }", "A.B.IGate")]
    public void Generic_nested_and_global_types_the_source_declares_are_found(string source, string metadataName)
    {
        var before = Compilation();
        Assert.Null(before.GetBestTypeByMetadataName(metadataName));

        var edited = before.AddSyntaxTrees(CSharpSyntaxTree.ParseText(source, (CSharpParseOptions)before.SyntaxTrees[0].Options));
        Assert.Equal(edited.Assembly, edited.GetBestTypeByMetadataName(metadataName)?.ContainingAssembly, SymbolEqualityComparer.Default);
    }

    // The source's own declaration is found by walking its namespaces and types: it must give the compiler's answer.
    [Theory]
    [InlineData("namespace N { file class Job { } }", "N.Job")]
    [InlineData("namespace N { public class Job<T> { } }", "N.Job")]
    [InlineData("namespace N { public class Job { } public class Job<T> { } }", "N.Job")]
    [InlineData("namespace N { public class Job { } public class Job<T> { } }", "N.Job`1")]
    [InlineData("namespace N { public class Outer<T> { public class Inner<U> { } } }", "N.Outer`1+Inner`1")]
    [InlineData("namespace N { public class Outer { } }", "N.Outer+Missing")]
    [InlineData("public class Global { public class Inner { } }", "Global+Inner")]
    [InlineData("namespace N.N { public class N { } }", "N.N.N")]
    [InlineData("namespace A { namespace B { public class C { } } } namespace A.B { public class D { } }", "A.B.D")]
    [InlineData("namespace A { public partial class P { } } namespace A { partial class P { public class Q { } } }", "A.P+Q")]
    [InlineData("namespace A { public class C { } }", "B.C")]
    [InlineData("namespace A { public class C { } }", "A.C.D")]
    public void The_source_declaration_found_is_the_one_the_compiler_finds(string source, string metadataName)
    {
        var compilation = AllAnalyzers.Compilation([source], [TestReferences.Abstractions]);

        Assert.Equal(compilation.Assembly.GetTypeByMetadataName(metadataName), compilation.GetBestTypeByMetadataName(metadataName), SymbolEqualityComparer.Default);
    }

    [Fact]
    public void The_source_names_are_those_it_declares_and_an_edit_adds_its_own()
    {
        var before = AllAnalyzers.Compilation(
            ["namespace Shop.Net.Http { public class Outer<T> { public class HttpClient { } } }"], [TestReferences.Abstractions]);

        Assert.True(SourceDeclarations.DeclaresType(before, "HttpClient"));
        Assert.True(SourceDeclarations.DeclaresType(before, "Outer"));
        Assert.True(SourceDeclarations.DeclaresNamespace(before, "Http"));
        Assert.True(SourceDeclarations.DeclaresNamespace(before, "Shop"));
        Assert.False(SourceDeclarations.DeclaresNamespace(before, "Outer"));
        Assert.False(SourceDeclarations.DeclaresType(before, "Http"));
        // A referenced assembly's type is not the source's.
        Assert.False(SourceDeclarations.DeclaresType(before, "PublishesContentAttribute"));

        var edited = before.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Refit { class SlackApiClient { } }", (CSharpParseOptions)before.SyntaxTrees[0].Options));
        Assert.True(SourceDeclarations.DeclaresType(edited, "SlackApiClient"));
        Assert.True(SourceDeclarations.DeclaresNamespace(edited, "Refit"));
        Assert.False(SourceDeclarations.DeclaresType(before, "SlackApiClient"));
    }

    [Fact]
    public void Other_references_or_another_assembly_are_asked_anew()
    {
        var with = Compilation();
        Assert.NotNull(with.GetBestTypeByMetadataName(AttributeName));

        var without = with.RemoveReferences(TestReferences.Abstractions);
        Assert.NotSame(ReferenceSet.Of(with), ReferenceSet.Of(without));
        Assert.Null(without.GetBestTypeByMetadataName(AttributeName));

        // Another assembly may see other internals (InternalsVisibleTo names an assembly and its public key): its
        // answers are its own.
        Assert.NotSame(ReferenceSet.Of(with), ReferenceSet.Of(with.WithAssemblyName("Other")));
        var signed = with.WithOptions(with.Options.WithCryptoPublicKey(System.Collections.Immutable.ImmutableArray.Create<byte>(0, 36, 0, 0, 4, 128)));
        Assert.NotSame(ReferenceSet.Of(with), ReferenceSet.Of(signed));
        Assert.Same(ReferenceSet.Of(signed), ReferenceSet.Of(signed.WithOptions(signed.Options.WithCryptoPublicKey(System.Collections.Immutable.ImmutableArray.Create<byte>(0, 36, 0, 0, 4, 128)))));
    }

    [Fact]
    public void Referenced_assembly_names_are_compared_as_assembly_names()
    {
        var with = Compilation();
        var set = ReferenceSet.Of(with);

        Assert.True(set.References("Presence.Abstractions"));
        Assert.True(set.References("presence.abstractions"));
        Assert.False(set.References("Presence"));
        Assert.False(set.References("Refit"));
        Assert.True(set.ReferencesPrefixed("Presence."));
        Assert.False(set.ReferencesPrefixed("presence."));
        Assert.False(ReferenceSet.Of(with.RemoveReferences(TestReferences.Abstractions)).References("Presence.Abstractions"));
    }

    [Fact]
    public void An_edit_of_the_assembly_attributes_keeps_the_references_answers()
    {
        // The assembly's version, title and the like do not change what the references let it see.
        var before = Compilation();
        var edited = before.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "[assembly: System.Reflection.AssemblyVersion(\"2.0.0.0\")]", (CSharpParseOptions)before.SyntaxTrees[0].Options));

        Assert.Same(ReferenceSet.Of(before), ReferenceSet.Of(edited));
    }

    [Fact]
    public async Task A_publish_added_by_an_edit_is_reported_after_a_compilation_that_had_none()
    {
        var before = AllAnalyzers.Compilation([Ordinary], [TestReferences.Abstractions]);
        var (clean, failures) = await AllAnalyzers.RunAsync(before);
        Assert.Empty(failures);
        Assert.DoesNotContain(clean, d => d.Id.StartsWith("PRES", System.StringComparison.Ordinal));

        var edited = before.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            """
            using System.Threading.Tasks;
            using Presence;

            [PublishesContent("Mastodon")]
            public interface IPublisher { Task PublishAsync(string text); }

            class Poster { Task Post(IPublisher publisher) => publisher.PublishAsync("hi"); }
            """,
            (CSharpParseOptions)before.SyntaxTrees[0].Options));
        Assert.Same(ReferenceSet.Of(before), ReferenceSet.Of(edited));
        var (found, _) = await AllAnalyzers.RunAsync(edited);
        Assert.Single(found, d => d.Id == PresenceDiagnostics.UnconfirmedPublish.Id);
    }
}
