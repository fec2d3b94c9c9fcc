using System.Threading.Tasks;
using Presence.Analyzers.Tests.Verifiers;
using static Presence.Analyzers.Tests.Verifiers.PathVerifier;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// The host calls each registered <c>IHealthCheckPublisher</c> every period with nobody present: a publisher that
/// posts to a social network is an unattended entry point (PRES002); one that reports to an internal status page,
/// and a method of the same name on another type, are not.
/// </summary>
public class HealthCheckPublisherTests
{
    [Fact]
    public Task A_health_check_publisher_that_toots_is_unattended_and_one_that_feeds_a_status_page_is_not()
        => VerifyAsync("""
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Diagnostics.HealthChecks;

            public sealed class StatusTootPublisher : IHealthCheckPublisher
            {
                private static readonly HttpClient Http = new();
                private HealthStatus _last = HealthStatus.Healthy;

                public async Task {|#0:PublishAsync|}(HealthReport report, CancellationToken cancellationToken)
                {
                    if (report.Status == _last) return;
                    _last = report.Status;
                    await Http.PostAsJsonAsync("https://mastodon.social/api/v1/statuses", new { status = $"Service status changed: {report.Status}" }, cancellationToken);
                }
            }

            public sealed class InternalStatusPagePublisher : IHealthCheckPublisher
            {
                private static readonly HttpClient Http = new();

                public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
                    => Http.PostAsJsonAsync("https://status.internal.example/api/components/web", new { status = report.Status.ToString() }, cancellationToken);
            }

            public sealed class ReleaseAnnouncer
            {
                private static readonly HttpClient Http = new();

                public Task PublishAsync(string notes, CancellationToken cancellationToken)
                    => {|PRES001:Http.PostAsJsonAsync("https://mastodon.social/api/v1/statuses", new { status = notes }, cancellationToken)|};
            }
            """,
            AspNetCore,
            Unattended(0, "StatusTootPublisher.PublishAsync (a health check publisher)",
                "StatusTootPublisher.PublishAsync → HttpClient.PostAsJsonAsync (POST https://mastodon.social/api/v1/statuses)"));
}
