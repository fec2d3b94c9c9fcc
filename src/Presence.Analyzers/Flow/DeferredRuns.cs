using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Presence.Analyzers.Catalog;

namespace Presence.Analyzers.Flow
{
    /// <summary>
    /// Code that runs later than the place it is written: a job scheduled for later or on a schedule, a timer's
    /// callback, what follows a wait of hours or days. A person's yes given before it is stale when it publishes
    /// (the world may have changed, a publishing hold may be on), so it does not guard what runs then.
    /// </summary>
    internal static class DeferredRuns
    {
        private const long HourInMilliseconds = 60L * 60 * 1000;

        /// <summary>
        /// True when <paramref name="callback"/> (a lambda or a method group) is handed to something that runs it later:
        /// Hangfire's <c>Schedule</c> and <c>AddOrUpdate</c> (also through <c>Job.FromExpression</c>), Coravel's
        /// <c>Schedule</c>, a <c>System.Threading.Timer</c>, <c>TimeProvider.CreateTimer</c> or a <c>System.Timers.Timer</c>'s
        /// <c>Elapsed</c>, a bus's message handler (<see cref="MessageHandler"/>). An enqueued job (<c>BackgroundJob.Enqueue</c>)
        /// or <c>Task.Run</c> runs now, and is not.
        /// </summary>
        public static bool RunsLater(IOperation callback)
        {
            var current = callback.Parent;
            while (current is IDelegateCreationOperation or IConversionOperation)
            {
                current = current.Parent;
            }

            switch (current)
            {
                case IEventAssignmentOperation { EventReference: IEventReferenceOperation { Event: { Name: "Elapsed", ContainingType: { Name: "Timer" } timer } } }:
                    return MetadataNames.IsInNamespace(timer, "System.Timers");
                case IArgumentOperation { Parent: IObjectCreationOperation { Type: INamedTypeSymbol { Name: "Timer" } timer } creation }:
                    return MetadataNames.IsInNamespace(timer, "System.Threading") && !FiresOnceSoon(creation.Arguments);
                case IArgumentOperation { Parent: IInvocationOperation invocation }:
                    return Schedules(invocation);
                default:
                    return false;
            }
        }

        /// <summary>
        /// What a bus runs the delegates given to <paramref name="method"/> as, for each message that arrives: Rebus's
        /// <c>BuiltinHandlerActivator.Handle</c>, MassTransit's <c>Handler&lt;T&gt;</c> on a receive endpoint, a MassTransit
        /// state machine's <c>Then</c>/<c>ThenAsync</c> (named after the method, as the code reads), by the method's name, its
        /// type's and that type's <paramref name="root"/> namespace. Null for other methods.
        /// </summary>
        public static string? MessageHandler(IMethodSymbol method, string? root)
            => method.ContainingType?.Name switch
            {
                "BuiltinHandlerActivator" when method.Name == "Handle" && root == "Rebus" => "Rebus message handler",
                "HandlerExtensions" when method.Name == "Handler" && root == "MassTransit" => "MassTransit message handler",
                "ThenExtensions" when method.Name is "Then" or "ThenAsync" && root == "MassTransit" => method.Name + " callback",
                _ => null,
            };

        private static bool Schedules(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
            if (method.ContainingType is not { } type)
            {
                return false;
            }

            switch (method.Name)
            {
                case "Schedule":
                case "ScheduleAsync":
                    // Coravel's schedules recur. A Hangfire job scheduled minutes ahead is an undo window the person who
                    // said yes is still around for; one scheduled hours or days ahead runs in a world that has moved on.
                    return RootNamespace(type) switch
                    {
                        "Coravel" => true,
                        "Hangfire" => ScheduledFarAhead(invocation),
                        _ => false,
                    };
                case "AddOrUpdate":
                    return RootNamespace(type) == "Hangfire";
                case "FromExpression":
                    // manager.AddOrUpdate("digest", Job.FromExpression<DigestJob>(j => j.RunAsync()), Cron.Daily()).
                    return RootNamespace(type) == "Hangfire" && invocation.Parent is IArgumentOperation { Parent: IInvocationOperation user } && Schedules(user);
                case "Handle":
                case "Handler":
                case "Then":
                case "ThenAsync":
                    // A message handler runs for each message that arrives, long after the bus was configured.
                    return MessageHandler(method, RootNamespace(type)) is not null;
                case "CreateTimer":
                    return type.Name == "TimeProvider" && MetadataNames.IsInNamespace(type, "System") && !FiresOnceSoon(invocation.Arguments);
                default:
                    return false;
            }
        }

        // A timer that fires once (period Timeout.Infinite / InfiniteTimeSpan) less than an hour ahead, as far as the code
        // shows it: an undo window after a yes (new Timer(post, null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan),
        // cancelled by disposing it), the person still there, as for a Hangfire job scheduled minutes ahead.
        private static bool FiresOnceSoon(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
        {
            IOperation? dueTime = null;
            IOperation? period = null;
            foreach (var argument in arguments)
            {
                switch (argument.Parameter?.Name)
                {
                    case "dueTime":
                        dueTime = argument.Value;
                        break;
                    case "period":
                        period = argument.Value;
                        break;
                }
            }

            return dueTime is not null && period is not null && IsInfinite(period) && !IsAnHourOrMore(dueTime);
        }

        private static bool IsInfinite(IOperation period)
        {
            while (period is IConversionOperation conversion)
            {
                period = conversion.Operand;
            }

            return period switch
            {
                { ConstantValue: { HasValue: true, Value: int or long } value } => System.Convert.ToInt64(value.Value, System.Globalization.CultureInfo.InvariantCulture) == -1,
                IFieldReferenceOperation { Field: { Name: "InfiniteTimeSpan", ContainingType.Name: "Timeout" } } => true,
                IInvocationOperation { TargetMethod: { Name: "FromMilliseconds", ContainingType.Name: "TimeSpan" } } from
                    => from.Arguments.Length > 0 && from.Arguments[0].Value.ConstantValue is { HasValue: true, Value: var ms } && System.Convert.ToDouble(ms, System.Globalization.CultureInfo.InvariantCulture) == -1,
                _ => false,
            };
        }

        /// <summary>
        /// <c>Task.Delay</c> or <c>Thread.Sleep</c> for an hour or more as far as the code shows it: <c>TimeSpan.FromDays(n)</c>,
        /// <c>TimeSpan.FromHours(n)</c>, a constant of at least an hour, or the time until a moment (<c>when - DateTimeOffset.UtcNow</c>).
        /// A wait whose length is computed elsewhere is not (a pause between the posts of a thread is common and short).
        /// </summary>
        public static bool IsLongWait(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (method.Name is not ("Delay" or "Sleep") || invocation.Arguments.Length == 0 || method.ContainingType is not { } type
                || !(method.Name == "Delay" ? type.Name == "Task" && MetadataNames.IsInNamespace(type, "System.Threading.Tasks") : type.Name == "Thread" && MetadataNames.IsInNamespace(type, "System.Threading")))
            {
                return false;
            }

            // A delay that is created but not awaited (a timeout raced against the post, a cleanup continued later) is
            // no wait before what follows.
            if (method.Name == "Delay" && !IsAwaited(invocation))
            {
                return false;
            }

            return IsAnHourOrMore(invocation.Arguments[0].Value);
        }

        private static bool IsAwaited(IOperation operation)
        {
            var parent = operation.Parent;
            while (parent is IConversionOperation or IArgumentOperation
                   || parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" or "WaitAsync" })
            {
                parent = parent.Parent;
            }

            return parent is IAwaitOperation;
        }

        // Hangfire's Schedule(job, TimeSpan delay) or Schedule(job, DateTimeOffset enqueueAt): far ahead as the code shows it.
        private static bool ScheduledFarAhead(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                var value = argument.Value;
                while (value is IConversionOperation conversion)
                {
                    value = conversion.Operand;
                }

                switch (value.Type)
                {
                    case INamedTypeSymbol { Name: "TimeSpan" }:
                        return IsAnHourOrMore(value);
                    case INamedTypeSymbol { Name: "DateTime" or "DateTimeOffset" }:
                        return value is IInvocationOperation { TargetMethod.Name: "AddDays" or "AddHours" or "AddMonths" or "AddYears" };
                }
            }

            return false;
        }

        private static bool IsAnHourOrMore(IOperation duration)
        {
            while (duration is IConversionOperation conversion)
            {
                duration = conversion.Operand;
            }

            switch (duration)
            {
                case { ConstantValue: { HasValue: true, Value: int milliseconds } }:
                    return milliseconds >= HourInMilliseconds;
                case IInvocationOperation { TargetMethod: { ContainingType: { Name: "TimeSpan" } timeSpan, Name: var unit } } from when MetadataNames.IsInNamespace(timeSpan, "System"):
                    return unit is "FromDays" or "FromHours"
                           || (unit == "FromMinutes" && from.Arguments.Length > 0 && from.Arguments[0].Value.ConstantValue is { HasValue: true, Value: var minutes } && System.Convert.ToDouble(minutes, System.Globalization.CultureInfo.InvariantCulture) >= 60);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract, LeftOperand.Type: INamedTypeSymbol { Name: "DateTime" or "DateTimeOffset" } moment }:
                    return MetadataNames.IsInNamespace(moment, "System");
                default:
                    return false;
            }
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
