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
    /// Quartz jobs, update handlers, Azure Functions triggers, [UnattendedEntryPoint]) or declare (controller actions
    /// that receive machine calls), and callbacks by where they are registered (timers, Hangfire jobs, bot events,
    /// minimal-API handlers).
    /// </summary>
    internal sealed class EntryPoints
    {
        // (declaring type metadata name, member) → (kind, reason); matched through overrides and implementations.
        private static readonly Dictionary<(string Type, string Member), (EntryKind Kind, string Reason)> ByDeclaration = new Dictionary<(string, string), (EntryKind, string)>
        {
            [("Microsoft.Extensions.Hosting.BackgroundService", "ExecuteAsync")] = (EntryKind.Unattended, "hosted service"),
            [("Microsoft.Extensions.Hosting.IHostedService", "StartAsync")] = (EntryKind.Unattended, "hosted service"),
            [("Microsoft.Extensions.Hosting.IHostedService", "StopAsync")] = (EntryKind.Unattended, "hosted service"),
            [("Microsoft.Extensions.Hosting.IHostedLifecycleService", "StartingAsync")] = (EntryKind.Unattended, "hosted service"),
            [("Microsoft.Extensions.Hosting.IHostedLifecycleService", "StartedAsync")] = (EntryKind.Unattended, "hosted service"),
            [("Microsoft.Extensions.Hosting.IHostedLifecycleService", "StoppingAsync")] = (EntryKind.Unattended, "hosted service"),
            [("Microsoft.Extensions.Hosting.IHostedLifecycleService", "StoppedAsync")] = (EntryKind.Unattended, "hosted service"),
            [("Quartz.IJob", "Execute")] = (EntryKind.Unattended, "Quartz job"),
            [("Quartz.IJob`1", "Execute")] = (EntryKind.Unattended, "Quartz job"),
            [("Coravel.Invocable.IInvocable", "Invoke")] = (EntryKind.Unattended, "Coravel invocable"),

            // The host's health check publisher service calls each registered publisher every Period, nobody present.
            [("Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheckPublisher", "PublishAsync")] = (EntryKind.Unattended, "health check publisher"),
            [("Telegram.Bot.Polling.IUpdateHandler", "HandleUpdateAsync")] = (EntryKind.IncomingMessage, "Telegram update handler"),
            [("SlackNet.IEventHandler`1", "Handle")] = (EntryKind.IncomingMessage, "Slack event handler"),

            // Message consumers run for whatever reaches their queue, whoever sent it: a message that carries a
            // human's decision is redeemed there, like a scheduled job's.
            [("MassTransit.IConsumer`1", "Consume")] = (EntryKind.Unattended, "MassTransit consumer"),
            [("MassTransit.IJobConsumer`1", "Run")] = (EntryKind.Unattended, "MassTransit job consumer"),
            [("Rebus.Handlers.IHandleMessages`1", "Handle")] = (EntryKind.Unattended, "Rebus message handler"),
            [("NServiceBus.IHandleMessages`1", "Handle")] = (EntryKind.Unattended, "NServiceBus message handler"),
            [("RabbitMQ.Client.IAsyncBasicConsumer", "HandleBasicDeliverAsync")] = (EntryKind.Unattended, "RabbitMQ consumer"),
            [("RabbitMQ.Client.IBasicConsumer", "HandleBasicDeliver")] = (EntryKind.Unattended, "RabbitMQ consumer"),

            // The Durable Task SDK's class-based activities and orchestrators: what [ActivityTrigger] and
            // [OrchestrationTrigger] functions are, written as classes.
            [("Microsoft.DurableTask.TaskActivity`2", "RunAsync")] = (EntryKind.Unattended, "durable activity"),
            [("Microsoft.DurableTask.TaskOrchestrator`2", "RunAsync")] = (EntryKind.Unattended, "durable orchestration"),
        };

        private static readonly HashSet<string> TriggerMemberNames = new HashSet<string>(ByDeclaration.Keys.Select(key => key.Member), System.StringComparer.Ordinal);

        // Azure Functions trigger attributes on a function parameter, isolated worker and in-process, by name: every
        // trigger but HTTP runs with nobody present. Known ones get a readable name; others read "X-triggered".
        private static readonly Dictionary<string, string> TriggerNames = new Dictionary<string, string>
        {
            ["TimerTriggerAttribute"] = "timer-triggered function",
            ["QueueTriggerAttribute"] = "queue-triggered function",
            ["ServiceBusTriggerAttribute"] = "Service Bus-triggered function",
            ["EventGridTriggerAttribute"] = "Event Grid-triggered function",
            ["EventHubTriggerAttribute"] = "Event Hubs-triggered function",
            ["CosmosDBTriggerAttribute"] = "Cosmos DB change feed function",
            ["BlobTriggerAttribute"] = "blob-triggered function",
            ["ActivityTriggerAttribute"] = "durable activity function",
            ["OrchestrationTriggerAttribute"] = "durable orchestration function",
        };

        // Events whose handlers run for each incoming message, or on a schedule: (declaring type namespace root, event name).
        private static readonly Dictionary<(string Namespace, string Event), (EntryKind Kind, string Reason)> Events = new Dictionary<(string, string), (EntryKind, string)>
        {
            [("System", "Elapsed")] = (EntryKind.Unattended, "timer callback"),
            [("System", "Created")] = (EntryKind.Unattended, "file watcher handler"),
            [("System", "Changed")] = (EntryKind.Unattended, "file watcher handler"),
            [("System", "Deleted")] = (EntryKind.Unattended, "file watcher handler"),
            [("System", "Renamed")] = (EntryKind.Unattended, "file watcher handler"),
            [("Telegram", "OnMessage")] = (EntryKind.IncomingMessage, "Telegram message handler"),
            [("Telegram", "OnUpdate")] = (EntryKind.IncomingMessage, "Telegram update handler"),
            [("Discord", "MessageReceived")] = (EntryKind.IncomingMessage, "Discord message handler"),
            [("Discord", "SlashCommandExecuted")] = (EntryKind.IncomingMessage, "Discord gateway event handler"),
            [("Discord", "ButtonExecuted")] = (EntryKind.IncomingMessage, "Discord gateway event handler"),
            [("Discord", "InteractionCreated")] = (EntryKind.IncomingMessage, "Discord gateway event handler"),
            [("Discord", "ReactionAdded")] = (EntryKind.IncomingMessage, "Discord gateway event handler"),
            [("Discord", "UserJoined")] = (EntryKind.IncomingMessage, "Discord gateway event handler"),
            [("Discord", "Ready")] = (EntryKind.Unattended, "Discord gateway event handler"),
            [("DSharpPlus", "MessageCreated")] = (EntryKind.IncomingMessage, "Discord message handler"),
            [("DSharpPlus", "GuildMemberAdded")] = (EntryKind.IncomingMessage, "Discord gateway event handler"),
            [("DSharpPlus", "MessageReactionAdded")] = (EntryKind.IncomingMessage, "Discord gateway event handler"),
            [("DSharpPlus", "ComponentInteractionCreated")] = (EntryKind.IncomingMessage, "Discord gateway event handler"),
            [("DSharpPlus", "InteractionCreated")] = (EntryKind.IncomingMessage, "Discord gateway event handler"),
            [("Mastonet", "OnUpdate")] = (EntryKind.IncomingMessage, "Mastodon streaming handler"),
            [("Mastonet", "OnNotification")] = (EntryKind.IncomingMessage, "Mastodon streaming handler"),
            [("Mastonet", "OnConversation")] = (EntryKind.IncomingMessage, "Mastodon streaming handler"),
            [("FishyFlip", "OnRecordReceived")] = (EntryKind.IncomingMessage, "Bluesky firehose handler"),
            [("FishyFlip", "OnSubscribedRepoMessage")] = (EntryKind.IncomingMessage, "Bluesky firehose handler"),
            [("FishyFlip", "OnRawMessageReceived")] = (EntryKind.IncomingMessage, "Bluesky firehose handler"),
            [("idunno", "RecordReceived")] = (EntryKind.IncomingMessage, "Bluesky Jetstream handler"),
            [("idunno", "MessageReceived")] = (EntryKind.IncomingMessage, "Bluesky Jetstream handler"),
            [("Azure", "ProcessMessageAsync")] = (EntryKind.Unattended, "Service Bus message handler"),
            [("RabbitMQ", "ReceivedAsync")] = (EntryKind.Unattended, "RabbitMQ consumer"),
            [("RabbitMQ", "Received")] = (EntryKind.Unattended, "RabbitMQ consumer"),
        };

        private readonly Compilation _compilation;
        private readonly INamedTypeSymbol? _unattendedEntryPoint;
        private readonly ConcurrentDictionary<ISymbol, ImmutableArray<IOperation>> _fieldValues = new ConcurrentDictionary<ISymbol, ImmutableArray<IOperation>>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, EntryPoint?> _methods = new ConcurrentDictionary<IMethodSymbol, EntryPoint?>(SymbolEqualityComparer.Default);
        private readonly System.Func<IMethodSymbol, EntryPoint?> _compute; // one delegate, not one per call

        // The trigger declarations this compilation can see (resolved once), for jobs that inherit theirs.
        private readonly ImmutableArray<(IMethodSymbol Declaration, EntryKind Kind, string Reason)> _triggers;

        // Hangfire's own marks of a job method: a job filter ([AutomaticRetry], [Queue], [DisableConcurrentExecution]),
        // [JobDisplayName], or a PerformContext / IJobCancellationToken parameter that only Hangfire supplies.
        private readonly INamedTypeSymbol? _hangfireJobFilter;
        private readonly INamedTypeSymbol? _hangfireDisplayName;
        private readonly INamedTypeSymbol? _hangfirePerformContext;
        private readonly INamedTypeSymbol? _hangfireCancellationToken;
        // AWS Lambda: a handler takes an ILambdaContext, carries [LambdaSerializer], or is the template's
        // FunctionHandler in an assembly that declares its serializer.
        // DotNetCore.CAP: a method marked [CapSubscribe("topic")] runs for each message of the topic.
        private readonly INamedTypeSymbol? _capSubscribe;
        private readonly INamedTypeSymbol? _lambdaContext;
        private readonly INamedTypeSymbol? _lambdaSerializer;
        private readonly bool _lambdaAssembly;

        // Handlers recognised by their delegate's shape when passed as a method group, so that the handler is
        // judged once, as a handler, however it is registered.
        private readonly INamedTypeSymbol? _telegramClient;
        private readonly INamedTypeSymbol? _telegramUpdate;
        private readonly INamedTypeSymbol? _telegramMessage;
        private readonly INamedTypeSymbol? _telegramUpdateType;
        private readonly INamedTypeSymbol? _elapsedEventArgs;

        // ASP.NET Core endpoints that receive machine calls; null where ASP.NET Core is not referenced.
        private readonly HttpEndpoints? _http;

        private readonly ConcurrentDictionary<INamedTypeSymbol, IMethodSymbol?> _hangfireJobMethods = new ConcurrentDictionary<INamedTypeSymbol, IMethodSymbol?>(SymbolEqualityComparer.Default);

        public EntryPoints(Compilation compilation)
        {
            _compilation = compilation;
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
            _capSubscribe = compilation.GetBestTypeByMetadataName("DotNetCore.CAP.CapSubscribeAttribute");
            _lambdaContext = compilation.GetBestTypeByMetadataName("Amazon.Lambda.Core.ILambdaContext");
            if (_lambdaContext is not null)
            {
                var serializer = compilation.GetBestTypeByMetadataName("Amazon.Lambda.Core.LambdaSerializerAttribute");
                _lambdaSerializer = serializer;
                _lambdaAssembly = PresenceSymbols.HasAttribute(compilation.Assembly, serializer);
            }

            _telegramClient = compilation.GetBestTypeByMetadataName("Telegram.Bot.ITelegramBotClient");
            if (_telegramClient is not null)
            {
                _telegramUpdate = compilation.GetBestTypeByMetadataName("Telegram.Bot.Types.Update");
                _telegramMessage = compilation.GetBestTypeByMetadataName("Telegram.Bot.Types.Message");
                _telegramUpdateType = compilation.GetBestTypeByMetadataName("Telegram.Bot.Types.Enums.UpdateType");
            }

            _elapsedEventArgs = compilation.GetBestTypeByMetadataName("System.Timers.ElapsedEventArgs");
            _http = HttpEndpoints.For(compilation);
            _hangfireJobFilter = compilation.GetBestTypeByMetadataName("Hangfire.Common.JobFilterAttribute");
            if (_hangfireJobFilter is not null)
            {
                _hangfireDisplayName = compilation.GetBestTypeByMetadataName("Hangfire.JobDisplayNameAttribute");
                _hangfirePerformContext = compilation.GetBestTypeByMetadataName("Hangfire.Server.PerformContext");
                _hangfireCancellationToken = compilation.GetBestTypeByMetadataName("Hangfire.IJobCancellationToken");
            }
            _compute = Compute;
            Runners = new DelegateRunners(compilation, this);
        }

        /// <summary>The compilation's methods that run a delegate they are given unattended (scheduling helpers).</summary>
        public DelegateRunners Runners { get; }

        /// <summary>The entry point a method is by its declaration, or null.</summary>
        public EntryPoint? OfMethod(IMethodSymbol method)
            => method.MethodKind is MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation
                ? _methods.GetOrAdd(method.OriginalDefinition, _compute)
                : null;

        private EntryPoint? Compute(IMethodSymbol method)
        {
            if (MarkedUnattended(method) is { } marked)
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
                    if (attribute.AttributeClass is { } type && FunctionTrigger(type) is { } trigger)
                    {
                        return trigger == HttpTrigger
                            ? HttpFunction(method, attribute) is { } reason ? new EntryPoint(method, EntryKind.IncomingMessage, reason, null) : null
                            : new EntryPoint(method, EntryKind.Unattended, trigger, null);
                    }
                }
            }

            if (_capSubscribe is not null && PresenceSymbols.HasAttribute(method, _capSubscribe))
            {
                return new EntryPoint(method, EntryKind.Unattended, "CAP subscriber", null);
            }

            if (IsLambdaHandler(method))
            {
                return new EntryPoint(method, EntryKind.Unattended, "AWS Lambda handler", null);
            }

            if (HandlerByShape(method) is { } shaped)
            {
                return new EntryPoint(method, shaped.Kind, shaped.Reason, null);
            }

            if (_http?.OfAction(method) is { } action)
            {
                return action;
            }

            foreach (var declaration in MethodLineage.Of(method))
            {
                // The member name first: the type's metadata name is built only for a trigger's name (asked of every method).
                if (!ReferenceEquals(declaration, method) && TriggerMemberNames.Contains(declaration.Name) && declaration.ContainingType is { } type
                    && ByDeclaration.TryGetValue((MetadataNames.Of(type), declaration.Name), out var known))
                {
                    return new EntryPoint(method, known.Kind, known.Reason, null);
                }
            }

            return IsHangfireJobMethod(method) ? new EntryPoint(method, EntryKind.Unattended, "Hangfire job", null) : null;
        }

        // [UnattendedEntryPoint] on the method, or on the interface member or virtual method it implements or
        // overrides: a plugin scheduler's IScheduledTask.RunAsync marks every task it runs.
        private AttributeData? MarkedUnattended(IMethodSymbol method)
        {
            if (_unattendedEntryPoint is null)
            {
                return null;
            }

            foreach (var declaration in MethodLineage.Of(method))
            {
                if (PresenceSymbols.FindAttribute(declaration, _unattendedEntryPoint) is { } marked)
                {
                    return marked;
                }
            }

            return null;
        }

        internal const string HttpTrigger = "HTTP-triggered function";

        private static string? FunctionTrigger(INamedTypeSymbol attribute)
        {
            var name = attribute.Name;
            if (!name.EndsWith("TriggerAttribute", System.StringComparison.Ordinal))
            {
                return null;
            }

            var root = attribute.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            if (!root.StartsWith("Microsoft.Azure.Functions.Worker", System.StringComparison.Ordinal) && !root.StartsWith("Microsoft.Azure.WebJobs", System.StringComparison.Ordinal))
            {
                return null;
            }

            return name == "HttpTriggerAttribute" ? HttpTrigger
                : TriggerNames.TryGetValue(name, out var known) ? known : name.Substring(0, name.Length - "TriggerAttribute".Length) + "-triggered function";
        }

        // An HTTP-triggered function takes machine calls unless it only serves reads or asks for a signed-in user:
        // anonymous, function-key and host-key levels are held by machines; User (App Service authentication) is a
        // person. "HTTP-triggered function POST /api/deals", with the default "api" route prefix.
        private static string? HttpFunction(IMethodSymbol method, AttributeData trigger)
        {
            string? verb = null;
            var anyVerb = true;
            string? route = null;
            foreach (var argument in trigger.ConstructorArguments)
            {
                if (argument.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum, Name: "AuthorizationLevel" } && argument.Value is 1)
                {
                    return null;
                }

                foreach (var value in argument.Kind == TypedConstantKind.Array ? argument.Values : ImmutableArray.Create(argument))
                {
                    if (value.Value is string name)
                    {
                        anyVerb = false;
                        verb ??= name.ToUpperInvariant() is "POST" or "PUT" or "PATCH" ? name.ToUpperInvariant() : null;
                    }
                }
            }

            foreach (var named in trigger.NamedArguments)
            {
                if (named.Key == "AuthLevel" && named.Value.Value is 1)
                {
                    return null;
                }

                route = named.Key == "Route" && named.Value.Value is string text ? text : route;
            }

            if (verb is null && !anyVerb)
            {
                return null;
            }

            foreach (var attribute in method.GetAttributes())
            {
                if (route is null && attribute.AttributeClass?.Name is "FunctionAttribute" or "FunctionNameAttribute"
                    && attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string function)
                {
                    route = function;
                }
            }

            return HttpTrigger + " " + (verb is null ? string.Empty : verb + " ") + HttpEndpoints.Join("/api", route ?? method.Name);
        }

        private bool IsLambdaHandler(IMethodSymbol method)
        {
            if (_lambdaContext is null || method.MethodKind != MethodKind.Ordinary)
            {
                return false;
            }

            foreach (var parameter in method.Parameters)
            {
                if (SymbolEqualityComparer.Default.Equals(parameter.Type, _lambdaContext))
                {
                    return true;
                }
            }

            if (PresenceSymbols.HasAttribute(method, _lambdaSerializer))
            {
                return true;
            }

            foreach (var attribute in method.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: "LambdaFunctionAttribute" } type && MetadataNames.Is(type, "Amazon.Lambda.Annotations.LambdaFunctionAttribute"))
                {
                    return true;
                }
            }

            return _lambdaAssembly && method.Name == "FunctionHandler" && method.DeclaredAccessibility == Accessibility.Public;
        }

        // Telegram's update handler (ITelegramBotClient, Update, CancellationToken) and message handler (Message,
        // UpdateType), a System.Timers Elapsed handler: shapes nothing but a registration calls.
        private (EntryKind Kind, string Reason)? HandlerByShape(IMethodSymbol method)
        {
            var parameters = method.Parameters;
            if (_telegramClient is not null)
            {
                if (parameters.Length == 3 && Is(parameters[0].Type, _telegramClient) && Is(parameters[1].Type, _telegramUpdate)
                    && parameters[2].Type.Name == nameof(System.Threading.CancellationToken))
                {
                    return (EntryKind.IncomingMessage, "Telegram update handler");
                }

                if (parameters.Length == 2 && Is(parameters[0].Type, _telegramMessage) && Is(parameters[1].Type, _telegramUpdateType))
                {
                    return (EntryKind.IncomingMessage, "Telegram message handler");
                }
            }

            if (_elapsedEventArgs is not null && parameters.Length == 2 && Is(parameters[1].Type, _elapsedEventArgs))
            {
                return (EntryKind.Unattended, "timer callback");
            }

            return null;
        }

        private static bool Is(ITypeSymbol type, INamedTypeSymbol? expected) => SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);

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
                    ? FindImplementation(type, declaration)
                    : FindOverride(type, declaration);
                if (implementation is not null && Inherited(type, implementation, declaration.ContainingAssembly))
                {
                    return new EntryPoint(implementation.OriginalDefinition, kind, reason, type, OverridesOf(type, implementation.ContainingType));
                }
            }

            if (_http?.InheritedAction(type) is { } action)
            {
                return new EntryPoint(action.Action.OriginalDefinition, EntryKind.IncomingMessage, action.Reason, type, OverridesOf(type, action.Action.ContainingType));
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

        // The member of type that implements the interface's declaration, for each construction of a generic interface
        // (IConsumer<T>.Consume as PostingConsumerBase<Announcement> implements IConsumer<Announcement>).
        private static IMethodSymbol? FindImplementation(INamedTypeSymbol type, IMethodSymbol declaration)
        {
            var declaring = declaration.ContainingType;
            foreach (var implemented in type.AllInterfaces)
            {
                if (!SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, declaring))
                {
                    continue;
                }

                foreach (var member in implemented.GetMembers(declaration.Name))
                {
                    if (member is IMethodSymbol constructed && SymbolEqualityComparer.Default.Equals(constructed.OriginalDefinition, declaration)
                        && type.FindImplementationForInterfaceMember(constructed) is IMethodSymbol implementation)
                    {
                        return implementation;
                    }
                }
            }

            return null;
        }

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
        /// handler of a bot's message events, Telegram's StartReceiving handler, a minimal-API handler that receives
        /// machine calls; and a PeriodicTimer loop, whose
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
                case IObjectCreationOperation { Type: INamedTypeSymbol { Name: "Timer" } timer } creation when MetadataNames.IsInNamespace(timer, "System.Threading"):
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
                         && (RootNamespace(declaring) != "System" || declaring.ToDisplayString() == (@event.Name == "Elapsed" ? "System.Timers.Timer" : "System.IO.FileSystemWatcher")):
                    Add(subscription.HandlerValue, known.Kind, known.Reason);
                    break;

                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
                    var root = method.ContainingType is { } type ? RootNamespace(type) : null;
                    if (root == "Hangfire" && method.Name is "AddOrUpdate" or "Enqueue" or "Schedule" or "ContinueJobWith" or "ContinueWith" or "FromExpression")
                    {
                        foreach (var argument in invocation.Arguments)
                        {
                            // The job expression written here, or a helper's expression parameter handed on
                            // (Recurring<TJob>(id, Expression<Func<TJob, Task>> call, cron) => RecurringJob.AddOrUpdate(id, call, cron)):
                            // DelegateRunners then makes what the helper's callers pass a job.
                            if (IsLambda(argument.Value) || IsExpressionParameter(argument.Value))
                            {
                                Add(argument.Value, EntryKind.Unattended, method.Name == "AddOrUpdate" ? "recurring Hangfire job" : "Hangfire job");
                            }
                        }
                    }
                    else if (root == "Coravel" && method.Name is "Schedule" or "ScheduleAsync" or "QueueTask" or "QueueAsyncTask" && invocation.Arguments.Length == 1)
                    {
                        // scheduler.Schedule(() => …).Daily(), queue.QueueAsyncTask(async () => …): run by Coravel's worker.
                        Add(invocation.Arguments[0].Value, EntryKind.Unattended, method.Name.StartsWith("Queue", System.StringComparison.Ordinal) ? "queued Coravel task" : "scheduled Coravel task");
                    }
                    else if (root == "Quartz" && method.Name is "ScheduleJob" or "AddJob" && method.ContainingType!.Name == "QuartzBuilderExtensions")
                    {
                        // Quartz 4's delegate jobs: q.ScheduleJob("monday", async (ITelegramBotClient bot) => …, t => t.WithCronSchedule(…)).
                        foreach (var argument in invocation.Arguments)
                        {
                            if (argument.Parameter?.Name == "handler")
                            {
                                Add(argument.Value, EntryKind.Unattended, "Quartz job");
                            }
                        }
                    }
                    else if (method.Name == "CreateTimer" && root == "System" && method.ContainingType!.Name == "TimeProvider")
                    {
                        // .NET 8's testable timer: time.CreateTimer(callback, state, due, period).
                        foreach (var argument in invocation.Arguments)
                        {
                            if (argument.Parameter?.Name == "callback")
                            {
                                Add(argument.Value, EntryKind.Unattended, "timer callback");
                            }
                        }
                    }
                    else if (method.Name == "Register" && root == "System" && method.ContainingType!.Name == "CancellationToken" && invocation.Arguments.Length > 0
                             && invocation.Instance is IPropertyReferenceOperation { Property: { Name: "ApplicationStarted" or "ApplicationStopping" or "ApplicationStopped" } lifetime }
                             && lifetime.ContainingType is { Name: "IHostApplicationLifetime" or "IApplicationLifetime" })
                    {
                        // lifetime.ApplicationStarted.Register(() => …): runs as the host starts or stops, nobody asked.
                        Add(invocation.Arguments[0].Value, EntryKind.Unattended, "application lifetime callback");
                    }
                    else if (root == "Amazon" && method.Name == "Create" && method.ContainingType!.Name == "LambdaBootstrapBuilder" && invocation.Arguments.Length > 0)
                    {
                        Add(invocation.Arguments[0].Value, EntryKind.Unattended, "AWS Lambda handler");
                    }
                    else if (_http is not null && HttpEndpoints.MayMap(method) && _http.Mapping(invocation) is { } endpoint)
                    {
                        Add(endpoint.Handler, EntryKind.IncomingMessage, endpoint.Reason);
                    }
                    else if (Flow.DeferredRuns.MessageHandler(method, root) is { } handler)
                    {
                        // activator.Handle<T>(async m => …), e.Handler<T>(async c => …), When(Event).ThenAsync(c => …):
                        // each runs for every message that arrives, whoever sent it.
                        foreach (var argument in invocation.Arguments)
                        {
                            if (argument.Parameter?.Type.TypeKind == TypeKind.Delegate)
                            {
                                Add(argument.Value, EntryKind.Unattended, handler);
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
                    else if (method.Name == "Subscribe" && root == "System" && method.ContainingType!.Name == "ObservableExtensions")
                    {
                        // Observable.Interval(period).Select(…).Subscribe(n => …): Rx's timer runs the chain's callbacks.
                        AddObservableTimerCallbacks(invocation);
                    }
                    else if (DelegateRunners.MayRun(method))
                    {
                        AddRunnerCallbacks(method, invocation.Arguments);
                    }

                    break;

                case IObjectCreationOperation { Constructor: { } constructor } creation when DelegateRunners.MayRun(constructor):
                    AddRunnerCallbacks(constructor, creation.Arguments);
                    break;
            }

            return found?.ToImmutable() ?? ImmutableArray<(IOperation, EntryKind, string)>.Empty;

            // The callbacks of a subscription to Rx's Observable.Interval or Observable.Timer, and of the operators between
            // (SelectMany(async n => …)): each runs on the timer's ticks.
            void AddObservableTimerCallbacks(IInvocationOperation subscribe)
            {
                var callbacks = new List<IOperation>();
                IOperation? source = subscribe;
                while (source is IInvocationOperation call)
                {
                    var receiver = call.Instance;
                    foreach (var argument in call.Arguments)
                    {
                        if (call.TargetMethod.IsExtensionMethod && argument.Parameter?.Ordinal == 0 && call.Instance is null)
                        {
                            receiver = argument.Value;
                        }
                        else if (IsLambda(argument.Value))
                        {
                            callbacks.Add(argument.Value);
                        }
                    }

                    if (call.TargetMethod is { Name: "Interval" or "Timer", ContainingType: { Name: "Observable" } observable } && RootNamespace(observable) == "System")
                    {
                        foreach (var callback in callbacks)
                        {
                            Add(callback, EntryKind.Unattended, "Rx timer subscription");
                        }

                        return;
                    }

                    while (receiver is IConversionOperation conversion)
                    {
                        receiver = conversion.Operand;
                    }

                    source = receiver;
                }
            }

            // Every(TimeSpan.FromHours(1), () => poster.PostAsync(…)): what a scheduling helper of the compilation runs.
            void AddRunnerCallbacks(IMethodSymbol runner, ImmutableArray<IArgumentOperation> arguments)
            {
                if (!Runners.RunsAny(runner))
                {
                    return;
                }

                foreach (var argument in arguments)
                {
                    if (argument.Parameter is { } parameter && Runners.ReasonFor(runner, parameter) is { } reason)
                    {
                        Add(argument.Value, EntryKind.Unattended, reason);
                    }
                }
            }
        }

        /// <summary>
        /// The class Hangfire activates to run a job expression on its parameter, <c>AddOrUpdate&lt;TJob&gt;(j =&gt; j.Run())</c>:
        /// a concrete class, whose overrides the expression's virtual calls land in. Null for a static expression, an
        /// interface or an abstract class (any implementation may be registered for it), and for other callbacks.
        /// </summary>
        public static INamedTypeSymbol? HangfireJobType(IAnonymousFunctionOperation lambda, string reason)
            => reason.EndsWith("Hangfire job", System.StringComparison.Ordinal)
               && lambda.Symbol.Parameters.Length == 1
               && lambda.Symbol.Parameters[0].Type is INamedTypeSymbol { TypeKind: TypeKind.Class, IsAbstract: false, SpecialType: SpecialType.None } job
                ? job
                : null;

        /// <summary>The top-level program, or a static Main: nobody calls it, so nobody can confirm for it.</summary>
        public static bool IsProgramEntry(IMethodSymbol method)
            => method.Name == WellKnownMemberNames.TopLevelStatementsEntryPointMethodName
               || (method.IsStatic && method.MethodKind == MethodKind.Ordinary && method.Name == WellKnownMemberNames.EntryPointMethodName);

        /// <summary>
        /// The loop around a sleep (Task.Delay, Thread.Sleep, a PeriodicTimer tick) when it runs until stopped:
        /// <c>while (true)</c>, <c>for (;;)</c>, <c>while (!token.IsCancellationRequested)</c>. Null otherwise, and for a
        /// sleep in a lambda or local function inside the loop.
        /// </summary>
        public static ILoopOperation? DaemonLoopAround(IInvocationOperation invocation)
        {
            if (!IsSleep(invocation.TargetMethod))
            {
                return null;
            }

            for (var current = invocation.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case IAnonymousFunctionOperation or ILocalFunctionOperation:
                        return null;
                    case IWhileLoopOperation { Condition: var condition } loop when condition is null || RunsUntilStopped(condition):
                        return WaitsForPerson(loop) ? null : loop;
                    case IForLoopOperation { Condition: var condition } loop when condition is null || RunsUntilStopped(condition):
                        return WaitsForPerson(loop) ? null : loop;
                }
            }

            return null;
        }

        // An interactive loop: each round waits for what a person types at the console (Console.ReadLine, ReadKey, a
        // Spectre.Console prompt), so someone is there, whatever it sleeps between rounds (a rate limit). Not a daemon.
        // Only a read every round runs: one behind a flag (confirm && AnsiConsole.Confirm(…)), a counter or a branch
        // leaves rounds that run with nobody there.
        private static bool WaitsForPerson(ILoopOperation loop)
        {
            foreach (var operation in loop.Body.Descendants())
            {
                if (operation is IInvocationOperation read && ReadsConsole(read) && EnclosingFunction(operation) == EnclosingFunction(loop)
                    && RunsEveryRound(read, loop))
                {
                    return true;
                }
            }

            return false;
        }

        // True when nothing between the loop and the operation decides whether it runs: it is not in a branch, a case,
        // a catch, the right-hand side of && or ||, a ?. or ?? alternative, nor the body of a nested loop that may not run.
        private static bool RunsEveryRound(IOperation operation, ILoopOperation loop)
        {
            for (IOperation child = operation, parent = operation.Parent!; parent is not null && parent != loop; child = parent, parent = parent.Parent!)
            {
                var always = parent switch
                {
                    IConditionalOperation conditional => child == conditional.Condition,
                    IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } logical => child == logical.LeftOperand,
                    ICoalesceOperation coalesce => child == coalesce.Value,
                    IConditionalAccessOperation access => child == access.Operation,
                    ISwitchOperation @switch => child == @switch.Value,
                    ISwitchExpressionOperation @switch => child == @switch.Value,
                    IWhileLoopOperation { ConditionIsTop: false } doWhile => child == doWhile.Body || child == doWhile.Condition,
                    IWhileLoopOperation nested => child == nested.Condition,
                    IForLoopOperation nested => child == nested.Condition || nested.Before.Contains(child),
                    IForEachLoopOperation nested => child == nested.Collection,
                    ITryOperation @try => child == @try.Body || child == @try.Finally,
                    _ => true,
                };
                if (!always)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool ReadsConsole(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var type = method.ContainingType;
            if (type is null)
            {
                return false;
            }

            return type.Name switch
            {
                "Console" => method.Name is "ReadLine" or "ReadKey" or "Read" && MetadataNames.IsInNamespace(type, "System"),
                "AnsiConsole" => method.Name is "Ask" or "Prompt" or "Confirm" or "PromptAsync" or "AskAsync" or "ConfirmAsync" && MetadataNames.IsInNamespace(type, "Spectre.Console"),
                // Console.In.ReadLine(Async): the console's reader, not a file's.
                _ => method.Name is "ReadLine" or "ReadLineAsync" && invocation.Instance is IPropertyReferenceOperation { Property: { Name: "In", ContainingType.Name: "Console" } },
            };
        }

        /// <summary>Task.Delay, Thread.Sleep, PeriodicTimer.WaitForNextTickAsync: what a daemon loop waits on (see <see cref="DaemonLoopAround"/>).</summary>
        public static bool IsSleep(IMethodSymbol method)
            => method.ContainingType is { } type
               && (method.Name, type.Name) is ("Delay", "Task") or ("Sleep", "Thread") or ("WaitForNextTickAsync", "PeriodicTimer")
               && (MetadataNames.IsInNamespace(type, "System.Threading") || MetadataNames.IsInNamespace(type, "System.Threading.Tasks"));

        /// <summary>
        /// A loop that sleeps (Task.Delay, Thread.Sleep, a PeriodicTimer tick in its condition or body, not in a lambda
        /// in it), runs until stopped and never leaves early: no <c>return</c> in it, no <c>break</c> out of it (a retry
        /// loop returns once the call succeeds).
        /// </summary>
        public static bool IsDaemonLoop(ILoopOperation loop)
        {
            IOperation? condition;
            switch (loop)
            {
                case IWhileLoopOperation @while:
                    condition = @while.Condition;
                    break;
                case IForLoopOperation @for:
                    condition = @for.Condition;
                    break;
                default:
                    return false;
            }

            if ((condition is not null && !RunsUntilStopped(condition)) || LeavesEarly(loop.Body, loop))
            {
                return false;
            }

            if (condition is IAwaitOperation)
            {
                return true; // while (await timer.WaitForNextTickAsync(ct))
            }

            foreach (var operation in loop.Body.Descendants())
            {
                if (operation is IInvocationOperation sleep && IsSleep(sleep.TargetMethod) && DaemonLoopAround(sleep) == loop)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool LeavesEarly(IOperation operation, ILoopOperation loop)
        {
            foreach (var child in operation.ChildOperations)
            {
                switch (child)
                {
                    case IAnonymousFunctionOperation or ILocalFunctionOperation:
                        continue;
                    case IReturnOperation { Kind: OperationKind.Return }:
                        return true;
                    case IBranchOperation { BranchKind: BranchKind.Break } branch when SymbolEqualityComparer.Default.Equals(branch.Target, loop.ExitLabel):
                        return true;
                }

                if (LeavesEarly(child, loop))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool RunsUntilStopped(IOperation condition)
            => condition.ConstantValue is { HasValue: true, Value: true }
               || condition is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, Operand: IPropertyReferenceOperation { Property.Name: "IsCancellationRequested" } }
               || (condition is IAwaitOperation { Operation: IInvocationOperation tick } && IsSleep(tick.TargetMethod));

        /// <summary>True for Task.Run, TaskFactory.StartNew and new Thread(...): what they are given runs in the background.</summary>
        public static bool StartsInBackground(IOperation operation)
            => operation switch
            {
                IInvocationOperation { TargetMethod: { ContainingType: { } type } method } => (method.Name, type.Name) is ("Run", "Task") or ("StartNew", "TaskFactory")
                    && MetadataNames.IsInNamespace(type, "System.Threading.Tasks"),
                IObjectCreationOperation { Type: INamedTypeSymbol { Name: "Thread" } thread } => MetadataNames.IsInNamespace(thread, "System.Threading"),
                _ => false,
            };

        /// <summary>
        /// Whether a call of <paramref name="method"/> (a constructor: a <c>new</c> of its type) may register a callback
        /// that <see cref="Registrations"/> finds: a cheap test on the method alone, true for every method it looks at
        /// (a registration added there must be added here, or UnconfirmedPublishAnalyzer never looks at the body).
        /// </summary>
        public static bool MayRegister(IMethodSymbol method)
        {
            method = method.ReducedFrom ?? method;
            if (method.MethodKind == MethodKind.Constructor)
            {
                return method.ContainingType is { Name: "Timer" } timer && MetadataNames.IsInNamespace(timer, "System.Threading");
            }

            // By name first: asked of every method the compilation calls, most of which have none of these names, and
            // the walk to the root namespace costs more than the name test.
            return method.ContainingType is { } type && method.Name switch
            {
                "AddOrUpdate" or "Enqueue" or "ContinueJobWith" or "ContinueWith" or "FromExpression" => RootNamespace(type) == "Hangfire",
                "CreateTimer" => type.Name == "TimeProvider" && RootNamespace(type) == "System",
                "ScheduleJob" or "AddJob" => type.Name == "QuartzBuilderExtensions" && RootNamespace(type) == "Quartz",
                "Register" => type.Name == "CancellationToken" && RootNamespace(type) == "System",
                "Schedule" => RootNamespace(type) is "Hangfire" or "Coravel",
                "ScheduleAsync" or "QueueTask" or "QueueAsyncTask" => RootNamespace(type) == "Coravel",
                "Create" => type.Name == "LambdaBootstrapBuilder" && RootNamespace(type) == "Amazon",
                "StartReceiving" or "ReceiveAsync" => RootNamespace(type) == "Telegram",
                "Handle" => type.Name == "BuiltinHandlerActivator" && RootNamespace(type) == "Rebus",
                "Handler" => type.Name == "HandlerExtensions" && RootNamespace(type) == "MassTransit",
                "Then" or "ThenAsync" => type.Name == "ThenExtensions" && RootNamespace(type) == "MassTransit",
                "Subscribe" => type.Name == "ObservableExtensions" && RootNamespace(type) == "System",
                "MapPost" or "MapPut" or "MapPatch" or "MapMethods" => HttpEndpoints.MayMap(method) && RootNamespace(type) == "Microsoft",
                _ => false,
            };
        }

        /// <summary>
        /// Whether the source can declare a method that <see cref="MayRegister"/>, <see cref="MayStartInBackground"/> or
        /// <see cref="IsSleep"/> accepts: each asks for a type in System.Threading or System.Threading.Tasks, or under the
        /// root namespace Hangfire, Coravel, Quartz, Amazon, Telegram, Rebus, MassTransit or Microsoft (keep the two in step). Asked once per set of files
        /// (<see cref="SourceDeclarations"/>), instead of for each call of its own methods.
        /// </summary>
        public static bool SourceMayDeclareCallbackApis(Compilation compilation)
            => System.Array.Exists(CallbackNamespaces, name => SourceDeclarations.DeclaresNamespace(compilation, name));

        private static readonly string[] CallbackNamespaces = { "Threading", "Tasks", "Hangfire", "Coravel", "Quartz", "Amazon", "Telegram", "Rebus", "MassTransit", "Microsoft" };

        /// <summary>
        /// Whether a call of <paramref name="method"/> may start work in the background (<see cref="StartsInBackground"/>):
        /// a cheap test on the method alone.
        /// </summary>
        public static bool MayStartInBackground(IMethodSymbol method)
            => method.ContainingType is { } type
               && ((method.Name, type.Name) is ("Run", "Task") or ("StartNew", "TaskFactory") || (method.MethodKind == MethodKind.Constructor && type.Name == "Thread"))
               && (MetadataNames.IsInNamespace(type, "System.Threading") || MetadataNames.IsInNamespace(type, "System.Threading.Tasks"));

        /// <summary>
        /// The declarations of the local functions <paramref name="part"/> of a body calls or refers to, directly or
        /// through other local functions, that are declared outside it: they run as part of it (a top-level program's
        /// daemon loop that posts through <c>static Task Post(…)</c> declared below the loop). Empty when it calls none.
        /// </summary>
        public static ImmutableArray<SyntaxNode> LocalFunctionsRunBy(IOperation part)
        {
            List<IMethodSymbol>? pending = null;
            AddLocalFunctionsUsed(part, ref pending);
            if (pending is null)
            {
                return ImmutableArray<SyntaxNode>.Empty;
            }

            var root = part;
            while (root.Parent is not null)
            {
                root = root.Parent;
            }

            var declared = new Dictionary<IMethodSymbol, ILocalFunctionOperation>(SymbolEqualityComparer.Default);
            foreach (var operation in root.Descendants())
            {
                if (operation is ILocalFunctionOperation local)
                {
                    declared[local.Symbol] = local;
                }
            }

            var seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            var found = ImmutableArray.CreateBuilder<SyntaxNode>();
            while (pending is { Count: > 0 })
            {
                var function = pending[pending.Count - 1];
                pending.RemoveAt(pending.Count - 1);
                if (!seen.Add(function.OriginalDefinition) || !declared.TryGetValue(function.OriginalDefinition, out var local))
                {
                    continue;
                }

                if (!part.Syntax.Span.Contains(local.Syntax.Span))
                {
                    found.Add(local.Syntax);
                }

                AddLocalFunctionsUsed(local, ref pending);
            }

            return found.ToImmutable();
        }

        /// <summary>
        /// True when the body a local function is declared in calls or refers to it outside its own declaration: a
        /// function nothing calls never runs (the compiler warns of it), so its loop is nobody's daemon.
        /// </summary>
        public static bool IsUsedOutside(ILocalFunctionOperation local)
        {
            var root = (IOperation)local;
            while (root.Parent is not null)
            {
                root = root.Parent;
            }

            var function = local.Symbol.OriginalDefinition;
            foreach (var operation in root.Descendants())
            {
                var target = operation switch
                {
                    IInvocationOperation call => call.TargetMethod,
                    IMethodReferenceOperation reference => reference.Method,
                    _ => null,
                };
                if (target is { MethodKind: MethodKind.LocalFunction } && SymbolEqualityComparer.Default.Equals(target.OriginalDefinition, function)
                    && !local.Syntax.Span.Contains(operation.Syntax.Span))
                {
                    return true;
                }
            }

            return false;
        }

        private static void AddLocalFunctionsUsed(IOperation operation, ref List<IMethodSymbol>? used)
        {
            foreach (var descendant in operation.Descendants())
            {
                var target = descendant switch
                {
                    IInvocationOperation call => call.TargetMethod,
                    IMethodReferenceOperation reference => reference.Method,
                    _ => null,
                };
                if (target is { MethodKind: MethodKind.LocalFunction })
                {
                    (used ??= new List<IMethodSymbol>()).Add(target.OriginalDefinition);
                }
            }
        }

        /// <summary>The lambda or local function an operation is written in, or null when it is in the member's own body.</summary>
        public static IOperation? EnclosingFunction(IOperation operation)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return current;
                }
            }

            return null;
        }

        /// <summary>
        /// The constructor that runs a field's or property's initializer, whose steps hold the initializer's calls
        /// (<c>TimerCallback _tick = _ =&gt; Post();</c>): the type's first declared instance constructor (its primary
        /// constructor when it has one), else its implicit one; the static constructor for a static member. The method
        /// itself for a method, null for anything else.
        /// </summary>
        public static IMethodSymbol? OwnerOf(ISymbol? member)
        {
            if (member is IMethodSymbol method)
            {
                return method;
            }

            if (member is not (IFieldSymbol or IPropertySymbol) || member.ContainingType is not { } type)
            {
                return null;
            }

            var constructors = member.IsStatic ? type.StaticConstructors : type.InstanceConstructors;
            foreach (var constructor in constructors)
            {
                if (!constructor.IsImplicitlyDeclared)
                {
                    return constructor;
                }
            }

            return constructors.IsEmpty ? null : constructors[0];
        }

        /// <summary>
        /// The field or property of the compilation whose delegate an invocation runs (<c>await _work()</c>,
        /// <c>_work.Invoke()</c>, <c>_work?.Invoke()</c>), or the local a callback captured and runs
        /// (<c>Func&lt;Task&gt; post = …; timer.Elapsed += async (s, e) =&gt; await post();</c>), as the reference to it;
        /// null for any other call, and for a local run where it is declared (its lambda's calls are already that
        /// function's). A cheap test of the method's kind first.
        /// </summary>
        public static IOperation? StoredDelegateOf(IInvocationOperation invocation)
        {
            if (invocation.TargetMethod.MethodKind != MethodKind.DelegateInvoke)
            {
                return null;
            }

            var instance = invocation.Instance;
            if (instance is IConditionalAccessInstanceOperation)
            {
                for (var current = invocation.Parent; current is not null; current = current.Parent)
                {
                    if (current is IConditionalAccessOperation access)
                    {
                        instance = access.Operation;
                        break;
                    }
                }
            }

            return instance switch
            {
                IFieldReferenceOperation { Field.DeclaringSyntaxReferences.IsEmpty: false } => instance,
                IPropertyReferenceOperation { Property: { DeclaringSyntaxReferences.IsEmpty: false, Parameters.IsEmpty: true } } => instance,
                ILocalReferenceOperation { Local: var local } when IsCaptured(local, invocation) => instance,
                _ => null,
            };
        }

        // True when the call runs in a lambda or local function other than the one that declares the local.
        private static bool IsCaptured(ILocalSymbol local, IOperation call)
        {
            for (var current = call.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case IAnonymousFunctionOperation lambda:
                        return !SymbolEqualityComparer.Default.Equals(lambda.Symbol, local.ContainingSymbol);
                    case ILocalFunctionOperation function:
                        return !SymbolEqualityComparer.Default.Equals(function.Symbol, local.ContainingSymbol);
                }
            }

            return false;
        }

        /// <summary>True for PeriodicTimer.WaitForNextTickAsync: the loop around it runs on a schedule.</summary>
        public static bool IsPeriodicTick(IInvocationOperation invocation)
            => invocation.TargetMethod is { Name: "WaitForNextTickAsync", ContainingType: { Name: "PeriodicTimer" } type }
               && MetadataNames.IsInNamespace(type, "System.Threading");

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

        /// <summary>
        /// The values a callback kept in a local or a field was given before a registration reads it
        /// (<c>TimerCallback cb = OnTick; new Timer(cb, …)</c>): a local's initializer and assignments in the same body
        /// when each is a lambda or a method group, a field's (or property's) initializer and assignments in its type.
        /// Empty for any other operation. Asked only of a
        /// registration's callback that is neither a lambda nor a method group.
        /// </summary>
        public ImmutableArray<IOperation> StoredValues(IOperation callback)
        {
            while (callback is IConversionOperation or IDelegateCreationOperation)
            {
                callback = callback is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)callback).Target;
            }

            switch (callback)
            {
                case ILocalReferenceOperation { Local: var local }:
                    var root = callback;
                    while (root.Parent is { } parent)
                    {
                        root = parent;
                    }

                    var values = ImmutableArray.CreateBuilder<IOperation>();
                    foreach (var operation in root.Descendants())
                    {
                        switch (operation)
                        {
                            case IVariableDeclaratorOperation { Initializer: { } initializer } declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                                values.Add(initializer.Value);
                                break;
                            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, local):
                                values.Add(assignment.Value);
                                break;
                        }
                    }

                    // A local also given what the code does not show here (a parameter, null) may hold anything when the
                    // registration reads it: none of its values is followed.
                    foreach (var value in values)
                    {
                        if (CallbackTarget(value) is null)
                        {
                            return ImmutableArray<IOperation>.Empty;
                        }
                    }

                    return values.ToImmutable();
                case IFieldReferenceOperation { Field: var field } when field.DeclaringSyntaxReferences.Length > 0:
                    return _fieldValues.GetOrAdd(field.OriginalDefinition, FieldValues);
                case IPropertyReferenceOperation { Property: { Parameters.IsEmpty: true } property } when property.DeclaringSyntaxReferences.Length > 0:
                    return _fieldValues.GetOrAdd(property.OriginalDefinition, FieldValues);
                default:
                    return ImmutableArray<IOperation>.Empty;
            }
        }

        private ImmutableArray<IOperation> FieldValues(ISymbol field)
        {
            var values = ImmutableArray.CreateBuilder<IOperation>();
            foreach (var declaration in field.ContainingType.DeclaringSyntaxReferences)
            {
                if (!_compilation.ContainsSyntaxTree(declaration.SyntaxTree))
                {
                    continue;
                }

                SemanticModel? semanticModel = null;
                foreach (var node in declaration.GetSyntax().DescendantNodes())
                {
                    var candidate = node switch
                    {
                        Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Initializer: { } initializer } declarator when declarator.Identifier.ValueText == field.Name => (SyntaxNode)initializer,
                        Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax { Initializer: { } initializer } property when property.Identifier.ValueText == field.Name => initializer,
                        Microsoft.CodeAnalysis.CSharp.Syntax.AssignmentExpressionSyntax { Left: var left } assignment
                            when (left is Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax { Identifier.ValueText: var name } && name == field.Name)
                                 || (left is Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax { Name.Identifier.ValueText: var member } && member == field.Name) => assignment,
                        _ => null,
                    };
                    if (candidate is null)
                    {
                        continue;
                    }

#pragma warning disable RS1030 // Only for a field a registration reads its callback from, at the few places that assign it.
                    semanticModel ??= _compilation.GetSemanticModel(declaration.SyntaxTree);
#pragma warning restore RS1030
                    switch (semanticModel.GetOperation(candidate))
                    {
                        case IFieldInitializerOperation initializer when field is IFieldSymbol initialized && initializer.InitializedFields.Contains(initialized, SymbolEqualityComparer.Default):
                            values.Add(initializer.Value);
                            break;
                        case IPropertyInitializerOperation initializer when field is IPropertySymbol initialized && initializer.InitializedProperties.Contains(initialized, SymbolEqualityComparer.Default):
                            values.Add(initializer.Value);
                            break;
                        case ISimpleAssignmentOperation { Target: IFieldReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Field.OriginalDefinition, field):
                            values.Add(assignment.Value);
                            break;
                        case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Property.OriginalDefinition, field):
                            values.Add(assignment.Value);
                            break;
                    }
                }
            }

            return values.ToImmutable();
        }

        /// <summary>The local, field or property a delegate value is stored in (<c>TimerCallback cb = OnTick;</c>), or null.</summary>
        public static ISymbol? StorageOf(IOperation value)
        {
            var current = value;
            while (current.Parent is IConversionOperation or IDelegateCreationOperation)
            {
                current = current.Parent;
            }

            return current.Parent switch
            {
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment when assignment.Value == current => local.Local,
                ISimpleAssignmentOperation { Target: IFieldReferenceOperation field } assignment when assignment.Value == current => field.Field.OriginalDefinition,
                ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment when assignment.Value == current => property.Property.OriginalDefinition,
                IFieldInitializerOperation initializer when initializer.InitializedFields.Length == 1 => initializer.InitializedFields[0].OriginalDefinition,
                IPropertyInitializerOperation initializer when initializer.InitializedProperties.Length == 1 => initializer.InitializedProperties[0].OriginalDefinition,
                _ => null,
            };
        }

        /// <summary>True when the callback operation reads <paramref name="storage"/> (a local, field or property).</summary>
        public static bool Reads(IOperation callback, ISymbol storage)
        {
            while (callback is IConversionOperation or IDelegateCreationOperation)
            {
                callback = callback is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)callback).Target;
            }

            return callback switch
            {
                ILocalReferenceOperation local => SymbolEqualityComparer.Default.Equals(local.Local, storage),
                IFieldReferenceOperation field => SymbolEqualityComparer.Default.Equals(field.Field.OriginalDefinition, storage),
                IPropertyReferenceOperation property => SymbolEqualityComparer.Default.Equals(property.Property.OriginalDefinition, storage),
                _ => false,
            };
        }

        private static bool IsLambda(IOperation operation) => CallbackTarget(operation) is IAnonymousFunctionOperation or IMethodReferenceOperation;

        private static bool IsExpressionParameter(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation is IParameterReferenceOperation { Parameter.Type: var type } && DelegateRunners.IsExpressionOfDelegate(type);
        }

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
