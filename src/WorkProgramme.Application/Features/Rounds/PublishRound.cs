using WorkProgramme.Application.Features.Audit;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Application.Features.Rounds;

/// <summary>
/// Publishes a round: every report of the session is frozen and becomes the current status. Reports nobody updated
/// are listed first, and published only when the caller confirms.
/// </summary>
public static class PublishRound
{
    public sealed record Command(Viewer Viewer, string Slug, string SessionKey, bool Confirmed);

    public sealed class Handler(WorkProgrammeDb db, ICurrentActor actor, TimeProvider clock)
    {
        public async Task<Result<Done>> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var (context, failure) = await RoundContext.LoadAsync(db, command.Viewer, command.Slug, command.SessionKey, cancellationToken);
            if (context is null)
            {
                return failure!;
            }

            if (context.Round is null)
            {
                return Failure.Refused(new BilingualText($"Aucun cycle de rapports n’est ouvert pour la session {command.SessionKey}.", $"No reporting round is open for session {command.SessionKey}."));
            }

            var pending = context.LiveRows
                .Where(r => context.Reports.GetValueOrDefault(r.ActivityId)?.Progress == ReportProgress.NotUpdated)
                .Select(RoundContext.Reference)
                .ToList();
            if (pending.Count > 0 && !command.Confirmed)
            {
                return Failure.Refused(new BilingualText(
                    "Des rapports n’ont pas été mis à jour : confirmez pour publier quand même.",
                    "Some reports were not updated: confirm to publish anyway.")) with { Pending = pending };
            }

            try
            {
                context.Round.Publish(command.Viewer.Name ?? actor.Name, clock.GetUtcNow(), context.Reports.Values);
            }
            catch (DomainException refused)
            {
                return Failure.Refused(refused.Messages);
            }

            await db.SaveChangesAsync(cancellationToken);
            return Done.Value;
        }
    }
}
