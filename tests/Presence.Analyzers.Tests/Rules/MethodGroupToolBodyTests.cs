using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// A method handed to an agent as a tool by a method group is the tool: its own send is judged with the tool (PRES008 at
/// the registration), as a lambda tool's is, not also as a PRES001 of its own. The same send in a method nobody hands to
/// an agent, or in a helper the tool calls, stays PRES001.
/// </summary>
public class MethodGroupToolBodyTests
{
    [Fact]
    public Task A_method_group_tools_own_send_is_judged_with_the_tool()
        => PathVerifier.VerifyAsync("""
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using Telegram.Bot;

            public sealed class ChannelTools(ITelegramBotClient bot)
            {
                public async Task<string> PostAsync(string text)
                {
                    var sent = await bot.SendMessage("@acme_news", text);
                    return $"posted #{sent.Id}";
                }

                public async Task AnnounceAsync(string text) => await Send(text);

                private Task Send(string text) => {|#2:bot.SendMessage("@acme_news", text)|};
            }

            public sealed class NewsDesk(ITelegramBotClient bot)
            {
                public async Task<string> PostAsync(string text)
                {
                    var sent = await {|#3:bot.SendMessage("@acme_news", text)|};
                    return $"posted #{sent.Id}";
                }
            }

            public static class Agent
            {
                public static ChatOptions Options(ChannelTools tools) => new()
                {
                    Tools = [{|#0:AIFunctionFactory.Create(tools.PostAsync)|}, {|#1:AIFunctionFactory.Create(tools.AnnounceAsync)|}],
                };
            }
            """,
            [PathVerifier.Telegram, .. PathVerifier.Ai],
            PathVerifier.Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithLocation(2).WithArguments("Posts to Telegram through 'ITelegramBotClient.SendMessage' (message to a chat or channel (sendMessage))", "Send"),
            PathVerifier.Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithLocation(3).WithArguments("Posts to Telegram through 'ITelegramBotClient.SendMessage' (message to a chat or channel (sendMessage))", "PostAsync"),
            PathVerifier.Diagnostic(PresenceDiagnostics.MachineWrittenUnreviewedAtEnd).WithLocation(0).WithArguments(
                "An AI agent is given 'ChannelTools.PostAsync' as a tool, which publishes: ChannelTools.PostAsync → ITelegramBotClient.SendMessage",
                "wrap it in ApprovalRequiredAIFunction so that a person approves each call (around the Create call, around a local that holds it, or in a helper or a Select that returns every tool wrapped)").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
            PathVerifier.Diagnostic(PresenceDiagnostics.MachineWrittenUnreviewedAtEnd).WithLocation(1).WithArguments(
                "An AI agent is given 'ChannelTools.AnnounceAsync' as a tool, which publishes: ChannelTools.AnnounceAsync → ChannelTools.Send → ITelegramBotClient.SendMessage",
                "wrap it in ApprovalRequiredAIFunction so that a person approves each call (around the Create call, around a local that holds it, or in a helper or a Select that returns every tool wrapped)").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
}
