using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
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
    /// <see cref="MaxSites"/> is not followed.
    /// </summary>
    internal sealed class SourceReferences
    {
        public const int MaxSites = 32;

        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<IOperation>> _byMethod =
            new ConcurrentDictionary<IMethodSymbol, ImmutableArray<IOperation>>(SymbolEqualityComparer.Default);

        public SourceReferences(Compilation compilation) => _compilation = compilation;

        /// <summary>The calls (<see cref="IInvocationOperation"/>) and method groups (<see cref="IMethodReferenceOperation"/>) of the method.</summary>
        public ImmutableArray<IOperation> Of(IMethodSymbol method, CancellationToken cancellationToken)
            => _byMethod.TryGetValue(method.OriginalDefinition, out var known) ? known : _byMethod.GetOrAdd(method.OriginalDefinition, Find(method.OriginalDefinition, cancellationToken));

        private ImmutableArray<IOperation> Find(IMethodSymbol method, CancellationToken cancellationToken)
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
                            return ImmutableArray<IOperation>.Empty;
                        }

                        found.Add(operation!);
                    }
                }
            }

            return found.ToImmutable();
        }
    }
}
