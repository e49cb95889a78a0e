using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Activities;
using WorkProgramme.Application.Identity;
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
            var version = programme?.Latest;
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
                foreach (var message in await ActivityValidation.ProblemsAsync(db, probe, cancellationToken))
                {
                    problems.Add(new TableProblem(row.Sheet, row.RowNumber, null, message));
                }
            }

            var reference = new ActivityLabel(row.Section, existing?.Number).Format("+");
            return new Planned(row, existing, content, new RowChange(reference, kind, title, changed));
        }

    }
}
