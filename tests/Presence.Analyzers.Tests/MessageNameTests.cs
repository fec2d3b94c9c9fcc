using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Presence.Analyzers.Tests.Fuzzing;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests;

/// <summary>
/// Messages speak the user's language: no diagnostic of any rule, over every source the tests have (and programs
/// written with top-level statements), names something a user cannot type: '&lt;Main&gt;$', a lambda's or local
/// function's generated name, a display class.
/// </summary>
public class MessageNameTests
{
    // '<Main>$', '<>c__DisplayClass', '<Run>b__0_0', 'g__Local|1_0', '<lambda>'.
    private static readonly Regex CompilerName = new(@"\$|<>|<[A-Za-z_][A-Za-z0-9_]*>[a-z]__|[a-z]__[A-Za-z]+\||<lambda", RegexOptions.CultureInvariant);

    // Top-level programs (console apps, minimal APIs, workers) and lambdas: where compiler names come from.
    private static readonly string[] Programs =
    [
        """
        using System;
        using System.Threading.Tasks;
        using Presence;

        IPublisher publisher = null!;
        await publisher.PublishAsync("hello once");
        Func<Task> later = () => publisher.PublishAsync("from a lambda");
        await later();
        async Task Local() => await publisher.PublishAsync("from a local function");
        await Local();
        Hangfire.RecurringJob.AddOrUpdate("tip", () => publisher.PublishAsync("tip"), Hangfire.Cron.Daily());
        while (true)
        {
            await publisher.PublishAsync("tick");
            await Task.Delay(TimeSpan.FromHours(1));
        }

        [PublishesContent("Mastodon")]
        public interface IPublisher { Task PublishAsync(string text); }
        """,
        """
        using System;
        using System.Threading.Tasks;
        using Presence;
        using Telegram.Bot;

        var bot = new TelegramBotClient("token");
        bot.OnMessage += async (message, type) => await bot.SendMessage("@news_channel", message.Text ?? "");
        await bot.SendMessage("@news_channel", "started");
        static async Task Announce(ITelegramBotClient client) => await client.SendMessage("@news_channel", "hi");
        await Announce(bot);
        """,
    ];

    [Fact]
    public async Task No_message_of_any_rule_names_what_a_user_cannot_type()
    {
        var inputs = FuzzInputs.All.Select(input => (input.Name, input.Sources, input.References, input.Options))
            .Concat(Programs.Select((program, i) => ($"program#{i}", ImmutableArray.Create(program), FuzzInputs.TestPackages, (string?)null)))
            .ToList();
        var offending = new List<string>();
        var reported = 0;
        foreach (var (name, sources, references, options) in inputs)
        {
            var compilation = AllAnalyzers.Compilation(sources, references).WithOptions(new CSharpCompilationOptions(
                name.StartsWith("program#", StringComparison.Ordinal) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable));
            var (diagnostics, failures) = await AllAnalyzers.RunAsync(compilation, TestConfigOptions.Parse(options));
            Assert.Empty(failures);
            foreach (var diagnostic in diagnostics.Where(d => d.Id.StartsWith("PRES", StringComparison.Ordinal)))
            {
                reported++;
                var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
                if (CompilerName.IsMatch(message))
                {
                    offending.Add($"{name}: {diagnostic.Id}: {message}");
                }
            }
        }

        Assert.True(reported > 100, $"the corpus should exercise the rules; it gave {reported} diagnostics");
        Assert.Empty(offending);
    }

    [Fact]
    public void The_check_recognises_compiler_names()
    {
        Assert.Matches(CompilerName, "declare [RequiresHumanApproval] on '<Main>$' so that its callers confirm");
        Assert.Matches(CompilerName, "Program.<<Main>$>g__Local|0_0 → IPublisher.PublishAsync");
        Assert.Matches(CompilerName, "<Run>b__0_0");
        Assert.DoesNotMatch(CompilerName, "keeps an Approved<Post> for later");
        Assert.DoesNotMatch(CompilerName, "the endpoint lambda for POST /drafts/{id}/publish");
    }
}
