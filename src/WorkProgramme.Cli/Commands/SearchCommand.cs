using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Features.Search;
using static WorkProgramme.Cli.CliContext;

namespace WorkProgramme.Cli.Commands;

/// <summary><c>wp search rebuild</c>: writes the full-text index again from the record (docs/decisions/0041).</summary>
public static class SearchCommand
{
    public static Command Create(CliContext cli)
    {
        var rebuild = new Command("rebuild", "Write the search index again from every activity row and status report.");
        rebuild.SetAction((result, cancellationToken) => cli.WithServicesAsync(result, async services =>
        {
            var language = cli.LanguageOf(result);
            var done = await services.GetRequiredService<RebuildSearchIndex.Handler>().HandleAsync(cancellationToken);
            await cli.Output.WriteLineAsync(Say(language,
                $"Index de recherche reconstruit : {done.Activities} lignes d’activités, {done.Reports} rapports de situation.",
                $"Search index rebuilt: {done.Activities} activity rows, {done.Reports} status reports."));
            return WpCli.Success;
        }));
        return new Command("search", "The full-text search index.") { rebuild };
    }
}
