using System;
using System.Collections.Generic;
using System.Security.Claims;

namespace Presence
{
    /// <summary>
    /// How the review dashboard (<see cref="PresenceReviewEndpointRouteBuilderExtensions.MapPresenceReview"/>) decides who
    /// sees and decides what. Configure it with <c>services.AddPresenceReview(o => …)</c>.
    /// </summary>
    /// <example>
    /// <code>
    /// builder.Services.AddPresenceReview(o =>
    /// {
    ///     o.Channel("linkedin:acme").RequirePolicy("Brand");      // only the brand team sees and decides these
    ///     o.Channel("x:acme-support").RequirePolicy("Support");
    ///     o.OtherChannels.RequirePolicy("Editors");               // everything else
    ///     o.Hold.RequirePolicy("EditorsInChief");                 // who may stop and restart publishing
    /// });
    /// app.MapPresenceReview("/review").RequireAuthorization("Reviewers");
    /// </code>
    /// </example>
    public sealed class PresenceReviewOptions
    {
        private readonly Dictionary<string, ReviewAccessRule> _channels = new Dictionary<string, ReviewAccessRule>(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// The rule for one channel (as submitted with the post, e.g. <c>linkedin:acme</c>; compared ignoring case).
        /// Posts of this channel are listed, shown and decided only for users who satisfy its policies; to anyone else
        /// they do not exist (404), whatever id they type.
        /// </summary>
        /// <param name="channel">The channel name.</param>
        /// <returns>The channel's rule, to chain <see cref="ReviewAccessRule.RequirePolicy"/>.</returns>
        public ReviewAccessRule Channel(string channel)
        {
            if (string.IsNullOrWhiteSpace(channel))
            {
                throw new ArgumentException("Name the channel, as posts are submitted with it (e.g. \"linkedin:acme\").", nameof(channel));
            }

            if (!_channels.TryGetValue(channel.Trim(), out var rule))
            {
                rule = new ReviewAccessRule();
                _channels.Add(channel.Trim(), rule);
            }

            return rule;
        }

        /// <summary>The rule for posts whose channel has no rule of its own, and posts without a channel. Default: the dashboard's own authorization.</summary>
        public ReviewAccessRule OtherChannels { get; } = new ReviewAccessRule();

        /// <summary>Who may engage and release the publishing hold. Default: anyone the dashboard admits.</summary>
        public ReviewAccessRule Hold { get; } = new ReviewAccessRule();

        /// <summary>
        /// Who may cancel, from the queue, a request whose stored row cannot be trusted (the queue lists those to every
        /// reviewer, by id only, as their channel cannot be trusted either). Default: anyone the dashboard admits.
        /// </summary>
        public ReviewAccessRule Untrusted { get; } = new ReviewAccessRule();

        /// <summary>Who may read the whole audit trail and export it. Default: anyone the dashboard admits.</summary>
        public ReviewAccessRule History { get; } = new ReviewAccessRule();

        /// <summary>
        /// The reviewer's identity as the ledger records it (and as the approval steps name reviewers): by default
        /// the signed-in identity's name, else its name identifier or <c>sub</c> claim. Never read from the request.
        /// </summary>
        public Func<ClaimsPrincipal, string?> ReviewerName { get; set; } = PersonClaims.NameOf;

        /// <summary>The dashboard's heading and page title. Default "Review".</summary>
        public string Title { get; set; } = "Review";

        /// <summary>
        /// Serves the dashboard without an authorization policy, in the Development environment only (start-up fails
        /// in any other). Anonymous visitors can read but not decide: decisions, changes and the hold always need a
        /// signed-in reviewer. Off by default; mapping without authorization otherwise fails at start-up.
        /// </summary>
        public bool AllowAnonymousAccessInDevelopment { get; set; }

        internal ReviewAccessRule RuleFor(string? channel)
            => channel is not null && _channels.TryGetValue(channel, out var rule) ? rule : OtherChannels;
    }

    /// <summary>The authorization policies a user must satisfy to see and act on one part of the dashboard.</summary>
    public sealed class ReviewAccessRule
    {
        private readonly List<string> _policies = new List<string>();

        /// <summary>The policies, all of which must be satisfied.</summary>
        public IReadOnlyList<string> Policies => _policies;

        /// <summary>Requires the user to satisfy these authorization policies too (all of them).</summary>
        /// <param name="policies">Names of policies registered with <c>AddAuthorization</c>.</param>
        /// <returns>This rule.</returns>
        public ReviewAccessRule RequirePolicy(params string[] policies)
        {
            foreach (var policy in policies ?? throw new ArgumentNullException(nameof(policies)))
            {
                if (string.IsNullOrWhiteSpace(policy))
                {
                    throw new ArgumentException("A policy name is empty.", nameof(policies));
                }

                _policies.Add(policy);
            }

            return this;
        }
    }
}
