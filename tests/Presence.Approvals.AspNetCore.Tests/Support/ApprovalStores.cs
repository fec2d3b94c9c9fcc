using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Presence.Approvals.AspNetCore.Tests.Support;

/// <summary>The ledger set-ups the dashboard is tested on, each through the one-call registration apps use.</summary>
public static class ApprovalStores
{
    public static void InMemory(IServiceCollection services) => services.AddPresenceApprovals(o => o.UseInMemory());
}

/// <summary>A fresh SQLite file for one test class (the durable store, schema created on first use), deleted after.</summary>
public sealed class SqliteFile : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "presence-review-" + Guid.NewGuid().ToString("N")[..12] + ".db");

    public void Register(IServiceCollection services) => services.AddPresenceApprovals(o => o.UseSqlite($"Data Source={Path}"));

    /// <summary>Runs SQL behind the ledger's back (to damage or tamper with a row); returns how many rows changed.</summary>
    public async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(System.IO.Path.GetDirectoryName(Path)!, System.IO.Path.GetFileName(Path) + "*"))
        {
            File.Delete(file);
        }
    }
}
