using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Presence.Analyzers.Model;

namespace Presence.Analyzers.Paths
{
    /// <summary>
    /// The hosted services of referenced libraries that post to a URL this compilation's settings make a publish
    /// endpoint (a library's <c>AnnouncementsWorker</c> posting to <c>config["Announcements:Url"]</c>, which only the
    /// host's appsettings.json sets). The library's own build could not tell, so each is an entry point here, reported
    /// where this compilation registers it: <c>AddHostedService&lt;AnnouncementsWorker&gt;()</c>, or a call of the
    /// library's own registration method (<c>services.AddAnnouncements()</c>).
    /// </summary>
    /// <remarks>
    /// Exists only where a summary's configured send publishes by this compilation's settings: elsewhere no call is asked.
    /// </remarks>
    internal sealed class LibraryWorkers
    {
        private readonly Dictionary<INamedTypeSymbol, IMethodSymbol> _entries;
        private readonly Dictionary<IMethodSymbol, List<INamedTypeSymbol>> _registeredBy;
        private readonly HashSet<IAssemblySymbol> _unsummarized;
        private readonly ConcurrentBag<(INamedTypeSymbol Worker, SyntaxNode Call, string? Method)> _registrations = new ConcurrentBag<(INamedTypeSymbol, SyntaxNode, string?)>();

        private LibraryWorkers(Dictionary<INamedTypeSymbol, IMethodSymbol> entries, Dictionary<IMethodSymbol, List<INamedTypeSymbol>> registeredBy, HashSet<IAssemblySymbol> unsummarized)
        {
            _entries = entries;
            _registeredBy = registeredBy;
            _unsummarized = unsummarized;
        }

        /// <summary>The library workers this compilation's settings make publish, or null when there are none.</summary>
        public static LibraryWorkers? For(LibrarySummaries libraries, Compilation compilation)
        {
            if (!libraries.HasPublishes)
            {
                return null;
            }

            Dictionary<INamedTypeSymbol, IMethodSymbol>? entries = null;
            foreach (var (method, _) in libraries.DecidedHere())
            {
                if (method is { Name: "ExecuteAsync" or "StartAsync", IsStatic: false, ContainingType: { TypeKind: TypeKind.Class, IsAbstract: false } worker }
                    && IsHostedService(worker))
                {
                    (entries ??= new Dictionary<INamedTypeSymbol, IMethodSymbol>(SymbolEqualityComparer.Default))[worker] = method;
                }
            }

            if (entries is null)
            {
                return null;
            }

            // The registration methods each library's summary names for its workers, as symbols here; a library whose
            // summary names none (built by an older release) has each of its IServiceCollection extension methods stand
            // for all its workers, as before.
            var registeredBy = new Dictionary<IMethodSymbol, List<INamedTypeSymbol>>(SymbolEqualityComparer.Default);
            var unsummarized = new HashSet<IAssemblySymbol>(SymbolEqualityComparer.Default);
            foreach (var assembly in entries.Keys.Select(worker => worker.ContainingAssembly).Distinct(SymbolEqualityComparer.Default).OfType<IAssemblySymbol>())
            {
                if (LibrarySummaries.RegistrationsOf(assembly) is not { } registrations)
                {
                    unsummarized.Add(assembly);
                    continue;
                }

                foreach (var worker in entries.Keys)
                {
                    if (!SymbolEqualityComparer.Default.Equals(worker.ContainingAssembly, assembly)
                        || worker.GetDocumentationCommentId() is not { } workerId || !registrations.TryGetValue(workerId, out var methods))
                    {
                        continue;
                    }

                    foreach (var id in methods)
                    {
                        foreach (var symbol in DocumentationCommentId.GetSymbolsForDeclarationId(id, compilation))
                        {
                            if (symbol is IMethodSymbol registration && SymbolEqualityComparer.Default.Equals(registration.ContainingAssembly, assembly))
                            {
                                if (!registeredBy.TryGetValue(registration, out var workers))
                                {
                                    registeredBy[registration] = workers = new List<INamedTypeSymbol>();
                                }

                                workers.Add(worker);
                            }
                        }
                    }
                }
            }

            return new LibraryWorkers(entries, registeredBy, unsummarized);
        }

        /// <summary>
        /// Notes <paramref name="call"/> when it registers one of the workers: <c>AddHostedService&lt;T&gt;()</c> of one,
        /// a method its library's summary says registers it, or, for a library whose summary does not say, an
        /// <c>IServiceCollection</c> extension method of that library.
        /// </summary>
        public void Note(IInvocationOperation call)
        {
            var method = call.TargetMethod;
            if (method is { Name: "AddHostedService", TypeArguments.Length: 1 } && method.TypeArguments[0] is INamedTypeSymbol hosted
                && _entries.ContainsKey(hosted.OriginalDefinition))
            {
                _registrations.Add((hosted.OriginalDefinition, call.Syntax, null));
                return;
            }

            var definition = (method.ReducedFrom ?? method).OriginalDefinition;
            if (_registeredBy.Count > 0 && _registeredBy.TryGetValue(definition, out var registered))
            {
                foreach (var worker in registered)
                {
                    _registrations.Add((worker, call.Syntax, definition.Name));
                }

                return;
            }

            // The library's own generic registration given its worker (services.AddWorker<NewsletterWorker>()).
            if (method.TypeArguments.Length > 0 && definition is { Parameters.Length: > 0 } && definition.Parameters[0].Type.Name == "IServiceCollection")
            {
                foreach (var argument in method.TypeArguments)
                {
                    if (argument is INamedTypeSymbol named && _entries.ContainsKey(named.OriginalDefinition)
                        && SymbolEqualityComparer.Default.Equals(named.ContainingAssembly, definition.ContainingAssembly))
                    {
                        _registrations.Add((named.OriginalDefinition, call.Syntax, definition.Name));
                        return;
                    }
                }
            }

            if (_unsummarized.Count > 0 && definition is { IsExtensionMethod: true, Parameters.Length: > 0 } && definition.Parameters[0].Type.Name == "IServiceCollection"
                && definition.ContainingAssembly is { } assembly && _unsummarized.Contains(assembly))
            {
                foreach (var worker in _entries.Keys)
                {
                    if (SymbolEqualityComparer.Default.Equals(worker.ContainingAssembly, assembly))
                    {
                        _registrations.Add((worker, call.Syntax, definition.Name));
                    }
                }
            }
        }

        /// <summary>
        /// An entry point for each registered worker, at the registration that says it best: its own
        /// <c>AddHostedService&lt;T&gt;()</c>, else the library's registration method, the first in the source.
        /// </summary>
        public IEnumerable<EntryPoint> Entries()
        {
            foreach (var registrations in _registrations.GroupBy(r => r.Worker, SymbolEqualityComparer.Default))
            {
                var (worker, call, method) = registrations
                    .OrderBy(r => r.Method is null ? 0 : 1)
                    .ThenBy(r => r.Call.SyntaxTree.FilePath, System.StringComparer.Ordinal)
                    .ThenBy(r => r.Call.SpanStart)
                    .First();
                var reason = "hosted service of " + worker.ContainingAssembly.Name + ", registered " + (method is null ? "here" : "by " + method);
                yield return EntryPoint.RegisteredFromLibrary(_entries[worker], reason, call);
            }
        }

        /// <summary>True when <paramref name="type"/> implements <c>Microsoft.Extensions.Hosting.IHostedService</c>.</summary>
        public static bool IsHostedService(INamedTypeSymbol type)
        {
            foreach (var implemented in type.AllInterfaces)
            {
                if (IsHostedServiceInterface(implemented))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when <paramref name="type"/> is <c>Microsoft.Extensions.Hosting.IHostedService</c>.</summary>
        public static bool IsHostedServiceInterface(INamedTypeSymbol type)
            => type is { Name: "IHostedService", ContainingNamespace: { Name: "Hosting", ContainingNamespace: { Name: "Extensions", ContainingNamespace.Name: "Microsoft" } } };
    }
}
