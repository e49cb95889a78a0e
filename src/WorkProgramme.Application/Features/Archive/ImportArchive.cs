using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Audit;
using WorkProgramme.Application.Features.OfficeTables;
using WorkProgramme.Application.Features.Programmes;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Application.Features.Archive;

/// <summary>
/// A Word programme with tracked changes (<see cref="TrackedTable"/>) becomes two versions of a programme: OLD, the
/// document with every change rejected, and NEW, its revision with every change accepted (docs/decisions/0046). The
/// programme is created when missing (through <see cref="CreateProgramme"/>'s checks) or takes the two versions after
/// its own. Rows pair as the reader read them: kept and renumbered rows are the same activity, added rows new ones,
/// retired rows retired in NEW. Each version's status column is its status report for its session, published.
/// History is kept as the document says it, whatever template rule it breaks (the checks page shows those); only
/// what cannot be stored at all is refused: a file that is no programme table, unknown codes, missing arguments.
/// Without <see cref="Command.Apply"/>, a preview: every check runs and nothing is kept. One transaction, audited.
/// </summary>
public static class ImportArchive
{
    /// <param name="FileName">The uploaded file's name, written in the audit trail.</param>
    /// <param name="ExpectedState">The <see cref="Outcome.State"/> of the preview the caller confirms; null from the command line.</param>
    public sealed record Command(Viewer Viewer, TrackedTable Table, string FileName, string? Slug, string? BodyCode, string? Period,
        string? OldLabel, string? NewLabel, string? OldSession = null, string? NewSession = null, string? OldSymbol = null, string? NewSymbol = null,
        VersionState OldState = VersionState.Approved, VersionState NewState = VersionState.Endorsed, bool Apply = false, string? ExpectedState = null);

    /// <summary>
    /// The reading of one row: its label in NEW (in OLD for a retired row), its number in each version (null where it
    /// is absent), its title and what the reader could not decide.
    /// </summary>
    public sealed record Reading(string Label, RowReading Kind, int? OldNumber, int? NewNumber, BilingualText Title, BilingualText? Doubt);

    /// <summary>
    /// The readings of every row, the problems that refuse the file (file, row, column), whether the programme is new,
    /// and <see cref="State"/>: the programme and the file as the preview saw them, which the apply sends back.
    /// </summary>
    public sealed record Outcome(IReadOnlyList<Reading> Rows, IReadOnlyList<TableProblem> Problems, bool CreatesProgramme,
        bool Applied = false, string? State = null)
    {
        public int Count(RowReading kind) => Rows.Count(r => r.Kind == kind);

        public IEnumerable<Reading> Doubts => Rows.Where(r => r.Doubt is not null);
    }

    /// <summary>What the write loads: the programme the versions go to, or none when the import creates it.</summary>
    private sealed record Existing(Programme? Programme);

    public sealed class Handler(WorkProgrammeDb db, WritePipeline pipeline, ICurrentActor actor, TimeProvider clock)
    {
        public async Task<Result<Outcome>> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            if (command.Table.Problems.Count > 0)
            {
                return Refused(command.Table, command.Table.Problems);
            }

            if (!command.Table.Rows.Any())
            {
                return Refused(command.Table, [TableProblem.File(
                    "Ce document ne contient aucune ligne d’activité : ce n’est pas un tableau de programme.",
                    "This document has no activity row: it is not a programme table.")]);
            }

            var slug = command.Slug?.Trim() ?? "";
            if (!command.Apply)
            {
                // A preview runs every step on the real data, in a transaction it then rolls back.
                var existing = await LoadAsync(slug, cancellationToken);
                if (!MayImport(command.Viewer, existing))
                {
                    return Failure.Forbidden;
                }

                await using var transaction = await Transaction.BeginAsync(db, cancellationToken);
                try
                {
                    var preview = await ImportAsync(command, existing, cancellationToken);
                    return preview.Succeeded ? preview.Value! with { State = StateOf(existing, command) } : preview;
                }
                finally
                {
                    await transaction.RollbackAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                }
            }

            return await pipeline.RunAsync(new Write<Existing, Outcome>(command.Viewer, null, async ct =>
                {
                    var existing = await LoadAsync(slug, ct);
                    return new Target<Existing>(existing, existing.Programme?.BodyCode ?? "", StateOf(existing, command));
                },
                async (existing, ct) =>
                {
                    if (command.ExpectedState is not null && command.ExpectedState != StateOf(existing, command))
                    {
                        return Failure.Refused(new BilingualText(
                            "Le programme a changé depuis l’aperçu (une version ajoutée ou adoptée) : relisez l’aperçu, puis confirmez.",
                            "The programme has changed since the preview (a version added or adopted): read the preview again, then confirm."));
                    }

                    var imported = await ImportAsync(command, existing, ct);
                    return imported.Succeeded ? imported.Value! with { Applied = true } : imported;
                })
            {
                CreatesNew = true,
                Serialized = true,
                // A new programme (no body yet) is an administrator's to create; a programme's editors add versions to it.
                MayChange = (viewer, body) => body.Length == 0 ? viewer.IsAdmin : viewer.CanEdit(body),
            }, cancellationToken);
        }

        private async Task<Existing> LoadAsync(string slug, CancellationToken cancellationToken) =>
            new(slug.Length == 0 ? null : await db.Programmes.Include(p => p.Versions).ThenInclude(v => v.Activities)
                .SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken));

        /// <summary>Administrators create programmes (as on /programmes/new); a programme's editors add versions to it.</summary>
        private static bool MayImport(Viewer viewer, Existing existing) =>
            existing.Programme is { } programme ? viewer.CanEdit(programme.BodyCode) : viewer.IsAdmin;

        /// <summary>The programme's versions as they stand, and the file and options as given: what the preview showed.</summary>
        private static string StateOf(Existing existing, Command command) => StateVersion.Of(
            existing.Programme?.Slug, existing.Programme?.Versions.OrderBy(v => v.Sequence).Select(v => $"{v.Label}:{v.State}:{v.Activities.Count}").ToList(),
            command.Table.Language, command.Table.Rows, command.OldLabel, command.NewLabel, command.OldSession, command.NewSession,
            command.OldSymbol, command.NewSymbol, command.OldState, command.NewState);

        /// <summary>
        /// A body or a period given for a programme that exists must be its own: the import adds versions, it changes
        /// neither, and a value that disagrees means the wrong programme or the wrong document. Omitted, nothing is said.
        /// </summary>
        private async Task<List<FieldMessage>> DisagreementsAsync(Programme programme, string? bodyText, string? periodText,
            CancellationToken cancellationToken)
        {
            var problems = new List<FieldMessage>();
            var bodyCode = bodyText?.Trim() ?? "";
            if (bodyCode.Length > 0 && !string.Equals(bodyCode, programme.BodyCode, StringComparison.Ordinal))
            {
                var names = await db.Bodies.AsNoTracking().Where(b => b.Code == bodyCode || b.Code == programme.BodyCode)
                    .ToDictionaryAsync(b => b.Code, b => b.Abbreviation, cancellationToken);
                var (own, given) = (Named(programme.BodyCode), Named(bodyCode));
                problems.Add(new("body", new BilingualText(
                    $"Le programme « {programme.Slug} » est celui de l’organe {own.Fr}, non de l’organe {given.Fr} : laissez l’organe vide ou choisissez {own.Fr} (l’import ne change pas l’organe d’un programme).",
                    $"The programme '{programme.Slug}' belongs to the body {own.En}, not to {given.En}: leave the body empty or choose {own.En} (an import does not change a programme's body).")));

                (string Fr, string En) Named(string code) => names.TryGetValue(code, out var abbreviation)
                    ? (abbreviation.Fr ?? abbreviation.En ?? code, abbreviation.En ?? abbreviation.Fr ?? code)
                    : (code, code);
            }

            var periodGiven = periodText?.Trim() ?? "";
            if (periodGiven.Length > 0 && CreateProgramme.ParsePeriod(periodGiven) != (programme.PeriodStart, programme.PeriodEnd))
            {
                var own = string.Create(CultureInfo.InvariantCulture, $"{programme.PeriodStart}-{programme.PeriodEnd}");
                problems.Add(new("period", new BilingualText(
                    $"Le programme « {programme.Slug} » couvre la période {own}, pas « {periodGiven} » : laissez la période vide ou donnez {own} (l’import ne change pas la période d’un programme).",
                    $"The programme '{programme.Slug}' covers the period {own}, not '{periodGiven}': leave the period empty or give {own} (an import does not change a programme's period).")));
            }

            return problems;
        }

        private async Task<Result<Outcome>> ImportAsync(Command command, Existing existing, CancellationToken cancellationToken)
        {
            if (!MayImport(command.Viewer, existing))
            {
                return Failure.Forbidden;
            }

            var fields = new List<FieldMessage>();
            var oldLabel = Label(command.OldLabel, "old", fields);
            var newLabel = Label(command.NewLabel, "new", fields);
            if (oldLabel is not null && oldLabel == newLabel)
            {
                fields.Add(new("new", new BilingualText("Les deux versions ont des libellés différents.", "The two versions need different labels.")));
            }

            var oldSymbol = CreateProgramme.Symbol(command.OldSymbol, "symbol", fields);
            var newSymbol = CreateProgramme.Symbol(command.NewSymbol, "symbol", fields);
            var sessions = await db.Sessions.AsNoTracking().Select(s => s.Key).ToListAsync(cancellationToken);
            var oldSession = Session(command.OldSession, oldLabel, command.OldState, command.Table.Rows.Any(r => HasStatus(r.Old, r.OldLevel)), sessions, fields);
            var newSession = Session(command.NewSession, newLabel, command.NewState, command.Table.Rows.Any(r => HasStatus(r.New, r.NewLevel)), sessions, fields);
            if (oldSession is not null && oldSession == newSession)
            {
                fields.Add(new("session", new BilingualText(
                    "Chaque version a sa session : les rapports de situation de l’une et de l’autre ne peuvent pas porter sur la même.",
                    "Each version has its own session: the status reports of the two cannot be for the same one.")));
            }

            if (command.OldState == VersionState.Draft)
            {
                fields.Add(new("states", new BilingualText(
                    "La version ancienne a été adoptée (entérinée ou approuvée) : une révision part d’une version adoptée.",
                    "The old version was adopted (endorsed or approved): a revision starts from an adopted version.")));
            }

            var programme = existing.Programme;
            var creates = programme is null;
            if (programme is null)
            {
                var (created, _, problems) = await CreateProgramme.NewAsync(db, command.Slug, command.BodyCode, command.Period, null, null, null, null, cancellationToken);
                fields.AddRange(problems);
                programme = created;
            }
            else
            {
                fields.AddRange(await DisagreementsAsync(programme, command.BodyCode, command.Period, cancellationToken));
                foreach (var label in new[] { oldLabel, newLabel }.OfType<string>().Where(l => programme.Versions.Any(v => v.Label == l)))
                {
                    fields.Add(new(label == oldLabel ? "old" : "new", new BilingualText(
                        $"Le programme a déjà une version « {label} » : l’archive ajoute des versions, elle ne remplace pas celles qui existent.",
                        $"The programme already has a version '{label}': the archive adds versions, it does not replace those that exist.")));
                }
            }

            if (fields.Count > 0 || programme is null || oldLabel is null || newLabel is null)
            {
                return Result<Outcome>.Fail(Failure.InvalidFields(fields), new Outcome(Readings(command.Table, null), [], creates));
            }

            try
            {
                if (creates)
                {
                    db.Programmes.Add(programme);

                    // The activities name the programme by its key: the programme is stored first, in the same transaction.
                    await db.SaveChangesAsync(cancellationToken);
                }

                // The codes of the programme's plan; a programme older than every plan held reads them from all plans.
                var codes = await CodeBook.LoadAsync(db, programme.PlanId is { } planId ? db.PlanElements.Where(e => e.PlanId == planId) : db.PlanElements,
                    cancellationToken);
                var rows = new ArchiveVersions(command.Table, codes);
                var old = programme.AddVersion(oldLabel, oldSymbol, oldSession);
                foreach (var id in rows.FillOld(old))
                {
                    db.Activities.Add(new Activity(id, programme.Id));
                }

                Adopt(old, command.OldState, oldSession);
                var revision = programme.StartRevision(newLabel, newSymbol, newSession);
                foreach (var id in rows.FillNew(revision))
                {
                    db.Activities.Add(new Activity(id, programme.Id));
                }

                Adopt(revision, command.NewState, newSession);
                if (rows.Problems.Count > 0)
                {
                    return Refused(command.Table, rows.Problems, creates);
                }

                if (oldSession is not null)
                {
                    db.StatusReports.AddRange(rows.Reports(oldSession, r => (r.Old, r.OldLevel)));
                }

                if (newSession is not null)
                {
                    db.StatusReports.AddRange(rows.Reports(newSession, r => (r.New, r.NewLevel)));
                }

                db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow(), actor.Name, "Programme", programme.Slug, $"{oldLabel} → {newLabel}",
                    ImportedFrom, null, command.FileName));
                return new Outcome(Readings(command.Table, rows), [], creates);
            }
            catch (DomainException refused) when (refused is not Domain.Programmes.ArchivedProgrammeException)
            {
                return Refused(command.Table, [TableProblem.File(refused.Messages)], creates);
            }
        }

        /// <summary>The adoption a version's state says, through the domain's own steps (endorsed, then approved).</summary>
        private static void Adopt(ProgrammeVersion version, VersionState state, string? session)
        {
            if (state >= VersionState.Endorsed)
            {
                version.Endorse(session ?? "");
            }

            if (state == VersionState.Approved)
            {
                version.Approve(session ?? "");
            }
        }
    }

    /// <summary>The audit trail's field for the file an import read: the programme's row names the file and the two versions.</summary>
    public const string ImportedFrom = "ImportedFrom";

    public const int LabelMaxLength = 40;

    private static Result<Outcome> Refused(TrackedTable table, IReadOnlyList<TableProblem> problems, bool creates = false) =>
        Result<Outcome>.Fail(Failure.InvalidFields(problems.Select(p => new FieldMessage(p.Column is { } column ? Wire.Name(column) : "", p.Message))),
            new Outcome(Readings(table, null), problems, creates));

    private static bool HasStatus(TableRow? row, ExecutionLevel? level) => row?.Cell(TableColumn.Status) is not null || (row is not null && level is not null);

    private static string? Label(string? text, string field, List<FieldMessage> problems)
    {
        var label = text?.Trim();
        if (string.IsNullOrEmpty(label) || label.Length > LabelMaxLength || label.Any(char.IsControl))
        {
            problems.Add(new(field, new BilingualText(
                $"Le libellé de chaque version est obligatoire, {LabelMaxLength} caractères au plus (par exemple 2023-10).",
                $"Each version's label is required, at most {LabelMaxLength} characters (for example 2023-10).")));
            return null;
        }

        return label;
    }

    /// <summary>The version's session: known, and given when the version was adopted at one or when it has status reports.</summary>
    private static string? Session(string? text, string? label, VersionState state, bool hasStatus, IReadOnlyList<string> known, List<FieldMessage> problems)
    {
        var session = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (session is not null && !known.Contains(session))
        {
            problems.Add(new("session", new BilingualText($"Session inconnue « {session} ».", $"Unknown session '{session}'.")));
            return null;
        }

        if (session is null && (state != VersionState.Draft || hasStatus))
        {
            problems.Add(new("session", new BilingualText(
                $"Indiquez la session de la version « {label} » : elle y a été adoptée, et ses rapports de situation sont ceux de cette session.",
                $"Give the session of version '{label}': it was adopted there, and its status reports are that session's.")));
        }

        return session;
    }

    /// <summary>Each row's reading, labelled as NEW numbers it (as OLD did for a retired row).</summary>
    private static List<Reading> Readings(TrackedTable table, ArchiveVersions? rows) => table.Rows.Select((row, index) =>
    {
        var (oldNumber, newNumber) = rows?.Numbers(index) ?? (ProgrammeTable.ParseNumber(row.Old?.Cell(TableColumn.Number)), ProgrammeTable.ParseNumber(row.New?.Cell(TableColumn.Number)));
        var text = (row.New ?? row.Old)?.Cell(TableColumn.Activity);
        var title = table.Language == Language.Fr ? new BilingualText(text, null) : new BilingualText(null, text);
        return new Reading(new ActivityLabel(row.Section, newNumber ?? oldNumber).Format("+"), row.Reading, oldNumber, newNumber, title, row.Doubt);
    }).ToList();
}
