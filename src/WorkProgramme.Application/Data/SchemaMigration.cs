using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace WorkProgramme.Application.Data;

/// <summary>
/// Brings the schema up to date so that whatever a killed process left behind never stops the next start
/// (docs/decisions/0021). EF Core's SQLite migration lock is a row in <c>__EFMigrationsLock</c>, released only by a
/// clean dispose and waited on for ever: a process killed while holding it used to hang every later start. So:
/// <list type="bullet">
/// <item>no migration pending, no lock taken: a start or a <c>wp</c> verb reads the history and goes on;</item>
/// <item>migrations pending: first an operating-system lock that dies with its process (an advisory lock on a file
/// beside the SQLite database; a PostgreSQL session advisory lock), waited on with a message every few seconds and
/// never for ever; holding it proves no other process of the app is migrating, so a lock row left in the table is
/// stale: it is cleared with a warning that says when it was taken.</item>
/// </list>
/// </summary>
public sealed class SchemaMigration(WorkProgrammeDb db, DatabaseOptions options, IConfiguration configuration, ILogger<SchemaMigration> logger)
{
    /// <summary>How often a waiting start says again that it waits.</summary>
    private static readonly TimeSpan Reminder = TimeSpan.FromSeconds(5);

    // A fixed key of this app's own: pg_advisory_lock keys are shared by every client of the database.
    public const long PostgresLockKey = 0x5750_4D69_6772_6174; // "WPMigrat"

    /// <summary>How long a start waits for another process's migration before it gives up with a message (seconds).</summary>
    private TimeSpan Patience => TimeSpan.FromSeconds(configuration.GetValue("Database:MigrationWaitSeconds", 600));

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (!await PendingAsync(cancellationToken))
        {
            return;
        }

        await using var gate = await AcquireAsync(cancellationToken);

        // Another process may have migrated while this one waited.
        if (!await PendingAsync(cancellationToken))
        {
            return;
        }

        await ClearStaleSqliteLockAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }

    private async Task<bool> PendingAsync(CancellationToken cancellationToken) =>
        (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any();

    private async Task<IAsyncDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        var lastSaid = TimeSpan.MinValue;
        while (true)
        {
            var gate = options.Provider == DatabaseProvider.Sqlite
                ? TrySqliteGate()
                : await TryPostgresGateAsync(cancellationToken);
            if (gate is not null)
            {
                if (lastSaid != TimeSpan.MinValue)
                {
                    logger.LogWarning("The other migration is over after {Seconds:0} s; this process goes on.", waited.Elapsed.TotalSeconds);
                }

                return gate;
            }

            if (waited.Elapsed > Patience)
            {
                throw new InvalidOperationException(
                    $"Another process has been migrating this database for more than {Patience.TotalSeconds:0} s ({Holder()}). "
                    + "Let it finish, or stop it, then start again (setting Database:MigrationWaitSeconds waits longer).");
            }

            if (lastSaid == TimeSpan.MinValue || waited.Elapsed - lastSaid >= Reminder)
            {
                lastSaid = waited.Elapsed;
                logger.LogWarning(
                    "Waiting for another process that is migrating this database ({Holder}); waited {Seconds:0} s, giving up after {Patience:0} s.",
                    Holder(), waited.Elapsed.TotalSeconds, Patience.TotalSeconds);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }

    private string? SqlitePath
    {
        get
        {
            var path = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
            return string.IsNullOrEmpty(path) || path == ":memory:" ? null : Path.GetFullPath(path);
        }
    }

    /// <summary>The file whose advisory lock (flock, released by the kernel when the process dies) marks a migration.</summary>
    public static string SqliteGatePath(string databasePath) => databasePath + ".migrating";

    private string Holder()
    {
        if (options.Provider == DatabaseProvider.Sqlite && SqlitePath is { } path)
        {
            var owner = SqliteGatePath(path) + ".owner";
            try
            {
                return File.Exists(owner) ? File.ReadAllText(owner).Trim() : $"lock {SqliteGatePath(path)}";
            }
            catch (IOException)
            {
                return $"lock {SqliteGatePath(path)}";
            }
        }

        return "PostgreSQL advisory lock " + PostgresLockKey.ToString(CultureInfo.InvariantCulture);
    }

    private IAsyncDisposable? TrySqliteGate()
    {
        if (SqlitePath is not { } path)
        {
            return new Nothing();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            // FileShare.None is an exclusive flock on Linux and macOS, a sharing lock on Windows: either way the
            // operating system drops it with the process, however it ends.
            var stream = new FileStream(SqliteGatePath(path), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            File.WriteAllText(SqliteGatePath(path) + ".owner",
                $"process {Environment.ProcessId} on {Environment.MachineName} since {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss}Z");
            return new Held(stream);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private async Task<IAsyncDisposable?> TryPostgresGateAsync(CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            try
            {
                await creator.CreateAsync(cancellationToken);
            }
            catch (PostgresException exists) when (exists.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Another process created it first.
            }
        }

        // Not pooled: the lock belongs to the session, which must end when this process lets go or dies.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(options.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({PostgresLockKey})", connection);
        if (await command.ExecuteScalarAsync(cancellationToken) is true)
        {
            return new HeldSession(connection);
        }

        await connection.DisposeAsync();
        return null;
    }

    /// <summary>
    /// Holding the gate, no other process of the app is migrating: a row in EF Core's lock table was left by one that
    /// died. Deleting it is what a clean dispose would have done.
    /// </summary>
    private async Task ClearStaleSqliteLockAsync(CancellationToken cancellationToken)
    {
        if (options.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var exists = connection.CreateCommand();
            exists.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'";
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
            {
                return;
            }

            await using var read = connection.CreateCommand();
            read.CommandText = "SELECT \"Timestamp\" FROM \"__EFMigrationsLock\"";
            var taken = await read.ExecuteScalarAsync(cancellationToken);
            if (taken is null or DBNull)
            {
                return;
            }

            await using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM \"__EFMigrationsLock\"";
            await delete.ExecuteNonQueryAsync(cancellationToken);
            var age = DateTimeOffset.TryParse(Convert.ToString(taken, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var at)
                ? $"{(DateTimeOffset.UtcNow - at).TotalSeconds:0} s ago"
                : "at an unknown time";
            logger.LogWarning(
                "Cleared a stale migration lock (__EFMigrationsLock, taken {Taken}, {Age}): the process that took it no longer runs.",
                taken, age);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed class Held(FileStream stream) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => stream.DisposeAsync();
    }

    private sealed class HeldSession(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using (var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({PostgresLockKey})", connection))
            {
                await command.ExecuteScalarAsync();
            }

            await connection.DisposeAsync();
        }
    }

    private sealed class Nothing : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
