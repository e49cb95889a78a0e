using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Features.Audit;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Application.Features.Rounds;

/// <summary>
/// An officer updates a draft report, or a second editor marks it reviewed. Both name the row version they started
/// from, like every edit.
/// </summary>
public static class WriteReport
{
    public sealed record Update(Viewer Viewer, string Slug, string SessionKey, Guid ActivityId, int? ExpectedRowVersion,
        StatusKeyword? Keyword, BilingualText Narrative, BilingualText NextSteps, IReadOnlyList<ReachedMilestone> Milestones);

    public sealed record Review(Viewer Viewer, string Slug, string SessionKey, Guid ActivityId, int? ExpectedRowVersion);

    public sealed class Handler(WorkProgrammeDb db, ICurrentActor actor)
    {
        public Task<RoundResult> HandleAsync(Update command, CancellationToken cancellationToken) =>
            ChangeAsync(command.Viewer, command.Slug, command.SessionKey, command.ActivityId, command.ExpectedRowVersion,
                report => report.Update(command.Keyword, command.Narrative, command.NextSteps, command.Milestones, command.Viewer.Name ?? actor.Name),
                cancellationToken);

        public Task<RoundResult> HandleAsync(Review command, CancellationToken cancellationToken) =>
            ChangeAsync(command.Viewer, command.Slug, command.SessionKey, command.ActivityId, command.ExpectedRowVersion,
                report => report.Review(command.Viewer.Name ?? actor.Name), cancellationToken);

        private async Task<RoundResult> ChangeAsync(Viewer viewer, string slug, string sessionKey, Guid activityId, int? expected,
            Action<StatusReport> change, CancellationToken cancellationToken)
        {
            var (context, failure) = await RoundContext.LoadAsync(db, viewer, slug, sessionKey, cancellationToken);
            if (context is null)
            {
                return failure!;
            }

            if (!context.Reports.TryGetValue(activityId, out var report))
            {
                return new RoundResult(RoundOutcome.NotFound);
            }

            if (expected is null)
            {
                return new RoundResult(RoundOutcome.MissingVersion, RowVersion: report.RowVersion);
            }

            if (expected != report.RowVersion)
            {
                return new RoundResult(RoundOutcome.Conflict, RowVersion: report.RowVersion);
            }

            try
            {
                change(report);
                await db.SaveChangesAsync(cancellationToken);
                return new RoundResult(RoundOutcome.Done, RowVersion: report.RowVersion);
            }
            catch (DomainException refused)
            {
                return new RoundResult(RoundOutcome.Refused, refused.Messages, RowVersion: report.RowVersion);
            }
            catch (DbUpdateConcurrencyException)
            {
                return new RoundResult(RoundOutcome.Conflict);
            }
        }
    }
}
