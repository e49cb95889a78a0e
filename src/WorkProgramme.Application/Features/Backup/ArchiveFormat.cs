using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using WorkProgramme.Application.Data;
using WorkProgramme.Domain.Common;
using static WorkProgramme.Application.Features.Backup.DatabaseArchive;

namespace WorkProgramme.Application.Features.Backup;

/// <summary>What the writer, the reader and the loader of a <see cref="DatabaseArchive"/> share: its layout and its errors.</summary>
internal static class ArchiveFormat
{
    /// <summary>Guards the reader against a hostile or wrong zip: no table document of ours comes near it.</summary>
    internal const long MaxEntryBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>One table as read from a database or an archive: canonical values, rows in primary-key order.</summary>
    internal sealed record TableData(ITable Table, IReadOnlyList<IColumn> Columns, List<object?[]> Rows);

    internal static IEnumerable<ITable> ModelTables(WorkProgrammeDb db) =>
        db.Model.GetRelationalModel().Tables.OrderBy(t => t.Name, StringComparer.Ordinal);

    internal static IReadOnlyList<IColumn> ColumnsOf(ITable table) =>
        table.Columns.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();

    internal static string Quote(WorkProgrammeDb db, string identifier) => db.GetService<ISqlGenerationHelper>().DelimitIdentifier(identifier);

    /// <summary>The hash of the data alone: each table's name, row count and SHA-256, in name order (no date, no provider).</summary>
    internal static Summary Summarise(IEnumerable<(string Name, int Rows, byte[] Content)> documents)
    {
        var tables = documents.Select(d => new TableSummary(d.Name, d.Rows, Sha256(d.Content))).ToList();
        var lines = string.Concat(tables.Select(t => $"{t.Name}\t{t.Rows}\t{t.Sha256}\n"));
        return new Summary(tables, Sha256(Encoding.UTF8.GetBytes(lines)));
    }

    internal static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    internal static string EntryName(string table) => $"tables/{table}.json";

    internal static DomainException NotAnArchive() => new(
        "Ce fichier n’est pas une archive WorkProgramme (écrite par wp export --all). Rien n’a été modifié.",
        "This file is not a WorkProgramme archive (written by wp export --all). Nothing was changed.");

    internal static DomainException Damaged(string where) => new(
        $"Archive endommagée ou modifiée ({where}). Rien n’a été modifié.",
        $"The archive is damaged or was altered ({where}). Nothing was changed.");

    internal static DomainException OtherModel(string detail) => new(
        $"L’archive a été écrite par une autre version de WorkProgramme : ses tables ne sont pas celles de cette version ({detail}). Rien n’a été modifié.",
        $"The archive was written by another version of WorkProgramme: its tables are not this version's ({detail}). Nothing was changed.");

    internal static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    internal sealed class Manifest
    {
        public string? Format { get; set; }

        public int SchemaVersion { get; set; }

        public string? ExportedAt { get; set; }

        public string? SourceProvider { get; set; }

        public string? ContentHash { get; set; }

        public List<ManifestTable>? Tables { get; set; }
    }

    internal sealed class ManifestTable
    {
        public string Name { get; set; } = "";

        public int Rows { get; set; }

        public string Sha256 { get; set; } = "";
    }

    internal sealed class TableDocumentJson
    {
        public string? Table { get; set; }

        public List<string>? Columns { get; set; }

        public List<JsonElement>? Rows { get; set; }
    }
}
