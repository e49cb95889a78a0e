using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Features.OfficeTables;
using WorkProgramme.Documents.Packages;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Common;
using static WorkProgramme.Cli.CliContext;

namespace WorkProgramme.Cli.Commands;

/// <summary>
/// <c>wp import-xlsx FILE --programme SLUG [--apply]</c> and <c>wp import-docx FILE --programme SLUG [--apply]</c>: print
/// what the file would change, activity by activity; with <c>--apply</c>, change it all or nothing. With
/// <c>--tracked-changes OLD,NEW</c>, <c>import-docx</c> imports the archive instead (<see cref="ArchiveImportCommand"/>).
/// </summary>
public static class TableImportCommand
{
    public static Command Create(CliContext cli, OfficeKind kind)
    {
        var isSheet = kind == OfficeKind.Spreadsheet;
        var path = new Argument<FileInfo>("file") { Description = isSheet ? "Workbook (.xlsx) in the template's layout." : "Word document (.docx) holding the programme table." };
        var programme = new Option<string>("--programme", "-p") { Description = "Programme slug, e.g. ptc-2022-2025.", Required = true };
        var apply = new Option<bool>("--apply") { Description = "Apply the changes (without it: only show them)." };
        var command = new Command(isSheet ? "import-xlsx" : "import-docx",
            isSheet
                ? "Create or update activities from an Excel workbook (preview unless --apply)."
                : "Create or update activities from the programme table of a Word document (preview unless --apply).")
        {
            path, programme, apply,
        };
        var archive = isSheet ? null : ArchiveImportCommand.AddOptions(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var language = cli.LanguageOf(result);
            var file = result.GetValue(path)!;
            if (archive is not null && await archive.UsageErrorAsync(cli, result) is { } usage)
            {
                return usage;
            }

            if (!await cli.FileExistsAsync(result, file))
            {
                return WpCli.Usage;
            }

            if (file.Length > OfficePackageGuard.MaxFileBytes)
            {
                await cli.Error.WriteLineAsync(Say(language, "Fichier trop volumineux.", "File too large."));
                return WpCli.Failed;
            }

            var bytes = await File.ReadAllBytesAsync(file.FullName, cancellationToken);
            if (archive is not null && archive.Requested(result))
            {
                return await archive.RunAsync(cli, result, file.Name, bytes, result.GetValue(programme)!, result.GetValue(apply), cancellationToken);
            }

            var table = isSheet ? SpreadsheetReader.Read(bytes) : WordTableReader.Read(bytes);
            var slug = result.GetValue(programme)!;
            var applying = result.GetValue(apply);
            return await cli.WithServicesAsync(result, async services =>
            {
                var handler = services.GetRequiredService<ImportTable.Handler>();
                var outcome = await handler.HandleAsync(new ImportTable.Command(Viewer.Operator, slug, table, Apply: false), cancellationToken);
                if (applying && outcome.Succeeded)
                {
                    // The operator confirms with --apply what the file changes now: the preview's state, checked again at the save.
                    outcome = await handler.HandleAsync(new ImportTable.Command(Viewer.Operator, slug, table, Apply: true, outcome.Value!.State), cancellationToken);
                }

                return await ReportAsync(cli, language, slug, outcome);
            });
        });
        return command;
    }

    private static async Task<int> ReportAsync(CliContext cli, Language language, string slug, Result<ImportTable.Outcome> result)
    {
        switch (result.Failure)
        {
            case { Kind: FailureKind.NotFound }:
                await cli.Error.WriteLineAsync(Say(language, $"Programme introuvable : {slug}", $"Programme not found: {slug}"));
                return WpCli.Usage;
            case { Kind: FailureKind.Invalid } failure:
                var problems = result.Value?.Problems.Select(p => p.Describe(language)).ToList()
                    ?? failure.Problems.Select(p => p.For(language).Text ?? "").ToList();
                await cli.Error.WriteLineAsync(Say(language,
                    $"Import refusé ({Plural.Count(problems.Count, Language.Fr, "problème", "problèmes")}) ; rien n’a été modifié :",
                    $"Import refused ({Plural.Count(problems.Count, Language.En, "problem", "problems")}); nothing was changed:"));
                foreach (var problem in problems)
                {
                    await cli.Error.WriteLineAsync("  " + problem);
                }

                return WpCli.Failed;
            case { Kind: FailureKind.Forbidden }:
                await cli.Error.WriteLineAsync(Say(language, "Modification non autorisée.", "Not allowed to change this programme."));
                return WpCli.Failed;
            case not null:
                await cli.Error.WriteLineAsync(Say(language, "Le programme a été modifié pendant l’import ; rien n’a été modifié : réessayez.",
                    "The programme was changed during the import; nothing was changed: try again."));
                return WpCli.Failed;
        }

        var outcome = result.Value!;

        foreach (var change in outcome.Changes)
        {
            var kind = change.Kind switch
            {
                ImportTable.ChangeKind.Added => Say(language, "ajoutée", "added"),
                ImportTable.ChangeKind.Changed => Say(language, "modifiée", "changed"),
                _ => Say(language, "inchangée", "unchanged"),
            };
            var columns = change.Columns.Count == 0 ? "" : " [" + string.Join(", ", change.Columns.Select(c => ProgrammeTable.Headers[c].In(language))) + "]";
            var title = change.Title.For(language).Text ?? "—";
            await cli.Output.WriteLineAsync($"{kind,-10}\t{change.Reference}\t{(title.Length > 70 ? title[..70] + "…" : title)}{columns}");
        }

        var (added, changed, unchanged) = (outcome.Count(ImportTable.ChangeKind.Added), outcome.Count(ImportTable.ChangeKind.Changed),
            outcome.Count(ImportTable.ChangeKind.Unchanged));
        await cli.Output.WriteLineAsync(outcome.Applied
            ? Say(language, $"Appliqué à {slug} : {Fr(added, "ajoutée")}, {Fr(changed, "modifiée")}, {Fr(unchanged, "inchangée")}.",
                $"Applied to {slug}: {added} added, {changed} changed, {unchanged} unchanged.")
            : Say(language, $"Aperçu (rien n’est modifié ; --apply pour appliquer) : {Fr(added, "ajoutée")}, {Fr(changed, "modifiée")}, {Fr(unchanged, "inchangée")}.",
                $"Preview (nothing changed; --apply to apply): {added} added, {changed} changed, {unchanged} unchanged."));
        return WpCli.Success;

        static string Fr(int count, string one) => Plural.Count(count, Language.Fr, one, one + "s");
    }
}
