using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Features.Archive;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;
using static WorkProgramme.Cli.CliContext;

namespace WorkProgramme.Cli.Commands;

/// <summary>
/// <c>wp import-docx FILE --programme SLUG --body CODE --period 2022-2025 --tracked-changes OLD,NEW [--session S1,S2]
/// [--symbol D1,D2] [--states approved,endorsed] [--apply]</c>: a Word programme with tracked changes becomes two
/// versions (<see cref="ImportArchive"/>). Prints its reading of every row and every doubt; with --apply, writes.
/// </summary>
public sealed class ArchiveImportCommand
{
    private readonly Option<string?> tracked = new("--tracked-changes") { Description = "OLD,NEW: import the document's tracked changes as two versions with these labels (the archive), e.g. 2023-10,2024-04." };
    private readonly Option<string?> body = new("--body") { Description = "With --tracked-changes: code of the body whose programme it is, e.g. CTP; required to create the programme, and when it exists, refused unless it is the programme's own." };
    private readonly Option<string?> period = new("--period") { Description = "With --tracked-changes: years of the period, e.g. 2022-2025; required to create the programme, and when it exists, refused unless it is the programme's own." };
    private readonly Option<string?> session = new("--session") { Description = "With --tracked-changes: OLD_SESSION,NEW_SESSION, the sessions of the two versions and of their status reports." };
    private readonly Option<string?> symbol = new("--symbol") { Description = "With --tracked-changes: OLD_SYMBOL,NEW_SYMBOL, the document symbols of the two versions (either may be empty)." };
    private readonly Option<string?> states = new("--states") { Description = "With --tracked-changes: the two versions' states (draft, endorsed, approved); default approved,endorsed." };

    public static ArchiveImportCommand AddOptions(Command command)
    {
        var options = new ArchiveImportCommand();
        command.Options.Add(options.tracked);
        command.Options.Add(options.body);
        command.Options.Add(options.period);
        command.Options.Add(options.session);
        command.Options.Add(options.symbol);
        command.Options.Add(options.states);
        return options;
    }

    public bool Requested(ParseResult result) => result.GetValue(tracked) is not null;

    /// <summary>Arguments that cannot mean anything, said before anything is read: exit 2.</summary>
    public async Task<int?> UsageErrorAsync(CliContext cli, ParseResult result)
    {
        var language = cli.LanguageOf(result);
        string? error = null;
        if (!Requested(result))
        {
            var stray = new[] { body, period, session, symbol, states }.FirstOrDefault(o => result.GetValue(o) is not null);
            if (stray is not null)
            {
                error = Say(language, $"{stray.Name} ne s’emploie qu’avec --tracked-changes ANCIENNE,NOUVELLE.", $"{stray.Name} is only used with --tracked-changes OLD,NEW.");
            }
        }
        else if (Pair(result.GetValue(tracked)) is not { } labels || labels.Old.Length == 0 || labels.New.Length == 0)
        {
            error = Say(language, "--tracked-changes : les libellés des deux versions, séparés par une virgule (par exemple 2023-10,2024-04).",
                "--tracked-changes: the labels of the two versions, separated by a comma (for example 2023-10,2024-04).");
        }
        else if (result.GetValue(session) is { } sessions && Pair(sessions) is null)
        {
            error = Say(language, "--session : les sessions des deux versions, séparées par une virgule (par exemple ctp-241-242,ctp-243-244).",
                "--session: the sessions of the two versions, separated by a comma (for example ctp-241-242,ctp-243-244).");
        }
        else if (result.GetValue(symbol) is { } symbols && Pair(symbols) is null)
        {
            error = Say(language, "--symbol : les cotes des deux versions, séparées par une virgule (l’une peut être vide, par exemple ,PC0756).",
                "--symbol: the symbols of the two versions, separated by a comma (either may be empty, for example ,PC0756).");
        }
        else if (result.GetValue(states) is { } given && States(given) is null)
        {
            error = Say(language, "--states : les états des deux versions parmi draft, endorsed et approved (par exemple approved,endorsed).",
                "--states: the states of the two versions among draft, endorsed and approved (for example approved,endorsed).");
        }

        if (error is null)
        {
            return null;
        }

        await cli.Error.WriteLineAsync(error);
        return WpCli.Usage;
    }

    public async Task<int> RunAsync(CliContext cli, ParseResult result, string fileName, byte[] bytes, string slug, bool applying,
        CancellationToken cancellationToken)
    {
        var language = cli.LanguageOf(result);
        var table = TrackedTableReader.Read(bytes);
        var labels = Pair(result.GetValue(tracked))!.Value;
        var sessions = Pair(result.GetValue(session));
        var symbols = Pair(result.GetValue(symbol));
        var (oldState, newState) = States(result.GetValue(states)) ?? (VersionState.Approved, VersionState.Endorsed);
        var command = new ImportArchive.Command(Viewer.Operator, table, fileName, slug, result.GetValue(body), result.GetValue(period),
            labels.Old, labels.New, sessions?.Old, sessions?.New, symbols?.Old, symbols?.New, oldState, newState);
        return await cli.WithServicesAsync(result, async services =>
        {
            var handler = services.GetRequiredService<ImportArchive.Handler>();
            var outcome = await handler.HandleAsync(command, cancellationToken);
            if (applying && outcome.Succeeded)
            {
                // The operator confirms with --apply what the preview read: its state, checked again at the save.
                outcome = await handler.HandleAsync(command with { Apply = true, ExpectedState = outcome.Value!.State }, cancellationToken);
            }

            return await ReportAsync(cli, language, slug, labels, outcome);
        });
    }

    private static async Task<int> ReportAsync(CliContext cli, Language language, string slug, (string Old, string New) labels, Result<ImportArchive.Outcome> result)
    {
        if (result.Failure is { } failure)
        {
            var rows = result.Value?.Problems ?? [];
            if (failure.Kind == FailureKind.Invalid && rows.Count == 0)
            {
                // The arguments, not the file: the command was called wrongly.
                foreach (var message in failure.Messages)
                {
                    await cli.Error.WriteLineAsync(message.Message.For(language).Text);
                }

                return WpCli.Usage;
            }

            var problems = rows.Count > 0 ? rows.Select(p => p.Describe(language)).ToList() : failure.Messages.Select(m => m.Message.For(language).Text ?? "").ToList();
            if (failure.Kind == FailureKind.Forbidden)
            {
                problems = [Say(language, "Modification non autorisée.", "Not allowed to change this programme.")];
            }

            await cli.Error.WriteLineAsync(Say(language,
                $"Import refusé ({Plural.Count(problems.Count, Language.Fr, "problème", "problèmes")}) ; rien n’a été modifié :",
                $"Import refused ({Plural.Count(problems.Count, Language.En, "problem", "problems")}); nothing was changed:"));
            foreach (var problem in problems)
            {
                await cli.Error.WriteLineAsync("  " + problem);
            }

            return WpCli.Failed;
        }

        var outcome = result.Value!;
        foreach (var row in outcome.Rows)
        {
            var title = row.Title.For(language).Text ?? "—";
            await cli.Output.WriteLineAsync($"{Words(row, language),-24}\t{row.Label}\t{(title.Length > 70 ? title[..70] + "…" : title)}");
            if (row.Doubt is { } doubt)
            {
                await cli.Output.WriteLineAsync("  " + Say(language, "doute : ", "doubt: ") + doubt.For(language).Text);
            }
        }

        var (kept, renumbered, added, retired, doubts) = (outcome.Count(RowReading.Kept), outcome.Count(RowReading.Renumbered), outcome.Count(RowReading.Added),
            outcome.Count(RowReading.Retired), outcome.Doubts.Count());
        var fr = $"{Plural.Count(kept, Language.Fr, "gardée", "gardées")}, {Plural.Count(renumbered, Language.Fr, "renumérotée", "renumérotées")}, "
            + $"{Plural.Count(added, Language.Fr, "ajoutée", "ajoutées")}, {Plural.Count(retired, Language.Fr, "retirée", "retirées")} ; {Plural.Count(doubts, Language.Fr, "doute", "doutes")}";
        var en = $"{kept} kept, {renumbered} renumbered, {added} added, {retired} retired; {Plural.Count(doubts, Language.En, "doubt", "doubts")}";
        await cli.Output.WriteLineAsync(outcome.Applied
            ? Say(language, $"Importé dans {slug}, versions {labels.Old} et {labels.New} : {fr}.", $"Imported into {slug}, versions {labels.Old} and {labels.New}: {en}.")
            : Say(language, $"Aperçu (rien n’est modifié ; --apply pour importer) : {fr}.", $"Preview (nothing changed; --apply to import): {en}."));
        return WpCli.Success;
    }

    private static string Words(ImportArchive.Reading row, Language language) => row.Kind switch
    {
        RowReading.Renumbered => Say(language, $"renumérotée (ex-{row.OldNumber})", $"renumbered from {row.OldNumber}"),
        RowReading.Added => Say(language, "ajoutée", "added"),
        RowReading.Retired => Say(language, "retirée", "retired"),
        _ => Say(language, "gardée", "kept"),
    };

    /// <summary>"A,B" as its two parts, trimmed (either may be empty); null for anything else.</summary>
    private static (string Old, string New)? Pair(string? text)
    {
        var parts = text?.Split(',') ?? [];
        return parts.Length == 2 ? (parts[0].Trim(), parts[1].Trim()) : null;
    }

    private static (VersionState Old, VersionState New)? States(string? text) =>
        Pair(text) is { } pair && Wire.TryParse<VersionState>(pair.Old, out var old) && Wire.TryParse<VersionState>(pair.New, out var @new) ? (old, @new) : null;
}
