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

    public sealed record TableSummary(string Name, int Rows, string Sha256);

    public sealed record Summary(IReadOnlyList<TableSummary> Tables, string ContentHash)
    {
        public long Rows => Tables.Sum(t => (long)t.Rows);
    }

    public sealed class Handler(WorkProgrammeDb db, DatabaseOptions options, TimeProvider time, SchemaMigration schema)
    {
        public Task<Summary> ExportAsync(Stream target, CancellationToken cancellationToken) =>
            new ArchiveWriter(db, options, time).WriteAsync(target, cancellationToken);

        /// <summary>
        /// Reads and checks the whole archive, then (only if the database holds no row) brings the schema up to date and
        /// writes every row in one transaction. Throws <see cref="DomainException"/> with the reason when it refuses.
        /// </summary>
        public async Task<Summary> ImportAsync(Stream source, CancellationToken cancellationToken)
        {
            var (tables, summary) = await new ArchiveReader(db).ReadAsync(source, cancellationToken);
            await new ArchiveLoader(db, options, schema).LoadAsync(tables, cancellationToken);
            return summary;
        }

        /// <summary>Reads and checks an archive without touching any database.</summary>
        public async Task<Summary> VerifyAsync(Stream source, CancellationToken cancellationToken) =>
            (await new ArchiveReader(db).ReadAsync(source, cancellationToken)).Summary;
    }
}
