using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Features.Translation;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Documents.Translation;
using WorkProgramme.Domain.Common;
using static WorkProgramme.Cli.CliContext;

namespace WorkProgramme.Cli.Commands;

/// <summary>
/// <c>wp translation export --programme SLUG --to en|fr [--version LABEL] [--session SESSION] [--all] --out FILE.xlf</c> and
/// <c>wp translation import FILE.xlf --programme SLUG [--apply]</c>: the texts to translate as XLIFF 1.2, and the
/// translations back (preview unless --apply); <c>wp translation memory --out FILE.tmx</c>: the translation memory;
/// <c>wp translation memory --import FILE.tmx [--apply]</c>: a TMX from the translation service added to it.
/// </summary>
public static class TranslationCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("translation", "Exchange texts with the translation service as XLIFF 1.2.");
        command.Subcommands.Add(Export(cli));
        command.Subcommands.Add(Import(cli));
        command.Subcommands.Add(Memory(cli));
        return command;
    }

    private static Command Export(CliContext cli)
    {
        var programme = new Option<string>("--programme", "-p") { Description = "Programme slug, e.g. ptc-2022-2025.", Required = true };
        var to = new Option<string>("--to") { Description = "Language to translate into: en or fr.", Required = true };
        var version = new Option<string?>("--version") { Description = "Version label (default: the latest)." };
        var session = new Option<string?>("--session") { Description = "Session whose status reports to include (default: the version's current status)." };
        var all = new Option<bool>("--all") { Description = "Every text, not only those whose translation is missing or outdated." };
        var output = new Option<FileInfo>("--out", "-o") { Description = "XLIFF file to write (.xlf).", Required = true };
        var command = new Command("export", "Write the texts to translate as XLIFF 1.2.") { programme, to, version, session, all, output };
        command.SetAction(async (result, cancellationToken) =>
        {
            var language = cli.LanguageOf(result);
            if (!Languages.TryParse(result.GetValue(to), out var target))
            {
                await cli.Error.WriteLineAsync(Say(language, "--to attend en ou fr.", "--to takes en or fr."));
                return WpCli.Usage;
            }

            var slug = result.GetValue(programme)!;
            return await cli.WithServicesAsync(result, async services =>
            {
                var export = await services.GetRequiredService<ExportTranslation.Handler>().HandleAsync(
                    new ExportTranslation.Query(Viewer.Operator, slug, target, result.GetValue(version), result.GetValue(session), result.GetValue(all)),
                    cancellationToken);
                if (export is null)
                {
                    await cli.Error.WriteLineAsync(Say(language, $"Programme, version ou session introuvable : {slug}",
                        $"Programme, version or session not found: {slug}"));
                    return WpCli.Usage;
                }

                using var buffer = new MemoryStream();
                Xliff.Write(buffer, [export.File]);
                await FileOutput.WriteAsync(result.GetValue(output)!, buffer.ToArray(), cancellationToken);
                await cli.Output.WriteLineAsync(Say(language,
                    $"{Plural.Count(export.Units, Language.Fr, "texte", "textes")} à traduire (version {export.VersionLabel}) écrits dans {result.GetValue(output)!.Name}.",
                    $"{Plural.Count(export.Units, Language.En, "text", "texts")} to translate (version {export.VersionLabel}) written to {result.GetValue(output)!.Name}."));
                return WpCli.Success;
            });
        });
        return command;
    }

    private static Command Import(CliContext cli)
    {
        var path = new Argument<FileInfo>("file") { Description = "XLIFF 1.2 file (.xlf) returned by the translation service." };
        var programme = new Option<string>("--programme", "-p") { Description = "Programme slug, e.g. ptc-2022-2025.", Required = true };
        var apply = new Option<bool>("--apply") { Description = "Apply the translations (without it: only show them)." };
        var command = new Command("import", "Take back translations from an XLIFF 1.2 file (preview unless --apply).") { path, programme, apply };
        command.SetAction(async (result, cancellationToken) =>
        {
            var language = cli.LanguageOf(result);
            var file = result.GetValue(path)!;
            if (!await cli.FileExistsAsync(result, file))
            {
                return WpCli.Usage;
            }

            XliffRead read;
            await using (var stream = file.OpenRead())
            {
                read = Xliff.Read(stream);
            }

            var slug = result.GetValue(programme)!;
            var applying = result.GetValue(apply);
            return await cli.WithServicesAsync(result, async services =>
            {
                var handler = services.GetRequiredService<ImportTranslation.Handler>();
                var outcome = await handler.HandleAsync(new ImportTranslation.Command(Viewer.Operator, slug, read, Apply: false), cancellationToken);
                if (applying && outcome.Succeeded)
                {
                    outcome = await handler.HandleAsync(new ImportTranslation.Command(Viewer.Operator, slug, read, Apply: true, outcome.Value!.State), cancellationToken);
                }

                return await ReportAsync(cli, language, slug, outcome);
            });
        });
        return command;
    }

    private static Command Memory(CliContext cli)
    {
        var output = new Option<FileInfo?>("--out", "-o") { Description = "TMX file to write (.tmx)." };
        var input = new Option<FileInfo?>("--import") { Description = "TMX 1.4b file from the translation service to add to the memory." };
        var apply = new Option<bool>("--apply") { Description = "With --import: add the pairs (without it: only show them)." };
        var command = new Command("memory", "Write the translation memory (every FR/EN pair held) as TMX 1.4b, or add a TMX to it.") { output, input, apply };
        command.SetAction(async (result, cancellationToken) =>
        {
            var language = cli.LanguageOf(result);
            var (target, source) = (result.GetValue(output), result.GetValue(input));
            if ((target is null) == (source is null))
            {
                await cli.Error.WriteLineAsync(Say(language, "Indiquez soit --out FICHIER.tmx, soit --import FICHIER.tmx.",
                    "Give either --out FILE.tmx or --import FILE.tmx."));
                return WpCli.Usage;
            }

            if (source is not null)
            {
                return await ImportMemoryAsync(cli, result, language, source, result.GetValue(apply), cancellationToken);
            }

            return await cli.WithServicesAsync(result, async services =>
            {
                var pairs = await services.GetRequiredService<TranslationMemory.Handler>().HandleAsync(cancellationToken);
                using var buffer = new MemoryStream();
                Tmx.Write(buffer, pairs);
                await FileOutput.WriteAsync(target!, buffer.ToArray(), cancellationToken);
                await cli.Output.WriteLineAsync(Say(language,
                    $"{Plural.Count(pairs.Count, Language.Fr, "paire", "paires")} FR/EN écrites dans {target!.Name}.",
                    $"{Plural.Count(pairs.Count, Language.En, "FR/EN pair", "FR/EN pairs")} written to {target!.Name}."));
                return WpCli.Success;
            });
        });
        return command;
    }

    private static async Task<int> ImportMemoryAsync(CliContext cli, ParseResult result, Language language, FileInfo file, bool applying,
        CancellationToken cancellationToken)
    {
        if (!await cli.FileExistsAsync(result, file))
        {
            return WpCli.Usage;
        }

        TmxRead read;
        await using (var stream = file.OpenRead())
        {
            read = Tmx.Read(stream);
        }

        return await cli.WithServicesAsync(result, async services =>
        {
            var outcome = await services.GetRequiredService<ImportMemory.Handler>().HandleAsync(
                new ImportMemory.Command(Viewer.Operator, file.Name, read, applying), cancellationToken);
            if (outcome.Failure is { } failure)
            {
                await cli.Error.WriteLineAsync(failure.Kind == FailureKind.Invalid
                    ? Say(language, "Fichier refusé ; rien n’a été ajouté :", "File refused; nothing was added:")
                    : Say(language, "Rien n’a été ajouté :", "Nothing was added:"));
                foreach (var problem in failure.Problems)
                {
                    await cli.Error.WriteLineAsync("  " + problem.For(language).Text);
                }

                return WpCli.Failed;
            }

            var done = outcome.Value!;
            foreach (var (reason, count) in done.Reasons)
            {
                var numbers = string.Join(", ", done.Skipped.Where(s => s.Reason == reason).Take(10).Select(s => s.Number));
                await cli.Output.WriteLineAsync(Say(language,
                    $"{Plural.Count(count, Language.Fr, "unité ignorée", "unités ignorées")} ({reason.Fr}) : n° {numbers}{(count > 10 ? "…" : "")}",
                    $"{Plural.Count(count, Language.En, "unit skipped", "units skipped")} ({reason.En}): No. {numbers}{(count > 10 ? "…" : "")}"));
            }

            var (added, known, skipped) = (done.Added, done.Known, done.Skipped.Count);
            await cli.Output.WriteLineAsync(done.Applied
                ? Say(language, $"Ajouté à la mémoire depuis {file.Name} : {Fr(added, "paire ajoutée", "paires ajoutées")}, {Fr(known, "déjà connue", "déjà connues")}, {Fr(skipped, "ignorée", "ignorées")}.",
                    $"Added to the memory from {file.Name}: {added} added, {known} already known, {skipped} skipped.")
                : Say(language, $"Aperçu (rien n’est ajouté{(applying ? "" : " ; --apply pour ajouter")}) : {Fr(added, "paire à ajouter", "paires à ajouter")}, {Fr(known, "déjà connue", "déjà connues")}, {Fr(skipped, "ignorée", "ignorées")}.",
                    $"Preview (nothing added{(applying ? "" : "; --apply to add")}): {added} to add, {known} already known, {skipped} skipped."));
            return WpCli.Success;
        });

        static string Fr(int count, string one, string other) => Plural.Count(count, Language.Fr, one, other);
    }

    private static async Task<int> ReportAsync(CliContext cli, Language language, string slug, Result<ImportTranslation.Outcome> result)
    {
        switch (result.Failure)
        {
            case { Kind: FailureKind.NotFound }:
                await cli.Error.WriteLineAsync(Say(language, $"Programme introuvable : {slug}", $"Programme not found: {slug}"));
                return WpCli.Usage;
            case { Kind: FailureKind.Invalid } failure:
                await cli.Error.WriteLineAsync(Say(language, "Fichier refusé ; rien n’a été modifié :", "File refused; nothing was changed:"));
                foreach (var problem in failure.Problems)
                {
                    await cli.Error.WriteLineAsync("  " + problem.For(language).Text);
                }

                return WpCli.Failed;
            case { Kind: FailureKind.Forbidden }:
                await cli.Error.WriteLineAsync(Say(language, "Modification non autorisée.", "Not allowed to change this programme."));
                return WpCli.Failed;
            case not null:
                await cli.Error.WriteLineAsync(Say(language, "Le programme a été modifié pendant l’import ; rien n’a été modifié : réessayez.",
                    "The programme was changed during the import; nothing was changed: try again."));
                return WpCli.Failed;
        }

        var outcome = result.Value!;
        foreach (var unit in outcome.Units)
        {
            var kind = unit.Outcome switch
            {
                ImportTranslation.UnitOutcome.Applied => Say(language, outcome.Applied ? "appliquée" : "à appliquer", outcome.Applied ? "applied" : "to apply"),
                ImportTranslation.UnitOutcome.Unchanged => Say(language, "inchangée", "unchanged"),
                ImportTranslation.UnitOutcome.Stale => Say(language, "périmée", "stale"),
                _ => Say(language, "refusée", "refused"),
            };
            var where = unit.Label is null ? unit.Id : $"{unit.Label} {unit.Column?.In(language)}";
            var reason = unit.Reason?.For(language).Text is { } text ? " — " + text : "";
            await cli.Output.WriteLineAsync($"{kind,-12}\t{where}{reason}");
            if (unit.Outcome == ImportTranslation.UnitOutcome.Stale)
            {
                await cli.Output.WriteLineAsync(Say(language, "    source exportée : ", "    source exported: ") + unit.FileSource);
                await cli.Output.WriteLineAsync(Say(language, "    source actuelle : ", "    source now:      ") + unit.CurrentSource);
            }
        }

        var (applied, unchanged, stale, refused) = (outcome.Count(ImportTranslation.UnitOutcome.Applied), outcome.Count(ImportTranslation.UnitOutcome.Unchanged),
            outcome.Count(ImportTranslation.UnitOutcome.Stale), outcome.Count(ImportTranslation.UnitOutcome.Refused));
        await cli.Output.WriteLineAsync(outcome.Applied
            ? Say(language, $"Appliqué à {slug} : {Fr(applied, "traduction appliquée", "traductions appliquées")}, {Fr(unchanged, "inchangée", "inchangées")}, {Fr(stale, "périmée", "périmées")}, {Fr(refused, "refusée", "refusées")}.",
                $"Applied to {slug}: {applied} applied, {unchanged} unchanged, {stale} stale, {refused} refused.")
            : Say(language, $"Aperçu (rien n’est modifié ; --apply pour appliquer) : {Fr(applied, "traduction à appliquer", "traductions à appliquer")}, {Fr(unchanged, "inchangée", "inchangées")}, {Fr(stale, "périmée", "périmées")}, {Fr(refused, "refusée", "refusées")}.",
                $"Preview (nothing changed; --apply to apply): {applied} to apply, {unchanged} unchanged, {stale} stale, {refused} refused."));
        return WpCli.Success;

        static string Fr(int count, string one, string other) => Plural.Count(count, Language.Fr, one, other);
    }
}
