using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Features.Sessions;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Sessions;
using static WorkProgramme.Cli.CliContext;

namespace WorkProgramme.Cli.Commands;

/// <summary><c>wp session add --body CTP --ordinals 245,246 --year 2024 --month 10 [--season autumn]</c></summary>
public static class SessionCommand
{
    public static Command Create(CliContext cli)
    {
        var body = new Option<string>("--body") { Description = "Body code, e.g. CTP.", Required = true };
        var ordinals = new Option<string>("--ordinals") { Description = "Session numbers, e.g. 245,246.", Required = true };
        var year = new Option<int>("--year") { Description = "Year of the session.", Required = true };
        var month = new Option<int>("--month") { Description = "Month of the session (1-12).", Required = true };
        var season = new Option<string?>("--season") { Description = "spring, summer, autumn or winter." };
        season.AcceptOnlyFromAmong([.. Wire.Names<Season>()]);
        var add = new Command("add", "Add a session to a body's calendar.") { body, ordinals, year, month, season };
        add.SetAction((result, cancellationToken) => cli.WithServicesAsync(result, async services =>
        {
            var language = cli.LanguageOf(result);
            var numbers = result.GetValue(ordinals)!.Split(',', '/').Select(o => int.TryParse(o.Trim(), out var n) ? n : -1).ToList();
            if (numbers.Any(n => n <= 0))
            {
                await cli.Error.WriteLineAsync(Say(language, "--ordinals : des entiers positifs séparés par des virgules.", "--ordinals: positive whole numbers separated by commas."));
                return WpCli.Usage;
            }

            Season? chosen = Wire.TryParse<Season>(result.GetValue(season), out var parsed) ? parsed : null;
            var key = await services.GetRequiredService<AddSession.Handler>().HandleAsync(new AddSession.Command(Viewer.Operator,
                result.GetValue(body)!, numbers, result.GetValue(year), result.GetValue(month), chosen), cancellationToken);
            await cli.Output.WriteLineAsync(key);
            return WpCli.Success;
        }));
        return new Command("session", "Manage the sessions calendar.") { add };
    }
}
