using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Features.Programmes;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using static WorkProgramme.Cli.CliContext;

namespace WorkProgramme.Cli.Commands;

/// <summary>
/// <c>wp programme new --programme SLUG --body CODE --period 2025-2028 [--title-fr …] [--title-en …] [--symbol …]
/// [--carry-over-from SLUG] [--plan PERIOD]</c>: a new programme with an empty first draft, or the next period of a programme (the rule
/// chooses the activities carried over; the previous programme is archived). Prints the new programme's slug and the
/// label of its first version; carried deadlines that fall before the new period are listed on standard error.
/// </summary>
public static class ProgrammeCommand
{
    public static Command Create(CliContext cli)
    {
        var slug = new Option<string>("--programme", "-p") { Description = "Slug of the new programme, e.g. ptc-2025-2028.", Required = true };
        var body = new Option<string>("--body") { Description = "Code of the body whose programme it is, e.g. CTP.", Required = true };
        var period = new Option<string>("--period") { Description = "Years of the period, e.g. 2025-2028.", Required = true };
        var titleFr = new Option<string?>("--title-fr") { Description = "French title (default: from the body and the period)." };
        var titleEn = new Option<string?>("--title-en") { Description = "English title (default: from the body and the period)." };
        var symbol = new Option<string?>("--symbol") { Description = "Document symbol of the first version, e.g. PC0780." };
        var from = new Option<string?>("--carry-over-from") { Description = "Slug of the previous period's programme: its unfinished and permanent activities are carried over, and it is archived." };
        var plan = new Option<string?>("--plan") { Description = "Period of the Strategic Plan whose codes its activities use, e.g. 2026-2029 (default: the plan covering the programme's first year)." };
        var create = new Command("new", "Create a programme (an empty first draft), or the next period of one with --carry-over-from.")
        {
            slug, body, period, titleFr, titleEn, symbol, from, plan,
        };
        create.SetAction((result, cancellationToken) => cli.WithServicesAsync(result, async services =>
        {
            var language = cli.LanguageOf(result);
            var created = await services.GetRequiredService<CreateProgramme.Handler>().HandleAsync(new CreateProgramme.Command(Viewer.Operator,
                result.GetValue(slug), result.GetValue(body), result.GetValue(period), result.GetValue(titleFr), result.GetValue(titleEn),
                result.GetValue(symbol), result.GetValue(from), Plan: result.GetValue(plan)), cancellationToken);
            if (created.Failure is { } failure)
            {
                if (failure.Kind == FailureKind.NotFound)
                {
                    await cli.Error.WriteLineAsync(Say(language, $"Programme introuvable : {result.GetValue(from)}", $"Programme not found: {result.GetValue(from)}"));
                    return WpCli.Usage;
                }

                foreach (var problem in failure.Problems)
                {
                    await cli.Error.WriteLineAsync(problem.For(language).Text);
                }

                return failure.Kind == FailureKind.Invalid ? WpCli.Usage : WpCli.Failed;
            }

            var done = created.Value!;
            await cli.Output.WriteLineAsync($"{done.Slug}\t{done.VersionLabel}");
            if (!string.IsNullOrWhiteSpace(result.GetValue(from)))
            {
                await cli.Error.WriteLineAsync(Say(language,
                    $"{done.Carried} activités reprises de {result.GetValue(from)}, désormais archivé.",
                    $"{done.Carried} activities carried over from {result.GetValue(from)}, now archived."));
            }

            if (done.DeadlinesBeforePeriod.Count > 0)
            {
                await cli.Error.WriteLineAsync(Say(language,
                    $"Délais antérieurs à la période, à fixer de nouveau : {string.Join(", ", done.DeadlinesBeforePeriod)}",
                    $"Deadlines before the period, to set again: {string.Join(", ", done.DeadlinesBeforePeriod)}"));
            }

            if (done.CodesNotInPlan is { Count: > 0 } codes)
            {
                var list = string.Join(", ", codes.Select(c => $"{c.Label} ({string.Join(", ", c.Codes)})"));
                var plan = done.PlanPeriod?.Replace('-', '–');
                await cli.Error.WriteLineAsync(Say(language,
                    $"Codes absents du plan {plan}, gardés et signalés, à remplacer : {list}",
                    $"Codes not in the plan {plan}, kept and flagged, to replace: {list}"));
            }

            return WpCli.Success;
        }));
        return new Command("programme", "Create programmes: a new one, or the next period of one.") { create };
    }
}
