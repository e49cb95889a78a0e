using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Features.Revisions;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Common;
using static WorkProgramme.Cli.CliContext;

namespace WorkProgramme.Cli.Commands;

/// <summary>
/// <c>wp versions --programme SLUG</c>: one version a line, label first (what <c>--from</c>, <c>--to</c> and
/// <c>--version</c> take). <c>wp compare --programme SLUG --from A --to B</c>: what the revision changed, counted and
/// listed by row.
/// </summary>
public static class VersionsCommand
{
    public static Command Create(CliContext cli)
    {
        var programme = new Option<string>("--programme", "-p") { Description = "Programme slug, e.g. ptc-2022-2025.", Required = true };
        var command = new Command("versions", "List a programme's versions, oldest first, one a line, label first.") { programme };
        command.SetAction(async (result, cancellationToken) =>
        {
            var language = cli.LanguageOf(result);
            var slug = result.GetValue(programme)!;
            return await cli.WithServicesAsync(result, async services =>
            {
                var versions = await services.GetRequiredService<ProgrammeVersions.Handler>()
                    .HandleAsync(new ProgrammeVersions.ListQuery(Viewer.Operator, slug), cancellationToken);
                if (versions is null)
                {
                    await cli.Error.WriteLineAsync(Say(language, $"Programme introuvable : {slug}", $"Programme not found: {slug}"));
                    return WpCli.Usage;
                }

                foreach (var v in versions)
                {
                    var adoption = string.Join(" ", new[]
                    {
                        v.EndorsedAt is null ? null : Say(language, $"entériné:{v.EndorsedAt}", $"endorsed:{v.EndorsedAt}"),
                        v.ApprovedAt is null ? null : Say(language, $"approuvé:{v.ApprovedAt}", $"approved:{v.ApprovedAt}"),
                    }.OfType<string>());
                    await cli.Output.WriteLineAsync(string.Join("\t", v.Label, Wire.Name(v.State), v.DocumentSymbol ?? "—",
                        v.SessionKey ?? "—", Say(language, $"{v.Activities} activités", $"{v.Activities} activities"), adoption).TrimEnd());
                }

                return WpCli.Success;
            });
        });
        return command;
    }

    public static Command CreateCompare(CliContext cli)
    {
        var programme = new Option<string>("--programme", "-p") { Description = "Programme slug, e.g. ptc-2022-2025.", Required = true };
        var from = new Option<string>("--from") { Description = "Label of the older version (see wp versions).", Required = true };
        var to = new Option<string>("--to") { Description = "Label of the newer version.", Required = true };
        var command = new Command("compare", "Summarise what changed between two versions of a programme.") { programme, from, to };
        command.SetAction(async (result, cancellationToken) =>
        {
            var language = cli.LanguageOf(result);
            var slug = result.GetValue(programme)!;
            return await cli.WithServicesAsync(result, async services =>
            {
                var comparison = await services.GetRequiredService<CompareVersions.Handler>().HandleAsync(
                    new CompareVersions.Query(Viewer.Operator, slug, result.GetValue(from)!, result.GetValue(to)!), cancellationToken);
                if (comparison is null)
                {
                    await cli.Error.WriteLineAsync(Say(language,
                        $"Programme ou version introuvable : {slug} {result.GetValue(from)} {result.GetValue(to)} (voir wp versions)",
                        $"Programme or version not found: {slug} {result.GetValue(from)} {result.GetValue(to)} (see wp versions)"));
                    return WpCli.Usage;
                }

                await WriteAsync(cli.Output, comparison, language);
                return WpCli.Success;
            });
        });
        return command;
    }

    private static async Task WriteAsync(TextWriter output, CompareVersions.Result comparison, Language language)
    {
        var s = comparison.Summary;
        await output.WriteLineAsync($"{comparison.Slug}: {comparison.From.Label} → {comparison.To.Label}");
        async Task Line(string fr, string en, int count, IEnumerable<string> references) =>
            await output.WriteLineAsync($"{Say(language, fr, en)}\t{count}\t{string.Join(", ", references)}".TrimEnd());

        var rows = comparison.Activities;
        await Line("ajoutées", "added", s.Added, rows.Where(a => a.Added).Select(a => a.NewReference!));
        await Line("retirées", "retired", s.Retired, rows.Where(a => a.Retired).Select(a => a.OldReference!));
        await Line("renumérotées", "renumbered", s.Renumbered, rows.Where(a => a.Renumbered)
            .Select(a => Say(language, $"{a.NewReference} (anciennement {a.OldReference})", $"{a.NewReference} (formerly {a.OldReference})")));
        await Line("reformulées", "reworded", s.Reworded, rows.Where(a => a.Reworded).Select(a => a.NewReference!));
        await Line("état modifié", "status changed", s.StatusChanged, rows.Where(a => a.StatusChanged).Select(a => a.NewReference!));
        await Line("inchangées", "unchanged", s.Unchanged, []);
    }
}
