using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Presence.Analyzers.Catalog;
using Presence.Analyzers.Configuration;
using Presence.Analyzers.Flow;
using Presence.Analyzers.Model;
using Presence.Analyzers.Paths;

namespace Presence.Analyzers.Summaries
{
    /// <summary>
    /// Computes an assembly's summary: each externally callable method that reaches an unguarded publish, with the
    /// shortest path by name. The search runs backwards from the publish calls, so its cost follows the publishing
    /// part of the code, not its size: the syntax index (<see cref="TreeIndex"/>, kept per tree by the pipeline)
    /// names the candidate trees, whose calls are indexed by name; only the bodies that contain a call by a
    /// publishing name, and then the bodies that call a method already known to publish, are bound and analysed
    /// (with the same guard analysis as PRES001), at most <see cref="MaxBodies"/> of them.
    /// </summary>
    internal sealed class SummaryBuilder
    {
        /// <summary>Bounds the bodies bound per compilation (a defect or absurd input, not ordinary code).</summary>
        public const int MaxBodies = 4000;

        private readonly Compilation _compilation;
        private readonly PresenceModel _model;
        private readonly AnalyzerOptions _options;
        private readonly CancellationToken _cancellationToken;
        private readonly ImmutableArray<TreeIndex> _index;
        private readonly ReferenceFacts _references;
        private readonly Dictionary<string, List<SyntaxNode>> _callsByName = new Dictionary<string, List<SyntaxNode>>(StringComparer.Ordinal);
        private readonly Dictionary<SyntaxNode, BodyFacts> _bodies = new Dictionary<SyntaxNode, BodyFacts>();
        private readonly Dictionary<SyntaxTree, SemanticModel> _semanticModels = new Dictionary<SyntaxTree, SemanticModel>();
        private readonly CallGraph _graph;

        private SummaryBuilder(Compilation compilation, PresenceModel model, AnalyzerOptions options, ImmutableArray<TreeIndex> index, ReferenceFacts references, CancellationToken cancellationToken)
        {
            _compilation = compilation;
            _model = model;
            _options = options;
            _index = index;
            _references = references;
            _cancellationToken = cancellationToken;
            _graph = new CallGraph(model.Libraries);
        }

        /// <summary>
        /// The summary text, or null when nothing in the compilation can publish. <paramref name="index"/> holds the
        /// compilation's trees in order; <paramref name="plan"/> names the candidate trees among them, unless the
        /// model must decide.
        /// </summary>
        public static string? Build(Compilation compilation, AnalyzerOptions options, ImmutableArray<TreeIndex> index, ReferenceFacts references, SummaryPlan plan, CancellationToken cancellationToken)
        {
            if (compilation.Language != LanguageNames.CSharp || PresenceModel.TryCreate(compilation, options, cancellationToken) is not { } model)
            {
                return null;
            }

            return new SummaryBuilder(compilation, model, options, index, references, cancellationToken).Build(plan);
        }

        private string? Build(SummaryPlan plan)
        {
            var maxDepth = PresenceOptions.Read(_options.AnalyzerConfigOptionsProvider.GlobalOptions).MaxPathDepth;
            var sinkNames = SinkNames();
            var writerNames = _model.MachineWriters is null ? Enumerable.Empty<string>() : WriterNames();
            var candidates = plan.ModelDecides ? Candidates.Of(_index, sinkNames, writerNames, maxDepth) : plan.Trees.ToImmutableArray();
            if (candidates.IsEmpty)
            {
                return null;
            }

            IndexCalls(candidates);

            // The methods that publish in their own body (or call a library that does), then their callers, round by round.
            var reaching = new Dictionary<IMethodSymbol, int>(SymbolEqualityComparer.Default);
            var frontier = new List<IMethodSymbol>();
            foreach (var name in _callsByName.Keys.OrderBy(n => n, StringComparer.Ordinal))
            {
                if (!sinkNames.Contains(name))
                {
                    continue;
                }

                foreach (var call in _callsByName[name])
                {
                    if (Analyze(call) is { Owner: { } owner, Publishes: true } && !reaching.ContainsKey(owner))
                    {
                        reaching[owner] = 0;
                        frontier.Add(owner);
                    }
                }
            }

            ReachCallers(frontier, maxDepth, (caller, _, depth) =>
            {
                if (reaching.ContainsKey(caller))
                {
                    return false;
                }

                reaching[caller] = depth;
                return true;
            });

            // Only the analysed bodies have steps, so a call can only continue into an implementation among their types.
            var types = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            foreach (var facts in _bodies.Values)
            {
                facts.AddTo(_graph);
                if (facts.Owner?.ContainingType is { } type && types.Add(type))
                {
                    _graph.AddType(type);
                }
            }

            // Under each name a caller outside can use (the method, or what it implements or overrides), the shortest path.
            var best = new Dictionary<string, (int Length, string Line, string[] Record)>(StringComparer.Ordinal);
            foreach (var method in reaching.Keys)
            {
                if (_graph.ShortestPath(method, maxDepth, _cancellationToken) is not { } path)
                {
                    continue;
                }

                var text = CallGraph.NameOf(method) + " → " + path.Tail();

                // A raw request says where it posts, as a path in one project does (its token segments and query already
                // left out), so that the host's PRES002 ends with the endpoint too.
                if (path.Library is null && path.Target is { Kind: PublishKind.Endpoint, Note: { } request })
                {
                    text += " (" + request + ")";
                }
                var length = path.Calls.Length;
                foreach (var visible in MethodLineage.Of(method))
                {
                    if (!IsCallableOutside(visible) || visible.GetDocumentationCommentId() is not { } id)
                    {
                        continue;
                    }

                    foreach (var key in Keys(id, visible, method))
                    {
                        var record = new[] { LibrarySummaries.PublishRecord, key, path.Platform ?? string.Empty, path.CatalogId ?? string.Empty, text };
                        var line = string.Join("\t", record);
                        if (!best.TryGetValue(key, out var existing) || length < existing.Length
                            || (length == existing.Length && string.CompareOrdinal(line, existing.Line) < 0))
                        {
                            best[key] = (length, line, record);
                        }
                    }
                }
            }

            var configured = ConfiguredSendRecords(maxDepth).ToList();
            var argumentSends = ArgumentSendRecords(best).ToList();
            var records = WithGuesses(best.Values.Select(b => b.Record), configured)
                .Concat(argumentSends)
                .Concat(ChatSendRecords(best))
                .Concat(DispatchRecords(maxDepth, best))
                .Concat(MachineWrittenRecords(maxDepth))
                .Concat(RegistrationRecords(maxDepth))
                .ToList();
            if (records.Count == 0)
            {
                return null;
            }

            // The options this library binds, for hosts that read them: already read where a send of its own reads
            // options; looked up where its callers pass the URL (read, most often, from the options it binds).
            if (_model.Urls.BindingsRead || argumentSends.Count > 0)
            {
                foreach (var (type, instance, section) in _model.Urls.Bindings.Own)
                {
                    records.Add(new[] { LibrarySummaries.OptionsBindingRecord, type, section, instance ?? string.Empty });
                }
            }

            return LibrarySummaries.Write(records);
        }

        // A publish this project decided only by a setting's name and the body's shape, or by a path under an unknown host (no value here), is the host's to
        // decide when its settings give the key a value: it travels as the configured send's guess (K's seventh and
        // eighth fields), not as a publish record, which would win over the host's own settings.
        private static IEnumerable<string[]> WithGuesses(IEnumerable<string[]> publishes, List<string[]> configured)
        {
            var byId = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < configured.Count; i++)
            {
                byId[configured[i][1]] = i;
            }

            foreach (var publish in publishes)
            {
                // Also a publish decided by a path under a host this project's settings do not give (Slack's
                // chat.postMessage under a configured base address): where the host's settings give one, it decides.
                if ((publish[3].StartsWith(EvidenceCatalogId, StringComparison.Ordinal) || EndpointEntry.IsForUnknownHost(publish[3]))
                    && byId.TryGetValue(publish[1], out var index))
                {
                    var send = configured[index];
                    configured[index] = send.Length > 8
                        ? new[] { send[0], send[1], send[2], send[3], send[4], send[5], publish[2], publish[3], send[8] }
                        : new[] { send[0], send[1], send[2], send[3], send[4], send.Length > 5 ? send[5] : string.Empty, publish[2], publish[3] };
                    continue;
                }

                yield return publish;
            }

            foreach (var send in configured)
            {
                yield return send;
            }
        }

        private const string EvidenceCatalogId = "evidence:";

        // Beside the publish record of a method whose only unguarded publish, in its own body, is a platform send to the
        // chat a parameter gives (Notify(ChatId chat, string text) => bot.SendMessage(chat, text)): the parameter, so
        // that a referencing project judges each call by the chat it passes (its team's chat, the requester's).
        private IEnumerable<string[]> ChatSendRecords(Dictionary<string, (int Length, string Line, string[] Record)> publishes)
        {
            foreach (var facts in _bodies.Values)
            {
                if (facts.Owner is not { } owner || facts.ChatSend is not { } send)
                {
                    continue;
                }

                var direct = CallGraph.NameOf(owner) + " → " + send.Send.Steps;
                foreach (var visible in MethodLineage.Of(owner))
                {
                    if (visible.GetDocumentationCommentId() is { } id && publishes.TryGetValue(id, out var publish) && publish.Record[4] == direct
                        && visible.Parameters.Length > send.Ordinal)
                    {
                        yield return new[] { LibrarySummaries.ChatSendRecord, id, send.Ordinal.ToString(CultureInfo.InvariantCulture), publish.Record[2], publish.Record[3], direct };
                    }
                }
            }
        }

        // The methods a caller outside can call that make an unguarded request to the URL one of their parameters gives
        // (Send(string url, string text)), in their own body or through helpers they pass it to unguarded: nothing here
        // says where it goes, each call in a referencing project does. The URL may come down from a method of this
        // compilation that no search reached (a public method passing its parameter to a private helper that sends):
        // the helper's callers are followed up to CallSiteArguments' levels, by the guard analysis of their bodies.
        private IEnumerable<string[]> ArgumentSendRecords(Dictionary<string, (int Length, string Line, string[] Record)> publishes)
        {
            foreach (var facts in _bodies.Values.ToList())
            {
                if (facts.Owner is not { } owner || facts.ArgumentSend is not { } send || facts.Publishes)
                {
                    continue;
                }

                var api = send.Send.Steps;
                var url = send.Send.ArgumentUrl!;
                Dictionary<IMethodSymbol, string>? reached = null;
                foreach (var parameter in send.Parameters)
                {
                    if (parameter.ContainingSymbol is not IMethodSymbol declaring
                        || !SymbolEqualityComparer.Default.Equals(declaring.ContainingAssembly, _compilation.Assembly))
                    {
                        continue;
                    }

                    // A constructor's parameter (a base class's primary constructor, a field set from it): what a subclass
                    // passes to it decides, read where a subclass's inherited entry point runs.
                    if (declaring.MethodKind == MethodKind.Constructor)
                    {
                        if (IsCallableOutside(declaring) && !declaring.ContainingType.IsSealed && declaring.OriginalDefinition.GetDocumentationCommentId() is { } constructor)
                        {
                            foreach (var record in SubclassRecords(owner, declaring.ContainingType, constructor + "#" + parameter.Ordinal.ToString(CultureInfo.InvariantCulture), url, api, publishes))
                            {
                                yield return record;
                            }
                        }

                        continue;
                    }

                    declaring = declaring.OriginalDefinition;
                    string? path;
                    if (SymbolEqualityComparer.Default.Equals(declaring, owner))
                    {
                        path = CallGraph.NameOf(owner);
                    }
                    else
                    {
                        reached ??= ReachedUnguarded(owner);
                        path = reached.TryGetValue(declaring, out var steps) ? steps : null;
                    }

                    if (path is null)
                    {
                        continue;
                    }

                    // A member of the parameter (target.Url) or each of its elements (foreach (var url in urls)): a record
                    // an older reader skips, since it would read the whole argument as the URL.
                    var shape = ShapeOf(parameter, send.Shapes);
                    foreach (var visible in MethodLineage.Of(declaring))
                    {
                        if (IsCallableOutside(visible) && visible.GetDocumentationCommentId() is { } id && !publishes.ContainsKey(id)
                            && visible.Parameters.Length > parameter.Ordinal)
                        {
                            var ordinal = parameter.Ordinal.ToString(CultureInfo.InvariantCulture);
                            yield return WithShapes(shape is null
                                ? new[] { LibrarySummaries.ArgumentSendRecord, id, ordinal, url.Verb, path + " → " + api, url.After }
                                : new[] { LibrarySummaries.ShapedSendRecord, id, ordinal + shape, url.Verb, path + " → " + api, url.After }, url.BodyShapes);
                        }
                    }
                }

                // A property this type leaves to its subclasses: each subclass's override decides.
                foreach (var (source, shape) in send.Shapes)
                {
                    if (shape == "this" && source is IPropertySymbol { ContainingType: { IsSealed: false } type } property
                        && SymbolEqualityComparer.Default.Equals(property.ContainingAssembly, _compilation.Assembly)
                        && property.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal)
                    {
                        foreach (var record in SubclassRecords(owner, type, "this." + property.Name, url, api, publishes))
                        {
                            yield return record;
                        }
                    }
                }
            }
        }

        // The shape a reading noted for parameter (".Url", "[]"), or null when it read the parameter whole.
        private static string? ShapeOf(IParameterSymbol parameter, List<(ISymbol Source, string Shape)> shapes)
        {
            foreach (var (source, shape) in shapes)
            {
                if (source is IParameterSymbol noted && shape != "this" && CallerBindings.SameParameter(noted, parameter))
                {
                    return shape;
                }
            }

            return null;
        }

        // The records for a send whose URL a subclass of type gives (source): under owner, and under the methods of type
        // (or its bases) that reach owner unguarded, each where a caller outside can call it, so that a subclass's
        // inherited entry point (a BackgroundService's ExecuteAsync) is judged by what that subclass gives.
        private IEnumerable<string[]> SubclassRecords(IMethodSymbol owner, INamedTypeSymbol type, string source, ArgumentUrl url, string api, Dictionary<string, (int Length, string Line, string[] Record)> publishes)
        {
            foreach (var pair in ReachedUnguarded(owner))
            {
                if (pair.Key.IsStatic || !InHierarchy(type, pair.Key.ContainingType))
                {
                    continue;
                }

                // Under the method itself only: the member it overrides (BackgroundService.ExecuteAsync) runs for every
                // subclass, and the record says nothing of the others.
                if (IsCallableOutside(pair.Key) && pair.Key.GetDocumentationCommentId() is { } id && !publishes.ContainsKey(id))
                {
                    yield return WithShapes(new[] { LibrarySummaries.ShapedSendRecord, id, source, url.Verb, pair.Value + " → " + api, url.After }, url.BodyShapes);
                }
            }
        }

        // An A or U record with the shapes of the body sent (its seventh field), when it has any: the name a caller's
        // argument is read under and this body decide together there.
        private static string[] WithShapes(string[] record, string? shapes)
            => shapes is null ? record : new[] { record[0], record[1], record[2], record[3], record[4], record[5], shapes };

        // True when type is container or derives from it (the method runs on an instance of type).
        private static bool InHierarchy(INamedTypeSymbol type, INamedTypeSymbol? container)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, container?.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        // The methods that call method unguarded, directly or through others, with the path by name down to it.
        private Dictionary<IMethodSymbol, string> ReachedUnguarded(IMethodSymbol method)
        {
            var reached = new Dictionary<IMethodSymbol, string>(SymbolEqualityComparer.Default) { [method] = CallGraph.NameOf(method) };
            ReachCallers(new List<IMethodSymbol> { method }, MaxArgumentLevels, (caller, callee, _) =>
            {
                if (reached.ContainsKey(caller))
                {
                    return false;
                }

                reached[caller] = CallGraph.NameOf(caller) + " → " + reached[callee];
                return true;
            });
            return reached;
        }

        // As far as a URL parameter is followed to the arguments of its callers (CallSiteArguments).
        private const int MaxArgumentLevels = 3;

        // The methods a caller outside can call that reach an unguarded request to a URL read from configuration with
        // no value in this project's settings (a host's settings may give it one): the bodies analysed above that make
        // such a request, then their callers, round by round. The path is written by name, as for publish records.
        private IEnumerable<string[]> ConfiguredSendRecords(int maxDepth)
        {
            var sends = new Dictionary<IMethodSymbol, (ConfiguredUrl Url, string Path)>(SymbolEqualityComparer.Default);
            var frontier = new List<IMethodSymbol>();
            foreach (var facts in _bodies.Values.ToList())
            {
                if (facts.Owner is { } owner && facts.ConfiguredSend is { ConfiguredUrl: { } url } send && !sends.ContainsKey(owner))
                {
                    sends[owner] = (url, CallGraph.NameOf(owner) + " → " + send.Steps);
                    frontier.Add(owner);
                }
            }

            ReachCallers(frontier, maxDepth, (caller, method, _) =>
            {
                if (sends.ContainsKey(caller))
                {
                    return false;
                }

                sends[caller] = (sends[method].Url, CallGraph.NameOf(caller) + " → " + sends[method].Path);
                return true;
            });

            _configuredSenders = sends.Keys.ToList();
            foreach (var pair in sends)
            {
                foreach (var visible in MethodLineage.Of(pair.Key))
                {
                    if (IsCallableOutside(visible) && visible.GetDocumentationCommentId() is { } id)
                    {
                        var url = pair.Value.Url;
                        yield return url.BodyShapes is { } shapes
                            ? new[] { LibrarySummaries.ConfiguredSendRecord, id, url.Key, url.Verb, pair.Value.Path, url.Tail ?? string.Empty, string.Empty, string.Empty, shapes }
                            : url.Tail is { } tail
                            ? new[] { LibrarySummaries.ConfiguredSendRecord, id, url.Key, url.Verb, pair.Value.Path, tail }
                            : new[] { LibrarySummaries.ConfiguredSendRecord, id, url.Key, url.Verb, pair.Value.Path };
                    }
                }
            }
        }

        // The methods whose configured sends ConfiguredSendRecords wrote (RegistrationRecords reads their hosted services).
        private List<IMethodSymbol> _configuredSenders = new List<IMethodSymbol>();

        // The calls that add a service descriptor to a collection: a file that calls none creates none to register
        // (services.Add(new ServiceDescriptor(typeof(IHostedService), typeof(T), ServiceLifetime.Singleton))).
        private static readonly string[] DescriptorAddNames = { "Add", "TryAdd", "TryAddEnumerable", "Insert" };

        // For each hosted service of this library whose configured send a host's settings decide (a K record under its
        // ExecuteAsync or StartAsync), the methods a caller outside can call that register it, directly or through other
        // methods of this library, up to maxDepth calls: a host that calls AddNewsletter() runs the newsletter's worker,
        // one that calls only the library's AddHealthChecks() does not. One record per worker, with no method when only
        // a host's own AddHostedService<T>() can register it. Only the bodies that call a registration name, then
        // those that call a method found so far, by name, are bound.
        private IEnumerable<string[]> RegistrationRecords(int maxDepth)
        {
            var workers = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            foreach (var sender in _configuredSenders)
            {
                if (sender is { Name: "ExecuteAsync" or "StartAsync", IsStatic: false, ContainingType: { TypeKind: TypeKind.Class, IsAbstract: false } worker }
                    && IsCallableOutside(sender) && LibraryWorkers.IsHostedService(worker))
                {
                    workers.Add(worker.OriginalDefinition);
                }
            }

            if (workers.Count == 0)
            {
                yield break;
            }

            var trees = _compilation.SyntaxTrees.ToList();
            var registers = new Dictionary<IMethodSymbol, HashSet<INamedTypeSymbol>>(SymbolEqualityComparer.Default);
            var frontier = new List<IMethodSymbol>();
            Dictionary<IMethodSymbol, int>? registrars = null;
            foreach (var call in HostedRegistrations(trees))
            {
                var hosted = SemanticModelOf(call.SyntaxTree).GetOperation(call, _cancellationToken) is { } operation ? LibraryWorkers.HostedServiceRegisteredBy(operation) : null;
                if (hosted is INamedTypeSymbol named && workers.Contains(named.OriginalDefinition) && Caller(call) is { } owner)
                {
                    var worker = named.OriginalDefinition;
                    if (!registers.TryGetValue(owner, out var registered))
                    {
                        registers[owner] = registered = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
                        frontier.Add(owner);
                    }

                    registered.Add(worker);
                }
                else if (hosted is ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method } parameter && Caller(call) is { } helper
                         && SymbolEqualityComparer.Default.Equals(parameter.DeclaringMethod?.OriginalDefinition, helper))
                {
                    (registrars ??= new Dictionary<IMethodSymbol, int>(SymbolEqualityComparer.Default))[helper] = parameter.Ordinal;
                }
            }

            // A generic helper of this library that registers its type argument (AddWorker<TWorker>() calling
            // AddHostedService<TWorker>()) registers the worker each call names: AddNewsletter() => AddWorker<NewsletterWorker>().
            if (registrars is not null)
            {
                var names = registrars.Keys.Select(CalledName).Distinct(StringComparer.Ordinal).OrderBy(name => name, StringComparer.Ordinal).ToArray();
                foreach (var call in InvocationsNamed(trees, names))
                {
                    if (Invoked(call) is { } invoked && registrars.TryGetValue((invoked.ReducedFrom ?? invoked).OriginalDefinition, out var ordinal)
                        && ordinal < invoked.TypeArguments.Length && invoked.TypeArguments[ordinal] is INamedTypeSymbol named
                        && workers.Contains(named.OriginalDefinition) && Caller(call) is { } owner)
                    {
                        if (!registers.TryGetValue(owner, out var registered))
                        {
                            registers[owner] = registered = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
                            frontier.Add(owner);
                        }

                        registered.Add(named.OriginalDefinition);
                    }
                }
            }

            for (var depth = 1; frontier.Count > 0 && depth <= maxDepth; depth++)
            {
                var byName = frontier.GroupBy(CalledName, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.ToList(), StringComparer.Ordinal);
                var next = new List<IMethodSymbol>();
                foreach (var call in InvocationsNamed(trees, byName.Keys.OrderBy(name => name, StringComparer.Ordinal).ToArray()))
                {
                    if (Invoked(call) is not { } invoked || Caller(call) is not { } owner)
                    {
                        continue;
                    }

                    var callee = (invoked.ReducedFrom ?? invoked).OriginalDefinition;
                    foreach (var method in byName[TreeIndex.CalledName(call)!])
                    {
                        if (!SymbolEqualityComparer.Default.Equals(callee, method) || SymbolEqualityComparer.Default.Equals(owner, method))
                        {
                            continue;
                        }

                        var isNew = !registers.TryGetValue(owner, out var registered);
                        if (isNew)
                        {
                            registers[owner] = registered = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
                        }

                        var before = registered!.Count;
                        registered.UnionWith(registers[method]);
                        if (isNew || registered.Count > before)
                        {
                            next.Add(owner);
                        }
                    }
                }

                frontier = next;
            }

            foreach (var worker in workers)
            {
                if (worker.GetDocumentationCommentId() is not { } workerId)
                {
                    continue;
                }

                var record = new List<string> { LibrarySummaries.RegistrationRecord, workerId };
                record.AddRange(registers
                    .Where(pair => pair.Value.Contains(worker) && IsCallableOutside(pair.Key))
                    .Select(pair => pair.Key.GetDocumentationCommentId())
                    .OfType<string>()
                    .Distinct(StringComparer.Ordinal)
                    .OrderBy(id => id, StringComparer.Ordinal));
                yield return record.ToArray();
            }
        }

        // The calls by a registration name, then the service descriptors created in files that add one.
        private IEnumerable<SyntaxNode> HostedRegistrations(List<SyntaxTree> trees)
        {
            foreach (var call in InvocationsNamed(trees, LibraryWorkers.RegistrationNames))
            {
                yield return call;
            }

            for (var position = 0; position < _index.Length; position++)
            {
                var index = _index[position];
                if (!DescriptorAddNames.Any(name => index.CalledNames.Contains(name)))
                {
                    continue;
                }

                foreach (var tree in TreesAt(trees, position, index))
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    foreach (var node in tree.GetRoot(_cancellationToken).DescendantNodes())
                    {
                        if (node is ObjectCreationExpressionSyntax { Type: var type } && TypeName(type) == "ServiceDescriptor")
                        {
                            yield return node;
                        }
                    }
                }
            }

            static string? TypeName(TypeSyntax type)
                => type switch
                {
                    QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                    SimpleNameSyntax simple => simple.Identifier.ValueText,
                    _ => null,
                };
        }

        // The invocations by one of names in the trees whose index says they invoke it.
        private IEnumerable<SyntaxNode> InvocationsNamed(List<SyntaxTree> trees, string[] names)
        {
            for (var position = 0; position < _index.Length; position++)
            {
                var index = _index[position];
                if (!names.Any(name => index.CalledNames.Contains(name)))
                {
                    continue;
                }

                foreach (var tree in TreesAt(trees, position, index))
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    foreach (var node in tree.GetRoot(_cancellationToken).DescendantNodes())
                    {
                        if (node is InvocationExpressionSyntax && TreeIndex.CalledName(node) is { } name && System.Array.IndexOf(names, name) >= 0)
                        {
                            yield return node;
                        }
                    }
                }
            }
        }

        // The tree an index entry was read from: the one at its position, as the index is built in the trees' order;
        // looked for by path only when that order does not hold.
        private static SyntaxTree[] TreesAt(List<SyntaxTree> trees, int position, TreeIndex index)
            => position < trees.Count && trees[position].FilePath == index.Path
                ? new[] { trees[position] }
                : trees.Where(tree => tree.FilePath == index.Path).ToArray();

        private IMethodSymbol? Invoked(SyntaxNode call)
            => SemanticModelOf(call.SyntaxTree).GetSymbolInfo(call, _cancellationToken).Symbol as IMethodSymbol;

        private IMethodSymbol? Caller(SyntaxNode call)
            => TreeIndex.MemberOf(call) is { } member && member is not ArrowExpressionClauseSyntax ? OwnerOf(member) : null;

        // The methods a caller outside can call that reach, unguarded, a call of a port: a member another assembly may
        // implement (an interface member, an abstract or virtual method) of a type this assembly declares and does not
        // implement or derive from itself (Candidates.PortNames): one record
        // per member, with the path to it by name, so a referencing compilation continues the call into the
        // implementations it sees. The bodies that call such a member by name, then their callers round by round, each
        // gathering its callees' members. Not written under a key that has a publish record (the caller is reported
        // anyway).
        private IEnumerable<string[]> DispatchRecords(int maxDepth, Dictionary<string, (int Length, string Line, string[] Record)> published)
        {
            var openNames = new SortedSet<string>(Candidates.PortNames(_index, out var implemented), StringComparer.Ordinal);
            bool IsPort(IMethodSymbol member) => !implemented.Contains(member.ContainingType.Name) && IsOpenOutside(member);

            // Per method, each member's key and the path from the method to it (the first found is one of the shortest).
            var members = new Dictionary<IMethodSymbol, Dictionary<string, string>>(SymbolEqualityComparer.Default);
            var frontier = new List<IMethodSymbol>();
            foreach (var name in openNames)
            {
                if (!_callsByName.TryGetValue(name, out var calls))
                {
                    continue;
                }

                foreach (var call in calls)
                {
                    if (Analyze(call) is not { Owner: { } owner } facts)
                    {
                        continue;
                    }

                    foreach (var (member, key) in facts.OpenCalls(IsPort))
                    {
                        if (!members.TryGetValue(owner, out var reached))
                        {
                            members[owner] = reached = new Dictionary<string, string>(StringComparer.Ordinal);
                            frontier.Add(owner);
                        }

                        if (!reached.ContainsKey(key))
                        {
                            reached[key] = CallGraph.NameOf(owner) + " → " + CallGraph.NameOf(member);
                        }
                    }
                }
            }

            ReachCallers(frontier, maxDepth, (caller, method, _) =>
            {
                if (!members.TryGetValue(caller, out var reached))
                {
                    members[caller] = reached = new Dictionary<string, string>(StringComparer.Ordinal);
                }

                var grew = false;
                foreach (var pair in members[method])
                {
                    if (!reached.ContainsKey(pair.Key))
                    {
                        reached[pair.Key] = CallGraph.NameOf(caller) + " → " + pair.Value;
                        grew = true;
                    }
                }

                return grew;
            });

            foreach (var pair in members)
            {
                foreach (var visible in MethodLineage.Of(pair.Key))
                {
                    if (!IsCallableOutside(visible) || visible.GetDocumentationCommentId() is not { } id)
                    {
                        continue;
                    }

                    foreach (var key in Keys(id, visible, pair.Key))
                    {
                        if (published.ContainsKey(key))
                        {
                            continue;
                        }

                        foreach (var member in pair.Value)
                        {
                            yield return new[] { LibrarySummaries.DispatchRecord, key, member.Key, member.Value };
                        }
                    }
                }
            }
        }

        // A member another assembly may implement, which a caller outside may reach through this assembly: an interface
        // member, or an abstract or virtual method that can be overridden there, declared here (as the index found them
        // by name: a referenced assembly's are not looked for, so none is written), no confirmation (its body asks,
        // never publishes) and no publisher (its call publishes here already).
        private bool IsOpenOutside(IMethodSymbol member)
            => SymbolEqualityComparer.Default.Equals(member.ContainingAssembly, _compilation.Assembly)
               && CallGraph.MayDispatchIntoSource(member)
               && !member.IsSealed && (member.ContainingType.TypeKind == TypeKind.Interface || !member.ContainingType.IsSealed)
               && IsCallableOutside(member.OriginalDefinition)
               && _model.Confirmations.Classify(member) is null
               && _model.Publishing.Classify(member) is null;

        // The methods a caller outside can call that return machine-written text nobody reviewed (PRES008 across
        // projects): those that call a model by name, then their callers, each decided by the guard analysis.
        private IEnumerable<string[]> MachineWrittenRecords(int maxDepth)
        {
            if (_model.MachineWriters is null)
            {
                yield break;
            }

            var writes = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            var checkedMembers = new HashSet<SyntaxNode>();
            var frontier = WriterNames().ToList();
            for (var depth = 0; frontier.Count > 0 && depth <= maxDepth; depth++)
            {
                var next = new List<string>();
                foreach (var name in frontier)
                {
                    if (!_callsByName.TryGetValue(name, out var calls))
                    {
                        continue;
                    }

                    foreach (var call in calls)
                    {
                        if (TreeIndex.MemberOf(call) is not { } member || checkedMembers.Count >= MaxBodies || !checkedMembers.Add(member)
                            || OwnerOf(member) is not { } owner || writes.Contains(owner)
                            || !ReturnedContent.Returns(_model, _compilation, owner, _cancellationToken))
                        {
                            continue;
                        }

                        writes.Add(owner);
                        next.Add(CalledName(owner));
                    }
                }

                frontier = next.Distinct(StringComparer.Ordinal).ToList();
            }

            foreach (var method in writes)
            {
                foreach (var visible in MethodLineage.Of(method))
                {
                    if (IsCallableOutside(visible) && visible.GetDocumentationCommentId() is { } id)
                    {
                        yield return new[] { LibrarySummaries.MachineWrittenRecord, id };
                    }
                }
            }
        }

        private IMethodSymbol? OwnerOf(SyntaxNode member)
        {
            var semanticModel = SemanticModelOf(member.SyntaxTree);
            var owner = member is ArrowExpressionClauseSyntax arrow
                ? (semanticModel.GetDeclaredSymbol(arrow.Parent!, _cancellationToken) as IPropertySymbol)?.GetMethod
                : semanticModel.GetDeclaredSymbol(member, _cancellationToken) as IMethodSymbol;
            return owner?.OriginalDefinition;
        }

        private SemanticModel SemanticModelOf(SyntaxTree tree)
        {
            if (!_semanticModels.TryGetValue(tree, out var semanticModel))
            {
                _semanticModels[tree] = semanticModel = WithoutNullableAnalysis(_compilation, tree);
            }

            return semanticModel;
        }

        // The summary reads no nullability (symbols are compared and named without it), so its bodies are bound without
        // the nullable analysis pass that follows each binding otherwise. The option is marked experimental
        // (RSEXPERIMENTAL001), though every compiler from 4.8 on has it: one without it binds with the pass (and is
        // asked once, not for every tree).
        private static SemanticModel WithoutNullableAnalysis(Compilation compilation, SyntaxTree tree)
        {
            if (!_nullableAnalysisOptionMissing)
            {
                try
                {
                    return DisableNullableAnalysis(compilation, tree);
                }
                catch (Exception e) when (e is MissingMemberException or TypeLoadException)
                {
                    _nullableAnalysisOptionMissing = true;
                }
            }

            return compilation.GetSemanticModel(tree);
        }

        private static volatile bool _nullableAnalysisOptionMissing;

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static SemanticModel DisableNullableAnalysis(Compilation compilation, SyntaxTree tree)
        {
#pragma warning disable RSEXPERIMENTAL001 // see WithoutNullableAnalysis
            return compilation.GetSemanticModel(tree, SemanticModelOptions.DisableNullableAnalysis);
#pragma warning restore RSEXPERIMENTAL001
        }

        // One walk over each candidate tree: its calls by invoked name, method groups passed as arguments included.
        private void IndexCalls(ImmutableArray<int> candidates)
        {
            var trees = _compilation.SyntaxTrees.ToList();
            foreach (var position in candidates)
            {
                foreach (var tree in TreesAt(trees, position, _index[position]))
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    foreach (var node in tree.GetRoot(_cancellationToken).DescendantNodes())
                    {
                        if (TreeIndex.CalledName(node) is { } name)
                        {
                            if (!_callsByName.TryGetValue(name, out var list))
                            {
                                _callsByName[name] = list = new List<SyntaxNode>();
                            }

                            list.Add(node);
                        }
                    }
                }
            }
        }

        // A superset of the names a publish call can have here: catalogued members, raw requests and HTTP sends, the
        // methods referenced assemblies make publishers by attribute and those referenced summaries name (ReferenceFacts),
        // the source's own publishers (the index adds them), and declared APIs.
        private HashSet<string> SinkNames()
        {
            var names = new HashSet<string>(_references.SinkNames, StringComparer.Ordinal);
            names.UnionWith(_model.Declared.MemberNames);
            names.UnionWith(_model.Libraries.MethodNames);
            foreach (var tree in _index)
            {
                names.UnionWith(tree.PublisherNames);
            }

            return names;
        }

        private IEnumerable<string> WriterNames()
            => MachineWriters.MethodNames.Concat(_model.Libraries.MachineWrittenNames).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal);

        // Round by round up to maxDepth: the callers (by name, then by the guard analysis of their bodies) whose
        // unguarded call lands on a method of the frontier; each is reported with the method it calls and its depth, and
        // becomes the next round's frontier when reach says it is new (or learnt something new).
        private void ReachCallers(List<IMethodSymbol> frontier, int maxDepth, Func<IMethodSymbol, IMethodSymbol, int, bool> reach)
        {
            for (var depth = 1; frontier.Count > 0 && depth <= maxDepth; depth++)
            {
                var next = new List<IMethodSymbol>();
                foreach (var method in frontier)
                {
                    if (!_callsByName.TryGetValue(CalledName(method), out var calls))
                    {
                        continue;
                    }

                    foreach (var call in calls)
                    {
                        if (Analyze(call) is { Owner: { } caller } facts && facts.Calls(method) && reach(caller, method, depth))
                        {
                            next.Add(caller);
                        }
                    }
                }

                frontier = next;
            }
        }

        // The name a call of the method is written with (an explicit implementation is called by its interface's name).
        private static string CalledName(IMethodSymbol method)
            => method.MethodKind == MethodKind.ExplicitInterfaceImplementation && method.ExplicitInterfaceImplementations.Length > 0
                ? method.ExplicitInterfaceImplementations[0].Name
                : method.Name;

        private BodyFacts? Analyze(SyntaxNode call)
        {
            if (TreeIndex.MemberOf(call) is not { } member)
            {
                return null;
            }

            if (_bodies.TryGetValue(member, out var known))
            {
                return known;
            }

            if (_bodies.Count >= MaxBodies)
            {
                return null;
            }

            _cancellationToken.ThrowIfCancellationRequested();
            var facts = Collect(member);
            _bodies[member] = facts;
            return facts;
        }

        private BodyFacts Collect(SyntaxNode member)
        {
            var tree = member.SyntaxTree;
            var semanticModel = SemanticModelOf(tree);
            var owner = OwnerOf(member);
            if (owner is null || _model.Scopes.IsExemptMember(owner) || semanticModel.GetOperation(member, _cancellationToken) is not { } body)
            {
                return BodyFacts.None;
            }

            var options = PresenceOptions.Read(_options.AnalyzerConfigOptionsProvider.GetOptions(tree));
            var sites = new Dictionary<SyntaxNode, PublishTarget>();
            Dictionary<SyntaxNode, (List<IParameterSymbol> Parameters, List<(ISymbol Source, string Shape)> Shapes)>? byArgument = null;
            Dictionary<SyntaxNode, int>? byChat = null;
            var flow = false;
            foreach (var operation in body.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IInvocationOperation invocation:
                        var outerShapes = CallerBindings.StartShapes();
                        var outer = CallerBindings.StartRecording();
                        var classified = _model.Classify(invocation, options);
                        var consulted = CallerBindings.StopRecording(outer);

                        // A public method's URL parameter that this compilation's own calls fill (a heartbeat to the
                        // team's service) says nothing of what callers outside pass: read again without them.
                        if (classified is not { Kind: PublishKind.Endpoint or PublishKind.Catalogued or PublishKind.Declared or PublishKind.RequiresApproval }
                            && classified?.ArgumentUrl is null && consulted.Count > 0
                            && OutsideParameters(consulted, owner) is { } outside
                            && CallerBindings.ReadForOutside(outside, () => _model.Classify(invocation, options), out var consultedOutside) is { Kind: PublishKind.Unresolved, ArgumentUrl: not null } forOutside)
                        {
                            classified = forOutside;
                            consulted = consultedOutside;
                        }

                        var shapes = CallerBindings.StopShapes(outerShapes);

                        if (classified is { } target)
                        {
                            sites[invocation.Syntax] = target;
                            flow = true;

                            // A platform send to the chat one of this method's own parameters gives: each caller decides
                            // whose chat it is (a C record beside the P record).
                            if (target.Kind == PublishKind.Catalogued && target.Platform is not null
                                && CallGraph.OwnParameters(consulted, owner) is { Length: 1 } chat)
                            {
                                (byChat ??= new Dictionary<SyntaxNode, int>())[invocation.Syntax] = chat[0].Ordinal;
                            }

                            // A request to a URL a parameter gives (this method's, or a caller's passed down to it): a
                            // caller outside decides (an A record).
                            if (target is { Kind: PublishKind.Unresolved, ArgumentUrl: not null } && (consulted.Count > 0 || shapes.Count > 0))
                            {
                                var parameters = new List<IParameterSymbol>(consulted);
                                foreach (var (source, _) in shapes)
                                {
                                    // A member of a parameter no call site here passes: read for callers outside.
                                    if (source is IParameterSymbol shaped && !parameters.Exists(known => CallerBindings.SameParameter(known, shaped)))
                                    {
                                        parameters.Add(shaped);
                                    }
                                }

                                (byArgument ??= new Dictionary<SyntaxNode, (List<IParameterSymbol>, List<(ISymbol, string)>)>())[invocation.Syntax] = (parameters, shapes);
                            }
                        }
                        else
                        {
                            flow |= _model.Confirmations.Classify(invocation.TargetMethod) is not null;
                            NoteCall(sites, invocation.Syntax, invocation.TargetMethod);
                        }

                        break;
                    case IMethodReferenceOperation reference:
                        if (_model.Publishing.Classify(reference.Method) is { } referenced && options.IsEnabled(referenced.Category, referenced.Platform))
                        {
                            sites[reference.Syntax] = referenced.WithMethod(reference.Method);
                            flow = true;
                        }
                        else
                        {
                            NoteCall(sites, reference.Syntax, reference.Method);
                        }

                        break;
                }
            }

            if (sites.Count == 0)
            {
                return BodyFacts.None;
            }

            IEnumerable<(SyntaxNode Syntax, PublishTarget Target)> unguarded;
            if (flow && ControlFlowGraphOf(body) is { } graph)
            {
                unguarded = ConfirmationFlowAnalysis.AnalyzeSites(graph, _model, sites, _cancellationToken)
                    .Where(site => !site.Guarded).Select(site => (site.Syntax, site.Target)).ToList();
            }
            else
            {
                unguarded = sites.Select(site => (site.Key, site.Value)).ToList();
            }

            var facts = new BodyFacts(owner.OriginalDefinition, unguarded.ToList(), _model.Libraries);
            if (byChat is not null && unguarded.Count(site => site.Target.Kind != PublishKind.Call) == 1)
            {
                foreach (var (syntax, target) in unguarded)
                {
                    if (byChat.TryGetValue(syntax, out var ordinal))
                    {
                        facts.ChatSend = (ordinal, target);
                    }
                }
            }

            if (byArgument is not null)
            {
                foreach (var (syntax, target) in unguarded)
                {
                    if (byArgument.TryGetValue(syntax, out var read))
                    {
                        facts.ArgumentSend = (read.Parameters, target, read.Shapes);
                        break;
                    }
                }
            }

            return facts;
        }

        // The parameters among consulted of owner, or of a method of this compilation, that a caller in another assembly
        // can pass (the method is callable outside), or null.
        private List<IParameterSymbol>? OutsideParameters(List<IParameterSymbol> consulted, IMethodSymbol owner)
        {
            List<IParameterSymbol>? outside = null;
            foreach (var parameter in consulted)
            {
                if (parameter.ContainingSymbol is IMethodSymbol method
                    && SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _compilation.Assembly)
                    && MethodLineage.Of(method.OriginalDefinition).Any(IsCallableOutside))
                {
                    (outside ??= new List<IParameterSymbol>()).Add(parameter);
                }
            }

            return outside;
        }

        // The keys a caller outside finds the record under: a member of a generic interface is kept per closed interface
        // the implementing type lists (a caller of IHandler<Count, int> must not reach the handler of Announce), or
        // under its own id when the type implements it for any type arguments (class Handler<T> : IHandler<T, bool>).
        private static IEnumerable<string> Keys(string id, IMethodSymbol visible, IMethodSymbol implementation)
        {
            if (visible.ContainingType is not { TypeKind: TypeKind.Interface, IsGenericType: true } generic
                || SymbolEqualityComparer.Default.Equals(visible, implementation.OriginalDefinition)
                || implementation.ContainingType is not { } type)
            {
                yield return id;
                yield break;
            }

            foreach (var @interface in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(@interface.OriginalDefinition, generic.OriginalDefinition))
                {
                    yield return CallGraph.HasTypeParameters(@interface) ? id : LibrarySummaries.ClosedId(id, @interface);
                }
            }
        }

        private void NoteCall(Dictionary<SyntaxNode, PublishTarget> sites, SyntaxNode syntax, IMethodSymbol callee)
        {
            callee = callee.ReducedFrom ?? callee;
            if (callee.MethodKind is MethodKind.LocalFunction or MethodKind.AnonymousFunction)
            {
                return;
            }

            if (SymbolEqualityComparer.Default.Equals(callee.ContainingAssembly, _compilation.Assembly) || _model.Libraries.FindPublish(callee) is not null
                || CallGraph.MayDispatchIntoSource(callee))
            {
                sites[syntax] = new PublishTarget(callee, PublishKind.Call, platform: null);
            }
        }

        private ControlFlowGraph? ControlFlowGraphOf(IOperation body)
            => body switch
            {
                IMethodBodyOperation method => ControlFlowGraph.Create(method, _cancellationToken),
                IConstructorBodyOperation constructor => ControlFlowGraph.Create(constructor, _cancellationToken),
                IBlockOperation { Parent: null } block => ControlFlowGraph.Create(block, _cancellationToken),
                _ => null,
            };

        // Public, or protected in a type others can derive from, all the way out; or declared by another assembly.
        private bool IsCallableOutside(IMethodSymbol method)
        {
            if (!SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _compilation.Assembly))
            {
                return true;
            }

            for (ISymbol? symbol = method; symbol is not null and not INamespaceSymbol; symbol = symbol.ContainingSymbol)
            {
                if (symbol.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>What one body does that a path can go through: its unguarded publishes and unguarded calls.</summary>
        private sealed class BodyFacts
        {
            public static readonly BodyFacts None = new BodyFacts(null, new List<(SyntaxNode, PublishTarget)>(), LibrarySummaries.Empty);

            private readonly List<(SyntaxNode Syntax, PublishTarget Target)> _unguarded;

            public BodyFacts(IMethodSymbol? owner, List<(SyntaxNode Syntax, PublishTarget Target)> unguarded, LibrarySummaries libraries)
            {
                Owner = owner;
                _unguarded = unguarded;
                Publishes = unguarded.Any(site => site.Target.Kind is not (PublishKind.Call or PublishKind.Unresolved) || (site.Target.Kind == PublishKind.Call && libraries.FindPublish(site.Target.Method) is not null));
            }

            public IMethodSymbol? Owner { get; }

            /// <summary>An unguarded request here whose whole URL is a configuration key without a value, or null.</summary>
            public PublishTarget? ConfiguredSend => _unguarded.FirstOrDefault(site => site.Target.ConfiguredUrl is not null).Target;

            /// <summary>True when the body publishes unguarded itself, or calls a library method that does.</summary>
            public bool Publishes { get; }

            /// <summary>The one unguarded publish here, a platform send to the chat the parameter at the ordinal gives, or null.</summary>
            public (int Ordinal, PublishTarget Send)? ChatSend { get; set; }

            /// <summary>An unguarded request here to the URL one of the parameters gives, or null.</summary>
            public (List<IParameterSymbol> Parameters, PublishTarget Send, List<(ISymbol Source, string Shape)> Shapes)? ArgumentSend { get; set; }

            /// <summary>
            /// The unguarded calls here of members <paramref name="open"/> says another assembly may implement, each with
            /// its record key: the documentation id, or for a closed generic interface's member <see cref="LibrarySummaries.ClosedId"/>.
            /// </summary>
            public IEnumerable<(IMethodSymbol Member, string Key)> OpenCalls(Func<IMethodSymbol, bool> open)
            {
                foreach (var (_, target) in _unguarded)
                {
                    if (target.Kind == PublishKind.Call && open(target.Method) && target.Method.OriginalDefinition.GetDocumentationCommentId() is { } id)
                    {
                        yield return (target.Method, CallGraph.Through(target.Method) is { } closed ? LibrarySummaries.ClosedId(id, closed) : id);
                    }
                }
            }

            /// <summary>True when an unguarded call here can land in <paramref name="method"/>.</summary>
            public bool Calls(IMethodSymbol method)
            {
                foreach (var (_, target) in _unguarded)
                {
                    if (target.Kind == PublishKind.Call && MethodLineage.Of(method).Contains(target.Method.OriginalDefinition, SymbolEqualityComparer.Default))
                    {
                        return true;
                    }
                }

                return false;
            }

            public void AddTo(CallGraph graph)
            {
                if (Owner is null)
                {
                    return;
                }

                foreach (var (syntax, target) in _unguarded)
                {
                    if (target.Kind == PublishKind.Call)
                    {
                        graph.AddCall(Owner, target.Method, syntax);
                    }
                    else
                    {
                        graph.AddPublish(Owner, target, syntax);
                    }
                }
            }
        }
    }
}
