using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Presence.Analyzers.Catalog;
using Presence.Analyzers.Configuration;
using Presence.Analyzers.Flow;
using Presence.Analyzers.Model;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Flow;

/// <summary>
/// The guard analysis stops after a bounded number of rounds; a body that has not settled by then is treated as
/// unconfirmed, so the bound can cost a report too many but never hide a publish.
/// </summary>
public class ConvergenceTests
{
    // The answer guards the first pass of the loop only: the back edge, seen from the second round on, carries
    // 'approved = true' (no one's answer) to the check. After one round the loop head still has the optimistic state.
    private const string Source = """
        using Presence;

        [PublishesContent("Mastodon")]
        public interface IPublisher { void Publish(string text); }

        public interface IReview { [HumanConfirmation] bool Ask(string text); }

        class Poster
        {
            void Run(IPublisher publisher, IReview review, string[] drafts)
            {
                var approved = review.Ask(drafts[0]);
                for (var i = 0; i < drafts.Length; i++)
                {
                    if (approved) publisher.Publish(drafts[i]);
                    approved = true; // the next drafts ride on the first answer
                }
            }
        }
        """;

    [Fact]
    public void A_settled_analysis_finds_the_publish_unguarded()
        => Assert.False(Analyze(ConfirmationFlowAnalysis.MaxRounds).Guarded);

    [Fact]
    public void An_analysis_cut_short_treats_the_body_as_unconfirmed()
        => Assert.False(Analyze(maxRounds: 1).Guarded);

    private static PublishSite Analyze(int maxRounds)
    {
        var compilation = AllAnalyzers.Compilation([Source], [TestReferences.Abstractions]);
        var tree = compilation.SyntaxTrees.Single();
        var semanticModel = compilation.GetSemanticModel(tree);
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == "Run");
        var body = (IMethodBodyOperation)semanticModel.GetOperation(method)!;
        var model = PresenceModel.TryCreate(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), CancellationToken.None)!;

        var publishCalls = new Dictionary<SyntaxNode, PublishTarget>();
        foreach (var invocation in body.Descendants().OfType<IInvocationOperation>())
        {
            if (model.Classify(invocation, PresenceOptions.Default) is { } target)
            {
                publishCalls[invocation.Syntax] = target;
            }
        }

        var sites = ConfirmationFlowAnalysis.AnalyzeSites(ControlFlowGraph.Create(body), model, publishCalls, CancellationToken.None, maxRounds);
        return Assert.Single(sites, site => site.Target.Method.Name == "Publish");
    }
}
