using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Translation;
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
        IReadOnlyList<RuleViolation> Warnings, bool RoundOpen)
    {
        /// <summary>How many of the report's texts are translated (docs/decisions/0048).</summary>
        public IReadOnlyList<TranslationCount> Translation { get; init; } = [];

        /// <summary>A published report's translation added after publication: the last one, when and by whom; null when none.</summary>
        public AddedTranslation? Added { get; init; }
    }

    /// <summary>The language a translation added to a published report, with the time and author of the last addition.</summary>
    public sealed record AddedTranslation(Language Language, DateTimeOffset At, string Actor);

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
                .Where(v => v.Rule is RuleCode.NoKeyword or RuleCode.NoNextSteps or RuleCode.LevelContradictsKeyword or RuleCode.MissingTranslation
                    or RuleCode.TranslationOutdated)
                .ToList();
            return new Result(RoundContext.Reference(row), row.Title, report, previous, previous?.SessionKey, warnings,
                context.Round?.State == Domain.Rounds.RoundState.Open)
            {
                Translation = TranslationState.Of(report),
                Added = report.State == ReportState.Published ? await AddedAsync(report, cancellationToken) : null,
            };
        }

        /// <summary>
        /// What the trail says was written into a published report after its publication: only a translation can be (the
        /// official wording is frozen), so the texts changed after the row that published it are the added language.
        /// </summary>
        private async Task<AddedTranslation?> AddedAsync(StatusReport report, CancellationToken cancellationToken)
        {
            var id = $"{report.ActivityId}@{report.SessionKey}";
            var rows = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "StatusReport" && e.EntityId == id)
                .OrderBy(e => e.Id).ToListAsync(cancellationToken);
            var published = rows.FindLastIndex(e => e.Field == nameof(StatusReport.State) && e.NewValue == nameof(ReportState.Published));
            var texts = rows.Skip(published + 1)
                .Where(e => e.Field.EndsWith(".En", StringComparison.Ordinal) || e.Field.EndsWith(".Fr", StringComparison.Ordinal)
                    || e.Field == nameof(StatusReport.MilestonesReached))
                .ToList();
            if (texts.Count == 0)
            {
                return null;
            }

            var language = texts.Any(e => e.Field.EndsWith(".Fr", StringComparison.Ordinal)) && !texts.Any(e => e.Field.EndsWith(".En", StringComparison.Ordinal))
                ? Language.Fr
                : Language.En;
            return new AddedTranslation(language, texts[^1].At, texts[^1].Actor);
        }
    }
}
