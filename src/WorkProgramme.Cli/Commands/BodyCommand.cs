using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Features.Bodies;
using WorkProgramme.Domain.Common;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Bodies;

namespace WorkProgramme.Cli.Commands;

/// <summary>
/// <c>wp body add --code GT-X --name-fr … [--name-en …] [--abbreviation-fr …] [--abbreviation-en …] [--kind working-group]</c>,
/// <c>wp body list</c>: the same handlers as /admin/bodies (docs/decisions/0042).
/// </summary>
public static class BodyCommand
{
    public static Command Create(CliContext cli)
    {
        var code = new Option<string>("--code") { Description = "The body's code, its key for good, e.g. CTP.", Required = true };
        var nameFr = new Option<string?>("--name-fr") { Description = "Name in French." };
        var nameEn = new Option<string?>("--name-en") { Description = "Name in English." };
        var abbreviationFr = new Option<string?>("--abbreviation-fr") { Description = "French abbreviation, e.g. CTP." };
        var abbreviationEn = new Option<string?>("--abbreviation-en") { Description = "English abbreviation, e.g. PTC." };
        var kind = new Option<string?>("--kind") { Description = "committee (default), working-group, project-team, management-committee, contact-committee, council, policy-commission or other." };
        kind.AcceptOnlyFromAmong([.. Wire.Names<BodyKind>()]);
        var add = new Command("add", "Add a working body.") { code, nameFr, nameEn, abbreviationFr, abbreviationEn, kind };
        add.SetAction((result, cancellationToken) => cli.WithServicesAsync(result, async services =>
        {
            var language = cli.LanguageOf(result);
            var chosen = Wire.TryParse<BodyKind>(result.GetValue(kind), out var parsed) ? parsed : BodyKind.Committee;
            var added = await services.GetRequiredService<AddBody.Handler>().HandleAsync(new AddBody.Command(Viewer.Operator, result.GetValue(code),
                result.GetValue(abbreviationFr), result.GetValue(abbreviationEn), result.GetValue(nameFr), result.GetValue(nameEn), chosen),
                cancellationToken);
            if (added.Failure is { } failure)
            {
                await cli.Error.WriteLineAsync(failure.Problems.FirstOrDefault()?.For(language).Text ?? failure.Kind.ToString());
                return WpCli.Failed;
            }

            await cli.Output.WriteLineAsync(added.Value);
            return WpCli.Success;
        }));

        var list = new Command("list", "List the bodies: code, abbreviations (fr, en), names (fr, en), programmes and sessions using the code.");
        list.SetAction((result, cancellationToken) => cli.WithServicesAsync(result, async services =>
        {
            foreach (var b in await services.GetRequiredService<BodyDirectory>().ListAsync(cancellationToken))
            {
                await cli.Output.WriteLineAsync(string.Join('\t', b.Code, b.Abbreviation.Fr ?? "-", b.Abbreviation.En ?? "-", b.Name.Fr ?? "-",
                    b.Name.En ?? "-", b.Programmes, b.Sessions));
            }

            return WpCli.Success;
        }));
        return new Command("body", "Manage the working bodies.") { add, list };
    }
}
