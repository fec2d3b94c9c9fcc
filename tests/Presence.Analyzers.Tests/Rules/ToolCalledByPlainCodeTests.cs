using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// A method handed to an agent as a wrapped tool is judged as the tool, unless plain code calls that very method too:
/// then its publish is PRES001 for that caller. What counts is a call of the method itself (from a lambda, through
/// <c>this.</c>, from another file of a partial class), not a method that only shares its name, an overload, or the
/// tool's name taken with <c>nameof</c>, nor the tool calling itself.
/// </summary>
public class ToolCalledByPlainCodeTests
{
    private const string Tools = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.AI;
        using Telegram.Bot;

        public sealed class Agent(IChatClient inner, ChannelTools channel)
        {
            public Task<ChatResponse> RunAsync(string brief, CancellationToken ct)
            {
                var post = new ApprovalRequiredAIFunction(AIFunctionFactory.Create(channel.PostToChannelAsync, nameof(channel.PostToChannelAsync)));
                return inner.GetResponseAsync(brief, new ChatOptions { Tools = [post] }, ct);
            }
        }

        """;

    private const string Send = "Posts to Telegram through 'ITelegramBotClient.SendMessage' (message to a chat or channel (sendMessage))";

    [Fact]
    public Task A_method_of_the_same_name_in_another_class_called_directly_leaves_the_tool_alone()
        => PathVerifier.VerifyAsync(Tools + """
            public sealed class ChannelTools(ITelegramBotClient bot)
            {
                public Task PostToChannelAsync(string text) => bot.SendMessage("@acme_news", text);
            }

            public sealed class Drafts
            {
                public Task PostToChannelAsync(string text) => Task.CompletedTask;
            }

            public static class Program
            {
                public static Task Main() => new Drafts().PostToChannelAsync("We are closed today.");
            }
            """,
            [PathVerifier.Telegram, .. PathVerifier.Ai]);

    [Fact]
    public Task An_overload_called_directly_leaves_the_tool_alone()
        => PathVerifier.VerifyAsync(Tools.Replace("Create(channel.PostToChannelAsync", "Create((Func<string, Task>)channel.PostToChannelAsync") + """
            public sealed class ChannelTools(ITelegramBotClient bot)
            {
                public Task PostToChannelAsync(string text) => bot.SendMessage("@acme_news", text);

                public Task PostToChannelAsync(string text, int times) => Task.CompletedTask;
            }

            public static class Program
            {
                public static Task Main(string[] args) => new ChannelTools(new TelegramBotClient(args[0])).PostToChannelAsync("We are closed today.", 2);
            }
            """,
            [PathVerifier.Telegram, .. PathVerifier.Ai]);

    [Fact]
    public Task The_tools_name_taken_with_nameof_is_no_call()
        => PathVerifier.VerifyAsync(Tools + """
            public sealed class ChannelTools(ITelegramBotClient bot)
            {
                public Task PostToChannelAsync(string text) => bot.SendMessage("@acme_news", text);
            }

            public static class Log
            {
                public static void Registered(ChannelTools tools) => Console.WriteLine("tool: " + nameof(tools.PostToChannelAsync));
            }
            """,
            [PathVerifier.Telegram, .. PathVerifier.Ai]);

    [Fact]
    public Task A_tool_that_calls_itself_for_the_rest_of_a_thread_is_still_only_the_tool()
        => PathVerifier.VerifyAsync(Tools + """
            public sealed class ChannelTools(ITelegramBotClient bot)
            {
                public async Task PostToChannelAsync(string text)
                {
                    await bot.SendMessage("@acme_news", text.Length > 4000 ? text.Substring(0, 4000) : text);
                    if (text.Length > 4000)
                    {
                        await PostToChannelAsync(text.Substring(4000));
                    }
                }
            }
            """,
            [PathVerifier.Telegram, .. PathVerifier.Ai]);

    [Fact]
    public Task A_call_inside_a_lambda_is_a_call_by_plain_code()
        => PathVerifier.VerifyAsync(Tools + """
            public sealed class ChannelTools(ITelegramBotClient bot)
            {
                public Task PostToChannelAsync(string text) => {|#0:bot.SendMessage("@acme_news", text)|};
            }

            public static class Program
            {
                public static async Task Main(string[] args)
                {
                    var channel = new ChannelTools(new TelegramBotClient(args[0]));
                    Func<string, Task> post = text => channel.PostToChannelAsync(text);
                    await post("We are closed today.");
                }
            }
            """,
            [PathVerifier.Telegram, .. PathVerifier.Ai],
            PathVerifier.Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithLocation(0).WithArguments(Send, "PostToChannelAsync"));

    [Fact]
    public Task A_call_through_this_is_a_call_by_plain_code()
        => PathVerifier.VerifyAsync(Tools + """
            public sealed class ChannelTools(ITelegramBotClient bot)
            {
                public Task PostToChannelAsync(string text) => {|#0:bot.SendMessage("@acme_news", text)|};

                public Task CloseAsync() => this.PostToChannelAsync("We are closed today.");
            }
            """,
            [PathVerifier.Telegram, .. PathVerifier.Ai],
            PathVerifier.Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithLocation(0).WithArguments(Send, "PostToChannelAsync"));

    [Fact]
    public Task A_call_from_another_file_of_a_partial_class_is_a_call_by_plain_code()
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test();
        test.TestState.Sources.Add(("Tools.cs", Tools + """
            public sealed partial class ChannelTools(ITelegramBotClient bot)
            {
                public Task PostToChannelAsync(string text) => {|#0:bot.SendMessage("@acme_news", text)|};
            }
            """));
        test.TestState.Sources.Add(("Closing.cs", """
            using System.Threading.Tasks;

            public sealed partial class ChannelTools
            {
                public Task CloseAsync() => PostToChannelAsync("We are closed today.");
            }
            """));
        test.TestState.AdditionalReferences.Add(PathVerifier.Telegram);
        test.TestState.AdditionalReferences.AddRange(PathVerifier.Ai);
        test.ExpectedDiagnostics.Add(PathVerifier.Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithLocation(0).WithArguments(Send, "PostToChannelAsync"));
        return test.RunAsync();
    }

    [Fact]
    public Task A_method_group_handed_on_by_plain_code_is_a_use_by_plain_code()
        => PathVerifier.VerifyAsync(Tools + """
            public sealed class ChannelTools(ITelegramBotClient bot)
            {
                public Task PostToChannelAsync(string text) => {|#0:bot.SendMessage("@acme_news", text)|};
            }

            public static class Program
            {
                public static Task Run(Func<string, Task> post) => post("We are closed today.");

                public static Task Main(string[] args) => Run(new ChannelTools(new TelegramBotClient(args[0])).PostToChannelAsync);
            }
            """,
            [PathVerifier.Telegram, .. PathVerifier.Ai],
            PathVerifier.Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithLocation(0).WithArguments(Send, "PostToChannelAsync"));
}
