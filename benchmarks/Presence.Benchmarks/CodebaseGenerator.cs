using System;
using System.Collections.Generic;
using System.Text;

namespace Presence.Benchmarks;

/// <summary>One generated source file.</summary>
internal sealed record SourceFile(string Path, string Text);

/// <summary>What a generated codebase holds, for the table and for sanity checks of the findings.</summary>
internal sealed record Codebase(IReadOnlyList<SourceFile> Files, int PublishingFiles, int GuardedFiles, int EntryPoints, int DraftingFiles, bool Publishable);

/// <summary>
/// Synthetic marketing codebases, deterministic from a seed: ordinary async service code (LINQ, lambdas, local
/// functions, try/catch/finally, pattern matching, records) calling each other through interfaces, about 1% of
/// files publishing through a [PublishesContent] publisher, Telegram.Bot or a raw HttpClient POST to a catalogued
/// endpoint (half of them guarded by a [HumanConfirmation]), a few hosted services and Quartz jobs that reach
/// some of them, so that the path search has entry points to start from, and about 1% more files drafting text with
/// a language model and handing it to an ordinary service or to a publisher (what PRES008 follows): in the same body,
/// through a writer class whose text an orchestrator hands on, or by giving an agent a publishing method as a tool.
/// </summary>
internal static class CodebaseGenerator
{
    private const int PublishingEvery = 100; // about 1% of files publish
    private const int EntryPointEvery = 250;
    private const int DraftingAt = 57; // in each hundred, after that hundred's publishing file
    private const int OrchestratingAt = 63;
    private const int AgentAt = 71;

    /// <param name="publishable">False: the same ordinary code, with nothing that publishes and no reference that could (the framework aside).</param>
    public static Codebase Generate(int fileCount, int seed, bool publishable)
    {
        var files = new List<SourceFile>(fileCount + 1);
        var publishing = 0;
        var guarded = 0;
        var entries = 0;
        var drafting = 0;
        if (publishable)
        {
            files.Add(new SourceFile("Shared/Publishing.cs", SharedPublishing));
        }

        // Publishing files come early in each hundred so that entry points after them can reach one: alternately
        // the last unguarded one (a PRES002 path) and the last guarded one (no path).
        var lastPublisher = new[] { -1, -1 };
        for (var i = 0; i < fileCount; i++)
        {
            // A generator per file: the ordinary files are the same whether the codebase publishes or not.
            var random = new Random(unchecked(seed * 100_003 + i));
            string text;
            if (publishable && IsPublishing(i))
            {
                var isGuarded = publishing % 2 == 1;
                text = PublishingFile(i, (PublishVia)(publishing % 3), isGuarded);
                publishing++;
                guarded += isGuarded ? 1 : 0;
                lastPublisher[isGuarded ? 1 : 0] = i;
            }
            else if (publishable && IsEntryPoint(i) && lastPublisher[entries % 2] >= 0)
            {
                text = EntryPointFile(i, hosted: entries % 4 < 2, lastPublisher[entries % 2], Dependency(random, i));
                entries++;
            }
            else
            {
                text = ServiceFile(random, i);
            }

            files.Add(new SourceFile($"Area{i % 40}/Service{i}.cs", text));

            // Added beside the ordinary file rather than in its place, so that the ordinary files, and what depends
            // on them, are the same with and without them.
            if (publishable && i % PublishingEvery == DraftingAt && lastPublisher[drafting % 2] >= 0)
            {
                files.Add(new SourceFile($"Area{i % 40}/Drafter{i}.cs", DraftingFile(i, handsToPublisher: drafting % 4 < 2, lastPublisher[drafting % 2])));
                drafting++;
            }

            if (publishable && i % PublishingEvery == OrchestratingAt && lastPublisher[drafting % 2] >= 0)
            {
                files.Add(new SourceFile($"Area{i % 40}/Orchestrator{i}.cs", OrchestratingFile(i, handsToPublisher: drafting % 4 < 2, lastPublisher[drafting % 2])));
                drafting++;
            }

            if (publishable && i % (2 * PublishingEvery) == AgentAt && lastPublisher[0] >= 0)
            {
                files.Add(new SourceFile($"Area{i % 40}/Agent{i}.cs", AgentFile(i, lastPublisher[0])));
                drafting++;
            }
        }

        return new Codebase(files, publishing, guarded, entries, drafting, publishable);
    }

    private enum PublishVia
    {
        DeclaredPublisher,
        Telegram,
        HttpClient,
    }

    private const string SharedPublishing = """
        using System.Threading;
        using System.Threading.Tasks;
        using Presence;

        namespace Marketing.Publishing;

        /// <summary>The team's own publisher: every call of it makes a post visible.</summary>
        [PublishesContent("Mastodon")]
        public interface IMastodonPublisher
        {
            Task PublishStatusAsync(string text, CancellationToken cancellationToken);
        }

        public interface IReviewDesk
        {
            [HumanConfirmation]
            Task<bool> ConfirmAsync(string text, CancellationToken cancellationToken);
        }

        public interface IAnnouncer
        {
            Task AnnounceAsync(string text, CancellationToken cancellationToken);
        }
        """;

    private static string PublishingFile(int index, PublishVia via, bool guarded)
    {
        var (field, parameter, call) = via switch
        {
            PublishVia.DeclaredPublisher => ("IMastodonPublisher", "mastodon", "mastodon.PublishStatusAsync(text, ct)"),
            PublishVia.Telegram => ("ITelegramBotClient", "bot", "bot.SendMessage(\"@marketing_channel\", text, cancellationToken: ct)"),
            _ => ("HttpClient", "http", "http.PostAsync(\"https://mastodon.social/api/v1/statuses\", new StringContent(text), ct)"),
        };
        var publish = guarded
            ? $$"""
                if (!await review.ConfirmAsync(text, ct))
                        {
                            return;
                        }

                        await {{call}};
                """
            : $"await {call};";
        return $$"""
            using System;
            using System.Linq;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;
            using Marketing.Publishing;
            using Telegram.Bot;

            namespace Marketing.Area{{index % 40}};

            public sealed class Announcer{{index}}({{field}} {{parameter}}, IReviewDesk review) : IAnnouncer
            {
                public async Task AnnounceAsync(string text, CancellationToken ct)
                {
                    text = string.Join(" ", text.Split(' ').Where(word => word.Length > 0).Select(word => word.Trim()));
                    try
                    {
                        {{publish}}
                    }
                    catch (HttpRequestException exception) when (exception.StatusCode is not null)
                    {
                        Console.Error.WriteLine(exception.Message);
                    }
                }
            }
            """;
    }

    // Model text handed on: to an ordinary service (followed, nothing to report) or to a publisher (PRES008).
    private static string DraftingFile(int index, bool handsToPublisher, int publisher)
    {
        var announcer = $"Marketing.Area{publisher % 40}.Announcer{publisher}";
        var handOn = handsToPublisher
            ? "await announcer.AnnounceAsync(draft, ct);"
            : "await service.SummarizeAsync(draft, ct);";
        return $$"""
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;

            namespace Marketing.Area{{index % 40}};

            public sealed class Drafter{{index}}(IChatClient chat, IService{{index}} service, {{announcer}} announcer)
            {
                public async Task DraftAsync(string topic, CancellationToken ct)
                {
                    var response = await chat.GetResponseAsync("Write a short post about " + topic, cancellationToken: ct);
                    var draft = response.Text.Trim();
                    if (draft.Length == 0)
                    {
                        return;
                    }

                    {{handOn}}
                }
            }
            """;
    }

    // A writer that only returns model text, and an orchestrator that hands it on without asking or publishing itself.
    private static string OrchestratingFile(int index, bool handsToPublisher, int publisher)
    {
        var announcer = $"Marketing.Area{publisher % 40}.Announcer{publisher}";
        var handOn = handsToPublisher
            ? "await announcer.AnnounceAsync(draft, ct);"
            : "await service.SummarizeAsync(draft, ct);";
        return $$"""
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;

            namespace Marketing.Area{{index % 40}};

            public sealed class Writer{{index}}(IChatClient chat)
            {
                public async Task<string> WriteAsync(string topic, CancellationToken ct)
                {
                    var response = await chat.GetResponseAsync("Write a short post about " + topic, cancellationToken: ct);
                    return response.Text.Trim();
                }
            }

            public sealed class Orchestrator{{index}}(Writer{{index}} writer, IService{{index}} service, {{announcer}} announcer)
            {
                public async Task RunAsync(string topic, CancellationToken ct)
                {
                    var draft = await writer.WriteAsync(topic, ct);
                    {{handOn}}
                }
            }
            """;
    }

    // An agent given a method that publishes as a tool, beside one that does not.
    private static string AgentFile(int index, int publisher)
    {
        var announcer = $"Marketing.Area{publisher % 40}.Announcer{publisher}";
        return $$"""
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;

            namespace Marketing.Area{{index % 40}};

            public sealed class CampaignTools{{index}}({{announcer}} announcer, IService{{index}} service)
            {
                public Task AnnounceAsync(string text) => announcer.AnnounceAsync(text, CancellationToken.None);

                public Task<string> SummarizeAsync(string segment) => service.SummarizeAsync(segment, CancellationToken.None);
            }

            public sealed class CampaignAgent{{index}}(IChatClient chat, CampaignTools{{index}} tools)
            {
                public Task<ChatResponse> AskAsync(string request, CancellationToken ct) =>
                    chat.GetResponseAsync(request, new ChatOptions
                    {
                        Tools = [AIFunctionFactory.Create(tools.AnnounceAsync), AIFunctionFactory.Create(tools.SummarizeAsync)],
                    }, ct);
            }
            """;
    }

    private static string EntryPointFile(int index, bool hosted, int publisher, int dependency)
    {
        var announcer = $"Marketing.Area{publisher % 40}.Announcer{publisher}";
        var service = $"Marketing.Area{dependency % 40}.IService{dependency}";
        return hosted
            ? $$"""
                using System;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Extensions.Hosting;

                namespace Marketing.Area{{index % 40}};

                public sealed class DigestWorker{{index}}({{announcer}} announcer, {{service}} service) : BackgroundService
                {
                    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                    {
                        while (!stoppingToken.IsCancellationRequested)
                        {
                            var summary = await service.SummarizeAsync("digest", stoppingToken);
                            await Post(summary, stoppingToken);
                            await Task.Delay(TimeSpan.FromHours(6), stoppingToken);
                        }
                    }

                    private Task Post(string summary, CancellationToken ct) => announcer.AnnounceAsync("Digest: " + summary, ct);
                }
                """
            : $$"""
                using System.Threading;
                using System.Threading.Tasks;
                using Quartz;

                namespace Marketing.Area{{index % 40}};

                public sealed class NightlyJob{{index}}({{announcer}} announcer, {{service}} service) : IJob
                {
                    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
                    {
                        var summary = await service.SummarizeAsync(context.FireInstanceId, cancellationToken);
                        await announcer.AnnounceAsync(summary, cancellationToken);
                    }
                }
                """;
    }

    private static bool IsPublishing(int index) => index % PublishingEvery == 7;

    private static bool IsEntryPoint(int index) => index % EntryPointEvery == 131;

    // Each service depends on an earlier ordinary one (a chain of interface calls the call graph follows).
    private static int Dependency(Random random, int index)
    {
        var dependency = index == 0 ? 0 : random.Next(Math.Max(0, index - 200), index);
        while (IsPublishing(dependency) || IsEntryPoint(dependency))
        {
            dependency--;
        }

        return dependency;
    }

    private static string ServiceFile(Random random, int index)
    {
        var dependency = Dependency(random, index);
        var hasDependency = index > 0;
        var text = new StringBuilder();
        text.Append($$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;

            namespace Marketing.Area{{index % 40}};

            public sealed record Campaign{{index}}(int Id, string Name, decimal Budget, DateTime Start, string[] Tags);

            public interface IService{{index}}
            {
                Task<string> SummarizeAsync(string segment, CancellationToken ct);
                decimal Forecast(int id);
            }

            public sealed class Service{{index}} : IService{{index}}
            {
                private readonly Dictionary<int, Campaign{{index}}> _campaigns = new();

            """);
        if (hasDependency)
        {
            text.Append($$"""
                    private readonly Marketing.Area{{dependency % 40}}.IService{{dependency}} _upstream;

                    public Service{{index}}(Marketing.Area{{dependency % 40}}.IService{{dependency}} upstream) => _upstream = upstream;

                """);
        }

        var threshold = random.Next(10, 5000);
        var days = random.Next(1, 90);
        text.Append($$"""

                public async Task<string> SummarizeAsync(string segment, CancellationToken ct)
                {
                    var selected = new List<Campaign{{index}}>();
                    try
                    {
                        await Task.Yield();
                        foreach (var campaign in _campaigns.Values)
                        {
                            ct.ThrowIfCancellationRequested();
                            if (campaign is { Budget: > {{threshold}}m, Tags.Length: > 0 } && campaign.Tags.Contains(segment, StringComparer.OrdinalIgnoreCase))
                            {
                                selected.Add(campaign);
                            }
                        }

            """);
        if (hasDependency)
        {
            text.Append($$"""
                            var upstream = await _upstream.SummarizeAsync(segment, ct).ConfigureAwait(false);
                            if (upstream.Length > {{random.Next(1, 40)}})
                            {
                                selected.RemoveAll(c => c.Start < DateTime.UtcNow.AddDays(-{{days}}));
                            }

                """);
        }

        text.Append($$"""
                    }
                    catch (OperationCanceledException)
                    {
                        throw;
                    }
                    catch (Exception exception) when (exception is InvalidOperationException or ArgumentException)
                    {
                        Log(exception.Message);
                    }
                    finally
                    {
                        _campaigns.Remove(-1);
                    }

                    return string.Join(", ", selected
                        .Where(c => c.Start <= DateTime.UtcNow)
                        .OrderByDescending(c => c.Budget)
                        .ThenBy(c => c.Name, StringComparer.Ordinal)
                        .Select(c => $"{c.Name} ({Describe(c)})"));
                }

                public decimal Forecast(int id)
                {
                    decimal Weighted(Campaign{{index}} c) => c.Budget * (1 + c.Tags.Length / 10m);
                    var total = _campaigns.Values.Where(c => c.Id == id).Sum(Weighted);

            """);
        if (hasDependency)
        {
            text.Append("""
                        total += _upstream.Forecast(id) / 2;

                """);
        }

        text.Append($$"""
                    return total switch
                    {
                        < 0 => 0,
                        > {{threshold * 10}} => Math.Round(total, 2),
                        _ => total,
                    };
                }

            """);

        // A few extra helpers of varying shape, so that files are not all alike.
        var helpers = random.Next(1, 4);
        for (var h = 0; h < helpers; h++)
        {
            text.Append((random.Next(4)) switch
            {
                0 => $$"""

                        public IReadOnlyDictionary<string, int> CountByTag{{h}}()
                            => _campaigns.Values
                                .SelectMany(c => c.Tags, (c, tag) => (c.Id, Tag: tag))
                                .GroupBy(p => p.Tag)
                                .ToDictionary(g => g.Key, g => g.Count());

                    """,
                1 => $$"""

                        public async Task<int> Refresh{{h}}Async(IEnumerable<int> ids, CancellationToken ct)
                        {
                            var count = 0;
                            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                            timeout.CancelAfter(TimeSpan.FromSeconds({{random.Next(1, 30)}}));
                            await Parallel.ForEachAsync(ids, timeout.Token, async (id, token) =>
                            {
                                await Task.Delay(1, token);
                                Interlocked.Increment(ref count);
                            });
                            return count;
                        }

                    """,
                2 => $$"""

                        public string Label{{h}}(object value) => value switch
                        {
                            Campaign{{index}} { Budget: 0 } => "empty",
                            Campaign{{index}} c when c.Tags.Any(t => t.StartsWith("vip", StringComparison.Ordinal)) => "vip: " + c.Name,
                            string s => s.ToUpperInvariant(),
                            int n and > {{random.Next(1, 100)}} => $"large {n}",
                            null => "none",
                            _ => value.ToString() ?? string.Empty,
                        };

                    """,
                _ => $$"""

                        public void Import{{h}}(IEnumerable<string> lines)
                        {
                            foreach (var (line, number) in lines.Select((l, n) => (l, n)))
                            {
                                var parts = line.Split(';');
                                if (parts.Length < 3 || !decimal.TryParse(parts[2], out var budget))
                                {
                                    Log($"line {number}: skipped");
                                    continue;
                                }

                                _campaigns[number] = new Campaign{{index}}(number, parts[0], budget, DateTime.UtcNow, parts.Skip(3).ToArray());
                            }
                        }

                    """,
            });
        }

        text.Append($$"""

                private static string Describe(Campaign{{index}} campaign)
                    => campaign.Tags.Length == 0 ? "untagged" : string.Join("/", campaign.Tags.Take(3));

                private static void Log(string message) => Console.WriteLine("[Service{{index}}] " + message);
            }

            """);
        return text.ToString();
    }
}
