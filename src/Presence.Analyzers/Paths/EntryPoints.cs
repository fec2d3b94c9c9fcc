using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Presence.Analyzers.Catalog;
using Presence.Analyzers.Model;
using Presence.Compilations;

namespace Presence.Analyzers.Paths
{
    /// <summary>
    /// Recognises where code runs with nobody deciding: methods by what they override or implement (hosted services,
    /// Quartz jobs, update handlers, Azure Functions triggers, [UnattendedEntryPoint]), and callbacks by where they
    /// are registered (timers, Hangfire jobs, bot events).
    /// </summary>
    internal sealed class EntryPoints
    {
        // (declaring type metadata name, member) → (kind, reason); matched through overrides and implementations.
        private static readonly Dictionary<(string Type, string Member), (EntryKind Kind, string Reason)> ByDeclaration = new Dictionary<(string, string), (EntryKind, string)>
        {
            [("Microsoft.Extensions.Hosting.BackgroundService", "ExecuteAsync")] = (EntryKind.Unattended, "hosted service"),
            [("Microsoft.Extensions.Hosting.IHostedService", "StartAsync")] = (EntryKind.Unattended, "hosted service"),
            [("Microsoft.Extensions.Hosting.IHostedLifecycleService", "StartingAsync")] = (EntryKind.Unattended, "hosted service"),
            [("Microsoft.Extensions.Hosting.IHostedLifecycleService", "StartedAsync")] = (EntryKind.Unattended, "hosted service"),
            [("Microsoft.Extensions.Hosting.IHostedLifecycleService", "StoppingAsync")] = (EntryKind.Unattended, "hosted service"),
            [("Microsoft.Extensions.Hosting.IHostedLifecycleService", "StoppedAsync")] = (EntryKind.Unattended, "hosted service"),
            [("Quartz.IJob", "Execute")] = (EntryKind.Unattended, "Quartz job"),
            [("Telegram.Bot.Polling.IUpdateHandler", "HandleUpdateAsync")] = (EntryKind.IncomingMessage, "Telegram update handler"),
            [("SlackNet.IEventHandler`1", "Handle")] = (EntryKind.IncomingMessage, "Slack event handler"),
        };

        // Trigger attributes on a function parameter (Azure Functions isolated worker and in-process).
        private static readonly Dictionary<string, string> TriggerAttributes = new Dictionary<string, string>
        {
            ["Microsoft.Azure.Functions.Worker.TimerTriggerAttribute"] = "timer-triggered function",
            ["Microsoft.Azure.Functions.Worker.QueueTriggerAttribute"] = "queue-triggered function",
            ["Microsoft.Azure.Functions.Worker.ServiceBusTriggerAttribute"] = "Service Bus-triggered function",
            ["Microsoft.Azure.WebJobs.TimerTriggerAttribute"] = "timer-triggered function",
            ["Microsoft.Azure.WebJobs.QueueTriggerAttribute"] = "queue-triggered function",
            ["Microsoft.Azure.WebJobs.ServiceBusTriggerAttribute"] = "Service Bus-triggered function",
        };

        // Events whose handlers run for each incoming message, or on a schedule: (declaring type namespace root, event name).
        private static readonly Dictionary<(string Namespace, string Event), (EntryKind Kind, string Reason)> Events = new Dictionary<(string, string), (EntryKind, string)>
        {
            [("System", "Elapsed")] = (EntryKind.Unattended, "timer callback"),
            [("Telegram", "OnMessage")] = (EntryKind.IncomingMessage, "Telegram message handler"),
            [("Telegram", "OnUpdate")] = (EntryKind.IncomingMessage, "Telegram update handler"),
            [("Discord", "MessageReceived")] = (EntryKind.IncomingMessage, "Discord message handler"),
            [("DSharpPlus", "MessageCreated")] = (EntryKind.IncomingMessage, "Discord message handler"),
        };

        private readonly INamedTypeSymbol? _unattendedEntryPoint;
        private readonly ConcurrentDictionary<IMethodSymbol, EntryPoint?> _methods = new ConcurrentDictionary<IMethodSymbol, EntryPoint?>(SymbolEqualityComparer.Default);

        // The trigger declarations this compilation can see (resolved once), for jobs that inherit theirs.
        private readonly ImmutableArray<(IMethodSymbol Declaration, EntryKind Kind, string Reason)> _triggers;

        // Hangfire's own marks of a job method: a job filter ([AutomaticRetry], [Queue], [DisableConcurrentExecution]),
        // [JobDisplayName], or a PerformContext / IJobCancellationToken parameter that only Hangfire supplies.
        private readonly INamedTypeSymbol? _hangfireJobFilter;
        private readonly INamedTypeSymbol? _hangfireDisplayName;
        private readonly INamedTypeSymbol? _hangfirePerformContext;
        private readonly INamedTypeSymbol? _hangfireCancellationToken;
        private readonly ConcurrentDictionary<INamedTypeSymbol, IMethodSymbol?> _hangfireJobMethods = new ConcurrentDictionary<INamedTypeSymbol, IMethodSymbol?>(SymbolEqualityComparer.Default);

        public EntryPoints(Compilation compilation)
        {
            _unattendedEntryPoint = compilation.GetBestTypeByMetadataName("Presence.UnattendedEntryPointAttribute");
            var triggers = ImmutableArray.CreateBuilder<(IMethodSymbol, EntryKind, string)>();
            foreach (var known in ByDeclaration)
            {
                if (compilation.GetBestTypeByMetadataName(known.Key.Type) is { } type)
                {
                    foreach (var member in type.GetMembers(known.Key.Member))
                    {
                        if (member is IMethodSymbol { IsStatic: false } method)
                        {
                            triggers.Add((method, known.Value.Kind, known.Value.Reason));
                        }
                    }
                }
            }

            _triggers = triggers.ToImmutable();
            _hangfireJobFilter = compilation.GetBestTypeByMetadataName("Hangfire.Common.JobFilterAttribute");
            if (_hangfireJobFilter is not null)
            {
                _hangfireDisplayName = compilation.GetBestTypeByMetadataName("Hangfire.JobDisplayNameAttribute");
                _hangfirePerformContext = compilation.GetBestTypeByMetadataName("Hangfire.Server.PerformContext");
                _hangfireCancellationToken = compilation.GetBestTypeByMetadataName("Hangfire.IJobCancellationToken");
            }
        }

        /// <summary>The entry point a method is by its declaration, or null.</summary>
        public EntryPoint? OfMethod(IMethodSymbol method)
            => method.MethodKind is MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation
                ? _methods.GetOrAdd(method.OriginalDefinition, Compute)
                : null;

        private EntryPoint? Compute(IMethodSymbol method)
        {
            if (PresenceSymbols.FindAttribute(method, _unattendedEntryPoint) is { } marked)
            {
                var repliesToMessages = false;
                foreach (var argument in marked.NamedArguments)
                {
                    repliesToMessages |= argument.Key == "HandlesIncomingMessages" && argument.Value.Value is true;
                }

                return repliesToMessages
                    ? new EntryPoint(method, EntryKind.IncomingMessage, "incoming-message handler", null)
                    : new EntryPoint(method, EntryKind.Unattended, "unattended entry point", null);
            }

            foreach (var parameter in method.Parameters)
            {
                foreach (var attribute in parameter.GetAttributes())
                {
                    if (attribute.AttributeClass is { } type && TriggerAttributes.TryGetValue(MetadataNames.Of(type), out var trigger))
                    {
                        return new EntryPoint(method, EntryKind.Unattended, trigger, null);
                    }
                }
            }

            foreach (var declaration in MethodLineage.Of(method))
            {
                if (!ReferenceEquals(declaration, method) && declaration.ContainingType is { } type
                    && ByDeclaration.TryGetValue((MetadataNames.Of(type), declaration.Name), out var known))
                {
                    return new EntryPoint(method, known.Kind, known.Reason, null);
                }
            }

            return IsHangfireJobMethod(method) ? new EntryPoint(method, EntryKind.Unattended, "Hangfire job", null) : null;
        }

        private bool IsHangfireJobMethod(IMethodSymbol method)
        {
            if (_hangfireJobFilter is null || method.MethodKind != MethodKind.Ordinary)
            {
                return false;
            }

            foreach (var attribute in method.GetAttributes())
            {
                if (attribute.AttributeClass is { } type
                    && (MetadataNames.IsOrDerivesFrom(type, "Hangfire.Common.JobFilterAttribute") || SymbolEqualityComparer.Default.Equals(type, _hangfireDisplayName)))
                {
                    return true;
                }
            }

            foreach (var parameter in method.Parameters)
            {
                if (SymbolEqualityComparer.Default.Equals(parameter.Type, _hangfirePerformContext) || SymbolEqualityComparer.Default.Equals(parameter.Type, _hangfireCancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The trigger a concrete class of the compilation inherits from a base class (of this compilation or
        /// another) without declaring it: a Quartz job or hosted service whose base implements Execute/ExecuteAsync,
        /// a Hangfire job whose base declares the job method. Null for most types, at the cost of a few interface
        /// and base-type comparisons.
        /// </summary>
        public EntryPoint? OfType(INamedTypeSymbol type)
        {
            if (type.TypeKind != TypeKind.Class || type.IsAbstract || type.IsStatic || type.BaseType is not { SpecialType: not SpecialType.System_Object } baseType)
            {
                return null;
            }

            foreach (var (declaration, kind, reason) in _triggers)
            {
                var implementation = declaration.ContainingType.TypeKind == TypeKind.Interface
                    ? (type.AllInterfaces.Contains(declaration.ContainingType, SymbolEqualityComparer.Default) ? type.FindImplementationForInterfaceMember(declaration) as IMethodSymbol : null)
                    : FindOverride(type, declaration);
                if (implementation is not null && Inherited(type, implementation, declaration.ContainingAssembly))
                {
                    return new EntryPoint(implementation.OriginalDefinition, kind, reason, type, OverridesOf(type, implementation.ContainingType));
                }
            }

            if (_hangfireJobFilter is not null)
            {
                for (var current = baseType; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
                {
                    if (_hangfireJobMethods.GetOrAdd(current.OriginalDefinition, HangfireJobMethodOf) is { } job
                        && FindOverride(type, job) is { } implementation && Inherited(type, implementation, framework: null))
                    {
                        return new EntryPoint(implementation.OriginalDefinition, EntryKind.Unattended, "Hangfire job", type, OverridesOf(type, implementation.ContainingType));
                    }
                }
            }

            return null;
        }

        private IMethodSymbol? HangfireJobMethodOf(INamedTypeSymbol type)
        {
            foreach (var member in type.GetMembers())
            {
                if (member is IMethodSymbol { IsStatic: false } method && IsHangfireJobMethod(method))
                {
                    return method;
                }
            }

            return null;
        }

        // Inherited: implemented by an app's base class of the job, not by the job itself, not left abstract, and
        // not by the framework that declares the trigger (BackgroundService's own StartAsync is no job's code).
        private static bool Inherited(INamedTypeSymbol type, IMethodSymbol implementation, IAssemblySymbol? framework)
            => !implementation.IsAbstract
               && !SymbolEqualityComparer.Default.Equals(implementation.ContainingType.OriginalDefinition, type.OriginalDefinition)
               && !SymbolEqualityComparer.Default.Equals(implementation.ContainingAssembly, framework);

        // The most derived member of type's class chain that is, or overrides, the declaration.
        private static IMethodSymbol? FindOverride(INamedTypeSymbol type, IMethodSymbol declaration)
        {
            var target = declaration.OriginalDefinition;
            var reachesDeclaringType = false;
            for (var current = type; current is not null; current = current.BaseType)
            {
                reachesDeclaringType |= SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, target.ContainingType);
            }

            if (!reachesDeclaringType)
            {
                return null;
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(declaration.Name))
                {
                    if (member is not IMethodSymbol method)
                    {
                        continue;
                    }

                    for (var overridden = method; overridden is not null; overridden = overridden.OverriddenMethod)
                    {
                        if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, target))
                        {
                            return method;
                        }
                    }
                }
            }

            return null;
        }

        // The job's own overrides of members its trigger's class (or that class's bases) declares: where the
        // inherited trigger's calls of abstract and virtual members land, and where the job is reported.
        private static ImmutableArray<IMethodSymbol> OverridesOf(INamedTypeSymbol type, INamedTypeSymbol triggerClass)
        {
            var overrides = ImmutableArray.CreateBuilder<IMethodSymbol>();
            foreach (var member in type.GetMembers())
            {
                if (member is IMethodSymbol { IsOverride: true, OverriddenMethod: { } overridden } method && method.Locations.Any(l => l.IsInSource)
                    && overridden.ContainingType.SpecialType != SpecialType.System_Object)
                {
                    for (var current = triggerClass; current is not null; current = current.BaseType)
                    {
                        if (SymbolEqualityComparer.Default.Equals(RootDeclaration(overridden).ContainingType.OriginalDefinition, current.OriginalDefinition))
                        {
                            overrides.Add(method.OriginalDefinition);
                            break;
                        }
                    }
                }
            }

            return overrides.ToImmutable();
        }

        private static IMethodSymbol RootDeclaration(IMethodSymbol method)
        {
            while (method.OverriddenMethod is { } overridden)
            {
                method = overridden;
            }

            return method;
        }

        /// <summary>
        /// Callbacks an operation registers to run unattended: a Timer's callback, a Hangfire job expression, a
        /// handler of a bot's message events, Telegram's StartReceiving handler; and a PeriodicTimer loop, whose
        /// enclosing function runs on each tick. Asked of every invocation and creation: allocates nothing when
        /// the operation registers nothing.
        /// </summary>
        public ImmutableArray<(IOperation Callback, EntryKind Kind, string Reason)> Registrations(IOperation operation)
        {
            ImmutableArray<(IOperation, EntryKind, string)>.Builder? found = null;
            void Add(IOperation callback, EntryKind kind, string reason)
                => (found ??= ImmutableArray.CreateBuilder<(IOperation, EntryKind, string)>()).Add((callback, kind, reason));

            switch (operation)
            {
                case IObjectCreationOperation { Type: { Name: "Timer" } timer } creation when timer.ContainingNamespace?.ToDisplayString() == "System.Threading":
                    foreach (var argument in creation.Arguments)
                    {
                        if (argument.Parameter?.Name == "callback")
                        {
                            Add(argument.Value, EntryKind.Unattended, "timer callback");
                        }
                    }

                    break;

                case IEventAssignmentOperation { Adds: true, EventReference: IEventReferenceOperation { Event: var @event } } subscription
                    when @event.ContainingType is { } declaring && Events.TryGetValue((RootNamespace(declaring), @event.Name), out var known)
                         && (@event.Name != "Elapsed" || declaring.ToDisplayString() == "System.Timers.Timer"):
                    Add(subscription.HandlerValue, known.Kind, known.Reason);
                    break;

                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
                    var root = method.ContainingType is { } type ? RootNamespace(type) : null;
                    if (root == "Hangfire" && method.Name is "AddOrUpdate" or "Enqueue" or "Schedule" or "ContinueJobWith" or "ContinueWith")
                    {
                        foreach (var argument in invocation.Arguments)
                        {
                            if (IsLambda(argument.Value))
                            {
                                Add(argument.Value, EntryKind.Unattended, method.Name == "AddOrUpdate" ? "recurring Hangfire job" : "Hangfire job");
                            }
                        }
                    }
                    else if (root == "Telegram" && method.Name is "StartReceiving" or "ReceiveAsync")
                    {
                        foreach (var argument in invocation.Arguments)
                        {
                            if (argument.Parameter?.Name is "updateHandler")
                            {
                                Add(argument.Value, EntryKind.IncomingMessage, "Telegram update handler");
                            }
                        }
                    }

                    break;
            }

            return found?.ToImmutable() ?? ImmutableArray<(IOperation, EntryKind, string)>.Empty;
        }

        /// <summary>True for PeriodicTimer.WaitForNextTickAsync: the loop around it runs on a schedule.</summary>
        public static bool IsPeriodicTick(IInvocationOperation invocation)
            => invocation.TargetMethod is { Name: "WaitForNextTickAsync", ContainingType: { Name: "PeriodicTimer" } type }
               && type.ContainingNamespace?.ToDisplayString() == "System.Threading";

        /// <summary>The lambda or method a delegate-valued operation stands for.</summary>
        public static IOperation? CallbackTarget(IOperation? operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        break;
                    case IDelegateCreationOperation creation:
                        operation = creation.Target;
                        break;
                    case IAnonymousFunctionOperation:
                    case IMethodReferenceOperation:
                        return operation;
                    default:
                        return null;
                }
            }
        }

        private static bool IsLambda(IOperation operation) => CallbackTarget(operation) is IAnonymousFunctionOperation or IMethodReferenceOperation;

        private static string RootNamespace(INamedTypeSymbol type)
        {
            var current = type.ContainingNamespace;
            while (current?.ContainingNamespace is { IsGlobalNamespace: false } parent)
            {
                current = parent;
            }

            return current?.Name ?? string.Empty;
        }
    }
}
