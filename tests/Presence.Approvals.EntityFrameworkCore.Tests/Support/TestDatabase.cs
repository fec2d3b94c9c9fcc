using System;
using System.Data.Common;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Presence.Approvals.EntityFrameworkCore.Tests.Support;

/// <summary>A real database of its own for one test: an SQLite file, or a fresh database on the test PostgreSQL server.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "PRESENCE_POSTGRES";

    private readonly string? _sqliteFolder;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(string provider, string connectionString, string? sqliteFolder = null, string? postgresAdmin = null, string? postgresName = null)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFolder = sqliteFolder;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    /// <summary>"sqlite" or "postgres", as the worker takes it.</summary>
    public string Provider { get; }

    public string ConnectionString { get; }

    public static TestDatabase Sqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "presence-approvals-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        return new TestDatabase("sqlite", $"Data Source={Path.Combine(folder, "approvals.db")}", sqliteFolder: folder);
    }

    public static async Task<TestDatabase> PostgresAsync()
    {
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException(
                $"These tests need a real PostgreSQL server and {PostgresVariable} is not set. Run them with `bash build/test.sh`, which starts one "
                + "(build/services/postgres.sh), or start your own cluster the same way and export "
                + $"{PostgresVariable}=\"Host=127.0.0.1;Port=<port>;Username=postgres;Database=postgres\".");
        }

        var name = "presence_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase("postgres", builder.ConnectionString, postgresAdmin: admin, postgresName: name);
    }

    /// <summary>Stores approvals here; PostgreSQL databases are this test's own, so it migrates them.</summary>
    public void Use(PresenceApprovalsOptions options)
    {
        if (Provider == "sqlite")
        {
            options.UseSqlite(ConnectionString);
        }
        else
        {
            options.MigrateOnStartup = true;
            options.UseNpgsql(ConnectionString);
        }
    }

    public ServiceProvider Services(Action<IServiceCollection>? more = null, Action<PresenceApprovalsOptions>? configure = null)
    {
        var services = new ServiceCollection();
        more?.Invoke(services);
        services.AddPresenceApprovals(o =>
        {
            configure?.Invoke(o);
            Use(o);
        });
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>Runs SQL behind the ledger's back (to corrupt or tamper with rows).</summary>
    public async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = Open();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = Open();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFolder is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_sqliteFolder, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private DbConnection Open() => Provider == "sqlite" ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);
}
