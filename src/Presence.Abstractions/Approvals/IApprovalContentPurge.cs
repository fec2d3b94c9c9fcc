#nullable enable
using System;
using System.Threading;
using System.Threading.Tasks;

namespace Presence
{
    /// <summary>
    /// A store that can drop kept content in one statement. Optional: without it,
    /// <see cref="ApprovalLedger.PurgeContentAsync"/> lists closed requests and rewrites them one by one.
    /// </summary>
    public interface IApprovalContentPurge
    {
        /// <summary>
        /// Removes <see cref="ApprovalRecord.Content"/> and <see cref="ApprovalRecord.Summary"/> from every request
        /// submitted before <paramref name="submittedBefore"/> that is no longer open, keeping everything else.
        /// </summary>
        /// <param name="submittedBefore">The retention cut-off.</param>
        /// <param name="cancellationToken">Cancels the purge.</param>
        /// <returns>How many requests lost their content.</returns>
        Task<int> PurgeContentAsync(DateTimeOffset submittedBefore, CancellationToken cancellationToken);
    }
}
