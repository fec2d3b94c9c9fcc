#nullable enable
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Presence
{
    /// <summary>
    /// The authority on approvals: content is submitted for review, reviewers decide, and the publisher redeems the
    /// recorded decision at publish time for a single-use <see cref="Approved{T}"/> token. All rules live here; the
    /// <see cref="IApprovalStore"/> only persists.
    /// </summary>
    /// <remarks>
    /// <para>Deny by default: anything but a fresh, complete approval of exactly this content, unused, with no
    /// publishing hold in the way, redeems nothing. Every step is written to the <see cref="IApprovalAuditSink"/>.</para>
    /// <para>Thread-safe, and safe across processes sharing one store: every change is a compare-and-swap on the
    /// record's version, so of two concurrent redeems of one approval exactly one succeeds.</para>
    /// </remarks>
    public sealed class ApprovalLedger
    {
        // Each failed compare-and-swap means another caller changed the record; this many in a row means the store's
        // TryUpdateAsync is broken, not busy.
        private const int MaxUpdateAttempts = 32;
        private const int SummaryLength = 280;

        private readonly IApprovalStore _store;
        private readonly IApprovalAuditSink? _audit;
        private readonly Func<DateTimeOffset> _clock;

        /// <summary>Creates a ledger.</summary>
        /// <param name="store">Where requests are kept; shared by every process that decides or redeems.</param>
        /// <param name="hold">The publishing hold this ledger and its gates obey.</param>
        /// <param name="policy">The approval rules; <see cref="ApprovalPolicy.Default"/> when null.</param>
        /// <param name="audit">Receives the audit trail; optional.</param>
        /// <param name="clock">The current time; defaults to <see cref="DateTimeOffset.UtcNow"/>. Give the hold the same clock.</param>
        /// <exception cref="ArgumentNullException">The store or hold is null.</exception>
        public ApprovalLedger(IApprovalStore store, PublishingHold hold, ApprovalPolicy? policy = null, IApprovalAuditSink? audit = null, Func<DateTimeOffset>? clock = null)
        {
            _store = Require.NotNull(store, nameof(store));
            Hold = Require.NotNull(hold, nameof(hold));
            Policy = policy ?? ApprovalPolicy.Default;
            _audit = audit;
            _clock = clock ?? (() => DateTimeOffset.UtcNow);
        }

        /// <summary>The rules this ledger enforces.</summary>
        public ApprovalPolicy Policy { get; }

        /// <summary>The publishing hold this ledger and its gates obey.</summary>
        public PublishingHold Hold { get; }

        /// <summary>Submits content for review.</summary>
        /// <typeparam name="T"><see cref="string"/>, or a type implementing <see cref="IApprovalContent"/>.</typeparam>
        /// <param name="content">The content exactly as it will be published (only its fingerprint is stored).</param>
        /// <param name="author">Who or which process wrote it (e.g. a user name, or <c>agent:drafts</c> for machine-written text).</param>
        /// <param name="dueAt">When it is scheduled to go out; it must be decided by then. Null: as soon as it is approved.</param>
        /// <param name="channel">Where it goes, shown to reviewers and recorded in the audit trail.</param>
        /// <param name="summary">A short preview for reviewers; defaults to the start of the text for string content.</param>
        /// <param name="cancellationToken">Cancels the submission.</param>
        /// <returns>The pending request; give its <see cref="ApprovalRecord.Id"/> to reviewers and to the publisher.</returns>
        /// <exception cref="ArgumentException">The author is empty, no one but the author could complete a step of the policy, or <paramref name="dueAt"/> is not in the future.</exception>
        /// <exception cref="NotSupportedException">The content is neither a string nor an <see cref="IApprovalContent"/>.</exception>
        public async Task<ApprovalRecord> SubmitAsync<T>(
            T content,
            string author,
            DateTimeOffset? dueAt = null,
            string? channel = null,
            string? summary = null,
            CancellationToken cancellationToken = default)
        {
            var fingerprint = ContentFingerprint.For(content);
            author = Require.Text(author, nameof(author), "The author");
            if (!Policy.AllowSelfApproval)
            {
                foreach (var step in Policy.Steps)
                {
                    if (!step.IsCompletableWithout(author))
                    {
                        throw new ArgumentException(
                            $"Step '{step}' cannot be completed for a post by {author}, who may not approve their own posts: add another reviewer to the step.",
                            nameof(author));
                    }
                }
            }

            var now = _clock();
            if (dueAt <= now)
            {
                throw new ArgumentOutOfRangeException(nameof(dueAt), dueAt, "A post must be submitted before it is due, so that someone can review it.");
            }

            var deadline = now + Policy.PendingLifetime;
            if (dueAt < deadline)
            {
                deadline = dueAt.Value;
            }

            var record = new ApprovalRecord(
                Guid.NewGuid().ToString("N"),
                fingerprint,
                author,
                channel,
                Require.OptionalText(summary) ?? Preview(content),
                now,
                dueAt,
                ApprovalStatus.Pending,
                Array.Empty<ReviewerDecision>(),
                approvedAt: null,
                expiresAt: deadline,
                redeemedAt: null,
                version: 1);
            await _store.AddAsync(record, cancellationToken).ConfigureAwait(false);
            Write(ApprovalAuditEventKind.Submitted, record, now, author, detail: dueAt is null ? "to go out once approved" : $"due {dueAt:O}");
            return record;
        }

        /// <summary>Records a reviewer's decision on a pending request.</summary>
        /// <param name="requestId">The request.</param>
        /// <param name="reviewer">Who decides, as your application authenticated them.</param>
        /// <param name="approve"><c>true</c> to approve, <c>false</c> to reject (a rejection rejects the whole request).</param>
        /// <param name="reason">Why; shown to the author on rejection and kept in the audit trail.</param>
        /// <param name="cancellationToken">Cancels the operation.</param>
        /// <returns>Whether the decision was recorded, and the request afterwards.</returns>
        /// <exception cref="ArgumentException">The request id or reviewer is empty.</exception>
        /// <remarks>
        /// Refused when the request is not pending or its decision deadline passed, when the reviewer is the author
        /// (unless the policy allows it), is not a reviewer of the current step, or already decided in it. When the
        /// last step completes, the request is approved and redeemable for <see cref="ApprovalPolicy.Lifetime"/>.
        /// </remarks>
        public async Task<DecisionResult> DecideAsync(string requestId, string reviewer, bool approve, string? reason = null, CancellationToken cancellationToken = default)
        {
            requestId = Require.Text(requestId, nameof(requestId), "The request id");
            reviewer = Require.Text(reviewer, nameof(reviewer), "The reviewer");
            var change = await ChangeAsync(requestId, DecisionOutcome.NotFound, (record, now) => PlanDecision(record, reviewer, approve, reason, now), cancellationToken)
                .ConfigureAwait(false);
            if (change.Record is null)
            {
                WriteRefusal(requestId, default, reviewer, change.Now, change.Outcome.ToString(), "decision on an unknown request");
            }
            else if (change.Outcome == DecisionOutcome.Recorded)
            {
                var decision = change.Record.Decisions[change.Record.Decisions.Count - 1];
                Write(ApprovalAuditEventKind.Decided, change.Record, change.Now, reviewer, detail: $"{decision}; request {change.Record.Status.ToString().ToLowerInvariant()}");
            }
            else
            {
                Write(ApprovalAuditEventKind.Refused, change.Record, change.Now, reviewer, outcome: change.Outcome.ToString(), detail: $"decision refused ({(approve ? "approve" : "reject")})");
            }

            return new DecisionResult(change.Outcome, change.Record);
        }

        /// <summary>
        /// Redeems a recorded approval at publish time, for exactly this content. Single use: of all redeems of one
        /// request, at most one ever gets a token, and a retry after it gets <see cref="RedeemOutcome.AlreadyRedeemed"/>.
        /// </summary>
        /// <typeparam name="T">The content type.</typeparam>
        /// <param name="requestId">The request.</param>
        /// <param name="content">The content about to be published; its fingerprint must be the approved one.</param>
        /// <param name="cancellationToken">Cancels the operation.</param>
        /// <returns>The outcome, with the token only when it is <see cref="RedeemOutcome.Redeemed"/>.</returns>
        /// <exception cref="ArgumentException">The request id is empty.</exception>
        /// <exception cref="NotSupportedException">The content is neither a string nor an <see cref="IApprovalContent"/>.</exception>
        /// <remarks>
        /// The ledger re-reads the request and checks, now: it exists; it is for this content; it is approved (a
        /// request still undecided does not go out, and one undecided at its due time expires); the approval has not
        /// expired or been used; no publishing hold is engaged; and the post did not fall due during a past hold
        /// (that needs a fresh decision).
        /// </remarks>
        [HumanConfirmation(ApprovalProperty = nameof(RedeemResult<T>.IsRedeemed))]
        public async Task<RedeemResult<T>> RedeemAsync<T>(string requestId, T content, CancellationToken cancellationToken = default)
        {
            requestId = Require.Text(requestId, nameof(requestId), "The request id");
            var fingerprint = ContentFingerprint.For(content);
            var change = await ChangeAsync(requestId, RedeemOutcome.NotFound, (record, now) => PlanRedeem(record, fingerprint, now), cancellationToken)
                .ConfigureAwait(false);
            var record = change.Record;
            if (record is null || change.Outcome != RedeemOutcome.Redeemed)
            {
                WriteRefusal(requestId, fingerprint, record?.Author, change.Now, change.Outcome.ToString(), "redeem refused", record);
                return new RedeemResult<T>(change.Outcome, record, null);
            }

            var approvers = record.Approvers;
            Write(ApprovalAuditEventKind.Redeemed, record, change.Now, record.Author, reviewers: approvers);
            return new RedeemResult<T>(change.Outcome, record, new Approved<T>(content, record, approvers, record.ApprovedAt!.Value, change.Now, _store));
        }

        /// <summary>
        /// Redeems a recorded approval at publish time and returns the token, or null when the content must not be
        /// published (see <see cref="RedeemAsync{T}"/> for the checks and the reasons).
        /// </summary>
        /// <typeparam name="T">The content type.</typeparam>
        /// <param name="requestId">The request.</param>
        /// <param name="content">The content about to be published.</param>
        /// <param name="cancellationToken">Cancels the operation.</param>
        /// <returns>The single-use token, or null.</returns>
        [HumanConfirmation]
        public async Task<Approved<T>?> TryRedeemAsync<T>(string requestId, T content, CancellationToken cancellationToken = default)
            => (await RedeemAsync(requestId, content, cancellationToken).ConfigureAwait(false)).Approval;

        /// <summary>
        /// Asks a person now and, if they approve, returns the token to publish with: submits the content, asks
        /// through <paramref name="prompt"/> until every step of the policy is decided, and redeems the approval.
        /// </summary>
        /// <typeparam name="T">The content type.</typeparam>
        /// <param name="content">The content exactly as it will be published.</param>
        /// <param name="author">Who or which process wrote it; by default they may not be the one who approves.</param>
        /// <param name="prompt">Asks a person; once per decision the policy needs.</param>
        /// <param name="channel">Where it goes, shown to the reviewer and recorded.</param>
        /// <param name="summary">A short preview for the reviewer.</param>
        /// <param name="cancellationToken">Cancels the question; the request is then withdrawn.</param>
        /// <returns>
        /// The single-use token; null when the person rejected, nobody answered, the answer was not allowed by the
        /// policy (e.g. the author approving their own post), or a publishing hold is engaged. Every request this
        /// method opens is closed before it returns or throws.
        /// </returns>
        /// <exception cref="ArgumentNullException">The prompt is null.</exception>
        [HumanConfirmation]
        public async Task<Approved<T>?> AskNowAsync<T>(
            T content,
            string author,
            IApprovalPrompt prompt,
            string? channel = null,
            string? summary = null,
            CancellationToken cancellationToken = default)
        {
            Require.NotNull(prompt, nameof(prompt));
            var record = await SubmitAsync(content, author, dueAt: null, channel, summary, cancellationToken).ConfigureAwait(false);
            string? withdrawal;
            try
            {
                withdrawal = await AskUntilDecidedAsync(record, content!, prompt, cancellationToken).ConfigureAwait(false);
                if (withdrawal is null)
                {
                    var redeemed = await RedeemAsync(record.Id, content, cancellationToken).ConfigureAwait(false);
                    if (redeemed.Approval is not null)
                    {
                        return redeemed.Approval;
                    }

                    withdrawal = $"not redeemed: {redeemed.Outcome}";
                }
            }
            catch (Exception e)
            {
                // The question failed or was cancelled: withdraw the request rather than leave it pending.
                await CancelAsync(record.Id, record.Author, $"asking failed: {e.GetType().Name}", CancellationToken.None).ConfigureAwait(false);
                throw;
            }

            await CancelAsync(record.Id, record.Author, withdrawal, CancellationToken.None).ConfigureAwait(false);
            return null;
        }

        /// <summary>
        /// Spends a token to publish: called by a generated gate right before it calls the publisher, with the
        /// content this returns. Refuses (and spends the token anyway, so it never becomes good later) when the token
        /// was used already, expired, a publishing hold is engaged or was engaged since the approval was redeemed, or
        /// the content no longer has the approved fingerprint (a mutable object changed after approval).
        /// </summary>
        /// <typeparam name="T">The content type.</typeparam>
        /// <param name="approval">The token from <see cref="RedeemAsync{T}"/>, <see cref="TryRedeemAsync{T}"/> or <see cref="AskNowAsync{T}"/>.</param>
        /// <param name="gateName">The gate and member that publishes, e.g. <c>ILinkedInPublisher.PostAsync</c>; recorded in the audit trail.</param>
        /// <returns>The approved content, to pass to the publisher.</returns>
        /// <exception cref="ArgumentNullException">The token is null.</exception>
        /// <exception cref="ArgumentException">The gate name is empty.</exception>
        /// <exception cref="ApprovalRefusedException">The content must not be published; <see cref="ApprovalRefusedException.Reason"/> says why.</exception>
        /// <remarks>
        /// Writes <see cref="ApprovalAuditEventKind.Published"/> with the gate and the reviewers before returning; if
        /// the audit sink throws, nothing is published. Put transport retries inside the publisher, below the gate: a
        /// token cannot be spent twice.
        /// </remarks>
        public T ConsumeForPublish<T>(Approved<T> approval, string gateName)
        {
            Require.NotNull(approval, nameof(approval));
            gateName = Require.Text(gateName, nameof(gateName), "The gate name");
            var now = _clock();
            // A token minted by a ledger over another store (a test double, a self-approving policy) proves nothing
            // here: it is refused before anything else, and is not spent.
            RedeemOutcome? refusal =
                !ReferenceEquals(approval.Authority, _store) ? RedeemOutcome.NotIssuedHere
                : !approval.TryConsume() ? RedeemOutcome.AlreadyRedeemed
                : now >= approval.ExpiresAt ? RedeemOutcome.Expired
                : Hold.IsActive ? RedeemOutcome.Held
                : Hold.WasActiveDuring(approval.RedeemedAt, now) ? RedeemOutcome.FellDueDuringHold
                : !approval.Covers(approval.Content) ? RedeemOutcome.ContentChanged
                : null;
            if (refusal is { } reason)
            {
                var message = $"{gateName} refused to publish approval {approval.RequestId}: {Explain(reason)}";
                WriteAudit(new ApprovalAuditEvent(ApprovalAuditEventKind.Refused, now, approval.RequestId, approval.Author, approval.Fingerprint,
                    approval.Channel, gateName, approval.Reviewers, reason.ToString(), "publish refused"));
                throw new ApprovalRefusedException(reason, approval.RequestId, gateName, message);
            }

            WriteAudit(new ApprovalAuditEvent(ApprovalAuditEventKind.Published, now, approval.RequestId, approval.Author, approval.Fingerprint,
                approval.Channel, gateName, approval.Reviewers, detail: $"approved {approval.ApprovedAt:O}"));
            return approval.Content;
        }

        /// <summary>Lists the requests waiting for a decision, oldest first. Requests past their deadline are expired instead.</summary>
        /// <param name="cancellationToken">Cancels the operation.</param>
        /// <returns>The pending requests.</returns>
        public async Task<IReadOnlyList<ApprovalRecord>> ListPendingAsync(CancellationToken cancellationToken = default)
        {
            var pending = new List<ApprovalRecord>();
            var now = _clock();
            foreach (var record in await _store.ListAsync(ApprovalStatus.Pending, cancellationToken).ConfigureAwait(false))
            {
                if (now < record.ExpiresAt)
                {
                    pending.Add(record);
                }
                else
                {
                    await ExpireAsync(record.Id, cancellationToken).ConfigureAwait(false);
                }
            }

            return pending;
        }

        /// <summary>
        /// Expires every pending request past its decision deadline and every approval past its lifetime, so that
        /// nothing dangles after a crash. Run it from time to time (redeems and decisions also expire lazily).
        /// </summary>
        /// <param name="cancellationToken">Cancels the operation.</param>
        /// <returns>How many requests this call expired.</returns>
        public async Task<int> ExpireStaleAsync(CancellationToken cancellationToken = default)
        {
            var expired = 0;
            var now = _clock();
            foreach (var status in new[] { ApprovalStatus.Pending, ApprovalStatus.Approved })
            {
                foreach (var record in await _store.ListAsync(status, cancellationToken).ConfigureAwait(false))
                {
                    if (now >= record.ExpiresAt && await ExpireAsync(record.Id, cancellationToken).ConfigureAwait(false))
                    {
                        expired++;
                    }
                }
            }

            return expired;
        }

        /// <summary>Withdraws a request that is pending or approved but not yet redeemed.</summary>
        /// <param name="requestId">The request.</param>
        /// <param name="by">Who withdraws it (recorded).</param>
        /// <param name="reason">Why (recorded).</param>
        /// <param name="cancellationToken">Cancels the operation.</param>
        /// <returns><c>true</c> if this call cancelled it; <c>false</c> if it does not exist or is already closed.</returns>
        /// <exception cref="ArgumentException">The request id or <paramref name="by"/> is empty.</exception>
        public async Task<bool> CancelAsync(string requestId, string by, string? reason = null, CancellationToken cancellationToken = default)
        {
            requestId = Require.Text(requestId, nameof(requestId), "The request id");
            by = Require.Text(by, nameof(by), "Who cancels");
            var change = await ChangeAsync(
                requestId,
                notFound: false,
                (record, now) => IsOpen(record.Status) ? (true, record.WithStatus(ApprovalStatus.Cancelled)) : (false, null),
                cancellationToken).ConfigureAwait(false);
            if (change.Outcome)
            {
                Write(ApprovalAuditEventKind.Cancelled, change.Record!, change.Now, by, detail: Require.OptionalText(reason));
            }

            return change.Outcome;
        }

        private static bool IsOpen(ApprovalStatus status) => status == ApprovalStatus.Pending || status == ApprovalStatus.Approved;

        private static string? Preview<T>(T content)
            => content is string text ? (text.Length <= SummaryLength ? text : text.Substring(0, SummaryLength - 1) + "…") : null;

        private static string Explain(RedeemOutcome outcome)
        {
            switch (outcome)
            {
                case RedeemOutcome.AlreadyRedeemed: return "the approval was used already; each approval publishes once.";
                case RedeemOutcome.Expired: return "the approval expired; submit the content for a new decision.";
                case RedeemOutcome.Held: return "a publishing hold is engaged.";
                case RedeemOutcome.FellDueDuringHold: return "a publishing hold was engaged while the post waited; it needs a fresh decision.";
                case RedeemOutcome.ContentChanged: return "the content changed after it was approved.";
                case RedeemOutcome.NotIssuedHere: return "the approval was minted by a ledger over another approval store; this ledger has no record of it.";
                default: return outcome.ToString();
            }
        }

        private (DecisionOutcome, ApprovalRecord?) PlanDecision(ApprovalRecord record, string reviewer, bool approve, string? reason, DateTimeOffset now)
        {
            if (record.Status == ApprovalStatus.Expired)
            {
                return (DecisionOutcome.Expired, null);
            }

            if (record.Status != ApprovalStatus.Pending)
            {
                return (DecisionOutcome.NotPending, null);
            }

            if (now >= record.ExpiresAt)
            {
                return (DecisionOutcome.Expired, record.WithStatus(ApprovalStatus.Expired));
            }

            if (!Policy.AllowSelfApproval && Identity.Same(reviewer, record.Author))
            {
                return (DecisionOutcome.SelfApproval, null);
            }

            // Null only if the policy changed since submission so that the decisions already complete it; then there
            // is no step to decide in, and the request expires undecided rather than being approved by a config edit.
            var step = Policy.CurrentStep(record.Decisions);
            if (step is null)
            {
                return (DecisionOutcome.NotPending, null);
            }

            if (!step.Admits(reviewer))
            {
                return (DecisionOutcome.NotAReviewer, null);
            }

            foreach (var earlier in record.Decisions)
            {
                if (earlier.StepName == step.Name && Identity.Same(earlier.Reviewer, reviewer))
                {
                    return (DecisionOutcome.AlreadyDecided, null);
                }
            }

            var decision = new ReviewerDecision(reviewer, step.Name, approve, now, reason);
            if (!approve)
            {
                return (DecisionOutcome.Recorded, record.WithDecision(decision, ApprovalStatus.Rejected, null, record.ExpiresAt));
            }

            var decisions = new List<ReviewerDecision>(record.Decisions) { decision };
            if (Policy.CurrentStep(decisions) is not null)
            {
                return (DecisionOutcome.Recorded, record.WithDecision(decision, ApprovalStatus.Pending, null, record.ExpiresAt));
            }

            // The lifetime counts from when the post falls due if that is later: approving ahead of schedule is fine.
            var validFrom = record.DueAt > now ? record.DueAt.Value : now;
            return (DecisionOutcome.Recorded, record.WithDecision(decision, ApprovalStatus.Approved, now, validFrom + Policy.Lifetime));
        }

        private (RedeemOutcome, ApprovalRecord?) PlanRedeem(ApprovalRecord record, ContentFingerprint fingerprint, DateTimeOffset now)
        {
            // Content first: a request id presented with other content says nothing about that request's state.
            if (record.Fingerprint != fingerprint)
            {
                return (RedeemOutcome.ContentChanged, null);
            }

            switch (record.Status)
            {
                case ApprovalStatus.Pending:
                    return (RedeemOutcome.Undecided, now >= record.ExpiresAt ? record.WithStatus(ApprovalStatus.Expired) : null);
                case ApprovalStatus.Rejected:
                    return (RedeemOutcome.Rejected, null);
                case ApprovalStatus.Cancelled:
                    return (RedeemOutcome.Cancelled, null);
                case ApprovalStatus.Expired:
                    return (RedeemOutcome.Expired, null);
                case ApprovalStatus.Redeemed:
                    return (RedeemOutcome.AlreadyRedeemed, null);
                case ApprovalStatus.Approved:
                    break;
                default:
                    throw new InvalidOperationException($"Request {record.Id} has an unknown status {record.Status}.");
            }

            if (now >= record.ExpiresAt)
            {
                return (RedeemOutcome.Expired, record.WithStatus(ApprovalStatus.Expired));
            }

            if (Hold.IsActive)
            {
                return (RedeemOutcome.Held, null);
            }

            // A post waits to go out from its due time (or its approval, when unscheduled) until it is redeemed. If a
            // hold was engaged at any moment of that wait, the world changed under it: it needs a fresh decision.
            var waitingSince = record.DueAt ?? record.ApprovedAt ?? record.SubmittedAt;
            if (waitingSince <= now && Hold.WasActiveDuring(waitingSince, now))
            {
                return (RedeemOutcome.FellDueDuringHold, record.WithStatus(ApprovalStatus.Expired));
            }

            return (RedeemOutcome.Redeemed, record.WithRedeemedAt(now));
        }

        private async Task<bool> ExpireAsync(string requestId, CancellationToken cancellationToken)
        {
            var change = await ChangeAsync(
                requestId,
                notFound: false,
                (record, now) => IsOpen(record.Status) && now >= record.ExpiresAt ? (true, record.WithStatus(ApprovalStatus.Expired)) : (false, null),
                cancellationToken).ConfigureAwait(false);
            return change.Outcome;
        }

        /// <summary>
        /// Reads the request, plans a change from what it finds, and writes the change only if nobody changed the
        /// request in between; otherwise reads again. Every rule runs against the version it replaces.
        /// </summary>
        private async Task<(TOutcome Outcome, ApprovalRecord? Record, DateTimeOffset Now)> ChangeAsync<TOutcome>(
            string requestId,
            TOutcome notFound,
            Func<ApprovalRecord, DateTimeOffset, (TOutcome, ApprovalRecord?)> plan,
            CancellationToken cancellationToken)
        {
            for (var attempt = 0; attempt < MaxUpdateAttempts; attempt++)
            {
                var record = await _store.FindAsync(requestId, cancellationToken).ConfigureAwait(false);
                var now = _clock();
                if (record is null)
                {
                    return (notFound, null, now);
                }

                var (outcome, next) = plan(record, now);
                if (next is null)
                {
                    return (outcome, record, now);
                }

                if (await _store.TryUpdateAsync(next, record.Version, cancellationToken).ConfigureAwait(false))
                {
                    if (next.Status == ApprovalStatus.Expired)
                    {
                        Write(ApprovalAuditEventKind.Expired, next, now, actor: null, detail: $"{record.Status.ToString().ToLowerInvariant()} until {record.ExpiresAt:O}");
                    }

                    return (outcome, next, now);
                }
            }

            throw new InvalidOperationException(
                $"The approval store rejected {MaxUpdateAttempts} updates of request {requestId} in a row. "
                + $"{nameof(IApprovalStore.TryUpdateAsync)} must replace the record when the stored version equals the expected one.");
        }

        private async Task<string?> AskUntilDecidedAsync(ApprovalRecord record, object content, IApprovalPrompt prompt, CancellationToken cancellationToken)
        {
            // Each recorded decision either closes the request or completes part of a step, so this ends.
            while (record.Status == ApprovalStatus.Pending)
            {
                if (Hold.IsActive)
                {
                    return "a publishing hold is engaged";
                }

                var step = Policy.CurrentStep(record.Decisions)!;
                var answer = await prompt.AskAsync(new ApprovalPromptRequest(record, content, step), cancellationToken).ConfigureAwait(false);
                if (answer is null)
                {
                    return "nobody answered";
                }

                var decided = await DecideAsync(record.Id, answer.Reviewer, answer.Approved, answer.Reason, cancellationToken).ConfigureAwait(false);
                if (!decided.IsRecorded)
                {
                    return $"the answer of {answer.Reviewer} was refused: {decided.Outcome}";
                }

                record = decided.Record!;
            }

            return record.Status == ApprovalStatus.Approved ? null : $"request {record.Status.ToString().ToLowerInvariant()}";
        }

        private void Write(
            ApprovalAuditEventKind kind,
            ApprovalRecord record,
            DateTimeOffset at,
            string? actor,
            IEnumerable<string>? reviewers = null,
            string? outcome = null,
            string? detail = null)
            => WriteAudit(new ApprovalAuditEvent(kind, at, record.Id, actor, record.Fingerprint, record.Channel, gate: null, reviewers, outcome, detail));

        private void WriteRefusal(string requestId, ContentFingerprint presented, string? actor, DateTimeOffset at, string outcome, string detail, ApprovalRecord? record = null)
            => WriteAudit(new ApprovalAuditEvent(ApprovalAuditEventKind.Refused, at, requestId, actor, presented, record?.Channel, gate: null, record?.Approvers, outcome, detail));

        private void WriteAudit(ApprovalAuditEvent auditEvent) => _audit?.Write(auditEvent);
    }
}
