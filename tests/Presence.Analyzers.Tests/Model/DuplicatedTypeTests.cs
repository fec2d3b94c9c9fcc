using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Presence.Analyzers.Tests.Verifiers;
using Presence.Compilations;

namespace Presence.Analyzers.Tests.Model;

/// <summary>
/// A Presence attribute defined twice (a library that compiled in a shared-source copy, a project that declares its
/// own) must not switch the rules off: the compilation's own type wins, then the one its references show it.
/// </summary>
public class DuplicatedTypeTests
{
    private const string Publisher = """
        using System.Threading.Tasks;
        using Presence;

        [PublishesContent("Mastodon")]
        public interface IPublisher { Task PublishAsync(string text); }

        class Poster { Task Post(IPublisher publisher) => publisher.PublishAsync("hi"); }
        """;

    // What a library that copied the attributes' source (instead of referencing the package) compiles into.
    private static MetadataReference CopyOfTheAttributes(string accessibility)
    {
        var source = $$"""
            namespace Presence
            {
                {{accessibility}} sealed class PublishesContentAttribute : System.Attribute { public PublishesContentAttribute(string platform = null) { } }
                {{accessibility}} sealed class RequiresHumanApprovalAttribute : System.Attribute { }
                {{accessibility}} sealed class HumanConfirmationAttribute : System.Attribute { }
                {{accessibility}} sealed class AutomatedPresenceAttribute : System.Attribute { public AutomatedPresenceAttribute(string justification) { } }
            }
            """;
        var library = CSharpCompilation.Create(
            "SharedSourceCopy",
            [CSharpSyntaxTree.ParseText(source)],
            TestReferences.Framework,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        Assert.True(library.Emit(image).Success);
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    [Fact]
    public void The_plain_lookup_misses_a_type_defined_twice_and_the_best_match_finds_the_visible_one()
    {
        var compilation = AllAnalyzers.Compilation([Publisher], [TestReferences.Abstractions, CopyOfTheAttributes("internal")]);

        // What made rules go silent: the compiler's own lookup gives up on two definitions.
        Assert.Null(compilation.GetTypeByMetadataName("Presence.PublishesContentAttribute"));
        var best = compilation.GetBestTypeByMetadataName("Presence.PublishesContentAttribute");
        Assert.Equal("Presence.Abstractions", best?.ContainingAssembly.Name);
    }

    [Fact]
    public async Task An_internal_copy_in_a_reference_leaves_the_rules_on()
    {
        var compilation = AllAnalyzers.Compilation([Publisher], [TestReferences.Abstractions, CopyOfTheAttributes("internal")]);
        var (diagnostics, failures) = await AllAnalyzers.RunAsync(compilation);
        Assert.Empty(failures);
        Assert.Contains(diagnostics, d => d.Id == "PRES001");
    }

    [Fact]
    public async Task The_compilations_own_copy_wins_over_the_package()
    {
        var ownCopy = """
            namespace Presence
            {
                internal sealed class PublishesContentAttribute : System.Attribute { public PublishesContentAttribute(string platform = null) { } }
            }
            """;
        var compilation = AllAnalyzers.Compilation([Publisher, ownCopy], [TestReferences.Abstractions, CopyOfTheAttributes("public")]);
        Assert.Equal("Analyzed", compilation.GetBestTypeByMetadataName("Presence.PublishesContentAttribute")?.ContainingAssembly.Name);

        var (diagnostics, failures) = await AllAnalyzers.RunAsync(compilation);
        Assert.Empty(failures);
        Assert.Contains(diagnostics, d => d.Id == "PRES001");
    }

    [Fact]
    public void Two_visible_copies_and_no_own_one_are_ambiguous()
    {
        var compilation = AllAnalyzers.Compilation([Publisher], [TestReferences.Abstractions, CopyOfTheAttributes("public")]);
        Assert.Null(compilation.GetBestTypeByMetadataName("Presence.PublishesContentAttribute"));
        Assert.Single(compilation.GetTypesByMetadataName("Presence.PublishesContentAttribute").Where(t => t.ContainingAssembly.Name == "Presence.Abstractions"));
    }

    [Fact]
    public void Every_lookup_by_metadata_name_goes_through_the_best_match()
    {
        var source = Path.Combine(RepoFiles.Root, "src");
        var helper = Path.Combine(source, "Shared", "Compilations", "CompilationTypes.cs");
        var plain = Directory.GetFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && file != helper)
            .Where(file => File.ReadAllText(file).Contains(".GetTypeByMetadataName(", StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(source, file));
        Assert.Empty(plain);
    }
}
