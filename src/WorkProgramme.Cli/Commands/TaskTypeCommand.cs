using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Features.TaskTypes;
using WorkProgramme.Application.Identity;

namespace WorkProgramme.Cli.Commands;

/// <summary>
/// <c>wp task-type list</c>, <c>wp task-type add --code upgrade --name-fr … --name-en …</c>: the same handlers as
/// /admin/task-types (docs/decisions/0052).
/// </summary>
public static class TaskTypeCommand
{
    public static Command Create(CliContext cli)
    {
        var code = new Option<string>("--code") { Description = "The type's code, its key for good: lower-case words joined by hyphens, e.g. upgrade.", Required = true };
        var nameFr = new Option<string?>("--name-fr") { Description = "Name in French.", Required = true };
        var nameEn = new Option<string?>("--name-en") { Description = "Name in English.", Required = true };
        var add = new Command("add", "Add a task type at the end of the list.") { code, nameFr, nameEn };
        add.SetAction((result, cancellationToken) => cli.WithServicesAsync(result, async services =>
        {
            var language = cli.LanguageOf(result);
            var version = (await services.GetRequiredService<TaskTypeDirectory>().ListAsync(cancellationToken)).Version;
            var added = await services.GetRequiredService<TaskTypeEdits.Handler>().HandleAsync(new TaskTypeEdits.Add(Viewer.Operator, version,
                result.GetValue(code), result.GetValue(nameFr), result.GetValue(nameEn)), cancellationToken);
            if (added.Failure is { } failure)
            {
                await cli.Error.WriteLineAsync(failure.Problems.FirstOrDefault()?.For(language).Text ?? failure.Kind.ToString());
                return WpCli.Failed;
            }

            await cli.Output.WriteLineAsync(result.GetValue(code)!.Trim());
            return WpCli.Success;
        }));

        var list = new Command("list", "List the task types in order: code, names (fr, en), activity versions naming it.");
        list.SetAction((result, cancellationToken) => cli.WithServicesAsync(result, async services =>
        {
            foreach (var t in (await services.GetRequiredService<TaskTypeDirectory>().ListAsync(cancellationToken)).Types)
            {
                await cli.Output.WriteLineAsync(string.Join('\t', t.Code, t.Name.Fr ?? "-", t.Name.En ?? "-", t.Activities));
            }

            return WpCli.Success;
        }));
        return new Command("task-type", "Manage the task types.") { add, list };
    }
}
