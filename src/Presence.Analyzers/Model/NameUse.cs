using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Presence.Analyzers.Model
{
    /// <summary>
    /// Where a name can be used in a compilation — a Presence attribute, Approved&lt;T&gt;, a serializer's methods —
    /// decided at compilation start without binding anything: in a source file whose text names it, and (for an
    /// attribute) in a referenced assembly that can see it and applies it to a method. Using a type or a method takes
    /// its name, an alias of it, or a unicode-escaped spelling of it in the file, or a global alias (which names it) in
    /// another: a file that has none of these cannot use it, so a rule about it registers nothing, or looks only where
    /// it can be, and hides no finding. A file's answer is kept with its syntax tree, which an IDE keeps from one
    /// edit's compilation to the next: an edit rereads the edited file only.
    /// </summary>
    internal sealed class NameUse
    {
        private static readonly ConditionalWeakTable<SyntaxTree, FileWords> Files = new ConditionalWeakTable<SyntaxTree, FileWords>();
        // Every rule of a compilation asks at its start, several of them the same name; the open-file analysis of an IDE
        // starts them again on the same compilation for each file.
        private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<string, NameUse>> Compilations
            = new ConditionalWeakTable<Compilation, ConcurrentDictionary<string, NameUse>>();

        private static readonly ConditionalWeakTable<IAssemblySymbol, AssemblyAttributes> Assemblies = new ConditionalWeakTable<IAssemblySymbol, AssemblyAttributes>();

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

        /// <summary>Whether a referenced assembly applies the attribute to a method (only when asked for references).</summary>
        public bool InReferences => _applyingAssemblies is not null;

        public bool Anywhere => InSource || InReferences;

        /// <summary>Where <paramref name="type"/> can be named (an attribute also without its suffix).</summary>
        /// <param name="references">Also read the referenced assemblies that can see it, for methods it is applied to.</param>
        public static NameUse Of(Compilation compilation, INamedTypeSymbol type, bool references, CancellationToken cancellationToken)
        {
            var word = type.Name.EndsWith("Attribute", StringComparison.Ordinal)
                ? type.Name.Substring(0, type.Name.Length - "Attribute".Length)
                : type.Name;
            var use = Of(compilation, word, cancellationToken);
            if (!references)
            {
                return use;
            }

            var asked = Asked(compilation);
            var key = word + " in references";
            if (asked.TryGetValue(key, out var known))
            {
                return known;
            }

            HashSet<IAssemblySymbol>? applying = null;
            if (type.ContainingAssembly is { } declaring && !SymbolEqualityComparer.Default.Equals(declaring, compilation.Assembly))
            {
                foreach (var reference in compilation.References)
                {
                    if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly
                        && (SymbolEqualityComparer.Default.Equals(assembly, declaring) || References(assembly, declaring.Name))
                        && Assemblies.GetValue(assembly, _ => new AssemblyAttributes()).AppliesToMethod(assembly, type, cancellationToken))
                    {
                        (applying ??= new HashSet<IAssemblySymbol>(SymbolEqualityComparer.Default)).Add(assembly);
                    }
                }
            }

            return asked.GetOrAdd(key, applying is null ? use : new NameUse(use._namingFiles, use._everyFile, applying));
        }

        /// <summary>Where <paramref name="word"/> can be named in source (part of an identifier counts).</summary>
        public static NameUse Of(Compilation compilation, string word, CancellationToken cancellationToken)
        {
            var asked = Asked(compilation);
            if (asked.TryGetValue(word, out var known))
            {
                return known;
            }

            HashSet<SyntaxTree>? naming = null;
            var everyFile = false;
            foreach (var tree in compilation.SyntaxTrees)
            {
                var file = Files.GetValue(tree, _ => new FileWords()).Read(tree, word, cancellationToken);
                if (file != FileWord.Absent)
                {
                    (naming ??= new HashSet<SyntaxTree>()).Add(tree);
                    everyFile |= file == FileWord.GlobalAlias;
                }
            }

            return asked.GetOrAdd(word, new NameUse(naming, everyFile, null));
        }

        private static ConcurrentDictionary<string, NameUse> Asked(Compilation compilation)
            => Compilations.GetValue(compilation, _ => new ConcurrentDictionary<string, NameUse>(StringComparer.Ordinal));

        /// <summary>
        /// False when the declaration of <paramref name="symbol"/> cannot use the name (carry the attribute, have the
        /// type): declared in source files that cannot name it, or in an assembly that applies it nowhere.
        /// </summary>
        public bool MayUseIn(ISymbol symbol)
        {
            if (symbol.ContainingAssembly is { } assembly && _applyingAssemblies?.Contains(assembly) == true)
            {
                return true;
            }

            if (!InSource)
            {
                return false;
            }

            // A partial member's attributes are those of both its parts, each in its own file.
            ISymbol? otherPart = symbol switch
            {
                IMethodSymbol method => method.PartialImplementationPart ?? method.PartialDefinitionPart,
                IPropertySymbol property => property.PartialImplementationPart ?? property.PartialDefinitionPart,
                IEventSymbol @event => @event.PartialImplementationPart ?? @event.PartialDefinitionPart,
                _ => null,
            };
            return NamedWhere(symbol) || (otherPart is not null && NamedWhere(otherPart));
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

        private static bool References(IAssemblySymbol assembly, string name)
        {
            foreach (var module in assembly.Modules)
            {
                foreach (var identity in module.ReferencedAssemblies)
                {
                    if (identity.Name == name)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private enum FileWord
        {
            Absent,
            Named,
            GlobalAlias,
        }

        /// <summary>The words asked of one file so far, each read once from its text (read without a lock).</summary>
        private sealed class FileWords
        {
            private (string Word, FileWord Found)[] _words = Array.Empty<(string, FileWord)>();

            public FileWord Read(SyntaxTree tree, string word, CancellationToken cancellationToken)
            {
                if (Find(Volatile.Read(ref _words), word) is { } known)
                {
                    return known;
                }

                var result = Scan(tree, word, cancellationToken);
                while (true)
                {
                    var current = Volatile.Read(ref _words);
                    if (Find(current, word) is { } added)
                    {
                        return added;
                    }

                    var next = new (string, FileWord)[current.Length + 1];
                    current.CopyTo(next, 0);
                    next[current.Length] = (word, result);
                    if (Interlocked.CompareExchange(ref _words, next, current) == current)
                    {
                        return result;
                    }
                }
            }

            private static FileWord? Find((string Word, FileWord Found)[] words, string word)
            {
                foreach (var (known, found) in words)
                {
                    if (string.Equals(known, word, StringComparison.Ordinal))
                    {
                        return found;
                    }
                }

                return null;
            }

            private static FileWord Scan(SyntaxTree tree, string word, CancellationToken cancellationToken)
            {
                var text = tree.GetText(cancellationToken).ToString();
                if (text.IndexOf(word, StringComparison.Ordinal) >= 0)
                {
                    return DeclaresGlobalAlias(tree, word, cancellationToken) ? FileWord.GlobalAlias : FileWord.Named;
                }

                // An identifier may spell it with unicode escapes (\u0041): read those identifiers' values.
                if (text.IndexOf("\\u", StringComparison.Ordinal) < 0 && text.IndexOf("\\U", StringComparison.Ordinal) < 0)
                {
                    return FileWord.Absent;
                }

                foreach (var token in tree.GetRoot(cancellationToken).DescendantTokens())
                {
                    if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText.IndexOf(word, StringComparison.Ordinal) >= 0)
                    {
                        return DeclaresGlobalAlias(tree, word, cancellationToken) ? FileWord.GlobalAlias : FileWord.Named;
                    }
                }

                return FileWord.Absent;
            }

            // global using Approval = Presence.RequiresHumanApprovalAttribute; lets every file apply it by another name.
            private static bool DeclaresGlobalAlias(SyntaxTree tree, string word, CancellationToken cancellationToken)
            {
                if (tree.GetRoot(cancellationToken) is not CompilationUnitSyntax unit)
                {
                    return false;
                }

                foreach (var @using in unit.Usings)
                {
                    if (@using.GlobalKeyword.IsKind(SyntaxKind.None) || @using.Alias is null)
                    {
                        continue;
                    }

                    foreach (var token in @using.DescendantTokens())
                    {
                        if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText.IndexOf(word, StringComparison.Ordinal) >= 0)
                        {
                            return true;
                        }
                    }
                }

                return false;
            }
        }

        /// <summary>Which attributes an assembly applies to its methods, each asked once per assembly symbol.</summary>
        private sealed class AssemblyAttributes
        {
            private readonly object _gate = new object();
            private readonly Dictionary<INamedTypeSymbol, bool> _applied = new Dictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);

            public bool AppliesToMethod(IAssemblySymbol assembly, INamedTypeSymbol attribute, CancellationToken cancellationToken)
            {
                lock (_gate)
                {
                    if (_applied.TryGetValue(attribute, out var known))
                    {
                        return known;
                    }
                }

                var applies = AppliesIn(assembly.GlobalNamespace, attribute, cancellationToken);
                lock (_gate)
                {
                    _applied[attribute] = applies;
                }

                return applies;
            }

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
        }
    }
}
