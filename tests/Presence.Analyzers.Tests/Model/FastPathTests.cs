using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Presence.Analyzers.Catalog;
using Presence.Analyzers.Configuration;
using Presence.Analyzers.Model;
using Presence.Analyzers.Paths;
using Presence.Analyzers.Tests.Fuzzing;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Model;

/// <summary>
/// UnconfirmedPublishAnalyzer looks at a call in full only when a cheap test on the called method alone says it may
/// matter (<see cref="PresenceModel.MayPublish"/>, <see cref="Confirmations.Confirms"/>, <see cref="EntryPoints.MayRegister"/>,
/// <see cref="EntryPoints.MayStartInBackground"/>, <see cref="EntryPoints.IsSleep"/>, <see cref="AgentTools.MayMakeTool"/>).
/// A test that says "no" where the full classification says "yes" hides a finding: over every source the tests have,
/// each cheap test must say "yes" wherever its full counterpart does.
/// </summary>
public class FastPathTests
{
    [Fact]
    public void No_cheap_test_says_no_where_the_full_classification_says_yes()
    {
        var misses = ImmutableArray.CreateBuilder<string>();
        var seen = new Dictionary<string, int>();
        foreach (var input in FuzzInputs.All)
        {
            var compilation = AllAnalyzers.Compilation(input.Sources, input.References);
            var configuration = TestConfigOptions.FromLine(input.Options);
            var model = PresenceModel.TryCreate(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, configuration), CancellationToken.None);
            var entryPoints = new EntryPoints(compilation);
            var agentTools = AgentTools.For(compilation);
            // A method of the compilation is asked whether it registers, starts or sleeps only where the source can declare one.
            bool MayCallBack(IMethodSymbol method)
                => !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, compilation.Assembly) || EntryPoints.SourceMayDeclareCallbackApis(compilation);
            foreach (var tree in compilation.SyntaxTrees)
            {
                var semanticModel = compilation.GetSemanticModel(tree);
                var options = PresenceOptions.Read(configuration.GetOptions(tree));
                foreach (var node in tree.GetRoot().DescendantNodes())
                {
                    // Where the full classification says yes, the cheap test on the method must too.
                    void Check(string cheapTest, bool full, IMethodSymbol method, bool cheap)
                    {
                        if (!full)
                        {
                            return;
                        }

                        seen[cheapTest] = seen.GetValueOrDefault(cheapTest) + 1;
                        if (!cheap)
                        {
                            misses.Add($"{input.Name}: {cheapTest} says no to {method.ToDisplayString()} at '{node}'");
                        }
                    }

                    switch (semanticModel.GetOperation(node))
                    {
                        case IInvocationOperation invocation:
                            var method = invocation.TargetMethod;
                            Check("MayPublish", model?.Classify(invocation, options, anyAudience: true) is not null, method, model?.MayPublish(method) == true);
                            Check("MayDeclare", model?.Publishing.Classify(method) is not null || model?.Confirmations.Classify(method) is not null, method, model?.MayDeclare(method) == true);
                            Check("Confirms", model?.Confirmations.Classify(method) is not null, method, model?.Confirmations.Confirms(method) == true);
                            // A scheduling helper of the compilation has a cheap test of its own (CallTraits asks it of own methods).
                            Check("MayRegister", !entryPoints.Registrations(invocation).IsEmpty, method, (EntryPoints.MayRegister(method) && MayCallBack(method)) || DelegateRunners.MayRun(method));
                            Check("IsSleep", EntryPoints.DaemonLoopAround(invocation) is not null || EntryPoints.IsPeriodicTick(invocation), method, EntryPoints.IsSleep(method) && MayCallBack(method));
                            Check("MayStartInBackground", EntryPoints.StartsInBackground(invocation), method, EntryPoints.MayStartInBackground(method) && MayCallBack(method));
                            Check("MayMakeTool", agentTools?.ToolOf(invocation, _ => "publishes") is not null, method, agentTools?.MayMakeTool(method) == true);
                            break;

                        case IMethodReferenceOperation reference:
                            Check("MayPublish", model?.Publishing.Classify(reference.Method) is not null, reference.Method, model?.MayPublish(reference.Method) == true);
                            Check("MayDeclare", model?.Publishing.Classify(reference.Method) is not null, reference.Method, model?.MayDeclare(reference.Method) == true);
                            break;

                        case IObjectCreationOperation { Constructor: { } constructor } creation:
                            Check("MayDeclare", model?.Publishing.Classify(constructor) is not null || model?.Confirmations.Classify(constructor) is not null, constructor, model?.MayDeclare(constructor) == true);
                            Check("MayRegister", !entryPoints.Registrations(creation).IsEmpty, constructor, (EntryPoints.MayRegister(constructor) && MayCallBack(constructor)) || DelegateRunners.MayRun(constructor));
                            Check("MayStartInBackground", EntryPoints.StartsInBackground(creation), constructor, EntryPoints.MayStartInBackground(constructor) && MayCallBack(constructor));
                            break;
                    }
                }
            }
        }

        Assert.True(misses.Count == 0, string.Join("\n", misses.Take(20)));

        // The sources exercise every full classification, or this test would prove nothing.
        Assert.True(seen.GetValueOrDefault("MayPublish") >= 100, $"MayPublish was checked {seen.GetValueOrDefault("MayPublish")} times");
        foreach (var cheapTest in new[] { "Confirms", "MayRegister", "IsSleep", "MayStartInBackground", "MayDeclare" })
        {
            Assert.True(seen.GetValueOrDefault(cheapTest) > 0, $"{cheapTest} was never checked");
        }
    }

    /// <summary>
    /// UnconfirmedPublishAnalyzer looks at no call where <see cref="PresenceModel.MaySend"/> says nothing can publish or
    /// send, which rests on the names of the sends (<see cref="HttpRequests.SendWords"/>) for HttpClient and the
    /// catalog. Over every source the tests have, compiled as written, against the framework alone, and against the
    /// framework with Flurl and RestSharp (where the shortcut can apply): wherever a call is a publish, a send or a step
    /// into a library that publishes, the shortcut must say "may send"; an HttpClient send and a catalogued member must
    /// have one of the words, or the catalog must have said that a type of an entry without one is declared.
    /// </summary>
    private const string Usings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Net.Http.Json;
        global using System.Net.Mail;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    [Fact]
    public void The_nothing_sends_shortcut_says_yes_wherever_a_call_sends()
    {
        var misses = ImmutableArray.CreateBuilder<string>();
        var seen = new Dictionary<string, int>();
        ImmutableArray<MetadataReference>[] variants(FuzzInput input) =>
        [
            input.References,
            [],
            [TestReferences.FromType<Flurl.Http.IFlurlRequest>(), TestReferences.FromType<Flurl.Url>(), TestReferences.FromType<RestSharp.RestClient>()],
        ];
        foreach (var input in FuzzInputs.All)
        {
            var variant = -1;
            foreach (var references in variants(input))
            {
                var name = input.Name + " (references " + ++variant + ")";
                // The rule tests' sources leave out the usings their harness adds: the other variants get them.
                var compilation = AllAnalyzers.Compilation(variant == 0 ? input.Sources : input.Sources.Add(Usings), references);
                var configuration = TestConfigOptions.FromLine(input.Options);
                var model = PresenceModel.TryCreate(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, configuration), CancellationToken.None);
                if (model is null)
                {
                    continue;
                }

                var maySend = model.MaySend(CancellationToken.None);
                foreach (var tree in compilation.SyntaxTrees)
                {
                    var semanticModel = compilation.GetSemanticModel(tree);
                    var options = PresenceOptions.Read(configuration.GetOptions(tree));
                    foreach (var node in tree.GetRoot().DescendantNodes())
                    {
                        var (method, target) = semanticModel.GetOperation(node) switch
                        {
                            IInvocationOperation invocation => (invocation.TargetMethod, model.Classify(invocation, options, anyAudience: true)),
                            IMethodReferenceOperation reference => (reference.Method, model.Publishing.Classify(reference.Method)),
                            _ => (null, null),
                        };
                        if (method is null || (target is null && model.Libraries.FindPublish(method) is null))
                        {
                            continue;
                        }

                        seen[name] = 1;
                        if (!maySend)
                        {
                            misses.Add($"{name}: MaySend says no, and '{node}' calls {method.ToDisplayString()}");
                        }

                        var type = (method.ReducedFrom ?? method).ContainingType?.Name;
                        if (type is "HttpClient" or "HttpMessageInvoker" or "HttpClientJsonExtensions" && HttpRequests.IsCandidate(method) && !HttpRequests.HasSendWord(method.Name))
                        {
                            misses.Add($"{name}: no send word in {method.ToDisplayString()} at '{node}'");
                        }

                        if (target?.Kind == PublishKind.Catalogued && !HttpRequests.HasSendWord(method.Name) && !BuiltInCatalog.Index.MayDeclareUnwordedType(compilation))
                        {
                            misses.Add($"{name}: the catalog says no type of an entry without a send word is declared, and '{node}' calls {method.ToDisplayString()}");
                        }
                    }
                }
            }
        }

        Assert.True(misses.Count == 0, string.Join("\n", misses.Take(20)));

        // The framework-only compilations send too (HttpClient, SmtpClient), where the shortcut can apply.
        Assert.True(seen.Keys.Count(k => k.EndsWith("(references 1)", System.StringComparison.Ordinal)) >= 20, "few framework-only compilations send: " + seen.Keys.Count(k => k.EndsWith("(references 1)", System.StringComparison.Ordinal)));
        Assert.True(seen.Keys.Count(k => k.EndsWith("(references 2)", System.StringComparison.Ordinal)) >= 5, "few Flurl or RestSharp compilations send: " + seen.Keys.Count(k => k.EndsWith("(references 2)", System.StringComparison.Ordinal)));
    }

    // MayRegister tests the name before the namespace: each registration API it knows, and its look-alikes elsewhere.
    [Theory]
    [InlineData("Hangfire", "BackgroundJob", "Enqueue", true)]
    [InlineData("Hangfire", "RecurringJob", "AddOrUpdate", true)]
    [InlineData("Hangfire", "BackgroundJob", "Delete", false)]
    [InlineData("Telegram.Bot", "TelegramBotClientExtensions", "StartReceiving", true)]
    [InlineData("Telegram.Bot", "TelegramBotClientExtensions", "SendMessage", false)]
    [InlineData("Amazon.Lambda.RuntimeSupport", "LambdaBootstrapBuilder", "Create", true)]
    [InlineData("Amazon.Lambda.RuntimeSupport", "LambdaBootstrap", "Create", false)]
    [InlineData("Microsoft.AspNetCore.Builder", "EndpointRouteBuilderExtensions", "MapPost", true)]
    [InlineData("Microsoft.AspNetCore.Builder", "EndpointRouteBuilderExtensions", "MapGet", false)]
    [InlineData("Microsoft.AspNetCore.Builder", "RouteBuilderExtensions", "MapPost", false)]
    [InlineData("Shop.Hangfire", "BackgroundJob", "Enqueue", false)]
    [InlineData("Shop", "Bus", "StartReceiving", false)]
    [InlineData("Shop", "EndpointRouteBuilderExtensions", "MapPost", false)]
    [InlineData("Shop", "LambdaBootstrapBuilder", "Create", false)]
    public void MayRegister_by_name_and_root_namespace(string @namespace, string type, string name, bool expected)
    {
        var compilation = AllAnalyzers.Compilation(
            ImmutableArray.Create($"namespace {@namespace} {{ public static class {type} {{ public static void {name}() {{ }} }} }}"),
            ImmutableArray<MetadataReference>.Empty);
        var method = compilation.GetTypeByMetadataName(@namespace + "." + type)!.GetMembers(name).OfType<IMethodSymbol>().Single();

        Assert.Equal(expected, EntryPoints.MayRegister(method));
        // The once-per-compilation answer for the source's own methods must let every registration through.
        Assert.True(!expected || EntryPoints.SourceMayDeclareCallbackApis(compilation));
    }

    [Theory]
    [InlineData("namespace System.Threading { public class Timer { public Timer(System.Action a) { } } }", true)]
    [InlineData("namespace System.Threading.Tasks { public class TaskFactory { } }", true)]
    [InlineData("namespace Hangfire { public static class BackgroundJob { } }", true)]
    [InlineData("namespace Telegram.Bot.Polling { public static class Receiver { } }", true)]
    [InlineData("namespace Shop.Jobs { public static class BackgroundJob { public static void Enqueue() { } } }", false)]
    [InlineData("namespace Shop { public class Timer { public Timer(System.Action a) { } } public static class Task { public static void Delay() { } } }", false)]
    public void Only_a_source_with_a_callback_namespace_is_asked_about_its_own_methods(string source, bool expected)
    {
        var compilation = AllAnalyzers.Compilation(ImmutableArray.Create(source), ImmutableArray<MetadataReference>.Empty);

        Assert.Equal(expected, EntryPoints.SourceMayDeclareCallbackApis(compilation));
    }

    // A method of the compilation is a raw request only where the source declares a namespace of a client's name: that
    // is decided once per compilation, so a source that declares one is still walked, and a look-alike is still not one.
    [Theory]
    [InlineData("System.Net.Http", "HttpClient", "PostAsync", true)]
    [InlineData("System.Net.Http.Json", "HttpClientJsonExtensions", "PostAsJsonAsync", true)]
    [InlineData("Flurl.Http", "GeneratedExtensions", "PostJsonAsync", true)]
    [InlineData("RestSharp", "RestClient", "ExecutePostAsync", true)]
    [InlineData("Shop.Http", "HttpClient", "PostAsync", false)]
    [InlineData("Shop", "RestClient", "ExecutePostAsync", false)]
    public void MayRequest_of_the_compilation_own_methods(string @namespace, string type, string name, bool expected)
    {
        var compilation = AllAnalyzers.Compilation(
            ImmutableArray.Create($"namespace {@namespace} {{ public class {type} {{ public void {name}() {{ }} }} }}"),
            ImmutableArray<MetadataReference>.Empty);
        var model = PresenceModel.TryCreate(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), CancellationToken.None)!;
        var method = compilation.Assembly.GetTypeByMetadataName(@namespace + "." + type)!.GetMembers(name).OfType<IMethodSymbol>().Single();

        Assert.Equal(expected, model.MayRequest(method));
    }

    // Where only the catalog can make a method a publisher (a catalogued SDK referenced, no Presence.Abstractions, no
    // PresenceApis.txt), a method whose name no entry has is not walked up its lineage: an implementation of a catalogued
    // interface member, implicit or explicit, is still found, and so is an override of one in a subclass (the interface
    // maps to the base's method); a look-alike by another name is not, nor a subclass's method that hides it with `new`.
    [Theory]
    [InlineData("Tweeter.PublishTweetAsync", true)]
    [InlineData("Tweeter.Tweetinvi.Client.ITweetsClient.PublishRetweetAsync", true)]
    [InlineData("LoudTweeter.PublishTweetAsync", true)]
    [InlineData("Tweeter.PostAsync", false)]
    [InlineData("HidingTweeter.PublishTweetAsync", false)]
    public void Only_a_catalog_still_finds_implementations(string method, bool publishes)
    {
        var compilation = AllAnalyzers.Compilation(
            ImmutableArray.Create("""
                using System.Threading.Tasks;
                namespace Tweetinvi.Client
                {
                    public interface ITweetsClient
                    {
                        Task PublishTweetAsync(string text);
                        Task PublishRetweetAsync(long id);
                    }
                }

                public class Tweeter : Tweetinvi.Client.ITweetsClient
                {
                    public virtual Task PublishTweetAsync(string text) => Task.CompletedTask;
                    Task Tweetinvi.Client.ITweetsClient.PublishRetweetAsync(long id) => Task.CompletedTask;
                    public Task PostAsync(string text) => Task.CompletedTask;
                }

                public class LoudTweeter : Tweeter
                {
                    public override Task PublishTweetAsync(string text) => Task.CompletedTask;
                }

                public class HidingTweeter : Tweeter
                {
                    public new Task PublishTweetAsync(string text) => Task.CompletedTask;
                }
                """),
            ImmutableArray.Create(PathVerifier.Telegram));
        var model = PresenceModel.TryCreate(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), CancellationToken.None)!;
        var dot = method.IndexOf('.');
        var symbol = compilation.GetTypeByMetadataName(method[..dot])!.GetMembers(method[(dot + 1)..]).OfType<IMethodSymbol>().Single();

        Assert.Equal(publishes, model.Publishing.Classify(symbol) is { Kind: PublishKind.Catalogued });
        Assert.Equal(publishes, model.MayPublish(symbol));
    }
}
