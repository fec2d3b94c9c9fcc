using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Presence.Analyzers.Model;

namespace Presence.Analyzers.Paths
{
    /// <summary>
    /// Whether a method is an entry point by how its own type uses it: registered as a handler by a method group
    /// (<c>streaming.OnUpdate += OnUpdate</c>, <c>new Timer(Tick, ...)</c>), or started in the background
    /// (<c>Task.Run(() =&gt; RunAsync(ct))</c>). The registering body reports the path (PRES002/PRES003) at the
    /// method; the method's own body asks here so that a publish in it is not reported a second time as PRES001.
    /// </summary>
    /// <remarks>
    /// Asked only for a body about to report a publish in its own code, and answered once per method from the
    /// syntax of its type (a private handler can only be registered there). A registration elsewhere (another type,
    /// generated code, a member exempt from the rules, which registers no entry point) is not found: the method then
    /// keeps its own diagnostic, a report too many rather than one missed.
    /// </remarks>
    internal sealed class EntriesByUse
    {
        private readonly EntryPoints _entryPoints;
        private readonly PublishScopes _scopes;
        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<IMethodSymbol, Use> _uses = new ConcurrentDictionary<IMethodSymbol, Use>(SymbolEqualityComparer.Default);

        public EntriesByUse(EntryPoints entryPoints, PublishScopes scopes, Compilation compilation)
        {
            _entryPoints = entryPoints;
            _scopes = scopes;
            _compilation = compilation;
        }

        [Flags]
        private enum Use : byte
        {
            None = 0,
            Registered = 1,
            StartedInBackground = 2,
        }

        /// <summary>True when a member of the method's type registers it, by a method group, as a callback that runs unattended or answers messages.</summary>
        public bool IsRegistered(IMethodSymbol method, CancellationToken cancellationToken)
            => method.MethodKind == MethodKind.Ordinary && (UsesOf(method, cancellationToken) & Use.Registered) != 0;

        /// <summary>True when a member of the method's type starts it with Task.Run, TaskFactory.StartNew or new Thread.</summary>
        public bool IsStartedInBackground(IMethodSymbol method, CancellationToken cancellationToken)
            => (UsesOf(method, cancellationToken) & Use.StartedInBackground) != 0;

        /// <summary>
        /// True when the method is a concrete job's override that the trigger it inherits calls by name
        /// (<c>QuoteOfTheHour.TickAsync</c>, run by <c>TimedWorker.ExecuteAsync</c>): the job's path is reported at it. A
        /// trigger of another project, whose body is not seen here, is searched from each of the job's overrides.
        /// </summary>
        public bool IsRunByInheritedTrigger(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (!method.IsOverride || method.ContainingType is not { TypeKind: TypeKind.Class, IsAbstract: false } type
                || _entryPoints.OfType(type) is not { } inherited || !inherited.Overrides.Contains(method.OriginalDefinition, SymbolEqualityComparer.Default))
            {
                return false;
            }

            var seen = false;
            foreach (var declaration in inherited.Function.DeclaringSyntaxReferences)
            {
                if (!_compilation.ContainsSyntaxTree(declaration.SyntaxTree))
                {
                    continue;
                }

                seen = true;
                foreach (var name in declaration.GetSyntax(cancellationToken).DescendantNodes().OfType<IdentifierNameSyntax>())
                {
                    if (name.Identifier.ValueText == method.Name)
                    {
                        return true;
                    }
                }
            }

            return !seen;
        }

        /// <summary>
        /// True when the program's entry (Main, the top-level statements) calls the method itself: a loop in it that
        /// never ends runs as long as the program, an entry point the path search reports (a call through other methods
        /// is not looked for here: the method then keeps its own diagnostic too).
        /// </summary>
        public bool IsCalledByProgram(IMethodSymbol method, CancellationToken cancellationToken)
        {
            method = method.OriginalDefinition;
            return _calledByProgram.GetOrAdd(method, m => FindProgramCall(m, cancellationToken));
        }

        private readonly ConcurrentDictionary<IMethodSymbol, bool> _calledByProgram = new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);

        private bool FindProgramCall(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (_compilation.GetEntryPoint(cancellationToken) is not { } program)
            {
                return false;
            }

            foreach (var declaration in program.DeclaringSyntaxReferences)
            {
                var tree = declaration.SyntaxTree;
                if (!_compilation.ContainsSyntaxTree(tree))
                {
                    continue;
                }

                SemanticModel? semanticModel = null;
                // The top-level program's declaration is its file: only its statements, not the types declared beside them.
                var root = declaration.GetSyntax(cancellationToken);
                var statements = root is CompilationUnitSyntax unit ? unit.Members.OfType<GlobalStatementSyntax>().Cast<SyntaxNode>() : new[] { root };
                foreach (var name in statements.SelectMany(statement => statement.DescendantNodes()).OfType<SimpleNameSyntax>())
                {
                    if (name.Identifier.ValueText != method.Name)
                    {
                        continue;
                    }

                    SyntaxNode expression = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
                    if (expression.Parent is not InvocationExpressionSyntax invocation || invocation.Expression != expression)
                    {
                        continue;
                    }

#pragma warning disable RS1030 // Only for a loop method about to be reported, at the few names in the program that can call it.
                    semanticModel ??= _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                    if (semanticModel.GetOperation(invocation, cancellationToken) is IInvocationOperation call
                        && SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, method))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// True when a job expression written in the compilation calls the method (<c>BackgroundJob.Enqueue(() =&gt;
        /// poster.PostAsync(…))</c>, <c>RecurringJob.AddOrUpdate&lt;DigestJob&gt;("id", j =&gt; j.RunAsync(), …)</c>, a
        /// Coravel task): a job's worker runs it, where nobody is there to be asked. Asked only for advice at a
        /// finding; the job expressions are collected once, from the calls named like a job registration.
        /// </summary>
        public bool IsRunByJobExpression(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (method.MethodKind != MethodKind.Ordinary)
            {
                return false;
            }

            return JobExpressionsOf(cancellationToken).Targets.Contains(method.OriginalDefinition);
        }

        /// <summary>
        /// True when code other than the job expressions calls the method, or takes it as a method group: besides the
        /// job, someone may run it where a person can be asked. A call of another method of the same name is not a use.
        /// Asked only for a method a job expression runs, at a finding, of the references the compilation keeps (SourceReferences).
        /// </summary>
        public bool IsUsedOutsideJobExpressions(IMethodSymbol method, CancellationToken cancellationToken)
        {
            method = method.OriginalDefinition;
            var jobs = JobExpressionsOf(cancellationToken);
            return _usedOutsideJobs.GetOrAdd(method, m => FindUseOutside(m, jobs.Lambdas, cancellationToken));
        }

        private readonly ConcurrentDictionary<IMethodSymbol, bool> _usedOutsideJobs = new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);

        private bool FindUseOutside(IMethodSymbol method, HashSet<SyntaxNode> jobLambdas, CancellationToken cancellationToken)
        {
            var references = SourceReferences.For(_compilation);
            if (references.IsNamedInMany(method, cancellationToken))
            {
                return true;
            }

            foreach (var site in references.Of(method, cancellationToken))
            {
                if (!IsGenerated(site.Syntax.SyntaxTree) && !site.Syntax.AncestorsAndSelf().Any(jobLambdas.Contains))
                {
                    return true;
                }
            }

            return false;
        }

        private JobExpressions JobExpressionsOf(CancellationToken cancellationToken)
        {
            var jobs = _jobExpressions;
            if (jobs is null)
            {
                jobs = FindJobExpressions(cancellationToken);
                Interlocked.CompareExchange(ref _jobExpressions, jobs, null);
            }

            return jobs;
        }

        private JobExpressions? _jobExpressions;

        // The methods job expressions call, and the expressions' lambdas.
        private sealed class JobExpressions
        {
            public HashSet<IMethodSymbol> Targets { get; } = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);

            public HashSet<SyntaxNode> Lambdas { get; } = new HashSet<SyntaxNode>();
        }

        // Hangfire's and Coravel's registrations of a job expression (EntryPoints.Registrations says which are).
        private static readonly HashSet<string> JobRegistrationNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "AddOrUpdate", "Enqueue", "Schedule", "ContinueJobWith", "ScheduleAsync", "QueueTask", "QueueAsyncTask",
        };

        private JobExpressions FindJobExpressions(CancellationToken cancellationToken)
        {
            var jobs = new JobExpressions();
            var targets = jobs.Targets;
            foreach (var tree in _compilation.SyntaxTrees)
            {
                if (IsGenerated(tree))
                {
                    continue;
                }

                SemanticModel? semanticModel = null;
                foreach (var invocation in tree.GetRoot(cancellationToken).DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    var name = invocation.Expression switch
                    {
                        MemberAccessExpressionSyntax access => access.Name,
                        SimpleNameSyntax simple => simple,
                        _ => null,
                    };
                    if (name is null || !JobRegistrationNames.Contains(name.Identifier.ValueText)
                        || !invocation.ArgumentList.Arguments.Any(argument => argument.Expression is LambdaExpressionSyntax))
                    {
                        continue;
                    }

#pragma warning disable RS1030 // Once per compilation, for advice at a finding, at the calls named like a job registration.
                    semanticModel ??= _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                    if (semanticModel.GetOperation(invocation, cancellationToken) is not { } registration)
                    {
                        continue;
                    }

                    foreach (var (callback, kind, _) in _entryPoints.Registrations(registration))
                    {
                        if (kind == EntryKind.Unattended && EntryPoints.CallbackTarget(callback) is IAnonymousFunctionOperation lambda)
                        {
                            jobs.Lambdas.Add(lambda.Syntax);
                            foreach (var call in lambda.Body.Descendants().OfType<IInvocationOperation>())
                            {
                                targets.Add((call.TargetMethod.ReducedFrom ?? call.TargetMethod).OriginalDefinition);
                            }
                        }
                    }
                }
            }

            return jobs;
        }

        /// <summary>The methods a background start runs: a method group it is given, every method a lambda it is given calls.</summary>
        public static IEnumerable<IMethodSymbol> StartedBy(IOperation start)
        {
            var arguments = start switch
            {
                IInvocationOperation invocation => invocation.Arguments,
                IObjectCreationOperation creation => creation.Arguments,
                _ => default,
            };

            if (arguments.IsDefault)
            {
                yield break;
            }

            foreach (var argument in arguments)
            {
                switch (EntryPoints.CallbackTarget(argument.Value))
                {
                    case IMethodReferenceOperation { Method: var method }:
                        yield return method;
                        break;
                    case IAnonymousFunctionOperation lambda:
                        foreach (var call in lambda.Body.Descendants().OfType<IInvocationOperation>())
                        {
                            yield return call.TargetMethod;
                        }

                        break;
                }
            }
        }

        private Use UsesOf(IMethodSymbol method, CancellationToken cancellationToken)
        {
            method = method.OriginalDefinition;
            if (_uses.TryGetValue(method, out var known))
            {
                return known;
            }

            var found = Find(method, cancellationToken);
            _uses.TryAdd(method, found);
            return found;
        }

        private Use Find(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (method.ContainingType is not { } type || method.DeclaringSyntaxReferences.Length == 0)
            {
                return Use.None;
            }

            var found = Use.None;
            foreach (var declaration in type.DeclaringSyntaxReferences)
            {
                var tree = declaration.SyntaxTree;
                if (!_compilation.ContainsSyntaxTree(tree) || IsGenerated(tree))
                {
                    continue;
                }

                SemanticModel? semanticModel = null;
                foreach (var name in declaration.GetSyntax(cancellationToken).DescendantNodes().OfType<IdentifierNameSyntax>())
                {
                    if (name.Identifier.ValueText != method.Name)
                    {
                        continue;
                    }

#pragma warning disable RS1030 // Only for a method about to be reported, at the few names that can refer to it.
                    semanticModel ??= _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                    // The operation the name stands for: a method group (this.Tick), or the call it is invoked in.
                    SyntaxNode expression = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
                    if (expression.Parent is InvocationExpressionSyntax invocation && invocation.Expression == expression)
                    {
                        expression = invocation;
                    }

                    if (semanticModel.GetOperation(expression, cancellationToken) is not { } reference
                        || !Refers(reference, method) || IsInExemptMember(semanticModel, name, cancellationToken))
                    {
                        continue;
                    }

                    found |= UseAround(reference, method);
                }
            }

            return found;
        }

        private static bool Refers(IOperation reference, IMethodSymbol method)
            => reference switch
            {
                IMethodReferenceOperation group => SymbolEqualityComparer.Default.Equals(group.Method.OriginalDefinition, method),
                IInvocationOperation call => SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, method),
                _ => false,
            };

        // The registration or background start the reference is given to, as the registering body finds it.
        private Use UseAround(IOperation reference, IMethodSymbol method)
        {
            var found = Use.None;
            for (var current = reference.Parent; current is not null; current = current.Parent)
            {
                if (reference is IMethodReferenceOperation)
                {
                    foreach (var (callback, _, _) in _entryPoints.Registrations(current))
                    {
                        if (EntryPoints.CallbackTarget(callback) is IMethodReferenceOperation registered
                            && SymbolEqualityComparer.Default.Equals(registered.Method.OriginalDefinition, method))
                        {
                            found |= Use.Registered;
                        }
                    }
                }

                if (EntryPoints.StartsInBackground(current) && StartedBy(current).Any(started => SymbolEqualityComparer.Default.Equals(started.OriginalDefinition, method)))
                {
                    found |= Use.StartedInBackground;
                }
            }

            // TimerCallback cb = OnTick; new Timer(cb, …): kept in a local or field that a registration reads.
            if (reference is IMethodReferenceOperation && (found & Use.Registered) == 0 && EntryPoints.StorageOf(reference) is { } storage
                && ReadByRegistration(reference, storage))
            {
                found |= Use.Registered;
            }

            return found;
        }

        /// <summary>
        /// True when <paramref name="value"/> (a lambda) is kept in a field or property that a registration of its type
        /// reads (<c>_tick = async _ =&gt; await Post(); … new Timer(_tick, …)</c>): the registration reports the path
        /// at the lambda, so a publish written in it is not reported again as PRES001.
        /// </summary>
        public bool IsStoredForRegistration(IOperation value)
            => EntryPoints.StorageOf(value) is { Kind: SymbolKind.Field or SymbolKind.Property } storage && ReadByRegistration(value, storage);

        // A local is read in the same body; a field or property anywhere in its type.
        private bool ReadByRegistration(IOperation reference, ISymbol storage)
        {
            var root = reference;
            while (root.Parent is { } parent)
            {
                root = parent;
            }

            if (HasRegistrationReading(root, storage))
            {
                return true;
            }

            if (storage is not (IFieldSymbol or IPropertySymbol))
            {
                return false;
            }

            var field = storage;

            foreach (var declaration in field.ContainingType.DeclaringSyntaxReferences)
            {
                if (!_compilation.ContainsSyntaxTree(declaration.SyntaxTree))
                {
                    continue;
                }

                SemanticModel? semanticModel = null;
                foreach (var name in declaration.GetSyntax().DescendantNodes().OfType<IdentifierNameSyntax>())
                {
                    if (name.Identifier.ValueText != field.Name)
                    {
                        continue;
                    }

#pragma warning disable RS1030 // Only for a method about to be reported, at the few names of the field that keeps it.
                    semanticModel ??= _compilation.GetSemanticModel(declaration.SyntaxTree);
#pragma warning restore RS1030
                    for (var current = semanticModel.GetOperation(name); current is not null; current = current.Parent)
                    {
                        foreach (var (callback, _, _) in _entryPoints.Registrations(current))
                        {
                            if (EntryPoints.Reads(callback, field))
                            {
                                return true;
                            }
                        }
                    }
                }
            }

            return false;
        }

        private bool HasRegistrationReading(IOperation root, ISymbol storage)
        {
            foreach (var operation in root.DescendantsAndSelf())
            {
                if (operation.Kind is OperationKind.Invocation or OperationKind.ObjectCreation or OperationKind.EventAssignment)
                {
                    foreach (var (callback, _, _) in _entryPoints.Registrations(operation))
                    {
                        if (EntryPoints.Reads(callback, storage))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        // A member the rules leave alone registers nothing (its body is not analysed).
        private bool IsInExemptMember(SemanticModel semanticModel, SyntaxNode node, CancellationToken cancellationToken)
        {
            var member = semanticModel.GetEnclosingSymbol(node.SpanStart, cancellationToken);
            while (member is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } nested)
            {
                member = nested.ContainingSymbol;
            }

            return member is null || _scopes.IsExemptMember(member);
        }

        // What the compiler does not hand to analyzers (GeneratedCodeAnalysisFlags.None): by file name or header.
        private static bool IsGenerated(SyntaxTree tree)
        {
            var path = tree.FilePath ?? string.Empty;
            var file = path.Substring(path.LastIndexOfAny(new[] { '/', '\\' }) + 1);
            if (file.StartsWith("TemporaryGeneratedFile_", StringComparison.OrdinalIgnoreCase)
                || file.EndsWith(".designer.cs", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".generated.cs", StringComparison.OrdinalIgnoreCase)
                || file.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".g.i.cs", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            foreach (var trivia in tree.GetRoot().GetLeadingTrivia())
            {
                if (trivia.ToString().IndexOf("<auto-generated", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
