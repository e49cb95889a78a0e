using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Sessions;

namespace WorkProgramme.Application.Features.Sessions;

/// <summary>
/// Moves a session in the calendar (administrators): month, season, dates, place. Its key and ordinals stay, so the
/// deadlines that name it follow it and lateness is measured against its new month.
/// </summary>
public static class RescheduleSession
{
    public sealed record Command(Viewer Viewer, string Key, int Year, int Month, Season? Season, DateOnly? StartDate, DateOnly? EndDate,
        string? Place);

    public sealed class Handler(WorkProgrammeDb db)
    {
        /// <summary>Throws <see cref="DomainException"/> (FR/EN) when refused; nothing is then saved.</summary>
        public async Task HandleAsync(Command command, CancellationToken cancellationToken)
        {
            if (!command.Viewer.IsAdmin)
            {
                throw new DomainException("Seuls les administrateurs gèrent le calendrier.", "Only administrators manage the calendar.");
            }

            var session = await db.Sessions.SingleOrDefaultAsync(s => s.Key == command.Key, cancellationToken)
                ?? throw new DomainException($"Session inconnue « {command.Key} ».", $"Unknown session '{command.Key}'.");
            session.Reschedule(command.Year, command.Month, command.Season, command.StartDate, command.EndDate);
            session.MoveTo(command.Place);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
