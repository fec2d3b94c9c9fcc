#nullable enable
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace Presence
{
    /// <summary>How many of a step's reviewers must approve.</summary>
    public enum ApprovalMode
    {
        /// <summary>One approval completes the step.</summary>
        Any = 0,

        /// <summary>Every listed reviewer must approve.</summary>
        All = 1,
    }

    /// <summary>
    /// One step of an approval workflow ("legal", "brand"): who may decide and how many must approve. Steps are
    /// decided in order; any rejection in any step rejects the request.
    /// </summary>
    public sealed class ApprovalStep
    {
        /// <summary>Defines a step.</summary>
        /// <param name="name">The step's name, unique within a policy; recorded with each decision.</param>
        /// <param name="mode">Whether one (<see cref="ApprovalMode.Any"/>) or every (<see cref="ApprovalMode.All"/>) listed reviewer must approve.</param>
        /// <param name="reviewers">Who may decide in this step; empty means anyone but the author (only with <see cref="ApprovalMode.Any"/>).</param>
        /// <exception cref="ArgumentException">The name or a reviewer is empty, a reviewer is listed twice, or an <see cref="ApprovalMode.All"/> step lists nobody.</exception>
        public ApprovalStep(string name, ApprovalMode mode, IEnumerable<string> reviewers)
        {
            Name = Require.Text(name, nameof(name), "An approval step's name");
            if (mode != ApprovalMode.Any && mode != ApprovalMode.All)
            {
                throw new ArgumentOutOfRangeException(nameof(mode), mode, "The mode is Any or All.");
            }

            var listed = new List<string>();
            foreach (var reviewer in Require.NotNull(reviewers, nameof(reviewers)))
            {
                var person = Require.Text(reviewer, nameof(reviewers), $"Each reviewer of step '{Name}'");
                if (Identity.Contains(listed, person))
                {
                    throw new ArgumentException($"Step '{Name}' lists reviewer '{person}' twice.", nameof(reviewers));
                }

                listed.Add(person);
            }

            if (mode == ApprovalMode.All && listed.Count == 0)
            {
                throw new ArgumentException($"Step '{Name}' requires all reviewers but lists none: name them, or use ApprovalMode.Any for anyone.", nameof(reviewers));
            }

            Mode = mode;
            Reviewers = new ReadOnlyCollection<string>(listed);
        }

        /// <summary>The step's name, unique within a policy.</summary>
        public string Name { get; }

        /// <summary>Whether one or every listed reviewer must approve.</summary>
        public ApprovalMode Mode { get; }

        /// <summary>Who may decide in this step; empty means anyone but the author.</summary>
        public IReadOnlyList<string> Reviewers { get; }

        /// <summary>A step anyone but the author completes with one approval.</summary>
        /// <param name="name">The step's name.</param>
        /// <returns>The step.</returns>
        public static ApprovalStep Anyone(string name) => new ApprovalStep(name, ApprovalMode.Any, Array.Empty<string>());

        /// <summary>A step that one approval of the listed reviewers completes.</summary>
        /// <param name="name">The step's name.</param>
        /// <param name="reviewers">Who may decide (at least one).</param>
        /// <returns>The step.</returns>
        public static ApprovalStep AnyOf(string name, params string[] reviewers)
        {
            if (Require.NotNull(reviewers, nameof(reviewers)).Length == 0)
            {
                throw new ArgumentException($"Step '{name}' lists no reviewers: name at least one, or use ApprovalStep.Anyone.", nameof(reviewers));
            }

            return new ApprovalStep(name, ApprovalMode.Any, reviewers);
        }

        /// <summary>A step that needs the approval of every listed reviewer.</summary>
        /// <param name="name">The step's name.</param>
        /// <param name="reviewers">Who must approve (at least one).</param>
        /// <returns>The step.</returns>
        public static ApprovalStep AllOf(string name, params string[] reviewers) => new ApprovalStep(name, ApprovalMode.All, reviewers);

        /// <summary>Describes the step, e.g. <c>legal: all of alice, bob</c>.</summary>
        /// <returns>The description.</returns>
        public override string ToString()
            => Reviewers.Count == 0 ? $"{Name}: anyone but the author"
                : $"{Name}: {(Mode == ApprovalMode.All ? "all" : "any")} of {string.Join(", ", Reviewers)}";

        /// <summary>Whether this person may decide in this step (the author rule is the policy's).</summary>
        internal bool Admits(string reviewer) => Reviewers.Count == 0 || Identity.Contains(Reviewers, reviewer);

        /// <summary>Whether someone other than the author can complete the step.</summary>
        internal bool IsCompletableWithout(string author)
            => Mode == ApprovalMode.All
                ? !Identity.Contains(Reviewers, author)
                : Reviewers.Count == 0 || Reviewers.Any(reviewer => !Identity.Same(reviewer, author));

        internal bool IsCompletedBy(IEnumerable<ReviewerDecision> decisions)
        {
            var approvers = decisions.Where(d => d.Approved && d.StepName == Name).Select(d => d.Reviewer).ToList();
            return Mode == ApprovalMode.All
                ? Reviewers.All(reviewer => Identity.Contains(approvers, reviewer))
                : approvers.Count > 0;
        }
    }
}
