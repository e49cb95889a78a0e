using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using WorkProgramme.Application;
using WorkProgramme.Application.Data;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Storage;

/// <summary>
/// What a process killed while starting leaves behind never stops the next start (docs/decisions/0021): EF Core's
/// SQLite lock row, a migration another process is running, a start that must wait.
/// </summary>
public sealed class MigrationLockFacts
{
    /// <summary>Long enough for any start here; the tests fail at it instead of hanging, as starts used to.</summary>
    private static readonly TimeSpan Hang = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_start_with_no_migration_pending_takes_no_lock_and_passes_a_lock_row_left_by_a_killed_process()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await SqliteAsync(database, """
            CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
            INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, '2026-01-01 00:00:00+00:00');
            """);
        var log = new AppLog();
        await using var services = Services(database, log);

        await InitializeAsync(services).WaitAsync(Hang);

        Assert.Equal(1L, await SqliteScalarAsync(database, "SELECT COUNT(*) FROM \"__EFMigrationsLock\""));
        Assert.DoesNotContain(log.Lines, l => l.Contains("stale migration lock", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_lock_row_left_by_a_process_killed_while_migrating_is_cleared_with_a_warning_and_the_migration_runs()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite);
        await SqliteAsync(database, """
            CREATE TABLE "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
            INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, '2026-01-01 00:00:00+00:00');
            """);
        var log = new AppLog();
        await using var services = Services(database, log);

        await InitializeAsync(services).WaitAsync(Hang);

        Assert.Equal(0L, await SqliteScalarAsync(database, "SELECT COUNT(*) FROM \"__EFMigrationsLock\""));
        Assert.Contains(log.Lines, l => l.Contains("Cleared a stale migration lock", StringComparison.Ordinal)
            && l.Contains("2026-01-01 00:00:00+00:00", StringComparison.Ordinal));
        Assert.True(await ProgrammesAsync(services) > 0);
    }

    [Fact]
    public async Task A_start_that_must_wait_for_another_process_migrating_says_why_and_goes_on_once_it_is_done()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        var log = new AppLog();
        await using var services = Services(database, log);
        var waiting = log.WaitFor("Waiting for another process that is migrating this database");

        Task start;
        await using (await HoldGateAsync(database))
        {
            start = InitializeAsync(services);
            await waiting.WaitAsync(Hang);
            Assert.False(start.IsCompleted);
        }

        await start.WaitAsync(Hang);
        Assert.True(await ProgrammesAsync(services) > 0);
        Assert.Contains(log.Lines, l => l.Contains("The other migration is over", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_start_gives_up_with_a_message_naming_the_other_process_instead_of_waiting_for_ever()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        await using var services = Services(database, new AppLog(), ("Database:MigrationWaitSeconds", "0"));

        await using (await HoldGateAsync(database))
        {
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => InitializeAsync(services).WaitAsync(Hang));
            Assert.Contains("Another process has been migrating this database", refused.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>What a live process migrating the database holds, as another process would hold it.</summary>
    private static async Task<IAsyncDisposable> HoldGateAsync(TestDatabase database)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var path = Path.GetFullPath(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource);
            return new FileStream(SchemaMigration.SqliteGatePath(path), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }

        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({SchemaMigration.PostgresLockKey})", connection);
        await command.ExecuteScalarAsync();
        return connection;
    }

    private static ServiceProvider Services(TestDatabase database, AppLog log, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>(database.Settings);
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(log))
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddApplication()
            .BuildServiceProvider();
    }

    private static async Task InitializeAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
    }

    private static async Task<int> ProgrammesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkProgrammeDb>().Programmes.CountAsync();
    }

    private static async Task SqliteAsync(TestDatabase database, string sql)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> SqliteScalarAsync(TestDatabase database, string sql)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The app's log lines, and a way to wait for one.</summary>
    private sealed class AppLog : ILoggerProvider, ILogger
    {
        private readonly ConcurrentQueue<string> lines = new();
        private readonly ConcurrentBag<(string Text, TaskCompletionSource Seen)> awaited = [];

        public IEnumerable<string> Lines => lines;

        public Task WaitFor(string text)
        {
            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            awaited.Add((text, seen));
            if (lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
            {
                seen.TrySetResult();
            }

            return seen.Task;
        }

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var line = formatter(state, exception);
            lines.Enqueue(line);
            foreach (var (text, seen) in awaited)
            {
                if (line.Contains(text, StringComparison.Ordinal))
                {
                    seen.TrySetResult();
                }
            }
        }

        public void Dispose()
        {
        }
    }
}
