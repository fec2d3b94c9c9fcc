using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// Rules that decide at compilation start that there is nothing to look for (no file names their attribute, no
/// referenced assembly applies it) register nothing: these pin that the shortcut hides no finding when what they look
/// for is in a later file, comes with an edit (the unchanged files keep their syntax trees, and what was read from
/// them), stands in a referenced assembly, or is named through a global alias or unicode escapes.
/// </summary>
public class NothingToLookForTests
{
    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);

    private static CSharpCompilation Compile(params (string Path, string Source)[] files)
        => CSharpCompilation.Create(
            "Shortcuts",
            files.Select(f => CSharpSyntaxTree.ParseText(f.Source, Parse, path: f.Path)),
            TestReferences.Framework.Add(TestReferences.Abstractions),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static Compilation Edit(Compilation compilation, string path, string source)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(source)));
    }

    private static async Task<ImmutableArray<Diagnostic>> Run(DiagnosticAnalyzer analyzer, Compilation compilation)
    {
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return await compilation.WithAnalyzers(ImmutableArray.Create(analyzer)).GetAnalyzerDiagnosticsAsync();
    }

    private static void Single(ImmutableArray<Diagnostic> found, string id, string path, string message)
    {
        var diagnostic = Assert.Single(found);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(path, diagnostic.Location.SourceTree?.FilePath);
        Assert.Contains(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    // PRES104 and PRES105 (ApprovalRequirementAnalyzer)

    private const string Poster = """
        using System.Threading.Tasks;

        public class Poster : IPoster
        {
            public Task Post(string text) => Task.CompletedTask;
        }
        """;

    private const string PosterInterface = """
        using System.Threading.Tasks;

        public interface IPoster
        {
            Task Post(string text);
        }
        """;

    private static string Requiring(string source) => "using Presence;\n" + source.Replace("Task Post(", "[RequiresHumanApproval] Task Post(");

    [Fact]
    public async Task A_requirement_declared_in_a_later_file_is_still_checked()
        => Single(
            await Run(new ApprovalRequirementAnalyzer(), Compile(("A/Poster.cs", Poster), ("Z/IPoster.cs", Requiring(PosterInterface)))),
            "PRES104", "A/Poster.cs", "'Poster.Post'");

    [Fact]
    public async Task A_requirement_gained_by_an_edit_is_checked_in_the_files_that_did_not_change()
    {
        var before = Compile(("A/Poster.cs", Poster), ("Z/IPoster.cs", PosterInterface));
        Assert.Empty(await Run(new ApprovalRequirementAnalyzer(), before));

        var after = Edit(before, "Z/IPoster.cs", Requiring(PosterInterface));
        Single(await Run(new ApprovalRequirementAnalyzer(), after), "PRES104", "A/Poster.cs", "'Poster.Post'");
    }

    [Fact]
    public async Task A_requirement_of_a_referenced_assembly_is_checked()
    {
        var library = LibraryBuilder.Build("Acme.Publishing", Requiring(PosterInterface.Replace("public interface", "namespace Acme;\npublic interface")), withPresence: false);
        var consumer = Compile(("A/Poster.cs", Poster.Replace(": IPoster", ": Acme.IPoster"))).AddReferences(library);
        Single(await Run(new ApprovalRequirementAnalyzer(), consumer), "PRES104", "A/Poster.cs", "'Poster.Post'");
    }

    // What the files name is kept for the compilations that have the same files; which references apply the
    // attribute is not: the same files with another version of the library are read with that version's answer.
    [Fact]
    public async Task The_same_files_with_a_library_that_gains_a_requirement_are_checked_again()
    {
        var plain = LibraryBuilder.Build("Acme.Publishing", PosterInterface.Replace("public interface", "namespace Acme;\npublic interface"), withPresence: false);
        var requiring = LibraryBuilder.Build("Acme.Publishing", Requiring(PosterInterface.Replace("public interface", "namespace Acme;\npublic interface")), withPresence: false);
        var before = Compile(("A/Poster.cs", Poster.Replace(": IPoster", ": Acme.IPoster"))).AddReferences(plain);
        Assert.Empty(await Run(new ApprovalRequirementAnalyzer(), before));

        var after = before.ReplaceReference(plain, requiring);
        Single(await Run(new ApprovalRequirementAnalyzer(), after), "PRES104", "A/Poster.cs", "'Poster.Post'");
    }

    [Fact]
    public async Task A_requirement_applied_through_a_global_alias_or_unicode_escapes_is_checked()
    {
        var aliased = Compile(
            ("A/Poster.cs", Poster.Replace("public Task Post", "[NeedsApproval] public Task Post")),
            ("A/IPoster.cs", PosterInterface),
            ("G/Usings.cs", "global using NeedsApproval = Presence.RequiresHumanApprovalAttribute;"));
        Single(await Run(new ApprovalRequirementAnalyzer(), aliased), "PRES104", "A/Poster.cs", "declares");

        var escaped = Compile(("A/Poster.cs", "using Presence;\n" + Poster.Replace("public Task Post", "[Requires\\u0048umanApproval] public Task Post")), ("A/IPoster.cs", PosterInterface));
        Single(await Run(new ApprovalRequirementAnalyzer(), escaped), "PRES104", "A/Poster.cs", "declares");
    }

    [Fact]
    public async Task A_requirement_on_the_other_part_of_a_partial_method_is_checked()
    {
        var split = Compile(
            ("A/Poster.cs", "using System.Threading.Tasks;\n\npublic partial class Poster : IPoster\n{\n    public partial Task Post(string text);\n}"),
            ("A/IPoster.cs", PosterInterface),
            ("B/Poster.Body.cs", "using System.Threading.Tasks;\nusing Presence;\n\npublic partial class Poster\n{\n    [RequiresHumanApproval] public partial Task Post(string text) => Task.CompletedTask;\n}"));
        var found = Assert.Single(await Run(new ApprovalRequirementAnalyzer(), split));
        Assert.Equal("PRES104", found.Id);
        Assert.Contains("'Poster.Post' declares", found.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    // A method, and each interface of its type, is looked up among the types the files that name the attribute
    // declare (found by their names): a requirement declared by a nested generic interface, implemented in a file that
    // does not name it, and one declared on a method of a nested type, are still checked.
    [Fact]
    public async Task A_requirement_declared_by_a_nested_generic_interface_is_checked()
    {
        var compilation = Compile(
            ("A/Contracts.cs", """
                using System.Threading.Tasks;
                using Presence;

                namespace Acme.Posting;

                public static class Contracts<T>
                {
                    public interface IPoster { [RequiresHumanApproval] Task Post(T text); }

                    public class Base { [RequiresHumanApproval] public virtual Task Post(T text) => Task.CompletedTask; }
                }
                """),
            ("B/Poster.cs", """
                using System.Threading.Tasks;

                public class Poster : Acme.Posting.Contracts<string>.IPoster
                {
                    public Task Post(string text) => Task.CompletedTask;
                }

                public class Derived : Acme.Posting.Contracts<string>.Base
                {
                    public override Task Post(string text) => Task.CompletedTask;
                }
                """));
        Assert.Equal(2, (await Run(new ApprovalRequirementAnalyzer(), compilation)).Length);
        var found = (await Run(new ApprovalRequirementAnalyzer(askedOneByOne: 0), compilation))
            .Select(d => d.Id + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Split('\'')[1]).OrderBy(m => m, System.StringComparer.Ordinal);
        Assert.Equal(new[] { "PRES104 Derived.Post", "PRES104 Poster.Post" }, found);
    }

    // The finding is in A/Finding.cs, which does not change; what makes it one comes in Z/Later.cs: a later file of a
    // fresh compilation, then an edit of a compilation that had nothing to look for.
    private static async Task GainedInALaterFileAndByAnEdit<TAnalyzer>(string finding, string before, string after, string id, string message)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        Single(await Run(new TAnalyzer(), Compile(("A/Finding.cs", finding), ("Z/Later.cs", after))), id, "A/Finding.cs", message);

        var first = Compile(("A/Finding.cs", finding), ("Z/Later.cs", before));
        Assert.Empty(await Run(new TAnalyzer(), first));
        Single(await Run(new TAnalyzer(), Edit(first, "Z/Later.cs", after)), id, "A/Finding.cs", message);
    }

    // PRES005 (RubberStampConfirmationAnalyzer)

    private const string Desk = """
        public interface IDesk
        {
            bool Confirm(string text);
        }
        """;

    private const string AlwaysYes = """
        public class Desk : IDesk
        {
            public bool Confirm(string text) => true;
        }
        """;

    [Fact]
    public Task A_confirmation_declared_in_a_later_file_or_by_an_edit_is_checked_for_rubber_stamps()
        => GainedInALaterFileAndByAnEdit<RubberStampConfirmationAnalyzer>(
            AlwaysYes, Desk, "using Presence;\n" + Desk.Replace("bool Confirm(", "[HumanConfirmation] bool Confirm("), "PRES005", "'Desk.Confirm'");

    [Fact]
    public async Task A_confirmation_of_a_referenced_assembly_is_checked_for_rubber_stamps()
    {
        var library = LibraryBuilder.Build("Acme.Review", "using Presence;\nnamespace Acme;\n" + Desk.Replace("bool Confirm(", "[HumanConfirmation] bool Confirm("), withPresence: false);
        var consumer = Compile(("A/Finding.cs", AlwaysYes.Replace(": IDesk", ": Acme.IDesk"))).AddReferences(library);
        Single(await Run(new RubberStampConfirmationAnalyzer(), consumer), "PRES005", "A/Finding.cs", "'Desk.Confirm'");

        // Presence.Abstractions declares confirmations of its own (IApprovalPrompt.AskAsync).
        var prompt = Compile(("A/Finding.cs", """
            using System.Threading;
            using System.Threading.Tasks;

            public class Prompt : Presence.IApprovalPrompt
            {
                public Task<Presence.ApprovalPromptAnswer?> AskAsync(Presence.ApprovalPromptRequest request, CancellationToken cancellationToken)
                    => Task.FromResult<Presence.ApprovalPromptAnswer?>(Presence.ApprovalPromptAnswer.Approve("auto"));
            }
            """));
        Assert.Equal("PRES005", Assert.Single(await Run(new RubberStampConfirmationAnalyzer(), prompt)).Id);
    }

    // Each type is dismissed by a lookup of itself, its bases and its interfaces among the types the files that name
    // the attribute declare (found by their names) and those that declare a confirmation: one declared in a nested,
    // generic or escaped type, in a block or file-scoped namespace, reached through a base class or a partial
    // method's other part, is still checked; a file-local type (whose name the compiler makes up) too.
    [Fact]
    public async Task Confirmations_declared_by_nested_generic_partial_and_file_local_types_are_checked_for_rubber_stamps()
    {
        var compilation = Compile(
            ("A/Desks.cs", """
                using Presence;

                namespace Acme.Review
                {
                    namespace Inner
                    {
                        public class Outer<T>
                        {
                            public interface IDesk { [HumanConfirmation] bool Confirm(string text); }
                        }
                    }
                }
                """),
            ("A/Flat.cs", "using Presence;\nnamespace Acme . Flat;\npublic interface @IFlatDesk<T> { [HumanConfirmation] bool Confirm(T text); }\npublic abstract class Desk\\u0042ase { [HumanConfirmation] public abstract bool Confirm(string text); }\npublic partial class Split { [HumanConfirmation] public partial bool Confirm(string text); }\n"),
            ("B/Yes.cs", """
                public class NestedYes : Acme.Review.Inner.Outer<int>.IDesk { public bool Confirm(string text) => true; }
                public class FlatYes : Acme.Flat.IFlatDesk<string> { public bool Confirm(string text) => true; }
                public class BaseYes : Acme.Flat.DeskBase { public override bool Confirm(string text) => true; }
                public class Mid : Acme.Flat.DeskBase { public override bool Confirm(string text) => text.Length > 0; }
                public class LeafYes : Mid { public override bool Confirm(string text) => true; }
                """),
            ("B/Split.cs", "namespace Acme.Flat;\npublic partial class Split { public partial bool Confirm(string text) => true; }\n"));
        // Each type asked where it is declared (as for an open file's few), and looked up in the sets from the first.
        foreach (var analyzer in new[] { new RubberStampConfirmationAnalyzer(), new RubberStampConfirmationAnalyzer(askedOneByOne: 0) })
        {
            var found = (await Run(analyzer, compilation))
                .Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Split('\'')[1]).OrderBy(m => m, System.StringComparer.Ordinal);
            Assert.Equal(new[] { "BaseYes.Confirm", "FlatYes.Confirm", "LeafYes.Confirm", "NestedYes.Confirm", "Split.Confirm" }, found);
        }

        var fileLocal = Compile(
            ("A/Local.cs", "using Presence;\n\nfile class LocalDesk\n{\n    [HumanConfirmation] public bool Confirm(string text) => true;\n}\n\nfile interface ILocalDesk { [HumanConfirmation] bool Confirm(string text); }\n\nfile class LocalYes : ILocalDesk { public bool Confirm(string text) => true; }\n"),
            ("B/Other.cs", AlwaysYes.Replace(" : IDesk", string.Empty)));
        var local = (await Run(new RubberStampConfirmationAnalyzer(askedOneByOne: 0), fileLocal))
            .Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Split('\'')[1]).OrderBy(m => m, System.StringComparer.Ordinal);
        Assert.Equal(new[] { "LocalDesk.Confirm", "LocalYes.Confirm" }, local);
    }

    // Confirmations that a shortcut by name would miss: an explicit implementation (whose name is its interface's and
    // member's) and an accessor (the attribute can stand on one), both checked, as is an implicit implementation in a
    // file that names nothing; a look-alike with the same name and no interface is not.
    [Fact]
    public async Task Confirmations_whose_names_differ_from_the_declaring_member_are_checked_for_rubber_stamps()
    {
        var compilation = Compile(
            ("A/Desk.cs", "using Presence;\nnamespace Acme;\npublic interface IDesk { [HumanConfirmation] bool Confirm(string text); }\npublic class Gate { public bool Open { [HumanConfirmation] get => true; } }\n"),
            ("B/Yes.cs", """
                public class ExplicitYes : Acme.IDesk { bool Acme.IDesk.Confirm(string text) => true; }
                public class ImplicitYes : Acme.IDesk { public bool Confirm(string text) => true; }
                public class Unrelated { public bool Approve(string text) => true; public bool Confirm(string text) => true; }
                """));
        foreach (var analyzer in new[] { new RubberStampConfirmationAnalyzer(), new RubberStampConfirmationAnalyzer(askedOneByOne: 0) })
        {
            var found = (await Run(analyzer, compilation))
                .Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Split('\'')[1]).OrderBy(m => m, System.StringComparer.Ordinal);
            Assert.Equal(new[] { "ExplicitYes.Acme.IDesk.Confirm", "Gate.get_Open", "ImplicitYes.Confirm" }, found);
        }
    }

    // PRES101 (ConfirmationShapeAnalyzer): reported where the attribute stands, named through a global alias here.

    [Fact]
    public Task A_confirmation_applied_through_a_global_alias_gained_later_has_its_shape_checked()
        => GainedInALaterFileAndByAnEdit<ConfirmationShapeAnalyzer>(
            "public interface IDesk\n{\n    [Asks] int Confirm(string text);\n}",
            "global using Asks = System.ObsoleteAttribute;",
            "global using Asks = Presence.HumanConfirmationAttribute;",
            "PRES101", "'Confirm'");

    // PRES101 for the same two shapes, each asked where it is declared and looked up in the sets.
    [Fact]
    public async Task Confirmations_whose_names_differ_from_the_declaring_syntax_have_their_shape_checked()
    {
        var compilation = Compile(("A/Desk.cs", """
            using Presence;

            public interface IDesk { int Ask(string text); }
            public class Desk : IDesk
            {
                [HumanConfirmation] int IDesk.Ask(string text) => 1;
                public int Level { [HumanConfirmation] get => 1; }
                public int Other(string text) => 1;
            }
            """));
        foreach (var analyzer in new[] { new ConfirmationShapeAnalyzer(), new ConfirmationShapeAnalyzer(askedOneByOne: 0) })
        {
            var found = (await Run(analyzer, compilation))
                .Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Split('\'')[1]).OrderBy(m => m, System.StringComparer.Ordinal);
            Assert.Equal(new[] { "IDesk.Ask", "get_Level" }, found);
        }
    }

    // PRES101 reads the methods of the types the files that name the attribute declare (found by their names): a
    // method of a nested generic type, and a partial method whose other part is in a file that does not name it.
    [Fact]
    public async Task Confirmations_of_nested_generic_and_partial_types_have_their_shape_checked()
    {
        var compilation = Compile(
            ("A/Desks.cs", """
                using Presence;

                namespace Acme.Review;

                public class Outer<T>
                {
                    public interface IDesk { [HumanConfirmation] int Confirm(string text); }
                }

                public partial class Split
                {
                    [HumanConfirmation] public partial int Confirm(string text);
                }
                """),
            ("B/Split.cs", "namespace Acme.Review;\n\npublic partial class Split\n{\n    public partial int Confirm(string text) => 0;\n}\n"));
        var found = await Run(new ConfirmationShapeAnalyzer(askedOneByOne: 0), compilation);
        Assert.Equal((await Run(new ConfirmationShapeAnalyzer(), compilation)).Length, found.Length);
        Assert.Equal(2, found.Length); // the partial method once, on its attribute, though it has a symbol for each part
        Assert.NotEmpty(found);
        Assert.All(found, d => Assert.Equal("PRES101", d.Id));
        Assert.Equal(new[] { 7, 12 }, found.Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1).Distinct().OrderBy(line => line));
    }

    // PRES101 reads a type's methods where the type is declared in a file that names the attribute: a partial method
    // whose attribute stands on its implementing part, in that file, is checked once, whichever part is asked about.
    [Fact]
    public async Task A_partial_confirmation_with_the_attribute_on_its_implementation_is_checked_once()
    {
        var compilation = Compile(
            ("A/Split.cs", "namespace Acme.Review;\n\npublic partial class Split\n{\n    public partial int Confirm(string text);\n}\n"),
            ("B/Split.Impl.cs", """
                using Presence;

                namespace Acme.Review;

                public partial class Split
                {
                    [HumanConfirmation] public partial int Confirm(string text) => 0;
                }
                """));
        foreach (var analyzer in new[] { new ConfirmationShapeAnalyzer(), new ConfirmationShapeAnalyzer(askedOneByOne: 0) })
        {
            var found = await Run(analyzer, compilation);
            var diagnostic = Assert.Single(found);
            Assert.Equal("PRES101", diagnostic.Id);
            Assert.Equal("B/Split.Impl.cs", diagnostic.Location.GetLineSpan().Path);
        }
    }

    // Each file is read once for every name: a name found in it does not stop the others being looked for, in its
    // unicode-escaped identifiers or its global aliases.

    [Fact]
    public async Task A_file_that_names_one_word_is_still_read_for_another_spelled_with_unicode_escapes()
    {
        var desk = Compile(("A/Desk.cs", "using Presence;\n\n// Approved posts only.\npublic interface IDesk\n{\n    [Human\\u0043onfirmation] int Confirm(string text);\n}"));
        Single(await Run(new ConfirmationShapeAnalyzer(), desk), "PRES101", "A/Desk.cs", "'Confirm'");

        // The long form of the escape, after backslashes of a string that are no escape of an identifier.
        var longForm = Compile(("A/Desk.cs", "using Presence;\n\npublic interface IDesk\n{\n    const string Prompt = \"Post?\\n\\\\share\";\n    [Human\\U00000043onfirmation] int Confirm(string text);\n}"));
        Single(await Run(new ConfirmationShapeAnalyzer(), longForm), "PRES101", "A/Desk.cs", "'Confirm'");
    }

    [Fact]
    public async Task One_file_of_global_aliases_names_several_attributes_for_every_file()
    {
        var aliased = Compile(
            ("A/Desk.cs", "public interface IDesk\n{\n    [Asks] int Confirm(string text);\n}"),
            ("B/Bot.cs", "[Exempt(\" \")]\npublic class Bot\n{\n}"),
            ("G/Usings.cs", "global using Asks = Presence.HumanConfirmationAttribute;\nglobal using Exempt = Presence.AutomatedPresenceAttribute;"));
        Single(await Run(new ConfirmationShapeAnalyzer(), aliased), "PRES101", "A/Desk.cs", "'Confirm'");
        Single(await Run(new AutomatedPresenceJustificationAnalyzer(), aliased), "PRES010", "B/Bot.cs", "'Bot'");
    }

    // PRES007 (StoredApprovalAnalyzer): the field's file names no Approved<T>; a global alias does.

    [Fact]
    public Task A_token_type_named_through_a_global_alias_gained_later_is_checked_in_fields()
        => GainedInALaterFileAndByAnEdit<StoredApprovalAnalyzer>(
            "public record Post(string Text);\n\npublic class Cache\n{\n    public Token? Kept;\n}",
            "global using Token = Post;",
            "global using Token = Presence.Approved<Post>;",
            "PRES007", "The field 'Kept' keeps an Approved<Post>");

    [Fact]
    public async Task A_serializer_call_gained_by_an_edit_is_checked()
    {
        const string redeem = """
            using System.Threading.Tasks;

            public record Post(string Text);

            public static class Redeem
            {
                public static Task<Presence.Approved<Post>?> Next(Presence.ApprovalLedger ledger, Post post) => ledger.TryRedeemAsync("request", post);
            }
            """;
        const string before = """
            using System.Threading.Tasks;

            public static class Archive
            {
                public static async Task<string> Save(Presence.ApprovalLedger ledger, Post post) => (await Redeem.Next(ledger, post))?.ToString() ?? "";
            }
            """;
        var first = Compile(("A/Redeem.cs", redeem), ("Z/Archive.cs", before));
        Assert.Empty(await Run(new StoredApprovalAnalyzer(), first));

        var after = Edit(first, "Z/Archive.cs", before.Replace("(await Redeem.Next(ledger, post))?.ToString() ?? \"\"", "System.Text.Json.JsonSerializer.Serialize(await Redeem.Next(ledger, post))"));
        Single(await Run(new StoredApprovalAnalyzer(), after), "PRES007", "Z/Archive.cs", "Serializing it keeps an Approved<Post>");
    }

    // PRES010 and PRES012 (RequiredAttributeText): reported where the attribute stands, named through a global alias.

    [Fact]
    public Task An_automated_presence_applied_through_a_global_alias_gained_later_needs_its_justification()
        => GainedInALaterFileAndByAnEdit<AutomatedPresenceJustificationAnalyzer>(
            "[Exempt(\" \")]\npublic class Bot\n{\n}",
            "global using Exempt = System.ObsoleteAttribute;",
            "global using Exempt = Presence.AutomatedPresenceAttribute;",
            "PRES010", "'Bot'");

    [Fact]
    public Task An_internal_audience_applied_through_a_global_alias_gained_later_needs_its_description()
        => GainedInALaterFileAndByAnEdit<InternalAudienceDescriptionAnalyzer>(
            "[Editors(\"\")]\npublic class Chat\n{\n}",
            "global using Editors = System.ObsoleteAttribute;",
            "global using Editors = Presence.InternalAudienceAttribute;",
            "PRES012", "'Chat'");

    // PRES106 (UngatedMemberAnalyzer)

    [Fact]
    public Task A_gated_interface_applied_through_a_global_alias_gained_later_has_its_members_checked()
        => GainedInALaterFileAndByAnEdit<UngatedMemberAnalyzer>(
            "[Gated]\npublic interface IPublisher\n{\n    System.Threading.Tasks.Task PostAsync(string text);\n    string Account { get; }\n}",
            "global using Gated = System.ObsoleteAttribute;",
            "global using Gated = Presence.GeneratePublisherGateAttribute;",
            "PRES106", "'IPublisher.Account'");
}
