using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Presence;

// dotnet run -c Release --project benchmarks/Presence.Approvals.Benchmarks -- [--processes 4] [--redeems 250] [--sqlite] [--postgres "Host=…"]
// Each process redeems its own approved requests one after another (the redeem a scheduled job makes before each
// post): a read of the request, a read of the hold, the conditional update and the audit insert. The parent
// prepares the approvals, starts the processes together and reports redeems per second over the wall-clock time
// of the slowest process, and the latency percentiles of all redeems. Progress goes to stderr, the table to stdout.
if (args.Length > 0 && args[0] == "--worker")
{
    return await Worker.RunAsync(args[1], args[2], args[3]);
}

var processes = Option("--processes", 4);
var redeems = Option("--redeems", 250);
var runSqlite = args.Contains("--sqlite") || !args.Contains("--postgres");
var postgres = Value("--postgres") ?? (args.Contains("--postgres") ? Environment.GetEnvironmentVariable("PRESENCE_POSTGRES") : null);

Console.WriteLine($"| store | processes | redeems | redeems/s | p50 ms | p90 ms | p99 ms | max ms |");
Console.WriteLine($"|---|---|---|---|---|---|---|---|");
if (runSqlite)
{
    var folder = Path.Combine(Path.GetTempPath(), "presence-bench-" + Guid.NewGuid().ToString("N")[..8]);
    Directory.CreateDirectory(folder);
    try
    {
        await Bench.RunAsync("SQLite (WAL, file)", "sqlite", $"Data Source={Path.Combine(folder, "approvals.db")}", processes, redeems);
    }
    finally
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}

if (postgres is not null)
{
    var name = "presence_bench_" + Guid.NewGuid().ToString("N")[..8];
    await Bench.ExecuteAsync(postgres, $"CREATE DATABASE {name}");
    try
    {
        await Bench.RunAsync("PostgreSQL (loopback)", "postgres", new NpgsqlConnectionStringBuilder(postgres) { Database = name }.ConnectionString, processes, redeems);
    }
    finally
    {
        NpgsqlConnection.ClearAllPools();
        await Bench.ExecuteAsync(postgres, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }
}

return 0;

int Option(string name, int fallback)
{
    var value = Value(name);
    return value is null ? fallback : int.Parse(value, CultureInfo.InvariantCulture);
}

string? Value(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && !args[at + 1].StartsWith("--", StringComparison.Ordinal) ? args[at + 1] : null;
}

internal static class Bench
{
    public static async Task RunAsync(string label, string provider, string connectionString, int processes, int redeemsPerProcess)
    {
        Console.Error.WriteLine($"{label}: preparing {processes * redeemsPerProcess} approvals…");
        var idFiles = new List<string>();
        await using (var services = Services(provider, connectionString, migrate: true))
        {
            var ledger = services.GetRequiredService<ApprovalLedger>();
            for (var p = 0; p < processes; p++)
            {
                var ids = new List<string>();
                for (var i = 0; i < redeemsPerProcess; i++)
                {
                    var record = await ledger.SubmitAsync($"Post {p}-{i}", "agent:drafts", channel: "linkedin:acme");
                    await ledger.DecideAsync(record.Id, "maria", approve: true);
                    ids.Add(record.Id);
                }

                var file = Path.GetTempFileName();
                await File.WriteAllLinesAsync(file, ids.Select((id, i) => $"{id} Post {p}-{i}"));
                idFiles.Add(file);
            }
        }

        Console.Error.WriteLine($"{label}: {processes} processes redeeming…");
        var workers = idFiles.Select(file => Start(provider, connectionString, file)).ToList();
        foreach (var worker in workers)
        {
            Expect(await worker.StandardOutput.ReadLineAsync(), "ready");
        }

        var clock = Stopwatch.StartNew();
        foreach (var worker in workers)
        {
            await worker.StandardInput.WriteLineAsync("go");
            await worker.StandardInput.FlushAsync();
        }

        var latencies = new List<double>();
        foreach (var worker in workers)
        {
            var line = await worker.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("A worker ended without reporting.");
            if (!line.StartsWith("latencies ", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("A worker failed: " + line);
            }

            latencies.AddRange(line.Split(' ').Skip(1).Select(v => double.Parse(v, CultureInfo.InvariantCulture)));
            await worker.WaitForExitAsync();
        }

        var wall = clock.Elapsed;
        foreach (var file in idFiles)
        {
            File.Delete(file);
        }

        latencies.Sort();
        double At(double q) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {processes} | {latencies.Count} | {latencies.Count / wall.TotalSeconds:F0} | {At(0.50):F1} | {At(0.90):F1} | {At(0.99):F1} | {latencies[^1]:F1} |"));
    }

    public static ServiceProvider Services(string provider, string connectionString, bool migrate)
        => new ServiceCollection()
            .AddPresenceApprovals(o =>
            {
                if (provider == "sqlite")
                {
                    o.UseSqlite(connectionString);
                }
                else
                {
                    o.MigrateOnStartup = migrate;
                    o.UseNpgsql(connectionString);
                }
            })
            .BuildServiceProvider();

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static Process Start(string provider, string connectionString, string idFile)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        var self = typeof(Bench).Assembly.Location;
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(self);
        }

        foreach (var argument in new[] { "--worker", provider, connectionString, idFile })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    private static void Expect(string? line, string expected)
    {
        if (line != expected)
        {
            throw new InvalidOperationException($"A worker said '{line}' instead of '{expected}'.");
        }
    }
}

internal static class Worker
{
    public static async Task<int> RunAsync(string provider, string connectionString, string idFile)
    {
        await using var services = Bench.Services(provider, connectionString, migrate: false);
        var ledger = services.GetRequiredService<ApprovalLedger>();
        var work = (await File.ReadAllLinesAsync(idFile)).Select(line => line.Split(' ', 2)).ToList();
        // Warm up the connection, the model and the JIT on a request that is not one of the measured ones.
        await ledger.RedeemAsync("warm-up", "nothing");
        Console.WriteLine("ready");
        Console.ReadLine();
        var latencies = new List<double>(work.Count);
        foreach (var item in work)
        {
            var started = Stopwatch.GetTimestamp();
            var result = await ledger.RedeemAsync(item[0], item[1]);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (result.Outcome != RedeemOutcome.Redeemed)
            {
                Console.WriteLine($"error {item[0]}: {result.Outcome}");
                return 1;
            }
        }

        Console.WriteLine("latencies " + string.Join(' ', latencies.Select(l => l.ToString("F3", CultureInfo.InvariantCulture))));
        return 0;
    }
}
