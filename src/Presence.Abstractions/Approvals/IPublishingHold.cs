#nullable enable
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Presence
{
    /// <summary>
    /// The switch that stops all deferred publishing at once, with its history (who engaged it and why, from when,
    /// until when, who released it). <see cref="PublishingHold"/> keeps it in process memory; the durable store keeps it
    /// in the database shared by every instance, so a hold engaged in the web app stops the workers' next redeem.
    /// </summary>
    /// <remarks>
    /// Implementations only persist and report; the ledger decides what a hold means for a post. Engaging needs a
    /// reason and who; both changes are written to the audit trail.
    /// </remarks>
    public interface IPublishingHold
    {
        /// <summary>The hold now in force.</summary>
        /// <param name="cancellationToken">Cancels the read.</param>
        /// <returns>The active period; null when publishing is allowed.</returns>
        Task<HoldPeriod?> GetCurrentAsync(CancellationToken cancellationToken = default);

        /// <summary>Every hold period, oldest first, the active one (if any) last.</summary>
        /// <param name="cancellationToken">Cancels the read.</param>
        /// <returns>The history.</returns>
        Task<IReadOnlyList<HoldPeriod>> GetHistoryAsync(CancellationToken cancellationToken = default);

        /// <summary>
        /// The periods that matter to a post waiting since <paramref name="since"/>: the active one, and every period
        /// released after <paramref name="since"/>. One read, made at every redeem.
        /// </summary>
        /// <param name="since">When the post started waiting to go out.</param>
        /// <param name="cancellationToken">Cancels the read.</param>
        /// <returns>The periods, oldest first.</returns>
        Task<IReadOnlyList<HoldPeriod>> GetPeriodsSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default);

        /// <summary>
        /// <see cref="GetPeriodsSinceAsync"/> read synchronously: generated gates spend a token synchronously
        /// (<see cref="ApprovalLedger.ConsumeForPublish{T}"/>) right before the platform call.
        /// </summary>
        /// <param name="since">When the token was minted.</param>
        /// <returns>The periods, oldest first.</returns>
        IReadOnlyList<HoldPeriod> GetPeriodsSince(DateTimeOffset since);

        /// <summary>Stops all deferred publishing until released.</summary>
        /// <param name="reason">Why, for the people who will ask (required).</param>
        /// <param name="by">Who is responsible (required).</param>
        /// <param name="cancellationToken">Cancels the change.</param>
        /// <returns><c>true</c> if this call engaged the hold; <c>false</c> if it was already engaged (its reason stands).</returns>
        /// <exception cref="ArgumentException">The reason or actor is missing or whitespace.</exception>
        Task<bool> EngageAsync(string reason, string by, CancellationToken cancellationToken = default);

        /// <summary>Allows publishing again; posts that fell due during the hold stay unpublished and need a fresh decision.</summary>
        /// <param name="by">Who is responsible (required).</param>
        /// <param name="cancellationToken">Cancels the change.</param>
        /// <returns><c>true</c> if this call released the hold; <c>false</c> if none was engaged.</returns>
        /// <exception cref="ArgumentException">The actor is missing or whitespace.</exception>
        Task<bool> ReleaseAsync(string by, CancellationToken cancellationToken = default);
    }
}
