using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Presence.Analyzers.Paths
{
    /// <summary>
    /// Where the source of a compilation names a method: its calls and its method groups (<c>app.MapGet("/x", Handler)</c>).
    /// Asked only of the few methods a rule follows (a handler given as a method group, a method a handler calls): the
    /// files whose text names the method are walked once per method, and a method named in more places than
    /// <see cref="MaxSites"/> is not followed. One per compilation, shared by the rules that ask.
    /// </summary>
    internal sealed class SourceReferences
    {
        public const int MaxSites = 32;

        private static readonly ConditionalWeakTable<Compilation, SourceReferences> ByCompilation = new ConditionalWeakTable<Compilation, SourceReferences>();

        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<IMethodSymbol, (ImmutableArray<IOperation> Sites, bool TooMany)> _byMethod =
            new ConcurrentDictionary<IMethodSymbol, (ImmutableArray<IOperation>, bool)>(SymbolEqualityComparer.Default);

        private SourceReferences(Compilation compilation) => _compilation = compilation;

        public static SourceReferences For(Compilation compilation) => ByCompilation.GetValue(compilation, c => new SourceReferences(c));

        /// <summary>
        /// The calls (<see cref="IInvocationOperation"/>) and method groups (<see cref="IMethodReferenceOperation"/>) of the
        /// method; none when it is named in more places than <see cref="MaxSites"/> (see <see cref="IsNamedInMany"/>).
        /// </summary>
        public ImmutableArray<IOperation> Of(IMethodSymbol method, CancellationToken cancellationToken) => Sites(method, cancellationToken).Sites;

        /// <summary>True when the method is called or taken as a group in more places than <see cref="MaxSites"/>.</summary>
        public bool IsNamedInMany(IMethodSymbol method, CancellationToken cancellationToken) => Sites(method, cancellationToken).TooMany;

        private (ImmutableArray<IOperation> Sites, bool TooMany) Sites(IMethodSymbol method, CancellationToken cancellationToken)
            => _byMethod.TryGetValue(method.OriginalDefinition, out var known) ? known : _byMethod.GetOrAdd(method.OriginalDefinition, Find(method.OriginalDefinition, cancellationToken));

        private (ImmutableArray<IOperation>, bool) Find(IMethodSymbol method, CancellationToken cancellationToken)
        {
            var found = ImmutableArray.CreateBuilder<IOperation>();
            foreach (var tree in _compilation.SyntaxTrees)
            {
                if (tree.GetText(cancellationToken).ToString().IndexOf(method.Name, StringComparison.Ordinal) < 0)
                {
                    continue;
                }

                SemanticModel? model = null;
                foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                {
                    if (node is not IdentifierNameSyntax name || name.Identifier.ValueText != method.Name)
                    {
                        continue;
                    }

                    SyntaxNode named = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
                    model ??= _compilation.GetSemanticModel(tree);
                    var operation = named.Parent is InvocationExpressionSyntax invocation && invocation.Expression == named
                        ? model.GetOperation(invocation, cancellationToken)
                        : EntryPoints.CallbackTarget(model.GetOperation(named, cancellationToken)); // a group converted to a delegate
                    var target = operation switch
                    {
                        IInvocationOperation call => call.TargetMethod,
                        IMethodReferenceOperation reference => reference.Method,
                        _ => null,
                    };
                    if (target is not null && SymbolEqualityComparer.Default.Equals((target.ReducedFrom ?? target).OriginalDefinition, method))
                    {
                        if (found.Count == MaxSites)
                        {
                            return (ImmutableArray<IOperation>.Empty, true);
                        }

                        found.Add(operation!);
                    }
                }
            }

            return (found.ToImmutable(), false);
        }
    }
}
