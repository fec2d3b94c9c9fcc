using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Presence.Analyzers.Catalog;
using Presence.Analyzers.Model;
using Presence.Incremental;

namespace Presence.Analyzers.Summaries
{
    /// <summary>
    /// What the syntax index and the references decide before anything is bound: the candidate trees (positions in
    /// the compilation's trees), or that the model must decide (a PresenceApis.txt can declare a whole type, whose
    /// member names only the model knows). No plan: nothing here can reach a publish, and there is no summary.
    /// </summary>
    internal sealed class SummaryPlan : IEquatable<SummaryPlan>
    {
        // The sends' words, and what a source could declare publishers with by itself (TreeIndex's attributes; Refit's
        // count only with a Refit namespace).
        private static readonly string[] PublishingWords = HttpRequests.SendWords
            .Concat(new[] { "PublishesContent", "RequiresHumanApproval", "GeneratePublisherGate", "Refit" }).ToArray();

        private SummaryPlan(EquatableArray<int> trees, bool modelDecides)
        {
            Trees = trees;
            ModelDecides = modelDecides;
        }

        public EquatableArray<int> Trees { get; }

        public bool ModelDecides { get; }

        public static SummaryPlan? Decide(ImmutableArray<TreeIndex> index, ReferenceFacts references, bool declaresApis, int maxDepth)
        {
            if (declaresApis)
            {
                return new SummaryPlan(EquatableArray<int>.Empty, modelDecides: true);
            }

            var trees = Candidates.Of(index, references.SinkNames, references.WriterNames, maxDepth);
            return trees.IsEmpty ? null : new SummaryPlan(trees.ToEquatableArray(), modelDecides: false);
        }

        /// <summary>
        /// False when no tree can be a candidate, decided without indexing any: with neither Presence.Abstractions nor
        /// Refit referenced and no language model, only a call by one of the references' sink names can start a path,
        /// and when each of them has one of <see cref="HttpRequests.SendWords"/> in it, a source that names none of
        /// these words, nor an attribute or namespace that could declare a publisher of its own, calls none of them.
        /// Each file's words are read once, for the rules too, and kept with its tree (<see cref="NameUse"/>).
        /// </summary>
        public static bool MayPublish(Compilation compilation, ReferenceFacts references, CancellationToken cancellationToken)
        {
            if (references.MayDeclarePublishers || !references.WriterNames.IsEmpty)
            {
                return true;
            }

            for (var i = 0; i < references.SinkNames.Count; i++)
            {
                if (!HttpRequests.HasSendWord(references.SinkNames[i]))
                {
                    return true;
                }
            }

            return NameUse.AnyInSource(compilation, PublishingWords, cancellationToken);
        }

        public bool Equals(SummaryPlan? other) => other is not null && ModelDecides == other.ModelDecides && Trees == other.Trees;

        public override bool Equals(object? obj) => Equals(obj as SummaryPlan);

        public override int GetHashCode() => Trees.GetHashCode() ^ (ModelDecides ? 1 : 0);
    }

    /// <summary>
    /// The trees the summary's semantic search can reach, decided from the syntax index alone: those that call a
    /// publishing name (or a language model), then, round by round, those that call a method of theirs that does.
    /// A superset of what the search binds, so a compilation with none has no summary and binds nothing.
    /// </summary>
    internal static class Candidates
    {
        /// <summary>
        /// The positions in <paramref name="trees"/> of the candidate trees, in order. <paramref name="sinkNames"/> are
        /// the names a publish call can have besides the trees' own declared publishers and the members they declare
        /// that another assembly may implement; <paramref name="writerNames"/>
        /// those of language-model calls (PRES008), empty when the compilation cannot make any.
        /// </summary>
        public static ImmutableArray<int> Of(ImmutableArray<TreeIndex> trees, IEnumerable<string> sinkNames, IEnumerable<string> writerNames, int maxDepth)
        {
            // A call of a port may publish in the project that implements it (the summary's dispatch records).
            var sinks = new HashSet<string>(sinkNames, StringComparer.Ordinal);
            foreach (var tree in trees)
            {
                AddAll(sinks, tree.PublisherNames);
            }

            sinks.UnionWith(PortNames(trees, out _));

            var writers = new HashSet<string>(writerNames, StringComparer.Ordinal);
            var callers = CallersByName(trees, sinks, writers);
            var reached = new SortedSet<int>();
            Reach(trees, callers, sinks, maxDepth, reached);
            Reach(trees, callers, writers, maxDepth, reached);
            return ImmutableArray.CreateRange(reached);
        }

        // The trees that call each name a round can look for: a seed, or the name of a method some tree declares (a
        // frontier holds nothing else). Made in one pass over every tree's names, after which a round visits only the
        // callers of its names: a scan of every tree's names in each round cost three times as much at 3,000 files
        // (3.8 against 1.2 ms) and twice at 10,000, where paths through services take several rounds.
        private static Dictionary<string, List<int>> CallersByName(ImmutableArray<TreeIndex> trees, HashSet<string> sinks, HashSet<string> writers)
        {
            var callers = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            foreach (var name in sinks.Concat(writers))
            {
                callers[name] = new List<int>();
            }

            foreach (var tree in trees)
            {
                var methods = tree.Methods;
                for (var i = 0; i < methods.Count; i++)
                {
                    if (!callers.ContainsKey(methods[i].Name))
                    {
                        callers.Add(methods[i].Name, new List<int>());
                    }
                }
            }

            for (var position = 0; position < trees.Length; position++)
            {
                var called = trees[position].CalledNames;
                for (var i = 0; i < called.Count; i++)
                {
                    if (callers.TryGetValue(called[i], out var list))
                    {
                        list.Add(position);
                    }
                }
            }

            return callers;
        }

        // The search looks up callers by the simple name of each method it finds publishing, up to maxDepth rounds
        // after the first (one more for machine-written text): so does this, by the names the index holds.
        private static void Reach(ImmutableArray<TreeIndex> trees, Dictionary<string, List<int>> callers, HashSet<string> seeds, int maxDepth, SortedSet<int> reached)
        {
            var seen = new HashSet<string>(seeds, StringComparer.Ordinal);
            var frontier = seeds;
            var visited = new HashSet<int>();
            for (var depth = 0; frontier.Count > 0 && depth <= maxDepth + 1; depth++)
            {
                var next = new HashSet<string>(StringComparer.Ordinal);
                visited.Clear();
                foreach (var name in frontier)
                {
                    if (!callers.TryGetValue(name, out var calling))
                    {
                        continue;
                    }

                    foreach (var position in calling)
                    {
                        if (!visited.Add(position))
                        {
                            continue;
                        }

                        reached.Add(position);
                        foreach (var method in trees[position].Methods)
                        {
                            if (!seen.Contains(method.Name) && CallsAny(method.Calls, frontier))
                            {
                                seen.Add(method.Name);
                                next.Add(method.Name);
                            }
                        }
                    }
                }

                frontier = next;
            }
        }

        /// <summary>
        /// The simple names of the ports the trees declare: the members another assembly may implement (interface
        /// members, abstract and virtual methods) of the types that no class, struct or record here lists as a base,
        /// by simple name (<paramref name="implemented"/>). A type implemented here is resolved here: a call of it
        /// publishes in a summary's own paths when its implementation does, and is not followed elsewhere.
        /// </summary>
        public static HashSet<string> PortNames(ImmutableArray<TreeIndex> trees, out HashSet<string> implemented)
        {
            implemented = new HashSet<string>(StringComparer.Ordinal);
            foreach (var tree in trees)
            {
                AddAll(implemented, tree.BaseNames);
            }

            // The members are sorted, so a type's run shares one look-up (nearly every type is implemented here).
            var ports = new HashSet<string>(StringComparer.Ordinal);
            foreach (var tree in trees)
            {
                var members = tree.OpenMembers;
                string? type = null;
                var isPort = false;
                for (var i = 0; i < members.Count; i++)
                {
                    var member = members[i];
                    var dot = member.IndexOf('.');
                    if (type is null || dot != type.Length || string.CompareOrdinal(member, 0, type, 0, dot) != 0)
                    {
                        type = member.Substring(0, dot);
                        isPort = !implemented.Contains(type);
                    }

                    if (isPort)
                    {
                        ports.Add(member.Substring(dot + 1));
                    }
                }
            }

            return ports;
        }

        private static void AddAll(HashSet<string> set, EquatableArray<string> names)
        {
            for (var i = 0; i < names.Count; i++)
            {
                set.Add(names[i]);
            }
        }

        // By index: a foreach over an EquatableArray allocates an enumerator, and this runs for every tree each round.
        private static bool CallsAny(EquatableArray<string> calls, HashSet<string> names)
        {
            for (var i = 0; i < calls.Count; i++)
            {
                if (names.Contains(calls[i]))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
