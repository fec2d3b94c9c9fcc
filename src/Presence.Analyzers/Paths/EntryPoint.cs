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
        public EntryPoint(IMethodSymbol function, EntryKind kind, string reason, SyntaxNode? lambda)
        {
            Function = function;
            Kind = kind;
            Reason = reason;
            Lambda = lambda;
        }

        /// <summary>The method, or the lambda's symbol.</summary>
        public IMethodSymbol Function { get; }

        public EntryKind Kind { get; }

        /// <summary>What makes it an entry point, e.g. "a hosted service", "a Quartz job", "a timer callback".</summary>
        public string Reason { get; }

        /// <summary>"a Quartz job", "an unattended entry point".</summary>
        public string ReasonWithArticle => ("aeiou".IndexOf(char.ToLowerInvariant(Reason[0])) >= 0 ? "an " : "a ") + Reason;

        /// <summary>The lambda's syntax when the entry point is a callback written in place.</summary>
        public SyntaxNode? Lambda { get; }

        public Location Location
            => Lambda switch
            {
                LambdaExpressionSyntax lambda => lambda.ArrowToken.GetLocation(),
                AnonymousMethodExpressionSyntax method => method.DelegateKeyword.GetLocation(),
                { } other => other.GetLocation(),
                _ => Function.Locations.Length > 0 ? Function.Locations[0] : Location.None,
            };

        public string DisplayName => Lambda is null ? CallGraph.NameOf(Function) : "the " + Reason + " in " + CallGraph.NameOf(Function.ContainingSymbol as IMethodSymbol ?? Function);
    }
}
