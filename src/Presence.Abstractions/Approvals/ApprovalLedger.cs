#nullable enable
using System;
using System.Collections.Generic;
using System.Diagnostics;
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
        private readonly IApprovalNotifier? _notifier;
        private readonly IApprovalContentFormatter _formatter;
        private readonly IApprovalInstrumentation? _instrumentation;

        /// <summary>Creates a ledger.</summary>
        /// <param name="store">Where requests are kept; shared by every process that decides or redeems.</param>
        /// <param name="hold">The publishing hold this ledger and its gates obey.</param>
        /// <param name="policy">The approval rules; <see cref="ApprovalPolicy.Default"/> when null.</param>
        /// <param name="audit">Receives the audit trail; optional.</param>
        /// <param name="clock">The current time; defaults to <see cref="DateTimeOffset.UtcNow"/>. Give the hold the same clock.</param>
        /// <exception cref="ArgumentNullException">The store or hold is null.</exception>
        public ApprovalLedger(IApprovalStore store, IPublishingHold hold, ApprovalPolicy? policy = null, IApprovalAuditSink? audit = null, Func<DateTimeOffset>? clock = null)
            : this(store, hold, new ApprovalLedgerOptions { Policy = policy ?? ApprovalPolicy.Default, Audit = audit, Clock = clock })
        {
        }

        /// <summary>Creates a ledger with a notifier, content formatter or instrumentation (<c>services.AddPresenceApprovals(...)</c> does this for you).</summary>
        /// <param name="store">Where requests are kept; shared by every process that decides or redeems.</param>
        /// <param name="hold">The publishing hold this ledger and its gates obey.</param>
        /// <param name="options">The rules and the wiring; read once, here.</param>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        public ApprovalLedger(IApprovalStore store, IPublishingHold hold, ApprovalLedgerOptions options)
        {
            _store = Require.NotNull(store, nameof(store));
            Hold = Require.NotNull(hold, nameof(hold));
            Require.NotNull(options, nameof(options));
            Policy = options.Policy;
            _audit = options.Audit;
            _clock = options.Clock ?? (() => DateTimeOffset.UtcNow);
            _notifier = options.Notifier;
            _formatter = options.ContentFormatter ?? TextApprovalContentFormatter.Instance;
            _instrumentation = options.Instrumentation;
        }

        /// <summary>The rules this ledger enforces.</summary>
        public ApprovalPolicy Policy { get; }

        /// <summary>The publishing hold this ledger and its gates obey.</summary>
        public IPublishingHold Hold { get; }

        /// <summary>Submits content for review.</summary>
        /// <typeparam name="T"><see cref="string"/>, or a type implementing <see cref="IApprovalContent"/>.</typeparam>
        /// <param name="content">The content exactly as it will be published (its fingerprint binds the approval; reviewers read it as the content formatter renders it).</param>
        /// <param name="author">Who or which process wrote it (e.g. a user name, or <c>agent:drafts</c> for machine-written text).</param>
        /// <param name="dueAt">When it is scheduled to go out; it must be decided by then. Null: as soon as it is approved.</param>
        /// <param name="channel">Where it goes, shown to reviewers and recorded in the audit trail.</param>
        /// <param name="summary">A short preview for reviewers; defaults to the start of the text for string content.</param>
        /// <param name="cancellationToken">Cancels the submission.</param>
        /// <returns>The pending request; give its <see cref="ApprovalRecord.Id"/> to reviewers and to the publisher.</returns>
        /// <exception cref="ArgumentException">The author is empty, or no one but the author could complete a step of the policy.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="dueAt"/> is at or before now (the ledger's clock): nobody could review it in time.</exception>
        /// <exception cref="NotSupportedException">The content is neither a string nor an <see cref="IApprovalContent"/>.</exception>
        public Task<ApprovalRecord> SubmitAsync<T>(
            T content,
            string author,
            DateTimeOffset? dueAt = null,
            string? channel = null,
            string? summary = null,
            CancellationToken cancellationToken = default)
            => SubmitAsync(content, new ApprovalSubmission(author) { DueAt = dueAt, Channel = channel, Summary = summary }, cancellationToken);

        /// <summary>
        /// Submits a revision of an earlier request: after a reviewer asked for changes, or to replace a pending draft.
        /// The revision links to the earlier request (<see cref="ApprovalRecord.Supersedes"/>), keeps its channel and
        /// recipient unless given, and closes it as <see cref="ApprovalStatus.Superseded"/> if it was still pending or approved.
        /// </summary>
        /// <typeparam name="T"><see cref="string"/>, or a type implementing <see cref="IApprovalContent"/>.</typeparam>
        /// <param name="supersedes">The id of the request this revises.</param>
        /// <param name="content">The revised content exactly as it will be published.</param>
        /// <param name="author">Who revised it.</param>
        /// <param name="dueAt">When it is scheduled to go out; null: as soon as it is approved.</param>
        /// <param name="channel">Where it goes; the earlier request's channel when null.</param>
        /// <param name="summary">A short preview for reviewers.</param>
        /// <param name="cancellationToken">Cancels the submission.</param>
        /// <returns>The revision, pending review.</returns>
        /// <exception cref="ArgumentException">There is no request <paramref name="supersedes"/>, or an argument of <see cref="SubmitAsync{T}(T, string, DateTimeOffset?, string?, string?, CancellationToken)"/> is invalid.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="dueAt"/> is at or before now (the ledger's clock).</exception>
        /// <exception cref="ApprovalRecordCorruptException">The request to revise cannot be trusted: cancel it and submit the content anew.</exception>
        public Task<ApprovalRecord> ReviseAsync<T>(
            string supersedes,
            T content,
            string author,
            DateTimeOffset? dueAt = null,
            string? channel = null,
            string? summary = null,
            CancellationToken cancellationToken = default)
            => SubmitAsync(
                content,
                new ApprovalSubmission(author) { Supersedes = Require.Text(supersedes, nameof(supersedes), "The id of the request to revise"), DueAt = dueAt, Channel = channel, Summary = summary },
                cancellationToken);

        /// <summary>Submits content for review, described by <paramref name="submission"/>.</summary>
        /// <typeparam name="T"><see cref="string"/>, or a type implementing <see cref="IApprovalContent"/>.</typeparam>
        /// <param name="content">The content exactly as it will be published.</param>
        /// <param name="submission">Who wrote it, when it is due, where it goes, what it revises, who to notify.</param>
        /// <param name="cancellationToken">Cancels the submission.</param>
        /// <returns>The pending request.</returns>
        /// <exception cref="ArgumentException">No one but the author could complete a step of the policy, or the request to revise does not exist.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The due time is at or before now (the ledger's clock): nobody could review it in time.</exception>
        /// <exception cref="NotSupportedException">The content is neither a string nor an <see cref="IApprovalContent"/>.</exception>
        public Task<ApprovalRecord> SubmitAsync<T>(T content, ApprovalSubmission submission, CancellationToken cancellationToken = default)
        {
            Require.NotNull(submission, nameof(submission));
            return ObserveAsync("submit", submission.Supersedes, () => SubmitCoreAsync(content, submission, cancellationToken), record => record.Status.ToString(), record => record.Id);
        }

        private async Task<ApprovalRecord> SubmitCoreAsync<T>(T content, ApprovalSubmission submission, CancellationToken cancellationToken)
        {
            var fingerprint = ContentFingerprint.For(content);
            var author = submission.Author;
            if (!Policy.AllowSelfApproval)
            {
                foreach (var step in Policy.Steps)
                {
                    if (!step.IsCompletableWithout(author))
                    {
                        throw new ArgumentException(
                            $"Step '{step}' cannot be completed for a post by {author}, who may not approve their own posts: add another reviewer to the step.",
                            nameof(submission));
                    }
                }
            }

            var now = _clock();
            var dueAt = submission.DueAt;
            if (dueAt <= now)
            {
                throw new ArgumentOutOfRangeException(nameof(submission), dueAt, "A post must be submitted before it is due, so that someone can review it.");
            }

            var channel = Require.OptionalText(submission.Channel);
            var notifyTo = Require.OptionalText(submission.NotifyTo);
            ApprovalRecord? earlier = null;
            if (submission.Supersedes is { } supersedes)
            {
                earlier = await _store.FindAsync(supersedes, cancellationToken).ConfigureAwait(false)
                    ?? throw new ArgumentException($"There is no approval request '{supersedes}' to revise.", nameof(submission));
                channel ??= earlier.Channel;
                notifyTo ??= earlier.NotifyTo;
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
                Require.OptionalText(submission.Summary) ?? Preview(content),
                now,
                dueAt,
                ApprovalStatus.Pending,
                Array.Empty<ReviewerDecision>(),
                approvedAt: null,
                expiresAt: deadline,
                redeemedAt: null,
                version: 1,
                content: _formatter.Format(content!),
                supersedes: earlier?.Id,
                notifyTo: notifyTo,
                publishOutcome: PublishOutcome.Unknown,
                publishOutcomeAt: null,
                publishOutcomeDetail: null);
            await _store.AddAsync(record, cancellationToken).ConfigureAwait(false);
            var when = dueAt is null ? "to go out once approved" : $"due {dueAt:O}";
            Write(ApprovalAuditEventKind.Submitted, record, now, author, detail: earlier is null ? when : $"{when}; revision of {earlier.Id}");
            if (earlier is not null)
            {
                // The earlier draft must not go out once its revision exists; a redeem racing this loses or wins the
                // compare-and-swap like any other.
                var superseded = await ChangeAsync(
                    earlier.Id,
                    notFound: false,
                    (stored, at) => stored.IsOpen ? (true, stored.WithStatus(ApprovalStatus.Superseded)) : (false, null),
                    cancellationToken).ConfigureAwait(false);
                if (superseded.Outcome)
                {
                    Write(ApprovalAuditEventKind.Superseded, superseded.Record!, superseded.Now, author, detail: $"revised by {record.Id}");
                }
            }

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
        public Task<DecisionResult> DecideAsync(string requestId, string reviewer, bool approve, string? reason = null, CancellationToken cancellationToken = default)
            => DecideCoreAsync(requestId, reviewer, approve ? ReviewerVerdict.Approved : ReviewerVerdict.Rejected, reason, cancellationToken);

        /// <summary>
        /// Sends a pending request back to its author with a note saying what to change. The request is closed
        /// (<see cref="ApprovalStatus.ChangesRequested"/>); the author submits a revision with <see cref="ReviseAsync{T}"/>.
        /// </summary>
        /// <param name="requestId">The request.</param>
        /// <param name="reviewer">Who decides, as your application authenticated them.</param>
        /// <param name="note">The changes asked for (required); shown to the author and kept in the audit trail.</param>
        /// <param name="cancellationToken">Cancels the operation.</param>
        /// <returns>Whether the decision was recorded, and the request afterwards; refused for the same reasons as <see cref="DecideAsync"/>.</returns>
        /// <exception cref="ArgumentException">The request id, reviewer or note is empty.</exception>
        public Task<DecisionResult> RequestChangesAsync(string requestId, string reviewer, string note, CancellationToken cancellationToken = default)
            => DecideCoreAsync(requestId, reviewer, ReviewerVerdict.ChangesRequested, Require.Text(note, nameof(note), "The note saying which changes are needed"), cancellationToken);

        private Task<DecisionResult> DecideCoreAsync(string requestId, string reviewer, ReviewerVerdict verdict, string? reason, CancellationToken cancellationToken)
        {
            requestId = Require.Text(requestId, nameof(requestId), "The request id");
            reviewer = Require.Text(reviewer, nameof(reviewer), "The reviewer");
            return ObserveAsync("decide", requestId, async () =>
            {
                var change = await ChangeAsync(requestId, DecisionOutcome.NotFound, (record, now) => PlanDecision(record, reviewer, verdict, reason, now), cancellationToken)
                    .ConfigureAwait(false);
                if (change.Untrusted is { } untrusted)
                {
                    WriteRefusal(requestId, default, reviewer, change.Now, nameof(DecisionOutcome.Untrusted), $"decision refused ({Describe(verdict)}): {untrusted.Problem}");
                    return new DecisionResult(requestId, DecisionOutcome.Untrusted, null);
                }

                if (change.Record is null)
                {
                    WriteRefusal(requestId, default, reviewer, change.Now, change.Outcome.ToString(), "decision on an unknown request");
                }
                else if (change.Outcome == DecisionOutcome.Recorded)
                {
                    var decision = change.Record.Decisions[change.Record.Decisions.Count - 1];
                    Write(ApprovalAuditEventKind.Decided, change.Record, change.Now, reviewer, detail: $"{decision}; request {change.Record.Status.ToString().ToLowerInvariant()}");
                    await NotifyAsync(change.Record, decision, change.Now, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    Write(ApprovalAuditEventKind.Refused, change.Record, change.Now, reviewer, outcome: change.Outcome.ToString(), detail: $"decision refused ({Describe(verdict)})");
                }

                return new DecisionResult(requestId, change.Outcome, change.Record);
            }, result => result.Outcome.ToString());
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
        /// The ledger re-reads the request and the publishing hold and checks, now: it exists; it is for this content;
        /// it is approved (a request still undecided does not go out, and one undecided at its due time expires); the
        /// approval has not expired or been used; no publishing hold is engaged; and the post did not fall due during a
        /// past hold (that needs a fresh decision). Report how publishing went with <see cref="ReportPublishedAsync"/>
        /// or <see cref="ReportFailedAsync"/>; until then the audit shows the outcome as unknown.
        /// </remarks>
        [HumanConfirmation(ApprovalProperty = nameof(RedeemResult<T>.IsRedeemed))]
        public Task<RedeemResult<T>> RedeemAsync<T>(string requestId, T content, CancellationToken cancellationToken = default)
        {
            requestId = Require.Text(requestId, nameof(requestId), "The request id");
            var fingerprint = ContentFingerprint.For(content);
            return ObserveAsync("redeem", requestId, async () =>
            {
                ApprovalRecordCorruptException? unreadableHold = null;
                var change = await ChangeAsync(
                    requestId,
                    RedeemOutcome.NotFound,
                    async (record, now) =>
                    {
                        try
                        {
                            return await PlanRedeemAsync(record, fingerprint, now, cancellationToken).ConfigureAwait(false);
                        }
                        catch (ApprovalRecordCorruptException e)
                        {
                            // The hold cannot be read, so nobody can say that publishing is allowed: refused, and the
                            // request stays as it is, redeemable once the hold's history is repaired.
                            unreadableHold = e;
                            return (RedeemOutcome.Untrusted, null);
                        }
                    },
                    cancellationToken).ConfigureAwait(false);
                if (change.Untrusted is { } untrusted)
                {
                    WriteRefusal(requestId, fingerprint, null, change.Now, nameof(RedeemOutcome.Untrusted), "redeem refused: " + untrusted.Problem);
                    return new RedeemResult<T>(requestId, RedeemOutcome.Untrusted, null, null);
                }

                var record = change.Record;
                if (record is null || change.Outcome != RedeemOutcome.Redeemed)
                {
                    var detail = unreadableHold is null ? "redeem refused" : "redeem refused: the publishing hold cannot be read: " + unreadableHold.Message;
                    WriteRefusal(requestId, fingerprint, record?.Author, change.Now, change.Outcome.ToString(), detail, record);
                    return new RedeemResult<T>(requestId, change.Outcome, record, null);
                }

                var approvers = record.Approvers;
                Write(ApprovalAuditEventKind.Redeemed, record, change.Now, record.Author, reviewers: approvers, detail: "publish outcome unknown until the publisher reports it");
                return new RedeemResult<T>(requestId, change.Outcome, record, new Approved<T>(content, record, approvers, record.ApprovedAt!.Value, change.Now, _store));
            }, result => result.Outcome.ToString());
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
            var started = Stopwatch.StartNew();
            var state = _instrumentation?.Start("consume", approval.RequestId);
            var now = _clock();
            RedeemOutcome? refusal;
            var refusalDetail = "publish refused";
            try
            {
                // A token minted by a ledger over another store (a test double, a self-approving policy) proves nothing
                // here: it is refused before anything else, and is not spent.
                refusal =
                    !ReferenceEquals(approval.Authority, _store) ? RedeemOutcome.NotIssuedHere
                    : !approval.TryConsume(now) ? RedeemOutcome.AlreadyRedeemed
                    : now >= approval.ExpiresAt ? RedeemOutcome.Expired
                    : HoldRefusal(Hold.GetPeriodsSince(approval.RedeemedAt), approval.RedeemedAt, now)
                        ?? (!approval.Covers(approval.Content) ? RedeemOutcome.ContentChanged : (RedeemOutcome?)null);
            }
            catch (ApprovalRecordCorruptException e) when (e.RequestId is null)
            {
                // The hold's history cannot be read: nobody can say that publishing is allowed. The token is spent already.
                refusal = RedeemOutcome.Untrusted;
                refusalDetail = "publish refused: the publishing hold cannot be read: " + e.Message;
            }
            catch (Exception e)
            {
                _instrumentation?.Stop(state, "consume", approval.RequestId, "Error", started.Elapsed, e);
                throw;
            }

            _instrumentation?.Stop(state, "consume", approval.RequestId, (refusal ?? RedeemOutcome.Redeemed).ToString(), started.Elapsed, null);
            if (refusal is { } reason)
            {
                var message = $"{gateName} refused to publish approval {approval.RequestId}: {Explain(reason)}";
                WriteAudit(new ApprovalAuditEvent(ApprovalAuditEventKind.Refused, now, approval.RequestId, approval.Author, approval.Fingerprint,
                    approval.Channel, gateName, approval.Reviewers, reason.ToString(), refusalDetail));
                throw new ApprovalRefusedException(reason, approval.RequestId, gateName, message);
            }

            WriteAudit(new ApprovalAuditEvent(ApprovalAuditEventKind.Published, now, approval.RequestId, approval.Author, approval.Fingerprint,
                approval.Channel, gateName, approval.Reviewers, detail: $"approved {approval.ApprovedAt:O}"));
            return approval.Content;
        }

        /// <summary>Lists the requests waiting for a decision, oldest first. Requests past their deadline are expired instead.</summary>
        /// <param name="cancellationToken">Cancels the operation.</param>
        /// <returns>
        /// The pending requests. A request the store cannot trust is not among them (the durable store logs a warning
        /// naming it); <see cref="ListUntrustedAsync"/> lists those.
        /// </returns>
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
        /// Lists the open requests the store cannot trust (changed outside the ledger or damaged): nothing is decided on
        /// or redeemed from them; cancel each (<see cref="CancelAsync"/>) and submit its content again.
        /// </summary>
        /// <param name="cancellationToken">Cancels the read.</param>
        /// <returns>Their ids and what is wrong with each; empty when the store cannot be damaged outside the ledger (it is not an <see cref="IUntrustedApprovalRequests"/>).</returns>
        public Task<IReadOnlyList<UntrustedApprovalRequest>> ListUntrustedAsync(CancellationToken cancellationToken = default)
            => _store is IUntrustedApprovalRequests untrusted
                ? untrusted.ListUntrustedAsync(cancellationToken)
                : Task.FromResult<IReadOnlyList<UntrustedApprovalRequest>>(Array.Empty<UntrustedApprovalRequest>());

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
        /// <remarks>
        /// A request that cannot be trusted (<see cref="RedeemOutcome.Untrusted"/>) is cancelled too, when the store
        /// can (<see cref="IUntrustedApprovalRequests"/>): that takes it out of the review queue. It stays untrusted, so
        /// nothing is ever redeemed from it; the audit trail records the cancellation and what was wrong.
        /// </remarks>
        public Task<bool> CancelAsync(string requestId, string by, string? reason = null, CancellationToken cancellationToken = default)
        {
            requestId = Require.Text(requestId, nameof(requestId), "The request id");
            by = Require.Text(by, nameof(by), "Who cancels");
            return ObserveAsync("cancel", requestId, async () =>
            {
                var change = await ChangeAsync(
                    requestId,
                    notFound: false,
                    (record, now) => record.IsOpen ? (true, record.WithStatus(ApprovalStatus.Cancelled)) : (false, null),
                    cancellationToken).ConfigureAwait(false);
                if (change.Untrusted is { } untrusted)
                {
                    return await CancelUntrustedCoreAsync(requestId, by, reason, untrusted, change.Now, cancellationToken).ConfigureAwait(false);
                }

                if (change.Outcome)
                {
                    Write(ApprovalAuditEventKind.Cancelled, change.Record!, change.Now, by, detail: Require.OptionalText(reason));
                }

                return change.Outcome;
            }, cancelled => cancelled ? nameof(ApprovalStatus.Cancelled) : "NotOpen");
        }

        /// <summary>
        /// Withdraws a request only if the store cannot trust it (see <see cref="ListUntrustedAsync"/>): what a screen
        /// listing untrusted requests offers, so that an id typed in by hand never cancels a request that is fine.
        /// </summary>
        /// <param name="requestId">The request.</param>
        /// <param name="by">Who withdraws it (recorded).</param>
        /// <param name="reason">Why (recorded).</param>
        /// <param name="cancellationToken">Cancels the operation.</param>
        /// <returns><c>true</c> if this call cancelled it; <c>false</c> if it does not exist, can be trusted, is already closed, or the store cannot cancel it.</returns>
        /// <exception cref="ArgumentException">The request id or <paramref name="by"/> is empty.</exception>
        public Task<bool> CancelUntrustedAsync(string requestId, string by, string? reason = null, CancellationToken cancellationToken = default)
        {
            requestId = Require.Text(requestId, nameof(requestId), "The request id");
            by = Require.Text(by, nameof(by), "Who cancels");
            return ObserveAsync("cancel", requestId, async () =>
            {
                try
                {
                    await _store.FindAsync(requestId, cancellationToken).ConfigureAwait(false);
                    return false;
                }
                catch (ApprovalRecordCorruptException e) when (e.RequestId == requestId)
                {
                    return await CancelUntrustedCoreAsync(requestId, by, reason, e, _clock(), cancellationToken).ConfigureAwait(false);
                }
            }, cancelled => cancelled ? nameof(ApprovalStatus.Cancelled) : "NotOpen");
        }

        private async Task<bool> CancelUntrustedCoreAsync(string requestId, string by, string? reason, ApprovalRecordCorruptException untrusted, DateTimeOffset now, CancellationToken cancellationToken)
        {
            // The store checks again that the row cannot be trusted, and changes only its status.
            if (!(_store is IUntrustedApprovalRequests untrustedRequests && await untrustedRequests.CancelUntrustedAsync(requestId, cancellationToken).ConfigureAwait(false)))
            {
                return false;
            }

            var why = Require.OptionalText(reason);
            WriteAudit(new ApprovalAuditEvent(ApprovalAuditEventKind.Cancelled, now, requestId, by, default, channel: null, gate: null, reviewers: null,
                outcome: nameof(RedeemOutcome.Untrusted), detail: $"cancelled although it cannot be trusted ({untrusted.Problem})" + (why is null ? string.Empty : "; " + why)));
            return true;
        }

        /// <summary>
        /// Records that the platform accepted a redeemed post (the audit trail's <see cref="ApprovalAuditEventKind.PublishSucceeded"/>).
        /// Until the publisher reports, the audit shows the redeem with an unknown outcome: if the process dies between
        /// the redeem and the platform call, the approval stays spent and is never published twice.
        /// </summary>
        /// <param name="requestId">The redeemed request (<see cref="Approved{T}.RequestId"/>).</param>
        /// <param name="detail">What the platform answered, e.g. the post's id or URL; no content.</param>
        /// <param name="cancellationToken">Cancels the operation.</param>
        /// <returns><c>true</c> if recorded; <c>false</c> if the request is not redeemed or its outcome was reported already (the first report stands).</returns>
        /// <exception cref="ArgumentException">The request id is empty.</exception>
        public Task<bool> ReportPublishedAsync(string requestId, string? detail = null, CancellationToken cancellationToken = default)
            => ReportAsync(requestId, PublishOutcome.Published, detail, cancellationToken);

        /// <summary>Records that the platform call for a redeemed post failed (<see cref="ApprovalAuditEventKind.PublishFailed"/>). The approval stays spent.</summary>
        /// <param name="requestId">The redeemed request.</param>
        /// <param name="detail">What went wrong (an error code or exception type); no content.</param>
        /// <param name="cancellationToken">Cancels the operation.</param>
        /// <returns><c>true</c> if recorded; <c>false</c> if the request is not redeemed or its outcome was reported already.</returns>
        /// <exception cref="ArgumentException">The request id is empty.</exception>
        public Task<bool> ReportFailedAsync(string requestId, string? detail = null, CancellationToken cancellationToken = default)
            => ReportAsync(requestId, PublishOutcome.Failed, detail, cancellationToken);

        /// <summary>Reads a request.</summary>
        /// <param name="requestId">The request id.</param>
        /// <param name="cancellationToken">Cancels the read.</param>
        /// <returns>The request as stored; null when there is none with this id.</returns>
        /// <exception cref="ArgumentException">The request id is empty.</exception>
        /// <exception cref="ApprovalRecordCorruptException">The stored request cannot be trusted (<see cref="LookUpAsync"/>, and the decision and redeem calls, answer <c>Untrusted</c> instead).</exception>
        public Task<ApprovalRecord?> FindAsync(string requestId, CancellationToken cancellationToken = default)
            => _store.FindAsync(Require.Text(requestId, nameof(requestId), "The request id"), cancellationToken);

        /// <summary>
        /// Reads a request, answering for one the store cannot trust instead of throwing: what a chat button, a
        /// webhook or a job should call before acting on an id it was given.
        /// </summary>
        /// <param name="requestId">The request id.</param>
        /// <param name="cancellationToken">Cancels the read.</param>
        /// <returns><see cref="ApprovalLookupOutcome.Found"/> with the request, <see cref="ApprovalLookupOutcome.NotFound"/>, or <see cref="ApprovalLookupOutcome.Untrusted"/> with what is wrong (never the content).</returns>
        /// <exception cref="ArgumentException">The request id is empty.</exception>
        public async Task<ApprovalLookup> LookUpAsync(string requestId, CancellationToken cancellationToken = default)
        {
            requestId = Require.Text(requestId, nameof(requestId), "The request id");
            try
            {
                return new ApprovalLookup(requestId, await _store.FindAsync(requestId, cancellationToken).ConfigureAwait(false), null);
            }
            catch (ApprovalRecordCorruptException e) when (e.RequestId == requestId)
            {
                return new ApprovalLookup(requestId, null, e.Problem ?? "it cannot be read");
            }
        }

        /// <summary>
        /// Lists the requests in one status as stored, oldest submission first (no expiry is applied; see
        /// <see cref="ListPendingAsync"/>). Requests the store cannot trust are left out (see <see cref="ListUntrustedAsync"/>).
        /// </summary>
        /// <param name="status">The status.</param>
        /// <param name="cancellationToken">Cancels the read.</param>
        /// <returns>The requests.</returns>
        public Task<IReadOnlyList<ApprovalRecord>> ListAsync(ApprovalStatus status, CancellationToken cancellationToken = default)
            => _store.ListAsync(status, cancellationToken);

        /// <summary>
        /// Drops the content kept with closed requests submitted longer ago than <see cref="ApprovalPolicy.ContentRetention"/>;
        /// fingerprints, decisions, reviewers and times stay. Run it from time to time (the durable store's hosted
        /// service does, daily).
        /// </summary>
        /// <param name="cancellationToken">Cancels the purge.</param>
        /// <returns>How many requests lost their content.</returns>
        public async Task<int> PurgeContentAsync(CancellationToken cancellationToken = default)
        {
            var cutOff = _clock() - Policy.ContentRetention;
            if (_store is IApprovalContentPurge purge)
            {
                return await purge.PurgeContentAsync(cutOff, cancellationToken).ConfigureAwait(false);
            }

            var purged = 0;
            foreach (var status in new[] { ApprovalStatus.Rejected, ApprovalStatus.Cancelled, ApprovalStatus.Expired, ApprovalStatus.Redeemed, ApprovalStatus.ChangesRequested, ApprovalStatus.Superseded })
            {
                foreach (var record in await _store.ListAsync(status, cancellationToken).ConfigureAwait(false))
                {
                    if (record.SubmittedAt < cutOff && (record.Content is not null || record.Summary is not null))
                    {
                        var change = await ChangeAsync(
                            record.Id,
                            notFound: false,
                            (stored, now) => !stored.IsOpen && (stored.Content is not null || stored.Summary is not null) ? (true, stored.WithoutContent()) : (false, null),
                            cancellationToken).ConfigureAwait(false);
                        purged += change.Outcome ? 1 : 0;
                    }
                }
            }

            return purged;
        }

        private static string Describe(ReviewerVerdict verdict)
            => verdict == ReviewerVerdict.Approved ? "approve" : verdict == ReviewerVerdict.Rejected ? "reject" : "request changes";

        /// <summary>The refusal a hold causes for a post waiting since <paramref name="waitingSince"/>, given the periods that matter to it.</summary>
        private static RedeemOutcome? HoldRefusal(IReadOnlyList<HoldPeriod> periods, DateTimeOffset waitingSince, DateTimeOffset now)
        {
            RedeemOutcome? refusal = null;
            foreach (var period in periods)
            {
                if (period.IsActive)
                {
                    return RedeemOutcome.Held;
                }

                // A post waits to go out from its due time (or its approval, when unscheduled) until it is redeemed. If
                // a hold was engaged at any moment of that wait, the world changed under it: it needs a fresh decision.
                if (waitingSince <= now && period.Overlaps(waitingSince, now))
                {
                    refusal = RedeemOutcome.FellDueDuringHold;
                }
            }

            return refusal;
        }

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
                case RedeemOutcome.Untrusted: return "the publishing hold's history cannot be read, so nothing is published until it is repaired.";
                case RedeemOutcome.NotIssuedHere: return "the approval was minted by a ledger over another approval store; this ledger has no record of it.";
                default: return outcome.ToString();
            }
        }

        private (DecisionOutcome, ApprovalRecord?) PlanDecision(ApprovalRecord record, string reviewer, ReviewerVerdict verdict, string? reason, DateTimeOffset now)
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

            var decision = new ReviewerDecision(reviewer, step.Name, verdict == ReviewerVerdict.Approved, now, reason, verdict == ReviewerVerdict.ChangesRequested);
            if (verdict != ReviewerVerdict.Approved)
            {
                var closed = verdict == ReviewerVerdict.ChangesRequested ? ApprovalStatus.ChangesRequested : ApprovalStatus.Rejected;
                return (DecisionOutcome.Recorded, record.WithDecision(decision, closed, null, record.ExpiresAt));
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

        private async Task<(RedeemOutcome, ApprovalRecord?)> PlanRedeemAsync(ApprovalRecord record, ContentFingerprint fingerprint, DateTimeOffset now, CancellationToken cancellationToken)
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
                case ApprovalStatus.ChangesRequested:
                    return (RedeemOutcome.ChangesRequested, null);
                case ApprovalStatus.Superseded:
                    return (RedeemOutcome.Superseded, null);
                case ApprovalStatus.Approved:
                    break;
                default:
                    throw new InvalidOperationException($"Request {record.Id} has an unknown status {record.Status}.");
            }

            if (now >= record.ExpiresAt)
            {
                return (RedeemOutcome.Expired, record.WithStatus(ApprovalStatus.Expired));
            }

            // Read at every redeem, from wherever the hold lives: a hold engaged in another process stops this one.
            var waitingSince = record.DueAt ?? record.ApprovedAt ?? record.SubmittedAt;
            var since = waitingSince < now ? waitingSince : now;
            var periods = await Hold.GetPeriodsSinceAsync(since, cancellationToken).ConfigureAwait(false);
            switch (HoldRefusal(periods, waitingSince, now))
            {
                case RedeemOutcome.Held:
                    return (RedeemOutcome.Held, null);
                case RedeemOutcome.FellDueDuringHold:
                    return (RedeemOutcome.FellDueDuringHold, record.WithStatus(ApprovalStatus.Expired));
            }

            return (RedeemOutcome.Redeemed, record.WithRedeemedAt(now));
        }

        private Task<bool> ReportAsync(string requestId, PublishOutcome outcome, string? detail, CancellationToken cancellationToken)
        {
            requestId = Require.Text(requestId, nameof(requestId), "The request id");
            detail = Require.OptionalText(detail);
            return ObserveAsync("report", requestId, async () =>
            {
                var change = await ChangeAsync(
                    requestId,
                    notFound: false,
                    (record, now) => record.Status == ApprovalStatus.Redeemed && record.PublishOutcome == PublishOutcome.Unknown
                        ? (true, record.WithPublishOutcome(outcome, now, detail))
                        : (false, null),
                    cancellationToken).ConfigureAwait(false);
                if (change.Untrusted is { } untrusted)
                {
                    WriteRefusal(requestId, default, null, change.Now, nameof(RedeemOutcome.Untrusted), $"publish report ({outcome}) refused: {untrusted.Problem}");
                }
                else if (change.Outcome)
                {
                    var record = change.Record!;
                    Write(outcome == PublishOutcome.Published ? ApprovalAuditEventKind.PublishSucceeded : ApprovalAuditEventKind.PublishFailed,
                        record, change.Now, record.Author, reviewers: record.Approvers, outcome: outcome.ToString(), detail: detail);
                }

                return change.Outcome;
            }, recorded => recorded ? outcome.ToString() : "NotRecorded");
        }

        private async Task NotifyAsync(ApprovalRecord record, ReviewerDecision decision, DateTimeOffset now, CancellationToken cancellationToken)
        {
            ApprovalNotificationKind kind;
            switch (record.Status)
            {
                case ApprovalStatus.Approved: kind = ApprovalNotificationKind.Approved; break;
                case ApprovalStatus.Rejected: kind = ApprovalNotificationKind.Rejected; break;
                case ApprovalStatus.ChangesRequested: kind = ApprovalNotificationKind.ChangesRequested; break;
                default: return; // a step completed but the request still waits: nothing for the author yet
            }

            if (_notifier is null)
            {
                return;
            }

            try
            {
                await _notifier.NotifyAsync(new ApprovalNotification(kind, record, decision), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                // The decision is stored; a mail server being down must not make the reviewer believe it was not.
                Write(ApprovalAuditEventKind.NotificationFailed, record, now, record.Recipient, outcome: kind.ToString(), detail: $"notifier threw {e.GetType().Name}");
            }
        }

        private async Task<TResult> ObserveAsync<TResult>(string operation, string? requestId, Func<Task<TResult>> run, Func<TResult, string> outcome, Func<TResult, string?>? idOf = null)
        {
            if (_instrumentation is null)
            {
                return await run().ConfigureAwait(false);
            }

            var started = Stopwatch.StartNew();
            var state = _instrumentation.Start(operation, requestId);
            TResult result;
            try
            {
                result = await run().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                _instrumentation.Stop(state, operation, requestId, "Error", started.Elapsed, e);
                throw;
            }

            _instrumentation.Stop(state, operation, idOf?.Invoke(result) ?? requestId, outcome(result), started.Elapsed, null);
            return result;
        }

        private async Task<bool> ExpireAsync(string requestId, CancellationToken cancellationToken)
        {
            var change = await ChangeAsync(
                requestId,
                notFound: false,
                (record, now) => record.IsOpen && now >= record.ExpiresAt ? (true, record.WithStatus(ApprovalStatus.Expired)) : (false, null),
                cancellationToken).ConfigureAwait(false);
            return change.Outcome;
        }

        /// <summary>
        /// Reads the request, plans a change from what it finds, and writes the change only if nobody changed the
        /// request in between; otherwise reads again. Every rule runs against the version it replaces. A request the
        /// store cannot trust comes back as <c>Untrusted</c> (with <paramref name="notFound"/> as the outcome), never as an exception.
        /// </summary>
        private Task<(TOutcome Outcome, ApprovalRecord? Record, DateTimeOffset Now, ApprovalRecordCorruptException? Untrusted)> ChangeAsync<TOutcome>(
            string requestId,
            TOutcome notFound,
            Func<ApprovalRecord, DateTimeOffset, (TOutcome, ApprovalRecord?)> plan,
            CancellationToken cancellationToken)
            => ChangeAsync(requestId, notFound, (record, now) => Task.FromResult(plan(record, now)), cancellationToken);

        private async Task<(TOutcome Outcome, ApprovalRecord? Record, DateTimeOffset Now, ApprovalRecordCorruptException? Untrusted)> ChangeAsync<TOutcome>(
            string requestId,
            TOutcome notFound,
            Func<ApprovalRecord, DateTimeOffset, Task<(TOutcome, ApprovalRecord?)>> plan,
            CancellationToken cancellationToken)
        {
            for (var attempt = 0; attempt < MaxUpdateAttempts; attempt++)
            {
                ApprovalRecord? record;
                try
                {
                    record = await _store.FindAsync(requestId, cancellationToken).ConfigureAwait(false);
                }
                catch (ApprovalRecordCorruptException e) when (e.RequestId == requestId)
                {
                    return (notFound, null, _clock(), e);
                }

                var now = _clock();
                if (record is null)
                {
                    return (notFound, null, now, null);
                }

                var (outcome, next) = await plan(record, now).ConfigureAwait(false);
                if (next is null)
                {
                    return (outcome, record, now, null);
                }

                if (await _store.TryUpdateAsync(next, record.Version, cancellationToken).ConfigureAwait(false))
                {
                    if (next.Status == ApprovalStatus.Expired)
                    {
                        Write(ApprovalAuditEventKind.Expired, next, now, actor: null, detail: $"{record.Status.ToString().ToLowerInvariant()} until {record.ExpiresAt:O}");
                    }

                    return (outcome, next, now, null);
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
                if (await Hold.GetCurrentAsync(cancellationToken).ConfigureAwait(false) is not null)
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
