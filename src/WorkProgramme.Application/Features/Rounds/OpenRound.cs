using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Features.Audit;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Rounds;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Application.Features.Rounds;

/// <summary>
/// Opens the reporting round for a session: every activity gets a draft report for it, copied forward from its last
/// published report and marked "not yet updated".
/// </summary>
public static class OpenRound
{
    public sealed record Command(Viewer Viewer, string Slug, string SessionKey);

    public sealed class Handler(WorkProgrammeDb db, ICurrentActor actor, TimeProvider clock)
    {
        public async Task<Result<Done>> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var (context, failure) = await RoundContext.LoadAsync(db, command.Viewer, command.Slug, command.SessionKey, cancellationToken);
            if (context is null)
            {
                return failure!;
            }

            if (context.Session.BodyCode != context.Programme.BodyCode)
            {
                return Failure.Refused(context.NotThisBodysSession().Messages);
            }

            if (context.Round is not null || context.Reports.Values.Any(r => r.State == ReportState.Published))
            {
                return Failure.Refused(new BilingualText($"Les rapports sont déjà ouverts ou publiés pour {context.SessionLabelFrWithArticle}.", $"The reports are already open or published for the {context.SessionLabel.En}."));
            }

            var previous = await LastPublishedAsync(context, cancellationToken);
            foreach (var row in context.LiveRows.Where(r => !context.Reports.ContainsKey(r.ActivityId)))
            {
                db.StatusReports.Add(StatusReport.CopyForward(row.ActivityId, command.SessionKey, previous.GetValueOrDefault(row.ActivityId)));
            }

            db.Rounds.Add(new ReportingRound(context.Programme.Id, command.SessionKey, actor.Name, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            return Done.Value;
        }

        /// <summary>Each activity's most recent published report from a session before this one.</summary>
        private async Task<Dictionary<Guid, StatusReport>> LastPublishedAsync(RoundContext context, CancellationToken cancellationToken)
        {
            var sessions = await db.Sessions.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.MonthIndex, cancellationToken);
            var ids = context.LiveRows.Select(r => r.ActivityId).ToList();
            var published = await db.StatusReports.AsNoTracking()
                .Where(r => ids.Contains(r.ActivityId) && r.State == ReportState.Published)
                .ToListAsync(cancellationToken);
            return published
                .Where(r => sessions.GetValueOrDefault(r.SessionKey) < context.Session.MonthIndex)
                .GroupBy(r => r.ActivityId)
                .ToDictionary(g => g.Key, g => g.MaxBy(r => sessions.GetValueOrDefault(r.SessionKey))!);
        }
    }
}
