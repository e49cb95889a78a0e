using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Features.Backup;
using WorkProgramme.Application.Features.Interchange;
using static WorkProgramme.Cli.CliContext;

namespace WorkProgramme.Cli.Commands;

/// <summary>
/// <c>wp import FILE</c>: a programme file, all or nothing; a refused file lists every problem and changes nothing.
/// <c>wp import --all FILE</c>: an archive written by <c>wp export --all</c>, into an empty database of either provider.
/// </summary>
public static class ImportCommand
{
    public static Command Create(CliContext cli)
    {
        var path = new Argument<FileInfo>("file") { Description = "Programme file (JSON) to import, or with --all an archive of wp export --all." };
        var all = new Option<bool>("--all")
        {
            Description = "The file is an archive of a whole database (wp export --all): load it into the configured database, which must be empty.",
        };
        var linkReferences = new Option<bool>("--link-references")
        {
            Description = "Turn \"activité N\" / \"activity N\" in the texts into references to the activity so numbered (same section).",
        };
        var command = new Command("import",
            "Create or update a programme from a programme file (JSON); with --all, fill an empty database from an archive.")
        {
            path, all, linkReferences,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var language = cli.LanguageOf(result);
            var file = result.GetValue(path)!;
            if (!await cli.FileExistsAsync(result, file))
            {
                return WpCli.Usage;
            }

            if (result.GetValue(all))
            {
                // Not initialized: the database must stay empty until the archive is checked; the import migrates it.
                return await cli.WithServicesAsync(result, async services =>
                {
                    await using var stream = file.OpenRead();
                    var summary = await services.GetRequiredService<DatabaseArchive.Handler>().ImportAsync(stream, cancellationToken);
                    await cli.Output.WriteLineAsync(Say(language,
                        $"Archive importée : {summary.Tables.Count} tables, {summary.Rows} lignes, empreinte {summary.ContentHash}",
                        $"Archive imported: {summary.Tables.Count} tables, {summary.Rows} rows, content hash {summary.ContentHash}"));
                    return WpCli.Success;
                }, initialize: false);
            }

            if (file.Length > ProgrammeJson.MaxFileBytes)
            {
                await cli.Error.WriteLineAsync(Say(language, "Fichier trop volumineux.", "File too large."));
                return WpCli.Failed;
            }

            return await cli.WithServicesAsync(result, async services =>
            {
                await using var stream = file.OpenRead();
                var (programmeFile, problems) = await ProgrammeJson.ReadAsync(stream, cancellationToken);
                if (programmeFile is not null && result.GetValue(linkReferences))
                {
                    (programmeFile, var links) = ProgrammeFileReferences.LinkMentions(programmeFile);
                    foreach (var link in links)
                    {
                        await cli.Output.WriteLineAsync(Say(language,
                            $"renvoi : {link.Location} : activité {link.Number} → {link.Target}",
                            $"reference: {link.Location}: activity {link.Number} → {link.Target}"));
                    }
                }

                var outcome = programmeFile is null
                    ? ImportProgramme.Outcome.Rejected(problems)
                    : await services.GetRequiredService<ImportProgramme.Handler>().HandleAsync(new(programmeFile), cancellationToken);
                if (!outcome.Succeeded)
                {
                    await cli.Error.WriteLineAsync(Say(language,
                        $"Import refusé ({outcome.Problems.Count} problème(s)) ; rien n’a été modifié :",
                        $"Import refused ({outcome.Problems.Count} problem(s)); nothing was changed:"));
                    foreach (var problem in outcome.Problems)
                    {
                        await cli.Error.WriteLineAsync("  " + problem.Describe(language));
                    }

                    return WpCli.Failed;
                }

                await cli.Output.WriteLineAsync(Say(language,
                    $"Programme {outcome.Slug} importé : {outcome.Activities} activités.",
                    $"Programme {outcome.Slug} imported: {outcome.Activities} activities."));
                return WpCli.Success;
            });
        });
        return command;
    }
}
