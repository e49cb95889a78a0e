using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Features.Rounds;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.StatusReports;
using static WorkProgramme.Cli.CliContext;

namespace WorkProgramme.Cli.Commands;

/// <summary><c>wp round open|status|publish --programme SLUG --session KEY [--confirm]</c></summary>
public static class RoundCommand
{
    public static Command Create(CliContext cli)
    {
        var programme = new Option<string>("--programme", "-p") { Description = "Programme slug.", Required = true };
        var session = new Option<string>("--session", "-s") { Description = "Session key, e.g. ctp-245-246.", Required = true };
        var confirm = new Option<bool>("--confirm") { Description = "Publish even if some reports were not updated." };

        var open = new Command("open", "Open the reporting round for a session (drafts copied forward).") { programme, session };
        open.SetAction((result, cancellationToken) => cli.WithServicesAsync(result, async services =>
        {
            var outcome = await services.GetRequiredService<OpenRound.Handler>()
                .HandleAsync(new OpenRound.Command(Viewer.Operator, result.GetValue(programme)!, result.GetValue(session)!), cancellationToken);
            return await ReportAsync(cli, result, outcome, "Cycle ouvert.", "Round opened.");
        }));

        var status = new Command("status", "Show a round's progress, one report a line.") { programme, session };
        status.SetAction((result, cancellationToken) => cli.WithServicesAsync(result, async services =>
        {
            var language = cli.LanguageOf(result);
            var round = await services.GetRequiredService<RoundStatus.Handler>()
                .HandleAsync(new RoundStatus.Query(Viewer.Operator, result.GetValue(programme)!, result.GetValue(session)!), cancellationToken);
            if (round is null)
            {
                await cli.Error.WriteLineAsync(Say(language, "Aucun cycle pour cette session.", "No round for this session."));
                return WpCli.Usage;
            }

            foreach (var row in round.Rows)
            {
                await cli.Output.WriteLineAsync($"{row.Reference}\t{row.Progress}\t{row.Keyword?.ToString() ?? "-"}\t{row.UpdatedBy ?? "-"}\t{row.ReviewedBy ?? "-"}");
            }

            await cli.Output.WriteLineAsync(Say(language,
                $"{round.SessionKey} ({round.State}) : {round.Count(ReportProgress.NotUpdated)} pas encore mis à jour, {round.Count(ReportProgress.Updated)} mis à jour, {round.Count(ReportProgress.Reviewed)} relus.",
                $"{round.SessionKey} ({round.State}): {round.Count(ReportProgress.NotUpdated)} not yet updated, {round.Count(ReportProgress.Updated)} updated, {round.Count(ReportProgress.Reviewed)} reviewed."));
            return WpCli.Success;
        }));

        var publish = new Command("publish", "Publish a round: its reports are frozen and become the current status.") { programme, session, confirm };
        publish.SetAction((result, cancellationToken) => cli.WithServicesAsync(result, async services =>
        {
            var handler = services.GetRequiredService<PublishRound.Handler>();
            var (slug, key) = (result.GetValue(programme)!, result.GetValue(session)!);
            // The operator publishes the round as it stands when the command runs.
            var outcome = await handler.HandleAsync(new PublishRound.Command(Viewer.Operator, slug, key, result.GetValue(confirm),
                await handler.CurrentVersionAsync(slug, key, cancellationToken)), cancellationToken);
            return await ReportAsync(cli, result, outcome, "Cycle publié.", "Round published.");
        }));

        return new Command("round", "Reporting rounds: open, follow and publish the status reports of a session.") { open, status, publish };
    }

    private static async Task<int> ReportAsync(CliContext cli, ParseResult result, Result<Done> outcome, string fr, string en)
    {
        var language = cli.LanguageOf(result);
        switch (outcome.Failure)
        {
            case null:
                await cli.Output.WriteLineAsync(Say(language, fr, en));
                return WpCli.Success;
            case { Pending.Count: > 0 } failure:
                await cli.Error.WriteLineAsync(Say(language,
                    $"{Plural.Count(failure.Pending.Count, Language.Fr, "rapport", "rapports")} pas encore mis à jour : {string.Join(", ", failure.Pending)}. Relancez avec --confirm pour publier quand même.",
                    $"{Plural.Count(failure.Pending.Count, Language.En, "report", "reports")} not yet updated: {string.Join(", ", failure.Pending)}. Run again with --confirm to publish anyway."));
                return WpCli.Failed;
            case { Kind: FailureKind.NotFound }:
                await cli.Error.WriteLineAsync(Say(language, "Programme ou session introuvable.", "Programme or session not found."));
                return WpCli.Usage;
            case var failure:
                await cli.Error.WriteLineAsync(failure.Problems.FirstOrDefault()?.For(language).Text ?? failure.Kind.ToString());
                return WpCli.Failed;
        }
    }
}
