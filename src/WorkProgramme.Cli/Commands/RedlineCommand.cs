using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Features.Documents;
using WorkProgramme.Application.Identity;
using static WorkProgramme.Cli.CliContext;

namespace WorkProgramme.Cli.Commands;

/// <summary>
/// <c>wp redline --programme SLUG --from A --to B --lang fr|en --out FILE.docx</c>: the annex of version B as a Word
/// document with native tracked changes against version A (checked before it is written).
/// </summary>
public static class RedlineCommand
{
    public static Command Create(CliContext cli)
    {
        var programme = new Option<string>("--programme", "-p") { Description = "Programme slug, e.g. ptc-2022-2025.", Required = true };
        var from = new Option<string>("--from") { Description = "Label of the older version (see wp versions).", Required = true };
        var to = new Option<string>("--to") { Description = "Label of the newer version: the annex shown.", Required = true };
        var output = new Option<FileInfo?>("--out", "-o") { Description = "The .docx file to write." };
        var command = new Command("redline",
            "Write the annex of the newer version as a Word document with tracked changes against the older one, in the --lang language.")
        {
            programme, from, to, output,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var language = cli.LanguageOf(result);
            var slug = result.GetValue(programme)!;
            var target = result.GetValue(output);
            if (target is null)
            {
                await cli.Error.WriteLineAsync(Say(language,
                    "Le redline s’écrit dans un fichier Word : ajoutez --out FICHIER.docx.",
                    "The redline is written to a Word file: add --out FILE.docx."));
                return WpCli.Usage;
            }

            return await cli.WithServicesAsync(result, async services =>
            {
                var (older, newer) = (result.GetValue(from)!, result.GetValue(to)!);
                var file = await services.GetRequiredService<ExportRedline.Handler>().HandleAsync(
                    new ExportRedline.Query(Viewer.Operator, slug, older, newer, language), cancellationToken);
                if (file is null)
                {
                    await cli.Error.WriteLineAsync(Say(language,
                        $"Programme ou version introuvable : {slug} {older} {newer} (voir wp versions)",
                        $"Programme or version not found: {slug} {older} {newer} (see wp versions)"));
                    return WpCli.Usage;
                }

                await FileOutput.WriteAsync(target, file.Content, cancellationToken);
                var s = file.Summary;
                await cli.Output.WriteLineAsync(Say(language,
                    $"Redline {older} → {newer} écrit dans {target.FullName} : {s.InsertedRows} lignes insérées, {s.DeletedRows} supprimées, "
                        + $"{s.RenumberedRows} renumérotées, {s.RewordedRows} reformulées, {s.StatusChangedRows} avec l’état modifié",
                    $"Redline {older} → {newer} written to {target.FullName}: {s.InsertedRows} rows inserted, {s.DeletedRows} deleted, "
                        + $"{s.RenumberedRows} renumbered, {s.RewordedRows} reworded, {s.StatusChangedRows} with status changed"));
                return WpCli.Success;
            });
        });
        return command;
    }
}
