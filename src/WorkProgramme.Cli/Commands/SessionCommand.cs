using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Features.Sessions;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Sessions;
using static WorkProgramme.Cli.CliContext;

namespace WorkProgramme.Cli.Commands;

/// <summary>
/// <c>wp session add --body CTP --ordinals 245,246 --year 2024 --month 10 [--season autumn]</c>,
/// <c>wp session list [--body CTP]</c>, <c>wp session edit --session ctp-245-246 --year 2024 --month 11 [--start …] [--end …] [--place …]</c>.
/// </summary>
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

        var listBody = new Option<string?>("--body") { Description = "Only this body's sessions." };
        var list = new Command("list", "List the sessions calendar, newest first: key, month, season, dates, place.") { listBody };
        list.SetAction((result, cancellationToken) => cli.WithServicesAsync(result, async services =>
        {
            var calendar = await services.GetRequiredService<SessionCalendar.Handler>()
                .HandleAsync(new SessionCalendar.Query(result.GetValue(listBody)), cancellationToken);
            foreach (var s in calendar.Sessions)
            {
                await cli.Output.WriteLineAsync(string.Join('\t', s.Key, $"{s.Year:0000}-{s.Month:00}", Wire.Name(s.Season) ?? "-",
                    s.StartDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                    s.EndDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "-", s.Place ?? "-"));
            }

            return WpCli.Success;
        }));

        var key = new Option<string>("--session", "-s") { Description = "Session key, e.g. ctp-245-246.", Required = true };
        var newYear = new Option<int>("--year") { Description = "Year of the session.", Required = true };
        var newMonth = new Option<int>("--month") { Description = "Month of the session (1-12).", Required = true };
        var newSeason = new Option<string?>("--season") { Description = "spring, summer, autumn or winter." };
        newSeason.AcceptOnlyFromAmong([.. Wire.Names<Season>()]);
        var start = new Option<string?>("--start") { Description = "First day (yyyy-mm-dd)." };
        var end = new Option<string?>("--end") { Description = "Last day (yyyy-mm-dd)." };
        var place = new Option<string?>("--place") { Description = "Where it meets." };
        var edit = new Command("edit", "Reschedule a session; deadlines naming it follow it.") { key, newYear, newMonth, newSeason, start, end, place };
        edit.SetAction((result, cancellationToken) => cli.WithServicesAsync(result, async services =>
        {
            var language = cli.LanguageOf(result);
            Season? chosen = Wire.TryParse<Season>(result.GetValue(newSeason), out var parsed) ? parsed : null;
            if (!TryDate(result.GetValue(start), out var first) || !TryDate(result.GetValue(end), out var last))
            {
                await cli.Error.WriteLineAsync(Say(language, "--start / --end : une date aaaa-mm-jj.", "--start / --end: a date yyyy-mm-dd."));
                return WpCli.Usage;
            }

            // The operator acts on the calendar as it stands now: the version is read just before the change.
            var current = await services.GetRequiredService<SessionCalendar.Handler>().FindAsync(result.GetValue(key)!, cancellationToken);
            var rescheduled = await services.GetRequiredService<RescheduleSession.Handler>().HandleAsync(new RescheduleSession.Command(Viewer.Operator,
                result.GetValue(key)!, result.GetValue(newYear), result.GetValue(newMonth), chosen, first, last,
                result.GetValue(place), current?.Version), cancellationToken);
            if (rescheduled.Failure is { } failure)
            {
                await cli.Error.WriteLineAsync(failure.Kind == FailureKind.NotFound
                    ? Say(language, $"Session inconnue « {result.GetValue(key)} ».", $"Unknown session '{result.GetValue(key)}'.")
                    : failure.Problems.FirstOrDefault()?.For(language).Text ?? failure.Kind.ToString());
                return WpCli.Failed;
            }

            await cli.Output.WriteLineAsync(Say(language, "Session replanifiée.", "Session rescheduled."));
            return WpCli.Success;
        }));
        return new Command("session", "Manage the sessions calendar.") { add, list, edit };
    }

    private static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var ok = DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var parsed);
        date = ok ? parsed : null;
        return ok;
    }
}
