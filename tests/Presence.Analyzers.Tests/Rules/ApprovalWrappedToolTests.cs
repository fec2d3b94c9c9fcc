using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// A tool wrapped in ApprovalRequiredAIFunction runs only after a person approves the call: it is no PRES008, and no step
/// of an unattended path, however the wrapping is written (around the Create call, through a local, a helper that returns
/// its argument wrapped, or a Select over the tools). Being a wrapped tool exempts only the agent's calls of the method:
/// its publish stays PRES001 when plain code calls it too.
/// </summary>
public class ApprovalWrappedToolTests
{
    private const string ChannelTools = """
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.AI;
        using Telegram.Bot;

        public sealed class ChannelTools(ITelegramBotClient bot)
        {
            public Task PostToChannelAsync(string text) => bot.SendMessage("@acme_news", text);
        }

        """;

    private const string Advice = "wrap it in ApprovalRequiredAIFunction so that a person approves each call (around the Create call, around a local that holds it, or in a helper or a Select that returns every tool wrapped)";

    [Fact]
    public Task A_hosted_service_that_runs_an_agent_whose_publish_tool_is_wrapped_publishes_nothing_unattended()
        => PathVerifier.VerifyAsync(ChannelTools + """
            public sealed class Agent(IChatClient inner, ChannelTools channel)
            {
                public Task<ChatResponse> RunAsync(string brief, CancellationToken ct)
                {
                    var post = new ApprovalRequiredAIFunction(AIFunctionFactory.Create(channel.PostToChannelAsync));
                    return inner.GetResponseAsync(brief, new ChatOptions { Tools = [post] }, ct);
                }

                public Task<ChatResponse> RunWrappedInPlaceAsync(string brief, CancellationToken ct)
                    => inner.GetResponseAsync(brief, new ChatOptions { Tools = [new ApprovalRequiredAIFunction(AIFunctionFactory.Create((string text) => channel.PostToChannelAsync(text)))] }, ct);
            }

            public sealed class AgentWorker(Agent agent) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    await agent.RunAsync("Share today's news", stoppingToken);
                    await agent.RunWrappedInPlaceAsync("Share today's news", stoppingToken);
                }
            }
            """,
            [PathVerifier.Telegram, .. PathVerifier.Ai, .. PathVerifier.Hosting]);

    [Fact]
    public Task An_unwrapped_tools_method_group_is_still_a_step_of_the_unattended_path()
        => PathVerifier.VerifyAsync(ChannelTools + """
            public sealed class Agent(IChatClient inner, ChannelTools channel)
            {
                public Task<ChatResponse> RunAsync(string brief, CancellationToken ct)
                    => inner.GetResponseAsync(brief, new ChatOptions { Tools = [{|#1:AIFunctionFactory.Create(channel.PostToChannelAsync)|}] }, ct);
            }

            public sealed class AgentWorker(Agent agent) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override Task {|#0:ExecuteAsync|}(CancellationToken stoppingToken) => agent.RunAsync("Share today's news", stoppingToken);
            }
            """,
            [PathVerifier.Telegram, .. PathVerifier.Ai, .. PathVerifier.Hosting],
            PathVerifier.Unattended(0, "AgentWorker.ExecuteAsync (a hosted service)", "AgentWorker.ExecuteAsync → Agent.RunAsync → ChannelTools.PostToChannelAsync → ITelegramBotClient.SendMessage"),
            PathVerifier.Diagnostic(PresenceDiagnostics.MachineWrittenUnreviewedAtEnd).WithLocation(1).WithArguments(
                "An AI agent is given 'ChannelTools.PostToChannelAsync' as a tool, which publishes: ChannelTools.PostToChannelAsync → ITelegramBotClient.SendMessage",
                Advice).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    [Fact]
    public Task A_tool_wrapped_by_a_helper_or_a_select_needs_no_other_approval()
        => PathVerifier.VerifyAsync(ChannelTools + """
            public static class ToolApproval
            {
                public static AIFunction RequireApproval(AIFunction f) => new ApprovalRequiredAIFunction(f);

                public static AITool Approved(this AIFunction f)
                {
                    return new ApprovalRequiredAIFunction(f);
                }

                public static AITool Wrapped(AIFunction f) => f is ApprovalRequiredAIFunction ? f : new ApprovalRequiredAIFunction(f);
            }

            public sealed class A(IChatClient c, ChannelTools ch)
            {
                public Task<ChatResponse> Run(string b) => c.GetResponseAsync(b,
                    new ChatOptions { Tools = [ToolApproval.RequireApproval(AIFunctionFactory.Create(ch.PostToChannelAsync))] });

                public Task<ChatResponse> RunExtension(string b)
                    => c.GetResponseAsync(b, new ChatOptions { Tools = [AIFunctionFactory.Create(ch.PostToChannelAsync).Approved()] });

                public Task<ChatResponse> RunLocal(string b)
                {
                    var raw = AIFunctionFactory.Create((string text) => ch.PostToChannelAsync(text));
                    return c.GetResponseAsync(b, new ChatOptions { Tools = [ToolApproval.RequireApproval(raw)] });
                }

                public Task<ChatResponse> RunAll(string b)
                {
                    AIFunction[] raw = [AIFunctionFactory.Create(ch.PostToChannelAsync)];
                    return c.GetResponseAsync(b, new ChatOptions { Tools = raw.Select(f => (AITool)new ApprovalRequiredAIFunction(f)).ToList() });
                }

                public Task<ChatResponse> RunAllList(string b)
                {
                    var raw = new List<AIFunction> { AIFunctionFactory.Create((string text) => ch.PostToChannelAsync(text)) };
                    return c.GetResponseAsync(b, new ChatOptions { Tools = [.. raw.Select(ToolApproval.RequireApproval)] });
                }

                public Task<ChatResponse> RunAllInPlace(string b)
                    => c.GetResponseAsync(b, new ChatOptions { Tools = new[] { AIFunctionFactory.Create(ch.PostToChannelAsync) }.Select(f => new ApprovalRequiredAIFunction(f)).ToList<AITool>() });

                public Task<ChatResponse> RunForEach(string b)
                {
                    AIFunction[] raw = [AIFunctionFactory.Create(ch.PostToChannelAsync)];
                    var tools = new List<AITool>();
                    foreach (var f in raw)
                    {
                        tools.Add(new ApprovalRequiredAIFunction(f));
                    }

                    return c.GetResponseAsync(b, new ChatOptions { Tools = tools });
                }

                public Task<ChatResponse> RunWrappedHelper(string b)
                    => c.GetResponseAsync(b, new ChatOptions { Tools = [ToolApproval.Wrapped(AIFunctionFactory.Create(ch.PostToChannelAsync))] });
            }
            """,
            [PathVerifier.Telegram, .. PathVerifier.Ai]);

    [Fact]
    public Task A_helper_or_select_that_does_not_wrap_every_tool_is_no_approval()
        => PathVerifier.VerifyAsync(ChannelTools + """
            public static class ToolApproval
            {
                public static AIFunction Named(AIFunction f) => f;

                public static AIFunction Sometimes(AIFunction f, bool approve) => approve ? new ApprovalRequiredAIFunction(f) : f;

                public static AIFunction Other(AIFunction f, AIFunction g) => new ApprovalRequiredAIFunction(g);
            }

            public sealed class A(IChatClient c, ChannelTools ch, AIFunction search)
            {
                public Task<ChatResponse> Run(string b) => c.GetResponseAsync(b,
                    new ChatOptions { Tools = [ToolApproval.Named({|#0:AIFunctionFactory.Create(ch.PostToChannelAsync)|}), ToolApproval.Sometimes({|#1:AIFunctionFactory.Create(ch.PostToChannelAsync)|}, false), ToolApproval.Other({|#2:AIFunctionFactory.Create(ch.PostToChannelAsync)|}, search)] });

                public Task<ChatResponse> RunAll(string b)
                {
                    AIFunction[] raw = [{|#3:AIFunctionFactory.Create(ch.PostToChannelAsync)|}];
                    return c.GetResponseAsync(b, new ChatOptions { Tools = raw.Select(f => (AITool)new ApprovalRequiredAIFunction(search)).ToList() });
                }

                public Task<ChatResponse> RunWhere(string b)
                {
                    AIFunction[] raw = [{|#4:AIFunctionFactory.Create(ch.PostToChannelAsync)|}];
                    return c.GetResponseAsync(b, new ChatOptions { Tools = raw.Where(f => f.Name != "x").Cast<AITool>().ToList() });
                }
            }
            """,
            [PathVerifier.Telegram, .. PathVerifier.Ai],
            Tool(0), Tool(1), Tool(2), Tool(3), Tool(4));

    [Fact]
    public Task A_wrapped_tools_method_called_directly_by_plain_code_is_still_PRES001()
        => PathVerifier.VerifyAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using Telegram.Bot;

            public sealed class ChannelTools(ITelegramBotClient bot)
            {
                public Task PostToChannelAsync(string text) => {|#0:bot.SendMessage("@acme_news", text)|};
            }

            public sealed class Agent(IChatClient inner, ChannelTools channel)
            {
                public Task<ChatResponse> RunAsync(string brief, CancellationToken ct)
                {
                    var post = new ApprovalRequiredAIFunction(AIFunctionFactory.Create(channel.PostToChannelAsync));
                    return inner.GetResponseAsync(brief, new ChatOptions { Tools = [post] }, ct);
                }
            }

            public static class Program
            {
                public static async Task Main(string[] args)
                {
                    var channel = new ChannelTools(new TelegramBotClient(args[0]));
                    await channel.PostToChannelAsync("We are closed today.");
                }
            }
            """,
            [PathVerifier.Telegram, .. PathVerifier.Ai],
            PathVerifier.Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithLocation(0).WithArguments("Posts to Telegram through 'ITelegramBotClient.SendMessage' (message to a chat or channel (sendMessage))", "PostToChannelAsync"));

    [Fact]
    public Task A_method_used_only_as_a_wrapped_tool_is_not_PRES001()
        => PathVerifier.VerifyAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using Telegram.Bot;

            public sealed class ChannelTools(ITelegramBotClient bot)
            {
                public Task PostToChannelAsync(string text) => bot.SendMessage("@acme_news", text);
            }

            public sealed class Agent(IChatClient inner, ChannelTools channel)
            {
                public Task<ChatResponse> RunAsync(string brief, CancellationToken ct)
                {
                    var post = new ApprovalRequiredAIFunction(AIFunctionFactory.Create(channel.PostToChannelAsync));
                    var again = new ApprovalRequiredAIFunction(AIFunctionFactory.Create(channel.PostToChannelAsync, "post_again"));
                    return inner.GetResponseAsync(brief, new ChatOptions { Tools = [post, again] }, ct);
                }
            }
            """,
            [PathVerifier.Telegram, .. PathVerifier.Ai]);

    private static DiagnosticResult Tool(int location)
        => PathVerifier.Diagnostic(PresenceDiagnostics.MachineWrittenUnreviewedAtEnd).WithLocation(location).WithArguments(
            "An AI agent is given 'ChannelTools.PostToChannelAsync' as a tool, which publishes: ChannelTools.PostToChannelAsync → ITelegramBotClient.SendMessage",
            Advice).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);
}
