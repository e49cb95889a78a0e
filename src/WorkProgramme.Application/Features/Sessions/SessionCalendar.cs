using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Sessions;

namespace WorkProgramme.Application.Features.Sessions;

/// <summary>A body's sessions in time order, newest first, and the bodies that can have sessions.</summary>
public static class SessionCalendar
{
    public sealed record Query(string? BodyCode);

    public sealed record Row(string Key, string BodyCode, IReadOnlyList<int> Ordinals, int Year, int Month, Season? Season,
        DateOnly? StartDate, DateOnly? EndDate, string? Place)
    {
        /// <summary>What a change of the session must name (the hidden field of its form): its schedule as shown.</summary>
        public string Version => RescheduleSession.VersionOf(Year, Month, Season, StartDate, EndDate, Place);

        public string OrdinalLabel(Language language) =>
            new Session(Key, BodyCode, Ordinals, Year, Month).OrdinalLabel(language);
    }

    public sealed record Result(string? BodyCode, IReadOnlyList<(string Code, BilingualText Name)> Bodies, IReadOnlyList<Row> Sessions);

    public sealed class Handler(WorkProgrammeDb db)
    {
        public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var bodies = (await db.Bodies.AsNoTracking().ToListAsync(cancellationToken))
                .OrderBy(b => b.Code, StringComparer.Ordinal).Select(b => (b.Code, b.Name)).ToList();
            var body = bodies.Any(b => b.Code == query.BodyCode) ? query.BodyCode : null;
            var sessions = await db.Sessions.AsNoTracking().Where(s => body == null || s.BodyCode == body).ToListAsync(cancellationToken);
            var rows = sessions.OrderByDescending(s => s.MonthIndex).ThenByDescending(s => s.Ordinals.Max()).ThenBy(s => s.BodyCode, StringComparer.Ordinal)
                .Select(s => new Row(s.Key, s.BodyCode, s.Ordinals, s.Year, s.Month, s.Season, s.StartDate, s.EndDate, s.Place))
                .ToList();
            return new Result(body, bodies, rows);
        }

        public async Task<Row?> FindAsync(string key, CancellationToken cancellationToken) =>
            (await HandleAsync(new Query(null), cancellationToken)).Sessions.SingleOrDefault(s => s.Key == key);
    }
}
