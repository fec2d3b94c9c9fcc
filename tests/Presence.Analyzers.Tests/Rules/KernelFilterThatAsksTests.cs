using System.Threading.Tasks;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// A Semantic Kernel function filter stands for a person's approval of the kernel's publishing functions only when it
/// can stop the function: it asks a [HumanConfirmation], or runs <c>next</c> on some paths only (after an answer, a
/// stored approval, a check of the function). A filter that always runs <c>next</c> (timing, logging, telemetry) asks
/// nobody, and the publishing kernel function stays PRES008.
/// </summary>
public class KernelFilterThatAsksTests
{
    private const string Plugin = """
        using System;
        using System.Diagnostics;
        using System.Threading.Tasks;
        using Microsoft.SemanticKernel;
        using Presence;
        using Telegram.Bot;

        public sealed class TelegramPlugin(ITelegramBotClient bot)
        {
            [KernelFunction("post_to_telegram")]
            public async Task<string> {|#0:PostAsync|}(string text)
            {
                var m = await bot.SendMessage("@acme_news", text);
                return $"message {m.MessageId} posted";
            }
        }

        """;

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Reported(string filters)
        => PathVerifier.Diagnostic(PresenceDiagnostics.MachineWrittenUnreviewedAtEnd).WithLocation(0).WithArguments(
            "The Semantic Kernel function 'TelegramPlugin.PostAsync' publishes (Posts to Telegram through 'ITelegramBotClient.SendMessage' (message to a chat or channel (sendMessage)))",
            "an agent can call it, and no IFunctionInvocationFilter or IAutoFunctionInvocationFilter of this compilation asks a person first: " + filters
            + " always runs the function; let a filter ask (a [HumanConfirmation]) and call next only on yes");

    [Fact]
    public Task A_timing_or_logging_filter_asks_nobody()
        => PathVerifier.VerifyAsync(Plugin + """
            sealed class TimingFilter : IFunctionInvocationFilter
            {
                public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
                {
                    var sw = Stopwatch.StartNew();
                    try
                    {
                        await next(context);
                    }
                    catch (Exception e)
                    {
                        Console.Error.WriteLine(e.Message);
                        throw;
                    }
                    finally
                    {
                        Console.Error.WriteLine($"{context.Function.Name} took {sw.ElapsedMilliseconds} ms");
                    }
                }
            }

            sealed class LoggingFilter : IAutoFunctionInvocationFilter
            {
                public Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
                {
                    if (context.Function.Name.StartsWith("post", StringComparison.Ordinal))
                    {
                        Console.WriteLine("publishing");
                    }

                    return next(context);
                }
            }
            """,
            [PathVerifier.Telegram, .. PathVerifier.Ai],
            Reported("'LoggingFilter', 'TimingFilter'"));

    [Fact]
    public Task A_filter_that_asks_a_confirmation_or_runs_next_only_on_a_condition_counts()
        => Task.WhenAll(
            PathVerifier.VerifyAsync(Plugin + """
                public sealed class Review
                {
                    [HumanConfirmation]
                    public bool Approve(string what) { Console.WriteLine(what); return Console.ReadLine() is "y"; }
                }

                sealed class AskingFilter(Review review) : IFunctionInvocationFilter
                {
                    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
                    {
                        if (!review.Approve(context.Function.Name))
                        {
                            throw new InvalidOperationException("declined");
                        }

                        await next(context);
                    }
                }
                """,
                [PathVerifier.Telegram, .. PathVerifier.Ai]),
            PathVerifier.VerifyAsync(Plugin + """
                sealed class TimingFilter : IFunctionInvocationFilter
                {
                    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
                    {
                        var sw = Stopwatch.StartNew();
                        await next(context);
                        Console.Error.WriteLine(sw.ElapsedMilliseconds);
                    }
                }

                sealed class AskBeforePublishingFilter : IAutoFunctionInvocationFilter
                {
                    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
                    {
                        if (context.Function.Name == "post_to_telegram")
                        {
                            Console.WriteLine($"Allow {context.Arguments?["text"]}? [y/N]");
                            if (Console.ReadLine() is not ("y" or "Y"))
                            {
                                context.Result = new FunctionResult(context.Function, "The operator declined.");
                                return;
                            }
                        }

                        await next(context);
                    }
                }
                """,
                [PathVerifier.Telegram, .. PathVerifier.Ai]));

    [Fact]
    public Task A_filter_that_hands_next_to_code_it_calls_is_trusted()
        => PathVerifier.VerifyAsync(Plugin + """
            public sealed class Gate
            {
                public Task RunIfApprovedAsync(string name, Func<Task> run) => run();
            }

            sealed class GateFilter(Gate gate) : IFunctionInvocationFilter
            {
                public Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
                    => gate.RunIfApprovedAsync(context.Function.Name, () => next(context));
            }
            """,
            [PathVerifier.Telegram, .. PathVerifier.Ai]);
}
