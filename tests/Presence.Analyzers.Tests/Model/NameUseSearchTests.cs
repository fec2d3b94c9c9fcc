using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Presence.Analyzers.Model;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Model;

/// <summary>
/// A file's text is read for every name the rules ask in one search for a few rare letters and the backslash, each hit
/// compared with the names around it (<see cref="NameUse.FileWords.Search"/>): it must find exactly what a search for
/// each name, and for a backslash before 'u' or 'U', finds. A name it missed would make a rule register nothing where
/// it has something to report.
/// </summary>
public class NameUseSearchTests
{
    private static (int Named, bool UnicodeEscape) OneByOne(string text)
    {
        var named = 0;
        for (var i = 0; i < NameUse.SearchedWords.Count; i++)
        {
            if (text.IndexOf(NameUse.SearchedWords[i], StringComparison.Ordinal) >= 0)
            {
                named |= 1 << i;
            }
        }

        var escape = false;
        for (var at = text.IndexOf('\\'); at >= 0 && at + 1 < text.Length; at = text.IndexOf('\\', at + 1))
        {
            escape |= text[at + 1] is 'u' or 'U';
        }

        return (named, escape);
    }

    private static void Same(string text)
        => Assert.True(OneByOne(text) == NameUse.FileWords.Search(text), $"read differently from a search for each name: '{text}'");

    [Fact]
    public void Every_name_is_found_at_the_start_the_end_and_beside_its_own_letters()
    {
        foreach (var word in NameUse.SearchedWords)
        {
            Same(word);
            Same("x" + word);
            Same(word + "x");
            Same("[" + word + "]\n");
            Same(word.Substring(1));
            Same(word.Substring(0, word.Length - 1));
            Same(word.Substring(0, word.Length - 1) + "\\u0041");

            // Each of its letters written just before and after it, so that a hit on a letter outside the name comes first.
            foreach (var letter in word.Distinct())
            {
                Same(letter + word + letter);
                Same(new string(letter, 3) + word.Substring(0, word.Length - 1) + letter + word);
            }

            // Its own bit, and those of the names it contains (RequiresHumanApproval names Approval too).
            var expected = NameUse.SearchedWords.Select((other, i) => word.Contains(other, StringComparison.Ordinal) ? 1 << i : 0).Aggregate(0, (all, bit) => all | bit);
            Assert.Equal(expected, NameUse.FileWords.Search("/* " + word + " */").Named);
        }
    }

    [Fact]
    public void Unicode_escapes_are_found_where_a_backslash_is_followed_by_u()
    {
        Assert.True(NameUse.FileWords.Search("var \\u0041pproved = 1;").UnicodeEscape);
        Assert.True(NameUse.FileWords.Search("\\\\U00000041").UnicodeEscape);
        Assert.False(NameUse.FileWords.Search("\"\\n\\t\\\\\" \\").UnicodeEscape);
        Same("\\");
        Same("ab\\");
        Same("\\u");
        Same(string.Empty);
    }

    [Fact]
    public void Texts_made_of_pieces_of_the_names_are_read_as_a_search_for_each_finds()
    {
        // Pieces of every name (which hold the rare letters and share prefixes and suffixes), backslashes and
        // ordinary code, joined at random: deterministic from the seed.
        var pieces = NameUse.SearchedWords
            .SelectMany(word => new[] { word, word.Substring(0, word.Length / 2), word.Substring(word.Length / 2), word.Substring(1, word.Length - 2) })
            .Concat(new[] { "\\", "\\u", "\\U", "u", " ", "G", "H", "q", "z", "Q", "Async(", "public Task ", "\n" })
            .ToArray();
        var random = new Random(11);
        for (var i = 0; i < 5000; i++)
        {
            var text = new StringBuilder();
            for (var j = random.Next(1, 12); j > 0; j--)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            Same(text.ToString());
        }
    }

    private static CSharpCompilation Compile(params (string Path, string Source)[] files)
        => CSharpCompilation.Create(
            "Names",
            files.Select(f => CSharpSyntaxTree.ParseText(f.Source, new CSharpParseOptions(LanguageVersion.Latest), path: f.Path)),
            TestReferences.Framework.Add(TestReferences.Abstractions),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private static HashSet<INamedTypeSymbol>? SourceTypes(Compilation compilation)
        => NameUse.Of(compilation, compilation.GetTypeByMetadataName("Presence.HumanConfirmationAttribute")!, references: false, CancellationToken.None)
            .SourceTypes(compilation, CancellationToken.None);

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceOrTypeSymbol container)
        => container.GetMembers().OfType<INamespaceOrTypeSymbol>().SelectMany(member => member is INamedTypeSymbol type ? AllTypes(type).Prepend(type) : AllTypes(member));

    // RubberStampConfirmationAnalyzer dismisses a type that is not among these (and inherits from no type that declares
    // a confirmation): they must be every type with a declaration in a file that names the attribute.
    [Fact]
    public void The_types_declared_in_the_files_that_name_a_word_are_found_by_their_names()
    {
        var compilation = Compile(
            ("A/Naming.cs", """
                using Presence;

                public class Global<T1, T2> { public struct Inner { } public interface IInner<T> { } }
                public enum Mood { Yes }

                namespace Acme . Review
                {
                    public record Decision(bool IsApproved);
                    public partial class Split { [HumanConfirmation] public partial bool Confirm(); }

                    namespace Deeper
                    {
                        public record struct Ticket;
                        public class @class { public class Nested<T> { public interface Deepest { } } }
                        public delegate bool Ask();
                        public class Escap\u0065d { }
                    }
                }
                """),
            ("B/Other.cs", """
                namespace Acme.Review;

                public partial class Split { public partial bool Confirm() => true; }
                public class Unnamed { public class Nested { } }
                """));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var expected = AllTypes(compilation.Assembly.GlobalNamespace)
            .Where(type => type.Locations.Any(location => location.SourceTree?.FilePath == "A/Naming.cs") && type.TypeKind != TypeKind.Delegate)
            .Select(type => type.ToDisplayString())
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(11, expected.Count);
        var found = SourceTypes(compilation);
        Assert.NotNull(found);
        Assert.Equal(expected, found!.Select(type => type.ToDisplayString()).OrderBy(name => name, StringComparer.Ordinal));
    }

    [Fact]
    public void Where_the_names_cannot_tell_the_types_none_are_given()
    {
        Assert.Null(SourceTypes(Compile(("A/Local.cs", "using Presence;\nfile class Desk { [HumanConfirmation] public bool Confirm() => true; }\n"))));
        Assert.Null(SourceTypes(Compile(
            ("A/Usings.cs", "global using Asks = Presence.HumanConfirmationAttribute;\n"),
            ("B/Desk.cs", "public class Desk { [Asks] public bool Confirm() => true; }\n"))));
        Assert.Empty(SourceTypes(Compile(("A/Desk.cs", "public class Desk { public bool Confirm() => true; }\n")))!);
    }
}
