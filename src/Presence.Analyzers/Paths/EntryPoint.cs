using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Presence.Analyzers.Paths
{
    internal enum EntryKind
    {
        /// <summary>Runs with nobody present: hosted services, jobs, timers, triggers (PRES002).</summary>
        Unattended,

        /// <summary>Answers incoming messages or webhooks (PRES003).</summary>
        IncomingMessage,
    }

    /// <summary>A function (method or lambda) that code runs from with nobody deciding, and why it counts as one.</summary>
    internal sealed class EntryPoint
    {
        private readonly Location? _reportAt;

        /// <param name="reportAt">Where to report when not the function's name (the loop of a top-level program).</param>
        /// <param name="runsOn">The one concrete class the function's virtual calls on it land in (a Hangfire job's <c>TJob</c>).</param>
        /// <param name="within">The part of the function that runs unattended (the loop of a top-level program); null for all of it.</param>
        /// <param name="alsoWithin">The local functions declared outside <paramref name="within"/> that it calls: they run as part of it.</param>
        public EntryPoint(IMethodSymbol function, EntryKind kind, string reason, SyntaxNode? lambda, Location? reportAt = null, INamedTypeSymbol? runsOn = null, SyntaxNode? within = null,
            ImmutableArray<SyntaxNode> alsoWithin = default)
        {
            Within = within;
            _alsoWithin = alsoWithin.IsDefault ? ImmutableArray<SyntaxNode>.Empty : alsoWithin;
            Function = function;
            Kind = kind;
            Reason = reason;
            Lambda = lambda;
            Overrides = ImmutableArray<IMethodSymbol>.Empty;
            _reportAt = reportAt;
            RunsOn = runsOn;
        }

        /// <summary>
        /// The trigger a concrete job inherits: <paramref name="function"/> is declared by a base class (of this
        /// compilation or another), and runs for <paramref name="concreteType"/>; its calls of virtual members land
        /// in that type's <paramref name="overrides"/>.
        /// </summary>
        public EntryPoint(IMethodSymbol function, EntryKind kind, string reason, INamedTypeSymbol concreteType, ImmutableArray<IMethodSymbol> overrides)
            : this(function, kind, reason, null, runsOn: concreteType)
        {
            ConcreteType = concreteType;
            Overrides = overrides;
        }

        /// <summary>
        /// A referenced library's hosted service, run because this compilation registers it at <paramref name="registration"/>:
        /// <paramref name="function"/> is its entry method, whose path the library's summary gives.
        /// </summary>
        public static EntryPoint RegisteredFromLibrary(IMethodSymbol function, string reason, SyntaxNode registration)
            => new EntryPoint(function, EntryKind.Unattended, reason, null, registration.GetLocation()) { Registration = registration };

        /// <summary>For a referenced library's hosted service, where this compilation registers it.</summary>
        public SyntaxNode? Registration { get; private set; }

        /// <summary>The part of <see cref="Function"/> that runs unattended, when not all of it: a top-level program's daemon loop.</summary>
        public SyntaxNode? Within { get; }

        private readonly ImmutableArray<SyntaxNode> _alsoWithin;

        /// <summary>
        /// True when <paramref name="node"/> of <see cref="Function"/>'s body runs unattended: anywhere when the whole
        /// function does, otherwise inside <see cref="Within"/> or a local function it calls.
        /// </summary>
        public bool Runs(SyntaxNode node)
        {
            if (Within is null || Contains(Within, node))
            {
                return true;
            }

            foreach (var local in _alsoWithin)
            {
                if (Contains(local, node))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Contains(SyntaxNode part, SyntaxNode node) => part.SyntaxTree == node.SyntaxTree && part.Span.Contains(node.Span);

        /// <summary>The method, or the lambda's symbol.</summary>
        public IMethodSymbol Function { get; }

        public EntryKind Kind { get; }

        /// <summary>What makes it an entry point, e.g. "a hosted service", "a Quartz job", "a timer callback".</summary>
        public string Reason { get; }

        /// <summary>
        /// An HTTP endpoint that anyone may call: anonymous ("anonymous endpoint POST /signup"), or an HTTP-triggered
        /// function behind a function key. Unlike a chat handler or a webhook, people may be its callers.
        /// </summary>
        public bool AnswersAnyCaller
            => Kind == EntryKind.IncomingMessage
               && (Reason.StartsWith(HttpEndpoints.AnonymousEndpoint, System.StringComparison.Ordinal) || Reason.StartsWith(EntryPoints.HttpTrigger, System.StringComparison.Ordinal));

        /// <summary>"a Quartz job", "an unattended entry point", "an HTTP-triggered function", "an NServiceBus message handler".</summary>
        public string ReasonWithArticle
            => ("aeiou".IndexOf(char.ToLowerInvariant(Reason[0])) >= 0 || SpelledWithAVowel(Reason) ? "an " : "a ") + Reason;

        // An initialism read letter by letter whose first letter's name starts with a vowel sound (H, N, S...).
        private static bool SpelledWithAVowel(string reason)
            => reason.Length > 1 && char.IsUpper(reason[1]) && "FHLMNRSX".IndexOf(reason[0]) >= 0;

        /// <summary>The lambda's (or local function's) syntax when the entry point is a callback written in place.</summary>
        public SyntaxNode? Lambda { get; }

        /// <summary>For an inherited trigger, the concrete job it runs for; reports stand on that job.</summary>
        public INamedTypeSymbol? ConcreteType { get; }

        /// <summary>
        /// The concrete class whose overrides the path's virtual calls land in: an inherited trigger's job, or the
        /// <c>TJob</c> Hangfire activates for <c>AddOrUpdate&lt;TJob&gt;(j =&gt; j.Run())</c>; null when any
        /// implementation may run.
        /// </summary>
        public INamedTypeSymbol? RunsOn { get; }

        /// <summary>For an inherited trigger, the concrete job's overrides of its base classes' members.</summary>
        public ImmutableArray<IMethodSymbol> Overrides { get; }

        /// <summary>
        /// True for a trigger implemented by an abstract class: it runs only as part of a concrete job, where it is
        /// reported (the base may serve many jobs, or live in another project).
        /// </summary>
        public bool RunsThroughSubclasses
            => ConcreteType is null && Lambda is null && Function.ContainingType is { TypeKind: TypeKind.Class, IsAbstract: true } && !Function.IsStatic;

        public Location Location
            => _reportAt ?? Lambda switch
            {
                LambdaExpressionSyntax lambda => lambda.ArrowToken.GetLocation(),
                AnonymousMethodExpressionSyntax method => method.DelegateKeyword.GetLocation(),
                LocalFunctionStatementSyntax local => local.Identifier.GetLocation(),
                { } other => other.GetLocation(),
                _ => ConcreteType is { } type ? FirstLocation(type) : FirstLocation(Function),
            };

        public string DisplayName
            => Function.MethodKind == MethodKind.LocalFunction ? Function.Name + " in " + Container(Function)
                : Lambda is not null ? "the " + Reason + " in " + Container(Function)
                : ConcreteType is { } type ? type.Name
                : CallGraph.NameOf(Function);

        // The member a callback is written in, as its code reads: a lambda inside a lambda (a job scheduled from an
        // endpoint's handler) is "a lambda in the top-level program", never just "lambda".
        private static string Container(IMethodSymbol function)
        {
            var container = function.ContainingSymbol;
            var inLambda = false;
            while (container is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } outer)
            {
                container = outer.ContainingSymbol;
                inLambda = true;
            }

            var name = container switch
            {
                IMethodSymbol member => MemberName(member),
                IFieldSymbol or IPropertySymbol => "the initializer of " + container.ContainingType?.Name + "." + container.Name,
                _ => MemberName(function),
            };
            return inLambda ? "a lambda in " + name : name;
        }

        // A callback written in a constructor belongs to its class: "the ThenAsync callback in PostStateMachine".
        private static string MemberName(IMethodSymbol member)
            => member is { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor, ContainingType: { } type } ? type.Name : CallGraph.NameOf(member);

        /// <summary>"NightlyJob.Execute (a Quartz job)", "NightlyJob.Run (a Quartz job, run by JobBase.Execute)".</summary>
        /// <remarks>A lambda's name already says what it is ("the recurring Hangfire job in Scheduling.Register"): no parenthesis.</remarks>
        public string Describe(IMethodSymbol? reportedAt)
            => reportedAt is null && Lambda is not null && ConcreteType is null && Function.MethodKind != MethodKind.LocalFunction
                ? DisplayName
                : (reportedAt is null ? DisplayName : CallGraph.NameOf(reportedAt))
                  + " (" + ReasonWithArticle + (ConcreteType is null ? string.Empty : ", run by " + CallGraph.NameOf(Function)) + ")";

        internal static Location FirstLocation(ISymbol symbol) => symbol.Locations.Length > 0 ? symbol.Locations[0] : Location.None;
    }
}
