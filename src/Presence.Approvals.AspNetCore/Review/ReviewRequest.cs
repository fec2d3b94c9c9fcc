using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Presence
{
    /// <summary>One request to the dashboard: who is asking, what they may see, and the ledger's services.</summary>
    internal sealed class ReviewRequest
    {
        private readonly Dictionary<ReviewAccessRule, bool> _admitted = new Dictionary<ReviewAccessRule, bool>();

        public ReviewRequest(HttpContext http, PathString prefix)
        {
            Http = http;
            Prefix = prefix;
            Options = http.RequestServices.GetRequiredService<IOptions<PresenceReviewOptions>>().Value;
            Data = new ReviewData(http.RequestServices);
            Clock = http.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;
            // A machine credential (API key, client-credentials token) is never a reviewer, whatever policy it passes.
            var people = http.RequestServices.GetService<IOptions<EditorDecisionOptions>>()?.Value ?? new EditorDecisionOptions();
            Reviewer = http.User?.Identity is { IsAuthenticated: true } && people.IsPerson(http.User) ? Options.ReviewerName(http.User) : null;
        }

        public HttpContext Http { get; }

        public PathString Prefix { get; }

        public PresenceReviewOptions Options { get; }

        public ReviewData Data { get; }

        public TimeProvider Clock { get; }

        /// <summary>The signed-in reviewer's identity; null for an anonymous visitor (development-only mode) or a machine, who cannot act.</summary>
        public string? Reviewer { get; }

        public DateTimeOffset Now => Clock.GetUtcNow();

        /// <summary>The publishing hold in force, read once per request for the banner; set by <see cref="LoadAsync"/>.</summary>
        public HoldPeriod? CurrentHold { get; private set; }

        /// <summary>Whether the publishing hold's stored history cannot be read (a damaged row): nothing is published then.</summary>
        public bool HoldUnreadable { get; private set; }

        /// <summary>Reads what every page shows (the hold banner). A damaged hold row is shown as such, not as an error page.</summary>
        public async Task<ReviewRequest> LoadAsync()
        {
            try
            {
                CurrentHold = await Data.Hold.GetCurrentAsync(Http.RequestAborted).ConfigureAwait(false);
            }
            catch (ApprovalRecordCorruptException e) when (e.RequestId is null)
            {
                HoldUnreadable = true;
            }

            return this;
        }

        public string Url(string path) => Prefix.Add(path).Value!;

        /// <summary>Whether the user satisfies every policy of the channel's rule (posts of other channels do not exist for them).</summary>
        public Task<bool> MaySeeAsync(ApprovalRecord record) => AdmitsAsync(Options.RuleFor(record.Channel));

        public async Task<bool> AdmitsAsync(ReviewAccessRule rule)
        {
            if (_admitted.TryGetValue(rule, out var known))
            {
                return known;
            }

            var admitted = true;
            if (rule.Policies.Count > 0)
            {
                var authorization = Http.RequestServices.GetRequiredService<IAuthorizationService>();
                foreach (var policy in rule.Policies)
                {
                    if (Http.User is null || !(await authorization.AuthorizeAsync(Http.User, policy).ConfigureAwait(false)).Succeeded)
                    {
                        admitted = false;
                        break;
                    }
                }
            }

            _admitted[rule] = admitted;
            return admitted;
        }
    }
}
