using System.Threading.Tasks;
using Presence.Analyzers.Tests.Verifiers;
using Xunit;
using static Presence.Analyzers.Tests.Verifiers.PathVerifier;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A loop lambda kept in a local before the body starts it in the background (<c>Func&lt;Task&gt; loop = async () =&gt;
/// { while (…) … }; _ = Task.Run(loop);</c>) is a background loop, as one written in <c>Task.Run(…)</c> is; a loop
/// lambda kept in a local that the body only awaits itself is not.
/// </summary>
public class BackgroundLoopKeptInALocalTests
{
    private const string Publisher = PathVerifier.MastodonPublisher;

    [Fact]
    public Task A_loop_lambda_kept_in_a_local_then_started_with_Task_Run_is_a_background_loop()
        => PathVerifier.VerifyAsync(Publisher + """
            class Ticker(Poster poster)
            {
                public void Start(CancellationToken ct)
                {
                    Func<Task> loop = async () {|#0:=>|}
                    {
                        while (!ct.IsCancellationRequested)
                        {
                            await poster.Post("tick");
                            await Task.Delay(1000, ct);
                        }
                    };
                    _ = Task.Run(loop);
                }
            }
            """,
            [],
            Unattended(0, "the background loop in Ticker.Start", "background loop → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task A_loop_lambda_kept_in_a_local_and_awaited_in_place_is_not_a_background_loop()
        => PathVerifier.VerifyAsync(Publisher + """
            class Ticker(Poster poster)
            {
                public async Task Start(CancellationToken ct)
                {
                    Func<Task> loop = async () =>
                    {
                        while (!ct.IsCancellationRequested)
                        {
                            await poster.Post("tick");
                            await Task.Delay(1000, ct);
                        }
                    };
                    await loop();
                }
            }
            """,
            []);
}
