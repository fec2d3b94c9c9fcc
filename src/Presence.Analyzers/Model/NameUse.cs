using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Presence.Analyzers.Catalog;
using Presence.Compilations;

namespace Presence.Analyzers.Model
{
    /// <summary>
    /// Where a name can be used in a compilation — a Presence attribute, Approved&lt;T&gt;, a serializer's methods —
    /// decided at compilation start without binding anything: in a source file whose text names it, and (for an
    /// attribute) in a referenced assembly that can see it and applies it to a method. Using a type or a method takes
    /// its name, an alias of it, or a unicode-escaped spelling of it in the file, or a global alias (which names it) in
    /// another: a file that has none of these cannot use it, so a rule about it registers nothing, or looks only where
    /// it can be, and hides no finding. A file's answer, for every name at once, is kept with its syntax tree, which an
    /// IDE keeps from one edit's compilation to the next: an edit rereads the edited file only. The files' answers
    /// together are kept for the compilations with the same files (each open file's analysis has its own copy of the
    /// compilation), and which referenced assemblies apply an attribute with the set of references.
    /// </summary>
    internal sealed class NameUse
    {
        /// <summary>
        /// Every name a rule asks about. Each file's text is read once for all of them, whichever rule asks first: a
        /// pass per name cost a pass over all the source per rule.
        /// </summary>
        private static readonly string[] Words = new[]
        {
            "AutomatedPresence", "InternalAudience", "HumanConfirmation", "GeneratePublisherGate", "RequiresHumanApproval", "Approved", "Approval", "Serialize", "DecideAsync",
            "PublishesContent", "Refit", "AIFunctionFactory",
        }.Concat(HttpRequests.SendWords).ToArray();

        /// <summary>The names each file's text is read for (tests compare the reading with a search for each).</summary>
        internal static IReadOnlyList<string> SearchedWords => Words;

        private static readonly ConditionalWeakTable<SyntaxTree, FileWords> Files = new ConditionalWeakTable<SyntaxTree, FileWords>();

        private readonly HashSet<SyntaxTree>? _namingFiles;
        private readonly bool _everyFile;
        private readonly HashSet<IAssemblySymbol>? _applyingAssemblies;

        private NameUse(HashSet<SyntaxTree>? namingFiles, bool everyFile, HashSet<IAssemblySymbol>? applyingAssemblies)
        {
            _namingFiles = namingFiles;
            _everyFile = everyFile;
            _applyingAssemblies = applyingAssemblies;
        }

        /// <summary>Whether a source file of the compilation can use the name.</summary>
        public bool InSource => _namingFiles is not null;

        /// <summary>The source files that can name it; null when every file can (a global alias names it).</summary>
        public IEnumerable<SyntaxTree>? NamingFiles => _everyFile ? null : _namingFiles ?? (IEnumerable<SyntaxTree>)Array.Empty<SyntaxTree>();

        /// <summary>Whether a referenced assembly applies the attribute to a method (only when asked for references).</summary>
        public bool InReferences => _applyingAssemblies is not null;

        public bool Anywhere => InSource || InReferences;

        /// <summary>How many symbols a rule asks about one by one (where they are declared) before it builds <see cref="TypeSets"/>.</summary>
        public const int AskedOneByOne = 256;

        /// <summary>
        /// The sets a rule looks a type up in (<see cref="SourceTypes"/>, and with them the referenced types that declare
        /// a method carrying <paramref name="attribute"/>), built when more than <paramref name="oneByOne"/> symbols have
        /// been asked about: until then, and where the names cannot tell, null, and each symbol is asked where it is
        /// declared. An open file's analysis asks about its few symbols, for which building the sets (it binds the
        /// namespaces that hold the files' types) cost more than asking each; a whole compilation asks about thousands.
        /// </summary>
        public TypeSets WhenMany(Compilation compilation, INamedTypeSymbol attribute, int oneByOne, CancellationToken cancellationToken)
            => new TypeSets(() =>
            {
                if (SourceTypes(compilation, cancellationToken) is not { } source)
                {
                    return null;
                }

                var candidates = new HashSet<INamedTypeSymbol>(source, SymbolEqualityComparer.Default);
                candidates.UnionWith(DeclaringTypesInReferences(compilation, attribute));
                return (new NamedTypeSet(source), new NamedTypeSet(candidates));
            }, oneByOne);

        /// <summary>See <see cref="WhenMany"/>.</summary>
        public sealed class TypeSets
        {
            private readonly Lazy<(NamedTypeSet Source, NamedTypeSet Candidates)?> _sets;
            private readonly int _oneByOne;
            private int _asked;
            private volatile bool _built;

            internal TypeSets(Func<(NamedTypeSet, NamedTypeSet)?> build, int oneByOne)
            {
                _sets = new Lazy<(NamedTypeSet Source, NamedTypeSet Candidates)?>(build, LazyThreadSafetyMode.ExecutionAndPublication);
                _oneByOne = oneByOne;
            }

            /// <summary>
            /// The types declared in the files that can name the attribute, and those with the referenced types that
            /// declare a method carrying it; null while symbols are asked one by one.
            /// </summary>
            public (NamedTypeSet Source, NamedTypeSet Candidates)? Get()
            {
                if (_built)
                {
                    return _sets.Value;
                }

                if (Interlocked.Increment(ref _asked) <= _oneByOne)
                {
                    return null;
                }

                var sets = _sets.Value;
                _built = true;
                return sets;
            }
        }

        /// <summary>
        /// The types of the referenced assemblies that apply <paramref name="attribute"/> (the type this was asked for,
        /// then one of the references, the same for every compilation with them) that declare a method carrying it,
        /// once per set of references.
        /// </summary>
        public INamedTypeSymbol[] DeclaringTypesInReferences(Compilation compilation, INamedTypeSymbol attribute)
            => _applyingAssemblies is not { } applying
                ? Array.Empty<INamedTypeSymbol>()
                : ReferenceSet.Of(compilation).Derived(
                    "NameUse.DeclaringTypes " + attribute.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                    () =>
                    {
                        var types = new List<INamedTypeSymbol>();
                        foreach (var assembly in applying)
                        {
                            Collect(assembly.GlobalNamespace);
                        }

                        return types.ToArray();

                        void Collect(INamespaceOrTypeSymbol container)
                        {
                            foreach (var member in container.GetMembers())
                            {
                                if (member is INamespaceOrTypeSymbol nested)
                                {
                                    if (nested is INamedTypeSymbol type && DeclaresMethodWith(type, attribute))
                                    {
                                        types.Add(type);
                                    }

                                    Collect(nested);
                                }
                            }
                        }
                    });

        /// <summary>Whether <paramref name="type"/> declares a method that carries <paramref name="attribute"/>.</summary>
        public static bool DeclaresMethodWith(INamedTypeSymbol type, INamedTypeSymbol attribute)
        {
            foreach (var member in type.GetMembers())
            {
                if (member is IMethodSymbol && PresenceSymbols.HasAttribute(member, attribute))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The classes, structs, interfaces and enums of <paramref name="compilation"/> that have a declaration in a file
        /// that can name it, found by the names the files declare (no symbol of the compilation is asked where it is
        /// declared); null where the names cannot tell: every file can name it (a global alias), one declares a
        /// file-local type, whose name the compiler makes up, or a name finds no type.
        /// </summary>
        public HashSet<INamedTypeSymbol>? SourceTypes(Compilation compilation, CancellationToken cancellationToken)
        {
            if (_everyFile)
            {
                return null;
            }

            var types = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            foreach (var tree in (IEnumerable<SyntaxTree>?)_namingFiles ?? Array.Empty<SyntaxTree>())
            {
                if (DeclaredTypes.Of(tree, cancellationToken) is not { } names)
                {
                    return null;
                }

                foreach (var name in names)
                {
                    if (compilation.GetBestTypeByMetadataName(name) is not { } type
                        || !SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly))
                    {
                        return null;
                    }

                    types.Add(type);
                }
            }

            return types;
        }

        /// <summary>Where <paramref name="type"/> can be named (an attribute also without its suffix).</summary>
        /// <param name="references">Also read the referenced assemblies that can see it, for methods it is applied to.</param>
        public static NameUse Of(Compilation compilation, INamedTypeSymbol type, bool references, CancellationToken cancellationToken)
        {
            var word = type.Name.EndsWith("Attribute", StringComparison.Ordinal)
                ? type.Name.Substring(0, type.Name.Length - "Attribute".Length)
                : type.Name;
            var use = Of(compilation, word, cancellationToken);
            if (!references || type.ContainingAssembly is not { } declaring || SymbolEqualityComparer.Default.Equals(declaring, compilation.Assembly))
            {
                return use;
            }

            var set = ReferenceSet.Of(compilation);
            var known = SourceWords.Of(compilation, cancellationToken).WithReferences;
            if (known.TryGetValue((word, set), out var found))
            {
                return found;
            }

            // Which referenced assemblies apply it depends on the references alone: asked once per set of them.
            var applying = set.Derived(
                "NameUse.Applying " + type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                () => Applying(compilation, type, declaring, cancellationToken));
            return known.GetOrAdd((word, set), applying.Count == 0 ? use : new NameUse(use._namingFiles, use._everyFile, applying));
        }

        /// <summary>Where <paramref name="word"/>, one of <see cref="Words"/>, can be named in source (part of an identifier counts).</summary>
        public static NameUse Of(Compilation compilation, string word, CancellationToken cancellationToken)
        {
            var index = Array.IndexOf(Words, word);
            if (index < 0)
            {
                throw new ArgumentException("Not a name the source is read for: " + word, nameof(word));
            }

            return SourceWords.Of(compilation, cancellationToken).Uses[index];
        }

        /// <summary>Whether a source file of the compilation can name one of <paramref name="words"/> (each one of <see cref="Words"/>).</summary>
        public static bool AnyInSource(Compilation compilation, IEnumerable<string> words, CancellationToken cancellationToken)
        {
            foreach (var word in words)
            {
                if (Of(compilation, word, cancellationToken).InSource)
                {
                    return true;
                }
            }

            return false;
        }

        private static HashSet<IAssemblySymbol> Applying(Compilation compilation, INamedTypeSymbol type, IAssemblySymbol declaring, CancellationToken cancellationToken)
        {
            var applying = new HashSet<IAssemblySymbol>(SymbolEqualityComparer.Default);
            foreach (var reference in compilation.References)
            {
                if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly
                    && (SymbolEqualityComparer.Default.Equals(assembly, declaring) || assembly.References(declaring.Name))
                    && AppliesIn(assembly.GlobalNamespace, type, cancellationToken))
                {
                    applying.Add(assembly);
                }
            }

            return applying;
        }

        /// <summary>
        /// False when the declaration of <paramref name="symbol"/> cannot use the name (carry the attribute, have the
        /// type): declared in source files that cannot name it, or in an assembly that applies it nowhere.
        /// </summary>
        public bool MayUseIn(ISymbol symbol)
        {
            // Asked of every method or type of the compilation by some rules: the cheap questions first.
            if (_applyingAssemblies is { } applying && symbol.ContainingAssembly is { } assembly && applying.Contains(assembly))
            {
                return true;
            }

            if (!InSource)
            {
                return false;
            }

            if (NamedWhere(symbol))
            {
                return true;
            }

            // A partial member's attributes are those of both its parts, each in its own file: in another file only
            // when its type is declared in several (asking for the other part of every member cost more than the rest).
            if (symbol.Kind is not (SymbolKind.Method or SymbolKind.Property or SymbolKind.Event) || symbol.ContainingType is not { Locations.Length: > 1 })
            {
                return false;
            }

            ISymbol? otherPart = symbol switch
            {
                IMethodSymbol method => method.PartialImplementationPart ?? method.PartialDefinitionPart,
                IPropertySymbol property => property.PartialImplementationPart ?? property.PartialDefinitionPart,
                IEventSymbol @event => @event.PartialImplementationPart ?? @event.PartialDefinitionPart,
                _ => null,
            };
            return otherPart is not null && NamedWhere(otherPart);
        }

        // Declared in a file of this compilation that names it (a symbol of another compilation, one the IDE
        // references as a project, is in an assembly that applies it or not: asked above).
        private bool NamedWhere(ISymbol symbol)
        {
            foreach (var location in symbol.Locations)
            {
                if (location.SourceTree is { } tree && (_everyFile || _namingFiles!.Contains(tree)))
                {
                    return true;
                }
            }

            return false;
        }

        // The methods of a referenced assembly, and of its nested types and namespaces, that carry the attribute.
        private static bool AppliesIn(INamespaceOrTypeSymbol container, INamedTypeSymbol attribute, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var member in container.GetMembers())
            {
                switch (member)
                {
                    case INamespaceOrTypeSymbol nested when AppliesIn(nested, attribute, cancellationToken):
                        return true;
                    case IMethodSymbol method when PresenceSymbols.HasAttribute(method, attribute):
                        return true;
                }
            }

            return false;
        }

        /// <summary>What the files of one compilation name, gathered from their answers in one sweep at the first question.</summary>
        private sealed class SourceWords
        {
            private SourceWords(NameUse[] uses) => Uses = uses;

            /// <summary>Where each of <see cref="Words"/> is named, in their order.</summary>
            public NameUse[] Uses { get; }

            /// <summary>The same, with the referenced assemblies that apply the attribute, by word and set of references.</summary>
            public ConcurrentDictionary<(string Word, ReferenceSet References), NameUse> WithReferences { get; }
                = new ConcurrentDictionary<(string, ReferenceSet), NameUse>();

            // Every rule of a compilation asks at its start, and the open-file analysis of an IDE starts them again for
            // each file on a copy of the compilation: kept for the compilations with the same files.
            public static SourceWords Of(Compilation compilation, CancellationToken cancellationToken)
            {
                var files = SourceSet.Of(compilation);
                return files.Derived("NameUse", () => Sweep(files.Trees, cancellationToken));
            }

            private static SourceWords Sweep(ImmutableArray<SyntaxTree> trees, CancellationToken cancellationToken)
            {
                var naming = new HashSet<SyntaxTree>?[Words.Length];
                var everyFile = 0;
                foreach (var tree in trees)
                {
                    var file = FileWords.Of(tree, cancellationToken);
                    for (var words = file.Named; words != 0; words &= words - 1)
                    {
                        var index = Index(words & -words);
                        (naming[index] ??= new HashSet<SyntaxTree>()).Add(tree);
                    }

                    everyFile |= file.GlobalAlias;
                }

                var uses = new NameUse[Words.Length];
                for (var i = 0; i < uses.Length; i++)
                {
                    uses[i] = new NameUse(naming[i], (everyFile & (1 << i)) != 0, null);
                }

                return new SourceWords(uses);
            }

            private static int Index(int bit)
            {
                var index = 0;
                while (bit != 1)
                {
                    bit >>= 1;
                    index++;
                }

                return index;
            }
        }

        /// <summary>
        /// Which of <see cref="Words"/> one file names (a bit each), read from its text once and kept with its syntax tree.
        /// </summary>
        internal sealed class FileWords
        {
            private const int None = 0;
            private static readonly int All = (1 << Words.Length) - 1;

            private FileWords(int named, int globalAlias)
            {
                Named = named;
                GlobalAlias = globalAlias;
            }

            /// <summary>The words the file names: in its text, or in an identifier spelled with unicode escapes.</summary>
            public int Named { get; }

            /// <summary>The words named by a global using alias, which lets every file use them by another name.</summary>
            public int GlobalAlias { get; }

            public static FileWords Of(SyntaxTree tree, CancellationToken cancellationToken)
            {
                if (Files.TryGetValue(tree, out var known))
                {
                    return known;
                }

                var read = Read(tree, cancellationToken);
                return Files.GetValue(tree, _ => read);
            }

            private static FileWords Read(SyntaxTree tree, CancellationToken cancellationToken)
            {
                var (named, unicodeEscape) = Search(tree.GetText(cancellationToken).ToString());

                // An identifier may spell a word with unicode escapes (\u0041): read those identifiers' values.
                if (named != All && unicodeEscape)
                {
                    foreach (var token in tree.GetRoot(cancellationToken).DescendantTokens())
                    {
                        if (token.IsKind(SyntaxKind.IdentifierToken) && token.Text.IndexOf('\\') >= 0)
                        {
                            named |= WordsIn(token.ValueText);
                        }
                    }
                }

                return new FileWords(named, named == None ? None : GlobalAliases(tree, cancellationToken) & named);
            }

            /// <summary>
            /// Which of <see cref="Words"/> <paramref name="text"/> contains, and whether it has a unicode escape (a
            /// backslash before 'u' or 'U'). One search for the backslash and a letter of each word that C# source seldom
            /// has finds them all, each hit compared only with the words that letter stands in (a search per word read
            /// each text seventeen times); a word with no such letter is searched for by itself.
            /// </summary>
            internal static (int Named, bool UnicodeEscape) Search(string text)
            {
                var named = None;
                var unicodeEscape = false;
                for (var at = text.IndexOfAny(Anchors); at >= 0; at = text.IndexOfAny(Anchors, at + 1))
                {
                    var letter = text[at];
                    if (letter == '\\')
                    {
                        unicodeEscape |= at + 1 < text.Length && text[at + 1] is 'u' or 'U';
                        continue;
                    }

                    foreach (var (word, offset) in ByAnchor[letter])
                    {
                        var start = at - offset;
                        var spelled = Words[word];
                        if ((named & (1 << word)) == 0
                            && start >= 0 && start + spelled.Length <= text.Length
                            && string.CompareOrdinal(text, start, spelled, 0, spelled.Length) == 0)
                        {
                            named |= 1 << word;
                        }
                    }
                }

                foreach (var word in Alone)
                {
                    if (text.IndexOf(Words[word], StringComparison.Ordinal) >= 0)
                    {
                        named |= 1 << word;
                    }
                }

                return (named, unicodeEscape);
            }

            // Letters rare in C# source, rarest first (counted in application code and in this repository's). 'A' comes
            // last: every "Async" has it, and it is hit about as often as all the others together.
            private const string RareLetters = "QZXJjKYzVUWqGHPRA";

            // The backslash and a letter of each word that has one of RareLetters (a letter already chosen for another
            // word first): six characters, found by the runtime's vectorised search for any of several characters. A
            // word searched by itself costs a pass over the text, about as much as the hits of a letter as common as 'R'.
            private static readonly char[] Anchors = AnchorLetters();

            // For each anchor letter, the words found by it and where in each it first stands (every occurrence of the
            // word has it there): its rarest anchor letter.
            private static readonly (int Word, int At)[][] ByAnchor = WordsByAnchor();

            // The words with none of RareLetters, each searched for by itself.
            private static readonly int[] Alone = Enumerable.Range(0, Words.Length)
                .Where(word => Words[word].IndexOfAny(Anchors) < 0)
                .ToArray();

            private static char[] AnchorLetters()
            {
                var letters = new List<char> { '\\' };
                foreach (var word in Words)
                {
                    if (letters.Exists(letter => word.IndexOf(letter) >= 0))
                    {
                        continue;
                    }

                    foreach (var letter in RareLetters)
                    {
                        if (word.IndexOf(letter) >= 0)
                        {
                            letters.Add(letter);
                            break;
                        }
                    }
                }

                return letters.ToArray();
            }

            private static (int Word, int At)[][] WordsByAnchor()
            {
                var byAnchor = new List<(int, int)>[128]; // the letters are ASCII
                for (var word = 0; word < Words.Length; word++)
                {
                    foreach (var letter in RareLetters)
                    {
                        if (Array.IndexOf(Anchors, letter) >= 0 && Words[word].IndexOf(letter) is var at and >= 0)
                        {
                            (byAnchor[letter] ??= new List<(int, int)>()).Add((word, at));
                            break;
                        }
                    }
                }

                return Array.ConvertAll(byAnchor, words => words?.ToArray() ?? Array.Empty<(int, int)>());
            }

            // global using Approval = Presence.RequiresHumanApprovalAttribute; lets every file apply it by another name.
            private static int GlobalAliases(SyntaxTree tree, CancellationToken cancellationToken)
            {
                if (tree.GetRoot(cancellationToken) is not CompilationUnitSyntax unit)
                {
                    return None;
                }

                var words = None;
                foreach (var @using in unit.Usings)
                {
                    if (@using.GlobalKeyword.IsKind(SyntaxKind.None) || @using.Alias is null)
                    {
                        continue;
                    }

                    foreach (var token in @using.DescendantTokens())
                    {
                        if (token.IsKind(SyntaxKind.IdentifierToken))
                        {
                            words |= WordsIn(token.ValueText);
                        }
                    }
                }

                return words;
            }

            private static int WordsIn(string identifier)
            {
                var words = None;
                for (var i = 0; i < Words.Length; i++)
                {
                    if (identifier.IndexOf(Words[i], StringComparison.Ordinal) >= 0)
                    {
                        words |= 1 << i;
                    }
                }

                return words;
            }
        }

        /// <summary>The metadata names of the types one file declares, read from its syntax once and kept with its tree.</summary>
        private static class DeclaredTypes
        {
            private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<string[]?>> Trees = new ConditionalWeakTable<SyntaxTree, StrongBox<string[]?>>();

            /// <summary>Null when the file declares a file-local type.</summary>
            public static string[]? Of(SyntaxTree tree, CancellationToken cancellationToken)
            {
                if (Trees.TryGetValue(tree, out var known))
                {
                    return known.Value;
                }

                var names = new List<string>();
                var read = Collect(tree.GetRoot(cancellationToken) is CompilationUnitSyntax unit ? unit.Members : default, string.Empty, inType: false, names)
                    ? names.ToArray()
                    : null;
                return Trees.GetValue(tree, _ => new StrongBox<string[]?>(read)).Value;
            }

            private static bool Collect(SyntaxList<MemberDeclarationSyntax> members, string container, bool inType, List<string> names)
            {
                foreach (var member in members)
                {
                    switch (member)
                    {
                        case BaseNamespaceDeclarationSyntax ns:
                            if (!Collect(ns.Members, Join(container, NamespaceName(ns.Name)), inType: false, names))
                            {
                                return false;
                            }

                            break;

                        case BaseTypeDeclarationSyntax type:
                            if (type.Modifiers.Any(SyntaxKind.FileKeyword))
                            {
                                return false;
                            }

                            var arity = (type as TypeDeclarationSyntax)?.TypeParameterList?.Parameters.Count ?? 0;
                            var name = type.Identifier.ValueText + (arity > 0 ? "`" + arity : string.Empty);
                            var full = inType ? container + "+" + name : Join(container, name);
                            names.Add(full);
                            if (type is TypeDeclarationSyntax withMembers && !Collect(withMembers.Members, full, inType: true, names))
                            {
                                return false;
                            }

                            break;
                    }
                }

                return true;
            }

            private static string Join(string container, string name) => container.Length == 0 ? name : container + "." + name;

            private static string NamespaceName(NameSyntax name) => name switch
            {
                QualifiedNameSyntax qualified => NamespaceName(qualified.Left) + "." + qualified.Right.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
                _ => name.ToString(),
            };
        }
    }
}
