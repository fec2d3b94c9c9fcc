using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;

namespace Presence.Analyzers.Tests.Verifiers;

/// <summary>Runs the publish-flow analyzer over sources compiled against the real job, hosting and bot packages.</summary>
internal static class PathVerifier
{
    /// <summary>A Mastodon publisher interface and a Poster whose own publish is PRES001: the end of the paths the tests build.</summary>
    public const string MastodonPublisher = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Presence;

        [PublishesContent("Mastodon")]
        public interface IMastodonPublisher { Task PublishStatus(string text); }

        public class Poster(IMastodonPublisher mastodon)
        {
            public Task Post(string text) => {|PRES001:mastodon.PublishStatus(text)|};
        }

        """;

    /// <summary>PRES002 at the entry point <paramref name="location"/>, the path in the message; the steps' locations are not compared.</summary>
    public static DiagnosticResult Unattended(int location, string entry, string path)
        => Diagnostic(PresenceDiagnostics.UnattendedPublish).WithLocation(location).WithArguments(entry, path)
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    /// <summary>PRES003 at the handler <paramref name="location"/>, the path in the message; the steps' locations are not compared.</summary>
    public static DiagnosticResult Reply(int location, string entry, string path)
        => Diagnostic(PresenceDiagnostics.AutomatedReply).WithLocation(location).WithArguments(entry, path)
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    /// <summary>PRES003 for an HTTP endpoint anyone may call (anonymous, or an HTTP-triggered function).</summary>
    public static DiagnosticResult AnyCaller(int location, string entry, string path)
        => Diagnostic(PresenceDiagnostics.AutomatedAnswerToRequest).WithLocation(location).WithArguments(entry, path)
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    public static MetadataReference[] Hosting { get; } =
    [
        TestReferences.FromType<Microsoft.Extensions.Hosting.BackgroundService>(),
    ];

    public static MetadataReference Quartz4 { get; } = TestReferences.FromType<Quartz.IJob>();

    /// <summary>Quartz 3.x, downloaded beside 4.x (one project cannot reference both versions).</summary>
    public static MetadataReference Quartz3 { get; } = MetadataReference.CreateFromFile(Path.Combine(
        typeof(PathVerifier).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value!,
        "quartz", "3.22.10", "lib", "net8.0", "Quartz.dll"));

    public static MetadataReference Hangfire { get; } = MetadataReference.CreateFromFile(typeof(Hangfire.RecurringJob).Assembly.Location);

    /// <summary>MassTransit, Rebus, RabbitMQ, Azure Service Bus and DotNetCore.CAP consumers.</summary>
    public static MetadataReference[] MessageBuses { get; } =
    [
        TestReferences.FromType<MassTransit.IConsumer>(),
        TestReferences.FromType<Rebus.Handlers.IHandleMessages>(),
        TestReferences.FromType<RabbitMQ.Client.IChannel>(),
        TestReferences.FromType<Azure.Messaging.ServiceBus.ServiceBusProcessor>(),
        TestReferences.FromType<System.BinaryData>(),
        TestReferences.FromType<Azure.Response>(),
        TestReferences.FromType<DotNetCore.CAP.ICapSubscribe>(),
    ];

    /// <summary>MassTransit's bus configuration and state machines (handler delegates, Then/ThenAsync), on top of <see cref="MessageBuses"/>.</summary>
    public static MetadataReference[] MassTransit { get; } =
    [
        .. MessageBuses,
        MetadataReference.CreateFromFile(typeof(global::MassTransit.HandlerExtensions).Assembly.Location),
    ];

    /// <summary>The Durable Task SDK's class-based activities and orchestrators.</summary>
    public static MetadataReference DurableTask { get; } = TestReferences.FromType<Microsoft.DurableTask.TaskActivityContext>();

    public static MetadataReference Coravel { get; } = TestReferences.FromType<Coravel.Invocable.IInvocable>();

    public static MetadataReference[] AzureFunctions { get; } =
    [
        TestReferences.FromType<Microsoft.Azure.Functions.Worker.TimerTriggerAttribute>(),
        TestReferences.FromType<Microsoft.Azure.Functions.Worker.FunctionAttribute>(),
        TestReferences.FromType<Microsoft.Azure.Functions.Worker.QueueTriggerAttribute>(),
        TestReferences.FromType<Microsoft.Azure.WebJobs.TimerTriggerAttribute>(),
        TestReferences.FromType<Microsoft.Azure.WebJobs.FunctionNameAttribute>(),
        TestReferences.FromType<Microsoft.Azure.Functions.Worker.BlobTriggerAttribute>(),
        TestReferences.FromType<Microsoft.Azure.WebJobs.Extensions.EventGrid.EventGridTriggerAttribute>(),
    ];

    /// <summary>The ASP.NET Core shared framework the tests run with (every assembly of it, as a web project references it).</summary>
    public static MetadataReference[] AspNetCore { get; } = Directory
        .GetFiles(Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Mvc.ControllerBase).Assembly.Location)!, "*.dll")
        .OrderBy(path => path, System.StringComparer.Ordinal)
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .ToArray();

    /// <summary>The isolated worker's HTTP trigger.</summary>
    public static MetadataReference[] AzureFunctionsHttp { get; } =
    [
        .. AzureFunctions,
        TestReferences.FromType<Microsoft.Azure.Functions.Worker.HttpTriggerAttribute>(),
    ];

    public static MetadataReference Telegram { get; } = TestReferences.FromType<Telegram.Bot.TelegramBotClient>();

    /// <summary>Microsoft.Extensions.AI (abstractions and the function factory), Semantic Kernel abstractions, the OpenAI SDK.</summary>
    public static MetadataReference[] Ai { get; } =
    [
        TestReferences.FromType<Microsoft.Extensions.AI.IChatClient>(),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.AI.AIFunctionFactory).Assembly.Location),
        TestReferences.FromType<Microsoft.SemanticKernel.Kernel>(),
        TestReferences.FromType<OpenAI.Chat.ChatClient>(),
        TestReferences.FromType<System.ClientModel.ClientResult>(),
    ];

    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor)
        => AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Diagnostic(descriptor);

    public static Task VerifyAsync(string source, MetadataReference[] references, params DiagnosticResult[] expected)
        => VerifyAsync(source, references, editorConfig: null, expected);

    public static Task VerifyAsync(string source, MetadataReference[] references, string? editorConfig, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test { TestCode = source };
        test.TestState.AdditionalReferences.AddRange(references);
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\n" + editorConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
