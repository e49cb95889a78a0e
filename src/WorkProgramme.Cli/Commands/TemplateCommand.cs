using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Features.OfficeTables;
using static WorkProgramme.Cli.CliContext;

namespace WorkProgramme.Cli.Commands;

/// <summary><c>wp template --format xlsx --out FILE [--lang fr|en]</c>: the blank workbook to fill in and import.</summary>
public static class TemplateCommand
{
    public static Command Create(CliContext cli)
    {
        var format = new Option<string>("--format", "-f") { Description = "Template format.", DefaultValueFactory = _ => "xlsx" };
        format.AcceptOnlyFromAmong("xlsx");
        var output = new Option<FileInfo>("--out", "-o") { Description = "File to write.", Required = true };
        var command = new Command("template", "Write the blank programme workbook (headers in --lang) to fill in and import.") { format, output };
        command.SetAction((result, cancellationToken) => cli.WithServicesAsync(result, async services =>
        {
            var language = cli.LanguageOf(result);
            var target = result.GetValue(output)!;
            var template = await services.GetRequiredService<ExportSpreadsheet.Handler>().TemplateAsync(language, cancellationToken);
            await FileOutput.WriteAsync(target, template.Content, cancellationToken);
            await cli.Output.WriteLineAsync(Say(language, $"Modèle écrit dans {target.FullName}", $"Template written to {target.FullName}"));
            return WpCli.Success;
        }));
        return command;
    }
}
