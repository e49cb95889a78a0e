using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Features.StrategicPlans;
using static WorkProgramme.Cli.CliContext;

namespace WorkProgramme.Cli.Commands;

/// <summary>
/// <c>wp plan list</c>: the Strategic Plans, one a line: period, how many codes, how many programmes follow it, title
/// (docs/decisions/0049). Plans and their codes are changed at /admin/plans.
/// </summary>
public static class PlanCommand
{
    public static Command Create(CliContext cli)
    {
        var list = new Command("list", "List the Strategic Plans: period, codes, programmes following it, title.");
        list.SetAction((result, cancellationToken) => cli.WithServicesAsync(result, async services =>
        {
            var language = cli.LanguageOf(result);
            foreach (var plan in await services.GetRequiredService<PlanDirectory>().ListAsync(cancellationToken))
            {
                await cli.Output.WriteLineAsync(string.Join('\t', plan.Period,
                    Say(language, plan.Codes == 1 ? "1 code" : $"{plan.Codes} codes", plan.Codes == 1 ? "1 code" : $"{plan.Codes} codes"),
                    Say(language, plan.Programmes == 1 ? "1 programme" : $"{plan.Programmes} programmes",
                        plan.Programmes == 1 ? "1 programme" : $"{plan.Programmes} programmes"),
                    plan.Title.For(language).Text ?? "—"));
            }

            return WpCli.Success;
        }));
        return new Command("plan", "The Strategic Plans (a plan per period, its codes).") { list };
    }
}
