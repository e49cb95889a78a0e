using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Features.Spreadsheets;
using WorkProgramme.Domain.Common;
using WorkProgramme.Application.Identity;
using static WorkProgramme.Cli.CliContext;

namespace WorkProgramme.Cli.Commands;

/// <summary><c>wp export --programme SLUG --format json|xlsx [--version LABEL] [--out FILE]</c> (xlsx: in --lang, --out required)</summary>
public static class ExportCommand
{
    public static Command Create(CliContext cli)
    {
        var programme = new Option<string>("--programme", "-p") { Description = "Programme slug, e.g. ptc-2022-2025.", Required = true };
        var format = new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "xlsx");
        var version = new Option<string?>("--version") { Description = "Version label (default: the latest)." };
        var output = new Option<FileInfo?>("--out", "-o") { Description = "File to write (default: standard output)." };
        var command = new Command("export", "Write a programme version as a programme file (JSON).") { programme, format, version, output };
        command.SetAction(async (result, cancellationToken) =>
        {
            var language = cli.LanguageOf(result);
            var slug = result.GetValue(programme)!;
            return await cli.WithServicesAsync(result, async services =>
            {
                if (result.GetValue(format) == "xlsx")
                {
                    return await ExportXlsxAsync(cli, services, language, slug, result.GetValue(version), result.GetValue(output), cancellationToken);
                }

                var file = await services.GetRequiredService<ExportProgramme.Handler>()
                    .HandleAsync(new ExportProgramme.Query(Viewer.Operator, slug, result.GetValue(version)), cancellationToken);
                if (file is null)
                {
                    await cli.Error.WriteLineAsync(Say(language, $"Programme ou version introuvable : {slug}", $"Programme or version not found: {slug}"));
                    return WpCli.Usage;
                }

                var target = result.GetValue(output);
                if (target is null)
                {
                    await using var buffer = new MemoryStream();
                    await ProgrammeJson.WriteAsync(file, buffer, cancellationToken);
                    await cli.Output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
                    return WpCli.Success;
                }

                // Write beside the target, then move: an interrupted export never leaves half a file.
                var temporary = target.FullName + ".tmp";
                await using (var stream = File.Create(temporary))
                {
                    await ProgrammeJson.WriteAsync(file, stream, cancellationToken);
                }

                File.Move(temporary, target.FullName, overwrite: true);
                await cli.Output.WriteLineAsync(Say(language,
                    $"{file.Activities.Count} activités exportées dans {target.FullName}",
                    $"{file.Activities.Count} activities exported to {target.FullName}"));
                return WpCli.Success;
            });
        });
        return command;
    }

    private static async Task<int> ExportXlsxAsync(CliContext cli, IServiceProvider services, Language language, string slug, string? version,
        FileInfo? target, CancellationToken cancellationToken)
    {
        if (target is null)
        {
            await cli.Error.WriteLineAsync(Say(language, "--out est obligatoire pour le format xlsx.", "--out is required for the xlsx format."));
            return WpCli.Usage;
        }

        var workbook = await services.GetRequiredService<ExportSpreadsheet.Handler>()
            .HandleAsync(new ExportSpreadsheet.Query(Viewer.Operator, slug, language, version), cancellationToken);
        if (workbook is null)
        {
            await cli.Error.WriteLineAsync(Say(language, $"Programme ou version introuvable : {slug}", $"Programme or version not found: {slug}"));
            return WpCli.Usage;
        }

        await SpreadsheetOutput.WriteAsync(target, workbook.Content, cancellationToken);
        await cli.Output.WriteLineAsync(Say(language,
            $"{workbook.Activities} activités exportées dans {target.FullName}",
            $"{workbook.Activities} activities exported to {target.FullName}"));
        return WpCli.Success;
    }
}
