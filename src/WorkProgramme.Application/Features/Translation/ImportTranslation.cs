using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Documents.Translation;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Application.Features.Translation;

/// <summary>
/// Takes back an XLIFF file from the translation service: a preview first (each unit applied, unchanged, stale or
/// refused, with the reason), then the same plan in one transaction, audited like any edit (docs/decisions/0043). A
/// unit whose source changed since the export is stale: listed with both sources, never applied.
/// </summary>
public static class ImportTranslation
{
    /// <summary><see cref="ExpectedState"/> is the preview's <see cref="Outcome.State"/>: the apply is refused when anything changed since.</summary>
    public sealed record Command(Viewer Viewer, string Slug, XliffRead File, bool Apply, string? ExpectedState = null);

    public enum UnitOutcome
    {
        Applied,
        Unchanged,
        Stale,
        Refused,
    }

    /// <summary>One unit of the file: where it goes (label, column), what happens, why, and for a stale unit both sources.</summary>
    public sealed record UnitResult(string Id, string? Label, BilingualText? Column, UnitOutcome Outcome, BilingualText? Reason,
        string? Target, string? FileSource = null, string? CurrentSource = null);

    public sealed record Outcome(IReadOnlyList<string> Versions, Language Target, IReadOnlyList<UnitResult> Units, bool Applied = false, string? State = null)
    {
        public int Count(UnitOutcome outcome) => Units.Count(u => u.Outcome == outcome);
    }

    private sealed record Loaded(Programme Programme, IReadOnlyList<(XliffReadFile File, ProgrammeVersion Version)> Files,
        IReadOnlyDictionary<(Guid, string), StatusReport> Reports, Language Target);

    public sealed class Handler(WorkProgrammeDb db, WritePipeline pipeline)
    {
        public async Task<Result<Outcome>> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            if (command.File.Problem is { } unreadable)
            {
                return Failure.Invalid(unreadable);
            }

            if (!command.Apply)
            {
                var (loaded, failure) = await LoadAsync(command, cancellationToken);
                if (loaded is null)
                {
                    return failure!;
                }

                if (!command.Viewer.CanEdit(loaded.Programme.BodyCode))
                {
                    return Failure.Forbidden;
                }

                var state = StateOf(loaded, command.File);
                var preview = Plan(loaded);
                db.ChangeTracker.Clear();
                return preview with { State = state };
            }

            Failure? refused = null;
            var result = await pipeline.RunAsync(new Write<Loaded, Outcome>(command.Viewer, command.ExpectedState, async ct =>
                {
                    var (loaded, failure) = await LoadAsync(command, ct);
                    refused = failure;
                    return loaded is null ? null : new Target<Loaded>(loaded, loaded.Programme.BodyCode, StateOf(loaded, command.File));
                },
                (loaded, _) => Task.FromResult<Result<Outcome>>(Plan(loaded) with { Applied = true })) { Serialized = true }, cancellationToken);
            return refused is not null ? refused : result;
        }

        /// <summary>
        /// Every unit through the domain, on tracked records: the preview discards the changes, the apply saves them, so
        /// both say the same.
        /// </summary>
        private static Outcome Plan(Loaded loaded)
        {
            var source = loaded.Target.Other();
            var units = new List<UnitResult>();
            foreach (var (file, version) in loaded.Files)
            {
                var texts = TranslationTexts.Of(version, ReportsOf(version, loaded.Reports)).ToDictionary(t => t.UnitId, StringComparer.Ordinal);
                foreach (var unit in file.Units)
                {
                    if (!texts.TryGetValue(unit.Id, out var text))
                    {
                        units.Add(new UnitResult(unit.Id, null, null, UnitOutcome.Refused, UnknownUnit, unit.Target));
                        continue;
                    }

                    UnitResult Result(UnitOutcome outcome, BilingualText? reason = null) =>
                        new(unit.Id, text.Label, text.Column, outcome, reason, unit.Target);
                    if (unit.Problem is { } problem)
                    {
                        units.Add(Result(UnitOutcome.Refused, problem));
                        continue;
                    }

                    var current = text.Text.In(source);
                    if (UserText.Normalize(unit.Source) != current)
                    {
                        units.Add(Result(UnitOutcome.Stale, SourceChanged) with { FileSource = unit.Source, CurrentSource = current });
                        continue;
                    }

                    var translation = UserText.Normalize(unit.Target);
                    if (translation is null || translation == text.Text.In(loaded.Target))
                    {
                        units.Add(Result(UnitOutcome.Unchanged));
                        continue;
                    }

                    try
                    {
                        if (text.Field is { } field)
                        {
                            version.Translate(text.ActivityId, field, loaded.Target, translation);
                        }
                        else
                        {
                            loaded.Reports[(text.ActivityId, text.SessionKey!)].Translate(text.ReportField!.Value, text.Index, loaded.Target, translation);
                        }

                        units.Add(Result(UnitOutcome.Applied));
                    }
                    catch (DomainException refused)
                    {
                        units.Add(Result(UnitOutcome.Refused, refused.Messages));
                    }
                }
            }

            return new Outcome(loaded.Files.Select(f => f.Version.Label).ToList(), loaded.Target, units);
        }

        private static Dictionary<Guid, StatusReport> ReportsOf(ProgrammeVersion version, IReadOnlyDictionary<(Guid, string), StatusReport> reports) =>
            reports.Where(r => version.Activities.Any(a => a.ActivityId == r.Key.Item1))
                .GroupBy(r => r.Key.Item1)
                .ToDictionary(g => g.Key, g => g.First().Value);

        /// <summary>The records the file touches as stored now, and the file as read: the apply must find both as previewed.</summary>
        private static string StateOf(Loaded loaded, XliffRead file) => StateVersion.Of(
            loaded.Files.Select(f => $"{f.Version.Id}:{string.Join(',', f.Version.Activities.OrderBy(a => a.ActivityId).Select(a => a.RowVersion))}").ToList(),
            loaded.Reports.OrderBy(r => r.Key.Item1).ThenBy(r => r.Key.Item2, StringComparer.Ordinal).Select(r => r.Value.RowVersion).ToList(),
            file.Files.SelectMany(f => f.Units).Select(u => new[] { u.Id, u.Source, u.Target }).ToList());

        private async Task<(Loaded? Loaded, Failure? Failure)> LoadAsync(Command command, CancellationToken cancellationToken)
        {
            var programme = await db.Programmes.Include(p => p.Versions).ThenInclude(v => v.Activities)
                .SingleOrDefaultAsync(p => p.Slug == command.Slug, cancellationToken);
            if (programme is null)
            {
                return (null, Failure.NotFound);
            }

            var files = command.File.Files;
            if (files.Count == 0)
            {
                return (null, Failure.Invalid(new BilingualText("Ce fichier XLIFF ne contient aucun texte.", "This XLIFF file holds no text.")));
            }

            Language? target = null;
            var matched = new List<(XliffReadFile, ProgrammeVersion)>();
            foreach (var file in files)
            {
                var slash = file.Original.LastIndexOf('/');
                var (slug, label) = slash < 0 ? (file.Original, "") : (file.Original[..slash], file.Original[(slash + 1)..]);
                if (slug != programme.Slug)
                {
                    return (null, Failure.Invalid(new BilingualText(
                        $"Ce fichier a été exporté pour un autre programme (« {slug} ») : il n’est pas importé dans celui-ci.",
                        $"This file was exported for another programme ('{slug}'): it is not imported into this one.")));
                }

                if (!Languages.TryParse(Primary(file.TargetLanguage), out var to) || !Languages.TryParse(Primary(file.SourceLanguage), out var from)
                    || from == to || (target is { } other && other != to))
                {
                    return (null, Failure.Invalid(new BilingualText(
                        $"La langue cible du fichier (« {file.TargetLanguage} ») n’est pas celle d’une traduction du français vers l’anglais ou de l’anglais vers le français.",
                        $"The file's target language ('{file.TargetLanguage}') is not that of a translation from French into English or from English into French.")));
                }

                target = to;
                var version = programme.Versions.SingleOrDefault(v => v.Label == label);
                if (version is null)
                {
                    return (null, Failure.Invalid(new BilingualText(
                        $"Le programme n’a pas de version « {label} » : ce fichier ne peut pas être importé.",
                        $"The programme has no version '{label}': this file cannot be imported.")));
                }

                matched.Add((file, version));
            }

            var activityIds = matched.SelectMany(m => m.Item2.Activities.Select(a => a.ActivityId)).Distinct().ToList();
            var sessions = files.SelectMany(f => f.Units).Select(u => SessionOf(u.Id)).OfType<string>().Distinct().ToList();
            var reports = sessions.Count == 0
                ? []
                : await db.StatusReports.Where(r => sessions.Contains(r.SessionKey) && activityIds.Contains(r.ActivityId)).ToListAsync(cancellationToken);
            return (new Loaded(programme, matched, reports.ToDictionary(r => (r.ActivityId, r.SessionKey)), target!.Value), null);
        }

        private static string Primary(string code) => code.Split('-', '_')[0];

        private static string? SessionOf(string unitId) =>
            unitId.StartsWith("report/", StringComparison.Ordinal) && unitId.Split('/') is { Length: 4 } parts ? parts[1] : null;
    }

    private static readonly BilingualText UnknownUnit = new(
        "cet identifiant ne nomme aucun texte de cette version",
        "this id names no text of this version");

    private static readonly BilingualText SourceChanged = new(
        "le texte source a changé depuis l’export : traduisez le texte actuel",
        "the source text changed since the export: translate the current text");
}
