using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Activities;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Documents.Diff;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;

namespace WorkProgramme.Application.Features.OfficeTables;

/// <summary>
/// Applies a programme table read from a file (Excel sheet or Word table) to the programme's latest version: each row
/// updates the activity its id (or else its number in the section) names, or creates a new one at the end of its
/// section. The cells set the sheet's language of each text and leave the other language as it is; status and execution
/// level are the status report's and are not read. Without <see cref="Command.Apply"/> it only says what would change.
/// All or nothing: any problem and nothing is written; otherwise one transaction, audited like any edit.
/// </summary>
public static class ImportTable
{
    /// <summary>
    /// <see cref="ExpectedState"/> is the <see cref="Outcome.State"/> of the preview the caller confirms: without it, or
    /// when the draft or the file changed since, nothing is applied.
    /// </summary>
    public sealed record Command(Viewer Viewer, string Slug, TableFile File, bool Apply, string? ExpectedState = null);

    public enum ChangeKind
    {
        Added,
        Changed,
        Unchanged,
    }

    /// <summary>What happens to one row: "I.12" (or "I.new" before it has a number), its title and the columns that change.</summary>
    public sealed record RowChange(string Reference, ChangeKind Kind, BilingualText Title, IReadOnlyList<TableColumn> Columns);

    /// <summary>
    /// What the file changes (or changed, when <see cref="Applied"/>), and the problems that refuse it (sheet, row,
    /// column). <see cref="State"/> names the draft as it stood and the file as read: the apply must send it back.
    /// </summary>
    public sealed record Outcome(IReadOnlyList<RowChange> Changes, IReadOnlyList<TableProblem> Problems, bool Applied = false, string? State = null)
    {
        public int Count(ChangeKind kind) => Changes.Count(c => c.Kind == kind);
    }

    private sealed record Planned(TableRow Row, ActivityVersion? Existing, ActivityContent Content, RowChange Change);

    private sealed record Draft(Programme Programme, ProgrammeVersion Version);

    /// <summary>The draft's state (every row's version and place) and the file's (its rows as read), in one value.</summary>
    public static string StateOf(ProgrammeVersion version, TableFile file) => StateVersion.Of(
        version.Id, version.State,
        version.Activities.OrderBy(a => a.ActivityId).Select(a => $"{a.ActivityId}:{a.RowVersion}:{a.Section}:{a.Position}:{a.Revision}").ToList(),
        file.Language, file.Rows);

    /// <summary>A refused file, with what it would have changed.</summary>
    private static Result<Outcome> Refused(IReadOnlyList<RowChange> changes, IReadOnlyList<TableProblem> problems) =>
        Result<Outcome>.Fail(Failure.InvalidFields(problems.Select(p => new FieldMessage(p.Column is { } column ? Wire.Name(column) : "", p.Message))),
            new Outcome(changes, problems));

    public sealed class Handler(WorkProgrammeDb db, WritePipeline pipeline)
    {
        /// <summary>Whether the programme exists (the import page answers 404 for one that does not).</summary>
        public Task<bool> ExistsAsync(string slug, CancellationToken cancellationToken) =>
            db.Programmes.AnyAsync(p => p.Slug == slug, cancellationToken);

        public async Task<Result<Outcome>> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            if (command.File.Problems.Count > 0)
            {
                return Refused([], command.File.Problems);
            }

            if (!command.Apply)
            {
                var draft = await LoadAsync(command.Slug, cancellationToken);
                if (draft is null)
                {
                    return Failure.NotFound;
                }

                if (!command.Viewer.CanEdit(draft.Programme.BodyCode))
                {
                    return Failure.Forbidden;
                }

                var (plan, problems) = await PlanAsync(draft.Version, command.File, cancellationToken);
                var changes = plan.Select(p => p.Change).ToList();
                return problems.Count > 0 ? Refused(changes, problems) : new Outcome(changes, [], State: StateOf(draft.Version, command.File));
            }

            // Serialized: the state is a digest, so the check and the save share one transaction.
            return await pipeline.RunAsync(new Write<Draft, Outcome>(command.Viewer, command.ExpectedState, async ct =>
                await LoadAsync(command.Slug, ct) is { } draft ? new Target<Draft>(draft, draft.Programme.BodyCode, StateOf(draft.Version, command.File)) : null,
                async (draft, ct) =>
                {
                    var (plan, problems) = await PlanAsync(draft.Version, command.File, ct);
                    var changes = plan.Select(p => p.Change).ToList();
                    if (problems.Count > 0)
                    {
                        return Refused(changes, problems);
                    }

                    try
                    {
                        foreach (var step in plan.Where(p => p.Change.Kind != ChangeKind.Unchanged))
                        {
                            if (step.Existing is { } existing)
                            {
                                draft.Version.ReviseActivity(existing.ActivityId, step.Content);
                            }
                            else
                            {
                                var activity = new Activity(Guid.NewGuid(), draft.Programme.Id);
                                db.Activities.Add(activity);
                                draft.Version.AddNewActivity(activity.Id, step.Content);
                            }
                        }
                    }
                    catch (DomainException refused)
                    {
                        return Refused(changes, [TableProblem.File(refused.Messages)]);
                    }

                    return new Outcome(changes, [], Applied: true);
                }) { Serialized = true }, cancellationToken);
        }

        private async Task<Draft?> LoadAsync(string slug, CancellationToken cancellationToken)
        {
            var programme = await db.Programmes.Include(p => p.Versions).ThenInclude(v => v.Activities)
                .SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
            return programme?.Latest is { } version ? new Draft(programme, version) : null;
        }

        private async Task<(List<Planned> Plan, List<TableProblem> Problems)> PlanAsync(ProgrammeVersion version, TableFile file, CancellationToken cancellationToken)
        {
            var codes = await CodeBook.LoadAsync(db, ActivityValidation.PlanElementsOf(db, version.ProgrammeId), cancellationToken);
            var problems = new List<TableProblem>();
            var plan = new List<Planned>();
            var matched = new HashSet<Guid>();
            foreach (var row in file.Rows)
            {
                plan.Add(await PlanAsync(row, version, file.Language, codes, matched, problems, cancellationToken));
            }

            return (plan, problems);
        }

        private async Task<Planned> PlanAsync(TableRow row, ProgrammeVersion version, Language language, CodeBook codes,
            HashSet<Guid> matched, List<TableProblem> problems, CancellationToken cancellationToken)
        {
            var before = problems.Count;
            void Problem(TableColumn? column, string fr, string en) => problems.Add(new TableProblem(row.Sheet, row.RowNumber, column, new BilingualText(fr, en)));

            var existing = ImportRowMatcher.Match(row, version, matched, Problem);
            var stored = existing?.Content ?? new ActivityContent { Section = row.Section, Revision = RevisionKind.New };
            var (content, changed) = ImportCellMapper.Map(row, stored, version, language, codes, Problem);
            var title = content.Title;
            if (existing is not null && changed.Count > 0 && existing.Revision is RevisionKind.Unchanged or RevisionKind.Renumbered)
            {
                content = content with { Revision = RevisionKind.Reworded };
            }

            var kind = existing is null ? ChangeKind.Added : changed.Count > 0 ? ChangeKind.Changed : ChangeKind.Unchanged;
            if (problems.Count == before && kind != ChangeKind.Unchanged)
            {
                // The same checks as the activity form: known codes, a responsible body, the footnotes' rules for one row.
                var probe = existing is null ? content with { Number = 1 } : content;
                foreach (var message in await ActivityValidation.ProblemsAsync(db, version.ProgrammeId, probe, cancellationToken))
                {
                    problems.Add(new TableProblem(row.Sheet, row.RowNumber, null, message));
                }
            }

            var reference = new ActivityLabel(row.Section, existing?.Number).Format("+");
            return new Planned(row, existing, content, new RowChange(reference, kind, title, changed));
        }

    }
}
