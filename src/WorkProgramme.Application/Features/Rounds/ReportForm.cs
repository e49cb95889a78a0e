using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Rules;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Application.Features.Rounds;

/// <summary>What the report form shows: the draft, the previous published report beside it, and the rules it breaks.</summary>
public static class ReportForm
{
    public sealed record Query(Viewer Viewer, string Slug, string SessionKey, Guid ActivityId);

    public sealed record Result(string Reference, BilingualText Title, StatusReport Report, StatusReport? Previous, string? PreviousSession,
        IReadOnlyList<RuleViolation> Warnings, bool RoundOpen);

    public sealed class Handler(WorkProgrammeDb db)
    {
        /// <summary>One report as the viewer may see it: published ones for everyone, drafts for the Secretariat and the committee.</summary>
        public async Task<StatusReport?> VisibleAsync(Viewer viewer, string slug, string sessionKey, Guid activityId, CancellationToken cancellationToken)
        {
            var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
            var report = programme is null
                ? null
                : await db.StatusReports.AsNoTracking().Where(r => r.SessionKey == sessionKey && r.ActivityId == activityId)
                    .Where(r => db.Activities.Any(a => a.Id == r.ActivityId && a.ProgrammeId == programme.Id))
                    .SingleOrDefaultAsync(cancellationToken);
            return report is not null && (report.State == ReportState.Published || viewer.CanSeeDrafts(programme!.BodyCode)) ? report : null;
        }

        public async Task<Result?> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var (context, _) = await RoundContext.LoadAsync(db, query.Viewer, query.Slug, query.SessionKey, cancellationToken);
            var row = context?.Version.Activities.SingleOrDefault(a => a.ActivityId == query.ActivityId);
            if (context is null || row is null || !context.Reports.TryGetValue(query.ActivityId, out var report))
            {
                return null;
            }

            var sessions = await db.Sessions.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.MonthIndex, cancellationToken);
            var previous = (await db.StatusReports.AsNoTracking()
                    .Where(r => r.ActivityId == query.ActivityId && r.State == ReportState.Published && r.SessionKey != query.SessionKey)
                    .ToListAsync(cancellationToken))
                .Where(r => sessions.GetValueOrDefault(r.SessionKey) < context.Session.MonthIndex)
                .MaxBy(r => sessions.GetValueOrDefault(r.SessionKey));
            var warnings = ProgrammeRules.Check([row], _ => report)
                .Where(v => v.Rule is RuleCode.NoKeyword or RuleCode.NoNextSteps or RuleCode.LevelContradictsKeyword or RuleCode.MissingTranslation)
                .ToList();
            return new Result(RoundContext.Reference(row), row.Title, report, previous, previous?.SessionKey, warnings,
                context.Round?.State == Domain.Rounds.RoundState.Open);
        }
    }
}
