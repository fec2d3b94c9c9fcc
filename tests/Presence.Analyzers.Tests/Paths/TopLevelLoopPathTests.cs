using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;
using static Presence.Analyzers.Tests.Verifiers.PathVerifier;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A top-level program's daemon loop is reported with the path the loop runs: a publish the program makes once before
/// the loop, or a handler it registers there, is not the loop's (PRES001 at the publish; the handler's own PRES002).
/// </summary>
public class TopLevelLoopPathTests
{
    private const string Library = """
        using System;
        using System.Threading.Tasks;
        using Presence;

        [PublishesContent("Telegram")]
        public interface IChannelPoster { Task Text(string t); void Photo(string path); }
        public sealed class ConsolePoster : IChannelPoster { public Task Text(string t) => Task.CompletedTask; public void Photo(string p) { } }
        public static class Review { [HumanConfirmation] public static bool Ask(string t) => Console.ReadLine() == "y"; }
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

    [Fact]
    public Task A_confirmed_loop_is_clean_and_what_the_program_does_before_it_is_not_the_loops()
        => VerifyProgramAsync("""
            using System;
            using System.IO;
            using System.Threading.Tasks;

            IChannelPoster poster = new ConsolePoster();
            using var watcher = new FileSystemWatcher("/srv/drop") { EnableRaisingEvents = true };
            watcher.Created += (_, e) {|#0:=>|} poster.Photo(e.FullPath);
            await {|#1:poster.Text("starting")|};

            while (true)
            {
                if (Review.Ask("hourly update")) await poster.Text("hourly update");
                await Task.Delay(TimeSpan.FromHours(1));
            }
            """,
            Unattended(0, "the file watcher handler in the top-level program", "file watcher handler → IChannelPoster.Photo"),
            Diagnostic(PresenceDiagnostics.UnconfirmedPublishWithoutCallers).WithLocation(1).WithArguments("Posts to Telegram through 'IChannelPoster.Text'", "the top-level program"));

    [Fact]
    public Task An_unconfirmed_loop_is_reported_with_the_publish_in_the_loop()
        => VerifyProgramAsync("""
            using System;
            using System.IO;
            using System.Threading.Tasks;

            IChannelPoster poster = new ConsolePoster();
            using var watcher = new FileSystemWatcher("/srv/drop") { EnableRaisingEvents = true };
            watcher.Created += (_, e) {|#0:=>|} poster.Photo(e.FullPath);

            {|#1:while|} (true)
            {
                await poster.Text("hourly update");
                await Task.Delay(TimeSpan.FromHours(1));
            }
            """,
            Unattended(0, "the file watcher handler in the top-level program", "file watcher handler → IChannelPoster.Photo"),
            Unattended(1, "the top-level program (a daemon loop)", "the top-level program → IChannelPoster.Text"));
}
