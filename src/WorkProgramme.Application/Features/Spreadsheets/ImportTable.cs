using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Activities;
using WorkProgramme.Application.Identity;
using WorkProgramme.Documents.Diff;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Documents.Word;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;

namespace WorkProgramme.Application.Features.Spreadsheets;

/// <summary>
/// Applies a programme table read from a file (Excel sheet or Word table) to the programme's latest version: each row
/// updates the activity its id (or else its number in the section) names, or creates a new one at the end of its
/// section. The cells set the sheet's language of each text and leave the other language as it is; status and execution
/// level are the status report's and are not read. Without <see cref="Command.Apply"/> it only says what would change.
/// All or nothing: any problem and nothing is written; otherwise one transaction, audited like any edit.
/// </summary>
public static class ImportTable
{
    public sealed record Command(Viewer Viewer, string Slug, TableFile File, bool Apply);

    public enum Status
    {
        Previewed,
        Applied,
        Invalid,
        NotFound,
        Forbidden,
    }

    public enum ChangeKind
    {
        Added,
        Changed,
        Unchanged,
    }

    /// <summary>What happens to one row: "I.12" (or "I.new" before it has a number), its title and the columns that change.</summary>
    public sealed record RowChange(string Reference, ChangeKind Kind, BilingualText Title, IReadOnlyList<TableColumn> Columns);

    public sealed record Outcome(Status Status, IReadOnlyList<RowChange> Changes, IReadOnlyList<TableProblem> Problems)
    {
        public int Count(ChangeKind kind) => Changes.Count(c => c.Kind == kind);

        public static Outcome Of(Status status) => new(status, [], []);
    }

    private sealed record Planned(TableRow Row, ActivityVersion? Existing, ActivityContent Content, RowChange Change);

    public sealed class Handler(WorkProgrammeDb db)
    {
        public async Task<Outcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            if (command.File.Problems.Count > 0)
            {
                return new Outcome(Status.Invalid, [], command.File.Problems);
            }

            var programme = await db.Programmes.Include(p => p.Versions).ThenInclude(v => v.Activities)
                .SingleOrDefaultAsync(p => p.Slug == command.Slug, cancellationToken);
            var version = programme?.Versions.MaxBy(v => v.Sequence);
            if (programme is null || version is null)
            {
                return Outcome.Of(Status.NotFound);
            }

            if (!command.Viewer.CanEdit(programme.BodyCode))
            {
                return Outcome.Of(Status.Forbidden);
            }

            var bodyRows = await db.Bodies.AsNoTracking().ToListAsync(cancellationToken);
            var planRows = await db.PlanElements.AsNoTracking().ToListAsync(cancellationToken);
            // Full names too: Word documents write "Commission de politique générale" where the sheet writes CPG.
            var codes = new CodeBook(bodyRows.Select(b => (b.Code, b.Abbreviation)).Concat(bodyRows.Select(b => (b.Code, b.Name))), planRows.Select(e => (e.Code, e.DisplayCode)));
            var problems = new List<TableProblem>();
            var plan = new List<Planned>();
            var matched = new HashSet<Guid>();
            foreach (var row in command.File.Rows)
            {
                var planned = await PlanAsync(row, version, command.File.Language, codes, matched, problems, cancellationToken);
                if (planned is not null)
                {
                    plan.Add(planned);
                }
            }

            var changes = plan.Select(p => p.Change).ToList();
            if (problems.Count > 0)
            {
                return new Outcome(Status.Invalid, changes, problems);
            }

            if (!command.Apply)
            {
                return new Outcome(Status.Previewed, changes, []);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                foreach (var step in plan.Where(p => p.Change.Kind != ChangeKind.Unchanged))
                {
                    if (step.Existing is { } existing)
                    {
                        version.ReviseActivity(existing.ActivityId, step.Content);
                    }
                    else
                    {
                        var activity = new Activity(Guid.NewGuid(), programme.Id);
                        db.Activities.Add(activity);
                        version.AddNewActivity(activity.Id, step.Content);
                    }
                }

                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DomainException refused)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return new Outcome(Status.Invalid, changes, [TableProblem.File(refused.Messages)]);
            }
            catch (DbUpdateConcurrencyException)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return new Outcome(Status.Invalid, changes, [TableProblem.File(
                    "Le programme a été modifié par quelqu’un d’autre pendant l’import ; rien n’a été modifié : réessayez.",
                    "The programme was changed by someone else during the import; nothing was changed: try again.")]);
            }

            return new Outcome(Status.Applied, changes, []);
        }

        private async Task<Planned?> PlanAsync(TableRow row, ProgrammeVersion version, Language language, CodeBook codes,
            HashSet<Guid> matched, List<TableProblem> problems, CancellationToken cancellationToken)
        {
            var before = problems.Count;
            void Problem(TableColumn? column, string fr, string en) => problems.Add(new TableProblem(row.Sheet, row.RowNumber, column, new BilingualText(fr, en)));

            Guid? id = null;
            if (row.Cell(TableColumn.Id) is { } idText)
            {
                if (Guid.TryParse(idText, out var parsed))
                {
                    id = parsed;
                }
                else
                {
                    Problem(TableColumn.Id, $"« {idText} » n’est pas un identifiant valide (laissez la cellule vide pour une nouvelle activité)",
                        $"'{idText}' is not a valid id (leave the cell empty for a new activity)");
                }
            }

            int? number = null;
            if (row.Cell(TableColumn.Number) is { } numberText)
            {
                if (ProgrammeTable.ParseNumber(numberText) is { } parsed)
                {
                    number = parsed;
                }
                else
                {
                    Problem(TableColumn.Number, $"« {numberText} » n’est pas un numéro (un entier positif)", $"'{numberText}' is not a number (a positive whole number)");
                }
            }

            ActivityVersion? existing = null;
            if (id is { } wanted)
            {
                existing = version.Activities.SingleOrDefault(a => a.ActivityId == wanted);
                if (existing is null)
                {
                    Problem(TableColumn.Id, "aucune activité de ce programme n’a cet identifiant", "no activity of this programme has this id");
                }
                else if (number is not null && existing.Number is not null && number != existing.Number)
                {
                    Problem(TableColumn.Number, $"cette activité porte le numéro {existing.Number} ; les numéros ne se changent pas par import",
                        $"this activity is number {existing.Number}; numbers are not changed by an import");
                }
            }
            else if (number is { } n)
            {
                existing = version.Activities.SingleOrDefault(a => a.Section == row.Section && a.Number == n && !a.IsDeleted);
            }

            if (existing is not null)
            {
                if (existing.IsDeleted)
                {
                    Problem(TableColumn.Id, "cette activité est retirée du programme", "this activity is retired from the programme");
                }

                if (existing.Section != row.Section)
                {
                    Problem(TableColumn.Id, "cette activité appartient à l’autre section du programme", "this activity belongs to the other section of the programme");
                }

                if (!matched.Add(existing.ActivityId))
                {
                    Problem(null, "cette activité figure deux fois dans le fichier", "this activity appears twice in the file");
                }
            }

            var stored = existing?.Content ?? new ActivityContent { Section = row.Section, Revision = RevisionKind.New };
            var changed = new List<TableColumn>();
            var content = stored;

            void Set(TableColumn column, ActivityContent updated, bool differs)
            {
                content = updated;
                if (differs)
                {
                    changed.Add(column);
                }
            }

            var priority = ParsePriority(row.Cell(TableColumn.Priority), Problem);
            Set(TableColumn.Priority, content with { Priority = priority }, priority != stored.Priority);

            bool? linked = null;
            if (row.Cell(TableColumn.Link) is { } linkText)
            {
                linked = ProgrammeTable.ParseYesNo(linkText);
                if (linked is null)
                {
                    Problem(TableColumn.Link, $"« {linkText} » : attendu Oui ou Non", $"'{linkText}': expected Yes or No");
                }
            }

            Set(TableColumn.Link, content with { LinkedToStrategicPlan = linked }, linked != stored.LinkedToStrategicPlan);

            TaskType? taskType = null;
            if (row.Cell(TableColumn.TaskType) is { } typeText)
            {
                taskType = ProgrammeTable.ParseTaskType(typeText);
                if (taskType is null)
                {
                    var fr = string.Join(", ", ProgrammeTable.TaskTypes.Values.Select(t => t.Fr));
                    var en = string.Join(", ", ProgrammeTable.TaskTypes.Values.Select(t => t.En));
                    Problem(TableColumn.TaskType, $"« {typeText} » : type inconnu (attendu : {fr})", $"'{typeText}': unknown type (expected: {en})");
                }
            }

            Set(TableColumn.TaskType, content with { TaskType = taskType }, taskType != stored.TaskType);

            var planCodes = codes.Plan(row.Cell(TableColumn.StrategicPlan), unknown =>
                Problem(TableColumn.StrategicPlan, $"code du Plan stratégique inconnu « {unknown} »", $"unknown Strategic Plan code '{unknown}'"));
            Set(TableColumn.StrategicPlan, content with { PlanCodes = planCodes }, !planCodes.SequenceEqual(stored.PlanCodes));

            var bodies = codes.Bodies(row.Cell(TableColumn.Body), unknown =>
                Problem(TableColumn.Body, $"organe inconnu « {unknown} »", $"unknown body '{unknown}'"));
            Set(TableColumn.Body, content with { BodyCodes = bodies }, !bodies.SequenceEqual(stored.BodyCodes));

            // The exports write each reference as the number it has in the version: a cell still saying so is unchanged. A
            // reference may also be written as the edit form shows it, "[[I.12]]".
            var unknownLabels = new List<string>();
            BilingualText SideOf(BilingualText storedText, string? cell) => ActivityReferences.FromEditable(
                Side(storedText, ActivityReferences.Render(storedText, (id, l) => ActivityReferenceNumbers.Text(version, id, l)), cell, language),
                version.ActivityLabelled, unknownLabels);
            var title = SideOf(stored.Title, row.Cell(TableColumn.Activity));
            Set(TableColumn.Activity, content with { Title = title }, title != stored.Title);
            var resources = SideOf(stored.Resources, row.Cell(TableColumn.Resources));
            Set(TableColumn.Resources, content with { Resources = resources }, resources != stored.Resources);
            var kpi = SideOf(stored.Kpi, row.Cell(TableColumn.Kpi));
            Set(TableColumn.Kpi, content with { Kpi = kpi }, kpi != stored.Kpi);
            var deadlineCell = row.Cell(TableColumn.Deadline);
            // The annex writes a continuous deadline without wording in its language as the template's own term.
            var templateTerm = stored.Deadline.Continuous && stored.Deadline.Text.In(language) is null
                && deadlineCell == AnnexTemplate.ContinuousWork.In(language);
            var deadlineText = templateTerm ? stored.Deadline.Text : SideOf(stored.Deadline.Text, deadlineCell);
            if (deadlineText != stored.Deadline.Text)
            {
                // The wording changed: read its milestones again, as the edit form does.
                Set(TableColumn.Deadline, content with { Deadline = deadlineText.IsEmpty ? Deadline.None : DeadlineParser.Parse(deadlineText) }, true);
            }

            if (title.IsEmpty)
            {
                Problem(TableColumn.Activity, "l’intitulé de l’activité est obligatoire", "the activity's title is required");
            }

            if (unknownLabels.Count > 0)
            {
                var unknown = EditableReferences.Unknown(unknownLabels);
                Problem(null, unknown.Fr!, unknown.En!);
            }

            if (existing is not null && changed.Count > 0 && existing.Revision is RevisionKind.Unchanged or RevisionKind.Renumbered)
            {
                content = content with { Revision = RevisionKind.Reworded };
            }

            var kind = existing is null ? ChangeKind.Added : changed.Count > 0 ? ChangeKind.Changed : ChangeKind.Unchanged;
            if (problems.Count == before && kind != ChangeKind.Unchanged)
            {
                // The same checks as the activity form: known codes, a responsible body, the footnotes' rules for one row.
                var probe = existing is null ? content with { Number = 1 } : content;
                foreach (var message in await ActivityValidation.ProblemsAsync(db, probe, cancellationToken))
                {
                    problems.Add(new TableProblem(row.Sheet, row.RowNumber, null, message));
                }
            }

            var reference = $"{(row.Section == Section.TimeBound ? "I" : "II")}.{existing?.Number?.ToString(CultureInfo.InvariantCulture) ?? "+"}";
            return new Planned(row, existing, content, new RowChange(reference, kind, title, changed));
        }

        private static Priority? ParsePriority(string? text, Action<TableColumn?, string, string> problem)
        {
            if (text is null)
            {
                return null;
            }

            if (Wire.TryParse<Priority>(text, out var priority))
            {
                return priority;
            }

            problem(TableColumn.Priority, $"« {text} » : attendu A, B ou C", $"'{text}': expected A, B or C");
            return null;
        }

        /// <summary>
        /// The cell sets the sheet's language; the other stays. A cell that only shows the other language, marked as the
        /// export marks a missing translation, leaves the text as it was.
        /// </summary>
        /// <summary>
        /// The text with the file's language side replaced by <paramref name="cell"/>, unless the cell says what the export
        /// wrote for it (<paramref name="exported"/>: references as numbers; a missing side as the other language marked).
        /// </summary>
        private static BilingualText Side(BilingualText stored, BilingualText exported, string? cell, Language language)
        {
            var other = language.Other();
            if (cell is not null && cell == exported.In(language))
            {
                return stored;
            }

            if (cell is not null && stored.In(language) is null && exported.In(other) is { } otherText
                && cell == ProgrammeTable.FallbackMark(other) + otherText)
            {
                return stored;
            }

            return language == Language.Fr ? new BilingualText(cell, stored.En) : new BilingualText(stored.Fr, cell);
        }
    }

    /// <summary>Codes as files write them (the code, or its French or English display) back to the stored code.</summary>
    private sealed class CodeBook
    {
        private static readonly string[] ListSeparators = [",", ";", "\n", " et ", " and "];
        private readonly Dictionary<string, string> bodies = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> plan = new(StringComparer.Ordinal);

        public CodeBook(IEnumerable<(string Code, BilingualText Abbreviation)> bodyCodes, IEnumerable<(string Code, BilingualText Display)> planCodes)
        {
            foreach (var (code, abbreviation) in bodyCodes)
            {
                Index(bodies, code, abbreviation);
            }

            foreach (var (code, display) in planCodes)
            {
                Index(plan, code, display);
            }
        }

        public IReadOnlyList<string> Bodies(string? cell, Action<string> unknown) => Resolve(bodies, cell, unknown);

        public IReadOnlyList<string> Plan(string? cell, Action<string> unknown) => Resolve(plan, cell, unknown);

        private static void Index(Dictionary<string, string> index, string code, BilingualText display)
        {
            index.TryAdd(ProgrammeTable.Normalise(code), code);
            foreach (var text in new[] { display.Fr, display.En }.OfType<string>())
            {
                index.TryAdd(ProgrammeTable.Normalise(text), code);
            }
        }

        private static List<string> Resolve(Dictionary<string, string> index, string? cell, Action<string> unknown)
        {
            var codes = new List<string>();
            if (cell is null)
            {
                return codes;
            }

            foreach (var part in cell.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (index.TryGetValue(ProgrammeTable.Normalise(part), out var code))
                {
                    if (!codes.Contains(code))
                    {
                        codes.Add(code);
                    }
                }
                else
                {
                    unknown(part);
                }
            }

            return codes;
        }
    }
}
