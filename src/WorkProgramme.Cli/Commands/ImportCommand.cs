using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Features.Interchange;
using static WorkProgramme.Cli.CliContext;

namespace WorkProgramme.Cli.Commands;

/// <summary><c>wp import FILE</c>: all or nothing; a refused file lists every problem and changes nothing.</summary>
public static class ImportCommand
{
    public static Command Create(CliContext cli)
    {
        var path = new Argument<FileInfo>("file") { Description = "Programme file (JSON) to import." };
        var linkReferences = new Option<bool>("--link-references")
        {
            Description = "Turn \"activité N\" / \"activity N\" in the texts into references to the activity so numbered (same section).",
        };
        var command = new Command("import", "Create or update a programme from a programme file (JSON).") { path, linkReferences };
        command.SetAction(async (result, cancellationToken) =>
        {
            var language = cli.LanguageOf(result);
            var file = result.GetValue(path)!;
            if (!file.Exists)
            {
                await cli.Error.WriteLineAsync(Say(language, $"Fichier introuvable : {file.FullName}", $"File not found: {file.FullName}"));
                return WpCli.Usage;
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
