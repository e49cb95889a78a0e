using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using WorkProgramme.Application.Data;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.Backup;

/// <summary>
/// A whole-database copy, Data Protection keys included (so sign-in cookies survive a restore): SQLite's
/// <c>VACUUM INTO</c> (a consistent copy while the app runs), or <c>pg_dump -Fc</c> for PostgreSQL. A restore goes
/// into an empty database only, so it can never mix two records.
/// </summary>
public static class DatabaseBackup
{
    public sealed record Command(string File);

    public sealed class Handler(WorkProgrammeDb db, DatabaseOptions options)
    {
        public async Task BackupAsync(Command command, CancellationToken cancellationToken)
        {
            var target = Path.GetFullPath(command.File);
            var temporary = target + ".tmp";
            File.Delete(temporary);
            if (options.Provider == DatabaseProvider.Sqlite)
            {
                await db.Database.ExecuteSqlAsync($"VACUUM INTO {temporary}", cancellationToken);
            }
            else
            {
                await RunAsync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", temporary], cancellationToken);
            }

            // Written beside the target, then moved: an interrupted backup never leaves half a file under its name.
            File.Move(temporary, target, overwrite: true);
        }

        public async Task RestoreAsync(Command command, CancellationToken cancellationToken)
        {
            var source = Path.GetFullPath(command.File);
            if (!File.Exists(source))
            {
                throw new DomainException($"Fichier introuvable : {source}", $"File not found: {source}");
            }

            var kind = await KindOfAsync(source, cancellationToken);
            if (kind != options.Provider)
            {
                throw new DomainException(
                    $"{source} n’est pas une sauvegarde {options.Provider} ; utilisez wp export --all et wp import --all pour passer d’une base à l’autre.",
                    $"{source} is not a {options.Provider} backup; use wp export --all and wp import --all to move between databases.");
            }

            if (await HoldsTablesAsync(cancellationToken))
            {
                throw new DomainException(
                    "La base de destination n’est pas vide : une restauration ne remplace jamais des données existantes.",
                    "The target database is not empty: a restore never replaces existing data.");
            }

            if (options.Provider == DatabaseProvider.Sqlite)
            {
                var path = Path.GetFullPath(new SqliteConnectionStringBuilder(options.ConnectionString).DataSource);
                await db.Database.CloseConnectionAsync();
                SqliteConnection.ClearAllPools();
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                foreach (var leftover in new[] { path, path + "-wal", path + "-shm" })
                {
                    File.Delete(leftover);
                }

                File.Copy(source, path);

                // VACUUM INTO writes a rollback-journal file. The app runs in WAL and may first open the file read-only
                // (EF's existence check), where the switch to WAL is refused: switch now, while the file is ours.
                await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(options.ConnectionString) { Pooling = false }.ConnectionString);
                await connection.OpenAsync(cancellationToken);
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA journal_mode=WAL;";
                await pragma.ExecuteNonQueryAsync(cancellationToken);
            }
            else
            {
                await RunAsync("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--dbname", Database, source], cancellationToken);
            }
        }

        private string Database => new NpgsqlConnectionStringBuilder(options.ConnectionString).Database
            ?? throw new InvalidOperationException("The PostgreSQL connection string names no database.");

        private async Task<bool> HoldsTablesAsync(CancellationToken cancellationToken)
        {
            var sql = options.Provider == DatabaseProvider.Sqlite
                ? "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table'"
                : "SELECT COUNT(*)::int AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'";
            if (options.Provider == DatabaseProvider.Sqlite
                && !File.Exists(new SqliteConnectionStringBuilder(options.ConnectionString).DataSource))
            {
                return false;
            }

            return await db.Database.SqlQueryRaw<int>(sql).SingleAsync(cancellationToken) > 0;
        }

        private static async Task<DatabaseProvider?> KindOfAsync(string file, CancellationToken cancellationToken)
        {
            var head = new byte[16];
            await using (var stream = File.OpenRead(file))
            {
                _ = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
            }

            var text = System.Text.Encoding.ASCII.GetString(head);
            return text.StartsWith("SQLite format 3", StringComparison.Ordinal) ? DatabaseProvider.Sqlite
                : text.StartsWith("PGDMP", StringComparison.Ordinal) ? DatabaseProvider.Postgres
                : null;
        }

        /// <summary>Runs a PostgreSQL client tool with the connection's settings in its environment (no password on the command line).</summary>
        private async Task RunAsync(string tool, IEnumerable<string> arguments, CancellationToken cancellationToken)
        {
            var connection = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["PGHOST"] = connection.Host;
            start.Environment["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            start.Environment["PGDATABASE"] = connection.Database;
            start.Environment["PGUSER"] = connection.Username;
            if (!string.IsNullOrEmpty(connection.Password))
            {
                start.Environment["PGPASSWORD"] = connection.Password;
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            _ = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                var detail = (await errors).Trim();
                throw new DomainException($"{tool} a échoué : {detail}", $"{tool} failed: {detail}");
            }
        }
    }
}
