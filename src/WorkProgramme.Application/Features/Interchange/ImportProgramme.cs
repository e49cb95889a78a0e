using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Application.Features.Interchange;

/// <summary>
/// Loads a programme file: reference data, the programme, one version's rows and their status reports.
/// All or nothing: any problem and the database is left exactly as it was.
/// </summary>
public static class ImportProgramme
{
    /// <summary>
    /// More activities than this taken out of a version by one file need <paramref name="AllowRetire"/>: a well-formed
    /// file with a short list of activities is far more often a mistake than a decision (docs/decisions/0022).
    /// </summary>
    public const int RetiresWithoutConfirmation = 3;

    /// <summary>
    /// A file to import. Without <paramref name="Apply"/>, a preview: every check and the list of changes, nothing
    /// written. Callers that load data they ship or generate (the first start) apply directly.
    /// </summary>
    public sealed record Command(ProgrammeFile File, bool Apply = true, bool AllowRetire = false);

    public enum ChangeKind
    {
        Added,
        Changed,
        Retired,
    }

    /// <summary>One activity the file adds to, rewords in or takes out of the version; its label as the version numbers it.</summary>
    public sealed record Change(ChangeKind Kind, string? Label, BilingualText Title);

    public sealed record Outcome(string? Slug, int Activities, IReadOnlyList<ImportProblem> Problems, string? Version = null,
        IReadOnlyList<Change>? Changes = null, bool Applied = false, bool RetireNeedsConfirmation = false)
    {
        public bool Succeeded => Problems.Count == 0;

        public int Count(ChangeKind kind) => Changes?.Count(c => c.Kind == kind) ?? 0;

        public static Outcome Rejected(IReadOnlyList<ImportProblem> problems) => new(null, 0, problems);
    }

    public sealed class Handler(WorkProgrammeDb db)
    {
        public async Task<Outcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var file = command.File;
            var strategicPlan = await PlanOfAsync(file, cancellationToken);
            var mapper = new ProgrammeFileMapper(
                await db.Bodies.Select(b => b.Code).ToListAsync(cancellationToken),
                await db.Sessions.Select(s => s.Key).ToListAsync(cancellationToken),
                strategicPlan?.Elements.Select(e => e.Code) ?? [],
                (await TaskTypes.TaskTypeList.LoadAsync(db, cancellationToken)).Select(t => t.Code));

            CheckShape(file, mapper);
            var bodies = mapper.Bodies(file.Reference?.Bodies ?? []);
            var sessions = mapper.Sessions(file.Reference?.Sessions ?? []);
            var planElements = mapper.PlanElements(file.Reference?.StrategicPlan ?? []);
            mapper.CheckBody(file.Body, "programme", "body");
            var state = file.Version is null ? null : mapper.VersionState(file.Version);
            var rows = file.Activities
                .Select((dto, index) => (Dto: dto, Mapped: mapper.Activity(dto, index, file.Version?.Session)))
                .ToList();
            if (mapper.Problems.Count > 0 || file.Version is null || state is null)
            {
                return Outcome.Rejected(mapper.Problems);
            }

            await using var transaction = await Transaction.BeginAsync(db, cancellationToken);
            await UpsertReferenceDataAsync(bodies, sessions, cancellationToken);
            strategicPlan = await MergePlanAsync(strategicPlan, planElements, file, mapper, cancellationToken);
            var programme = await db.Programmes.Include(p => p.Versions).ThenInclude(v => v.Activities)
                .SingleOrDefaultAsync(p => p.Slug == file.Slug, cancellationToken);
            if (programme is null)
            {
                programme = new Programme(file.Slug, file.Body, file.Period!.Start, file.Period.End, ProgrammeFileMapper.Text(file.Title));
                if (strategicPlan is not null)
                {
                    programme.Follow(strategicPlan);
                }

                db.Programmes.Add(programme);
                await db.SaveChangesAsync(cancellationToken);
            }
            else
            {
                programme.Describe(file.Body, file.Period!.Start, file.Period.End, ProgrammeFileMapper.Text(file.Title));
                if (strategicPlan is not null && programme.PlanId != strategicPlan.Id)
                {
                    programme.Follow(strategicPlan);
                }
            }

            var version = programme.Versions.SingleOrDefault(v => v.Label == file.Version.Label)
                ?? programme.AddVersion(file.Version.Label, file.Version.DocumentSymbol, file.Version.Session);
            var existingActivities = await db.Activities.Where(a => a.ProgrammeId == programme.Id || rows.Select(r => r.Dto.Id).Contains(a.Id))
                .ToDictionaryAsync(a => a.Id, cancellationToken);
            var imported = new List<ImportedRow>();
            var idsInFile = new HashSet<Guid>();
            foreach (var (dto, (content, status)) in rows)
            {
                var at = $"activities[{idsInFile.Count}]";
                var id = dto.Id ?? Guid.NewGuid();
                if (!idsInFile.Add(id))
                {
                    mapper.Add(at, "id", $"identifiant en double {id}", $"duplicate id {id}");
                    continue;
                }

                if (existingActivities.TryGetValue(id, out var activity) && activity.ProgrammeId != programme.Id)
                {
                    mapper.Add(at, "id", "cet identifiant appartient à un autre programme", "this id belongs to another programme");
                    continue;
                }

                if (activity is null)
                {
                    db.Activities.Add(new Activity(id, programme.Id, Lineage(dto.CarriedFrom, at, mapper)));
                }

                imported.Add(new ImportedRow(id, content!));
                if (status is not null)
                {
                    await RecordStatusAsync(id, status, at, mapper, cancellationToken);
                }
            }

            // Labels of the rows a file takes out, as the version numbered them before.
            var references = new VersionReferences(version);
            var plan = version.ChangesFrom(file.Version.DocumentSymbol, file.Version.Session, imported);
            var retired = plan.Removed.Select(id => (Id: id, Label: references.LabelOf(id), version.Activities.Single(a => a.ActivityId == id).Content.Title)).ToList();
            var taken = mapper.Try("version", () => version.TakeFile(file.Version.DocumentSymbol, file.Version.Session, imported,
                (index, refused) => mapper.Try($"activities[{index}]", ThrowBack(refused))));
            ReachState(version, state.Value, file.Version, mapper);
            var needsConfirmation = plan.Removed.Count > RetiresWithoutConfirmation && !command.AllowRetire;
            if (needsConfirmation && command.Apply)
            {
                mapper.Add("version", "activities",
                    $"ce fichier retirerait {plan.Removed.Count} activités de la version « {version.Label} » (au plus {RetiresWithoutConfirmation} sans confirmation) : vérifiez le fichier, puis confirmez avec --allow-retire",
                    $"this file would retire {plan.Removed.Count} activities of version '{version.Label}' (at most {RetiresWithoutConfirmation} without confirmation): check the file, then confirm with --allow-retire");
            }

            if (mapper.Problems.Count > 0 || taken is null)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return Outcome.Rejected(mapper.Problems);
            }

            var changes = plan.Added.Select(id => new Change(ChangeKind.Added, references.LabelOf(id), TitleOf(version, id)))
                .Concat(plan.Changed.Select(id => new Change(ChangeKind.Changed, references.LabelOf(id), TitleOf(version, id))))
                .Concat(retired.Select(r => new Change(ChangeKind.Retired, r.Label, r.Title)))
                .ToList();
            if (!command.Apply)
            {
                // A preview: every check ran on the real data; nothing of it is kept.
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return new Outcome(programme.Slug, rows.Count, [], version.Label, changes, Applied: false, needsConfirmation);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new Outcome(programme.Slug, rows.Count, [], version.Label, changes, Applied: true);
        }

        /// <summary>The file's "carriedFrom", checked: a programme slug, the activity's id there and its label ("I.12").</summary>
        private static ActivityLineage? Lineage(CarriedFromDto? from, string at, ProgrammeFileMapper mapper)
        {
            if (from is null)
            {
                return null;
            }

            if (from.Id == Guid.Empty || string.IsNullOrWhiteSpace(from.Programme) || from.Programme.Length > 80
                || !from.Programme.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
                || !ActivityLabel.TryParse(from.Label, out _))
            {
                mapper.Add(at, "carriedFrom", "« carriedFrom » : l’identifiant d’un programme, celui de l’activité et son numéro (par exemple I.12)",
                    "'carriedFrom': a programme's identifier, the activity's id and its label (for example I.12)");
                return null;
            }

            return new ActivityLineage(from.Programme, from.Id, from.Label);
        }

        private static Func<ProgrammeVersion> ThrowBack(DomainException refused) => () => throw refused;

        private static BilingualText TitleOf(ProgrammeVersion version, Guid id) => version.Activities.Single(a => a.ActivityId == id).Content.Title;

        /// <summary>
        /// The file's state is reached through the domain's own guarded steps, endorsement then approval, as when an
        /// editor records them one at a time (docs/decisions/0022); a version never goes back.
        /// </summary>
        private static void ReachState(ProgrammeVersion version, VersionState state, VersionDto file, ProgrammeFileMapper mapper)
        {
            if (state < version.State)
            {
                mapper.Add("version", "state", $"la version « {version.Label} » est déjà {Wire.Name(version.State)} ; elle ne revient pas à {Wire.Name(state)}",
                    $"version '{version.Label}' is already {Wire.Name(version.State)}; it does not go back to {Wire.Name(state)}");
                return;
            }

            if (state >= VersionState.Endorsed && version.State == VersionState.Draft)
            {
                mapper.Try("version", () => { version.Endorse(file.Session ?? ""); return version; });
            }

            if (state == VersionState.Approved && version.State == VersionState.Endorsed)
            {
                mapper.Try("version", () => { version.Approve(file.Session ?? ""); return version; });
            }
        }

        private static void CheckShape(ProgrammeFile file, ProgrammeFileMapper mapper)
        {
            if (file.Format != ProgrammeFileFormat.Current)
            {
                mapper.Add("file", "format", $"format « {file.Format} » non pris en charge (attendu : {ProgrammeFileFormat.Current})",
                    $"unsupported format '{file.Format}' (expected: {ProgrammeFileFormat.Current})");
            }

            if (string.IsNullOrWhiteSpace(file.Slug))
            {
                mapper.Add("programme", "slug", "l’identifiant du programme est obligatoire", "the programme slug is required");
            }

            if (file.Title is null || (string.IsNullOrWhiteSpace(file.Title.Fr) && string.IsNullOrWhiteSpace(file.Title.En)))
            {
                mapper.Add("programme", "title", "le titre est obligatoire", "the title is required");
            }

            else
            {
                mapper.Try("programme › title", () => Domain.Common.TextRule.ProgrammeTitle.Check(ProgrammeFileMapper.Text(file.Title)));
            }

            if (file.Period is null)
            {
                mapper.Add("programme", "period", "la période est obligatoire", "the period is required");
            }

            if (file.Version is null || string.IsNullOrWhiteSpace(file.Version.Label))
            {
                mapper.Add("programme", "version", "la version (libellé, état) est obligatoire", "the version (label, state) is required");
            }
        }

        /// <summary>
        /// The Strategic Plan the file's codes belong to (docs/decisions/0049): the one the programme follows, else the one
        /// whose period covers the programme's first year; null when there is none yet.
        /// </summary>
        private async Task<Domain.StrategicPlans.StrategicPlan?> PlanOfAsync(ProgrammeFile file, CancellationToken cancellationToken)
        {
            var followed = await db.Programmes.Where(p => p.Slug == file.Slug).Select(p => p.PlanId).SingleOrDefaultAsync(cancellationToken);
            var plans = db.StrategicPlans.Include(p => p.Elements);
            if (followed is not null)
            {
                return await plans.SingleAsync(p => p.Id == followed, cancellationToken);
            }

            var start = file.Period?.Start ?? 0;
            return await plans.Where(p => p.StartYear <= start && start <= p.EndYear).OrderByDescending(p => p.StartYear).FirstOrDefaultAsync(cancellationToken);
        }

        /// <summary>The file's codes into the plan: a known code takes the file's words, a new one is added; no plan yet: one for the programme's period.</summary>
        private async Task<Domain.StrategicPlans.StrategicPlan?> MergePlanAsync(Domain.StrategicPlans.StrategicPlan? plan,
            IReadOnlyList<Domain.StrategicPlans.StrategicPlanElement> planElements, ProgrammeFile file, ProgrammeFileMapper mapper,
            CancellationToken cancellationToken)
        {
            if (planElements.Count == 0)
            {
                return plan;
            }

            if (plan is null)
            {
                var (start, end) = (file.Period!.Start, file.Period.End);
                try
                {
                    plan = new Domain.StrategicPlans.StrategicPlan(start, end, Domain.StrategicPlans.StrategicPlan.DefaultTitle(start, end));
                }
                catch (DomainException exception)
                {
                    mapper.Add("programme", "period", exception.Messages.Fr ?? "", exception.Messages.En ?? "");
                    return null;
                }

                db.StrategicPlans.Add(plan);
            }

            foreach (var element in planElements)
            {
                try
                {
                    plan.Merge(element);
                }
                catch (DomainException exception)
                {
                    mapper.Add("reference.strategicPlan", element.Code, exception.Messages.Fr ?? "", exception.Messages.En ?? "");
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            return plan;
        }

        private async Task UpsertReferenceDataAsync(IReadOnlyList<Domain.Bodies.Body> bodies, IReadOnlyList<Domain.Sessions.Session> sessions,
            CancellationToken cancellationToken)
        {
            await UpsertAsync(db.Bodies, bodies, b => b.Code, (stored, body) => stored.Update(body.Abbreviation, body.Name, body.Kind, body.ReportsTo),
                cancellationToken);
            await UpsertAsync(db.Sessions, sessions, s => s.Key,
                (stored, session) => stored.Reschedule(session.Year, session.Month, session.Season, session.StartDate, session.EndDate), cancellationToken);
        }

        /// <summary>Each row of the file updates the stored one with its key, or is added.</summary>
        private static async Task UpsertAsync<T>(DbSet<T> set, IEnumerable<T> rows, Func<T, string> key, Action<T, T> update, CancellationToken cancellationToken)
            where T : class
        {
            var stored = await set.ToDictionaryAsync(key, cancellationToken);
            foreach (var row in rows)
            {
                if (stored.TryGetValue(key(row), out var existing))
                {
                    update(existing, row);
                }
                else
                {
                    set.Add(row);
                }
            }
        }

        private async Task RecordStatusAsync(Guid activityId, ImportedStatus status, string at, ProgrammeFileMapper mapper,
            CancellationToken cancellationToken)
        {
            var report = await db.StatusReports.SingleOrDefaultAsync(
                r => r.ActivityId == activityId && r.SessionKey == status.Session, cancellationToken);
            if (report is not null && report.Says(status.Keyword, status.KeywordInferred, status.Narrative, status.NextSteps,
                    status.MilestonesReached, status.Level))
            {
                return;
            }

            if (report is null)
            {
                report = new StatusReport(activityId, status.Session);
                db.StatusReports.Add(report);
            }

            mapper.Try(at + " › status", () =>
            {
                report.Record(status.Keyword, status.KeywordInferred, status.Narrative, status.NextSteps, status.MilestonesReached, status.Level);
                report.Publish();
                return report;
            });
        }
    }
}
