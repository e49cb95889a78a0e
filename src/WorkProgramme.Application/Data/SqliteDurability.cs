using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WorkProgramme.Application.Data;

/// <summary>
/// Every SQLite connection runs in WAL with synchronous=FULL (an acknowledged write survives a crash), waits
/// instead of failing when another writer holds the lock, and enforces foreign keys. The journal mode and the
/// synchronous level are read back on every read-write connection: a connection SQLite will not give them to is
/// refused, since a power cut is the one failure the tests cannot cause here (docs/reliability.md, T2).
/// </summary>
/// <remarks>
/// A read-only connection (EF opens one to ask whether the file exists) cannot switch a file that is still in
/// rollback-journal mode (a copy, a file from another tool) to WAL: SQLite answers "attempt to write a readonly
/// database". It leaves the mode alone; the first read-write connection switches it.
/// </remarks>
internal sealed class SqliteDurability : DbConnectionInterceptor
{
    private const string LockAndKeys = "PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    // Setting journal_mode answers with the mode in force; the last statement reads synchronous back (2 = FULL).
    private const string Durability = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA synchronous;";
    private const long Full = 2;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is not SqliteConnection)
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = LockAndKeys;
        command.ExecuteNonQuery();
        if (IsReadOnly(connection))
        {
            return;
        }

        command.CommandText = Durability;
        using var reader = command.ExecuteReader();
        reader.Read();
        var journalMode = reader.GetString(0);
        reader.NextResult();
        reader.Read();
        Ensure(journalMode, reader.GetInt64(0));
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (connection is not SqliteConnection)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = LockAndKeys;
        await command.ExecuteNonQueryAsync(cancellationToken);
        if (IsReadOnly(connection))
        {
            return;
        }

        command.CommandText = Durability;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var journalMode = reader.GetString(0);
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        Ensure(journalMode, reader.GetInt64(0));
    }

    private static bool IsReadOnly(DbConnection connection) =>
        new SqliteConnectionStringBuilder(connection.ConnectionString).Mode == SqliteOpenMode.ReadOnly;

    private static void Ensure(string journalMode, long synchronous)
    {
        if (!string.Equals(journalMode, "wal", StringComparison.OrdinalIgnoreCase) || synchronous != Full)
        {
            throw new InvalidOperationException(
                $"SQLite runs this database with journal_mode={journalMode} and synchronous={synchronous}, not WAL and FULL (2): " +
                "an acknowledged change could be lost in a crash, so the connection is refused. An in-memory database or a file " +
                "system without shared memory cannot hold the record.");
        }
    }
}
