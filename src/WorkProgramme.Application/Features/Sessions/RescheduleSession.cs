using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Sessions;

namespace WorkProgramme.Application.Features.Sessions;

/// <summary>
/// Moves a session in the calendar (administrators): month, season, dates, place. Its key and ordinals stay, so the
/// deadlines that name it follow it and lateness is measured against its new month. Names the schedule it started from,
/// like every edit.
/// </summary>
public static class RescheduleSession
{
    public sealed record Command(Viewer Viewer, string Key, int Year, int Month, Season? Season, DateOnly? StartDate, DateOnly? EndDate,
        string? Place, string? ExpectedVersion);

    /// <summary>The version of a session's schedule (<see cref="SessionCalendar.Row.Version"/>).</summary>
    public static string VersionOf(int year, int month, Season? season, DateOnly? startDate, DateOnly? endDate, string? place) =>
        StateVersion.Of(year, month, season, startDate, endDate, place);

    public sealed class Handler(WorkProgrammeDb db, WritePipeline pipeline)
    {
        /// <summary>The value is the session's new version.</summary>
        public Task<Result<string>> HandleAsync(Command command, CancellationToken cancellationToken) =>
            pipeline.RunAsync(new Write<Session, string>(command.Viewer, command.ExpectedVersion, async ct =>
                await db.Sessions.SingleOrDefaultAsync(s => s.Key == command.Key, ct) is { } session
                    ? new Target<Session>(session, session.BodyCode, Version(session))
                    : null,
                (session, _) =>
                {
                    session.Reschedule(command.Year, command.Month, command.Season, command.StartDate, command.EndDate);
                    session.MoveTo(command.Place);
                    return Task.FromResult<Result<string>>(Version(session));
                })
            {
                // The calendar is the administrators'.
                MayChange = (viewer, _) => viewer.IsAdmin,
                Serialized = true,
            }, cancellationToken);

        private static string Version(Session session) =>
            VersionOf(session.Year, session.Month, session.Season, session.StartDate, session.EndDate, session.Place);
    }
}
