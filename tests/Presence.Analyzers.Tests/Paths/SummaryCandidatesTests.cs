using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Presence.Analyzers.Summaries;
using Xunit;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// The candidate trees the path summary binds, decided from the syntax index alone: the trees that call a publishing
/// name, then round by round those that call a method of theirs, as far as the search goes and no further.
/// </summary>
public class SummaryCandidatesTests
{
    private static readonly string[] Chain =
    [
        "class Sender { void Post() => client.SendMessage(1); }",
        "class Relay { void Forward() { sender.Post(); } }",
        "class Job { void Run() { relay.Forward(); } }",
        "class Unrelated { void Tick() => Log(); }",
        "class Cron { void Fire() { job.Run(); other.Tick(); } }",
        "class Writer { string Draft() => model.Complete(); }",
        "class Poster { void Share() { Draft(); } }",
    ];

    [Theory]
    [InlineData(0, new[] { 0, 1 })]
    [InlineData(1, new[] { 0, 1, 2 })]
    [InlineData(2, new[] { 0, 1, 2, 4 })]
    [InlineData(8, new[] { 0, 1, 2, 4 })]
    public void Callers_are_followed_round_by_round_up_to_the_depth(int maxDepth, int[] expected)
    {
        Assert.Equal(expected, Candidates.Of(Index(Chain), ["SendMessage"], [], maxDepth).ToArray());
    }

    [Fact]
    public void Machine_written_text_is_followed_from_the_writers_names_as_well()
    {
        Assert.Equal([0, 1, 2, 4, 5, 6], Candidates.Of(Index(Chain), ["SendMessage"], ["Complete"], maxDepth: 8).ToArray());
        Assert.Equal([5, 6], Candidates.Of(Index(Chain), [], ["Complete"], maxDepth: 8).ToArray());
    }

    [Fact]
    public void A_method_named_like_a_publishing_one_in_another_tree_makes_its_callers_candidates_too()
    {
        // By name: both Post methods' callers are candidates, and a caller reached by two names is one candidate.
        string[] trees =
        [
            "class Sender { void Post() => client.SendMessage(1); }",
            "class Notes { void Post() => list.Add(1); }",
            "class Both { void Go() { sender.Post(); notes.Post(); } }",
            "class Quiet { void Go() => notes.Add(1); }",
        ];

        Assert.Equal([0, 2], Candidates.Of(Index(trees), ["SendMessage"], [], maxDepth: 8).ToArray());
    }

    [Fact]
    public void A_publisher_declared_by_attribute_starts_a_path_without_any_sink_name()
    {
        string[] trees =
        [
            "interface IChannel { [PublishesContent] void Announce(string text); }",
            "class Campaign { void Launch() => channel.Announce(\"hi\"); }",
            "class Later { void Go() => campaign.Launch(); }",
        ];

        Assert.Equal([1, 2], Candidates.Of(Index(trees), [], [], maxDepth: 8).ToArray());
        Assert.Empty(Candidates.Of(Index(trees.Skip(1).ToArray()), [], [], maxDepth: 8));
    }

    [Fact]
    public void A_port_nothing_here_implements_makes_its_callers_candidates()
    {
        // IStatusPoster is left to another project; IClock is implemented here, so a call of it is resolved here.
        string[] trees =
        [
            "public interface IStatusPoster { Task PostAsync(string text); } public interface IClock { DateTime Now(); }",
            "public class Campaign { public Task RunAsync() => poster.PostAsync(\"hi\"); }",
            "public class Worker { public void Go() => campaign.RunAsync(); }",
            "public class SystemClock : Ports.IClock { public DateTime Now() => DateTime.UtcNow; }",
            "public class Stamp { public DateTime At() => clock.Now(); }",
            "public abstract class Channel { public abstract Task Send(string text); public Task Announce() => Send(\"hi\"); }",
            "public interface IReview { [HumanConfirmation] Task<bool> AskAsync(string text); }",
            "public class Desk { public Task<bool> Ask() => review.AskAsync(\"hi\"); }",
        ];

        // A confirmation is no port: whoever implements it asks, and never publishes.
        Assert.Equal([1, 2, 5], Candidates.Of(Index(trees), [], [], maxDepth: 8).ToArray());
    }

    [Fact]
    public void A_publisher_nothing_here_implements_is_no_port()
    {
        // Calling a declared publisher publishes wherever it is implemented: its callers are candidates only when the
        // search looks for publishes (a sink name), not as ports whose callers every compilation would bind.
        string[] trees =
        [
            "[PublishesContent(\"Mastodon\")] public interface IMastodonPublisher { Task PublishStatusAsync(string text); }",
            "public interface IPoster { [RequiresHumanApproval] Task PostAsync(string text); }",
            "public class Announcer { public Task Go() => mastodon.PublishStatusAsync(\"hi\"); public Task Again() => poster.PostAsync(\"hi\"); }",
        ];

        var index = Index(trees);
        Assert.Empty(Candidates.PortNames(index, out _));
        Assert.Equal([2], Candidates.Of(index, [], [], maxDepth: 8).ToArray());
    }

    private static ImmutableArray<TreeIndex> Index(string[] sources)
        => sources.Select((source, i) => TreeIndex.Of(CSharpSyntaxTree.ParseText(source, path: $"File{i}.cs"), default)).ToImmutableArray();
}
