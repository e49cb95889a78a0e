using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Features.Backup;
using static WorkProgramme.Cli.CliContext;

namespace WorkProgramme.Cli.Commands;

/// <summary><c>wp backup --out FILE</c> and <c>wp restore FILE</c> (into an empty database).</summary>
public static class BackupCommand
{
    public static Command Create(CliContext cli)
    {
        var output = new Option<FileInfo>("--out", "-o") { Description = "Backup file to write.", Required = true };
        var command = new Command("backup", "Copy the whole database (SQLite VACUUM INTO, or pg_dump -Fc for PostgreSQL), Data Protection keys included.")
        {
            output,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var language = cli.LanguageOf(result);
            var target = result.GetValue(output)!;
            return await cli.WithServicesAsync(result, async services =>
            {
                await services.GetRequiredService<DatabaseBackup.Handler>().BackupAsync(new(target.FullName), cancellationToken);
                await cli.Output.WriteLineAsync(Say(language, $"Sauvegarde écrite dans {target.FullName}", $"Backup written to {target.FullName}"));
                return WpCli.Success;
            });
        });
        return command;
    }

    public static Command CreateRestore(CliContext cli)
    {
        var file = new Argument<FileInfo>("file") { Description = "A file written by wp backup for the configured kind of database." };
        var command = new Command("restore", "Restore a backup into the configured database, which must be empty.") { file };
        command.SetAction(async (result, cancellationToken) =>
        {
            var language = cli.LanguageOf(result);
            var source = result.GetValue(file)!;
            return await cli.WithServicesAsync(result, async services =>
            {
                await services.GetRequiredService<DatabaseBackup.Handler>().RestoreAsync(new(source.FullName), cancellationToken);
                await cli.Output.WriteLineAsync(Say(language, $"Base restaurée depuis {source.FullName}", $"Database restored from {source.FullName}"));
                return WpCli.Success;
            }, initialize: false);
        });
        return command;
    }
}
