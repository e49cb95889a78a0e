using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using WorkProgramme.Application.Data;
using WorkProgramme.Domain.Common;
using static WorkProgramme.Application.Features.Backup.ArchiveFormat;
using static WorkProgramme.Application.Features.Backup.DatabaseArchive;

namespace WorkProgramme.Application.Features.Backup;

/// <summary>Loads the tables of a checked archive into an empty database, all or nothing.</summary>
internal sealed class ArchiveLoader(WorkProgrammeDb db, DatabaseOptions options, SchemaMigration schema)
{
    /// <summary>Refuses a database holding any row; otherwise brings the schema up to date and writes every row in one transaction.</summary>
    public async Task LoadAsync(List<TableData> tables, CancellationToken cancellationToken)
    {
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var path = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }
        }

        var occupied = await OccupiedTablesAsync(cancellationToken);
        if (occupied.Count > 0)
        {
            var list = string.Join(", ", occupied);
            throw new DomainException(
                $"La base de destination n’est pas vide ({list}) : une importation ne se fait que dans une base vide ; rien n’a été modifié.",
                $"The target database is not empty ({list}): an archive is only imported into an empty database; nothing was changed.");
        }

        await schema.MigrateAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var table in tables.Where(t => SeededTables.Contains(t.Table.Name)))
            {
                // The migration's own rows give way to the archive's.
                await using var clear = db.Database.GetDbConnection().CreateCommand();
                clear.Transaction = transaction.GetDbTransaction();
                clear.CommandText = $"DELETE FROM {Quote(db, table.Table.Name)}";
                await clear.ExecuteNonQueryAsync(cancellationToken);
            }

            foreach (var table in InsertOrder(tables))
            {
                await InsertAsync(table, transaction.GetDbTransaction(), cancellationToken);
            }

            if (options.Provider == DatabaseProvider.Postgres)
            {
                await ResetSequencesAsync(tables, transaction.GetDbTransaction(), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task InsertAsync(TableData data, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (data.Rows.Count == 0)
        {
            return;
        }

        var target = db.Model.GetRelationalModel().FindTable(data.Table.Name, data.Table.Schema)!;
        var columns = data.Columns.Select(c => target.FindColumn(c.Name)!).ToList();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {Quote(db, target.Name)} ({string.Join(", ", columns.Select(c => Quote(db, c.Name)))}) "
            + $"VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)))})";
        foreach (var row in data.Rows)
        {
            command.Parameters.Clear();
            for (var i = 0; i < columns.Count; i++)
            {
                command.Parameters.Add(ValueCodec.Parameter(command, "@p" + i.ToString(CultureInfo.InvariantCulture), columns[i], row[i]));
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Rows came with their ids; the identity sequences must continue after them.</summary>
    private async Task ResetSequencesAsync(IEnumerable<TableData> tables, DbTransaction transaction, CancellationToken cancellationToken)
    {
        foreach (var data in tables)
        {
            var key = data.Table.PrimaryKey?.Columns;
            if (key is not { Count: 1 } || key[0].ProviderClrType is var type && type != typeof(int) && type != typeof(long))
            {
                continue;
            }

            var table = Quote(db, data.Table.Name);
            var column = Quote(db, key[0].Name);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT setval(pg_get_serial_sequence('{table}', '{key[0].Name}'), "
                + $"(SELECT COALESCE(MAX({column}), 0) + 1 FROM {table}), false) "
                + $"WHERE pg_get_serial_sequence('{table}', '{key[0].Name}') IS NOT NULL";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Tables a migration fills (the task types, docs/decisions/0052): a database holding only their rows is empty, and the
    /// archive's rows replace them.
    /// </summary>
    private static readonly HashSet<string> SeededTables = new(StringComparer.Ordinal) { "TaskTypes" };

    /// <summary>The model's tables that already exist and hold at least one row ("Programmes: 2 rows").</summary>
    private async Task<List<string>> OccupiedTablesAsync(CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var existing = new HashSet<string>(StringComparer.Ordinal);
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = options.Provider == DatabaseProvider.Sqlite
                    ? "SELECT name FROM sqlite_master WHERE type = 'table'"
                    : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()";
                await using var reader = await list.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    existing.Add(reader.GetString(0));
                }
            }

            var occupied = new List<string>();
            foreach (var table in ModelTables(db).Where(t => existing.Contains(t.Name) && !SeededTables.Contains(t.Name)))
            {
                await using var count = connection.CreateCommand();
                count.CommandText = $"SELECT COUNT(*) FROM {Quote(db, table.Name)}";
                var rows = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
                if (rows > 0)
                {
                    occupied.Add($"{table.Name}: {rows}");
                }
            }

            return occupied;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Principal tables before the tables whose foreign keys name them.</summary>
    private static IEnumerable<TableData> InsertOrder(List<TableData> tables)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var pending = tables.ToList();
        while (pending.Count > 0)
        {
            var ready = pending.Where(t => t.Table.ForeignKeyConstraints
                .All(fk => fk.PrincipalTable.Name == t.Table.Name || done.Contains(fk.PrincipalTable.Name))).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException("The model's foreign keys form a cycle: " + string.Join(", ", pending.Select(t => t.Table.Name)));
            }

            foreach (var table in ready)
            {
                done.Add(table.Table.Name);
                pending.Remove(table);
                yield return table;
            }
        }
    }
}
