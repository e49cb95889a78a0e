using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Shared;
using WorkProgramme.Application.Identity;
using WorkProgramme.Documents.Diff;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Application.Features.Rounds;

/// <summary>
/// "What changed since the previous session": per activity, keyword and level before and after, and the word-level
/// changes of the status texts, between each activity's previous published report and its report for the session.
/// </summary>
public static class SessionChanges
{
    public sealed record Query(Viewer Viewer, string Slug, string SessionKey);

    public sealed record Change(Guid ActivityId, string Reference, BilingualText Title, string? PreviousSession,
        StatusKeyword? KeywordBefore, StatusKeyword? KeywordAfter, ExecutionLevel? LevelBefore, ExecutionLevel? LevelAfter,
        IReadOnlyList<TextChange> NarrativeFr, IReadOnlyList<TextChange> NarrativeEn,
        IReadOnlyList<TextChange> NextStepsFr, IReadOnlyList<TextChange> NextStepsEn)
    {
        public bool LevelChanged => LevelBefore != LevelAfter;
    }

    public sealed record Result(string Slug, BilingualText ProgrammeTitle, string SessionKey, IReadOnlyList<Change> Changes, int Unchanged);

    public sealed class Handler(WorkProgrammeDb db)
    {
        public async Task<Result?> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var snapshot = await ProgrammeSnapshot.LoadAsync(db, query.Slug, null, query.Viewer, cancellationToken);
            if (snapshot is null || !snapshot.Sessions.TryGetValue(query.SessionKey, out var session))
            {
                return null;
            }

            var seesDrafts = query.Viewer.CanSeeDrafts(snapshot.Programme.BodyCode);
            var ids = snapshot.Version.Activities.Select(a => a.ActivityId).ToList();
            var reports = await db.StatusReports.AsNoTracking()
                .Where(r => ids.Contains(r.ActivityId) && (r.State == ReportState.Published || (seesDrafts && r.SessionKey == query.SessionKey)))
                .ToListAsync(cancellationToken);
            int Month(string key) => snapshot.Sessions.TryGetValue(key, out var s) ? s.MonthIndex : int.MinValue;
            var changes = new List<Change>();
            var unchanged = 0;
            foreach (var row in snapshot.Rows.Where(r => !r.IsDeleted))
            {
                var now = reports.SingleOrDefault(r => r.ActivityId == row.ActivityId && r.SessionKey == query.SessionKey);
                if (now is null)
                {
                    continue;
                }

                var before = reports.Where(r => r.ActivityId == row.ActivityId && r.State == ReportState.Published && Month(r.SessionKey) < session.MonthIndex)
                    .MaxBy(r => Month(r.SessionKey));
                var change = new Change(row.ActivityId, RoundContext.Reference(row), row.Title, before?.SessionKey,
                    before?.Keyword, now.Keyword, before?.ExecutionLevel, now.ExecutionLevel,
                    TextDiff.Compute(before?.Narrative.Fr, now.Narrative.Fr), TextDiff.Compute(before?.Narrative.En, now.Narrative.En),
                    TextDiff.Compute(before?.NextSteps.Fr, now.NextSteps.Fr), TextDiff.Compute(before?.NextSteps.En, now.NextSteps.En));
                if (change.LevelChanged || change.KeywordBefore != change.KeywordAfter || change.NarrativeFr.HasChanges()
                    || change.NarrativeEn.HasChanges() || change.NextStepsFr.HasChanges() || change.NextStepsEn.HasChanges())
                {
                    changes.Add(change);
                }
                else
                {
                    unchanged++;
                }
            }

            return new Result(snapshot.Programme.Slug, snapshot.Programme.Title, query.SessionKey, changes, unchanged);
        }
    }
}
