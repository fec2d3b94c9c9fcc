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
    /// other URL: a helper <c>Post(string url, …)</c> called with a webhook constant sends to that webhook. The call
    /// sites are indexed by name once per compilation, by one syntax walk, the first time a parameter is asked about;
    /// only the sites whose name matches are bound, at most <see cref="MaxSites"/> per method.
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
        private readonly Lazy<Dictionary<string, List<SyntaxNode>>> _sitesByName;
        private readonly ConcurrentDictionary<IParameterSymbol, List<UrlCandidate>?> _resolved = new ConcurrentDictionary<IParameterSymbol, List<UrlCandidate>?>(SymbolEqualityComparer.Default);

        public CallSiteArguments(Compilation compilation, UrlSources sources, CancellationToken cancellationToken)
        {
            _compilation = compilation;
            _sources = sources;
            _sitesByName = new Lazy<Dictionary<string, List<SyntaxNode>>>(() => Index(compilation, cancellationToken));
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
            if (_sitesByName.Value.TryGetValue(name, out var sites) && sites.Count <= MaxSites)
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

        // Calls by the simple name they use, and object creations by the type name they spell.
        private static Dictionary<string, List<SyntaxNode>> Index(Compilation compilation, CancellationToken cancellationToken)
        {
            var sites = new Dictionary<string, List<SyntaxNode>>(StringComparer.Ordinal);
            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                {
                    var name = node switch
                    {
                        InvocationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } invocation => NameOf(invocation.Expression),
                        ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } creation => NameOf(creation.Type),
                        _ => null,
                    };

                    if (name is null)
                    {
                        continue;
                    }

                    if (!sites.TryGetValue(name, out var list))
                    {
                        sites[name] = list = new List<SyntaxNode>();
                    }

                    list.Add(node);
                }
            }

            return sites;
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
