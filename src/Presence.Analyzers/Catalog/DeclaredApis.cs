using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Presence.Analyzers.Catalog
{
    internal enum DeclaredApiProblem
    {
        Malformed,
        Duplicate,
        Unresolved,
    }

    /// <summary>One line of a PresenceApis.txt file, and what is wrong with it if anything.</summary>
    internal sealed class DeclaredApiLine
    {
        public DeclaredApiLine(AdditionalText file, TextLine line, string id, string? note, string? problem)
        {
            File = file;
            Line = line;
            Id = id;
            Note = note;
            Problem = problem;
        }

        public AdditionalText File { get; }

        public TextLine Line { get; }

        public string Id { get; }

        public string? Note { get; }

        /// <summary>Why the line cannot be read; null when it is a well-formed id.</summary>
        public string? Problem { get; }

        /// <summary>Where the id stands on its line.</summary>
        public Location Location(SourceText text)
        {
            var start = Line.Start + Math.Max(0, text.ToString(Line.Span).IndexOf(Id, StringComparison.Ordinal));
            var span = new TextSpan(start, Id.Length);
            return Microsoft.CodeAnalysis.Location.Create(File.Path, span, text.Lines.GetLinePositionSpan(span));
        }
    }

    /// <summary>
    /// The user's own publish APIs, declared in PresenceApis.txt AdditionalFiles in the style of BannedSymbols.txt:
    /// a documentation id per line (<c>M:</c> a method, every overload when the parameter list is left out;
    /// <c>T:</c> every method of a type), an optional <c>; note</c> shown in diagnostics, <c>//</c> comments.
    /// User lists are short: they are resolved once at compilation start.
    /// </summary>
    internal sealed class DeclaredApis
    {
        public const string FileName = "PresenceApis.txt";

        private readonly Dictionary<ISymbol, DeclaredApiLine> _declared;

        private DeclaredApis(Dictionary<ISymbol, DeclaredApiLine> declared, ImmutableArray<(DeclaredApiLine Line, DeclaredApiProblem Kind, string Message)> problems)
        {
            _declared = declared;
            Problems = problems;
        }

        public static DeclaredApis Empty { get; } = new DeclaredApis(new Dictionary<ISymbol, DeclaredApiLine>(SymbolEqualityComparer.Default), ImmutableArray<(DeclaredApiLine, DeclaredApiProblem, string)>.Empty);

        /// <summary>Malformed, unresolved and duplicate lines, each with what to say about it.</summary>
        public ImmutableArray<(DeclaredApiLine Line, DeclaredApiProblem Kind, string Message)> Problems { get; }

        public bool IsEmpty => _declared.Count == 0;

        /// <summary>The names of the assemblies that declare the APIs.</summary>
        public IEnumerable<string> AssemblyNames
        {
            get
            {
                foreach (var symbol in _declared.Keys)
                {
                    if (symbol.ContainingAssembly is { } assembly)
                    {
                        yield return assembly.Name;
                    }
                }
            }
        }

        /// <summary>The simple names of the declared methods, and of every method of a declared type.</summary>
        public IEnumerable<string> MemberNames
        {
            get
            {
                foreach (var symbol in _declared.Keys)
                {
                    if (symbol is INamedTypeSymbol type)
                    {
                        foreach (var member in type.GetMembers())
                        {
                            yield return member.Name;
                        }
                    }
                    else
                    {
                        yield return symbol.Name;
                    }
                }
            }
        }

        /// <summary>The line that declares <paramref name="method"/> (or its declaring type) a publish API, if any.</summary>
        public DeclaredApiLine? Find(IMethodSymbol method)
        {
            if (_declared.Count == 0)
            {
                return null;
            }

            if (_declared.TryGetValue(method, out var line))
            {
                return line;
            }

            return method.MethodKind == MethodKind.Ordinary && method.ContainingType is { } type && _declared.TryGetValue(type, out line)
                ? line
                : null;
        }

        public static bool IsDeclaredApiFile(AdditionalText file)
            => string.Equals(Path.GetFileName(file.Path), FileName, StringComparison.OrdinalIgnoreCase);

        public static DeclaredApis Load(Compilation compilation, ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
        {
            var declared = new Dictionary<ISymbol, DeclaredApiLine>(SymbolEqualityComparer.Default);
            var problems = ImmutableArray.CreateBuilder<(DeclaredApiLine, DeclaredApiProblem, string)>();
            var seen = new Dictionary<string, DeclaredApiLine>(StringComparer.Ordinal);
            foreach (var file in files)
            {
                if (!IsDeclaredApiFile(file) || file.GetText(cancellationToken) is not { } text)
                {
                    continue;
                }

                foreach (var line in Read(file, text))
                {
                    if (line.Problem is not null)
                    {
                        problems.Add((line, DeclaredApiProblem.Malformed, line.Problem));
                        continue;
                    }

                    if (seen.TryGetValue(line.Id, out var first))
                    {
                        problems.Add((line, DeclaredApiProblem.Duplicate, $"'{line.Id}' is already declared at {Path.GetFileName(first.File.Path)} line {first.Line.LineNumber + 1}"));
                        continue;
                    }

                    seen.Add(line.Id, line);
                    var symbols = Resolve(compilation, line.Id);
                    if (symbols.IsEmpty)
                    {
                        problems.Add((line, DeclaredApiProblem.Unresolved, $"'{line.Id}' does not name any method or type of this compilation or its references"));
                        continue;
                    }

                    foreach (var symbol in symbols)
                    {
                        if (!declared.ContainsKey(symbol))
                        {
                            declared.Add(symbol, line);
                        }
                    }
                }
            }

            return declared.Count == 0 && problems.Count == 0 ? Empty : new DeclaredApis(declared, problems.ToImmutable());
        }

        private static IEnumerable<DeclaredApiLine> Read(AdditionalText file, SourceText text)
        {
            foreach (var line in text.Lines)
            {
                var content = line.ToString();
                var comment = content.IndexOf("//", StringComparison.Ordinal);
                if (comment >= 0)
                {
                    content = content.Substring(0, comment);
                }

                string? note = null;
                var semicolon = content.IndexOf(';');
                if (semicolon >= 0)
                {
                    note = content.Substring(semicolon + 1).Trim();
                    content = content.Substring(0, semicolon);
                }

                var id = content.Trim();
                if (id.Length == 0)
                {
                    // A note alone declares nothing, which its author did not mean: say so rather than skip it.
                    if (note is { Length: > 0 })
                    {
                        var whole = line.ToString().Trim();
                        yield return new DeclaredApiLine(file, line, whole, note, $"'{whole}' has a note but no documentation id before the ';'");
                    }

                    continue;
                }

                yield return new DeclaredApiLine(file, line, id, string.IsNullOrEmpty(note) ? null : note, Validate(id));
            }
        }

        private static string? Validate(string id)
        {
            if (!id.StartsWith("M:", StringComparison.Ordinal) && !id.StartsWith("T:", StringComparison.Ordinal))
            {
                return $"'{id}' is not a documentation id: start it with M: (a method) or T: (every method of a type)";
            }

            if (id.Length == 2 || id.IndexOf(' ') >= 0 || (id.IndexOf('(') >= 0 && !id.EndsWith(")", StringComparison.Ordinal)))
            {
                return $"'{id}' is not a well-formed documentation id, such as M:Contoso.Social.IPublisher.PostAsync(System.String)";
            }

            return null;
        }

        private static ImmutableArray<ISymbol> Resolve(Compilation compilation, string id)
        {
            if (id.StartsWith("T:", StringComparison.Ordinal) || id.IndexOf('(') >= 0)
            {
                return DocumentationCommentId.GetSymbolsForDeclarationId(id, compilation)
                    .RemoveAll(symbol => symbol is not (IMethodSymbol or INamedTypeSymbol));
            }

            // M:N.T.Member without a parameter list: every overload of the member.
            var lastDot = id.LastIndexOf('.');
            if (lastDot <= 2)
            {
                return ImmutableArray<ISymbol>.Empty;
            }

            var member = id.Substring(lastDot + 1);
            var overloads = ImmutableArray.CreateBuilder<ISymbol>();
            foreach (var type in DocumentationCommentId.GetSymbolsForDeclarationId("T:" + id.Substring(2, lastDot - 2), compilation))
            {
                foreach (var candidate in ((INamedTypeSymbol)type).GetMembers(member))
                {
                    if (candidate is IMethodSymbol method)
                    {
                        overloads.Add(method.OriginalDefinition);
                    }
                }
            }

            return overloads.ToImmutable();
        }
    }
}
