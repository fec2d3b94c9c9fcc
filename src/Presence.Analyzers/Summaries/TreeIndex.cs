using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Presence.Incremental;

namespace Presence.Analyzers.Summaries
{
    /// <summary>
    /// What the summary needs to know of one syntax tree before anything is bound: the names it calls, which of its
    /// methods call which names, and the methods it declares publishers by attribute. Compared by value, so the
    /// incremental pipeline keeps it while the tree is unchanged, and an edit that changes none of this (a comment,
    /// a literal, a statement that calls nothing new) leaves every later step cached.
    /// </summary>
    internal sealed class TreeIndex : IEquatable<TreeIndex>
    {
        // [PublishesContent], [RequiresHumanApproval], a gated interface and Refit's request attributes make their
        // methods (or every method of their type) publishers by name.
        private static readonly string[] PublisherAttributes = { "PublishesContent", "RequiresHumanApproval", "GeneratePublisherGate", "Post", "Put", "Patch", "Get" };

        // A confirmation's body asks, it never publishes: a member marked so is no port, whoever implements it.
        private static readonly string[] ConfirmationAttributes = { "HumanConfirmation" };

        private TreeIndex(string path, EquatableArray<string> calledNames, EquatableArray<BodyIndex> methods, EquatableArray<string> publisherNames, EquatableArray<string> openMembers, EquatableArray<string> baseNames)
        {
            Path = path;
            CalledNames = calledNames;
            Methods = methods;
            PublisherNames = publisherNames;
            OpenMembers = openMembers;
            BaseNames = baseNames;
        }

        /// <summary>The tree's file path: the summary's semantic step looks its candidate trees up by it.</summary>
        public string Path { get; }

        /// <summary>
        /// Every name the tree invokes, distinct, in the order first found: the same text gives the same order (sorting
        /// them cost a tenth of the index, and only spared the next step a rerun after an edit that moves a call).
        /// </summary>
        public EquatableArray<string> CalledNames { get; }

        /// <summary>The methods that invoke anything, by the name their callers invoke them with.</summary>
        public EquatableArray<BodyIndex> Methods { get; }

        /// <summary>The names of the methods the tree declares publishers by attribute.</summary>
        public EquatableArray<string> PublisherNames { get; }

        /// <summary>
        /// The methods the tree declares that another assembly may implement (interface members, abstract and virtual
        /// methods), as "Type.Method" by simple names: a call of one may publish in a project that references this one.
        /// </summary>
        public EquatableArray<string> OpenMembers { get; }

        /// <summary>The simple names the tree's classes, structs and records list as their base class or interfaces.</summary>
        public EquatableArray<string> BaseNames { get; }

        // Each tree's index, kept while the tree lives: an edit makes one new tree, and the compilations before and after
        // it share every other tree object.
        private static readonly ConditionalWeakTable<SyntaxTree, TreeIndex> ByTree = new ConditionalWeakTable<SyntaxTree, TreeIndex>();

        /// <summary>
        /// The index of each of <paramref name="compilation"/>'s trees, in order: a tree indexed before (in an earlier
        /// compilation: an edit keeps every tree it did not touch) is not read again, and its index is the same object.
        /// </summary>
        /// <remarks>
        /// One step for the whole compilation rather than one per tree: the generator driver's bookkeeping for a step
        /// per tree (a table entry, a timer and a comparison for each of thousands of trees, on every run) cost about as
        /// much as indexing them.
        /// </remarks>
        public static ImmutableArray<TreeIndex> AllOf(Compilation compilation, CancellationToken cancellationToken)
        {
            var trees = compilation.SyntaxTrees;
            var indexes = ImmutableArray.CreateBuilder<TreeIndex>();
            foreach (var tree in trees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!ByTree.TryGetValue(tree, out var index))
                {
                    var computed = Of(tree, cancellationToken);
                    index = ByTree.GetValue(tree, _ => computed);
                }

                indexes.Add(index);
            }

            return indexes.ToImmutable();
        }

        /// <summary>Compares two compilations' indexes tree by tree (by reference first: most trees are the same objects).</summary>
        public static IEqualityComparer<ImmutableArray<TreeIndex>> Comparer { get; } = new AllComparer();

        /// <summary>
        /// Indexes one tree without walking its bodies' syntax: the declarations are read down to their members, and
        /// each member's body is scanned as text for names followed by <c>(</c> or <c>&lt;</c> (comments and
        /// whitespace between them skipped). That is a superset of the names the body invokes (a name in a string or a
        /// comparison counts too), which is all the candidate decision needs, at a fraction of the cost of creating a
        /// node for every expression of every file.
        /// </summary>
        public static TreeIndex Of(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var scanner = CallScanner.For(tree.GetText(cancellationToken));
            var called = scanner.TreeNames;
            var methods = scanner.Methods;
            HashSet<string>? publishers = null;
            HashSet<string>? open = null;
            HashSet<string>? bases = null;
            var pending = scanner.Pending;
            pending.Push(tree.GetRoot(cancellationToken));
            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (pending.Pop())
                {
                    case CompilationUnitSyntax unit:
                        PushAll(pending, unit.Members);
                        break;
                    case BaseNamespaceDeclarationSyntax ns:
                        PushAll(pending, ns.Members);
                        break;
                    case TypeDeclarationSyntax type:
                        if (HasAttribute(type.AttributeLists, PublisherAttributes))
                        {
                            NotePublisher(type, publishers ??= new HashSet<string>(StringComparer.Ordinal));
                        }

                        if (type is not InterfaceDeclarationSyntax && type.BaseList is { } baseList)
                        {
                            foreach (var listed in baseList.Types)
                            {
                                (bases ??= new HashSet<string>(StringComparer.Ordinal)).Add(SimpleName(listed.Type));
                            }
                        }

                        PushAll(pending, type.Members);
                        break;
                    case MethodDeclarationSyntax method:
                        var publisher = HasAttribute(method.AttributeLists, PublisherAttributes);
                        if (publisher)
                        {
                            (publishers ??= new HashSet<string>(StringComparer.Ordinal)).Add(method.Identifier.ValueText);
                        }

                        // A publisher's call is a publish wherever it is implemented, and a confirmation's never is: neither
                        // is a port whose callers the summary must bind.
                        if (!publisher
                            && method.Parent is TypeDeclarationSyntax declaring
                            && (declaring is InterfaceDeclarationSyntax || method.Modifiers.Any(SyntaxKind.AbstractKeyword) || method.Modifiers.Any(SyntaxKind.VirtualKeyword))
                            && !HasAttribute(method.AttributeLists, ConfirmationAttributes)
                            && !HasAttribute(declaring.AttributeLists, PublisherAttributes))
                        {
                            (open ??= new HashSet<string>(StringComparer.Ordinal)).Add(declaring.Identifier.ValueText + "." + method.Identifier.ValueText);
                        }

                        // From the parameters on: the method's own name is not a call. Full spans, whose ends need no walk to
                        // the last token: the trivia around them only adds a name a comment may hold (a superset is fine).
                        var calls = scanner.Names(method, method.ParameterList.FullSpan.Start, method.FullSpan.End);
                        if (calls.Length > 0)
                        {
                            methods.Add(new BodyIndex(method.Identifier.ValueText, new EquatableArray<string>(calls)));
                        }

                        break;
                    case BaseMethodDeclarationSyntax other:
                        scanner.Names(other, other.ParameterList.FullSpan.Start, other.FullSpan.End);
                        break;
                    case BasePropertyDeclarationSyntax property:
                        // Accessors and arrow bodies: the declaration's type and name come before them.
                        if (property.AccessorList is { } accessors)
                        {
                            scanner.Names(accessors, accessors.FullSpan.Start, accessors.FullSpan.End);
                        }

                        var arrow = (property as PropertyDeclarationSyntax)?.ExpressionBody ?? (property as IndexerDeclarationSyntax)?.ExpressionBody;
                        if (arrow is not null)
                        {
                            scanner.Names(arrow, arrow.FullSpan.Start, arrow.FullSpan.End);
                        }

                        break;
                }
            }

            var calledNames = called.ToArray();
            var bodies = methods.ToArray();
            scanner.Done();
            // Nearly every tree declares no publisher: nothing to sort.
            var publisherNames = publishers is null ? EquatableArray<string>.Empty : Sorted(publishers);
            var openMembers = open is null ? EquatableArray<string>.Empty : Sorted(open);
            var baseNames = bases is null ? EquatableArray<string>.Empty : Sorted(bases);
            return new TreeIndex(tree.FilePath, new EquatableArray<string>(calledNames), new EquatableArray<BodyIndex>(bodies), publisherNames, openMembers, baseNames);
        }

        private static void PushAll(Stack<SyntaxNode> pending, SyntaxList<MemberDeclarationSyntax> members)
        {
            // Reversed, so members are visited in source order.
            for (var i = members.Count - 1; i >= 0; i--)
            {
                pending.Push(members[i]);
            }
        }

        private static bool HasAttribute(SyntaxList<AttributeListSyntax> lists, string[] names)
        {
            foreach (var list in lists)
            {
                foreach (var attribute in list.Attributes)
                {
                    if (Array.IndexOf(names, AttributeName(attribute)) >= 0)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// The simple name <paramref name="node"/> calls: an invocation's (<see cref="InvokedName"/>), or a method group's
        /// passed as an argument (<c>items.Select(PostOne)</c>, <c>Select(this.PostOne)</c>), which the rules follow as
        /// a call; null for any other node. An argument that is a variable gives its name too (a superset).
        /// </summary>
        public static string? CalledName(SyntaxNode node)
            => node switch
            {
                InvocationExpressionSyntax invocation => InvokedName(invocation.Expression),
                ArgumentSyntax { Parent: ArgumentListSyntax, Expression: SimpleNameSyntax or MemberAccessExpressionSyntax, RefKindKeyword.RawKind: 0 } argument
                    => InvokedName(argument.Expression),
                _ => null,
            };

        /// <summary>The simple name an invocation calls (<c>a.B()</c>, <c>a?.B()</c>, <c>B()</c>, <c>B&lt;T&gt;()</c>), or null.</summary>
        public static string? InvokedName(ExpressionSyntax expression)
            => expression switch
            {
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
                SimpleNameSyntax name => name.Identifier.ValueText,
                _ => null,
            };

        /// <summary>The member whose body holds a call (local functions and lambdas belong to it), or null.</summary>
        public static SyntaxNode? MemberOf(SyntaxNode call)
        {
            for (var node = call.Parent; node is not null; node = node.Parent)
            {
                switch (node)
                {
                    case BaseMethodDeclarationSyntax:
                    case AccessorDeclarationSyntax:
                        return node;
                    case ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax or IndexerDeclarationSyntax }:
                        return node;
                    case MemberDeclarationSyntax:
                        return null;
                }
            }

            return null;
        }

        private static void NotePublisher(TypeDeclarationSyntax type, HashSet<string> names)
        {
            foreach (var member in type.Members)
            {
                if (member is MethodDeclarationSyntax method)
                {
                    names.Add(method.Identifier.ValueText);
                }
            }
        }

        private static string SimpleName(TypeSyntax type)
            => type switch
            {
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => string.Empty,
            };

        private static string AttributeName(AttributeSyntax attribute)
        {
            var name = attribute.Name switch
            {
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => string.Empty,
            };

            return name.EndsWith("Attribute", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
        }

        private static EquatableArray<string> Sorted(IEnumerable<string> names)
            => names.OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray();

        // The pipeline compares the whole collected index after every edit: the trees the edit did not touch are the
        // same objects, and are not compared name by name.
        public bool Equals(TreeIndex? other)
            => ReferenceEquals(this, other) || other is not null && Path == other.Path && CalledNames == other.CalledNames && Methods == other.Methods && PublisherNames == other.PublisherNames
               && OpenMembers == other.OpenMembers && BaseNames == other.BaseNames;

        public override bool Equals(object? obj) => Equals(obj as TreeIndex);

        public override int GetHashCode() => unchecked((Path.GetHashCode() * 31) + CalledNames.GetHashCode());

        private sealed class AllComparer : IEqualityComparer<ImmutableArray<TreeIndex>>
        {
            public bool Equals(ImmutableArray<TreeIndex> x, ImmutableArray<TreeIndex> y)
            {
                if (x.Length != y.Length)
                {
                    return false;
                }

                for (var i = 0; i < x.Length; i++)
                {
                    if (!x[i].Equals(y[i]))
                    {
                        return false;
                    }
                }

                return true;
            }

            public int GetHashCode(ImmutableArray<TreeIndex> obj) => obj.Length;
        }
    }

    /// <summary>
    /// Reads the names a span of source text may invoke: every identifier followed, past whitespace and comments,
    /// by <c>(</c> or by <c>&lt;</c> (type arguments, or a comparison: a superset is fine). Strings are not skipped
    /// (a name in a string only adds a candidate); reserved keywords (<c>if (</c>) are left out.
    /// </summary>
    /// <remarks>
    /// Indexing reads every file of the compilation, so the scan allocates next to nothing per occurrence: one scanner
    /// per thread, reading the text where it is (a copy of each body's text cost about as much as the search), and each distinct name kept once in a table looked up by its characters
    /// (with whether it is a keyword, asked once), so a name is a string once, not once per call.
    /// </remarks>
    internal sealed class CallScanner
    {
        // Bounds what a long-lived compiler process keeps between compilations: the table starts over past this.
        private const int MaxNames = 1 << 16;

        [ThreadStatic]
        private static CallScanner? _current;

        // string.CompareOrdinal, as one delegate: Array.Sort with a comparer makes one per call.
        private static readonly Comparison<string> Ordinal = string.CompareOrdinal;

        private readonly List<Name> _found = new List<Name>();
        private string? _text;
        private Name?[] _table = new Name?[1024];
        private int _count;
        private int _tree;
        private int _body;

        /// <summary>This thread's scanner, set to read <paramref name="text"/> (one tree at a time).</summary>
        public static CallScanner For(SourceText text)
        {
            var scanner = _current ??= new CallScanner();
            scanner.Done();
            // A parsed file's text holds its string, which this returns without a copy (a large file's is made once).
            scanner._text = text.ToString();
            scanner._tree++;
            if (scanner._count > MaxNames)
            {
                scanner._table = new Name?[1024];
                scanner._count = 0;
            }

            return scanner;
        }

        /// <summary>The names the tree invokes, filled by <see cref="Names"/> (reused from tree to tree).</summary>
        public List<string> TreeNames { get; } = new List<string>();

        /// <summary>The declarations the tree's index has yet to read (reused from tree to tree).</summary>
        public Stack<SyntaxNode> Pending { get; } = new Stack<SyntaxNode>();

        /// <summary>The tree's methods that call something (reused from tree to tree).</summary>
        public List<BodyIndex> Methods { get; } = new List<BodyIndex>();

        /// <summary>Lets the tree go: the scanner outlives it.</summary>
        public void Done()
        {
            _text = null;
            TreeNames.Clear();
            Pending.Clear();
            Methods.Clear();
        }

        /// <summary>Sorts names in ordinal order (most bodies call a handful: insertion sort).</summary>
        public static void Sort(string[] names)
        {
            if (names.Length > 16)
            {
                Array.Sort(names, Ordinal);
                return;
            }

            for (var i = 1; i < names.Length; i++)
            {
                var name = names[i];
                var j = i - 1;
                for (; j >= 0 && string.CompareOrdinal(names[j], name) > 0; j--)
                {
                    names[j + 1] = names[j];
                }

                names[j + 1] = name;
            }
        }

        /// <summary>
        /// The distinct names in [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="node"/>'s text,
        /// sorted (ordinal); each name not yet in <see cref="TreeNames"/> since <see cref="For"/> is added to it.
        /// </summary>
        public string[] Names(SyntaxNode node, int start, int end)
        {
            _found.Clear();
            _body++;
            var length = end - start;
            if (length > 0 && !Scan(start, length))
            {
                // A Unicode escape may be part of a name, whose value the text does not show: ask the syntax.
                _found.Clear();
                _body++;
                foreach (var invocation in node.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
                {
                    if (TreeIndex.InvokedName(invocation.Expression) is { } name)
                    {
                        Note(name.AsSpan(), 0, name.Length, verbatim: true);
                    }
                }
            }

            var names = new string[_found.Count];
            for (var i = 0; i < names.Length; i++)
            {
                var name = _found[i];
                names[i] = name.Text;
                if (name.Tree != _tree)
                {
                    name.Tree = _tree;
                    TreeNames.Add(name.Text);
                }
            }

            Sort(names);
            return names;
        }

        // False when the span holds a Unicode escape. Looks only at what precedes each '(' and '<' (found with a
        // vectorised search, where a character-by-character walk of every file cost most of the index): the name
        // before it, past whitespace, is the one a walk from the start would find there. Where a comment lies between
        // the two (a block comment's end, or a line comment on a line the whitespace goes back to), the span is read
        // from its start instead, as the comments may hide the name. The backslash of an escape is found by the same
        // search (a search of its own over each body cost about a tenth of the index).
        private bool Scan(int start, int length)
        {
            var text = _text.AsSpan(start, length);
            for (var at = 0; at < length;)
            {
                var found = text.Slice(at).IndexOfAny('(', '<', '\\');
                if (found < 0)
                {
                    break;
                }

                var hit = at + found;
                at = hit + 1;
                if (text[hit] == '\\')
                {
                    if (at < length && (text[at] == 'u' || text[at] == 'U'))
                    {
                        return false;
                    }

                    continue;
                }

                if (!NoteBefore(text, hit))
                {
                    // The backslashes before this parenthesis were looked at above; those after it are not yet.
                    if (HasUnicodeEscape(text.Slice(at)))
                    {
                        return false;
                    }

                    _found.Clear();
                    _body++;
                    ScanFromStart(text, length);
                    break;
                }
            }

            return true;
        }

        // Notes the name that ends before text[open], past whitespace; false when a comment may lie in between.
        private bool NoteBefore(ReadOnlySpan<char> text, int open)
        {
            var i = open - 1;
            var newLine = false;
            for (; i >= 0; i--)
            {
                var c = text[i];
                if (c == '\n' || c == '\r')
                {
                    newLine = true;
                }
                else if (c == '/' && i > 0 && text[i - 1] == '*')
                {
                    return false;
                }
                else if (c != ' ' && !char.IsWhiteSpace(c))
                {
                    break;
                }
            }

            if (i < 0 || !IsNamePart(text[i]))
            {
                return !newLine || !LineHasComment(text, i);
            }

            var last = i + 1;
            while (i >= 0 && IsNamePart(text[i]))
            {
                i--;
            }

            if (newLine && LineHasComment(text, i))
            {
                return false;
            }

            // As a walk from the start reads the run: from its first character that starts a name or a number.
            for (var first = i + 1; first < last; first++)
            {
                if (IsNameStart(text[first]))
                {
                    var verbatim = first == i + 1 && i >= 0 && text[i] == '@';
                    Note(text, first, last - first, verbatim);
                    return true;
                }

                if (char.IsDigit(text[first]))
                {
                    return true;
                }
            }

            return true;
        }

        // Whether the line holding text[i] has "//" up to i (a comment, or the two characters in a string).
        private static bool LineHasComment(ReadOnlySpan<char> text, int i)
        {
            for (; i > 0 && text[i] != '\n' && text[i] != '\r'; i--)
            {
                if (text[i] == '/' && text[i - 1] == '/')
                {
                    return true;
                }
            }

            return false;
        }

        // Every identifier followed, past whitespace and comments, by '(' or '<', walking the span from its start.
        private void ScanFromStart(ReadOnlySpan<char> text, int length)
        {
            for (var i = 0; i < length;)
            {
                var c = text[i];
                var verbatim = c == '@' && i + 1 < length && IsNameStart(text[i + 1]);
                var first = verbatim ? i + 1 : i;
                if (!IsNameStart(text[first]))
                {
                    // A number's digits and suffix are one run, never a name.
                    i = char.IsDigit(c) ? Skip(text, i + 1, length) : i + 1;
                    continue;
                }

                var last = Skip(text, first + 1, length);
                var next = NextCode(text, last, length);
                if (next < length && (text[next] == '(' || text[next] == '<'))
                {
                    Note(text, first, last - first, verbatim);
                }

                i = last;
            }
        }

        // Adds the name in chars[start, start + length) to this body's names, unless it is a reserved keyword written
        // without @.
        private void Note(ReadOnlySpan<char> chars, int start, int length, bool verbatim)
        {
            var hash = 5381;
            for (var i = 0; i < length; i++)
            {
                hash = unchecked((hash * 33) ^ chars[start + i]);
            }

            var mask = _table.Length - 1;
            var slot = hash & mask;
            Name? name;
            while ((name = _table[slot]) is not null && !(name.Hash == hash && Same(name.Text, chars, start, length)))
            {
                slot = (slot + 1) & mask;
            }

            if (name is null)
            {
                var text = chars.Slice(start, length).ToString();
                name = new Name(text, hash, SyntaxFacts.GetKeywordKind(text) != SyntaxKind.None);
                _table[slot] = name;
                if (++_count * 2 > _table.Length)
                {
                    Grow();
                }
            }

            if ((verbatim || !name.IsKeyword) && name.Body != _body)
            {
                name.Body = _body;
                _found.Add(name);
            }
        }

        private static bool Same(string text, ReadOnlySpan<char> chars, int start, int length)
        {
            if (text.Length != length)
            {
                return false;
            }

            for (var i = 0; i < length; i++)
            {
                if (text[i] != chars[start + i])
                {
                    return false;
                }
            }

            return true;
        }

        private void Grow()
        {
            var table = new Name?[_table.Length * 2];
            var mask = table.Length - 1;
            foreach (var name in _table)
            {
                if (name is null)
                {
                    continue;
                }

                var slot = name.Hash & mask;
                while (table[slot] is not null)
                {
                    slot = (slot + 1) & mask;
                }

                table[slot] = name;
            }

            _table = table;
        }

        private static bool HasUnicodeEscape(ReadOnlySpan<char> text)
        {
            for (var i = text.IndexOf('\\'); i >= 0 && i + 1 < text.Length; i = NextIndex(text, '\\', i + 1))
            {
                if (text[i + 1] == 'u' || text[i + 1] == 'U')
                {
                    return true;
                }
            }

            return false;
        }

        // The position of the next c at or after from, or -1.
        private static int NextIndex(ReadOnlySpan<char> text, char c, int from)
        {
            var found = text.Slice(from).IndexOf(c);
            return found < 0 ? -1 : from + found;
        }

        private static int Skip(ReadOnlySpan<char> text, int i, int length)
        {
            while (i < length && IsNamePart(text[i]))
            {
                i++;
            }

            return i;
        }

        // ASCII first: nearly all of a source file is.
        private static bool IsNameStart(char c)
            => c < 128 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' : SyntaxFacts.IsIdentifierStartCharacter(c);

        private static bool IsNamePart(char c)
            => c < 128 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' : SyntaxFacts.IsIdentifierPartCharacter(c);

        // The position of the next character that is neither whitespace nor in a comment.
        private static int NextCode(ReadOnlySpan<char> text, int i, int length)
        {
            while (i < length)
            {
                if (text[i] == ' ' || char.IsWhiteSpace(text[i]))
                {
                    i++;
                }
                else if (text[i] == '/' && i + 1 < length && text[i + 1] == '/')
                {
                    while (i < length && text[i] != '\n' && text[i] != '\r')
                    {
                        i++;
                    }
                }
                else if (text[i] == '/' && i + 1 < length && text[i + 1] == '*')
                {
                    i += 2;
                    while (i + 1 < length && !(text[i] == '*' && text[i + 1] == '/'))
                    {
                        i++;
                    }

                    i += 2;
                }
                else
                {
                    return i;
                }
            }

            return length;
        }

        // A distinct name: its text, and the last body and tree it was found in (so each is added once to each).
        private sealed class Name
        {
            public Name(string text, int hash, bool isKeyword)
            {
                Text = text;
                Hash = hash;
                IsKeyword = isKeyword;
            }

            public string Text { get; }

            public int Hash { get; }

            public bool IsKeyword { get; }

            public int Body { get; set; }

            public int Tree { get; set; }
        }
    }

    /// <summary>A method that calls something: the name it is called by, and the names it calls.</summary>
    internal sealed class BodyIndex : IEquatable<BodyIndex>
    {
        public BodyIndex(string name, EquatableArray<string> calls)
        {
            Name = name;
            Calls = calls;
        }

        public string Name { get; }

        public EquatableArray<string> Calls { get; }

        public bool Equals(BodyIndex? other) => ReferenceEquals(this, other) || other is not null && Name == other.Name && Calls == other.Calls;

        public override bool Equals(object? obj) => Equals(obj as BodyIndex);

        public override int GetHashCode() => unchecked((Name.GetHashCode() * 31) + Calls.GetHashCode());
    }
}
