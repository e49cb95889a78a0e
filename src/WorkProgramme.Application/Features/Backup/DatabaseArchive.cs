using System.Data;
using System.Data.Common;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using WorkProgramme.Application.Data;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.Backup;

/// <summary>
/// The whole database as one portable archive, readable by either provider: a zip holding <c>manifest.json</c> (format,
/// schema version, per-table row counts and SHA-256) and one JSON document per table (<c>tables/NAME.json</c>: its
/// columns, then one row a line, in primary-key order). Every table of the model is in it: bodies, sessions, plan,
/// programmes with all their versions, activities, status reports of every session, rounds, decisions, assignments,
/// comments, users and roles, API tokens, the audit trail and the Data Protection keys. Secrets come with it (password
/// hashes, token hashes, Data Protection keys) so that people keep signing in after a move: the archive is as sensitive
/// as a backup.
/// <para>
/// Values are written in a form both providers read back to the same thing: instants in UTC to a tenth of a millisecond
/// (what the SQLite store keeps), dates as <c>yyyy-MM-dd</c>, enums and JSON columns as the text the app stores. Two archives
/// of the same data therefore have the same <see cref="Summary.ContentHash"/>, whichever database wrote them.
/// </para>
/// An import goes into an empty database only and is all or nothing: the archive is read and checked whole first
/// (format, schema version, tables and columns of this version of the model, checksums), so a bad file changes nothing.
/// </summary>
public static class DatabaseArchive
{
    public const string FormatName = "workprogramme-archive";

    /// <summary>The layout of the archive itself; the tables and columns are checked against the model separately.</summary>
    public const int SchemaVersion = 1;

    public const string ManifestName = "manifest.json";

    /// <summary>Guards the reader against a hostile or wrong zip: no table document of ours comes near it.</summary>
    private const long MaxEntryBytes = 2L * 1024 * 1024 * 1024;

    public sealed record TableSummary(string Name, int Rows, string Sha256);

    public sealed record Summary(IReadOnlyList<TableSummary> Tables, string ContentHash)
    {
        public long Rows => Tables.Sum(t => (long)t.Rows);
    }

    /// <summary>One table as read from a database or an archive: canonical values, rows in primary-key order.</summary>
    private sealed record TableData(ITable Table, IReadOnlyList<IColumn> Columns, List<object?[]> Rows);

    public sealed class Handler(WorkProgrammeDb db, DatabaseOptions options, TimeProvider time, SchemaMigration schema)
    {
        public async Task<Summary> ExportAsync(Stream target, CancellationToken cancellationToken)
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

                foreach (var table in ModelTables())
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
            await WriteEntryAsync(zip, ManifestName, Manifest(summary), cancellationToken);
            foreach (var (name, content) in documents)
            {
                await WriteEntryAsync(zip, EntryName(name), content, cancellationToken);
            }

            return summary;
        }

        /// <summary>
        /// Reads and checks the whole archive, then (only if the database holds no row) brings the schema up to date and
        /// writes every row in one transaction. Throws <see cref="DomainException"/> with the reason when it refuses.
        /// </summary>
        public async Task<Summary> ImportAsync(Stream source, CancellationToken cancellationToken)
        {
            var (tables, summary) = await ReadArchiveAsync(source, cancellationToken);
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

            return summary;
        }

        /// <summary>Reads and checks an archive without touching any database.</summary>
        public async Task<Summary> VerifyAsync(Stream source, CancellationToken cancellationToken) =>
            (await ReadArchiveAsync(source, cancellationToken)).Summary;

        private IEnumerable<ITable> ModelTables() =>
            db.Model.GetRelationalModel().Tables.OrderBy(t => t.Name, StringComparer.Ordinal);

        private static IReadOnlyList<IColumn> ColumnsOf(ITable table) =>
            table.Columns.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();

        private async Task<TableData> ReadTableAsync(ITable table, CancellationToken cancellationToken)
        {
            var columns = ColumnsOf(table);
            var connection = db.Database.GetDbConnection();
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => Quote(c.Name)))} FROM {Quote(table.Name)}";
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
            command.CommandText = $"INSERT INTO {Quote(target.Name)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) "
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

                var table = Quote(data.Table.Name);
                var column = Quote(key[0].Name);
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.Transaction = transaction;
                command.CommandText = $"SELECT setval(pg_get_serial_sequence('{table}', '{key[0].Name}'), "
                    + $"(SELECT COALESCE(MAX({column}), 0) + 1 FROM {table}), false) "
                    + $"WHERE pg_get_serial_sequence('{table}', '{key[0].Name}') IS NOT NULL";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

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
                foreach (var table in ModelTables().Where(t => existing.Contains(t.Name)))
                {
                    await using var count = connection.CreateCommand();
                    count.CommandText = $"SELECT COUNT(*) FROM {Quote(table.Name)}";
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

        private async Task<(List<TableData> Tables, Summary Summary)> ReadArchiveAsync(Stream source, CancellationToken cancellationToken)
        {
            ZipArchive zip;
            try
            {
                zip = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
            }
            catch (InvalidDataException)
            {
                throw NotAnArchive();
            }

            using (zip)
            {
                var manifest = await ReadManifestAsync(zip, cancellationToken);
                var model = ModelTables().ToDictionary(t => t.Name, StringComparer.Ordinal);
                var named = manifest.Tables!.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
                var missing = model.Keys.Where(n => !named.Contains(n)).ToList();
                var unknown = named.Where(n => !model.ContainsKey(n)).ToList();
                if (missing.Count > 0 || unknown.Count > 0)
                {
                    throw OtherModel(string.Join(", ", missing.Select(n => "-" + n).Concat(unknown.Select(n => "+" + n))));
                }

                var tables = new List<TableData>();
                var documents = new List<(string Name, int Rows, byte[] Content)>();
                foreach (var entry in manifest.Tables!)
                {
                    var content = await ReadEntryAsync(zip, EntryName(entry.Name), cancellationToken);
                    if (!string.Equals(Sha256(content), entry.Sha256, StringComparison.OrdinalIgnoreCase))
                    {
                        throw Damaged($"{EntryName(entry.Name)}: SHA-256");
                    }

                    var data = ParseTable(model[entry.Name], content);
                    if (data.Rows.Count != entry.Rows)
                    {
                        throw Damaged($"{EntryName(entry.Name)}: {data.Rows.Count} ≠ {entry.Rows}");
                    }

                    tables.Add(data);
                    documents.Add((entry.Name, entry.Rows, content));
                }

                var summary = Summarise(documents.OrderBy(d => d.Name, StringComparer.Ordinal).Select(d => (d.Name, d.Rows, d.Content)));
                if (!string.Equals(summary.ContentHash, manifest.ContentHash, StringComparison.OrdinalIgnoreCase))
                {
                    throw Damaged("contentHash");
                }

                return (tables, summary);
            }
        }

        private static async Task<Manifest> ReadManifestAsync(ZipArchive zip, CancellationToken cancellationToken)
        {
            if (zip.GetEntry(ManifestName) is null)
            {
                throw NotAnArchive();
            }

            Manifest? manifest;
            try
            {
                manifest = JsonSerializer.Deserialize<Manifest>(await ReadEntryAsync(zip, ManifestName, cancellationToken), ManifestJson);
            }
            catch (JsonException)
            {
                throw NotAnArchive();
            }

            if (manifest is null || manifest.Format != FormatName)
            {
                throw NotAnArchive();
            }

            if (manifest.SchemaVersion != SchemaVersion)
            {
                throw new DomainException(
                    $"Cette archive est au schéma {manifest.SchemaVersion} ; cette version de WorkProgramme lit le schéma {SchemaVersion}. Rien n’a été modifié.",
                    $"This archive has schema version {manifest.SchemaVersion}; this version of WorkProgramme reads schema version {SchemaVersion}. Nothing was changed.");
            }

            if (manifest.Tables is null || manifest.ContentHash is null)
            {
                throw NotAnArchive();
            }

            return manifest;
        }

        private static TableData ParseTable(ITable table, byte[] content)
        {
            var name = EntryName(table.Name);
            var columns = ColumnsOf(table);
            TableDocumentJson? document;
            try
            {
                document = JsonSerializer.Deserialize<TableDocumentJson>(content, ManifestJson);
            }
            catch (JsonException)
            {
                throw Damaged(name);
            }

            if (document?.Columns is null || document.Rows is null || document.Table != table.Name)
            {
                throw Damaged(name);
            }

            if (!document.Columns.SequenceEqual(columns.Select(c => c.Name), StringComparer.Ordinal))
            {
                throw OtherModel($"{table.Name} ({string.Join(", ", document.Columns)})");
            }

            var rows = new List<object?[]>(document.Rows.Count);
            foreach (var (element, index) in document.Rows.Select((r, i) => (r, i)))
            {
                if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() != columns.Count)
                {
                    throw Damaged($"{name}, row {index + 1}");
                }

                var row = new object?[columns.Count];
                var i = 0;
                foreach (var cell in element.EnumerateArray())
                {
                    row[i] = ValueCodec.FromJson(cell, columns[i]) is { } parsed
                        ? parsed.Value
                        : throw Damaged($"{name}, row {index + 1}, {columns[i].Name}");
                    i++;
                }

                rows.Add(row);
            }

            return new TableData(table, columns, rows);
        }

        private string Quote(string identifier) => db.GetService<ISqlGenerationHelper>().DelimitIdentifier(identifier);

        private byte[] Manifest(Summary summary) => JsonSerializer.SerializeToUtf8Bytes(new Manifest
        {
            Format = FormatName,
            SchemaVersion = SchemaVersion,
            ExportedAt = time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            SourceProvider = options.Provider.ToString(),
            ContentHash = summary.ContentHash,
            Tables = summary.Tables.Select(t => new ManifestTable { Name = t.Name, Rows = t.Rows, Sha256 = t.Sha256 }).ToList(),
        }, ManifestJson);
    }

    /// <summary>The hash of the data alone: each table's name, row count and SHA-256, in name order (no date, no provider).</summary>
    private static Summary Summarise(IEnumerable<(string Name, int Rows, byte[] Content)> documents)
    {
        var tables = documents.Select(d => new TableSummary(d.Name, d.Rows, Sha256(d.Content))).ToList();
        var lines = string.Concat(tables.Select(t => $"{t.Name}\t{t.Rows}\t{t.Sha256}\n"));
        return new Summary(tables, Sha256(Encoding.UTF8.GetBytes(lines)));
    }

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static string EntryName(string table) => $"tables/{table}.json";

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

    private static async Task<byte[]> ReadEntryAsync(ZipArchive zip, string name, CancellationToken cancellationToken)
    {
        var entry = zip.GetEntry(name) ?? throw Damaged(name);
        if (entry.Length > MaxEntryBytes)
        {
            throw Damaged(name);
        }

        try
        {
            await using var stream = await entry.OpenAsync(cancellationToken);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            return buffer.ToArray();
        }
        catch (InvalidDataException)
        {
            throw Damaged(name);
        }
    }

    private static DomainException NotAnArchive() => new(
        "Ce fichier n’est pas une archive WorkProgramme (écrite par wp export --all). Rien n’a été modifié.",
        "This file is not a WorkProgramme archive (written by wp export --all). Nothing was changed.");

    private static DomainException Damaged(string where) => new(
        $"Archive endommagée ou modifiée ({where}). Rien n’a été modifié.",
        $"The archive is damaged or was altered ({where}). Nothing was changed.");

    private static DomainException OtherModel(string detail) => new(
        $"L’archive a été écrite par une autre version de WorkProgramme : ses tables ne sont pas celles de cette version ({detail}). Rien n’a été modifié.",
        $"The archive was written by another version of WorkProgramme: its tables are not this version's ({detail}). Nothing was changed.");

    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private sealed class Manifest
    {
        public string? Format { get; set; }

        public int SchemaVersion { get; set; }

        public string? ExportedAt { get; set; }

        public string? SourceProvider { get; set; }

        public string? ContentHash { get; set; }

        public List<ManifestTable>? Tables { get; set; }
    }

    private sealed class ManifestTable
    {
        public string Name { get; set; } = "";

        public int Rows { get; set; }

        public string Sha256 { get; set; } = "";
    }

    private sealed class TableDocumentJson
    {
        public string? Table { get; set; }

        public List<string>? Columns { get; set; }

        public List<JsonElement>? Rows { get; set; }
    }
}
