using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
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
    /// where this compilation registers it: <c>AddHostedService&lt;AnnouncementsWorker&gt;()</c> (or any other
    /// registration of it as an <c>IHostedService</c>), or a call of the
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
        /// Notes <paramref name="operation"/> when it registers one of the workers: as a hosted service itself (see
        /// <see cref="HostedServiceRegisteredBy"/>), by a method its library's summary says registers it, or, for a
        /// library whose summary does not say, by an <c>IServiceCollection</c> extension method of that library.
        /// </summary>
        public void Note(IOperation operation)
        {
            if (HostedServiceRegisteredBy(operation) is INamedTypeSymbol hosted && _entries.ContainsKey(hosted.OriginalDefinition))
            {
                _registrations.Add((hosted.OriginalDefinition, operation.Syntax, null));
                return;
            }

            if (operation is not IInvocationOperation call)
            {
                return;
            }

            var method = call.TargetMethod;

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
        /// An entry point for each registered worker, at the registration that says it best: its own registration as a
        /// hosted service, else the library's registration method, the first in the source.
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

        /// <summary>
        /// The type <paramref name="operation"/> registers as a hosted service, or null: <c>AddHostedService&lt;T&gt;()</c>
        /// (also given a factory), an <c>IHostedService</c> registration given the type
        /// (<c>AddSingleton&lt;IHostedService, T&gt;()</c>, <c>ServiceDescriptor.Singleton&lt;IHostedService, T&gt;()</c>,
        /// <c>new ServiceDescriptor(typeof(IHostedService), typeof(T), ...)</c>), or given a factory or an instance, whose
        /// value's type is the one registered (<c>AddSingleton&lt;IHostedService&gt;(sp =&gt; new T(...))</c>). A type
        /// parameter when a generic helper registers its type argument.
        /// </summary>
        /// <remarks>Decided by the called name first: any other call costs one string switch.</remarks>
        public static ITypeSymbol? HostedServiceRegisteredBy(IOperation operation)
        {
            IMethodSymbol method;
            ImmutableArray<IArgumentOperation> arguments;
            switch (operation)
            {
                case IInvocationOperation invocation:
                    method = invocation.TargetMethod;
                    arguments = invocation.Arguments;
                    break;
                case IObjectCreationOperation { Constructor: { } constructor } creation when constructor.ContainingType.Name == "ServiceDescriptor":
                    method = constructor;
                    arguments = creation.Arguments;
                    break;
                default:
                    return null;
            }

            // The type arguments only after the name: reading them builds an array for every generic call.
            if (method.Name == "AddHostedService")
            {
                var hosted = method.TypeArguments;
                return hosted.Length == 1 && !IsHostedServiceType(hosted[0]) ? hosted[0] : ImplementationOf(arguments);
            }

            if (!IsServiceRegistration(method))
            {
                return null;
            }

            var types = method.TypeArguments;
            switch (types.Length)
            {
                case 2:
                    return IsHostedServiceType(types[0]) ? types[1] : null;
                case 1:
                    return IsHostedServiceType(types[0]) ? ImplementationOf(arguments) : null;
                default:
                    foreach (var argument in arguments)
                    {
                        if (argument.Parameter?.Name == "serviceType")
                        {
                            return argument.Value is ITypeOfOperation { TypeOperand: var service } && IsHostedServiceType(service) ? ImplementationOf(arguments) : null;
                        }
                    }

                    return null;
            }
        }

        /// <summary>The names of the service collection's and the service descriptor's registrations of a service.</summary>
        public static readonly string[] RegistrationNames =
        {
            "AddHostedService", "AddSingleton", "TryAddSingleton", "AddTransient", "TryAddTransient", "AddScoped", "TryAddScoped",
            "Singleton", "Transient", "Scoped", "Describe",
        };

        private static bool IsServiceRegistration(IMethodSymbol method)
            => method.Name is "AddSingleton" or "TryAddSingleton" or "AddTransient" or "TryAddTransient" or "AddScoped" or "TryAddScoped"
                   or "Singleton" or "Transient" or "Scoped" or "Describe" or WellKnownMemberNames.InstanceConstructorName
               && method.ContainingNamespace is { Name: "DependencyInjection" or "Extensions" } ns
               && (ns.Name == "DependencyInjection" ? ns : ns.ContainingNamespace) is { Name: "DependencyInjection", ContainingNamespace: { Name: "Extensions", ContainingNamespace.Name: "Microsoft" } };

        // The type a registration's implementation argument gives: typeof(T), an instance, or what a factory returns (the
        // first returned value whose type is more than the service interface).
        private static ITypeSymbol? ImplementationOf(ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter is not { Name: not "services" and not "serviceType" and not "lifetime" and not "serviceKey" })
                {
                    continue;
                }

                var value = Unwrapped(argument.Value);
                switch (value)
                {
                    case ITypeOfOperation typeOf:
                        return typeOf.TypeOperand;
                    case IDelegateCreationOperation { Target: IMethodReferenceOperation reference }:
                        return reference.Method.ReturnType;
                    case IDelegateCreationOperation { Target: IAnonymousFunctionOperation factory }:
                        foreach (var returned in factory.Body.DescendantsAndSelf())
                        {
                            if (returned is IReturnOperation { ReturnedValue: { } result } && Unwrapped(result).Type is { } returnedType && !IsHostedServiceType(returnedType)
                                && ReferenceEquals(EnclosingFunction(returned), factory))
                            {
                                return returnedType;
                            }
                        }

                        return null;
                    default:
                        return value.Type is { SpecialType: not SpecialType.System_Object } type && !IsHostedServiceType(type) && argument.Parameter.Type.TypeKind != TypeKind.Delegate ? type : null;
                }
            }

            return null;
        }

        private static IOperation? EnclosingFunction(IOperation operation)
        {
            var parent = operation.Parent;
            while (parent is not null and not IAnonymousFunctionOperation)
            {
                parent = parent.Parent;
            }

            return parent;
        }

        private static IOperation Unwrapped(IOperation value)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            return value;
        }

        private static bool IsHostedServiceType(ITypeSymbol type) => type is INamedTypeSymbol named && IsHostedServiceInterface(named);

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
