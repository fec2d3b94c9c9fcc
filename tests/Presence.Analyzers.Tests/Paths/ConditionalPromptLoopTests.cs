using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;
using static Presence.Analyzers.Tests.Verifiers.PathVerifier;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A loop is interactive only when each round waits for a person: a prompt asked behind a flag, a counter or a
/// branch leaves rounds that run with nobody there, and the loop stays a daemon loop (PRES002). A read at the top of
/// each round, or in the loop's condition, keeps it interactive (PRES001 at the publish, or nothing when confirmed).
/// </summary>
public class ConditionalPromptLoopTests
{
    private const string Usings = """
        using System;
        using System.IO;
        using System.Linq;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;
        using Spectre.Console;

        """;

    private const string Path = "the top-level program → HttpClient.PostAsJsonAsync (POST https://mastodon.social/api/v1/statuses)";

    private static Task VerifyProgramAsync(string program, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test();
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.TestState.Sources.Add(("/0/Program.cs", Usings + program));
        test.TestState.AdditionalReferences.Add(TestReferences.FromType<Spectre.Console.ConfirmationPrompt>());
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Theory]
    [InlineData("if (confirm && !AnsiConsole.Confirm(\"Post the hourly status?\")) continue;")]
    [InlineData("if (++round % 24 == 0 && AnsiConsole.Confirm(\"Rotate the log file?\")) File.Delete(\"poster.log\");")]
    [InlineData("if (round++ % 24 == 0) { var answer = Console.ReadLine(); }")]
    [InlineData("var answer = confirm ? Console.ReadLine() : \"y\";")]
    [InlineData("var answer = args.FirstOrDefault() ?? Console.ReadLine();")]
    [InlineData("foreach (var pending in Array.Empty<string>()) Console.ReadKey();")]
    public Task A_prompt_not_asked_every_round_leaves_a_daemon_loop(string prompt)
        => VerifyProgramAsync("""
            var http = new HttpClient();
            var confirm = args.Contains("--confirm");
            var round = 0;
            {|#0:while|} (true)
            {
                await Task.Delay(TimeSpan.FromHours(1));
                PROMPT
                await http.PostAsJsonAsync("https://mastodon.social/api/v1/statuses", new { status = "hourly" });
            }
            """.Replace("PROMPT", prompt),
            Unattended(0, "the top-level program (a daemon loop)", Path));

    [Fact]
    public Task A_prompt_behind_a_flag_in_a_local_functions_loop_leaves_a_daemon_loop()
        => VerifyProgramAsync("""
            var http = new HttpClient();
            await OptionalConfirmLoop(http, args.Contains("--confirm"));

            static async Task OptionalConfirmLoop(HttpClient http, bool confirm)
            {
                {|#0:while|} (true)
                {
                    await Task.Delay(TimeSpan.FromHours(1));
                    if (confirm && !AnsiConsole.Confirm("Post the hourly status?")) continue;
                    await http.PostAsJsonAsync("https://mastodon.social/api/v1/statuses", new { status = "hourly" });
                }
            }
            """,
            Unattended(0, "the top-level program (a daemon loop)", Path));

    [Theory]
    [InlineData("var text = Console.ReadLine();")]
    [InlineData("var text = AnsiConsole.Ask<string>(\"Status text?\");")]
    [InlineData("try { var text = Console.ReadLine(); } catch (IOException) { }")]
    [InlineData("if (Console.ReadKey().Key == ConsoleKey.Q) { }")]
    public Task A_prompt_asked_every_round_keeps_the_loop_interactive(string prompt)
        => VerifyProgramAsync("""
            var http = new HttpClient();
            while (true)
            {
                PROMPT
                await {|PRES001:http.PostAsJsonAsync("https://mastodon.social/api/v1/statuses", new { status = "typed" })|};
                await Task.Delay(TimeSpan.FromSeconds(1)); // stay under the rate limit
            }
            """.Replace("PROMPT", prompt));

    [Fact]
    public Task A_loop_over_what_a_person_types_is_no_daemon()
        => VerifyProgramAsync("""
            var http = new HttpClient();
            string? line;
            while ((line = Console.ReadLine()) != null)
            {
                await {|PRES001:http.PostAsJsonAsync("https://mastodon.social/api/v1/statuses", new { status = line })|};
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
            """);

    [Fact]
    public Task A_spectre_confirmation_at_the_top_of_each_round_is_clean()
        => VerifyProgramAsync("""
            var http = new HttpClient();
            while (true)
            {
                await Task.Delay(TimeSpan.FromHours(1));
                if (!AnsiConsole.Confirm("Post the hourly status?")) continue;
                await http.PostAsJsonAsync("https://mastodon.social/api/v1/statuses", new { status = "hourly" });
            }
            """);
}
