#nullable enable
namespace Presence
{
    /// <summary>What <see cref="ApprovalLedger.LookUpAsync"/> found.</summary>
    public enum ApprovalLookupOutcome
    {
        /// <summary>The request exists and can be trusted; <see cref="ApprovalLookup.Record"/> is it.</summary>
        Found = 0,

        /// <summary>The ledger has no request with this id.</summary>
        NotFound = 1,

        /// <summary>
        /// The stored request cannot be trusted (changed outside the ledger or damaged; see
        /// <see cref="ApprovalRecordCorruptException"/>): nothing is decided on or published from it.
        /// <see cref="ApprovalLookup.Problem"/> says what is wrong; cancel it and submit the content again.
        /// </summary>
        Untrusted = 2,
    }

    /// <summary>The answer of <see cref="ApprovalLedger.LookUpAsync"/>: the request, or why there is none to show.</summary>
    public sealed class ApprovalLookup
    {
        internal ApprovalLookup(string requestId, ApprovalRecord? record, string? problem)
        {
            RequestId = requestId;
            Record = record;
            Problem = problem;
            Outcome = problem is not null ? ApprovalLookupOutcome.Untrusted : record is null ? ApprovalLookupOutcome.NotFound : ApprovalLookupOutcome.Found;
        }

        /// <summary>The request looked up.</summary>
        public string RequestId { get; }

        /// <summary>Whether it was found and can be trusted.</summary>
        public ApprovalLookupOutcome Outcome { get; }

        /// <summary>The request as stored; null when it was not found or cannot be trusted.</summary>
        public ApprovalRecord? Record { get; }

        /// <summary>What is wrong with a request that cannot be trusted, never its content; null otherwise.</summary>
        public string? Problem { get; }

        /// <summary>Describes the answer.</summary>
        /// <returns>The outcome, and the request or what is wrong with it.</returns>
        public override string ToString()
            => Outcome switch
            {
                ApprovalLookupOutcome.Found => $"{Outcome} {Record}",
                ApprovalLookupOutcome.Untrusted => $"{Outcome} {RequestId}: {Problem}",
                _ => $"{Outcome} {RequestId}",
            };
    }
}
