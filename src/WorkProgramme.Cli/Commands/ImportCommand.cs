using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Features.Backup;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Domain.Common;
using static WorkProgramme.Cli.CliContext;

namespace WorkProgramme.Cli.Commands;

/// <summary>
/// <c>wp import FILE [--apply] [--allow-retire]</c>: a programme file, all or nothing. Without <c>--apply</c> a preview
/// (what it would add, change and retire; nothing written); a refused file lists every problem and changes nothing;
/// taking more than a few activities out of a version needs <c>--allow-retire</c> (docs/decisions/0022).
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
        var apply = new Option<bool>("--apply")
        {
            Description = "Write the changes; without it, the import only shows what it would add, change and retire.",
        };
        var allowRetire = new Option<bool>("--allow-retire")
        {
            Description = $"Confirm that the file takes more than {ImportProgramme.RetiresWithoutConfirmation} activities out of the version.",
        };
        var command = new Command("import",
            "Create or update a programme from a programme file (JSON), shown first and written with --apply; with --all, fill an empty database from an archive.")
        {
            path, all, linkReferences, apply, allowRetire,
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
                    : await services.GetRequiredService<ImportProgramme.Handler>()
                        .HandleAsync(new(programmeFile, result.GetValue(apply), result.GetValue(allowRetire)), cancellationToken);
                if (!outcome.Succeeded)
                {
                    await cli.Error.WriteLineAsync(Say(language,
                        $"Import refusé ({Plural.Count(outcome.Problems.Count, Language.Fr, "problème", "problèmes")}) ; rien n’a été modifié :",
                        $"Import refused ({Plural.Count(outcome.Problems.Count, Language.En, "problem", "problems")}); nothing was changed:"));
                    foreach (var problem in outcome.Problems)
                    {
                        await cli.Error.WriteLineAsync("  " + problem.Describe(language));
                    }

                    return WpCli.Failed;
                }

                foreach (var change in outcome.Changes ?? [])
                {
                    var kind = change.Kind switch
                    {
                        ImportProgramme.ChangeKind.Added => Say(language, "ajoutée", "added"),
                        ImportProgramme.ChangeKind.Changed => Say(language, "modifiée", "changed"),
                        _ => Say(language, "retirée", "retired"),
                    };
                    var title = change.Title.For(language).Text ?? "—";
                    await cli.Output.WriteLineAsync($"{kind,-10}\t{change.Label ?? "—"}\t{(title.Length > 70 ? title[..70] + "…" : title)}");
                }

                var (added, changed, retired) = (outcome.Count(ImportProgramme.ChangeKind.Added), outcome.Count(ImportProgramme.ChangeKind.Changed),
                    outcome.Count(ImportProgramme.ChangeKind.Retired));
                if (outcome.Applied)
                {
                    await cli.Output.WriteLineAsync(Say(language,
                        $"Programme {outcome.Slug} importé (version {outcome.Version}) : {outcome.Activities} activités ; {Plural.Count(added, Language.Fr, "ajoutée", "ajoutées")}, {Plural.Count(changed, Language.Fr, "modifiée", "modifiées")}, {Plural.Count(retired, Language.Fr, "retirée", "retirées")}.",
                        $"Programme {outcome.Slug} imported (version {outcome.Version}): {outcome.Activities} activities; {added} added, {changed} changed, {retired} retired."));
                    return WpCli.Success;
                }

                await cli.Output.WriteLineAsync(Say(language,
                    $"Aperçu (rien n’est modifié ; --apply pour appliquer) : {outcome.Slug} version {outcome.Version} : {Plural.Count(added, Language.Fr, "ajoutée", "ajoutées")}, {Plural.Count(changed, Language.Fr, "modifiée", "modifiées")}, {Plural.Count(retired, Language.Fr, "retirée", "retirées")}.",
                    $"Preview (nothing changed; --apply to apply): {outcome.Slug} version {outcome.Version}: {added} added, {changed} changed, {retired} retired."));
                if (outcome.RetireNeedsConfirmation)
                {
                    await cli.Output.WriteLineAsync(Say(language,
                        $"Ce fichier retire {retired} activités (plus de {ImportProgramme.RetiresWithoutConfirmation}) : pour l’appliquer, ajoutez aussi --allow-retire.",
                        $"This file retires {retired} activities (more than {ImportProgramme.RetiresWithoutConfirmation}): to apply it, add --allow-retire as well."));
                }

                return WpCli.Success;
            });
        });
        return command;
    }
}
