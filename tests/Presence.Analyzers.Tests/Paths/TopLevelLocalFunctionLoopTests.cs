using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;
using static Presence.Analyzers.Tests.Verifiers.PathVerifier;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// Local functions belong to the program around them: a top-level daemon loop that posts through a local function,
/// and a daemon loop written in a local function the program calls, are the program's daemon loop (PRES002), as they
/// are in a static Main. What the program does once outside its loops, and a retry loop, are not.
/// </summary>
public class TopLevelLocalFunctionLoopTests
{
    private const string Usings = """
        using System;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;

        """;

    private const string Path = "the top-level program → HttpClient.PostAsJsonAsync (POST https://mastodon.social/api/v1/statuses)";

    private static Task VerifyProgramAsync(string program, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test();
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.TestState.Sources.Add(("/0/Program.cs", Usings + program));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task A_top_level_loop_that_posts_through_a_static_local_function_is_a_daemon_loop()
        => VerifyProgramAsync("""
            var http = new HttpClient();
            {|#0:while|} (true)
            {
                await Post(http, "hourly");
                await Task.Delay(TimeSpan.FromHours(1));
            }

            static Task Post(HttpClient http, string text) => http.PostAsJsonAsync("https://mastodon.social/api/v1/statuses", new { status = text });
            """,
            Unattended(0, "the top-level program (a daemon loop)", Path));

    [Fact]
    public Task A_top_level_loop_that_posts_through_local_functions_calling_each_other_is_a_daemon_loop()
        => VerifyProgramAsync("""
            var http = new HttpClient();
            {|#0:while|} (true)
            {
                await Round("hourly");
                await Task.Delay(TimeSpan.FromHours(1));
            }

            Task Round(string text) => Post(text + "!");
            Task Post(string text) => http.PostAsJsonAsync("https://mastodon.social/api/v1/statuses", new { status = text });
            """,
            Unattended(0, "the top-level program (a daemon loop)", Path));

    [Fact]
    public Task Daemon_loops_in_local_functions_the_program_calls_are_the_programs()
        => VerifyProgramAsync("""
            using System.IO;

            var http = new HttpClient();
            if (args.Length > 0) await WithReadLine(http); else await WithReadToEnd(http);

            static async Task WithReadLine(HttpClient http)
            {
                {|#0:while|} (true)
                {
                    using var reader = new StreamReader(await http.GetStreamAsync("https://example.org/next-tip.txt"));
                    var tip = await reader.ReadLineAsync();
                    await http.PostAsJsonAsync("https://mastodon.social/api/v1/statuses", new { status = tip });
                    await Task.Delay(TimeSpan.FromHours(6));
                }
            }

            static async Task WithReadToEnd(HttpClient http)
            {
                while (true)
                {
                    using var reader = new StreamReader(await http.GetStreamAsync("https://example.org/next-tip.txt"));
                    var tip = await reader.ReadToEndAsync();
                    await http.PostAsJsonAsync("https://mastodon.social/api/v1/statuses", new { status = tip });
                    await Task.Delay(TimeSpan.FromHours(6));
                }
            }
            """,
            Unattended(0, "the top-level program (a daemon loop)", Path));

    [Fact]
    public Task A_local_function_loop_in_Main_is_Mains_daemon_loop()
        => VerifyProgramAsync("""
            static class Program
            {
                static async Task {|#0:Main|}()
                {
                    var http = new HttpClient();
                    await Loop();

                    async Task Loop()
                    {
                        while (true)
                        {
                            await http.PostAsJsonAsync("https://mastodon.social/api/v1/statuses", new { status = "tick" });
                            await Task.Delay(TimeSpan.FromHours(1));
                        }
                    }
                }
            }
            """,
            Unattended(0, "Program.Main (a daemon loop)", "Program.Main → HttpClient.PostAsJsonAsync (POST https://mastodon.social/api/v1/statuses)"));

    [Fact]
    public Task A_local_function_the_program_calls_once_outside_its_loop_is_not_the_loops()
        => VerifyProgramAsync("""
            var http = new HttpClient();
            await Announce("starting");
            while (true)
            {
                await Poll();
                await Task.Delay(TimeSpan.FromMinutes(5));
            }

            Task Announce(string text) => {|PRES001:http.PostAsJsonAsync("https://mastodon.social/api/v1/statuses", new { status = text })|};
            Task Poll() => http.GetStringAsync("https://example.org/health");
            """);

    // A local function nothing calls never runs (the compiler warns, CS8321): its loop is no daemon of the program.
    [Fact]
    public Task A_daemon_loop_in_a_local_function_nothing_calls_is_not_the_programs()
        => VerifyProgramAsync("""
            var http = new HttpClient();
            await http.GetStringAsync("https://example.org/health");

            #pragma warning disable CS8321
            async Task Hourly()
            {
                while (true)
                {
                    await {|PRES001:http.PostAsJsonAsync("https://mastodon.social/api/v1/statuses", new { status = "tick" })|};
                    await Task.Delay(TimeSpan.FromHours(1));
                }
            }
            """);

    [Fact]
    public Task A_retry_loop_in_a_local_function_is_no_daemon_loop()
        => VerifyProgramAsync("""
            var http = new HttpClient();
            await PostWithRetry("release notes");

            async Task PostWithRetry(string text)
            {
                while (true)
                {
                    var response = await {|PRES001:http.PostAsJsonAsync("https://mastodon.social/api/v1/statuses", new { status = text })|};
                    if (response.IsSuccessStatusCode) return;
                    await Task.Delay(TimeSpan.FromSeconds(30));
                }
            }
            """);
}
