using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Presence.Analyzers.Model;

namespace Presence.Analyzers.Flow
{
    /// <summary>A publish call that no positive confirmation guards.</summary>
    internal sealed class PublishSite
    {
        public PublishSite(SyntaxNode syntax, PublishTarget target, IInvocationOperation? askedBy)
        {
            Syntax = syntax;
            Target = target;
            AskedBy = askedBy;
        }

        public SyntaxNode Syntax { get; }

        public PublishTarget Target { get; }

        /// <summary>The confirmation asked on every path to the call whose answer does not guard it, if any (PRES004).</summary>
        public IInvocationOperation? AskedBy { get; }
    }
}
