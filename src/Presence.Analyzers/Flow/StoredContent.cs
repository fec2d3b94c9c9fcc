using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Presence.Analyzers.Model;

namespace Presence.Analyzers.Flow
{
    /// <summary>
    /// Which fields and properties of a type hold machine-written text nobody reviewed: those that some body of the
    /// type assigns such text (a method that stores a completion in <c>_draft</c>, a constructor, an initializer), so
    /// that another method publishing <c>_draft</c> is PRES008 too. One table per type, decided on the first read of
    /// one of its members in a compilation that references a language model, and remembered for the compilation.
    /// </summary>
    /// <remarks>
    /// Sound rather than precise: a member is machine-written when any assignment in its type stores unconfirmed
    /// machine-written text in it, whatever other assignments store (the order methods run in is not known). Only the
    /// bodies of the type that assign one of its members and call a model or a method of this compilation (a helper
    /// that may return a model's text) are bound and analysed, so the cost follows the code that uses a model; text
    /// copied in from a parameter, or stored by another type's code, is not followed.
    /// </remarks>
    internal sealed class StoredContent
    {
        // Rounds over the type's bodies: text copied from one member into another is found on the next round.
        private const int MaxRounds = 4;

        private static readonly ConditionalWeakTable<PresenceModel, StoredContent> ByModel = new ConditionalWeakTable<PresenceModel, StoredContent>();

        private static readonly HashSet<ISymbol> None = new HashSet<ISymbol>(SymbolEqualityComparer.Default);

        // The tables being computed on this thread: reads of their members answer from what is found so far.
        [System.ThreadStatic]
        private static Dictionary<INamedTypeSymbol, HashSet<ISymbol>>? t_inProgress;

        private readonly ConcurrentDictionary<INamedTypeSymbol, HashSet<ISymbol>> _tables = new ConcurrentDictionary<INamedTypeSymbol, HashSet<ISymbol>>(SymbolEqualityComparer.Default);

        // The names of the calls that return machine-written text: the model calls, and what referenced libraries' summaries list.
        private readonly HashSet<string> _writerNames;

        private StoredContent(PresenceModel model)
        {
            _writerNames = new HashSet<string>(MachineWriters.MethodNames, System.StringComparer.Ordinal);
            _writerNames.UnionWith(model.Libraries.MachineWrittenNames);
        }

        /// <summary>True while a table is being computed on this thread (whatever depends on it is not final).</summary>
        public static bool IsComputing => t_inProgress is { Count: > 0 };

        /// <summary>True when some body of its type stores machine-written text nobody reviewed in <paramref name="member"/>.</summary>
        public static bool IsMachineWritten(PresenceModel model, ISymbol member, CancellationToken cancellationToken)
        {
            if (model.MachineWriters is null || member.ContainingType is not { } containing
                || !SymbolEqualityComparer.Default.Equals(containing.ContainingAssembly, model.Compilation.Assembly))
            {
                return false;
            }

            var type = containing.OriginalDefinition;
            if (t_inProgress is { } inProgress && inProgress.TryGetValue(type, out var partial))
            {
                return partial.Contains(member);
            }

            var stored = ByModel.GetValue(model, m => new StoredContent(m));
            var cache = stored._tables;
            if (!cache.TryGetValue(type, out var table))
            {
                table = stored.Compute(model, type, cancellationToken);

                // A table that read another table or helper still being computed may be incomplete: not remembered.
                if (!IsComputing && !ReturnedContent.IsComputing)
                {
                    cache.TryAdd(type, table);
                }
            }

            return table.Contains(member);
        }

        private HashSet<ISymbol> Compute(PresenceModel model, INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            var bodies = AssigningBodies(model.Compilation, type, cancellationToken);
            if (bodies.Count == 0)
            {
                return None;
            }

            var found = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            var inProgress = t_inProgress ??= new Dictionary<INamedTypeSymbol, HashSet<ISymbol>>(SymbolEqualityComparer.Default);
            inProgress.Add(type, found);
            try
            {
                for (var round = 0; round < MaxRounds; round++)
                {
                    var before = found.Count;
                    foreach (var graph in bodies)
                    {
                        ConfirmationFlowAnalysis.FindStores(graph, model, (member, machineWritten) =>
                        {
                            if (machineWritten && SymbolEqualityComparer.Default.Equals(member.ContainingType?.OriginalDefinition, type))
                            {
                                found.Add(member);
                            }
                        }, cancellationToken);
                    }

                    if (found.Count == before)
                    {
                        break;
                    }
                }
            }
            finally
            {
                inProgress.Remove(type);
            }

            return found.Count == 0 ? None : found;
        }

        // The graphs of the type's members that assign one of its fields or properties and call a model or a method of
        // this compilation (a helper that may return a model's text): the only places such text is stored from. Found
        // by names, bound only when both are there; most types have none. Nested types have their own tables.
        private List<ControlFlowGraph> AssigningBodies(Compilation compilation, INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            var names = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var member in type.GetMembers())
            {
                if (member is IFieldSymbol { IsImplicitlyDeclared: false } or IPropertySymbol { IsIndexer: false })
                {
                    names.Add(member.Name);
                }
            }

            var graphs = new List<ControlFlowGraph>();
            if (names.Count == 0)
            {
                return graphs;
            }

            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (!compilation.ContainsSyntaxTree(reference.SyntaxTree) || reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration)
                {
                    continue;
                }

                SemanticModel? semanticModel = null;
                foreach (var member in declaration.Members)
                {
                    if (member is BaseTypeDeclarationSyntax || !Assigns(member, names, compilation))
                    {
                        continue;
                    }

#pragma warning disable RS1030 // Only the members that store a call's result in a field, of a type whose fields are read where text is published.
                    semanticModel ??= compilation.GetSemanticModel(reference.SyntaxTree);
#pragma warning restore RS1030
                    foreach (var body in Bodies(member))
                    {
                        if (Graph(semanticModel.GetOperation(body, cancellationToken), cancellationToken) is { } graph)
                        {
                            graphs.Add(graph);
                        }
                    }
                }
            }

            return graphs;
        }

        // A member that calls a writer and assigns a name of the type (or initializes a field or property with such a call).
        private bool Assigns(MemberDeclarationSyntax member, HashSet<string> names, Compilation compilation)
        {
            var calls = false;
            var assigns = false;
            foreach (var node in member.DescendantNodes())
            {
                switch (node)
                {
                    case InvocationExpressionSyntax { Expression: var invoked } when !calls && InvokedName(invoked) is { } called
                        && (_writerNames.Contains(called) || compilation.ContainsSymbolsWithName(called, SymbolFilter.Member)):
                        calls = true;
                        break;
                    case AssignmentExpressionSyntax { Left: var left } when AssignedName(left) is { } name && names.Contains(name):
                        assigns = true;
                        break;
                }

                if (calls && assigns)
                {
                    return true;
                }
            }

            return calls && member is FieldDeclarationSyntax or PropertyDeclarationSyntax { Initializer: not null };
        }

        private static string? InvokedName(ExpressionSyntax expression)
            => expression switch
            {
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
                SimpleNameSyntax name => name.Identifier.ValueText,
                _ => null,
            };

        private static string? AssignedName(ExpressionSyntax left)
            => left switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
                _ => null,
            };

        // The syntax nodes of a member that have operations of their own: a method's or accessor's body, an initializer.
        private static IEnumerable<SyntaxNode> Bodies(MemberDeclarationSyntax member)
        {
            switch (member)
            {
                case BaseMethodDeclarationSyntax method:
                    yield return method;
                    break;
                case BasePropertyDeclarationSyntax property:
                    if (property is PropertyDeclarationSyntax { ExpressionBody: { } arrow })
                    {
                        yield return arrow;
                    }

                    if (property is PropertyDeclarationSyntax { Initializer: { } value })
                    {
                        yield return value;
                    }

                    foreach (var accessor in property.AccessorList?.Accessors ?? default)
                    {
                        yield return accessor;
                    }

                    break;
                case BaseFieldDeclarationSyntax field:
                    foreach (var variable in field.Declaration.Variables)
                    {
                        if (variable.Initializer is { } initializer)
                        {
                            yield return initializer;
                        }
                    }

                    break;
            }
        }

        private static ControlFlowGraph? Graph(IOperation? operation, CancellationToken cancellationToken)
            => operation switch
            {
                IMethodBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
                IConstructorBodyOperation constructor => ControlFlowGraph.Create(constructor, cancellationToken),
                IFieldInitializerOperation field => ControlFlowGraph.Create(field, cancellationToken),
                IPropertyInitializerOperation property => ControlFlowGraph.Create(property, cancellationToken),
                IBlockOperation { Parent: null } block => ControlFlowGraph.Create(block, cancellationToken),
                _ => null,
            };
    }
}
