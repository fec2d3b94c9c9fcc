using Microsoft.CodeAnalysis;

namespace Presence.Analyzers.Model
{
    internal enum PublishKind
    {
        /// <summary>A member the user declared with [PublishesContent] (or an implementation or override of one).</summary>
        Declared,

        /// <summary>A method that declares [RequiresHumanApproval]: its callers must confirm.</summary>
        RequiresApproval,
    }

    /// <summary>What a publish call calls, as shown to the user.</summary>
    internal sealed class PublishTarget
    {
        public PublishTarget(IMethodSymbol method, PublishKind kind, string? platform)
        {
            Method = method;
            Kind = kind;
            Platform = platform;
        }

        public IMethodSymbol Method { get; }

        public PublishKind Kind { get; }

        public string? Platform { get; }

        public string DisplayName => Method.ContainingType is { } type ? type.Name + "." + Method.Name : Method.Name;
    }
}
