using System.Threading.Tasks;
using Presence.Analyzers.Tests.Verifiers;
using Xunit;
using static Presence.Analyzers.Tests.Verifiers.PathVerifier;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A callback that runs a delegate kept in a local of the method that registers it (<c>Func&lt;Task&gt; post = async () =&gt; …;
/// new Timer(_ =&gt; post().Wait(), …)</c>, <c>var post = …; timer.Elapsed += async (s, e) =&gt; await post();</c>) runs
/// what the local was given, as one that runs a field's delegate does: a lambda's calls, or a method group. Every
/// lambda or method group the local is given counts (one that publishes makes it a path); a local run only where it
/// is declared, one given nothing that publishes, or one also given a value the code does not show, is not followed.
/// </summary>
public class CallbackRunningACapturedLocalTests
{
    private const string Publisher = PathVerifier.MastodonPublisher;

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Timer(int location, string path = "timer callback → Poster.Post → IMastodonPublisher.PublishStatus")
        => Unattended(location, "the timer callback in Ticker.Start", path);

    [Fact]
    public Task A_timer_callback_that_runs_a_local_lambda_is_reported()
        => PathVerifier.VerifyAsync(Publisher + """
            class Ticker(Poster poster)
            {
                private Timer? _timer;

                public void Start()
                {
                    Func<Task> post = async () => await poster.Post("tick");
                    _timer = new Timer(_ {|#0:=>|} post().Wait(), null, 0, 60_000);
                }
            }
            """,
            [],
            Timer(0));

    [Fact]
    public Task An_elapsed_handler_that_runs_a_local_of_the_lambda_s_own_type_is_reported()
        => PathVerifier.VerifyAsync(Publisher + """
            class Ticker(Poster poster)
            {
                public void Start(System.Timers.Timer timer)
                {
                    var post = async () => await poster.Post("tick");
                    timer.Elapsed += async (s, e) {|#0:=>|} await post();
                }
            }
            """,
            [],
            Timer(0));

    [Fact]
    public Task A_callback_that_runs_a_local_given_a_method_group_is_reported()
        => PathVerifier.VerifyAsync(Publisher + """
            class Ticker(Poster poster)
            {
                public void Start(System.Timers.Timer timer)
                {
                    Func<string, Task> post = poster.Post;
                    timer.Elapsed += async (s, e) {|#0:=>|} await post?.Invoke("tick")!;
                }
            }
            """,
            [],
            Timer(0, "timer callback → Poster.Post → IMastodonPublisher.PublishStatus"));

    [Fact]
    public Task A_local_given_a_quiet_lambda_and_then_one_that_publishes_is_reported()
        => PathVerifier.VerifyAsync(Publisher + """
            class Ticker(Poster poster)
            {
                public void Start(System.Timers.Timer timer, bool live)
                {
                    Func<Task> post = () => Task.CompletedTask;
                    if (live)
                    {
                        post = async () => await poster.Post("tick");
                    }

                    timer.Elapsed += async (s, e) {|#0:=>|} await post();
                }
            }
            """,
            [],
            Timer(0));

    [Fact]
    public Task A_local_run_only_where_it_is_declared_or_given_nothing_that_publishes_or_also_a_parameter_is_not_followed()
        => PathVerifier.VerifyAsync(Publisher + """
            class Ticker(Poster poster)
            {
                public async Task Start(System.Timers.Timer timer, Func<Task> given)
                {
                    Func<Task> post = async () => await poster.Post("now");
                    await post();

                    Func<Task> log = () => { Console.WriteLine("tick"); return Task.CompletedTask; };
                    timer.Elapsed += async (s, e) => await log();

                    Func<Task> either = given;
                    either = async () => await poster.Post("maybe");
                    timer.Elapsed += async (s, e) => await either();
                }
            }
            """,
            []);
}
