#nullable enable
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Presence
{
    /// <summary>
    /// The rules an <see cref="ApprovalLedger"/> enforces: who must approve, in which steps, whether authors may approve
    /// their own posts, and how long requests and approvals stay valid. Immutable: the <c>With…</c> methods return a
    /// changed copy.
    /// </summary>
    /// <example>
    /// <code>
    /// var policy = ApprovalPolicy.Default
    ///     .WithSteps(ApprovalStep.AnyOf("legal", "lena", "lars"), ApprovalStep.AllOf("brand", "bea", "ben"))
    ///     .WithLifetime(TimeSpan.FromHours(4));
    /// </code>
    /// </example>
    public sealed class ApprovalPolicy
    {
        /// <summary>
        /// The default policy: one step "review" that anyone but the author completes, no self-approval, approvals
        /// redeemable for 24 hours, requests waiting at most 90 days for a decision, content kept 90 days.
        /// </summary>
        public ApprovalPolicy()
            : this(allowSelfApproval: false, new[] { ApprovalStep.Anyone("review") }, TimeSpan.FromHours(24), TimeSpan.FromDays(90))
        {
        }

        /// <summary>Defines a policy.</summary>
        /// <param name="allowSelfApproval">Whether the author of a post may decide on it (normally not).</param>
        /// <param name="steps">The approval steps in order; at least one, with unique names.</param>
        /// <param name="lifetime">How long an approval stays redeemable once it is due (see <see cref="Lifetime"/>).</param>
        /// <param name="pendingLifetime">How long a request may wait for a decision.</param>
        /// <exception cref="ArgumentException">There are no steps, or two share a name.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A lifetime is zero or negative.</exception>
        public ApprovalPolicy(bool allowSelfApproval, IEnumerable<ApprovalStep> steps, TimeSpan lifetime, TimeSpan pendingLifetime)
            : this(allowSelfApproval, steps, lifetime, pendingLifetime, DefaultContentRetention)
        {
        }

        /// <summary>Defines a policy with a content retention period.</summary>
        /// <param name="allowSelfApproval">Whether the author of a post may decide on it (normally not).</param>
        /// <param name="steps">The approval steps in order; at least one, with unique names.</param>
        /// <param name="lifetime">How long an approval stays redeemable once it is due (see <see cref="Lifetime"/>).</param>
        /// <param name="pendingLifetime">How long a request may wait for a decision.</param>
        /// <param name="contentRetention">How long the content of a closed request is kept (see <see cref="ContentRetention"/>).</param>
        /// <exception cref="ArgumentException">There are no steps, or two share a name.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A duration is zero or negative.</exception>
        public ApprovalPolicy(bool allowSelfApproval, IEnumerable<ApprovalStep> steps, TimeSpan lifetime, TimeSpan pendingLifetime, TimeSpan contentRetention)
        {
            var ordered = new List<ApprovalStep>();
            foreach (var step in Require.NotNull(steps, nameof(steps)))
            {
                Require.NotNull(step, nameof(steps));
                if (ordered.Exists(existing => existing.Name == step.Name))
                {
                    throw new ArgumentException($"Two approval steps are named '{step.Name}'; decisions are recorded by step name, so names must be unique.", nameof(steps));
                }

                ordered.Add(step);
            }

            if (ordered.Count == 0)
            {
                throw new ArgumentException("A policy needs at least one approval step: without one, nothing would be reviewed.", nameof(steps));
            }

            AllowSelfApproval = allowSelfApproval;
            Steps = new ReadOnlyCollection<ApprovalStep>(ordered);
            Lifetime = Require.Positive(lifetime, nameof(lifetime));
            PendingLifetime = Require.Positive(pendingLifetime, nameof(pendingLifetime));
            ContentRetention = Require.Positive(contentRetention, nameof(contentRetention));
        }

        private static TimeSpan DefaultContentRetention => TimeSpan.FromDays(90);

        /// <summary>The default policy (see the parameterless constructor).</summary>
        public static ApprovalPolicy Default { get; } = new ApprovalPolicy();

        /// <summary>Whether the author of a post may decide on it. Default <c>false</c>: separation of duties.</summary>
        public bool AllowSelfApproval { get; }

        /// <summary>The approval steps, decided in order. Default: one step "review", anyone but the author, one approval.</summary>
        public IReadOnlyList<ApprovalStep> Steps { get; }

        /// <summary>
        /// How long an approval stays redeemable: counted from the final decision, or from the post's due time when
        /// that is later (so a post approved days ahead of its schedule is still valid when it falls due). Default 24 hours.
        /// </summary>
        public TimeSpan Lifetime { get; }

        /// <summary>
        /// How long a request may wait for a decision before it expires. Default 90 days. A scheduled request also
        /// expires, undecided, at its due time.
        /// </summary>
        public TimeSpan PendingLifetime { get; }

        /// <summary>
        /// How long the content kept with a request (<see cref="ApprovalRecord.Content"/>) stays once the request is
        /// closed, counted from its submission. <see cref="ApprovalLedger.PurgeContentAsync"/> then drops it; the
        /// fingerprint, decisions, reviewers and times stay as evidence. Default 90 days.
        /// </summary>
        public TimeSpan ContentRetention { get; }

        /// <summary>A copy that allows or forbids authors deciding on their own posts.</summary>
        /// <param name="allowed">Whether authors may decide on their own posts.</param>
        /// <returns>The changed policy.</returns>
        public ApprovalPolicy WithSelfApproval(bool allowed) => new ApprovalPolicy(allowed, Steps, Lifetime, PendingLifetime, ContentRetention);

        /// <summary>A copy with these approval steps, decided in the order given.</summary>
        /// <param name="steps">At least one step, with unique names.</param>
        /// <returns>The changed policy.</returns>
        public ApprovalPolicy WithSteps(params ApprovalStep[] steps) => new ApprovalPolicy(AllowSelfApproval, steps, Lifetime, PendingLifetime, ContentRetention);

        /// <summary>A copy in which approvals stay redeemable this long (see <see cref="Lifetime"/>).</summary>
        /// <param name="lifetime">Longer than zero.</param>
        /// <returns>The changed policy.</returns>
        public ApprovalPolicy WithLifetime(TimeSpan lifetime) => new ApprovalPolicy(AllowSelfApproval, Steps, lifetime, PendingLifetime, ContentRetention);

        /// <summary>A copy in which requests wait at most this long for a decision.</summary>
        /// <param name="pendingLifetime">Longer than zero.</param>
        /// <returns>The changed policy.</returns>
        public ApprovalPolicy WithPendingLifetime(TimeSpan pendingLifetime) => new ApprovalPolicy(AllowSelfApproval, Steps, Lifetime, pendingLifetime, ContentRetention);

        /// <summary>A copy that keeps the content of closed requests this long after submission.</summary>
        /// <param name="contentRetention">Longer than zero.</param>
        /// <returns>The changed policy.</returns>
        public ApprovalPolicy WithContentRetention(TimeSpan contentRetention) => new ApprovalPolicy(AllowSelfApproval, Steps, Lifetime, PendingLifetime, contentRetention);

        /// <summary>The first step the decisions have not completed yet; null when all are complete.</summary>
        internal ApprovalStep? CurrentStep(IReadOnlyList<ReviewerDecision> decisions)
        {
            foreach (var step in Steps)
            {
                if (!step.IsCompletedBy(decisions))
                {
                    return step;
                }
            }

            return null;
        }
    }
}
