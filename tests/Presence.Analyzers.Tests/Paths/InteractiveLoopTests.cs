using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;
using static Presence.Analyzers.Tests.Verifiers.PathVerifier;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A loop that waits each round for what a person types at the console is interactive, not a daemon, whatever it
/// sleeps between rounds (a rate limit): its publish is PRES001 (the typing is no confirmation), never PRES002.
/// </summary>
public class InteractiveLoopTests
{
    private const string Library = """
        using System;
        using System.IO;
        using System.Threading.Tasks;
        using Presence;

        [PublishesContent("Mastodon")]
        public interface IPoster { Task Post(string t); }
        public sealed class ConsolePoster : IPoster { public Task Post(string t) => Task.CompletedTask; }
        """;

    private static Task VerifyProgramAsync(string program, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test();
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.TestState.Sources.Add(("/0/Program.cs", program));
        test.TestState.Sources.Add(("/0/Library.cs", Library));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult Unconfirmed(int location)
        => Diagnostic(PresenceDiagnostics.UnconfirmedPublishWithoutCallers).WithLocation(location).WithArguments("Posts to Mastodon through 'IPoster.Post'", "the top-level program");

    [Theory]
    [InlineData("Console.ReadLine()")]
    [InlineData("await Console.In.ReadLineAsync()")]
    [InlineData("Console.ReadKey().KeyChar.ToString()")]
    public Task A_loop_that_waits_for_what_a_person_types_is_no_daemon(string read)
        => VerifyProgramAsync("""
            using System;
            using System.Threading.Tasks;

            IPoster poster = new ConsolePoster();
            while (true)
            {
                var text = READ;
                if (string.IsNullOrWhiteSpace(text)) { await Task.Delay(200); continue; }
                await {|#0:poster.Post(text)|};
                await Task.Delay(TimeSpan.FromSeconds(1)); // stay under the rate limit
            }
            """.Replace("READ", read),
            Unconfirmed(0));

    [Fact]
    public Task A_loop_that_reads_a_file_or_a_feed_is_still_a_daemon()
        => VerifyProgramAsync("""
            using System;
            using System.IO;
            using System.Threading.Tasks;

            IPoster poster = new ConsolePoster();
            using var reader = new StreamReader("/srv/queue.txt");
            {|#0:while|} (true)
            {
                var text = reader.ReadLine();
                if (text is not null) await poster.Post(text);
                await Task.Delay(TimeSpan.FromMinutes(1));
            }
            """,
            Unattended(0, "the top-level program (a daemon loop)", "the top-level program → IPoster.Post"));

    // A prompt in a callback the loop only registers is not the loop waiting for a person.
    [Fact]
    public Task A_console_read_outside_the_loops_own_body_does_not_make_it_interactive()
        => VerifyProgramAsync("""
            using System;
            using System.Threading.Tasks;

            IPoster poster = new ConsolePoster();
            Func<string?> ask = () => Console.ReadLine();
            {|#0:while|} (true)
            {
                Func<string?> later = () => Console.ReadLine();
                await poster.Post("hourly update");
                await Task.Delay(TimeSpan.FromHours(1));
            }
            """,
            Unattended(0, "the top-level program (a daemon loop)", "the top-level program → IPoster.Post"));
}
