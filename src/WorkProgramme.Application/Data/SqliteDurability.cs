using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WorkProgramme.Application.Data;

/// <summary>
/// Every SQLite connection runs in WAL with synchronous=FULL (an acknowledged write survives a crash), waits
/// instead of failing when another writer holds the lock, and enforces foreign keys.
/// </summary>
/// <remarks>
/// A read-only connection (EF opens one to ask whether the file exists) cannot switch a file that is still in
/// rollback-journal mode (a copy, a file from another tool) to WAL: SQLite answers "attempt to write a readonly
/// database". It leaves the mode alone; the first read-write connection switches it.
/// </remarks>
internal sealed class SqliteDurability : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";
    private const string ReadOnlyPragmas = "PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (connection is SqliteConnection)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = PragmasFor(connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = PragmasFor(connection);
            command.ExecuteNonQuery();
        }
    }

    private static string PragmasFor(DbConnection connection) =>
        new SqliteConnectionStringBuilder(connection.ConnectionString).Mode == SqliteOpenMode.ReadOnly ? ReadOnlyPragmas : Pragmas;
}
