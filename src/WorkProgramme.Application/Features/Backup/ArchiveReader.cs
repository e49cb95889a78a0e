using System.IO.Compression;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata;
using WorkProgramme.Application.Data;
using WorkProgramme.Domain.Common;
using static WorkProgramme.Application.Features.Backup.ArchiveFormat;
using static WorkProgramme.Application.Features.Backup.DatabaseArchive;

namespace WorkProgramme.Application.Features.Backup;

/// <summary>Reads and checks a whole archive (format, schema version, this model's tables and columns, checksums) without writing anything.</summary>
internal sealed class ArchiveReader(WorkProgrammeDb db)
{
    public async Task<(List<TableData> Tables, Summary Summary)> ReadAsync(Stream source, CancellationToken cancellationToken)
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
            var model = ModelTables(db).ToDictionary(t => t.Name, StringComparer.Ordinal);
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
}
