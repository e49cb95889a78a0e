using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Features.ScaleData;
using static WorkProgramme.Cli.CliContext;

namespace WorkProgramme.Cli.Commands;

/// <summary><c>wp generate --committees 50 --activities 100 --sessions 12</c>: made-up committees for performance work.</summary>
public static class GenerateCommand
{
    public static Command Create(CliContext cli)
    {
        var committees = new Option<int>("--committees") { Description = "Number of committees (one programme each).", DefaultValueFactory = _ => 50 };
        var activities = new Option<int>("--activities") { Description = "Activities per programme.", DefaultValueFactory = _ => 100 };
        var sessions = new Option<int>("--sessions") { Description = "Sessions per committee (two a year from 2020).", DefaultValueFactory = _ => 12 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same data.", DefaultValueFactory = _ => 2024 };
        var command = new Command("generate", "Fill the database with generated committees, programmes and status reports (scale tests).")
        {
            committees, activities, sessions, seed,
        };
        command.SetAction((result, cancellationToken) => cli.WithServicesAsync(result, async services =>
        {
            var language = cli.LanguageOf(result);
            var outcome = await services.GetRequiredService<GenerateScaleData.Handler>().HandleAsync(new GenerateScaleData.Command(
                result.GetValue(committees), result.GetValue(activities), result.GetValue(sessions), result.GetValue(seed)), cancellationToken);
            foreach (var problem in outcome.Problems)
            {
                await cli.Error.WriteLineAsync(problem);
            }

            await cli.Output.WriteLineAsync(Say(language,
                $"{outcome.Programmes} programmes, {outcome.Activities} activités générés.",
                $"{outcome.Programmes} programmes, {outcome.Activities} activities generated."));
            return outcome.Problems.Count == 0 ? WpCli.Success : WpCli.Usage;
        }));
        return command;
    }
}
