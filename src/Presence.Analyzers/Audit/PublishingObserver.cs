using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Presence.Analyzers.Catalog;
using Presence.Analyzers.Configuration;
using Presence.Analyzers.Flow;
using Presence.Analyzers.Model;
using Presence.Analyzers.Paths;

namespace Presence.Analyzers.Audit
{
    /// <summary>
    /// What the publishing map (the <c>presence audit</c> tool) is told by <see cref="Rules.UnconfirmedPublishAnalyzer"/>
    /// beyond its diagnostics: each publish call with the verdict of the guard analysis, the publish calls in bodies the
    /// rules exempt, the unguarded calls a path can take (across assemblies too), and the entry points found.
    /// Only an analyzer constructed with an observer calls it; the compiler's instance has none and pays one null check.
    /// Called concurrently, except <see cref="OnCompilationEnd"/>.
    /// </summary>
    internal abstract class PublishingObserver
    {
        /// <summary>
        /// A site of a judged body: a publish call (guarded or not), or an unguarded call a path may continue through
        /// (<see cref="PublishKind.Call"/>). <paramref name="function"/> is the call-graph node it belongs to (the member,
        /// or the entry-point lambda around it); <paramref name="inTool"/> is true inside an AI agent's tool.
        /// </summary>
        public abstract void OnSite(Compilation compilation, IMethodSymbol? function, PublishSite site, bool inTool);

        /// <summary>A publish call in a body the rules do not judge: [AutomatedPresence], [RequiresHumanApproval], a publisher's own body.</summary>
        public abstract void OnExemptSite(Compilation compilation, ISymbol owner, PublishTarget target, SyntaxNode call);

        /// <summary>
        /// A call the rules do not count as a publish: an ordinary call (a generated gate's method is one), or a send to
        /// the team, a labelled bot's reply or an answer to the requester, which <see cref="PresenceModel.ClassifyQuiet"/>
        /// tells with whom it reaches.
        /// </summary>
        public abstract void OnCall(Compilation compilation, ISymbol owner, IInvocationOperation invocation, PresenceModel model, PresenceOptions options);

        /// <summary>Once per compilation, after the paths were searched: every entry point a body registered.</summary>
        public abstract void OnCompilationEnd(Compilation compilation, IEnumerable<EntryPoint> entryPoints);

        /// <summary>True when calls into <paramref name="assembly"/> are kept as path steps (another project of the solution).</summary>
        public abstract bool Follows(IAssemblySymbol assembly);

        /// <summary>Reports the publish calls of an exempt body, which the rules skip.</summary>
        internal static void ObserveExemptBody(PublishingObserver observer, OperationBlockStartAnalysisContext block, PresenceModel model)
        {
            var options = PresenceOptions.Read(block.Options.AnalyzerConfigOptionsProvider.GetOptions(block.FilterTree));
            var compilation = block.Compilation;
            var owner = block.OwningSymbol;
            block.RegisterOperationAction(
                context =>
                {
                    var invocation = (IInvocationOperation)context.Operation;
                    if (model.Classify(invocation, options) is { } target)
                    {
                        observer.OnExemptSite(compilation, owner, target, invocation.Syntax);
                    }
                },
                OperationKind.Invocation);
        }
    }
}
