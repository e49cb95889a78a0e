using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Features.Snapshots;
using WorkProgramme.Application.Features.Translation;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;
using WorkProgramme.Domain.Rules;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Application.Features.Programmes;

/// <summary>The programme as the document shows it: both sections, every column, with filters.</summary>
public static class ViewProgramme
{
    /// <summary>Filters; null means "all". <see cref="NoKeyword"/> selects rows whose status gives no keyword.</summary>
    public sealed record Filter(
        Priority? Priority = null,
        string? PlanCode = null,
        string? TaskType = null,
        string? Body = null,
        StatusKeyword? Keyword = null,
        bool NoKeyword = false,
        bool IncludeDeleted = false,
        bool OverdueOnly = false)
    {
        public bool IsActive => Priority is not null || PlanCode is not null || TaskType is not null || Body is not null
            || Keyword is not null || NoKeyword || OverdueOnly;

        public bool Matches(ActivityRowView row) =>
            (IncludeDeleted || !row.IsDeleted)
            && (Priority is null || row.Priority == Priority)
            && (PlanCode is null || row.PlanElements.Any(p => p.Code == PlanCode))
            && (TaskType is null || row.TaskType?.Code == TaskType)
            && (Body is null || row.Bodies.Any(b => b.Code == Body))
            && (Keyword is null || row.Status?.Keyword == Keyword)
            && (!NoKeyword || row.Status?.Keyword is null)
            && (!OverdueOnly || row.Overdue);
    }

    public sealed record Query(Viewer Viewer, string Slug, string? VersionLabel = null, Filter? Filter = null);

    public sealed record VersionView(string Label, string? DocumentSymbol, VersionState State, SessionView? Session);

    public sealed record SectionView(Section Section, IReadOnlyList<ActivityRowView> Rows, int Total);

    public sealed record Result(
        string Slug,
        BilingualText Title,
        CodeLabel Body,
        int PeriodStart,
        int PeriodEnd,
        VersionView Version,
        IReadOnlyList<VersionView> Versions,
        IReadOnlyList<SectionView> Sections,
        IReadOnlyList<CodeLabel> PlanElements,
        IReadOnlyList<CodeLabel> Bodies,
        IReadOnlyList<CodeLabel> TaskTypes,
        int Errors,
        int Warnings,
        Filter Filter)
    {
        /// <summary>Broken rules an editor must act on (<see cref="ProgrammeRules.NeedsAction"/>).</summary>
        public int ToActOn { get; init; }

        /// <summary>Broken rules that are information only (translations pending).</summary>
        public int ForInformation { get; init; }

        /// <summary>How many texts are translated, for the version and for the reports of the session it shows.</summary>
        public TranslationProgress? Translation { get; init; }

        /// <summary>
        /// Names what the unfiltered model was built from (the record's state, the programme, the version asked for and
        /// whether the viewer sees drafts): equal states give equal models, so a page may keep what it renders from one.
        /// </summary>
        public string State { get; init; } = "";
    }

    /// <summary>
    /// Builds the read model once per state of the record, programme, version and whether the viewer sees drafts (all a
    /// viewer changes in it, through <see cref="Programme.VisibleTo"/>), and shares it (<see cref="ReadModelCache"/>,
    /// docs/decisions/0037); the filter is applied to the shared rows per request.
    /// </summary>
    public sealed class Handler(WorkProgrammeDb db, ReadModelCache cache, RecordState state)
    {
        public async Task<Result?> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            // Read before the data, so a model is never older than the state it is kept under.
            var stamp = await state.StampAsync(cancellationToken);
            var programme = await state.ProgrammeAsync(cache, query.Slug, cancellationToken);
            if (programme is null)
            {
                return null;
            }

            var seesDrafts = programme.VisibleTo(query.Viewer).SeesDrafts;
            var whole = await cache.GetOrBuildAsync(stamp, new ModelKey(query.Slug, query.VersionLabel, seesDrafts),
                async () => new Whole(await BuildAsync(query, cancellationToken)));
            if (whole.Result is not { } result)
            {
                return null;
            }

            var filter = query.Filter ?? new Filter();
            return result with
            {
                Sections = result.Sections.Select(s => s with { Rows = s.Rows.Where(filter.Matches).ToList() }).ToList(),
                Filter = filter,
                State = $"{stamp}|{query.Slug}|{query.VersionLabel}|{seesDrafts}",
            };
        }

        /// <summary>Every row, the deleted ones included, for the viewer of the query; the filter is applied afterwards.</summary>
        private async Task<Result?> BuildAsync(Query query, CancellationToken cancellationToken)
        {
            var snapshot = await ProgrammeSnapshot.LoadAsync(db, query.Slug, query.VersionLabel, query.Viewer, cancellationToken);
            if (snapshot is null)
            {
                return null;
            }

            var filter = new Filter(IncludeDeleted: true);
            var violations = snapshot.Violations();
            var byActivity = violations.Where(v => v.ActivityId is not null).ToLookup(v => v.ActivityId!.Value);
            var rows = snapshot.Rows
                .Select(r => r.ToRowView(snapshot,
                    byActivity[r.ActivityId].Count(v => v.Severity == Severity.Error),
                    byActivity[r.ActivityId].Count(v => v.Severity == Severity.Warning),
                    byActivity[r.ActivityId].Any(v => v.Rule == RuleCode.Overdue)))
                .ToList();
            var sections = Enum.GetValues<Section>()
                .Select(section => new SectionView(section,
                    rows.Where(r => r.Section == section && filter.Matches(r)).ToList(),
                    rows.Count(r => r.Section == section && !r.IsDeleted)))
                .ToList();
            var live = rows.Where(r => !r.IsDeleted).ToList();

            return new Result(
                snapshot.Programme.Slug,
                snapshot.Programme.Title,
                snapshot.BodyLabel(snapshot.Programme.BodyCode),
                snapshot.Programme.PeriodStart,
                snapshot.Programme.PeriodEnd,
                ToView(snapshot, snapshot.Version) with
                {
                    Session = snapshot.StatusSessionKey is { } key && snapshot.Sessions.TryGetValue(key, out var current) ? current.ToView(snapshot) : null,
                },
                snapshot.VisibleVersions.Select(v => ToView(snapshot, v)).ToList(),
                sections,
                snapshot.PlanElements.Values.OrderBy(e => e.Order)
                    .Where(e => live.Any(r => r.PlanElements.Any(p => p.Code == e.Code)))
                    .Select(e => snapshot.PlanLabel(e.Code)).ToList(),
                live.SelectMany(r => r.Bodies).DistinctBy(b => b.Code).OrderBy(b => b.Code, StringComparer.Ordinal).ToList(),
                snapshot.TaskTypes.Select(t => t.ToLabel()).ToList(),
                violations.Count(v => v.Severity == Severity.Error),
                violations.Count(v => v.Severity == Severity.Warning),
                filter)
            {
                ToActOn = violations.Count(v => ProgrammeRules.NeedsAction(v.Rule)),
                ForInformation = violations.Count(v => !ProgrammeRules.NeedsAction(v.Rule)),
                Translation = TranslationState.Of(snapshot.Version, snapshot.Reports, snapshot.StatusSessionKey),
            };
        }

        private sealed record ModelKey(string Slug, string? VersionLabel, bool SeesDrafts);

        private sealed record Whole(Result? Result);

        private static VersionView ToView(ProgrammeSnapshot snapshot, ProgrammeVersion version) => new(
            version.Label, version.DocumentSymbol, version.State,
            version.SessionKey is { } key && snapshot.Sessions.TryGetValue(key, out var session) ? session.ToView(snapshot) : null);
    }
}
