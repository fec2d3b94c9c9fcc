using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Presence.Analyzers.Catalog;
using Presence.Analyzers.Model;

namespace Presence.Analyzers.Paths
{
    /// <summary>
    /// The calls between functions of the compilation that no confirmation guards, and the unguarded publish calls
    /// in each, collected during the ordinary per-body pass. Paths are searched once, at compilation end, from each
    /// entry point breadth-first: the cost is linear in the edges reached, and no body is analysed twice.
    /// </summary>
    /// <remarks>
    /// During the pass a step costs one lock-free enqueue; the graph is only built, at compilation end, when there is
    /// an entry point to start from (most compilations have none, and most steps lead nowhere).
    /// </remarks>
    internal sealed class CallGraph
    {
        private readonly ConcurrentQueue<(IMethodSymbol Caller, Step Step)> _steps = new ConcurrentQueue<(IMethodSymbol, Step)>();
        // Keyed by the function, or for an inherited trigger by the concrete job (one base serves many jobs).
        private readonly ConcurrentDictionary<ISymbol, EntryPoint> _entries = new ConcurrentDictionary<ISymbol, EntryPoint>(SymbolEqualityComparer.Default);
        private readonly ConcurrentBag<INamedTypeSymbol> _sourceTypes = new ConcurrentBag<INamedTypeSymbol>();
        private readonly LibrarySummaries _libraries;
        private Dispatch? _dispatch;
        private Dictionary<IMethodSymbol, Node>? _nodes;

        /// <param name="libraries">Where a call into a referenced assembly leads, as its summary says.</param>
        public CallGraph(LibrarySummaries libraries) => _libraries = libraries;

        /// <summary>The entry points registered so far (read at compilation end).</summary>
        public IEnumerable<EntryPoint> Entries => _parts.IsEmpty ? _entries.Values : _entries.Values.Concat(_parts.Values);

        // Lambdas a field or property keeps for a registration, searched from part of the member they are written in
        // (several in one constructor): keyed by the lambda.
        private readonly ConcurrentDictionary<SyntaxNode, EntryPoint> _parts = new ConcurrentDictionary<SyntaxNode, EntryPoint>();

        public void AddEntry(EntryPoint entry)
        {
            if (entry is { Lambda: { } lambda, Within: { } })
            {
                _parts.TryAdd(lambda, entry);
            }
            else
            {
                _entries.TryAdd((ISymbol?)entry.ConcreteType ?? entry.Function.OriginalDefinition, entry);
            }
        }

        public void AddType(INamedTypeSymbol type) => _sourceTypes.Add(type);

        // Functions whose calls a search does not follow (bodies exempt from reporting), asked only of the functions
        // a search reaches: set at compilation end, read by the searches that follow on the same thread.
        private System.Func<IMethodSymbol, bool>? _skip;

        /// <summary>Calls of functions <paramref name="skip"/> says yes to are not followed (asked when a search reaches one).</summary>
        public void SkipCallsOf(System.Func<IMethodSymbol, bool> skip) => _skip = skip;

        private System.Func<IMethodSymbol, INamedTypeSymbol, LibraryArgumentSend, PublishTarget?>? _bySubclass;

        private System.Func<SyntaxNode, INamedTypeSymbol, (bool Applies, PublishTarget? Target)>? _forJob;

        // A job that inherits a method of this type: the type is a base of the job's (a generic base by its definition).
        private static bool InheritedBy(INamedTypeSymbol job, INamedTypeSymbol? type)
        {
            for (var @base = job.BaseType; type is not null && @base is not null; @base = @base.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(@base.OriginalDefinition, type.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Reads again, for a concrete job, a send of this compilation nobody could resolve, or a request its base class
        /// makes: where its URL is a property the job overrides (or inherits a default of), what the job's own type gives
        /// (Applies), a publish, an unresolved send or nothing.
        /// </summary>
        public void ReadUnresolvedForJobWith(System.Func<SyntaxNode, INamedTypeSymbol, (bool Applies, PublishTarget? Target)> read) => _forJob = read;

        /// <summary>
        /// Reads, for a concrete job, the send a referenced base class's inherited entry point makes to the URL the job
        /// gives (its override of a property, its base constructor's argument), as the summary says.
        /// </summary>
        public void ReadSubclassSendsWith(System.Func<IMethodSymbol, INamedTypeSymbol, LibraryArgumentSend, PublishTarget?> read) => _bySubclass = read;

        // Methods with a daemon loop, and methods started in the background: a method in both is an entry point.
        // The two are usually seen in different bodies, in either order, so they meet at compilation end.
        private readonly ConcurrentDictionary<IMethodSymbol, EntryPoint> _loops = new ConcurrentDictionary<IMethodSymbol, EntryPoint>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, byte> _startedInBackground = new ConcurrentDictionary<IMethodSymbol, byte>(SymbolEqualityComparer.Default);

        public void AddLoop(EntryPoint loop) => _loops.TryAdd(loop.Function.OriginalDefinition, loop);

        // Methods whose daemon loop never leaves early: an entry point too when the program (Main, the top-level
        // statements) calls them, directly or through methods of the compilation (see FindPaths).
        private readonly ConcurrentDictionary<IMethodSymbol, byte> _endlessLoops = new ConcurrentDictionary<IMethodSymbol, byte>(SymbolEqualityComparer.Default);

        public void AddEndlessLoop(IMethodSymbol method) => _endlessLoops.TryAdd(method.OriginalDefinition, 0);

        public void AddStartedInBackground(IMethodSymbol method) => _startedInBackground.TryAdd(method.OriginalDefinition, 0);

        /// <summary>An unguarded call from <paramref name="caller"/> to a function of the compilation, or to a referenced assembly's method that its summary says publishes.</summary>
        public void AddCall(IMethodSymbol caller, IMethodSymbol callee, SyntaxNode call)
            => _steps.Enqueue((caller.OriginalDefinition, new Step(callee.OriginalDefinition, call, null, Through(callee))));

        /// <summary>Every call into the compilation the bodies analysed in full kept (not the publishes).</summary>
        public IEnumerable<(IMethodSymbol Caller, IMethodSymbol Callee, SyntaxNode Call)> KeptCalls()
        {
            foreach (var (caller, step) in _steps)
            {
                if (step.Callee is { } callee)
                {
                    yield return (caller, callee, step.Call);
                }
            }
        }

        // The node the last plain call went to, by the caller as given: a body's calls mostly come one after another.
        private IMethodSymbol? _lastCaller;
        private Node? _lastNode;

        /// <summary>
        /// A call of a body that decided nothing, added at compilation end on one thread once every concurrent step is
        /// in: straight into the graph, not queued again, with the caller looked up once for a run of its calls.
        /// </summary>
        public void AddPlainCall(IMethodSymbol caller, IMethodSymbol callee, SyntaxNode call, INamedTypeSymbol? through)
        {
            if (!ReferenceEquals(caller, _lastCaller) || _lastNode is null)
            {
                var nodes = _nodes ??= BuildNodes();
                var definition = caller.OriginalDefinition;
                if (!nodes.TryGetValue(definition, out var node))
                {
                    nodes[definition] = node = new Node();
                }

                _lastCaller = caller;
                _lastNode = node;
            }

            _lastNode.Add(new Step(callee.OriginalDefinition, call, null, through));
        }

        /// <summary>
        /// The closed generic interface a call goes through (IHandler&lt;Count, int&gt;), which only its implementers can
        /// answer; null for a call through a non-generic type or an open one (IHandler&lt;TRequest, TResponse&gt;).
        /// </summary>
        internal static INamedTypeSymbol? Through(IMethodSymbol callee)
            => callee.ContainingType is { IsGenericType: true, TypeKind: TypeKind.Interface } type && !ReferenceEquals(type, type.OriginalDefinition) && !HasTypeParameters(type)
                ? type
                : null;

        /// <summary>
        /// The getter a property read runs, when it can be a step: a property whose type is a task (<c>Task Announced =&gt;
        /// poster.PostAsync(...)</c>), read, not assigned. By the type's name first: asked of every property read.
        /// </summary>
        internal static IMethodSymbol? GetterStep(IPropertyReferenceOperation reference)
            => reference.Property is { Type.Name: "Task" or "ValueTask", GetMethod: { } getter }
               && !(reference.Parent is IAssignmentOperation assignment && assignment.Target == reference)
                ? getter
                : null;

        /// <summary>
        /// The Dispose or DisposeAsync a <c>using</c> or <c>await using</c> runs at its end, when the resource's type is a
        /// class or struct (an interface would be every implementation's): found by name on the type and its bases.
        /// </summary>
        internal static IMethodSymbol? DisposalStep(IOperation operation)
        {
            ITypeSymbol? type;
            bool isAsynchronous;
            switch (operation)
            {
                case IUsingOperation @using:
                    isAsynchronous = @using.IsAsynchronous;
                    type = @using.Resources is IVariableDeclarationGroupOperation group ? FirstDeclared(group) : @using.Resources.Type;
                    break;
                case IUsingDeclarationOperation declaration:
                    isAsynchronous = declaration.IsAsynchronous;
                    type = FirstDeclared(declaration.DeclarationGroup);
                    break;
                default:
                    return null;
            }

            if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named)
            {
                return null;
            }

            var name = isAsynchronous ? "DisposeAsync" : "Dispose";
            for (var current = named; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(name))
                {
                    if (member is IMethodSymbol { Parameters.Length: 0, IsStatic: false, MethodKind: MethodKind.Ordinary } method)
                    {
                        return method;
                    }
                }
            }

            return null;
        }

        private static ITypeSymbol? FirstDeclared(IVariableDeclarationGroupOperation group)
        {
            foreach (var declaration in group.Declarations)
            {
                foreach (var declarator in declaration.Declarators)
                {
                    return declarator.Symbol.Type;
                }
            }

            return null;
        }

        /// <summary>True when <paramref name="type"/> mentions a type parameter (an open IHandler&lt;T, bool&gt;).</summary>
        internal static bool HasTypeParameters(ITypeSymbol type)
            => type switch
            {
                ITypeParameterSymbol => true,
                IArrayTypeSymbol array => HasTypeParameters(array.ElementType),
                INamedTypeSymbol named => named.TypeArguments.Any(HasTypeParameters),
                _ => false,
            };

        /// <summary>
        /// True for a call that interface or virtual dispatch may continue into this compilation although its method is
        /// declared in another assembly: the Domain project's ISocialPublisher.PublishAsync, implemented here. The
        /// framework's own members (System*, Microsoft*) are left out: this compilation implements them for the
        /// framework, not for its own paths.
        /// </summary>
        public static bool MayDispatchIntoSource(IMethodSymbol method)
            => !method.IsStatic
               && (method.ContainingType?.TypeKind == TypeKind.Interface || method.IsAbstract || method.IsVirtual || method.IsOverride)
               && method.ContainingAssembly is { } assembly && !LibrarySummaries.IsFramework(assembly.Name);

        /// <summary>
        /// An unguarded publish call in <paramref name="caller"/>; with <paramref name="dependence"/>, one whose
        /// destination a parameter of <paramref name="caller"/> decides (see <see cref="AttributeToCallers"/>).
        /// </summary>
        public void AddPublish(IMethodSymbol caller, PublishTarget target, SyntaxNode call, CallerDependentPublish? dependence = null)
        {
            Volatile.Write(ref _hasPublish, true);
            Attribution? attribution = dependence is null ? null : new Attribution(dependence, dependence.Parameters, ImmutableArray<(IParameterSymbol, IOperation)>.Empty, ImmutableArray<(IMethodSymbol, SyntaxNode)>.Empty);
            _steps.Enqueue((caller.OriginalDefinition, new Step(null, call, target, attribution: attribution)));
        }

        private bool _hasPublish;

        /// <summary>
        /// False when no path can end anywhere: no unguarded publish or send was recorded, and no referenced assembly's
        /// summary says a method of it publishes. Read at compilation end, when every body has been seen.
        /// </summary>
        public bool MayEndInPublish => Volatile.Read(ref _hasPublish) || _libraries.HasPublishes || (_bySubclass is not null && _libraries.HasSubclassSends);

        private Dictionary<IMethodSymbol, Node> BuildNodes()
        {
            var nodes = new Dictionary<IMethodSymbol, Node>(SymbolEqualityComparer.Default);
            foreach (var (caller, step) in _steps)
            {
                if (!nodes.TryGetValue(caller, out var node))
                {
                    nodes[caller] = node = new Node();
                }

                node.Add(step);
            }

            return nodes;
        }

        // The functions from which some path may reach a publish or a send, and their names (null: any may). Set at
        // compilation end, after the last step, by FindReaching; read by the searches that follow on the same thread.
        private HashSet<IMethodSymbol>? _reaching;
        private HashSet<string>? _reachingNames;

        /// <summary>
        /// Marks, once every body has been seen, the functions from which a path may reach a publish or a send: a
        /// superset, found backwards from the functions that hold one over every call by the called method's name (an
        /// override or an implicit implementation has the name of the method it lands for, an explicit implementation
        /// the name of the member it implements): the calls in the graph, and <paramref name="plainCalls"/>, those of
        /// the bodies that decided nothing, of which only the functions marked need to be added. A search then neither
        /// follows a call that can lead to none nor asks where it lands, and <see cref="MayReachPublish"/> tells which
        /// functions are worth asking whether they are entry points. Where a referenced library's summary publishes, a
        /// call into it ends a path and any function may: nothing is marked. A library method whose summary says it
        /// calls a member another assembly may implement is reached with the member's name.
        /// </summary>
        public void FindReaching(IReadOnlyList<PlainCall> plainCalls, CancellationToken cancellationToken)
        {
            if (_libraries.HasPublishes)
            {
                return;
            }

            var callersByName = new Dictionary<string, List<IMethodSymbol>>(System.StringComparer.Ordinal);
            var reaching = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            var queue = new Queue<IMethodSymbol>();
            foreach (var (caller, step) in _steps)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (step.Callee is { } callee)
                {
                    AddCaller(callee.Name, caller);
                }
                else if (reaching.Add(caller))
                {
                    queue.Enqueue(caller);
                }
            }

            // Read from what the call action kept, not from the symbols: by compilation end most are out of the
            // processor's caches, and reading each call's callee and owner again cost more than the rest of the search.
            for (var i = 0; i < plainCalls.Count; i++)
            {
                if ((i & 1023) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var call = plainCalls[i];
                AddCaller(call.CalleeName, call.Owner);
            }

            // A call of a library method whose summary says it calls a member another assembly may implement reaches
            // what an implementation of the member here reaches: the method's name is reached with the member's.
            var dispatchers = new Dictionary<string, List<string>>(System.StringComparer.Ordinal);
            foreach (var (method, member) in _libraries.DispatchNames)
            {
                if (!dispatchers.TryGetValue(member, out var methods))
                {
                    dispatchers[member] = methods = new List<string>();
                }

                methods.Add(method);
            }

            var names = new HashSet<string>(System.StringComparer.Ordinal);
            while (queue.Count > 0)
            {
                var function = queue.Dequeue();
                Reach(function.Name);
                foreach (var implemented in function.ExplicitInterfaceImplementations)
                {
                    Reach(implemented.Name);
                }
            }

            _reaching = reaching;
            _reachingNames = names;

            void AddCaller(string name, IMethodSymbol caller)
            {
                if (!callersByName.TryGetValue(name, out var callers))
                {
                    callersByName[name] = callers = new List<IMethodSymbol>();
                }
                else if (ReferenceEquals(callers[callers.Count - 1], caller))
                {
                    return; // the same body calling the name again
                }

                callers.Add(caller);
            }

            void Reach(string name)
            {
                if (!names.Add(name))
                {
                    return;
                }

                if (callersByName.TryGetValue(name, out var callers))
                {
                    foreach (var caller in callers)
                    {
                        if (reaching.Add(caller))
                        {
                            queue.Enqueue(caller);
                        }
                    }
                }

                if (dispatchers.TryGetValue(name, out var methods))
                {
                    foreach (var method in methods)
                    {
                        Reach(method);
                    }
                }
            }
        }

        /// <summary>False when no path from <paramref name="function"/> can reach a publish or a send (see <see cref="FindReaching"/>).</summary>
        public bool MayReachPublish(IMethodSymbol function) => MayReachPublishFromDefinition(function.OriginalDefinition);

        /// <summary><see cref="MayReachPublish"/> of a function given by its definition, as a <see cref="PlainCall"/> keeps it.</summary>
        public bool MayReachPublishFromDefinition(IMethodSymbol definition) => _reaching is not { } reaching || reaching.Contains(definition);

        /// <summary>
        /// For each entry point that reaches an unguarded publish on a path no longer than <paramref name="maxDepth"/>
        /// calls: the shortest such path, and how many other publish targets it reaches (one diagnostic per entry point).
        /// </summary>
        public IEnumerable<UnattendedPath> FindPaths(System.Func<EntryPoint, int> maxDepth, CancellationToken cancellationToken)
        {
            HashSet<IMethodSymbol>? runByProgram = null;
            foreach (var loop in _loops)
            {
                if (_startedInBackground.ContainsKey(loop.Key))
                {
                    AddEntry(loop.Value);
                }
                else if (_endlessLoops.ContainsKey(loop.Key) && (runByProgram ??= RunByProgram()).Contains(loop.Key))
                {
                    AddEntry(new EntryPoint(loop.Key, EntryKind.Unattended, "daemon loop", null));
                }
            }

            // A trigger an abstract class of the compilation implements runs only as part of its concrete jobs, each of
            // which is an entry point of its own whose path starts in the base: the base is reported only when the
            // compilation has no such job (a library's base, which cannot know its subclasses).
            HashSet<IMethodSymbol>? inherited = null;
            foreach (var entry in _entries.Values)
            {
                if (entry.ConcreteType is not null)
                {
                    (inherited ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default)).Add(entry.Function.OriginalDefinition);
                }
            }

            // Built on the first entry point only: a compilation without one pays nothing here.
            var found = new List<(EntryPoint Entry, UnattendedPath? Path, List<UnattendedPath> Unresolved)>();
            foreach (var entry in Entries.OrderBy(e => e.Location.SourceTree?.FilePath, System.StringComparer.Ordinal).ThenBy(e => e.Location.SourceSpan.Start))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (inherited is not null && entry.RunsThroughSubclasses && inherited.Contains(entry.Function.OriginalDefinition))
                {
                    continue;
                }

                var unresolved = new List<UnattendedPath>();
                found.Add((entry, Search(entry.Function, entry, maxDepth(entry), unresolved, cancellationToken), unresolved));
            }

            // One root cause, one report: a path that goes through another entry point which is reported itself
            // (StartAsync creating the timer whose callback posts) says nothing that entry's report does not.
            // (Two entry points on each other's paths both keep theirs.)
            var reported = new Dictionary<IMethodSymbol, UnattendedPath>(SymbolEqualityComparer.Default);
            foreach (var (entry, path, _) in found)
            {
                if (path is not null && !reported.ContainsKey(entry.Function.OriginalDefinition))
                {
                    reported.Add(entry.Function.OriginalDefinition, path);
                }
            }

            foreach (var (entry, path, unresolved) in found)
            {
                if (path is not null && !PassesThroughOther(path, entry.Function.OriginalDefinition, reported))
                {
                    yield return path.For(entry);
                }

                foreach (var send in unresolved)
                {
                    yield return send.For(entry);
                }
            }
        }

        // The functions the program's entry (Main, the top-level statements) calls, directly or through functions of the
        // compilation, by the steps the graph holds: a loop among them runs for as long as the program does.
        private HashSet<IMethodSymbol> RunByProgram()
        {
            var nodes = _nodes ??= BuildNodes();
            var reached = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            var queue = new Queue<IMethodSymbol>();
            foreach (var function in nodes.Keys)
            {
                if (EntryPoints.IsProgramEntry(function))
                {
                    queue.Enqueue(function);
                }
            }

            while (queue.Count > 0)
            {
                if (!nodes.TryGetValue(queue.Dequeue(), out var node))
                {
                    continue;
                }

                foreach (var step in node.Unordered)
                {
                    if (step.Callee is { } callee && reached.Add(callee))
                    {
                        queue.Enqueue(callee);
                    }
                }
            }

            return reached;
        }

        private static bool PassesThroughOther(UnattendedPath path, IMethodSymbol own, Dictionary<IMethodSymbol, UnattendedPath> reported)
        {
            foreach (var (function, _) in path.Calls)
            {
                if (!SymbolEqualityComparer.Default.Equals(function.OriginalDefinition, own)
                    && reported.TryGetValue(function.OriginalDefinition, out var other)
                    && !other.Calls.Any(call => SymbolEqualityComparer.Default.Equals(call.Function.OriginalDefinition, own)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The shortest unguarded path from <paramref name="start"/> to a publish, or null (the summaries of libraries).</summary>
        public UnattendedPath? ShortestPath(IMethodSymbol start, int maxDepth, CancellationToken cancellationToken)
            => Search(start, null, maxDepth, null, cancellationToken);

        // Breadth-first, so the first publish met is on a shortest path; the rest are only counted. Sends nobody can
        // resolve are not publishes: each is listed in <paramref name="unresolved"/> (PRES011), once.
        private UnattendedPath? Search(IMethodSymbol function0, EntryPoint? entry, int maxDepth, List<UnattendedPath>? unresolved, CancellationToken cancellationToken)
        {
            _dispatch ??= new Dispatch(_sourceTypes);
            _nodes ??= BuildNodes();
            var nodes = _nodes;
            var start = function0.OriginalDefinition;
            var cameFrom = new Dictionary<IMethodSymbol, (IMethodSymbol From, SyntaxNode Call, string? Via)>(SymbolEqualityComparer.Default);
            var depth = new Dictionary<IMethodSymbol, int>(SymbolEqualityComparer.Default) { [start] = 0 };
            var reached = new HashSet<string>(System.StringComparer.Ordinal);
            UnattendedPath? shortest = null;
            var queue = new Queue<IMethodSymbol>();
            queue.Enqueue(start);
            // A library's hosted service this compilation registers: its summary says where it posts, and this
            // compilation's settings made that a publish. The path stands at the registration.
            if (entry?.Registration is { } registration && !nodes.ContainsKey(start) && _libraries.FindPublish(start) is { DecidedHere: true } registered)
            {
                reached.Add(UnattendedPath.Describe(registered.Platform, registered.Api));
                shortest = new UnattendedPath(null, start, ImmutableArray<(IMethodSymbol, SyntaxNode)>.Empty, registration, null, registered);
            }

            if (entry?.ConcreteType is not null && (!nodes.ContainsKey(start) || _skip?.Invoke(start) == true))
            {
                // A trigger inherited from a base class whose body this compilation cannot see (another project): its
                // project's summary says whether it publishes by itself, and it calls the job's overrides, which are
                // where the job's own code starts.
                if (!nodes.ContainsKey(start) && _libraries.FindPublish(start) is { } inherited
                    && entry.ConcreteType.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is { } job)
                {
                    reached.Add(UnattendedPath.Describe(inherited.Platform, inherited.Api));
                    shortest = new UnattendedPath(null, start, ImmutableArray<(IMethodSymbol, SyntaxNode)>.Empty, job, null, inherited);
                }
                else if (!nodes.ContainsKey(start) && _bySubclass is not null && _libraries.HasSubclassSends
                         && _libraries.FindArgumentSend(start) is { BySubclass: true } bySubclass
                         && entry.ConcreteType.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is { } declaration
                         && _bySubclass(start, entry.ConcreteType, bySubclass) is { } send)
                {
                    // A base class that posts to the URL its subclass gives (another project's): this job's decides. The
                    // send stands where the job names its base class.
                    var given = declaration is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax { BaseList.Types: { Count: > 0 } bases } ? bases[0] : declaration;
                    if (send.Kind == PublishKind.Unresolved)
                    {
                        unresolved?.Add(new UnattendedPath(null, start, ImmutableArray<(IMethodSymbol, SyntaxNode)>.Empty, given, send,
                            new LibraryPublish(bySubclass.MethodName, start.ContainingAssembly.Name, null, null, bySubclass.Path)));
                    }
                    else
                    {
                        var library = new LibraryPublish(bySubclass.MethodName, start.ContainingAssembly.Name, send.Platform, send.CatalogId,
                            send.Note is { } note ? bySubclass.Path + " (" + note + ")" : bySubclass.Path);
                        reached.Add(UnattendedPath.Describe(library.Platform, library.Api));
                        shortest = new UnattendedPath(null, start, ImmutableArray<(IMethodSymbol, SyntaxNode)>.Empty, given, null, library);
                    }
                }

                foreach (var @override in entry.Overrides)
                {
                    if (!depth.ContainsKey(@override) && @override.DeclaringSyntaxReferences.Length > 0)
                    {
                        depth[@override] = 1;
                        cameFrom[@override] = (start, @override.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken), null);
                        queue.Enqueue(@override);
                    }
                }
            }

            while (queue.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var function = queue.Dequeue();
                if (!nodes.TryGetValue(function, out var node) || _skip?.Invoke(function) == true)
                {
                    continue;
                }

                var part = entry?.Within is not null && SymbolEqualityComparer.Default.Equals(function, start) ? entry : null;
                foreach (var step in node.Steps())
                {
                    // A top-level program's daemon loop: only what the loop runs (with the local functions it calls) is on its path.
                    if (part is not null && !part.Runs(step.Call))
                    {
                        continue;
                    }

                    // A send whose destination a parameter decides was attributed to the calls that pass one: entered
                    // through such a call, the send is what that call's argument makes it (a step of the caller's).
                    if (step.Attribution is { Parameters.IsEmpty: false } dependent && cameFrom.TryGetValue(function, out var entered)
                        && dependent.Attributed.Contains(entered.Call))
                    {
                        continue;
                    }

                    var chain = step.Attribution?.Chain ?? ImmutableArray<(IMethodSymbol, SyntaxNode)>.Empty;
                    if (step.Target is { Kind: PublishKind.Unresolved } send)
                    {
                        // A base class's send to the URL its subclass overrides: the job's own override decides.
                        if (entry?.ConcreteType is { } job && _forJob is not null && _forJob(step.Call, job) is { Applies: true } forJob)
                        {
                            if (forJob.Target is { Kind: PublishKind.Unresolved } stillUnresolved)
                            {
                                send = stillUnresolved;
                            }
                            else
                            {
                                if (forJob.Target is { } jobTarget && reached.Add(jobTarget.Describe()))
                                {
                                    shortest ??= Trace(function, cameFrom, start, step.Call, jobTarget, null, chain);
                                }

                                continue;
                            }
                        }

                        if (unresolved is not null && !unresolved.Exists(u => u.Publish == step.Call))
                        {
                            unresolved.Add(Trace(function, cameFrom, start, step.Call, send, null, chain));
                        }

                        continue;
                    }

                    if (step.Target is { } target)
                    {
                        // A request of a base class the job derives from, to a URL property the job may override: the
                        // job's own override, or the default it inherits, decides.
                        if (target.Kind == PublishKind.Endpoint && entry?.ConcreteType is { } runtime && _forJob is not null && !function.IsStatic
                            && InheritedBy(runtime, function.ContainingType) && _forJob(step.Call, runtime) is { Applies: true } own)
                        {
                            if (own.Target is { Kind: PublishKind.Unresolved } ownUnresolved)
                            {
                                if (unresolved is not null && !unresolved.Exists(u => u.Publish == step.Call))
                                {
                                    unresolved.Add(Trace(function, cameFrom, start, step.Call, ownUnresolved, null, chain));
                                }
                            }
                            else if (own.Target is { } ownTarget && reached.Add(ownTarget.Describe()))
                            {
                                shortest ??= Trace(function, cameFrom, start, step.Call, ownTarget, null, chain);
                            }

                            continue;
                        }

                        if (reached.Add(target.Describe()))
                        {
                            shortest ??= Trace(function, cameFrom, start, step.Call, target, null, chain);
                        }

                        continue;
                    }

                    // A call whose name no function that can reach a publish has leads to none: not followed.
                    if (_reachingNames is { } reachingNames && !reachingNames.Contains(step.Callee!.Name))
                    {
                        continue;
                    }

                    foreach (var callee in _dispatch.Targets(step.Callee!, entry?.RunsOn, step.Through))
                    {
                        if (!nodes.ContainsKey(callee) && _libraries.FindPublish(callee, step.Through) is { } library)
                        {
                            if (reached.Add(UnattendedPath.Describe(library.Platform, library.Api)))
                            {
                                shortest ??= Trace(function, cameFrom, start, step.Call, null, library);
                            }
                        }
                        else if (!nodes.ContainsKey(callee) && _libraries.FindDispatches(callee, step.Through) is { } dispatches)
                        {
                            // The library calls a member it cannot resolve itself: on into the implementations seen here,
                            // those of referenced libraries by their summaries and those of this compilation by their steps.
                            foreach (var dispatch in dispatches)
                            {
                                if (_libraries.FindPublish(dispatch) is { } implemented)
                                {
                                    var through = implemented.WithPrefix(dispatch.Prefix);
                                    if (reached.Add(UnattendedPath.Describe(through.Platform, through.Api)))
                                    {
                                        shortest ??= Trace(function, cameFrom, start, step.Call, null, through);
                                    }
                                }

                                if (depth[function] < maxDepth && _libraries.MemberOf(dispatch) is { } member)
                                {
                                    foreach (var implementation in _dispatch.Targets(member, null))
                                    {
                                        if (nodes.ContainsKey(implementation) && !depth.ContainsKey(implementation) && MayReachPublish(implementation)
                                            && LandsIn(implementation.ContainingType, member.ContainingType, dispatch.ClosedInterface))
                                        {
                                            depth[implementation] = depth[function] + 1;
                                            cameFrom[implementation] = (function, step.Call, dispatch.Prefix);
                                            queue.Enqueue(implementation);
                                        }
                                    }
                                }
                            }
                        }
                        else if (depth[function] < maxDepth && !depth.ContainsKey(callee) && MayReachPublish(callee))
                        {
                            depth[callee] = depth[function] + 1;
                            cameFrom[callee] = (function, step.Call, null);
                            queue.Enqueue(callee);
                        }
                    }
                }
            }

            return shortest?.WithMoreTargets(reached.Count - 1);
        }

        /// <summary>
        /// Decides, once every body has been seen, the sends whose destination is a parameter of the function that
        /// makes them (<c>Send(string url, …) => http.PostAsJsonAsync(url, …)</c>, <c>Reply(long chatId, …)</c>) by
        /// the arguments of each call into that function: a call whose argument makes the send a publish (or a send
        /// nobody can resolve) gets it as a step of its own, through the function to the send; a call that passes
        /// another URL, or the requester's chat, gets nothing; a call that passes its own function's parameter is
        /// decided the same way by that function's callers, up to <see cref="MaxAttributionLevels"/> functions up. A
        /// search that enters the function through a call decided here does not count the send again; one that
        /// starts in the function, or enters it another way (a library's call of a port), counts the send as it was
        /// classified with the arguments of every call site. Only the calls into functions with such a send are bound.
        /// </summary>
        public void AttributeToCallers(Compilation compilation, CancellationToken cancellationToken)
        {
            var nodes = _nodes ??= BuildNodes();
            var work = new Queue<(IMethodSymbol Function, Step Step)>();
            foreach (var pair in nodes)
            {
                foreach (var step in pair.Value.Unordered)
                {
                    if (step.Attribution is { Parameters.IsEmpty: false })
                    {
                        work.Enqueue((pair.Key, step));
                    }
                }
            }

            if (work.Count == 0)
            {
                return;
            }

            _dispatch ??= new Dispatch(_sourceTypes);
            var callsByName = new Dictionary<string, List<(IMethodSymbol Caller, Step Step)>>(System.StringComparer.Ordinal);
            foreach (var pair in nodes)
            {
                foreach (var step in pair.Value.Unordered)
                {
                    if (step.Callee is { } callee)
                    {
                        if (!callsByName.TryGetValue(callee.Name, out var calls))
                        {
                            callsByName[callee.Name] = calls = new List<(IMethodSymbol, Step)>();
                        }

                        calls.Add((pair.Key, step));
                    }
                }
            }

            var models = new Dictionary<SyntaxTree, SemanticModel>();
            while (work.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (function, step) = work.Dequeue();
                var attribution = step.Attribution!;
                foreach (var name in NamesCalling(function))
                {
                    if (!callsByName.TryGetValue(name, out var calls))
                    {
                        continue;
                    }

                    foreach (var (caller, call) in calls)
                    {
                        if (!LandsOn(call, function) || !attribution.Attributed.Add(call.Call) || !nodes.TryGetValue(caller, out var callerNode))
                        {
                            continue;
                        }

                        var bindings = attribution.Bindings;
                        var passesOwn = SymbolEqualityComparer.Default.Equals(caller, function);
                        foreach (var parameter in attribution.Parameters)
                        {
                            if (ArgumentAt(compilation, models, call, parameter.Ordinal) is { } argument)
                            {
                                bindings = bindings.Add((parameter, argument));
                                passesOwn &= UrlText.WithoutConversions(argument) is IParameterReferenceOperation passed && CallerBindings.SameParameter(passed.Parameter, parameter);
                            }
                            else
                            {
                                passesOwn = false;
                            }
                        }

                        // A function calling itself with the destination it was given (a retry: Push(url, text, attempt + 1))
                        // sends where its other callers decide: the call is no caller of its own.
                        if (passesOwn)
                        {
                            continue;
                        }

                        if (CallerBindings.Read(bindings, attribution.Publish.Classify, out var consulted) is not { } target)
                        {
                            continue;
                        }

                        // The caller passes parameters of its own: its callers decide, as far as the levels go.
                        var next = attribution.Chain.Length + 1 < MaxAttributionLevels ? OwnParameters(consulted, caller) : ImmutableArray<IParameterSymbol>.Empty;
                        var lifted = new Step(null, step.Call, target, attribution: new Attribution(attribution.Publish, next, bindings, attribution.Chain.Insert(0, (function, call.Call))));
                        callerNode.Add(lifted);
                        if (!next.IsEmpty)
                        {
                            work.Enqueue((caller, lifted));
                        }
                    }
                }
            }
        }

        /// <summary>How many functions up a send's destination is followed from parameter to argument.</summary>
        private const int MaxAttributionLevels = 3;

        /// <summary>The parameters of <paramref name="function"/> among <paramref name="consulted"/>, each once.</summary>
        public static ImmutableArray<IParameterSymbol> OwnParameters(List<IParameterSymbol> consulted, ISymbol function)
        {
            var own = ImmutableArray.CreateBuilder<IParameterSymbol>();
            foreach (var parameter in consulted)
            {
                if (CallerBindings.Of(parameter, function) && !own.Any(p => CallerBindings.SameParameter(p, parameter)))
                {
                    own.Add(parameter);
                }
            }

            return own.ToImmutable();
        }

        // The names a call that lands in function is made by: its own, or an interface member's it implements explicitly.
        private static IEnumerable<string> NamesCalling(IMethodSymbol function)
        {
            yield return function.Name;
            foreach (var implemented in function.ExplicitInterfaceImplementations)
            {
                yield return implemented.Name;
            }
        }

        private bool LandsOn(Step call, IMethodSymbol function)
        {
            if (SymbolEqualityComparer.Default.Equals(call.Callee, function))
            {
                return true;
            }

            foreach (var target in _dispatch!.Targets(call.Callee!, null, call.Through))
            {
                if (SymbolEqualityComparer.Default.Equals(target, function))
                {
                    return true;
                }
            }

            return false;
        }

        // What the call passes to the parameter at ordinal, or null where the call is no invocation or creation of the
        // method the step names (a method group passed on, a mediator's Send landing in its handler).
        private static IOperation? ArgumentAt(Compilation compilation, Dictionary<SyntaxTree, SemanticModel> models, Step call, int ordinal)
        {
            var tree = call.Call.SyntaxTree;
            if (!compilation.ContainsSyntaxTree(tree))
            {
                return null;
            }

            if (!models.TryGetValue(tree, out var model))
            {
#pragma warning disable RS1030 // Only the calls into a function whose send a parameter decides, once each, at compilation end.
                models[tree] = model = compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
            }

            var (method, arguments) = model.GetOperation(call.Call) switch
            {
                IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
                IObjectCreationOperation { Constructor: { } constructor } creation => (constructor, creation.Arguments),
                _ => (null, default),
            };

            if (method is null || !SymbolEqualityComparer.Default.Equals((method.ReducedFrom ?? method).OriginalDefinition, call.Callee))
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

        // The path from start to the publish (or library call) in last: the steps, and where a step went through a
        // library's call of a member it cannot resolve, the library's steps before the implementation, by name.
        private static UnattendedPath Trace(
            IMethodSymbol last, Dictionary<IMethodSymbol, (IMethodSymbol From, SyntaxNode Call, string? Via)> cameFrom, IMethodSymbol start,
            SyntaxNode publish, PublishTarget? target, LibraryPublish? library, ImmutableArray<(IMethodSymbol Function, SyntaxNode Call)> chain = default)
        {
            var steps = new List<(IMethodSymbol, SyntaxNode)>();
            var via = new List<string?>();
            for (var current = last; !SymbolEqualityComparer.Default.Equals(current, start); current = cameFrom[current].From)
            {
                steps.Add((current, cameFrom[current].Call));
                via.Add(cameFrom[current].Via);
            }

            steps.Reverse();
            via.Reverse();
            if (!chain.IsDefaultOrEmpty)
            {
                // A send attributed to a call site: the calls from there down to the helper that sends.
                foreach (var call in chain)
                {
                    steps.Add(call);
                    via.Add(null);
                }
            }

            var vias = via.Exists(v => v is not null) ? via.ToImmutableArray() : ImmutableArray<string?>.Empty;
            return new UnattendedPath(null, start, steps.ToImmutableArray(), publish, target, library, via: vias);
        }

        // Whether an implementation in type answers a library's call of a member of the interface declared by
        // declaring: any, or for a closed generic interface (by its fully qualified name) the types that implement that
        // one or the interface for any type arguments, as Dispatch.Targets has it for a call of this compilation.
        private static bool LandsIn(INamedTypeSymbol? type, INamedTypeSymbol declaring, string? closedInterface)
        {
            if (closedInterface is null)
            {
                return true;
            }

            foreach (var @interface in type?.AllInterfaces ?? ImmutableArray<INamedTypeSymbol>.Empty)
            {
                if (SymbolEqualityComparer.Default.Equals(@interface.OriginalDefinition, declaring.OriginalDefinition)
                    && (HasTypeParameters(@interface) || @interface.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == closedInterface))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"Type.Method", as paths show functions.</summary>
        public static string NameOf(IMethodSymbol method)
            => method.MethodKind == MethodKind.AnonymousFunction ? "lambda"
                : method.Name == WellKnownMemberNames.TopLevelStatementsEntryPointMethodName ? "the top-level program"
                : method.MethodKind == MethodKind.LocalFunction ? method.Name
                : method is { MethodKind: MethodKind.PropertyGet, AssociatedSymbol: { } property } ? (TypeNameOf(method) is { } owner ? owner + "." : string.Empty) + property.Name
                : (TypeNameOf(method) is { } type ? type + "." : string.Empty)
                  + (method.MethodKind switch
                  {
                      MethodKind.Constructor or MethodKind.StaticConstructor => method.ContainingType?.Name,
                      // As written: "operator +=", not the compiler's op_AdditionAssignment.
                      MethodKind.UserDefinedOperator or MethodKind.Conversion => method.ToDisplayString(OperatorFormat),
                      _ => method.Name,
                  });

        private static readonly SymbolDisplayFormat OperatorFormat = new SymbolDisplayFormat(memberOptions: SymbolDisplayMemberOptions.None);

        // A member of a C# 14 extension block is named after the static class that declares the block.
        private static string? TypeNameOf(IMethodSymbol method)
            => method.ContainingType is { IsExtension: true, ContainingType: { } declaring } ? declaring.Name : method.ContainingType?.Name;

        private readonly struct Step
        {
            public Step(IMethodSymbol? callee, SyntaxNode call, PublishTarget? target, INamedTypeSymbol? through = null, Attribution? attribution = null)
            {
                Callee = callee;
                Call = call;
                Target = target;
                Through = through;
                Attribution = attribution;
            }

            /// <summary>For a publish whose destination a parameter decides, or one attributed to a call site: how.</summary>
            public Attribution? Attribution { get; }

            public IMethodSymbol? Callee { get; }

            /// <summary>The closed generic interface the call goes through, when it has one (see <see cref="CallGraph.Through"/>).</summary>
            public INamedTypeSymbol? Through { get; }

            public SyntaxNode Call { get; }

            public PublishTarget? Target { get; }
        }

        /// <summary>How a publish step depends on, or was attributed to, the arguments of calls into its function.</summary>
        private sealed class Attribution
        {
            public Attribution(CallerDependentPublish publish, ImmutableArray<IParameterSymbol> parameters, ImmutableArray<(IParameterSymbol, IOperation)> bindings, ImmutableArray<(IMethodSymbol, SyntaxNode)> chain)
            {
                Publish = publish;
                Parameters = parameters;
                Bindings = bindings;
                Chain = chain;
            }

            /// <summary>The send, as classified where it is made.</summary>
            public CallerDependentPublish Publish { get; }

            /// <summary>The parameters of the step's function whose arguments decide the send; empty once decided.</summary>
            public ImmutableArray<IParameterSymbol> Parameters { get; }

            /// <summary>The arguments already standing for the parameters of the functions below.</summary>
            public ImmutableArray<(IParameterSymbol, IOperation)> Bindings { get; }

            /// <summary>The calls from the step's function down to the function that sends.</summary>
            public ImmutableArray<(IMethodSymbol Function, SyntaxNode Call)> Chain { get; }

            /// <summary>The calls into the step's function that were decided by their arguments.</summary>
            public HashSet<SyntaxNode> Attributed { get; } = new HashSet<SyntaxNode>();
        }

        // Built once, at compilation end, on one thread.
        private sealed class Node
        {
            private readonly List<Step> _steps = new List<Step>();
            private Step[]? _ordered;

            public void Add(Step step) => _steps.Add(step);

            public List<Step> Unordered => _steps;

            // Source order, whatever order concurrent bodies were analysed in: the paths reported are deterministic.
            public Step[] Steps()
                => _ordered ??= _steps
                    .OrderBy(s => s.Call.SyntaxTree.FilePath, System.StringComparer.Ordinal)
                    .ThenBy(s => s.Call.SpanStart)
                    .ThenBy(s => s.Target is null ? 1 : 0)
                    .ToArray();
        }

        /// <summary>
        /// Where a call can land: the method itself, and its implementations and overrides in the compilation. Asked
        /// only of the callees a search reaches: the source types are indexed once by the interfaces they implement and
        /// the classes they derive from (on the first call of an interface member or a virtual method), and each
        /// callee's landings are looked up in the types that can hold one, instead of every method of every type
        /// being matched with its lineage up front.
        /// </summary>
        private sealed class Dispatch
        {
            private static readonly List<IMethodSymbol> None = new List<IMethodSymbol>();
            private readonly IEnumerable<INamedTypeSymbol> _sourceTypes;
            private readonly Dictionary<IMethodSymbol, List<IMethodSymbol>> _implementations = new Dictionary<IMethodSymbol, List<IMethodSymbol>>(SymbolEqualityComparer.Default);
            // Interface (original definition) → the source types that implement it; class → the source types derived from it.
            private Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>? _implementers;
            private Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>? _subclasses;

            public Dispatch(IEnumerable<INamedTypeSymbol> sourceTypes) => _sourceTypes = sourceTypes;

            private void Index()
            {
                _implementers = new Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>(SymbolEqualityComparer.Default);
                _subclasses = new Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>(SymbolEqualityComparer.Default);
                foreach (var type in _sourceTypes)
                {
                    foreach (var @interface in type.AllInterfaces)
                    {
                        Add(_implementers, @interface.OriginalDefinition, type);
                    }

                    for (var current = type.BaseType; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
                    {
                        Add(_subclasses, current.OriginalDefinition, type);
                    }
                }
            }

            private static void Add(Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>> index, INamedTypeSymbol key, INamedTypeSymbol type)
            {
                if (!index.TryGetValue(key, out var list))
                {
                    index[key] = list = new List<INamedTypeSymbol>();
                }

                list.Add(type);
            }

            // The methods of the source types that override or implement the callee (an original definition): an
            // override anywhere down its chain, an implicit implementation by an ordinary instance method of the type that
            // lists the interface, an explicit implementation.
            private List<IMethodSymbol> ImplementationsOf(IMethodSymbol callee)
            {
                if (_implementations.TryGetValue(callee, out var found))
                {
                    return found;
                }

                var declaring = callee.ContainingType?.OriginalDefinition;
                List<IMethodSymbol>? list = null;
                if (declaring is not null && (declaring.TypeKind == TypeKind.Interface || callee.IsVirtual || callee.IsAbstract || callee.IsOverride))
                {
                    if (_implementers is null)
                    {
                        Index();
                    }

                    if (declaring.TypeKind == TypeKind.Interface && _implementers!.TryGetValue(declaring, out var implementers))
                    {
                        foreach (var type in implementers)
                        {
                            AddImplementations(type, callee, ref list);
                        }
                    }

                    if (_subclasses!.TryGetValue(declaring, out var subclasses))
                    {
                        foreach (var type in subclasses)
                        {
                            AddOverrides(type, callee, ref list);
                        }
                    }
                }

                // Source order, whatever order the types were seen in: the path reported is deterministic.
                list?.Sort((a, b) => CompareLocations(a, b));
                return _implementations[callee] = list ?? None;
            }

            private static void AddImplementations(INamedTypeSymbol type, IMethodSymbol callee, ref List<IMethodSymbol>? list)
            {
                if (type.TypeKind == TypeKind.Interface)
                {
                    // A default implementation an interface gives a member of its base interface.
                    foreach (var member in type.GetMembers())
                    {
                        if (member is IMethodSymbol method && method.ExplicitInterfaceImplementations.Any(e => SymbolEqualityComparer.Default.Equals(e.OriginalDefinition, callee)))
                        {
                            AddOnce(ref list, method.OriginalDefinition);
                        }
                    }

                    return;
                }

                foreach (var @interface in type.AllInterfaces)
                {
                    if (!SymbolEqualityComparer.Default.Equals(@interface.OriginalDefinition, callee.ContainingType.OriginalDefinition))
                    {
                        continue;
                    }

                    foreach (var member in @interface.GetMembers(callee.Name))
                    {
                        if (member is not IMethodSymbol interfaceMethod || !SymbolEqualityComparer.Default.Equals(interfaceMethod.OriginalDefinition, callee)
                            || type.FindImplementationForInterfaceMember(interfaceMethod) is not IMethodSymbol implementation)
                        {
                            continue;
                        }

                        // A static abstract member (T.AnnounceAsync(...) where T : IAnnouncer) lands in the static implementations.
                        if (SymbolEqualityComparer.Default.Equals(implementation.ContainingType?.OriginalDefinition, type.OriginalDefinition)
                            && (implementation.MethodKind == MethodKind.ExplicitInterfaceImplementation
                                || (implementation.MethodKind == MethodKind.Ordinary && implementation.IsStatic == callee.IsStatic)))
                        {
                            AddOnce(ref list, implementation.OriginalDefinition);
                        }
                        else if (implementation.DeclaringSyntaxReferences.Length == 0 && implementation.ContainingType is { TypeKind: TypeKind.Class } library)
                        {
                            // A library's base class implements the member and calls an abstract member of its own, which the
                            // type overrides (MediatR's AsyncRequestHandler<T>: Handle(T, CancellationToken) protected abstract).
                            AddOverridesOfAbstract(type, library.OriginalDefinition, ref list);
                        }
                    }
                }
            }

            private static void AddOverridesOfAbstract(INamedTypeSymbol type, INamedTypeSymbol library, ref List<IMethodSymbol>? list)
            {
                for (var current = type; current is not null && current.DeclaringSyntaxReferences.Length > 0; current = current.BaseType)
                {
                    foreach (var member in current.GetMembers())
                    {
                        if (member is IMethodSymbol { IsOverride: true } method)
                        {
                            var root = method;
                            while (root.OverriddenMethod is { } overridden)
                            {
                                root = overridden;
                            }

                            if (root.IsAbstract && SymbolEqualityComparer.Default.Equals(root.ContainingType.OriginalDefinition, library))
                            {
                                AddOnce(ref list, method.OriginalDefinition);
                            }
                        }
                    }
                }
            }

            private static void AddOverrides(INamedTypeSymbol type, IMethodSymbol callee, ref List<IMethodSymbol>? list)
            {
                foreach (var member in type.GetMembers(callee.Name))
                {
                    for (var overridden = (member as IMethodSymbol)?.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
                    {
                        if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, callee))
                        {
                            AddOnce(ref list, ((IMethodSymbol)member).OriginalDefinition);
                            break;
                        }
                    }
                }
            }

            private static void AddOnce(ref List<IMethodSymbol>? list, IMethodSymbol method)
            {
                list ??= new List<IMethodSymbol>();
                if (!list.Contains(method, SymbolEqualityComparer.Default))
                {
                    list.Add(method);
                }
            }

            private static int CompareLocations(IMethodSymbol a, IMethodSymbol b)
            {
                var left = a.Locations.FirstOrDefault();
                var right = b.Locations.FirstOrDefault();
                var byFile = string.CompareOrdinal(left?.SourceTree?.FilePath, right?.SourceTree?.FilePath);
                return byFile != 0 ? byFile : (left?.SourceSpan.Start ?? 0).CompareTo(right?.SourceSpan.Start ?? 0);
            }

            public IEnumerable<IMethodSymbol> Targets(IMethodSymbol callee, INamedTypeSymbol? concreteType, INamedTypeSymbol? through = null)
            {
                // In an inherited trigger, or a job Hangfire activates as one class, a virtual call of the job's own
                // class chain lands in that job's override (the base class's calls on this), not in every other job's.
                if (concreteType is not null && (callee.IsAbstract || callee.IsVirtual || callee.IsOverride)
                    && callee.ContainingType?.TypeKind == TypeKind.Class && Implementation(concreteType, callee) is { } landing)
                {
                    yield return landing;
                    yield break;
                }

                yield return callee;
                foreach (var implementation in ImplementationsOf(callee))
                {
                    // IHandler<Count, int>.Handle lands in the handlers of Count, not in every IHandler's.
                    if (through is null || Implements(implementation.ContainingType, through))
                    {
                        yield return implementation;
                    }
                }
            }

            private static bool Implements(INamedTypeSymbol? type, INamedTypeSymbol through)
            {
                foreach (var @interface in type?.AllInterfaces ?? ImmutableArray<INamedTypeSymbol>.Empty)
                {
                    if (SymbolEqualityComparer.Default.Equals(@interface.OriginalDefinition, through.OriginalDefinition)
                        && (SymbolEqualityComparer.Default.Equals(@interface, through) || HasTypeParameters(@interface) || ConvertsByVariance(through, @interface)))
                    {
                        return true;
                    }
                }

                return false;
            }

            // INotificationHandler<IDomainEvent> answers a call through INotificationHandler<PostScheduled> when
            // PostScheduled is an IDomainEvent: the type parameter is contravariant (in), and an out one the other way.
            private static bool ConvertsByVariance(INamedTypeSymbol through, INamedTypeSymbol candidate)
            {
                var parameters = through.OriginalDefinition.TypeParameters;
                for (var i = 0; i < parameters.Length; i++)
                {
                    var wanted = through.TypeArguments[i];
                    var offered = candidate.TypeArguments[i];
                    if (SymbolEqualityComparer.Default.Equals(wanted, offered))
                    {
                        continue;
                    }

                    var converts = parameters[i].Variance switch
                    {
                        VarianceKind.In => IsBaseOf(offered, wanted),
                        VarianceKind.Out => IsBaseOf(wanted, offered),
                        _ => false,
                    };
                    if (!converts)
                    {
                        return false;
                    }
                }

                return true;
            }

            private static bool IsBaseOf(ITypeSymbol @base, ITypeSymbol derived)
            {
                if (derived.IsValueType)
                {
                    return false; // variance holds for reference types only
                }

                for (var current = derived.BaseType; current is not null; current = current.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(current, @base))
                    {
                        return true;
                    }
                }

                return @base is INamedTypeSymbol { TypeKind: TypeKind.Interface } @interface && derived.AllInterfaces.Contains(@interface, SymbolEqualityComparer.Default);
            }

            private static IMethodSymbol? Implementation(INamedTypeSymbol concreteType, IMethodSymbol callee)
            {
                for (var current = concreteType; current is not null; current = current.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, callee.ContainingType.OriginalDefinition))
                    {
                        return callee;
                    }

                    foreach (var member in current.GetMembers(callee.Name))
                    {
                        for (var method = member as IMethodSymbol; method is not null; method = method.OverriddenMethod)
                        {
                            if (SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, callee))
                            {
                                return ((IMethodSymbol)member).OriginalDefinition;
                            }
                        }
                    }
                }

                return null;
            }
        }
    }

    /// <summary>
    /// A path from an entry point to a publish call: the calls taken in this compilation, in order, then the publish
    /// itself, or the call into a referenced assembly whose summary continues the path by name.
    /// </summary>
    internal sealed class UnattendedPath
    {
        public UnattendedPath(EntryPoint? entry, IMethodSymbol start, ImmutableArray<(IMethodSymbol Function, SyntaxNode Call)> calls, SyntaxNode publish, PublishTarget? target, LibraryPublish? library, int moreTargets = 0, ImmutableArray<string?> via = default)
        {
            Via = via.IsDefault ? ImmutableArray<string?>.Empty : via;
            Entry = entry;
            Start = start;
            Calls = calls;
            Publish = publish;
            Target = target;
            Library = library;
            MoreTargets = moreTargets;
        }

        /// <summary>The entry point searched from; null for a library summary's path.</summary>
        public EntryPoint? Entry { get; }

        public IMethodSymbol Start { get; }

        public ImmutableArray<(IMethodSymbol Function, SyntaxNode Call)> Calls { get; }

        /// <summary>The publish call, or the call into the referenced assembly that publishes.</summary>
        public SyntaxNode Publish { get; }

        /// <summary>The publish in this compilation; null when the path continues in a referenced assembly.</summary>
        public PublishTarget? Target { get; }

        /// <summary>The referenced assembly's method called last, with the rest of the path by name.</summary>
        public LibraryPublish? Library { get; }

        /// <summary>The other publish targets the same entry point reaches.</summary>
        public int MoreTargets { get; }

        /// <summary>
        /// Empty, or one entry per call: the steps of a referenced library before the function called, by name, where
        /// the call went through a library method into an implementation of a member it calls ("Campaign.RunAsync").
        /// </summary>
        public ImmutableArray<string?> Via { get; }

        public string? Platform => Target?.Platform ?? Library?.Platform;

        public string? CatalogId => Target?.CatalogId ?? Library?.CatalogId;

        /// <summary>
        /// Where the diagnostic stands: the entry point, or for an inherited trigger the job's first override on the
        /// path (the job's class when the path passes through none).
        /// </summary>
        public IMethodSymbol? ReportedAt
            => Entry!.ConcreteType is { } job
                ? Calls.Select(c => c.Function).FirstOrDefault(f => SymbolEqualityComparer.Default.Equals(f.ContainingType?.OriginalDefinition, job.OriginalDefinition))
                : null;

        public Location Location => ReportedAt is { } function ? EntryPoint.FirstLocation(function) : Entry!.Location;

        /// <summary>"NightlyJob.Execute (a Quartz job)", "NightlyJob.Run (a Quartz job, run by JobBase.Execute)".</summary>
        public string EntryText => Entry!.Describe(ReportedAt);

        public UnattendedPath For(EntryPoint entry) => new UnattendedPath(entry, Start, Calls, Publish, Target, Library, MoreTargets, Via);

        public UnattendedPath WithMoreTargets(int count) => new UnattendedPath(Entry, Start, Calls, Publish, Target, Library, count, Via);

        /// <summary>The steps after the start, by name: "Poster.Post → MastodonClient.PublishStatus".</summary>
        public string Tail()
            => string.Join(" → ", Calls.Select((c, i) => !Via.IsEmpty && Via[i] is { } via ? via + " → " + CallGraph.NameOf(c.Function) : CallGraph.NameOf(c.Function))
                .Concat(new[] { Library?.Path ?? Target!.Steps }));

        /// <summary>"DailyTipWorker.ExecuteAsync → Poster.Post → MastodonClient.PublishStatus", then "and 2 more publish targets".</summary>
        public string Describe()
        {
            var first = Entry is { Lambda: not null } && Entry.Function.MethodKind != MethodKind.LocalFunction ? Entry.Reason : CallGraph.NameOf(Start);
            // An inherited trigger whose base publishes in its own project: the summary's path starts at the base.
            var path = Calls.IsEmpty && Library is { } library && library.Path.StartsWith(first + " → ", System.StringComparison.Ordinal)
                ? library.Path
                : first + " → " + Tail();

            // A raw HTTP send says where it posts, as PRES001 does (token segments and the query already left out).
            if (Library is null && Target is { Kind: PublishKind.Endpoint, Note: { } request })
            {
                path += " (" + request + ")";
            }

            return MoreTargets switch
            {
                0 => path,
                1 => path + " and 1 more publish target",
                _ => path + " and " + MoreTargets.ToString(System.Globalization.CultureInfo.InvariantCulture) + " more publish targets",
            };
        }

        /// <summary>The steps in this compilation, for the diagnostic's additional locations (never a location of another compilation).</summary>
        public IEnumerable<Location> Locations()
            => Calls.Select(c => c.Call.GetLocation()).Concat(new[] { Publish.GetLocation() });

        /// <summary>The same key as <see cref="PublishTarget.Describe"/> for a publish a summary names.</summary>
        public static string Describe(string? platform, string api)
            => platform is null ? "Publishes through '" + api + "'" : "Posts to " + platform + " through '" + api + "'";
    }

    /// <summary>
    /// A call of a function of the compilation in a body that decided nothing, as the call action saw it: what
    /// compilation end asks of it (the owner's definition, the callee's name) is read while the symbols are at hand.
    /// </summary>
    internal readonly struct PlainCall
    {
        public PlainCall(IMethodSymbol owner, IMethodSymbol callee, SyntaxNode call)
        {
            Owner = owner;
            Callee = callee;
            CalleeName = callee.Name;
            Call = call;
            Through = CallGraph.Through(callee);
        }

        /// <summary>The definition of the function whose body makes the call.</summary>
        public IMethodSymbol Owner { get; }

        public IMethodSymbol Callee { get; }

        public string CalleeName { get; }

        public SyntaxNode Call { get; }

        /// <summary>The closed generic interface the call goes through, if any (see <see cref="CallGraph.Through"/>).</summary>
        public INamedTypeSymbol? Through { get; }

        public void Deconstruct(out IMethodSymbol owner, out IMethodSymbol callee, out SyntaxNode call)
        {
            owner = Owner;
            callee = Callee;
            call = Call;
        }
    }
}
