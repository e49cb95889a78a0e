using System.Data;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using WorkProgramme.Application.Data;
using static WorkProgramme.Application.Features.Backup.ArchiveFormat;
using static WorkProgramme.Application.Features.Backup.DatabaseArchive;

namespace WorkProgramme.Application.Features.Backup;

/// <summary>Writes the whole database as an archive, from one consistent snapshot of every table.</summary>
internal sealed class ArchiveWriter(WorkProgrammeDb db, DatabaseOptions options, TimeProvider time)
{
    public async Task<Summary> WriteAsync(Stream target, CancellationToken cancellationToken)
    {
        var tables = new List<TableData>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // One snapshot for every table, without blocking writers (a deferred SQLite transaction under WAL).
            if (db.Database.GetDbConnection() is SqliteConnection sqlite)
            {
                await db.Database.UseTransactionAsync(sqlite.BeginTransaction(deferred: true), cancellationToken);
            }
            else
            {
                await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            }

            foreach (var table in ModelTables(db))
            {
                tables.Add(await ReadTableAsync(table, cancellationToken));
            }

            await db.Database.RollbackTransactionAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        var documents = tables.Select(t => (t.Table.Name, Content: TableDocument(t))).ToList();
        var summary = Summarise(documents.Select(d => (d.Name, Rows: tables.Single(t => t.Table.Name == d.Name).Rows.Count, d.Content)));
        using var zip = new ZipArchive(target, ZipArchiveMode.Create, leaveOpen: true);
        await WriteEntryAsync(zip, ManifestName, ManifestOf(summary), cancellationToken);
        foreach (var (name, content) in documents)
        {
            await WriteEntryAsync(zip, EntryName(name), content, cancellationToken);
        }

        return summary;
    }

    private async Task<TableData> ReadTableAsync(ITable table, CancellationToken cancellationToken)
    {
        var columns = ColumnsOf(table);
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => Quote(db, c.Name)))} FROM {Quote(db, table.Name)}";
        var rows = new List<object?[]>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = new object?[columns.Count];
                for (var i = 0; i < columns.Count; i++)
                {
                    row[i] = ValueCodec.Read(reader, i, columns[i]);
                }

                rows.Add(row);
            }
        }

        var data = new TableData(table, columns, rows);
        SortRows(data);
        return data;
    }

    private byte[] ManifestOf(Summary summary) => JsonSerializer.SerializeToUtf8Bytes(new Manifest
    {
        Format = FormatName,
        SchemaVersion = SchemaVersion,
        ExportedAt = time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        SourceProvider = options.Provider.ToString(),
        ContentHash = summary.ContentHash,
        Tables = summary.Tables.Select(t => new ManifestTable { Name = t.Name, Rows = t.Rows, Sha256 = t.Sha256 }).ToList(),
    }, ManifestJson);

    private static void SortRows(TableData data)
    {
        var key = (data.Table.PrimaryKey?.Columns ?? []).Select(c => data.Columns.ToList().IndexOf(c)).Where(i => i >= 0).ToArray();
        if (key.Length == 0)
        {
            key = Enumerable.Range(0, data.Columns.Count).ToArray();
        }

        data.Rows.Sort((a, b) =>
        {
            foreach (var i in key)
            {
                var order = ValueCodec.Compare(a[i], b[i]);
                if (order != 0)
                {
                    return order;
                }
            }

            return 0;
        });
    }

    /// <summary><c>{"table":…,"columns":[…],"rows":[</c> then one row a line: readable, diffable, canonical.</summary>
    private static byte[] TableDocument(TableData data)
    {
        var options = new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using var buffer = new MemoryStream();
        buffer.Write(Encoding.UTF8.GetBytes("{\"table\":" + JsonSerializer.Serialize(data.Table.Name)
            + ",\"columns\":" + JsonSerializer.Serialize(data.Columns.Select(c => c.Name)) + ",\"rows\":["));
        for (var r = 0; r < data.Rows.Count; r++)
        {
            buffer.Write(r == 0 ? "\n"u8 : ",\n"u8);
            using var writer = new Utf8JsonWriter(buffer, options);
            writer.WriteStartArray();
            foreach (var value in data.Rows[r])
            {
                ValueCodec.Write(writer, value);
            }

            writer.WriteEndArray();
        }

        buffer.Write("\n]}\n"u8);
        return buffer.ToArray();
    }

    private static async Task WriteEntryAsync(ZipArchive zip, string name, byte[] content, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await using var stream = await entry.OpenAsync(cancellationToken);
        await stream.WriteAsync(content, cancellationToken);
    }
}
