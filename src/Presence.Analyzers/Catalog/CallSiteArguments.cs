using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Presence.Analyzers.Catalog
{
    /// <summary>
    /// The URLs a parameter used as a request URL is given by the call sites of its method in this compilation
    /// (invocations, and object creations for constructor and primary-constructor parameters), each read like any
    /// other URL: a helper <c>Post(string url, …)</c> called with a webhook constant sends to that webhook. The first
    /// time a parameter is asked about, the files' text is read once for the names written before a <c>(</c> or a
    /// <c>&lt;</c> (a superset of the names they call); for each method asked about, only the files that name it are
    /// walked for its call sites, and only the sites whose name matches are bound, at most <see cref="MaxSites"/> per
    /// method. A syntax walk of every file, the first way, cost more than the rest of the analysis at 3,000 files.
    /// </summary>
    internal sealed class CallSiteArguments
    {
        /// <summary>A method called from more places than this is not followed (its parameter stays unknown).</summary>
        public const int MaxSites = 32;

        /// <summary>How many parameters deep a URL is followed (a helper's caller passing its own parameter, and so on).</summary>
        private const int MaxLevels = 3;

        // The parameters being followed on this thread, outermost first: a cycle (recursion) or a deep chain stops there.
        [ThreadStatic]
        private static List<IParameterSymbol>? t_following;

        private readonly Compilation _compilation;
        private readonly UrlSources _sources;
        private readonly Lazy<NamedCalls> _names;
        private readonly ConcurrentDictionary<string, List<SyntaxNode>> _sitesByName = new ConcurrentDictionary<string, List<SyntaxNode>>(StringComparer.Ordinal);
        private readonly CancellationToken _cancellationToken;
        private readonly ConcurrentDictionary<IParameterSymbol, List<UrlCandidate>?> _resolved = new ConcurrentDictionary<IParameterSymbol, List<UrlCandidate>?>(SymbolEqualityComparer.Default);

        public CallSiteArguments(Compilation compilation, UrlSources sources, CancellationToken cancellationToken)
        {
            _compilation = compilation;
            _sources = sources;
            _cancellationToken = cancellationToken;
            _names = new Lazy<NamedCalls>(() => NamedCalls.Read(compilation.SyntaxTrees.ToArray(), cancellationToken));
        }

        /// <summary>
        /// Every URL the call sites pass to <paramref name="parameter"/> (a site that passes something unknown adds an
        /// unknown URL), or null when the method has no call site here, too many, or is not an ordinary method or
        /// constructor.
        /// </summary>
        public List<UrlCandidate>? Of(IParameterSymbol parameter, int depth, int maxCandidates)
        {
            if (parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.Constructor or MethodKind.LocalFunction } method)
            {
                return null;
            }

            // Only a parameter asked about first is cached: what a nested one resolves to depends on the chain above it.
            var following = t_following ??= new List<IParameterSymbol>();
            // Read for one call site of a helper further down, a parameter may stand for that site's argument: not cached.
            var outermost = following.Count == 0 && !CallerBindings.Active;
            if (outermost && _resolved.TryGetValue(parameter, out var known))
            {
                return known;
            }

            if (following.Count >= MaxLevels || following.Contains(parameter, SymbolEqualityComparer.Default))
            {
                return null;
            }

            following.Add(parameter);
            try
            {
                var candidates = Resolve(parameter, method, depth, maxCandidates);
                return outermost ? _resolved.GetOrAdd(parameter, candidates) : candidates;
            }
            finally
            {
                following.RemoveAt(following.Count - 1);
            }
        }

        private List<UrlCandidate>? Resolve(IParameterSymbol parameter, IMethodSymbol method, int depth, int maxCandidates)
        {
            List<UrlCandidate>? candidates = null;
            foreach (var argument in Arguments(parameter, method) ?? new List<IOperation>())
            {
                foreach (var candidate in UrlText.Read(argument, _sources, depth))
                {
                    candidates ??= new List<UrlCandidate>();
                    if (candidates.Count < maxCandidates)
                    {
                        candidates.Add(candidate);
                    }
                }
            }

            return candidates;
        }

        /// <summary>
        /// What each call site in this compilation passes to <paramref name="parameter"/>, or null when its method has
        /// none, too many, or is not an ordinary method, local function or constructor.
        /// </summary>
        public List<IOperation>? ArgumentsOf(IParameterSymbol parameter)
            => parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.Constructor or MethodKind.LocalFunction } method
                ? Arguments(parameter, method)
                : null;

        private List<IOperation>? Arguments(IParameterSymbol parameter, IMethodSymbol method)
        {
            var name = method.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : method.Name;
            List<IOperation>? arguments = null;
            var sites = _sitesByName.TryGetValue(name, out var known) ? known : _sitesByName.GetOrAdd(name, SitesOf(name));
            if (sites.Count > 0 && sites.Count <= MaxSites)
            {
                SemanticModel? model = null;
                foreach (var site in sites)
                {
                    if (model is null || model.SyntaxTree != site.SyntaxTree)
                    {
                        model = _compilation.GetSemanticModel(site.SyntaxTree);
                    }

                    if (ArgumentFor(model.GetOperation(site), method, parameter.Ordinal) is { } argument)
                    {
                        (arguments ??= new List<IOperation>()).Add(argument);
                    }
                }
            }

            return arguments;
        }

        private static IOperation? ArgumentFor(IOperation? site, IMethodSymbol method, int ordinal)
        {
            var (target, arguments) = site switch
            {
                IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
                IObjectCreationOperation { Constructor: { } constructor } creation => (constructor, creation.Arguments),
                _ => (null, default),
            };

            if (target is null || !SymbolEqualityComparer.Default.Equals((target.ReducedFrom ?? target).OriginalDefinition, method.OriginalDefinition))
            {
                return null;
            }

            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        // The calls by that simple name, and the object creations of a type spelled so, in the files that name it.
        private List<SyntaxNode> SitesOf(string name)
        {
            var sites = new List<SyntaxNode>();
            foreach (var tree in _names.Value.FilesNaming(name))
            {
                _cancellationToken.ThrowIfCancellationRequested();
                foreach (var node in tree.GetRoot(_cancellationToken).DescendantNodes())
                {
                    var called = node switch
                    {
                        InvocationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } invocation => NameOf(invocation.Expression),
                        ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } creation => NameOf(creation.Type),
                        _ => null,
                    };

                    if (called == name)
                    {
                        sites.Add(node);
                    }
                }
            }

            return sites;
        }

        /// <summary>
        /// Which files can call which names, read from their text: each identifier written before a <c>(</c> or a
        /// <c>&lt;</c>, whitespace between them skipped. A file with a unicode escape or a block comment before a
        /// <c>(</c> (where the name may be spelled otherwise or hidden) counts as naming everything.
        /// </summary>
        private sealed class NamedCalls
        {
            private readonly SyntaxTree[] _trees;
            // Distinct names by their hash, each with the files (by index, ascending) that write it before '(' or '<'.
            private readonly Dictionary<int, List<(string Name, List<int> Files)>> _byHash;
            private readonly List<int> _everything;

            private NamedCalls(SyntaxTree[] trees, Dictionary<int, List<(string, List<int>)>> byHash, List<int> everything)
            {
                _trees = trees;
                _byHash = byHash;
                _everything = everything;
            }

            public static NamedCalls Read(SyntaxTree[] trees, CancellationToken cancellationToken)
            {
                var byHash = new Dictionary<int, List<(string, List<int>)>>();
                var everything = new List<int>();
                for (var file = 0; file < trees.Length; file++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var text = trees[file].GetText(cancellationToken).ToString();
                    if (text.IndexOf("\\u", StringComparison.Ordinal) >= 0 || text.IndexOf("\\U", StringComparison.Ordinal) >= 0)
                    {
                        everything.Add(file);
                        continue;
                    }

                    for (var at = text.IndexOfAny(Openers); at >= 0; at = text.IndexOfAny(Openers, at + 1))
                    {
                        var end = at;
                        while (end > 0 && char.IsWhiteSpace(text[end - 1]))
                        {
                            end--;
                        }

                        if (end > 1 && text[end - 1] == '/' && text[end - 2] == '*')
                        {
                            everything.Add(file);
                            break;
                        }

                        var start = end;
                        while (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] == '_'))
                        {
                            start--;
                        }

                        if (start < end)
                        {
                            Note(byHash, text, start, end - start, file);
                        }
                    }
                }

                return new NamedCalls(trees, byHash, everything);
            }

            private static readonly char[] Openers = { '(', '<' };

            private static void Note(Dictionary<int, List<(string Name, List<int> Files)>> byHash, string text, int start, int length, int file)
            {
                var hash = Hash(text, start, length);
                if (!byHash.TryGetValue(hash, out var names))
                {
                    byHash[hash] = names = new List<(string, List<int>)>(1);
                }

                foreach (var (name, files) in names)
                {
                    if (name.Length == length && string.CompareOrdinal(name, 0, text, start, length) == 0)
                    {
                        if (files[files.Count - 1] != file)
                        {
                            files.Add(file);
                        }

                        return;
                    }
                }

                names.Add((text.Substring(start, length), new List<int> { file }));
            }

            private static int Hash(string text, int start, int length)
            {
                var hash = unchecked((int)2166136261);
                for (var i = start; i < start + length; i++)
                {
                    hash = unchecked((hash ^ text[i]) * 16777619);
                }

                return hash;
            }

            /// <summary>The files that can call <paramref name="name"/>, in the compilation's order.</summary>
            public IEnumerable<SyntaxTree> FilesNaming(string name)
            {
                List<int>? files = null;
                if (_byHash.TryGetValue(Hash(name, 0, name.Length), out var names))
                {
                    foreach (var (spelled, naming) in names)
                    {
                        if (spelled == name)
                        {
                            files = naming;
                            break;
                        }
                    }
                }

                var i = 0;
                var j = 0;
                while ((files is not null && i < files.Count) || j < _everything.Count)
                {
                    if (files is not null && i < files.Count && (j >= _everything.Count || files[i] < _everything[j]))
                    {
                        yield return _trees[files[i++]];
                    }
                    else if (files is not null && i < files.Count && files[i] == _everything[j])
                    {
                        yield return _trees[files[i++]];
                        j++;
                    }
                    else
                    {
                        yield return _trees[_everything[j++]];
                    }
                }
            }
        }

        private static string? NameOf(SyntaxNode expression)
            => expression switch
            {
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => null,
            };
    }
}
