using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using Microsoft.CodeAnalysis;
using Presence.Analyzers.Audit;
using Presence.Analyzers.Catalog;
using Presence.Analyzers.Configuration;
using Presence.Analyzers.Flow;
using Presence.Analyzers.Gates;
using Presence.Analyzers.Model;
using Presence.Analyzers.Paths;
using Presence.Compilations;
using Presence.Gates;

namespace Presence.Analyzers.Rules
{
    /// <summary>
    /// The rules about publishing without a person, from one pass over each body:
    /// PRES001, a publish call that no positive confirmation guards; PRES004, the same where a person was asked on
    /// every path but the answer does not guard it (the more precise diagnosis of the same root cause);
    /// PRES002 and PRES003, a path from an unattended entry point or an incoming-message handler to an unguarded
    /// publish, found at compilation end over the calls collected here (see <see cref="CallGraph"/>). A publish in
    /// the entry point's own body is reported once, as PRES002/PRES003, and also as PRES008 when it publishes
    /// machine-written text nobody read (a harm of its own, which [AutomatedPresence] does not excuse either).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnconfirmedPublishAnalyzer : DiagnosticAnalyzer
    {
        // Null in the compiler; the publishing map's instance is told every site (see PublishingObserver).
        private readonly PublishingObserver? _observer;

        public UnconfirmedPublishAnalyzer()
        {
        }

        internal UnconfirmedPublishAnalyzer(PublishingObserver observer)
        {
            _observer = observer;
        }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            PresenceDiagnostics.UnconfirmedPublish,
            PresenceDiagnostics.UnconfirmedPublishWithoutCallers,
            PresenceDiagnostics.UnconfirmedPublishInProperty,
            PresenceDiagnostics.ConfirmationIgnored,
            PresenceDiagnostics.UnattendedPublish,
            PresenceDiagnostics.AutomatedReply,
            PresenceDiagnostics.AutomatedAnswerToRequest,
            PresenceDiagnostics.AutomatedPublishOnPress,
            PresenceDiagnostics.ApprovalDoesNotCoverContent,
            PresenceDiagnostics.ApprovalDoesNotCoverContentUnattended,
            PresenceDiagnostics.ApprovalDoesNotCoverContentAlsoInJob,
            PresenceDiagnostics.ApprovalStaleAfterWait,
            PresenceDiagnostics.MachineWrittenUnreviewed,
            PresenceDiagnostics.MachineWrittenUnreviewedAtEnd,
            PresenceDiagnostics.UnresolvedSend,
            PresenceDiagnostics.UnreadableSettingsFile);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var model = PresenceModel.TryCreate(start.Compilation, start.Options, start.CancellationToken);
                if (model is null)
                {
                    return;
                }

                // Where no call can be a publish or a send, nothing can be reported but the settings files' problems: no
                // call is looked at and no step kept (the publishing map is told every call, so it always looks).
                if (_observer is null && !model.MaySend(start.CancellationToken))
                {
                    if (!model.Urls.Settings.Problems.IsEmpty)
                    {
                        start.RegisterCompilationEndAction(end => ReportSettingsProblems(end, model));
                    }

                    return;
                }

                model.ReadDeclaringNames();
                var graph = new CallGraph(model.Libraries);
                var entryPoints = new EntryPoints(start.Compilation);
                var agentTools = AgentTools.For(start.Compilation);
                var assembly = start.Compilation.Assembly;

                // A call a generated gate covers is PRES009's (GateBypassAnalyzer), not a publish to guard here. Asked
                // on the first declared publish call: a compilation (or an open file) without one never looks for gates.
                // The same shortcut as PRES009's: where no file names [GeneratePublisherGate], the generator wrote no
                // gate, and the declaration table is not walked for a gate's name.
                var compilation = start.Compilation;
                var cancellationToken = start.CancellationToken;
                var gates = new Lazy<GateCatalog?>(
                    () => compilation.GetBestTypeByMetadataName(GateShape.AttributeMetadataName) is not { } attribute
                          || !GatedInterfaces.MayExist(compilation, sourceMayDeclare: NameUse.Of(compilation, attribute, references: false, cancellationToken).InSource, cancellationToken)
                        ? null
                        : new GateCatalog(cancellationToken),
                    LazyThreadSafetyMode.ExecutionAndPublication);
                var calls = new CallTraits(model, agentTools, assembly, _observer, entryPoints.Runners);
                var byUse = new EntriesByUse(entryPoints, model.Scopes, start.Compilation);
                var libraryWorkers = LibraryWorkers.For(model.Libraries, compilation);
                var bodies = new Bodies(model, entryPoints, byUse, graph, agentTools, gates, start.Options, assembly, _observer, start.Compilation);
                graph.ReadSubclassSendsWith((inherited, job, send) => SubclassUrls.Classify(model, bodies.OptionsOf, inherited, job, send, cancellationToken));
                graph.ReadUnresolvedForJobWith((call, job) => SubclassUrls.ClassifyForJob(model, bodies.OptionsOf, call, job, cancellationToken));

                start.RegisterSymbolAction(symbol =>
                {
                    var type = (INamedTypeSymbol)symbol.Symbol;
                    graph.AddType(type);
                    agentTools?.NoteType(type);
                    if (entryPoints.OfType(type) is { } inherited)
                    {
                        graph.AddEntry(inherited);
                    }
                }, SymbolKind.NamedType);

                // One cheap action per call, as the floor of any invocation rule: most calls go to the framework and
                // are dismissed by one lookup; a call into the compilation is one step for the path search; only a
                // body with something to decide (a publish, a confirmation, a registered callback) is analysed in
                // full, once, on its control-flow graph.
                start.RegisterOperationAction(operation =>
                {
                    // By kind, then one cast: a type pattern per kind tested the operation against each interface in turn.
                    var callee = operation.Operation.Kind switch
                    {
                        OperationKind.Invocation => ((IInvocationOperation)operation.Operation).TargetMethod,
                        OperationKind.MethodReference => ((IMethodReferenceOperation)operation.Operation).Method,
                        OperationKind.ObjectCreation => ((IObjectCreationOperation)operation.Operation).Constructor,
                        // The Dispose a using runs is a step like a call. A getter (Task Announced => …) is one too, but
                        // a callback for every property read cost a quarter of this action: a getter's reads are looked
                        // for at compilation end, only for getters that call something (AddGetterReads).
                        OperationKind.Using or OperationKind.UsingDeclaration => CallGraph.DisposalStep(operation.Operation),
                        _ => null,
                    };

                    var traits = callee is not null ? calls.Of(callee)
                        : operation.Operation is IEventAssignmentOperation assignment && !entryPoints.Registrations(assignment).IsEmpty ? CallTrait.Decides
                        : CallTrait.None;
                    if ((traits & CallTrait.Sleeps) != 0 && operation.Operation is IInvocationOperation sleep && EntryPoints.DaemonLoopAround(sleep) is not null)
                    {
                        traits |= CallTrait.Decides;
                    }

                    // A field's or property's delegate run here (await _work()): what it was given is looked at with the body.
                    if (traits == CallTrait.None && callee is { MethodKind: MethodKind.DelegateInvoke } && EntryPoints.StoredDelegateOf((IInvocationOperation)operation.Operation) is not null)
                    {
                        traits = CallTrait.Decides;
                    }

                    if ((traits & (CallTrait.Decides | CallTrait.Step)) != 0)
                    {
                        bodies.Note(operation, callee!, traits);
                    }

                    // Only where a library's hosted service posts to a URL this compilation's settings make a publish.
                    if (libraryWorkers is not null && operation.Operation.Kind is OperationKind.Invocation or OperationKind.ObjectCreation)
                    {
                        libraryWorkers.Note(operation.Operation);
                    }
                }, OperationKind.Invocation, OperationKind.MethodReference, OperationKind.ObjectCreation, OperationKind.EventAssignment,
                   OperationKind.Using, OperationKind.UsingDeclaration);

                // Only for the publishing map: the sends of exempt bodies, and every call the rules do not count as a
                // publish (most of which the action above dismisses by its traits).
                if (_observer is { } observer)
                {
                    // The map lists every entry point, also one whose body calls nothing a path follows: a handler that
                    // only answers in the requester's chat, a service that only registers callbacks, a justified one.
                    start.RegisterSymbolAction(symbol =>
                    {
                        if (OwnerEntry(entryPoints, (IMethodSymbol)symbol.Symbol) is { } entry)
                        {
                            graph.AddEntry(entry);
                        }
                    }, SymbolKind.Method);

                    start.RegisterOperationBlockStartAction(block =>
                    {
                        if (model.Scopes.IsExemptMember(block.OwningSymbol))
                        {
                            PublishingObserver.ObserveExemptBody(observer, block, model);
                        }
                    });

                    start.RegisterOperationAction(operation =>
                    {
                        var invocation = (IInvocationOperation)operation.Operation;
                        if (model.Scopes.IsExemptMember(operation.ContainingSymbol))
                        {
                            return;
                        }

                        var options = bodies.OptionsOf(invocation.Syntax.SyntaxTree);
                        if (model.Classify(invocation, options) is null)
                        {
                            observer.OnCall(operation.Compilation, operation.ContainingSymbol, invocation, model, options);
                        }
                    }, OperationKind.Invocation);
                }

                start.RegisterCompilationEndAction(end =>
                {
                    // Decided here, when every body has been seen (a publish may be in the last file): with no unguarded
                    // publish or send anywhere and no library that publishes, no path can end, so the plain steps and
                    // their owners are not looked at. The publishing map is told every step and entry point regardless.
                    if (libraryWorkers is not null)
                    {
                        foreach (var registered in libraryWorkers.Entries())
                        {
                            graph.AddEntry(registered);
                        }
                    }

                    var searchPaths = _observer is not null || graph.MayEndInPublish;
                    if (searchPaths)
                    {
                        bodies.AddPlainSteps(end.CancellationToken);
                        bodies.ReportHandedMachineText(end);
                        graph.AttributeToCallers(end.Compilation, end.CancellationToken);
                    }

                    var unresolvedReported = new HashSet<SyntaxNode>();
                    foreach (var path in searchPaths ? graph.FindPaths(entry => MaxPathDepth(end.Options, entry), end.CancellationToken) : Enumerable.Empty<UnattendedPath>())
                    {
                        if (path.Target?.Kind == PublishKind.Unresolved)
                        {
                            // Only unattended paths: a handler's own sends are answers, and one note per send is enough.
                            if (path.Entry!.Kind == EntryKind.Unattended && unresolvedReported.Add(path.Publish))
                            {
                                end.ReportDiagnostic(Diagnostic.Create(
                                    PresenceDiagnostics.UnresolvedSend, path.Publish.GetLocation(), path.Locations().Take(path.Calls.Length), Properties(path.Target),
                                    path.Target.Describe(), path.Describe()));
                            }

                            continue;
                        }

                        var descriptor = path.Entry!.Kind == EntryKind.Unattended ? PresenceDiagnostics.UnattendedPublish
                            : path.Entry.AnswersAnyCaller ? PresenceDiagnostics.AutomatedAnswerToRequest
                            : ButtonPresses.Publishes(path) ? PresenceDiagnostics.AutomatedPublishOnPress
                            : PresenceDiagnostics.AutomatedReply;
                        end.ReportDiagnostic(Diagnostic.Create(
                            descriptor,
                            path.Location,
                            path.Locations(),
                            Properties(path.Platform, path.CatalogId),
                            path.EntryText,
                            path.Describe()));
                    }

                    agentTools?.ReportToolsCalledOtherwise(end, graph.KeptCalls().Concat(bodies.KeptCalls()));
                    agentTools?.Report(end, searchPaths ? graph : null, tree => tree is null ? PresenceOptions.DefaultMaxPathDepth : PresenceOptions.Read(end.Options.AnalyzerConfigOptionsProvider.GetOptions(tree)).MaxPathDepth,
                        method => model.Confirmations.Classify(method) is not null);

                    ReportSettingsProblems(end, model);
                    _observer?.OnCompilationEnd(end.Compilation, graph.Entries);
                });
            });
        }

        private static void ReportSettingsProblems(CompilationAnalysisContext end, PresenceModel model)
        {
            foreach (var problem in model.Urls.Settings.Problems)
            {
                end.ReportDiagnostic(Diagnostic.Create(PresenceDiagnostics.UnreadableSettingsFile, problem.Location, problem.Message));
            }
        }

        // The bound of the entry point's own file; a value that cannot be read is reported as PRES100.
        private static int MaxPathDepth(AnalyzerOptions options, EntryPoint entry)
            => entry.Location.SourceTree is { } tree
                ? PresenceOptions.Read(options.AnalyzerConfigOptionsProvider.GetOptions(tree)).MaxPathDepth
                : PresenceOptions.DefaultMaxPathDepth;

        // For tools and tests: which catalog entry or endpoint matched, and where it posts.
        private static ImmutableDictionary<string, string?> Properties(PublishTarget target) => Properties(target.Platform, target.CatalogId);

        private static ImmutableDictionary<string, string?> Properties(string? platform, string? catalogId)
            => ImmutableDictionary<string, string?>.Empty
                .Add("Platform", platform)
                .Add("CatalogId", catalogId);

        // An entry point whose own body is searched from (and in whose body a publish is reported as the path). A
        // trigger an abstract class implements is searched from each concrete job that inherits it instead.
        private static EntryPoint? OwnerEntry(EntryPoints entryPoints, IMethodSymbol? owner)
            => owner is null || entryPoints.OfMethod(owner) is not { } entry || entry.RunsThroughSubclasses ? null : entry;

        [Flags]
        private enum CallTrait : byte
        {
            None = 0,

            /// <summary>A call into the compilation: a step a path may take.</summary>
            Step = 1,

            /// <summary>May publish, confirm, register a callback or hand a tool to an agent: the body is analysed in full.</summary>
            Decides = 2,

            /// <summary>Sleeps (Task.Delay, Thread.Sleep): the body is analysed in full only when the sleep is in a daemon loop.</summary>
            Sleeps = 4,

            /// <summary>Asks a language model (with <see cref="Decides"/>): the body may return machine-written text.</summary>
            AsksModel = 8,
        }

        // A call of a partial method binds to its declaration; the body that runs is the implementation's.
        private static IMethodSymbol Landing(IMethodSymbol callee) => callee.PartialImplementationPart ?? callee;

        /// <summary>What calling a method can mean, decided once per method of the compilation and cached.</summary>
        private sealed class CallTraits
        {
            private readonly PresenceModel _model;
            private readonly AgentTools? _agentTools;
            private readonly IAssemblySymbol _assembly;
            private readonly PublishingObserver? _observer;
            private readonly ConcurrentDictionary<IMethodSymbol, CallTrait> _cache = new ConcurrentDictionary<IMethodSymbol, CallTrait>(SameObject<IMethodSymbol>.Instance);
            private readonly Func<IMethodSymbol, CallTrait> _compute;
            // Whether a method of the compilation can register a callback, start work in the background or sleep.
            private readonly bool _sourceMayRegister;

            private readonly DelegateRunners _runners;

            public CallTraits(PresenceModel model, AgentTools? agentTools, IAssemblySymbol assembly, PublishingObserver? observer, DelegateRunners runners)
            {
                _runners = runners;
                _model = model;
                _observer = observer;
                _agentTools = agentTools;
                _assembly = assembly;
                _sourceMayRegister = EntryPoints.SourceMayDeclareCallbackApis(model.Compilation);
                _compute = method => Compute(method, own: false);
            }

            // Cached for methods of other assemblies (the framework's few hundred, called everywhere). A method of the
            // compilation is called from one or two places: a cache entry each cost more than computing its traits
            // again, above all the lock every addition takes while the other threads of the pass add theirs.
            // The cache is asked first: most calls are of the framework, which then need no comparison of assemblies.
            public CallTrait Of(IMethodSymbol method)
            {
                var definition = (method.ReducedFrom ?? method).OriginalDefinition;
                if (_cache.TryGetValue(definition, out var traits))
                {
                    return traits;
                }

                return definition.ContainingAssembly is { } assembly && (ReferenceEquals(assembly, _assembly) || SymbolEqualityComparer.Default.Equals(assembly, _assembly))
                    ? Compute(definition, own: true)
                    : _cache.GetOrAdd(definition, _compute);
            }

            // A superset of what BodyCollector finds: a false "Decides" costs one body analysed in full, a missed one a finding.
            private CallTrait Compute(IMethodSymbol method, bool own)
            {
                var traits = CallTrait.None;
                // A language model's call: what it writes may be handed to a helper that publishes it (PRES008).
                var asksModel = !own && _model.MachineWriters?.Writes(method) == true;
                // A method no attribute, declared API or catalog entry can make a publisher or a confirmation by its name
                // is not walked up its overrides and interfaces (most methods of the compilation).
                var mayRegister = !own || _sourceMayRegister;
                if ((_model.MayDeclare(method) ? _model.MayPublish(method) || _model.Confirmations.Confirms(method) : _model.MayRequest(method))
                    || (mayRegister && (EntryPoints.MayRegister(method) || EntryPoints.MayStartInBackground(method)))
                    || method is { Name: "WaitForNextTickAsync", ContainingType.Name: "PeriodicTimer" }
                    || _agentTools?.MayMakeTool(method) == true
                    // A helper of the compilation that runs a delegate it is given unattended (Every(period, work)):
                    // most methods have no delegate parameter, which the cheap test finds first.
                    || (own && DelegateRunners.MayRun(method) && _runners.RunsAny(method))
                    || asksModel)
                {
                    traits |= asksModel ? CallTrait.Decides | CallTrait.AsksModel : CallTrait.Decides;
                }
                else if (mayRegister && EntryPoints.IsSleep(method))
                {
                    // Most sleeps are a retry's back-off or a test's wait: only one in a daemon loop makes an entry point.
                    traits |= CallTrait.Sleeps;
                }

                // A call into the compilation, or into a referenced assembly whose summary says it publishes (see NoteCall).
                if (method.MethodKind is not (MethodKind.LocalFunction or MethodKind.AnonymousFunction)
                    && (own || _model.Libraries.Follows(method) || CallGraph.MayDispatchIntoSource(method) || _observer?.Follows(method.ContainingAssembly) == true))
                {
                    traits |= CallTrait.Step;
                }

                return traits;
            }
        }

        /// <summary>
        /// The bodies of the compilation: each one with something to decide is collected and analysed once, from the
        /// first operation that shows it; the calls of every other body are plain steps for the path search, kept
        /// until compilation end (where a body that turned out to decide something has its own steps, guarded or not).
        /// </summary>
        private sealed class Bodies
        {
            private readonly PresenceModel _model;
            private readonly EntryPoints _entryPoints;
            private readonly EntriesByUse _byUse;
            private readonly CallGraph _graph;
            private readonly AgentTools? _agentTools;
            private readonly Lazy<GateCatalog?> _gates;
            private readonly AnalyzerOptions _options;
            private readonly IAssemblySymbol _assembly;
            // Each decided body's findings by the syntax they are on: each is reported from the action of its own
            // operation (a diagnostic stays local to what reported it, as the IDE and code fixes expect).
            private readonly ConcurrentDictionary<SyntaxNode, Lazy<Dictionary<TextSpan, List<Diagnostic>>>> _decided
                = new ConcurrentDictionary<SyntaxNode, Lazy<Dictionary<TextSpan, List<Diagnostic>>>>();
            private static readonly Dictionary<TextSpan, List<Diagnostic>> NoFindings = new Dictionary<TextSpan, List<Diagnostic>>();
            // With where its body starts, to tell at compilation end without reading the body (see AddPlainSteps).
            private readonly ConcurrentQueue<(PlainCall Call, SyntaxNode Body, int BodyStart)> _steps
                = new ConcurrentQueue<(PlainCall, SyntaxNode, int)>();
            // The functions that ask a language model and return something: where machine-written text may come from.
            private readonly ConcurrentQueue<IMethodSymbol> _modelAskers = new ConcurrentQueue<IMethodSymbol>();
            private readonly ConcurrentDictionary<SyntaxTree, PresenceOptions> _treeOptions = new ConcurrentDictionary<SyntaxTree, PresenceOptions>();
            private readonly Func<SyntaxTree, PresenceOptions> _readOptions;
            private readonly PublishingObserver? _observer;
            private readonly Compilation _compilation;

            public Bodies(PresenceModel model, EntryPoints entryPoints, EntriesByUse byUse, CallGraph graph, AgentTools? agentTools, Lazy<GateCatalog?> gates, AnalyzerOptions options, IAssemblySymbol assembly, PublishingObserver? observer, Compilation compilation)
            {
                _byUse = byUse;
                _observer = observer;
                _compilation = compilation;
                _model = model;
                _entryPoints = entryPoints;
                _graph = graph;
                _agentTools = agentTools;
                _gates = gates;
                _options = options;
                _assembly = assembly;
                _readOptions = tree => PresenceOptions.Read(_options.AnalyzerConfigOptionsProvider.GetOptions(tree));
            }

            /// <summary>The options of a file, read once.</summary>
            public PresenceOptions OptionsOf(SyntaxTree tree) => _treeOptions.GetOrAdd(tree, _readOptions);

            public void Note(OperationAnalysisContext context, IMethodSymbol callee, CallTrait traits)
            {
                var decides = (traits & CallTrait.Decides) != 0;
                var body = context.Operation;
                for (var parent = body.Parent; parent is not null; parent = parent.Parent)
                {
                    // A lambda or local function with attributes may be exempt ([AutomatedPresence]): the collector decides.
                    // Asked of every parent of every call by its kind (a field), not by interface type tests.
                    switch (parent.Kind)
                    {
                        case OperationKind.AnonymousFunction:
                            decides |= parent.Syntax is LambdaExpressionSyntax { AttributeLists.Count: > 0 };
                            break;
                        case OperationKind.LocalFunction:
                            decides |= parent.Syntax is LocalFunctionStatementSyntax { AttributeLists.Count: > 0 };
                            break;
                    }

                    body = parent;
                }

                if (decides)
                {
                    if ((traits & CallTrait.AsksModel) != 0 && EntryPoints.OwnerOf(context.ContainingSymbol) is { } asker && MayReturnText(asker))
                    {
                        _modelAskers.Enqueue(asker.OriginalDefinition);
                    }

                    var root = body;
                    var first = context;
                    var findings = _decided.GetOrAdd(body.Syntax, _ => new Lazy<Dictionary<TextSpan, List<Diagnostic>>>(() =>
                    {
                        var options = OptionsOf(root.Syntax.SyntaxTree);
                        var found = new Dictionary<TextSpan, List<Diagnostic>>();
                        if (_model.Scopes.IsExemptMember(first.ContainingSymbol))
                        {
                            // Under [AutomatedPresence] a publish needs no person, but machine-written text still needs a
                            // reader: the body is judged for PRES008 alone, and adds nothing to the paths (its own
                            // graph is thrown away; the publishing map lists the body as justified).
                            if ((_model.MachineWriters is null && _agentTools is null) || !_model.Scopes.IsAutomatedOnly(first.ContainingSymbol))
                            {
                                return NoFindings;
                            }

                            new BodyCollector(_model, _entryPoints, _byUse, new CallGraph(_model.Libraries), _agentTools, _gates, options, _assembly, EntryPoints.OwnerOf(first.ContainingSymbol), observer: null, machineTextOnly: true)
                                .Collect(root, BodyContext.Of(first), diagnostic =>
                                {
                                    if (diagnostic.Descriptor == PresenceDiagnostics.MachineWrittenUnreviewed)
                                    {
                                        Add(found, diagnostic);
                                    }
                                });
                            return found;
                        }

                        new BodyCollector(_model, _entryPoints, _byUse, _graph, _agentTools, _gates, options, _assembly, EntryPoints.OwnerOf(first.ContainingSymbol), _observer)
                            .Collect(root, BodyContext.Of(first), diagnostic => Add(found, diagnostic));
                        return found;
                    }, LazyThreadSafetyMode.ExecutionAndPublication)).Value;
                    ReportFound(context, findings);
                }
                else if (EntryPoints.OwnerOf(context.ContainingSymbol) is { } owner)
                {
                    // A call into the compilation in a body analysed in full (one that asks a language model first) may
                    // hand it machine-written text: its finding is reported here.
                    if (_model.MachineWriters is not null && _decided.TryGetValue(body.Syntax, out var decided))
                    {
                        ReportFound(context, decided.Value);
                    }

                    callee = Landing(callee.ReducedFrom ?? callee);
                    callee = _model.Mediators?.HandlerOf(context.Operation, callee) ?? callee;
                    _steps.Enqueue((new PlainCall(owner.OriginalDefinition, callee, context.Operation.Syntax), body.Syntax, body.Syntax.SpanStart));
                }
            }

            private static void ReportFound(OperationAnalysisContext context, Dictionary<TextSpan, List<Diagnostic>> findings)
            {
                List<Diagnostic>? mine = null;
                lock (findings)
                {
                    // Removed once reported: two operations on one span never report a finding twice. The operations
                    // around this one are visited before it (Post(await writer.DraftAsync()): the call that decides the
                    // body is inside the one a finding is about), so what is found on them is reported here too.
                    for (var operation = context.Operation; operation is not null; operation = operation.Parent)
                    {
                        if (findings.TryGetValue(operation.Syntax.Span, out var found))
                        {
                            findings.Remove(operation.Syntax.Span);
                            (mine ??= new List<Diagnostic>()).AddRange(found);
                        }
                    }
                }

                foreach (var diagnostic in mine ?? Enumerable.Empty<Diagnostic>())
                {
                    context.ReportDiagnostic(diagnostic);
                }
            }

            // By span: each finding is on the syntax of the operation it is about (a publish call, a tool registration).
            private static void Add(Dictionary<TextSpan, List<Diagnostic>> found, Diagnostic diagnostic)
            {
                var at = diagnostic.Location.SourceSpan;
                if (!found.TryGetValue(at, out var list))
                {
                    found[at] = list = new List<Diagnostic>();
                }

                list.Add(diagnostic);
            }

            /// <summary>
            /// The reads of a property whose getter returns a task and calls something (<c>Task Announced =&gt;
            /// poster.PostAsync(…)</c>), as steps of the reading functions into the getter: found by the property's name
            /// in the files that spell it, only for the few such getters among the bodies seen. A read in a body analysed in
            /// full is its step already.
            /// </summary>
            private void AddGetterReads(List<PlainCall> plain, CancellationToken cancellationToken)
            {
                Dictionary<IPropertySymbol, IMethodSymbol>? getters = null;
                void Consider(IMethodSymbol? owner)
                {
                    if (owner is { MethodKind: MethodKind.PropertyGet, AssociatedSymbol: IPropertySymbol { Type.Name: "Task" or "ValueTask", IsIndexer: false } property })
                    {
                        (getters ??= new Dictionary<IPropertySymbol, IMethodSymbol>(SymbolEqualityComparer.Default))[property.OriginalDefinition] = owner.OriginalDefinition;
                    }
                }

                IMethodSymbol? last = null;
                foreach (var step in plain)
                {
                    if (!ReferenceEquals(step.Owner, last))
                    {
                        last = step.Owner;
                        Consider(last);
                    }
                }

                foreach (var body in _decided.Keys)
                {
                    // A getter whose own body publishes or decides: an arrow or a get accessor of a property.
                    var accessor = body.FirstAncestorOrSelf<AccessorDeclarationSyntax>();
                    var property = body.FirstAncestorOrSelf<PropertyDeclarationSyntax>();
                    if (property is not null && (accessor is null || accessor.IsKind(SyntaxKind.GetAccessorDeclaration))
                        && property.Type.ToString() is var type && (type.EndsWith("Task", StringComparison.Ordinal) || type.Contains("Task<")))
                    {
                        Consider((_compilation.GetSemanticModel(body.SyntaxTree).GetDeclaredSymbol(property, cancellationToken) as IPropertySymbol)?.GetMethod);
                    }
                }

                if (getters is null)
                {
                    return;
                }

                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in getters.Keys)
                {
                    names.Add(property.Name);
                }

                foreach (var tree in _compilation.SyntaxTrees)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var text = tree.GetText(cancellationToken).ToString();
                    var spelled = false;
                    foreach (var name in names)
                    {
                        spelled |= text.IndexOf(name, StringComparison.Ordinal) >= 0;
                    }

                    if (!spelled)
                    {
                        continue;
                    }

                    SemanticModel? model = null;
                    foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                    {
                        if (node is not IdentifierNameSyntax identifier || !names.Contains(identifier.Identifier.ValueText)
                            || identifier.Parent is AssignmentExpressionSyntax { Left: var left } && left == identifier
                            || identifier.Parent is MemberAccessExpressionSyntax { Name: var name, Parent: AssignmentExpressionSyntax { Left: var target } } access && name == identifier && target == access)
                        {
                            continue;
                        }

                        model ??= _compilation.GetSemanticModel(tree);
                        if (model.GetSymbolInfo(identifier, cancellationToken).Symbol is not IPropertySymbol read
                            || !getters.TryGetValue(read.OriginalDefinition, out var getter))
                        {
                            continue;
                        }

                        var owner = model.GetEnclosingSymbol(identifier.SpanStart, cancellationToken);
                        while (owner is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } nested)
                        {
                            owner = nested.ContainingSymbol;
                        }

                        if (owner is IMethodSymbol reader && !SymbolEqualityComparer.Default.Equals(reader.OriginalDefinition, getter))
                        {
                            var call = identifier.Parent is MemberAccessExpressionSyntax member && member.Name == identifier ? member : (SyntaxNode)identifier;
                            plain.Add(new PlainCall(reader.OriginalDefinition, getter, call));
                        }
                    }
                }
            }

            /// <summary>
            /// PRES008 where a body hands a writer helper's text on to a method that publishes it, and was not analysed for
            /// anything else (it publishes, asks a model or a person, or sends a request of its own): which bodies may, is
            /// found here by symbol over the calls kept, and only those few are analysed. The text's sources are the
            /// functions that ask a model and return something, and those that return something and call one, 8 helpers
            /// deep as <see cref="ReturnedContent"/> follows them; what is returned and what is published is decided by
            /// the body's flow, as for any other body. After <see cref="AddPlainSteps"/> (which functions reach a publish).
            /// </summary>
            public void ReportHandedMachineText(CompilationAnalysisContext end)
            {
                if (_model.MachineWriters is null || _modelAskers.IsEmpty)
                {
                    return;
                }

                var cancellationToken = end.CancellationToken;

                // The writers widened upwards, a level of callers at a time, through callers that return something: each
                // level a pass over the calls kept, by the called method's name first (kept with each plain call: no
                // symbol is read for a call that cannot be one of a writer's).
                var writers = new HashSet<IMethodSymbol>(_modelAskers, SymbolEqualityComparer.Default);
                var level = writers.ToList();
                for (var depth = 0; depth < 8 && level.Count > 0; depth++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var names = new HashSet<string>(level.Select(writer => writer.Name), StringComparer.Ordinal);
                    var called = new HashSet<IMethodSymbol>(level, SymbolEqualityComparer.Default);
                    var next = new List<IMethodSymbol>();
                    foreach (var (step, _, _) in _steps)
                    {
                        if (names.Contains(step.CalleeName) && MayReturnText(step.Owner) && called.Contains(step.Callee.OriginalDefinition) && writers.Add(step.Owner))
                        {
                            next.Add(step.Owner);
                        }
                    }

                    foreach (var (caller, callee, _) in _graph.KeptCalls())
                    {
                        if (names.Contains(callee.Name) && MayReturnText(caller) && called.Contains(callee) && writers.Add(caller))
                        {
                            next.Add(caller);
                        }
                    }

                    level = next;
                }

                var writerNames = new HashSet<string>(writers.Select(writer => writer.Name), StringComparer.Ordinal);

                // The bodies analysed in full were judged already; of the others, those that call a writer and something
                // that may reach a publish.
                var fromWriter = new Dictionary<SyntaxNode, IMethodSymbol>();
                foreach (var (step, body, _) in _steps)
                {
                    if (writerNames.Contains(step.CalleeName) && writers.Contains(step.Callee.OriginalDefinition) && !_decided.ContainsKey(body))
                    {
                        fromWriter[body] = step.Owner;
                    }
                }

                if (fromWriter.Count == 0)
                {
                    return;
                }

                var toPublish = new HashSet<SyntaxNode>();
                foreach (var (step, body, _) in _steps)
                {
                    if (fromWriter.ContainsKey(body) && !writers.Contains(step.Callee.OriginalDefinition) && _graph.MayReachPublishFromDefinition(step.Callee.OriginalDefinition))
                    {
                        toPublish.Add(body);
                    }
                }

                foreach (var body in toPublish.OrderBy(body => body.SyntaxTree.FilePath, StringComparer.Ordinal).ThenBy(body => body.SpanStart))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var owner = fromWriter[body];
                    if (_model.Scopes.IsExemptMember(owner) && !_model.Scopes.IsAutomatedOnly(owner))
                    {
                        continue;
                    }

#pragma warning disable RS1030 // Only the few bodies that hand a writer's text to a method that may publish, once each.
                    var root = _compilation.GetSemanticModel(body.SyntaxTree).GetOperation(body, cancellationToken);
#pragma warning restore RS1030
                    Func<ControlFlowGraph>? graph = root switch
                    {
                        IMethodBodyOperation method => () => ControlFlowGraph.Create(method, cancellationToken),
                        IConstructorBodyOperation constructor => () => ControlFlowGraph.Create(constructor, cancellationToken),
                        _ => null,
                    };
                    if (root is null || graph is null)
                    {
                        continue;
                    }

                    new BodyCollector(_model, _entryPoints, _byUse, new CallGraph(_model.Libraries), _agentTools, _gates, OptionsOf(body.SyntaxTree), _assembly, owner, observer: null, machineTextOnly: true, atCompilationEnd: true)
                        .Collect(root, new BodyContext(_compilation, owner, graph, cancellationToken), diagnostic =>
                        {
                            if (diagnostic.Descriptor == PresenceDiagnostics.MachineWrittenUnreviewedAtEnd)
                            {
                                end.ReportDiagnostic(diagnostic);
                            }
                        });
                }
            }

            // Not void, nor a bare Task or ValueTask: what the function returns may be text.
            private static bool MayReturnText(IMethodSymbol function)
                => !function.ReturnsVoid && function.ReturnType is not INamedTypeSymbol { Name: "Task" or "ValueTask", IsGenericType: false };

            /// <summary>Every call into the compilation made by a body that decided nothing, as the call action kept it.</summary>
            public IEnumerable<(IMethodSymbol Caller, IMethodSymbol Callee, SyntaxNode Call)> KeptCalls()
            {
                foreach (var (step, _, _) in _steps)
                {
                    yield return (step.Owner, step.Callee, step.Call);
                }
            }

            /// <summary>The steps of the bodies that decided nothing, and their owners that are entry points.</summary>
            public void AddPlainSteps(CancellationToken cancellationToken)
            {
                // Whether an owner is exempt is asked only where it matters: of an owner that is an entry point, of an
                // owner a path search reaches, and of every owner when the publishing map is told each call.
                var exempt = new Dictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);
                bool IsExempt(IMethodSymbol owner)
                {
                    if (!exempt.TryGetValue(owner, out var value))
                    {
                        exempt[owner] = value = _model.Scopes.IsExemptMember(owner);
                    }

                    return value;
                }

                // A body's steps mostly come one after another (one thread runs a body's actions): its "decided" answer
                // is looked up once for a run of them, not for each step. A decided body's own steps are in the graph.
                // The few decided bodies are told apart by where they start first: looking a body up reads it, and by
                // now most bodies are out of the processor's caches.
                var decidedStarts = new HashSet<int>();
                foreach (var decidedBody in _decided.Keys)
                {
                    decidedStarts.Add(decidedBody.SpanStart);
                }

                var plain = new List<PlainCall>(_steps.Count);
                SyntaxNode? lastBody = null;
                var lastDecided = false;
                foreach (var (step, body, bodyStart) in _steps)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (!ReferenceEquals(body, lastBody))
                    {
                        lastBody = body;
                        lastDecided = decidedStarts.Contains(bodyStart) && _decided.ContainsKey(body);
                    }

                    if (!lastDecided)
                    {
                        plain.Add(step);
                    }
                }

                AddGetterReads(plain, cancellationToken);

                // Which functions may reach a publish is found by name over every call first: only their calls go into
                // the graph (most bodies call nothing that leads to one, and the graph's nodes cost a symbol hash each),
                // and only they are asked whether they are entry points. The publishing map is told every call and
                // every entry point.
                _graph.FindReaching(plain, cancellationToken);
                var owners = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
                IMethodSymbol? lastOwner = null;
                var lastReaches = false;
                foreach (var step in plain)
                {
                    var (owner, callee, call) = step;
                    if (!ReferenceEquals(owner, lastOwner))
                    {
                        lastOwner = owner;
                        lastReaches = _observer is not null || _graph.MayReachPublishFromDefinition(owner);
                        if (lastReaches)
                        {
                            owners.Add(owner);
                        }
                    }

                    if (!lastReaches)
                    {
                        continue;
                    }

                    if (_observer is null)
                    {
                        _graph.AddPlainCall(owner, callee, call, step.Through);
                    }
                    else if (!IsExempt(owner))
                    {
                        _graph.AddPlainCall(owner, callee, call, step.Through);
                        _observer.OnSite(_compilation, owner, new PublishSite(call, new PublishTarget(callee, PublishKind.Call, platform: null), null), inTool: false);
                    }
                }

                foreach (var owner in owners)
                {
                    if (OwnerEntry(_entryPoints, owner) is { } entry && !IsExempt(owner))
                    {
                        _graph.AddEntry(entry);
                    }
                }

                // A decided body of an exempt member records no step at all, so this asks only of plain bodies' owners (a
                // search only enters functions that may reach a publish: the others have no steps in the graph).
                _graph.SkipCallsOf(owner => owners.Contains(owner) && IsExempt(owner));
            }
        }

        /// <summary>
        /// What a body is analysed with: the operation action that showed it, or compilation end for a body found to hand
        /// on machine-written text only once every call was known.
        /// </summary>
        private readonly struct BodyContext
        {
            private readonly Func<ControlFlowGraph> _graph;

            public BodyContext(Compilation compilation, ISymbol containingSymbol, Func<ControlFlowGraph> graph, CancellationToken cancellationToken)
            {
                Compilation = compilation;
                ContainingSymbol = containingSymbol;
                _graph = graph;
                CancellationToken = cancellationToken;
            }

            public Compilation Compilation { get; }

            public ISymbol ContainingSymbol { get; }

            public CancellationToken CancellationToken { get; }

            public ControlFlowGraph ControlFlowGraph() => _graph();

            public static BodyContext Of(OperationAnalysisContext context)
                => new BodyContext(context.Compilation, context.ContainingSymbol, context.GetControlFlowGraph, context.CancellationToken);
        }

        /// <summary>What one body contains: publish calls, confirmations, calls into the compilation, registered callbacks.</summary>
        private sealed class BodyCollector
        {
            private readonly PresenceModel _model;
            private readonly EntryPoints _entryPoints;
            private readonly EntriesByUse _byUse;
            private readonly CallGraph _graph;
            private readonly AgentTools? _agentTools;
            private readonly Lazy<GateCatalog?> _gates;
            private readonly PresenceOptions _options;
            private readonly IAssemblySymbol _assembly;
            private readonly IMethodSymbol? _owner;
            private readonly PublishingObserver? _observer;
            private readonly object _gate = new object();
            // Allocated on first use: most bodies have nothing to record (one collector per member body).
            private Dictionary<SyntaxNode, PublishTarget>? _sites;
            private List<IOperation>? _siteOperations;
            // Runs of a field's or property's delegate (await _work()): steps to what it was given, added in Analyze.
            private List<IInvocationOperation>? _delegateRuns;
            private Dictionary<SyntaxNode, EntryPoint>? _entryLambdas;
            // The local functions entry-point lambdas call that are declared outside them, with those lambdas.
            private Dictionary<SyntaxNode, List<IMethodSymbol>>? _runByEntryLambdas;
            // Direct calls of a gated publisher, kept only for the publishing map.
            private List<(SyntaxNode Syntax, PublishTarget Target)>? _bypasses;
            private HashSet<SyntaxNode>? _toolCallbacks;
            // The lambdas and method groups handed to an agent wrapped in ApprovalRequiredAIFunction.
            private HashSet<SyntaxNode>? _approvedTools;
            // The sends whose classification read a parameter (a URL or chat given by the callers), with those parameters.
            private Dictionary<SyntaxNode, (IInvocationOperation Send, List<IParameterSymbol> Parameters)>? _consulted;
            private EntryPoint? _programLoop;
            private List<(IMethodSymbol Owner, ILoopOperation Loop)>? _programLoops;
            // The owner is an entry point by its own body (a PeriodicTimer loop): its publishes are reported there.
            private EntryPoint? _ownerLoop;
            private Action<Diagnostic> _report = _ => { };
            private bool _hasPublish;
            private bool _hasConfirmation;
            private bool _handsArguments;
            // The owner has a daemon loop: an entry point if something starts it in the background.
            private bool _isBackgroundLoop;
            // The owner is exempt only by [AutomatedPresence]: only its publishes of machine-written text are judged.
            private readonly bool _machineTextOnly;
            // ... and that loop never leaves early: an entry point also if the program calls the owner.
            private bool _isEndlessLoop;
            // Analysed at compilation end (for machine-written text it hands on): its findings are compilation-end ones.
            private readonly bool _atCompilationEnd;

            public BodyCollector(PresenceModel model, EntryPoints entryPoints, EntriesByUse byUse, CallGraph graph, AgentTools? agentTools, Lazy<GateCatalog?> gates, PresenceOptions options, IAssemblySymbol assembly, IMethodSymbol? owner, PublishingObserver? observer, bool machineTextOnly = false, bool atCompilationEnd = false)
            {
                _machineTextOnly = machineTextOnly;
                _atCompilationEnd = atCompilationEnd;
                _byUse = byUse;
                _gates = gates;
                _observer = observer;
                _model = model;
                _entryPoints = entryPoints;
                _graph = graph;
                _agentTools = agentTools;
                _options = options;
                _assembly = assembly;
                _owner = owner;
            }

            public void OnInvocation(IInvocationOperation invocation, BodyContext context)
            {
                var method = invocation.TargetMethod;
                var outer = CallerBindings.StartRecording();
                var target = _model.Classify(invocation, _options);
                var consulted = CallerBindings.StopRecording(outer);
                if (target is not null)
                {
                    if (consulted.Count > 0)
                    {
                        // The destination may be a parameter: which callers publish is decided by their arguments.
                        lock (_gate)
                        {
                            (_consulted ??= new Dictionary<SyntaxNode, (IInvocationOperation, List<IParameterSymbol>)>())[invocation.Syntax] = (invocation, consulted);
                        }
                    }

                    NotePublish(invocation, target, method, invocation.Instance?.Type);
                    return;
                }

                if (_model.Confirmations.Classify(method) is not null)
                {
                    lock (_gate)
                    {
                        _hasConfirmation = true;
                    }
                }

                if (_agentTools?.ToolOf(invocation, PublishDescription) is { } tool)
                {
                    lock (_gate)
                    {
                        (_toolCallbacks ??= new HashSet<SyntaxNode>()).Add(tool.Callback);
                    }

                    if (tool.Unreviewed)
                    {
                        _report(Diagnostic.Create(
                            PresenceDiagnostics.MachineWrittenUnreviewed, invocation.Syntax.GetLocation(),
                            "An AI agent is given " + tool.Name + " as a tool, which publishes: " + tool.What,
                            AgentTools.WrapAdvice));
                    }
                }
                else
                {
                    _agentTools?.NoteIndirectTool(invocation);
                }

                // A tool wrapped in ApprovalRequiredAIFunction runs only once a person approved the call: what it calls is no
                // step of this body, and what it publishes is approved.
                if (_agentTools?.ApprovedCallback(invocation) is { } approved)
                {
                    lock (_gate)
                    {
                        (_approvedTools ??= new HashSet<SyntaxNode>()).Add(approved);
                    }
                }

                var daemonLoop = EntryPoints.DaemonLoopAround(invocation);
                if (daemonLoop is not null)
                {
                    NoteDaemonLoop(invocation, daemonLoop);
                }

                if (EntryPoints.StartsInBackground(invocation))
                {
                    NoteBackgroundStart(invocation);
                }

                // The program's own loop on a timer's ticks is its daemon loop (added with the body's other loops).
                if (EntryPoints.IsPeriodicTick(invocation) && !IsProgramLoop(daemonLoop))
                {
                    AddEntry(EntryPoints.EnclosingFunction(invocation), EntryKind.Unattended, "periodic timer loop");
                }

                RegisterCallbacks(invocation);
                if (method.MethodKind == MethodKind.DelegateInvoke && EntryPoints.StoredDelegateOf(invocation) is not null)
                {
                    lock (_gate)
                    {
                        (_delegateRuns ??= new List<IInvocationOperation>()).Add(invocation);
                    }
                }

                NoteCall(invocation, method);
            }

            public void OnMethodReference(IMethodReferenceOperation reference)
            {
                if (_model.Publishing.Classify(reference.Method) is { } target && _options.IsEnabled(target.Category, target.Platform))
                {
                    NotePublish(reference, target.WithMethod(reference.Method), reference.Method, reference.Instance?.Type);
                    return;
                }

                NoteCall(reference, reference.Method);
            }

            public void OnObjectCreation(IObjectCreationOperation creation)
            {
                RegisterCallbacks(creation);
                if (EntryPoints.StartsInBackground(creation))
                {
                    NoteBackgroundStart(creation);
                }

                if (creation.Constructor is { } constructor)
                {
                    NoteCall(creation, constructor);
                }
            }

            public void OnEventAssignment(IEventAssignmentOperation assignment) => RegisterCallbacks(assignment);

            private void RegisterCallbacks(IOperation operation)
            {
                foreach (var (callback, kind, reason) in _entryPoints.Registrations(operation))
                {
                    if (EntryPoints.CallbackTarget(callback) is { } target)
                    {
                        RegisterCallback(operation, target, kind, reason);
                        continue;
                    }

                    // TimerCallback cb = OnTick; new Timer(cb, …): what the local, field or property was given. A lambda
                    // written in this body is judged as one written in place (its calls are this body's steps); one a
                    // field or property was given in another member (_tick = async _ => await Post(); in the
                    // constructor) starts the path at its calls among that member's steps.
                    foreach (var stored in _entryPoints.StoredValues(callback))
                    {
                        if (EntryPoints.CallbackTarget(stored) is not { } storedTarget)
                        {
                            continue;
                        }

                        if (storedTarget is IMethodReferenceOperation || SameBody(storedTarget, operation))
                        {
                            RegisterCallback(operation, storedTarget, kind, reason);
                        }
                        else if (storedTarget is IAnonymousFunctionOperation lambda && MemberOf(lambda.Symbol) is { } member)
                        {
                            _graph.AddEntry(new EntryPoint(member.OriginalDefinition, kind, reason, lambda.Syntax, within: lambda.Syntax));
                        }
                    }
                }
            }

            // The method a lambda is written in, whose steps hold the lambda's calls: for a field's or property's
            // initializer, the constructor that runs it.
            private static IMethodSymbol? MemberOf(IMethodSymbol lambda)
            {
                ISymbol? container = lambda;
                while (container is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
                {
                    container = container.ContainingSymbol;
                }

                return EntryPoints.OwnerOf(container) is { MethodKind: MethodKind.Ordinary or MethodKind.Constructor or MethodKind.StaticConstructor } member ? member : null;
            }

            private static bool SameBody(IOperation a, IOperation b) => ReferenceEquals(BodyRoot(a), BodyRoot(b));

            private void RegisterCallback(IOperation operation, IOperation target, EntryKind kind, string reason)
            {
                switch (target)
                {
                    case IAnonymousFunctionOperation lambda:
                        AddEntryFunction(lambda.Symbol, lambda.Syntax, kind, reason, EntryPoints.HangfireJobType(lambda, reason));
                        NoteLocalFunctionsRunBy(lambda, lambda.Symbol);
                        break;
                    case IMethodReferenceOperation { Method: var method } when method.MethodKind == MethodKind.Ordinary && method.Locations.Any(l => l.IsInSource):
                        _graph.AddEntry(_entryPoints.OfMethod(method) ?? new EntryPoint(method.OriginalDefinition, kind, reason, null));
                        break;
                    case IMethodReferenceOperation { Method: { MethodKind: MethodKind.LocalFunction } local }
                        when local.DeclaringSyntaxReferences.Length > 0 && local.DeclaringSyntaxReferences[0].SyntaxTree == operation.Syntax.SyntaxTree:
                        // A local function of this body, judged as a handler like a lambda written in place.
                        AddEntryFunction(local, local.DeclaringSyntaxReferences[0].GetSyntax(), kind, reason);
                        foreach (var declared in BodyRoot(operation).Descendants())
                        {
                            if (declared is ILocalFunctionOperation { Symbol: var symbol } declaration && SymbolEqualityComparer.Default.Equals(symbol, local))
                            {
                                NoteLocalFunctionsRunBy(declaration, local);
                                break;
                            }
                        }

                        break;
                }
            }

            private static IOperation BodyRoot(IOperation operation)
            {
                while (operation.Parent is { } up)
                {
                    operation = up;
                }

                return operation;
            }

            // The local functions of this body an entry-point lambda or local function calls (a top-level program's handler
            // that posts through `async Task Publish(…)` declared below it) run as part of it: their steps are its steps too.
            private void NoteLocalFunctionsRunBy(IOperation function, IMethodSymbol entry)
            {
                foreach (var local in EntryPoints.LocalFunctionsRunBy(function))
                {
                    lock (_gate)
                    {
                        _runByEntryLambdas ??= new Dictionary<SyntaxNode, List<IMethodSymbol>>();
                        if (!_runByEntryLambdas.TryGetValue(local, out var runners))
                        {
                            _runByEntryLambdas[local] = runners = new List<IMethodSymbol>();
                        }

                        runners.Add(entry);
                    }
                }
            }

            // A call a generated gate covers is PRES009's, not a publish to guard here. The publishing map still lists it,
            // as a publish nothing guards whatever was asked before it: only the gate's token counts for a gated publisher.
            private void NotePublish(IOperation operation, PublishTarget target, IMethodSymbol method, ITypeSymbol? receiver)
            {
                if (!IsGated(target, method, receiver))
                {
                    Note(operation, target);
                }
                else if (_observer is not null)
                {
                    lock (_gate)
                    {
                        (_bypasses ??= new List<(SyntaxNode, PublishTarget)>()).Add((operation.Syntax, target));
                    }
                }
            }

            // Only declared publishers can have a gate; the lookup runs on publish calls alone.
            private bool IsGated(PublishTarget target, IMethodSymbol method, ITypeSymbol? receiver)
                => target.Kind == PublishKind.Declared && _gates.Value?.Find(method, receiver) is not null;

            // A tool's own publish: one of this project's, or a method of a library whose summary says it publishes (to
            // a fixed or configured URL: one its caller passes is classified at the call).
            private bool IsPublishing(IInvocationOperation invocation)
                => _model.Classify(invocation, _options) is { Kind: not PublishKind.Unresolved } || _model.Libraries.FindPublish(invocation.TargetMethod) is not null;

            // What a call or method group in a tool publishes, as the message says it (its target, or a library's path).
            private string? PublishDescription(IOperation operation)
                => operation switch
                {
                    IInvocationOperation invocation => _model.Classify(invocation, _options) is { Kind: not PublishKind.Unresolved } target ? target.Describe()
                                                       : _model.Libraries.FindPublish(invocation.TargetMethod)?.Path,
                    IMethodReferenceOperation reference => _model.Publishing.Classify(reference.Method) is { } target ? target.WithMethod(reference.Method).Describe()
                                                           : _model.Libraries.FindPublish(reference.Method)?.Path,
                    _ => null,
                };

            private void AddEntry(IOperation? function, EntryKind kind, string reason)
            {
                if (function is IAnonymousFunctionOperation lambda)
                {
                    AddEntryFunction(lambda.Symbol, lambda.Syntax, kind, reason);
                }
                else if (function is ILocalFunctionOperation local)
                {
                    AddEntryFunction(local.Symbol, local.Syntax, kind, reason);
                }
                else if (_owner is not null)
                {
                    var entry = _entryPoints.OfMethod(_owner) ?? new EntryPoint(_owner.OriginalDefinition, kind, reason, null);
                    lock (_gate)
                    {
                        _ownerLoop ??= entry;
                    }

                    _graph.AddEntry(entry);
                }
            }

            // A loop that sleeps and runs until stopped: in Main or the top-level program, an entry point of its own
            // (reported at the method, or at the loop of a top-level program); in a lambda started in the background,
            // that lambda; in another method, an entry point once something starts that method in the background.
            private void NoteDaemonLoop(IOperation sleep, ILoopOperation loop)
            {
                // A loop that only polls or logs starts no path: the program around it is no daemon for what it does
                // once before or after the loop. A call into a library whose summary says it publishes is no polling.
                if (!loop.Body.Descendants().Any(operation => operation is IInvocationOperation call
                        && (IsPublishing(call) || SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingAssembly, _assembly)
                            || _model.Libraries.Follows(call.TargetMethod))))
                {
                    return;
                }

                switch (EntryPoints.EnclosingFunction(sleep))
                {
                    case IAnonymousFunctionOperation lambda when IsStartedInBackground(lambda):
                        AddEntryFunction(lambda.Symbol, lambda.Syntax, EntryKind.Unattended, "background loop");
                        return;
                    case ILocalFunctionOperation local when _owner is { MethodKind: MethodKind.Ordinary } owner && EntryPoints.IsProgramEntry(owner) && EntryPoints.IsDaemonLoop(loop)
                                                            && EntryPoints.IsUsedOutside(local):
                        // A local function belongs to the program around it: its endless loop is the program's, as the
                        // loop of a method the program calls is.
                        NoteProgramLoop(owner, loop);
                        return;
                    case null when _owner is { MethodKind: MethodKind.Ordinary } owner:
                        if (EntryPoints.IsProgramEntry(owner))
                        {
                            NoteProgramLoop(owner, loop);
                        }
                        else
                        {
                            _graph.AddLoop(new EntryPoint(owner.OriginalDefinition, EntryKind.Unattended, "background loop", null));
                            var endless = EntryPoints.IsDaemonLoop(loop);
                            if (endless)
                            {
                                _graph.AddEndlessLoop(owner);
                            }

                            lock (_gate)
                            {
                                _isBackgroundLoop = true;
                                _isEndlessLoop |= endless;
                            }
                        }

                        return;
                }
            }

            private void NoteProgramLoop(IMethodSymbol owner, ILoopOperation loop)
            {
                lock (_gate)
                {
                    (_programLoops ??= new List<(IMethodSymbol, ILoopOperation)>()).Add((owner, loop));
                }
            }

            private bool IsProgramLoop(ILoopOperation? loop)
            {
                if (loop is not null && _programLoops is { } loops)
                {
                    foreach (var (_, programLoop) in loops)
                    {
                        if (programLoop == loop)
                        {
                            return true;
                        }
                    }
                }

                return false;
            }

            // The program is one entry point, however many daemon loops it has. The top-level program is reported at its
            // first loop, with the paths its loops run (and the local functions they call): what it does once before or
            // after them is no daemon's (PRES001 there).
            private void AddProgramLoop()
            {
                if (_programLoops is not { Count: > 0 } loops)
                {
                    return;
                }

                // Reported at the loop written first (the actions that noted them ran in no promised order).
                var (owner, first) = loops[0];
                foreach (var (_, loop) in loops)
                {
                    if (loop.Syntax.SpanStart < first.Syntax.SpanStart)
                    {
                        first = loop;
                    }
                }

                var topLevel = owner.Name == WellKnownMemberNames.TopLevelStatementsEntryPointMethodName;
                var alsoWithin = ImmutableArray<SyntaxNode>.Empty;
                if (topLevel)
                {
                    var parts = ImmutableArray.CreateBuilder<SyntaxNode>();
                    foreach (var (_, loop) in loops)
                    {
                        if (loop != first)
                        {
                            parts.Add(loop.Syntax);
                        }

                        parts.AddRange(EntryPoints.LocalFunctionsRunBy(loop));
                    }

                    alsoWithin = parts.ToImmutable();
                }

                _programLoop = new EntryPoint(owner.OriginalDefinition, EntryKind.Unattended, "daemon loop", null,
                    topLevel ? first.Syntax.GetFirstToken().GetLocation() : null, within: topLevel ? first.Syntax : null, alsoWithin: alsoWithin);
                _graph.AddEntry(_programLoop);
            }

            // Task.Run(async () => …), or a lambda kept in a local that the body starts (Func<Task> loop = …; Task.Run(loop)).
            private static bool IsStartedInBackground(IAnonymousFunctionOperation lambda)
            {
                for (var current = lambda.Parent; current is not null; current = current.Parent)
                {
                    switch (current)
                    {
                        case IDelegateCreationOperation or IConversionOperation or IArgumentOperation:
                            continue;
                        case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: var local } }:
                            return IsLocalStartedInBackground(local, current);
                        case ISimpleAssignmentOperation { Target: ILocalReferenceOperation { Local: var local } }:
                            return IsLocalStartedInBackground(local, current);
                        default:
                            return EntryPoints.StartsInBackground(current);
                    }
                }

                return false;
            }

            private static bool IsLocalStartedInBackground(ILocalSymbol local, IOperation within)
            {
                var root = within;
                while (root.Parent is { } parent)
                {
                    root = parent;
                }

                foreach (var operation in root.Descendants())
                {
                    if (operation is not ILocalReferenceOperation reference || !SymbolEqualityComparer.Default.Equals(reference.Local, local))
                    {
                        continue;
                    }

                    for (var current = reference.Parent; current is not null; current = current.Parent)
                    {
                        if (current is not (IDelegateCreationOperation or IConversionOperation or IArgumentOperation))
                        {
                            if (EntryPoints.StartsInBackground(current))
                            {
                                return true;
                            }

                            break;
                        }
                    }
                }

                return false;
            }

            // Task.Run(Loop), Task.Run(() => Loop(ct)), new Thread(Loop): the methods it starts.
            private void NoteBackgroundStart(IOperation start)
            {
                foreach (var method in EntriesByUse.StartedBy(start))
                {
                    _graph.AddStartedInBackground(method);
                }
            }

            private void AddEntryFunction(IMethodSymbol function, SyntaxNode syntax, EntryKind kind, string reason, INamedTypeSymbol? runsOn = null)
            {
                var entry = new EntryPoint(function, kind, reason, syntax, runsOn: runsOn);
                lock (_gate)
                {
                    (_entryLambdas ??= new Dictionary<SyntaxNode, EntryPoint>())[syntax] = entry;
                }

                _graph.AddEntry(entry);
            }

            private void Note(IOperation operation, PublishTarget target)
            {
                lock (_gate)
                {
                    (_sites ??= new Dictionary<SyntaxNode, PublishTarget>())[operation.Syntax] = target;
                    (_siteOperations ??= new List<IOperation>()).Add(operation);

                    // A send that may not publish does not pay for a control-flow graph by itself.
                    _hasPublish |= target.Kind != PublishKind.Unresolved;
                }
            }

            // A call into the compilation, which a path may continue through (local functions are part of this body),
            // or into a referenced assembly whose summary says the call publishes.
            private void NoteCall(IOperation operation, IMethodSymbol callee)
            {
                callee = Landing(callee.ReducedFrom ?? callee);
                callee = _model.Mediators?.HandlerOf(operation, callee) ?? callee;
                if (callee.MethodKind is MethodKind.LocalFunction or MethodKind.AnonymousFunction
                    || (!SymbolEqualityComparer.Default.Equals(callee.ContainingAssembly, _assembly) && !_model.Libraries.Follows(callee)
                        && !CallGraph.MayDispatchIntoSource(callee) && _observer?.Follows(callee.ContainingAssembly) != true))
                {
                    return;
                }

                lock (_gate)
                {
                    (_sites ??= new Dictionary<SyntaxNode, PublishTarget>())[operation.Syntax] = new PublishTarget(callee, PublishKind.Call, platform: null);
                    (_siteOperations ??= new List<IOperation>()).Add(operation);

                    // Machine-written text handed to a helper that publishes it is followed through the body's flow.
                    _handsArguments |= _model.MachineWriters is not null && operation is IInvocationOperation { Arguments.IsEmpty: false };
                }
            }

            /// <summary>Feeds every operation of the body to the collector, then decides its sites.</summary>
            public void Collect(IOperation root, BodyContext context, Action<Diagnostic> report)
            {
                _report = report;
                foreach (var operation in root.DescendantsAndSelf())
                {
                    switch (operation)
                    {
                        case IInvocationOperation invocation:
                            OnInvocation(invocation, context);
                            break;
                        case IMethodReferenceOperation reference:
                            OnMethodReference(reference);
                            break;
                        case IObjectCreationOperation creation:
                            OnObjectCreation(creation);
                            break;
                        case IEventAssignmentOperation assignment:
                            OnEventAssignment(assignment);
                            break;
                        case IPropertyReferenceOperation property when CallGraph.GetterStep(property) is { } getter:
                            NoteCall(property, getter);
                            break;
                        case IUsingOperation or IUsingDeclarationOperation when CallGraph.DisposalStep(operation) is { } dispose:
                            NoteCall(operation, dispose);
                            break;
                    }
                }

                AddProgramLoop();
                Analyze(context);
            }

            private void Analyze(BodyContext context)
            {
                if (_bypasses is not null && _observer is not null)
                {
                    foreach (var (syntax, target) in _bypasses)
                    {
                        _observer.OnSite(context.Compilation, FunctionOf(syntax), new PublishSite(syntax, target, askedBy: null), IsInTool(syntax));
                    }
                }

                if (_delegateRuns is not null && !_hasConfirmation)
                {
                    AddDelegateRuns();
                }

                if (_siteOperations is null || _sites is null)
                {
                    return;
                }

                var ownerEntry = OwnerEntry(_entryPoints, _owner) ?? (_owner is null ? null : _programLoop ?? _ownerLoop);
                if (ownerEntry is not null)
                {
                    _graph.AddEntry(ownerEntry);
                }

                IEnumerable<PublishSite> sites;
                if (_hasPublish || _hasConfirmation || _handsArguments)
                {
                    sites = AnalyzeFlow(context);
                }
                else
                {
                    // No confirmation anywhere in the body: no call in it can be guarded.
                    var known = _sites;
                    sites = _siteOperations
                        .Where(operation => !InExemptFunction(operation))
                        .Select(operation => new PublishSite(operation.Syntax, known[operation.Syntax], null));
                }

                var isKernelFunction = _agentTools?.IsKernelFunction(_owner) == true;
                bool? runsAsEntry = null;
                bool? asking = null;
                bool? isTool = null;
                bool? isTest = null;
                foreach (var site in sites)
                {
                    if (_approvedTools is { } approved && site.Syntax.AncestorsAndSelf().Any(approved.Contains))
                    {
                        continue;
                    }

                    // A kernel function that publishes is an agent's publishing tool, also under [AutomatedPresence].
                    if (_machineTextOnly && !site.MachineWritten && !isKernelFunction)
                    {
                        continue;
                    }

                    // Machine-written text handed to a helper (or a library method) that publishes it: PRES008 at the call,
                    // beside what the helper's own publish is reported as.
                    if (site.Target.Kind == PublishKind.Call && site.MachineWritten)
                    {
                        if (site.Operation is IInvocationOperation handedTo && !IsInTool(site.Syntax)
                            && HandedContent.IsPublished(_model, _options, handedTo, site.MachineParameters, context.CancellationToken))
                        {
                            _report(DescribeHanded(_atCompilationEnd ? PresenceDiagnostics.MachineWrittenUnreviewedAtEnd : PresenceDiagnostics.MachineWrittenUnreviewed, site, handedTo));
                        }

                        if (site.Automated)
                        {
                            continue;
                        }
                    }

                    if (site.Automated)
                    {
                        // Machine text in a lambda or local function under [AutomatedPresence]: PRES008 alone.
                        if (site.Guarded)
                        {
                            ReportGuarded(_report, site, ownerEntry, RunByJob(context.CancellationToken));
                        }
                        else if (!IsInTool(site.Syntax))
                        {
                            _report(Describe(site, context.ContainingSymbol));
                        }

                        continue;
                    }

                    var function = FunctionOf(site.Syntax);
                    _observer?.OnSite(context.Compilation, function, site, IsInTool(site.Syntax));
                    if (site.Target.Kind == PublishKind.Call)
                    {
                        if (function is not null)
                        {
                            _graph.AddCall(function, site.Target.Method, site.Syntax);
                        }

                        foreach (var runner in EntryLambdasRunning(site.Syntax))
                        {
                            _graph.AddCall(runner, site.Target.Method, site.Syntax);
                        }

                        continue;
                    }

                    if (site.Target.Kind == PublishKind.Unresolved)
                    {
                        // Not a publish as far as anyone can tell: only an unattended path to it is noted (PRES011).
                        if (!site.Guarded && function is not null && !IsInTool(site.Syntax))
                        {
                            _graph.AddPublish(function, site.Target, site.Syntax, DependenceOf(site.Syntax, function));
                            foreach (var runner in EntryLambdasRunning(site.Syntax))
                            {
                                _graph.AddPublish(runner, site.Target, site.Syntax, null);
                            }
                        }

                        continue;
                    }

                    if (site.Guarded)
                    {
                        ReportGuarded(_report, site, ownerEntry, RunByJob(context.CancellationToken));
                        continue;
                    }

                    // An agent's tool is judged as a tool (PRES008 at the registration or on the kernel function).
                    if (IsInTool(site.Syntax))
                    {
                        continue;
                    }

                    if (function is not null)
                    {
                        _graph.AddPublish(function, site.Target, site.Syntax, DependenceOf(site.Syntax, function));
                    }

                    foreach (var runner in EntryLambdasRunning(site.Syntax))
                    {
                        _graph.AddPublish(runner, site.Target, site.Syntax, null);
                    }

                    if (isKernelFunction)
                    {
                        _agentTools!.AddKernelFunctionPublish(_owner!, site.Target);
                        continue;
                    }

                    // In an entry point's own body the path diagnostic says that nobody confirmed; machine-written text
                    // nobody read is a harm of its own, reported beside the path (PRES008).
                    if ((site.MachineWritten
                         || ((ownerEntry is null || !SymbolEqualityComparer.Default.Equals(function, _owner?.OriginalDefinition)
                              || !ownerEntry.Runs(site.Syntax))
                             && !IsInEntryLambda(site.Syntax) && !IsInStoredCallback(site.Syntax) && !(runsAsEntry ??= RunsAsEntryByUse(context.CancellationToken))))
                        && !(asking ??= _model.Scopes.IsAskingHelper(_owner, context.Compilation, context.CancellationToken)))
                    {
                        // A test method has no caller to confirm and a person runs it: the publish there (into a
                        // recording handler, as a rule) is no site to gate. Other findings in it still stand.
                        var diagnostic = Describe(site, context.ContainingSymbol);
                        if (IsUnconfirmed(diagnostic.Descriptor) && (isTest ??= TestMethods.IsTest(_owner)))
                        {
                            continue;
                        }

                        // A tool's own body is judged as the tool, unless plain code calls the method too (known at
                        // compilation end, from every call kept).
                        if (isTool ??= _agentTools?.IsHandedAsTool(_owner, context.CancellationToken) == true)
                        {
                            _agentTools!.KeepUntilCalled(_owner!, diagnostic);
                        }
                        else
                        {
                            _report(diagnostic);
                        }
                    }
                }
            }

            /// <summary>
            /// <c>await _work()</c> where the field or property was given a method group (<c>_work = PostAsync</c>) or a
            /// lambda in another member (<c>_work = () =&gt; poster.Post("hourly")</c> in the constructor or the
            /// initializer): the method, or the lambda's calls and publishes, are this function's steps, so a hosted
            /// service's loop that runs the delegate reaches what it does. A lambda that asks a person itself is left to
            /// its own member, and so is every run in a body that asks (which answer guards the run is not followed here).
            /// </summary>
            private void AddDelegateRuns()
            {
                var added = false;
                foreach (var run in _delegateRuns!)
                {
                    if (FunctionOf(run.Syntax) is not { } function || EntryPoints.StoredDelegateOf(run) is not { } storage)
                    {
                        continue;
                    }

                    foreach (var stored in _entryPoints.StoredValues(storage))
                    {
                        switch (EntryPoints.CallbackTarget(stored))
                        {
                            case IMethodReferenceOperation { Method: var method } when method.MethodKind == MethodKind.Ordinary && !method.DeclaringSyntaxReferences.IsEmpty:
                                _graph.AddCall(function, Landing(method.ReducedFrom ?? method), run.Syntax);
                                added = true;
                                break;
                            // A lambda of this body counts where another function of it runs it (a callback that
                            // runs a local), not where its own calls already are.
                            case IAnonymousFunctionOperation lambda when !SameBody(lambda, run)
                                                                          || !SymbolEqualityComparer.Default.Equals(FunctionOf(lambda.Syntax), function):
                                added |= AddLambdaSteps(function, lambda);
                                break;
                        }
                    }
                }

                if (added && (OwnerEntry(_entryPoints, _owner) ?? (_owner is null ? null : _programLoop ?? _ownerLoop)) is { } entry)
                {
                    _graph.AddEntry(entry);
                }
            }

            // The calls and publishes of a lambda kept in a field, as steps of the function that runs it; none when the
            // lambda asks a person.
            private bool AddLambdaSteps(IMethodSymbol function, IAnonymousFunctionOperation lambda)
            {
                foreach (var operation in lambda.Body.Descendants())
                {
                    if (operation is IInvocationOperation invocation && _model.Confirmations.Classify(invocation.TargetMethod) is not null)
                    {
                        return false;
                    }
                }

                var added = false;
                foreach (var operation in lambda.Body.Descendants())
                {
                    if (operation is not IInvocationOperation invocation)
                    {
                        continue;
                    }

                    if (_model.Classify(invocation, _options) is { } target)
                    {
                        if (target.Kind == PublishKind.Call)
                        {
                            _graph.AddCall(function, target.Method, invocation.Syntax);
                        }
                        else
                        {
                            _graph.AddPublish(function, target, invocation.Syntax);
                        }

                        added = true;
                    }
                    else if (invocation.TargetMethod is { MethodKind: MethodKind.Ordinary } callee)
                    {
                        _graph.AddCall(function, Landing(callee.ReducedFrom ?? callee), invocation.Syntax);
                        added = true;
                    }
                }

                return added;
            }

            private static bool IsUnconfirmed(DiagnosticDescriptor descriptor)
                => descriptor == PresenceDiagnostics.UnconfirmedPublish || descriptor == PresenceDiagnostics.UnconfirmedPublishWithoutCallers
                   || descriptor == PresenceDiagnostics.UnconfirmedPublishInProperty;

            // A send whose destination is a parameter of the function that makes it: classified again for each call.
            private CallerDependentPublish? DependenceOf(SyntaxNode syntax, IMethodSymbol function)
            {
                if (_consulted is null || !_consulted.TryGetValue(syntax, out var consulted))
                {
                    return null;
                }

                var parameters = CallGraph.OwnParameters(consulted.Parameters, function);
                if (parameters.IsEmpty)
                {
                    return null;
                }

                var model = _model;
                var options = _options;
                var send = consulted.Send;
                return new CallerDependentPublish(parameters, () => model.Classify(send, options));
            }

            // A handler registered by a method group, or a loop started in the background, by its own type: an entry point
            // whose registration reports the path (at the method), as an entry point by declaration does.
            // So is a job's override its inherited trigger calls, where the job's path is reported.
            private bool RunsAsEntryByUse(CancellationToken cancellationToken)
                => _owner is { } owner && OwnerEntry(_entryPoints, owner) is null
                   && (_byUse.IsRegistered(owner, cancellationToken) || (_isBackgroundLoop && _byUse.IsStartedInBackground(owner, cancellationToken))
                       || _byUse.IsRunByInheritedTrigger(owner, cancellationToken)
                       || (_isEndlessLoop && _byUse.IsCalledByProgram(owner, cancellationToken)));

            private static Diagnostic DescribeHanded(DiagnosticDescriptor descriptor, PublishSite site, IInvocationOperation call)
                => Diagnostic.Create(
                    descriptor, site.Syntax.GetLocation(), additionalLocations: null, Properties(site.Target),
                    "Machine-written content is handed to '" + call.TargetMethod.ContainingType?.Name + "." + call.TargetMethod.Name + "', which publishes it",
                    "no [HumanConfirmation] that sees the generated text comes before this call; show the text to a person (a [HumanConfirmation] method, or AnsiConsole.Confirm with the text in its question) and pass it on only on yes");

            // Whether a job expression runs the body's method, and whether other code uses it too: asked only when a
            // finding's advice depends on it.
            private Func<JobUse> RunByJob(CancellationToken cancellationToken)
            {
                var owner = _owner;
                var byUse = _byUse;
                return () => owner is null || !byUse.IsRunByJobExpression(owner, cancellationToken) ? JobUse.None
                    : byUse.IsUsedOutsideJobExpressions(owner, cancellationToken) ? JobUse.AlsoElsewhere
                    : JobUse.Only;
            }

            private enum JobUse
            {
                None,
                Only,
                AlsoElsewhere,
            }

            private static void ReportGuarded(Action<Diagnostic> report, PublishSite site, EntryPoint? ownerEntry, Func<JobUse> runByJob)
            {
                if (site.MachineWritten)
                {
                    report(Diagnostic.Create(
                        PresenceDiagnostics.MachineWrittenUnreviewed, site.Syntax.GetLocation(), additionalLocations: null, Properties(site.Target),
                        site.Target.Describe() + " with machine-written content",
                        "it was generated after the last [HumanConfirmation], which cannot have seen it; ask a person about the generated text"));
                }
                else if (ContentCoverage.Gap(site) is { } gap)
                {
                    // Nobody can be asked again in a job (one a job expression runs too), nor after a redeem of a decision
                    // recorded earlier; a method a job runs and other code calls too is told both.
                    var descriptor = (ownerEntry is { Kind: EntryKind.Unattended } entry && entry.Runs(site.Syntax)) || IsRedeem(site.AskedBy!.TargetMethod)
                        ? PresenceDiagnostics.ApprovalDoesNotCoverContentUnattended
                        : runByJob() switch
                        {
                            JobUse.Only => PresenceDiagnostics.ApprovalDoesNotCoverContentUnattended,
                            JobUse.AlsoElsewhere => PresenceDiagnostics.ApprovalDoesNotCoverContentAlsoInJob,
                            _ => PresenceDiagnostics.ApprovalDoesNotCoverContent,
                        };
                    report(Diagnostic.Create(
                        descriptor, site.Syntax.GetLocation(),
                        additionalLocations: new[] { site.AskedBy!.Syntax.GetLocation() }, Properties(site.Target),
                        site.Target.Describe(), gap));
                }
            }

            private static bool IsRedeem(IMethodSymbol method)
                => method is { Name: "RedeemAsync" or "TryRedeemAsync", ContainingType: { Name: "ApprovalLedger", ContainingNamespace: { Name: "Presence", ContainingNamespace.IsGlobalNamespace: true } } };

            // The graph of the operation block (a method's body, an initializer) the collected operations are in.
            private IEnumerable<PublishSite> AnalyzeFlow(BodyContext context)
                => ConfirmationFlowAnalysis.AnalyzeSites(context.ControlFlowGraph(), _model, _sites!, context.CancellationToken, helperRunsLater: _entryPoints.Runners.RunsLater);

            private bool InExemptFunction(IOperation operation)
            {
                for (var current = operation.Parent; current is not null; current = current.Parent)
                {
                    var function = current switch
                    {
                        IAnonymousFunctionOperation lambda => lambda.Symbol,
                        ILocalFunctionOperation local => local.Symbol,
                        _ => null,
                    };

                    if (function is not null && _model.Scopes.IsExemptFunction(function))
                    {
                        return true;
                    }
                }

                return false;
            }

            // The call-graph node a site belongs to: the entry-point lambda around it, else the member.
            private IMethodSymbol? FunctionOf(SyntaxNode syntax)
            {
                if (_entryLambdas is null)
                {
                    return _owner?.OriginalDefinition;
                }

                foreach (var ancestor in syntax.Ancestors())
                {
                    if (_entryLambdas.TryGetValue(ancestor, out var entry))
                    {
                        return entry.Function;
                    }
                }

                return _owner?.OriginalDefinition;
            }

            private bool IsInEntryLambda(SyntaxNode syntax)
                => _entryLambdas is { } lambdas && syntax.Ancestors().Any(node => lambdas.ContainsKey(node) || _runByEntryLambdas?.ContainsKey(node) == true);

            // The entry-point lambdas that run a step of a local function declared outside them (see RegisterCallback).
            private IEnumerable<IMethodSymbol> EntryLambdasRunning(SyntaxNode syntax)
            {
                if (_runByEntryLambdas is null)
                {
                    yield break;
                }

                foreach (var ancestor in syntax.Ancestors())
                {
                    if (ancestor is LocalFunctionStatementSyntax && _runByEntryLambdas.TryGetValue(ancestor, out var runners))
                    {
                        foreach (var runner in runners)
                        {
                            yield return runner;
                        }
                    }
                }
            }

            // A publish in a lambda that a field or property keeps for a registration of its type (a timer created in
            // another member): the registration reports the path at the lambda. Asked only of a publish about to be reported.
            private bool IsInStoredCallback(SyntaxNode syntax)
            {
                if (_siteOperations is null || !syntax.Ancestors().Any(node => node is AnonymousFunctionExpressionSyntax))
                {
                    return false;
                }

                foreach (var operation in _siteOperations)
                {
                    if (operation.Syntax != syntax)
                    {
                        continue;
                    }

                    for (var current = operation.Parent; current is not null; current = current.Parent)
                    {
                        if (current is IAnonymousFunctionOperation && _byUse.IsStoredForRegistration(current))
                        {
                            return true;
                        }
                    }

                    return false;
                }

                return false;
            }

            // A publish inside a tool's lambda, or the tool's method group itself.
            private bool IsInTool(SyntaxNode syntax) => _toolCallbacks is { } tools && syntax.AncestorsAndSelf().Any(tools.Contains);

            private Diagnostic Describe(PublishSite site, ISymbol owner)
            {
                var location = site.Syntax.GetLocation();
                var ignored = IgnoredAnswer(site);
                if (site.MachineWritten)
                {
                    // A person was asked on every path, and the answer is what is missing: say so, as PRES004 would.
                    return Diagnostic.Create(
                        PresenceDiagnostics.MachineWrittenUnreviewed, location,
                        additionalLocations: ignored is not null ? new[] { ignored.Syntax.GetLocation() } : null, Properties(site.Target),
                        site.Target.Describe() + " with machine-written content",
                        ignored is not null
                            ? "a person was asked through '" + ignored.TargetMethod.Name + "', but its answer does not guard this publish; publish only where its yes does"
                            : "no [HumanConfirmation] that sees the generated text guards this publish; show the text to a person (a [HumanConfirmation] method, or AnsiConsole.Confirm with the text in its question; a Console.ReadLine() check is not one) and publish on yes");
                }

                if (site.StaleAfter is { } wait)
                {
                    return Diagnostic.Create(
                        PresenceDiagnostics.ApprovalStaleAfterWait, location, additionalLocations: new[] { wait.Syntax.GetLocation() }, Properties(site.Target),
                        site.Target.Describe(), wait.Syntax.ToString());
                }

                if (ignored is { } asked)
                {
                    return Diagnostic.Create(
                        PresenceDiagnostics.ConfirmationIgnored,
                        location,
                        additionalLocations: new[] { asked.Syntax.GetLocation() },
                        properties: Properties(site.Target),
                        site.Target.Describe(),
                        asked.TargetMethod.Name,
                        LooseAnswerTest.Advice(asked.TargetMethod, asked.Syntax, _model.Confirmations.Classify(asked.TargetMethod)));
                }

                // The way out that fits where the call is: [RequiresHumanApproval] only on a method whose callers can
                // confirm; never on the top-level program, Main, a constructor, an initializer or an entry point,
                // where it cannot be placed or PRES105 forbids it.
                var endpoint = EndpointHandlerAround(site.Syntax);
                if (endpoint is null
                    && owner is IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.ExplicitInterfaceImplementation } method
                    && !EntryPoints.IsProgramEntry(method) && _entryPoints.OfMethod(method) is null)
                {
                    if (method.AssociatedSymbol is IPropertySymbol property)
                    {
                        // [RequiresHumanApproval] cannot be placed on a property or its accessor: the fix that adds it is not offered.
                        return Diagnostic.Create(
                            PresenceDiagnostics.UnconfirmedPublishInProperty, location, additionalLocations: null, Properties(site.Target).Add(PresenceDiagnostics.NoCallerCanConfirm, "true"),
                            site.Target.Describe(), property.IsIndexer ? "this[]" : property.Name);
                    }

                    return Diagnostic.Create(PresenceDiagnostics.UnconfirmedPublish, location, additionalLocations: null, Properties(site.Target), site.Target.Describe(), (method.AssociatedSymbol ?? method).Name);
                }

                return Diagnostic.Create(
                    PresenceDiagnostics.UnconfirmedPublishWithoutCallers, location, additionalLocations: null, Properties(site.Target).Add(PresenceDiagnostics.NoCallerCanConfirm, "true"), site.Target.Describe(),
                    endpoint is not null ? "the " + endpoint + " endpoint's handler in " + PlaceName(owner) : PlaceName(owner));
            }

            // The confirmation whose answer this publish ignores (PRES004): asked last on every path, and either never
            // checked on the way here or checked for this very content. An answer checked before an unrelated publish
            // (if (await review.ApproveAsync(hiring)) Post(hiring); Post(statement);) guarded its own branch: the
            // publish after it asked nobody (PRES001), and putting it under that approval would be the wrong advice.
            private static IInvocationOperation? IgnoredAnswer(PublishSite site)
                => site.AskedBy is { } asked && (!site.AnswerTaken || ContentCoverage.MayPublishWhatWasAsked(site.Operation, asked)) ? asked : null;

            // app.MapPost("/…", async (…) => …): the handler runs when a request comes, so no caller of the method that
            // maps it can confirm for it; the route, or null when the call is not in a mapped lambda.
            private static string? EndpointHandlerAround(SyntaxNode syntax)
            {
                foreach (var ancestor in syntax.Ancestors())
                {
                    if (ancestor is AnonymousFunctionExpressionSyntax { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } } }
                        && invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name }
                        && name.StartsWith("Map", System.StringComparison.Ordinal))
                    {
                        var verb = name.Substring("Map".Length).ToUpperInvariant();
                        return invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax route
                            ? verb + " " + JoinRoute(GroupPrefix(((MemberAccessExpressionSyntax)invocation.Expression).Expression, 0), route.Token.ValueText)
                            : verb;
                    }

                    if (ancestor is MemberDeclarationSyntax)
                    {
                        return null;
                    }
                }

                return null;
            }

            // The route prefix of the group an endpoint is mapped on, as the code writes it: app.MapGroup("/admin")
            // (through .RequireAuthorization() and such, nested groups, and a local holding the group).
            private static string GroupPrefix(ExpressionSyntax receiver, int depth)
            {
                while (depth++ < 8)
                {
                    switch (receiver)
                    {
                        case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call:
                            if (access.Name.Identifier.ValueText == "MapGroup")
                            {
                                return call.ArgumentList.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax group
                                    ? JoinRoute(GroupPrefix(access.Expression, depth), group.Token.ValueText)
                                    : string.Empty;
                            }

                            receiver = access.Expression;
                            break;
                        case IdentifierNameSyntax local when LocalInitializer(local) is { } initializer:
                            receiver = initializer;
                            break;
                        default:
                            return string.Empty;
                    }
                }

                return string.Empty;
            }

            // The initializer of the local a name refers to, declared before it in an enclosing block (by name: syntax only).
            private static ExpressionSyntax? LocalInitializer(IdentifierNameSyntax name)
            {
                foreach (var block in name.Ancestors())
                {
                    if (block is MemberDeclarationSyntax and not GlobalStatementSyntax)
                    {
                        return null;
                    }

                    if (block is not (BlockSyntax or CompilationUnitSyntax))
                    {
                        continue;
                    }

                    // The block's own statements (the top-level program's too), not those of functions or types inside it.
                    foreach (var declarator in block.DescendantNodes(node => node == block || node is GlobalStatementSyntax
                                 || node is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax)).OfType<VariableDeclaratorSyntax>())
                    {
                        if (declarator.Identifier.ValueText == name.Identifier.ValueText && declarator.SpanStart < name.SpanStart)
                        {
                            return declarator.Initializer?.Value;
                        }
                    }
                }

                return null;
            }

            private static string JoinRoute(string prefix, string route)
                => prefix.Length == 0 ? route : prefix.TrimEnd('/') + "/" + route.TrimStart('/');

            // "the top-level program", "Program.Main", "the constructor of Poster", "the initializer of Poster.Client".
            private string PlaceName(ISymbol owner)
                => owner switch
                {
                    IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } constructor => "the constructor of " + constructor.ContainingType.Name,
                    IMethodSymbol method when _entryPoints.OfMethod(method) is { } entry => CallGraph.NameOf(method) + " (" + entry.ReasonWithArticle + ")",
                    IMethodSymbol method => CallGraph.NameOf(method),
                    _ => "the initializer of " + (owner.ContainingType is { } type ? type.Name + "." : string.Empty) + owner.Name,
                };
        }
    }
}
